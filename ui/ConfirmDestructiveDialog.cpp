#include "ConfirmDestructiveDialog.h"

#include "DialogButtons.h"
#include "LastUseText.h"
#include "WrapAnywhereLabel.h"
#include "core/Clock.h"
#include "core/KeyStatus.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Keyward {

namespace {

QLabel *plainLabel(QWidget *parent, const QString &objectName, const QString &text = {})
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setText(text);
    return label;
}

} // namespace

ConfirmDestructiveDialog::ConfirmDestructiveDialog(Mode mode, const ApiKey &key, const Clock &clock,
                                                   QWidget *parent, const QString &impact,
                                                   bool offerRegenerate)
    : QDialog(parent)
    , m_mode(mode)
    , m_key(key)
{
    setObjectName(mode == Mode::Revoke ? QStringLiteral("confirmRevokeDialog")
                                       : QStringLiteral("confirmDeleteDialog"));
    setWindowTitle(mode == Mode::Revoke ? tr("Revoke API Key") : tr("Delete API Key"));
    buildLayout(clock, impact, offerRegenerate);
    updateConfirmButton();
}

bool ConfirmDestructiveDialog::needsTypedName() const
{
    return m_key.environment == Environment::Production;
}

bool ConfirmDestructiveDialog::isConfirmed() const
{
    // Exact, not trimmed or case-folded: the point is to read the name, not to get past a box.
    return !needsTypedName() || (m_nameEdit && m_nameEdit->text() == m_key.name);
}

void ConfirmDestructiveDialog::buildLayout(const Clock &clock, const QString &impact,
                                           bool offerRegenerate)
{
    const bool revoke = m_mode == Mode::Revoke;
    const qint64 now = clock.nowMs();

    auto *heading = plainLabel(this, QStringLiteral("headingLabel"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);
    const QString shownName = heading->fontMetrics().elidedText(m_key.name, Qt::ElideMiddle, 360);
    heading->setText(revoke ? tr("Revoke “%1”?").arg(shownName)
                            : tr("Delete “%1”?").arg(shownName));

    // What breaks. A key that no longer works breaks nothing new.
    const KeyStatus status = effectiveStatus(m_key, now);
    auto *breaks = plainLabel(this, QStringLiteral("breaksLabel"));
    switch (status) {
    case KeyStatus::Active:
        breaks->setText(tr("Every integration that uses this key will get 401 Unauthorized."));
        break;
    case KeyStatus::Inactive:
        breaks->setText(tr("The key is inactive, so nothing that works now stops working; but "
                           "no integration can ever use it again."));
        break;
    case KeyStatus::Expired:
        breaks->setText(tr("The key has expired, so nothing that works now stops working."));
        break;
    case KeyStatus::Revoked:
        breaks->setText(tr("The key is revoked already, so nothing that works now stops "
                           "working."));
        break;
    }

    auto *lastUsedLabel = plainLabel(this, QStringLiteral("lastUsedLabel"));
    lastUsedLabel->setText(LastUseText::sentence(m_key, now));

    auto *consequence = plainLabel(this, QStringLiteral("consequenceLabel"));
    consequence->setText(revoke ? tr("Revoking is permanent: the key can never be activated "
                                     "again. It stays in the list as Revoked, with its "
                                     "history. To stop it for a while, deactivate it instead.")
                                : tr("The key is removed from the list. The audit log keeps its "
                                     "history. This cannot be undone."));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                     style()->standardIcon(QStyle::SP_MessageBoxWarning))
                        .pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(heading);
    textColumn->addWidget(breaks);
    textColumn->addWidget(lastUsedLabel);
    if (!impact.isEmpty())
        textColumn->addWidget(plainLabel(this, QStringLiteral("impactLabel"), impact));
    if (offerRegenerate) {
        auto *suggestion = plainLabel(
            this, QStringLiteral("suggestRegenerateLabel"),
            tr("The key is still in use. To replace its secret without breaking anything, "
               "regenerate it with a grace period instead: the old secret keeps working while "
               "the integrations switch to the new one."));
        QFont bold = suggestion->font();
        bold.setBold(true);
        suggestion->setFont(bold);
        textColumn->addWidget(suggestion);
    }
    textColumn->addWidget(consequence);

    if (needsTypedName()) {
        auto *typePrompt =
            plainLabel(this, QStringLiteral("typeNameLabel"),
                       tr("This is a Production key. To confirm, type its name exactly:"));
        // The whole name, to be typed: wrapped anywhere, as a name of 200 characters may have
        // no space; its context menu copies it.
        auto *nameShown = new WrapAnywhereLabel(m_key.name, this);
        nameShown->setObjectName(QStringLiteral("expectedNameLabel"));
        nameShown->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_nameEdit = new QLineEdit(this);
        m_nameEdit->setObjectName(QStringLiteral("confirmNameEdit"));
        m_nameEdit->setAccessibleName(tr("Type the key's name to confirm"));
        typePrompt->setBuddy(m_nameEdit);
        connect(m_nameEdit, &QLineEdit::textChanged, this,
                &ConfirmDestructiveDialog::updateConfirmButton);
        textColumn->addSpacing(6);
        textColumn->addWidget(typePrompt);
        textColumn->addWidget(nameShown);
        textColumn->addWidget(m_nameEdit);
    }

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(textColumn, 1);

    // Enter must never destroy: the safe answer is the default.
    const DialogButtons buttons = DialogButtons::acceptCancel(
        this, revoke ? tr("&Revoke Key") : tr("&Delete Key"), QStringLiteral("confirmButton"),
        DialogButtons::EnterKey::Cancels);
    m_confirmButton = buttons.accept;
    m_confirmButton->setIcon(QIcon::fromTheme(revoke ? QStringLiteral("edit-delete-remove")
                                                     : QStringLiteral("edit-delete")));
    QPushButton *regenerate = nullptr;
    if (offerRegenerate) {
        regenerate = buttons.box->addButton(tr("Regenerate with &Grace Period"),
                                            QDialogButtonBox::ActionRole);
        regenerate->setObjectName(QStringLiteral("regenerateInsteadButton"));
        regenerate->setAccessibleName(regenerate->text().remove(QLatin1Char('&')));
        regenerate->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
        regenerate->setAutoDefault(false);
        connect(regenerate, &QPushButton::clicked, this, [this] { done(RegenerateRequested); });
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch(1);
    layout->addWidget(buttons.box);
    setMinimumWidth(480);

    if (m_nameEdit) {
        setTabOrder(m_nameEdit, m_confirmButton);
        m_nameEdit->setFocus();
    } else {
        buttons.cancel->setFocus();
    }
    setTabOrder(m_confirmButton, buttons.cancel);
    if (regenerate)
        setTabOrder(buttons.cancel, regenerate);
}

void ConfirmDestructiveDialog::updateConfirmButton()
{
    const bool confirmed = isConfirmed();
    m_confirmButton->setEnabled(confirmed);
    m_confirmButton->setToolTip(confirmed ? QString()
                                          : tr("Type the key's name exactly to enable this."));
}

void ConfirmDestructiveDialog::accept()
{
    if (!isConfirmed())
        return;
    QDialog::accept();
}

} // namespace Keyward
