#include "SetPassphraseDialog.h"

#include "BusyCursor.h"
#include "DialogButtons.h"
#include "ErrorLabel.h"
#include "PassphraseFields.h"
#include "PasswordLineEdit.h"
#include "store/KeyStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Keyward {

SetPassphraseDialog::SetPassphraseDialog(KeyStore &store, const Member &member, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_member(member)
{
    setObjectName(QStringLiteral("setPassphraseDialog"));
    const std::optional<Member> self = store.currentMember();
    m_own = self && self->id == member.id;
    setWindowTitle(m_own ? tr("Change My Passphrase")
                         : tr("Set Passphrase of %1").arg(member.name));

    m_passphrase = new PassphraseFields(this);
    auto *name = new QLabel(member.name, this);
    name->setTextFormat(Qt::PlainText);
    m_passphrase->formLayout()->insertRow(0, tr("Member:"), name);
    if (m_own) {
        m_current = new PasswordLineEdit(this);
        m_current->setObjectName(QStringLiteral("currentPassphraseEdit"));
        m_passphrase->formLayout()->insertRow(1, tr("C&urrent passphrase:"), m_current);
        m_currentError = new ErrorLabel(this, QStringLiteral("currentPassphraseErrorLabel"));
        m_passphrase->formLayout()->insertRow(2, QString(), m_currentError);
        connect(m_current, &QLineEdit::textChanged, this, &SetPassphraseDialog::updateState);
        // Typing again answers the complaint.
        connect(m_current, &QLineEdit::textEdited, m_currentError, &ErrorLabel::clearError);
        m_current->setFocus();
    }

    auto *note = new QLabel(m_own ? tr("Use the new passphrase the next time you sign in. The old "
                                       "one stops working at once.")
                                  : tr("The old passphrase stops working at once. Give %1 the new "
                                       "one in person, not by e-mail or chat.")
                                        .arg(member.name),
                            this);
    note->setObjectName(QStringLiteral("passphraseNoteLabel"));
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);

    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, m_own ? tr("&Change Passphrase") : tr("&Set Passphrase"),
                                    QStringLiteral("changePassphraseButton"));
    m_set = buttons.accept;

    m_error = new ErrorLabel(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_passphrase);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons.box);

    connect(m_passphrase, &PassphraseFields::changed, this, &SetPassphraseDialog::updateState);
    updateState();
    setMinimumWidth(460);
}

void SetPassphraseDialog::updateState()
{
    QString problem = m_passphrase->problem();
    if (m_current && m_current->text().isEmpty())
        problem = tr("Enter your current passphrase.");
    m_set->setEnabled(problem.isEmpty());
    m_set->setToolTip(problem);
}

void SetPassphraseDialog::accept()
{
    if (!m_set->isEnabled())
        return;
    m_error->clearError();
    SecretString passphrase = m_passphrase->passphrase();
    SecretString current =
        m_current ? SecretString::fromQString(m_current->text()) : SecretString();
    if (m_current)
        m_current->clear();
    const Result<void> changed = [&] {
        BusyCursor busy(this);
        return m_own ? m_store.changeOwnPassphrase(current, passphrase)
                     : m_store.setMemberPassphrase(m_member.id, passphrase);
    }();
    passphrase.clear();
    current.clear();
    if (changed.isOk()) {
        QDialog::accept();
        return;
    }
    if (m_own && changed.code() == ErrorCode::AuthenticationFailed) {
        // Only the current passphrase was wrong: the new one, typed twice, may stay.
        m_currentError->showError(changed.errorMessage());
        m_current->setFocus();
        return;
    }
    // Typed once, used once: a refusal (say, a lost Owner role) is not fixed by the same text.
    m_passphrase->clear();
    m_error->showError(changed.errorMessage());
}

void SetPassphraseDialog::done(int result)
{
    m_passphrase->clear();
    if (m_current)
        m_current->clear();
    if (m_currentError)
        m_currentError->clearError();
    m_error->clearError();
    QDialog::done(result);
}

} // namespace Keyward
