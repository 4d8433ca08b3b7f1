#pragma once

#include "core/Member.h"

#include <QObject>
#include <QPointer>

class QDialog;
class QWidget;

namespace Keyward {

class KeyStore;

// The members' flows (issue 15 §4): Add Member, Change Role, Remove Member and Set Passphrase,
// for another member or for oneself (File › Change My Passphrase… too). Each checks permission
// in core, opens its dialog window-modal with open() (errors are shown in the dialog, which
// stays open), and reports through signals; the members page only offers them.
class MemberCommands : public QObject
{
    Q_OBJECT
public:
    MemberCommands(KeyStore &store, QWidget *dialogParent, QObject *parent = nullptr);

    // Each returns at once; what happened arrives through message(), and the change itself
    // through the store's change channel (VaultSession::vaultChanged()).
    void addMember();
    void changeRole(const Member &member);
    // Asks first (keys they created are deactivated and flagged), then removes.
    void removeMember(const Member &member);
    // One's own asks for the current passphrase too (SetPassphraseDialog).
    void setPassphrase(const Member &member);
    // The signed-in member's own, in a vault file.
    void changeOwnPassphrase();

Q_SIGNALS:
    // For the status bar: "bob is now Admin."
    void message(const QString &text);

private:
    // The signed-in member may manage members; otherwise says why (message) and returns false.
    bool mayManageMembers();
    // Window-modal, deleted on close.
    void show(QDialog *dialog);

    KeyStore &m_store;
    QPointer<QWidget> m_dialogParent;
};

} // namespace Keyward
