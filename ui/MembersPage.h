#pragma once

#include "core/Member.h"

#include <QPointer>
#include <QVector>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Keyward {

class KeyStore;
class MemberCommands;

// Members of the vault and their roles (Owner only): the table, the selection and which of
// add, change role, remove and (in a vault file) set passphrase may be used; MemberCommands
// runs them. The window reloads the page from the store's change channel
// (VaultSession::vaultChanged()).
class MembersPage : public QWidget
{
    Q_OBJECT
public:
    explicit MembersPage(QWidget *parent = nullptr);

    void setStore(KeyStore *store, const std::optional<Member> &self);
    // Where the buttons lead (not owned; nullptr while locked).
    void setCommands(MemberCommands *commands);
    void reload();

    QTreeWidget *list() const { return m_list; }
    std::optional<Member> selectedMember() const;

public Q_SLOTS:
    void addMember();
    void changeRole();
    void removeMember();
    void setPassphrase();

Q_SIGNALS:
    // The members could not be read.
    void message(const QString &text);

private:
    void updateButtons();

    KeyStore *m_store = nullptr;
    QPointer<MemberCommands> m_commands;
    std::optional<Member> m_self;
    QVector<Member> m_members;
    QTreeWidget *m_list = nullptr;
    QLabel *m_intro = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_change = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_setPassphrase = nullptr;
};

} // namespace Keyward
