#include "MemberCommands.h"

#include "AddMemberDialog.h"
#include "ChangeRoleDialog.h"
#include "MessageBox.h"
#include "RolePicker.h"
#include "SetPassphraseDialog.h"
#include "core/DisplayNames.h"
#include "core/Permissions.h"
#include "store/KeyStore.h"

namespace Keyward {

MemberCommands::MemberCommands(KeyStore &store, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_dialogParent(dialogParent)
{ }

bool MemberCommands::mayManageMembers()
{
    const std::optional<Member> self = m_store.currentMember();
    const Result<void> may = self
        ? Permissions::mayManageMembers(*self)
        : Result<void>(makeError(ErrorCode::PermissionDenied, tr("Sign in first.")));
    if (!may)
        Q_EMIT message(may.errorMessage());
    return may.isOk();
}

void MemberCommands::show(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MemberCommands::addMember()
{
    if (!mayManageMembers())
        return;
    auto *dialog = new AddMemberDialog(m_store, m_dialogParent);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Q_EMIT message(tr("%1 was added to the vault.").arg(dialog->addedName()));
    });
    show(dialog);
}

void MemberCommands::changeRole(const Member &member)
{
    if (!mayManageMembers())
        return;
    auto *dialog = new ChangeRoleDialog(m_store, member, m_dialogParent);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name = member.name] {
        Q_EMIT message(
            tr("%1 is now %2.").arg(name, DisplayNames::role(dialog->rolePicker()->role())));
    });
    show(dialog);
}

void MemberCommands::removeMember(const Member &member)
{
    if (!mayManageMembers())
        return;
    // A question with two buttons; MessageBox lets tests answer it.
    MessageBox::confirm(
        m_dialogParent, tr("Remove Member"),
        tr("Remove %1 from this vault?\n\nThey can no longer sign in, and the active keys they "
           "created are deactivated and flagged. The audit log keeps their history.")
            .arg(member.name),
        tr("&Remove Member"), tr("&Keep Member"), this, [this, member](bool remove) {
            if (!remove)
                return;
            if (auto removed = m_store.removeMember(member.id); !removed) {
                MessageBox::warning(m_dialogParent, tr("Remove Member"), removed.errorMessage());
                return;
            }
            Q_EMIT message(tr("%1 was removed from the vault.").arg(member.name));
        });
}

void MemberCommands::setPassphrase(const Member &member)
{
    // A server keeps no passphrases (it checks the logins' passwords): nothing to set there.
    const std::optional<Member> self = m_store.currentMember();
    if (!m_store.keepsPassphrases() || !self)
        return;
    if (const Result<void> may = Permissions::mayChangePassphrase(*self, member); !may) {
        Q_EMIT message(may.errorMessage());
        return;
    }
    auto *dialog = new SetPassphraseDialog(m_store, member, m_dialogParent);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name = member.name] {
        Q_EMIT message(dialog->isOwnPassphrase()
                           ? tr("Your passphrase was changed. Use it the next time you sign in.")
                           : tr("The passphrase of %1 was changed.").arg(name));
    });
    show(dialog);
}

void MemberCommands::changeOwnPassphrase()
{
    if (const std::optional<Member> self = m_store.currentMember())
        setPassphrase(*self);
}

} // namespace Keyward
