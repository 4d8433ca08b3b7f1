#pragma once

#include "core/Member.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace Keyward {

class ErrorLabel;
class KeyStore;
class PassphraseFields;

// Sets a member's passphrase in a vault file: members change their own, an Owner sets anyone's
// (a first one for a member copied from a server, or a reset). The store checks who may, again.
// One's own needs the current passphrase too: someone at an unlocked screen left alone must not
// be able to take the account over.
class SetPassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    SetPassphraseDialog(KeyStore &store, const Member &member, QWidget *parent = nullptr);

    bool isOwnPassphrase() const { return m_own; }
    PassphraseFields *fields() const { return m_passphrase; }
    // Only when changing one's own; nullptr otherwise.
    QLineEdit *currentPassphraseEdit() const { return m_current; }

public Q_SLOTS:
    void accept() override;
    // The typed passphrase leaves the widgets however the dialog ends.
    void done(int result) override;

private:
    void updateState();

    KeyStore &m_store;
    Member m_member;
    bool m_own = false;
    PassphraseFields *m_passphrase = nullptr;
    QLineEdit *m_current = nullptr;
    ErrorLabel *m_currentError = nullptr;
    ErrorLabel *m_error = nullptr; // a refusal of the store (say, a lost Owner role)
    QPushButton *m_set = nullptr;
};

} // namespace Keyward
