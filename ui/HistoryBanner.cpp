#include "HistoryBanner.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Keyward {

HistoryBanner::HistoryBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("historyBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // Breeze's negative red, light enough for black text: this is about the vault's integrity.
    QPalette p = palette();
    const QColor border(0xda, 0x44, 0x53);
    p.setColor(QPalette::Window, QColor(0xf9, 0xdc, 0xdf));
    p.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Light, border);
    p.setColor(QPalette::Dark, border);
    p.setColor(QPalette::Mid, border);
    setPalette(p);

    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    m_icon->setPixmap(QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                       style()->standardIcon(QStyle::SP_MessageBoxWarning))
                          .pixmap(22, 22));
    auto *title = new QLabel(tr("The vault's history changed"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("historyBannerText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismiss = new QPushButton(tr("&Dismiss"), this);
    m_dismiss->setObjectName(QStringLiteral("dismissHistoryButton"));
    m_dismiss->setToolTip(tr("Accept the history as it is now. Check the audit log first."));
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        clear();
        Q_EMIT dismissed();
    });

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(title);
    texts->addWidget(m_text);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_icon);
    layout->addLayout(texts, 1);
    layout->addWidget(m_dismiss, 0, Qt::AlignVCenter);
    hide();
}

void HistoryBanner::showProblem(const QString &text)
{
    m_showing = true;
    m_text->setText(text);
    show();
}

void HistoryBanner::clear()
{
    m_showing = false;
    m_text->clear();
    hide();
}

QString HistoryBanner::text() const
{
    return m_text->text();
}

} // namespace Keyward
