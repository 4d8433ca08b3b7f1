#pragma once

#include "core/Member.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Keyward {

class KeyStore;

// Members of the vault and their roles (Owner only): add, change role, remove, and in a vault
// file set a passphrase — each through the store, which checks the rules again.
class MembersPage : public QWidget
{
    Q_OBJECT
public:
    explicit MembersPage(QWidget *parent = nullptr);

    void setStore(KeyStore *store, const std::optional<Member> &self);
    void reload();

    QTreeWidget *list() const { return m_list; }
    std::optional<Member> selectedMember() const;

public Q_SLOTS:
    void addMember();
    void changeRole();
    void removeMember();
    void setPassphrase();

Q_SIGNALS:
    // Members changed: keys may have been deactivated and flagged too.
    void membersChanged();
    void message(const QString &text);

private:
    void updateButtons();

    KeyStore *m_store = nullptr;
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
