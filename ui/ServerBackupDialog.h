#pragma once

#include "crypto/SecretString.h"

#include <QDialog>

class QPushButton;

namespace Keyward {

class PassphraseFields;

// File › Back Up Vault… on a PostgreSQL vault: the backup is a vault file, and a server keeps
// no passphrases to copy into it, so the Owner making it chooses theirs here (typed twice, as
// for a new vault). The other members are copied without one.
class ServerBackupDialog : public QDialog
{
    Q_OBJECT
public:
    ServerBackupDialog(const QString &memberName, const QString &targetPath,
                       QWidget *parent = nullptr);

    PassphraseFields *fields() const { return m_passphrase; }
    QPushButton *backUpButton() const { return m_backUp; }
    // The accepted passphrase; taken once (the fields are cleared when the dialog ends).
    SecretString takePassphrase() { return std::move(m_accepted); }

public Q_SLOTS:
    void accept() override;
    // The typed passphrase leaves the widgets however the dialog ends.
    void done(int result) override;

private:
    void updateState();

    PassphraseFields *m_passphrase = nullptr;
    QPushButton *m_backUp = nullptr;
    SecretString m_accepted;
};

} // namespace Keyward
