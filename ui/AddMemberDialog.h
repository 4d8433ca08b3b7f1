#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace Keyward {

class ErrorLabel;
class KeyStore;
class PassphraseFields;
class RolePicker;

// Adds a member to the vault (Owner only; the store checks). The Owner sets a first passphrase
// and tells it to the new member in person.
class AddMemberDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddMemberDialog(KeyStore &store, QWidget *parent = nullptr);

    QString addedName() const { return m_added; }

public Q_SLOTS:
    void accept() override;

private:
    void updateState();
    QString inputProblem() const;

    KeyStore &m_store;
    QLineEdit *m_name = nullptr;
    RolePicker *m_role = nullptr;
    PassphraseFields *m_passphrase = nullptr;
    ErrorLabel *m_error = nullptr;
    QPushButton *m_add = nullptr;
    QString m_added;
};

} // namespace Keyward
