#pragma once

#include "core/Member.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace Keyward {

class ErrorLabel;
class KeyStore;
class RolePicker;

// Changes a member's role; says beforehand that a demotion deactivates and flags their keys
// above the new role.
class ChangeRoleDialog : public QDialog
{
    Q_OBJECT
public:
    ChangeRoleDialog(KeyStore &store, const Member &member, QWidget *parent = nullptr);

    RolePicker *rolePicker() const { return m_role; }

public Q_SLOTS:
    void accept() override;

private:
    void updateState();

    KeyStore &m_store;
    Member m_member;
    RolePicker *m_role = nullptr;
    QLabel *m_consequence = nullptr;
    ErrorLabel *m_error = nullptr;
    QPushButton *m_change = nullptr;
};

} // namespace Keyward
