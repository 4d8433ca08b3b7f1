#pragma once

#include "core/Member.h"
#include "core/Result.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Keyward {

class ErrorLabel;
class VaultSession;

// Signs a member in to the open vault. A wrong passphrase is said in place and the dialog stays
// open for another try; accept() starts the check (VaultSession::signInInBackground), and the
// dialog closes once the session is unlocked.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(VaultSession &session, const QString &memberName, QWidget *parent = nullptr);

    QString memberName() const;
    QString errorText() const;
    int failedAttempts() const { return m_failures; }
    // For the auto-lock case: say why the passphrase is asked again.
    void setReason(const QString &reason);
    // True from accept() until the passphrase check has answered.
    bool isChecking() const { return m_checking; }

public Q_SLOTS:
    void accept() override;
    void reject() override; // also abandons a check running

private:
    void updateState();
    void setChecking(bool checking);
    void onSignedIn(const Result<Member> &signedIn);

    VaultSession &m_session;
    QLabel *m_reason = nullptr;
    QLineEdit *m_member = nullptr;
    QLineEdit *m_passphrase = nullptr;
    ErrorLabel *m_error = nullptr;
    QPushButton *m_unlock = nullptr;
    int m_failures = 0;
    bool m_checking = false;
};

} // namespace Keyward
