#pragma once

#include "core/Member.h"
#include "core/Result.h"
#include "store/PgConnInfo.h"

#include <QObject>
#include <QString>

#include <optional>

namespace Keyward {

class PasswordVault;
class VaultSession;

// Where the password of a server connection comes from, and what a refusal means, without any
// widget (ConnectServerDialog only presents it). libpq looks first (PGPASSFILE, ~/.pgpass,
// PGPASSWORD, a service file); a server that still asks gets the password remembered in the
// system keychain, if any, and then the user is asked (passwordNeeded()). A password given in
// the connection string is the user's own and never replaced. Typed passwords are offered to
// the keychain only after they worked, and only when the user asked.
// Every step runs in the background: the keychain answers through a callback (or not at all,
// then a timeout moves on), the session tries the server on a worker thread.
class ServerPasswordFlow : public QObject
{
    Q_OBJECT
public:
    ServerPasswordFlow(VaultSession &session, PasswordVault &keychain, QObject *parent = nullptr);

    // Connects the session to server (which may carry a password of its own). typedPassword:
    // what the user typed when asked (empty: nothing typed); remember: keep it in the keychain
    // once it worked. Ignored while an attempt runs.
    void connectTo(const PgConnInfo &server, const QString &typedPassword = QString(),
                   bool remember = false);
    // Stops the attempt (keychain look-up or connection): nothing changes, nothing is reported.
    void cancel();

    bool isBusy() const { return m_busy; }
    // What is being done while busy: "Connecting to keys@db…".
    QString busyText() const { return m_busyText; }
    // After connected(): the typed password when "remember" was asked for and the keychain can
    // keep it.
    std::optional<QString> passwordToRemember() const { return m_passwordToRemember; }
    // Whether "remember the password" can be offered; when not, keychainNote() may say why.
    bool offersToRemember() const;
    QString keychainNote() const;

Q_SIGNALS:
    void busyChanged(bool busy);
    // The server wants a password that was not found or not accepted: ask the user (again).
    void passwordNeeded(const QString &message);
    // The session is connected (and signed in as the login's member).
    void connected();
    // Any other failure, explained ("Cannot connect to …"); the user may try again.
    void failed(const QString &message);
    // offersToRemember() or keychainNote() changed (the keychain service answered the probe).
    void rememberOfferChanged();

private:
    enum class PasswordSource { None, Given, Typed, Keychain };

    void readKeychainThenConnect(const PgConnInfo &server);
    void attempt(const PgConnInfo &server, PasswordSource source);
    void onAttemptFinished(const Result<Member> &connected, PasswordSource source);
    void setBusy(bool busy, const QString &what = QString());

    VaultSession &m_session;
    PasswordVault &m_keychain;
    bool m_busy = false;
    QString m_busyText;
    // Each keychain look-up's number: an answer for an older one (after the timeout, or after a
    // cancel) starts nothing.
    int m_keychainTicket = 0;
    QString m_typedPassword; // for the attempt that uses it, until it has answered
    bool m_rememberTyped = false;
    std::optional<QString> m_passwordToRemember;
};

} // namespace Keyward
