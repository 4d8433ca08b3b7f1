#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Keyward {

class ErrorLabel;
class PassphraseFields;
class VaultSession;

// Creates a vault: where, the key prefix, the first member (the Owner) and their passphrase.
// Shown on first run and for File ▸ New Vault. accept() creates it through the session.
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { FirstRun, NewVault };

    WelcomeDialog(VaultSession &session, Mode mode, const QString &path, QWidget *parent = nullptr);

    QString path() const;
    QString errorText() const;

public Q_SLOTS:
    void accept() override;

private:
    void updateState();
    void browse();
    QString inputProblem() const;

    VaultSession &m_session;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLabel *m_example = nullptr;
    QLineEdit *m_owner = nullptr;
    PassphraseFields *m_passphrase = nullptr;
    ErrorLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_create = nullptr;
};

} // namespace Keyward
