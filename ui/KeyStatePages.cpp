#include "KeyStatePages.h"

#include "Icons.h"

#include <QAction>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Keyward {

namespace {

QLabel *centeredLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    return label;
}

} // namespace

EmptyKeysPage::EmptyKeysPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("emptyStatePage"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);

    auto *picture = new QLabel(this);
    picture->setPixmap(QIcon(Icons::resourcePath(QStringLiteral("empty-keys")))
                           .pixmap(QSize(128, 96), devicePixelRatioF()));
    picture->setAlignment(Qt::AlignCenter);
    layout->addWidget(picture);

    QLabel *title = centeredLabel(tr("No API keys yet"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    title->setFont(titleFont);
    layout->addWidget(title);

    QLabel *text = centeredLabel(tr("Generate one key for each service or integration that calls "
                                    "your API.\nThe key is shown once; Keyward keeps only a hint "
                                    "of it, so store it in the service's secret settings."),
                                 this);
    layout->addWidget(text);

    auto *button = new QToolButton(this);
    button->setObjectName(QStringLiteral("emptyGenerateButton"));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(false);
    button->setMinimumHeight(34);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(button);
    buttonRow->addStretch(1);
    layout->addSpacing(8);
    layout->addLayout(buttonRow);

    m_hint = centeredLabel(QString(), this);
    m_hint->setObjectName(QStringLiteral("emptyStateHint"));
    layout->addWidget(m_hint);
    layout->addStretch(2);
}

void EmptyKeysPage::setGenerateAction(QAction *action)
{
    m_generate = action;
    auto *button = findChild<QToolButton *>(QStringLiteral("emptyGenerateButton"));
    button->setDefaultAction(action);
    connect(action, &QAction::changed, this, &EmptyKeysPage::updateHint);
    updateHint();
}

void EmptyKeysPage::updateHint()
{
    // A disabled button alone does not say why; the empty state has room to say it.
    m_hint->setText(m_generate->isEnabled() ? QString() : m_generate->toolTip());
    m_hint->setVisible(!m_generate->isEnabled());
}

NoMatchingKeysPage::NoMatchingKeysPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("noMatchPage"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(centeredLabel(tr("No keys match the search and filters."), this));
    auto *clear = new QPushButton(tr("&Clear Search and Filters"), this);
    clear->setObjectName(QStringLiteral("clearFiltersButton"));
    connect(clear, &QPushButton::clicked, this, &NoMatchingKeysPage::clearFiltersRequested);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(clear);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

} // namespace Keyward
