#include "BulkConfirmDialog.h"

#include "DialogButtons.h"
#include "Formatting.h"
#include "LastUseText.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"
#include "core/ExpiryPolicy.h"

#include <QDate>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Keyward {

namespace {

constexpr int kShownRows = 8;

QLabel *plainLabel(QWidget *parent, const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

// stretched: the column that takes the width left (names, or the reasons of the left-out list).
QTreeWidget *keyTree(QWidget *parent, const QString &objectName, const QStringList &headers,
                     int stretched)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setHeaderLabels(headers);
    tree->header()->setStretchLastSection(false);
    for (int column = 0; column < headers.size(); ++column)
        tree->header()->setSectionResizeMode(
            column, column == stretched ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    tree->setTextElideMode(Qt::ElideMiddle);
    return tree;
}

// Tall enough for a few rows, then it scrolls: a thousand names must not make the dialog
// taller than the screen.
void fitRows(QTreeWidget *tree)
{
    const int rows = qMin(tree->topLevelItemCount(), kShownRows);
    const int measured = tree->topLevelItemCount() > 0 ? tree->sizeHintForRow(0) : 0;
    const int rowHeight = measured > 0 ? measured : tree->fontMetrics().height() + 6;
    tree->setFixedHeight(tree->header()->sizeHint().height() + rows * rowHeight
                         + 2 * tree->frameWidth() + 2);
    // The whole text on hover, where a long name or reason is elided.
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree->topLevelItem(i);
        for (int column = 0; column < tree->columnCount(); ++column)
            item->setToolTip(column, item->text(column));
    }
}

} // namespace

BulkConfirmDialog::BulkConfirmDialog(BulkKeyAction action, const QVector<ApiKey> &changing,
                                     const QVector<LeftOut> &leftOut, const Clock &clock,
                                     QWidget *parent)
    : QDialog(parent)
    , m_action(action)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("bulkConfirmDialog"));
    const int count = int(changing.size());
    setWindowTitle(heading(action, count).chopped(1)); // without the question mark
    const qint64 now = clock.nowMs();
    if (BulkKeyRules::stopsKeys(action)) {
        for (const ApiKey &key : changing)
            m_productionCount += key.environment == Environment::Production ? 1 : 0;
    }

    auto *title = plainLabel(this, QStringLiteral("headingLabel"), heading(action, count));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);

    m_keyList = keyTree(this, QStringLiteral("bulkKeyList"),
                        {tr("Name"), tr("Environment"), tr("Last used")}, 0);
    for (const ApiKey &key : changing)
        new QTreeWidgetItem(
            m_keyList,
            {key.name, DisplayNames::environment(key.environment), LastUseText::cell(key, now)});
    fitRows(m_keyList);

    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(title);
    textColumn->addWidget(
        plainLabel(this, QStringLiteral("consequenceLabel"), consequence(action)));
    textColumn->addWidget(m_keyList);

    if (!leftOut.isEmpty()) {
        textColumn->addWidget(
            plainLabel(this, QStringLiteral("leftOutLabel"),
                       tr("%n selected key(s) are left out:", nullptr, int(leftOut.size()))));
        m_leftOutList = keyTree(this, QStringLiteral("leftOutList"), {tr("Name"), tr("Why")}, 1);
        for (const LeftOut &entry : leftOut)
            new QTreeWidgetItem(m_leftOutList, {entry.first.name, entry.second});
        fitRows(m_leftOutList);
        textColumn->addWidget(m_leftOutList);
    }

    if (action == BulkKeyAction::ShortenExpiry) {
        m_expiryEdit = new QDateEdit(this);
        m_expiryEdit->setObjectName(QStringLiteral("expiryDateEdit"));
        m_expiryEdit->setCalendarPopup(true);
        m_expiryEdit->setTimeSpec(Qt::LocalTime);
        const QDate today = QDateTime::fromMSecsSinceEpoch(now).date();
        m_expiryEdit->setMinimumDate(today.addDays(1));
        m_expiryEdit->setDate(today.addDays(7));
        auto *label = new QLabel(tr("&New expiry:"), this);
        label->setBuddy(m_expiryEdit);
        auto *row = new QHBoxLayout;
        row->addWidget(label);
        row->addWidget(m_expiryEdit);
        row->addStretch(1);
        textColumn->addLayout(row);
        textColumn->addWidget(plainLabel(this, QStringLiteral("expiryHintLabel"),
                                         tr("Keys that expire sooner keep their date.")));
    }

    if (m_productionCount > 0) {
        auto *prompt =
            plainLabel(this, QStringLiteral("typeCountLabel"),
                       tr("%n of them are Production keys. To confirm, type how many: %n", nullptr,
                          m_productionCount));
        m_countEdit = new QLineEdit(this);
        m_countEdit->setObjectName(QStringLiteral("confirmCountEdit"));
        m_countEdit->setAccessibleName(tr("Type the number of Production keys to confirm"));
        m_countEdit->setMaximumWidth(120);
        prompt->setBuddy(m_countEdit);
        connect(m_countEdit, &QLineEdit::textChanged, this,
                &BulkConfirmDialog::updateConfirmButton);
        textColumn->addSpacing(6);
        textColumn->addWidget(prompt);
        textColumn->addWidget(m_countEdit);
    }

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                     style()->standardIcon(QStyle::SP_MessageBoxWarning))
                        .pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(textColumn, 1);

    // Enter never stops or shortens keys: the safe answer is the default, as for one key.
    const DialogButtons buttons = DialogButtons::acceptCancel(
        this, buttonText(action, count), QStringLiteral("confirmButton"),
        action == BulkKeyAction::Activate ? DialogButtons::EnterKey::Accepts
                                          : DialogButtons::EnterKey::Cancels);
    m_confirmButton = buttons.accept;

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch(1);
    layout->addWidget(buttons.box);
    setMinimumWidth(560);

    if (m_countEdit) {
        setTabOrder(m_countEdit, m_confirmButton);
        m_countEdit->setFocus();
    } else if (m_expiryEdit) {
        m_expiryEdit->setFocus();
    } else {
        buttons.cancel->setFocus();
    }
    updateConfirmButton();
}

bool BulkConfirmDialog::isConfirmed() const
{
    return m_productionCount == 0
        || (m_countEdit && m_countEdit->text().trimmed() == QString::number(m_productionCount));
}

void BulkConfirmDialog::suggestExpiry(qint64 atMs)
{
    if (m_expiryEdit)
        m_expiryEdit->setDate(
            std::max(QDateTime::fromMSecsSinceEpoch(atMs).date(), m_expiryEdit->minimumDate()));
}

std::optional<qint64> BulkConfirmDialog::expiresAtMs() const
{
    if (!m_expiryEdit)
        return std::nullopt;
    return ExpiryPolicy::onDate(m_expiryEdit->date()).expiresAtMs(m_clock.nowMs(), Qt::LocalTime);
}

void BulkConfirmDialog::updateConfirmButton()
{
    const bool confirmed = isConfirmed();
    m_confirmButton->setEnabled(confirmed);
    m_confirmButton->setToolTip(
        confirmed ? QString() : tr("Type the number of Production keys to enable this."));
}

void BulkConfirmDialog::accept()
{
    if (!isConfirmed())
        return;
    QDialog::accept();
}

QString BulkConfirmDialog::heading(BulkKeyAction action, int count)
{
    switch (action) {
    case BulkKeyAction::Deactivate:
        return tr("Deactivate %n key(s)?", nullptr, count);
    case BulkKeyAction::Activate:
        return tr("Activate %n key(s)?", nullptr, count);
    case BulkKeyAction::Revoke:
        return tr("Revoke %n key(s)?", nullptr, count);
    case BulkKeyAction::Delete:
        return tr("Delete %n key(s)?", nullptr, count);
    case BulkKeyAction::ShortenExpiry:
        return tr("Shorten the expiry of %n key(s)?", nullptr, count);
    }
    return {};
}

QString BulkConfirmDialog::buttonText(BulkKeyAction action, int count)
{
    switch (action) {
    case BulkKeyAction::Deactivate:
        return tr("&Deactivate %n Key(s)", nullptr, count);
    case BulkKeyAction::Activate:
        return tr("&Activate %n Key(s)", nullptr, count);
    case BulkKeyAction::Revoke:
        return tr("&Revoke %n Key(s)", nullptr, count);
    case BulkKeyAction::Delete:
        return tr("&Delete %n Key(s)", nullptr, count);
    case BulkKeyAction::ShortenExpiry:
        return tr("&Shorten %n Expiry Date(s)", nullptr, count);
    }
    return {};
}

QString BulkConfirmDialog::consequence(BulkKeyAction action)
{
    switch (action) {
    case BulkKeyAction::Deactivate:
        return tr("Every integration that uses these keys will get 401 Unauthorized until they "
                  "are activated again.");
    case BulkKeyAction::Activate:
        return tr("These keys will work again for every integration that holds them.");
    case BulkKeyAction::Revoke:
        return tr("Every integration that uses these keys will get 401 Unauthorized. Revoking "
                  "is permanent: the keys stay in the list as Revoked, with their history.");
    case BulkKeyAction::Delete:
        return tr("Every integration that uses these keys will get 401 Unauthorized. The keys "
                  "are removed from the list; the audit log keeps their history. This cannot "
                  "be undone.");
    case BulkKeyAction::ShortenExpiry:
        return tr("These keys stop working on the new date. An expiry can only be shortened, "
                  "never extended.");
    }
    return {};
}

} // namespace Keyward
