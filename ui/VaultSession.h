#pragma once

#include "ServerProbe.h"
#include "core/Member.h"
#include "core/Result.h"
#include "crypto/SecretString.h"
#include "store/PgConnInfo.h"
#include "store/VaultFile.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Keyward {

class IntegrityCheckRun;
struct SignInChallenge;
struct SignInProof;

class ChangeWatcher;
class Clock;
class IdleWatcher;
class SecretString;
class SqlKeyStore;
struct StoreChange;

// One open vault (a local file or a PostgreSQL database) and who is signed in to it.
//
// Local vault: locking signs out but keeps the file open, so unlocking only needs the
// passphrase. PostgreSQL: the server authenticates the login and the login is the member, so
// there is no passphrase; locking disconnects (and forgets the password), and unlocking means
// connecting again.
//
// Every change reaches the window through vaultChanged(): the store reports this session's own
// commits at once, and changes made elsewhere arrive through a ChangeWatcher (NOTIFY on PostgreSQL,
// at once; a poll of the change counter on SQLite, within a second). A one-second tick locks after
// idle time and, on PostgreSQL, checks that the connection is alive: a dropped connection is
// retried with exponential backoff until it works, and reported through connectionLost()/
// connectionRestored().
//
// Nothing here waits for a server that does not answer: connectServerInBackground() and every
// reconnect first let a ServerProbe log in on a worker thread, and only a server that answered
// gets the real connection on the GUI thread (a connection belongs to the thread that opened it).
class VaultSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Locked, Unlocked };
    Q_ENUM(State)

    explicit VaultSession(const Clock &clock, QObject *parent = nullptr);
    ~VaultSession() override;

    // Opens the vault file (state Locked). On failure the session is Closed. pinnedFingerprint:
    // the fingerprint this install pinned for the file (empty: none); a vault with another one,
    // or none, is refused with AuthenticationFailed, naming both. check: how much of the file is
    // read first (VaultCheck::Header for a file VaultOpenCheck checked just now).
    Result<void> open(const QString &path, const QString &pinnedFingerprint = QString(),
                      VaultCheck check = VaultCheck::WholeFile);
    // Creates a vault with its first member as Owner, who is signed in (state Unlocked).
    Result<Member> create(const QString &path, const QString &prefix, const QString &owner,
                          const SecretString &passphrase);
    // Wrong credentials leave the session Locked so the caller can ask again. Checks the
    // passphrase (Argon2id, about half a second) and waits for the file's full check on the
    // calling thread: the window uses signInInBackground().
    Result<Member> signIn(const QString &memberName, const SecretString &passphrase);
    using SignInCallback = std::function<void(const Result<Member> &result)>;
    // signIn() without blocking: the passphrase is checked on a thread of its own, and a full
    // check of the file still running is waited for without blocking. done gets what signIn()
    // returns, on this thread (also an error found at once); it is dropped when context is
    // destroyed first, on cancelSignIn(), when another sign-in starts, and when the vault is
    // closed or left meanwhile.
    void signInInBackground(const QString &memberName, const SecretString &passphrase,
                            QObject *context, SignInCallback done);
    void cancelSignIn();
    bool isSigningIn() const { return m_signIn != nullptr; }
    // Connects to a PostgreSQL vault and signs its login in (state Unlocked). The session that
    // was open stays as it was when this fails: AuthenticationFailed when the server refused
    // the login (or wants a password that server lacks), PermissionDenied when the login is not
    // a member, ConnectionLost when the server cannot be reached. Unless the conninfo sets one,
    // connect_timeout is 5 s. This waits for the server on the calling thread: the GUI uses
    // connectServerInBackground().
    Result<Member> connectServer(const PgConnInfo &server);
    using ConnectCallback = std::function<void(const Result<Member> &result)>;
    // connectServer() without waiting: a ServerProbe tries the login on a worker thread and only
    // a server that accepted it is connected to (quickly) on this thread. done gets what
    // connectServer() returns, or the probe's error (the same messages), on this thread; it is
    // dropped when context is destroyed first, on cancelConnect(), and when another call starts.
    void connectServerInBackground(const PgConnInfo &server, QObject *context,
                                   ConnectCallback done);
    // Abandons the attempt of connectServerInBackground(): nothing changes and done never runs.
    void cancelConnect();
    bool isConnecting() const { return m_connectProbe.isRunning(); }
    void lock();
    void close();

    State state() const { return m_state; }
    bool isUnlocked() const { return m_state == State::Unlocked; }
    SqlKeyStore *store() const { return m_store.get(); }
    // The vault file; empty for a server.
    QString path() const { return m_path; }
    // True for a PostgreSQL vault, also while it is locked (disconnected).
    bool isRemote() const { return m_remote; }
    // The server as given to connectServer(), without its password; empty for a file.
    PgConnInfo serverInfo() const { return m_server; }
    // serverInfo() with its password, for a worker thread that opens a connection of its own
    // (a connection belongs to the thread that opened it): the backup of a server's vault.
    // Keep it no longer than that connection needs it.
    PgConnInfo serverLogin() const;
    // "vault.keyward" or "keys@db.example.com:5432", for titles and banners.
    QString displayName() const;
    std::optional<Member> member() const { return m_member; }
    const Clock &clock() const { return m_clock; }

    // False from a dropped connection until a reconnect succeeds. Writes are pointless then.
    bool isConnected() const { return !m_connectionLost; }
    // Retry delays after a dropped connection: first, doubled after each failure, at most max.
    // Default 1 s .. 30 s; tests make them short.
    void setReconnectBackoff(int firstMs, int maxMs);
    // The delay before the next automatic retry, while disconnected.
    int retryDelayMs() const { return m_retryDelayMs; }
    // Tries to reconnect now (the banner's "Retry now"); the backoff goes on if it fails. Does
    // nothing while an attempt is running.
    void reconnectNow();
    // True from reconnecting() until the attempt's outcome is signalled.
    bool isReconnecting() const { return m_reconnectProbe.isRunning(); }

    // How often the watcher polls the change counter (SQLite) or checks its listening
    // connection (PostgreSQL). Default 1 s; applies from the next sign-in.
    void setChangePollIntervalMs(int ms) { m_pollIntervalMs = ms; }

    // 0 turns auto-lock off.
    void setAutoLockMs(qint64 ms) { m_autoLockMs = ms; }
    qint64 autoLockMs() const { return m_autoLockMs; }
    IdleWatcher &idleWatcher() const { return *m_idle; }

    // Checks idleness and looks for changes now (the timer only checks idleness and, on
    // PostgreSQL, the connection; changes come from the watcher).
    void tick();
    // Checks the connection with one cheap query and starts reconnecting if it dropped.
    void checkConnection();
    // Remembers the current change counter so our own writes do not count as outside changes.
    void acknowledgeChanges();

Q_SIGNALS:
    void stateChanged(Keyward::VaultSession::State state);
    // The vault changed: this window's own write (at once, after its commit, or a write refused
    // because someone else had changed the key) or someone else's (another window, keywardctl;
    // through the ChangeWatcher). The one channel the window reloads from: commands never reload.
    // The change counter is noted before it is emitted.
    void vaultChanged();
    // Some process (a verifier, keywardctl verify, a service on the server) recorded usage;
    // KeyStore::usageSince() says of which keys.
    void usageRecorded();
    // The signed-in member's role changed (possibly elsewhere).
    void memberChanged();
    void autoLocked();
    // The connection to the server dropped (message: why); a retry follows in retryInMs.
    void connectionLost(const QString &message, int retryInMs);
    // A retry has started. It runs in the background; reconnectFailed(), connectionRestored()
    // or reconnectRefused() follows (within the connect timeout, 5 s unless the conninfo says).
    void reconnecting();
    // A retry failed; the next one follows in retryInMs.
    void reconnectFailed(const QString &message, int retryInMs);
    // Connected again; everything shown may be stale and should be reloaded.
    void connectionRestored();
    // The server no longer accepts the login (password changed, login removed): retrying would
    // not help, so the session is locked and the user has to connect again.
    void reconnectRefused(const QString &message);
    // The full check of the vault file opened (integrity_check, run in the background after
    // the open) found damage: the session closes it; message names the file and the damage.
    void vaultDamaged(const QString &message);

private:
    void setState(State state);
    void startWatching();
    void stopWatching();
    void onTimer();
    bool checkIdle();
    void checkForChanges(qint64 counter);
    void checkForUsage(qint64 counter);
    enum class RemovedMember { LockNow, LockLater };
    void refreshMember(RemovedMember removed);
    void adoptStore(std::unique_ptr<SqlKeyStore> store);
    void onOwnChange(const StoreChange &change);
    void markConnectionLost(const QString &message);
    void attemptReconnect();
    void onConnectProbed(const Result<void> &reached);
    void onReconnectProbed(const Result<void> &reached);
    void finishReconnect();
    void reconnectFailedWith(const Error &error);
    void resetStore();
    // Takes the background check's verdict; VaultCorrupt (and the store refuses writes) when
    // it found damage.
    Result<void> takeIntegrityVerdict();
    void onIntegrityChecked();
    Result<void> checkSignInPossible() const;
    // The sign-in's last step on this thread, once the passphrase is checked.
    Result<Member> finishSignIn(const SignInChallenge &challenge, SignInProof proof);
    // signInInBackground()'s next step, when both the passphrase check and the full check ended.
    void continueSignIn();
    // Forgets the sign-in under way without calling back or waiting for its thread.
    void dropSignIn();

    const Clock &m_clock;
    std::unique_ptr<SqlKeyStore> m_store;
    // After m_store: it watches that store, so it must go first.
    std::unique_ptr<ChangeWatcher> m_watcher;
    std::unique_ptr<IdleWatcher> m_idle;
    // The full check of a vault file, from open() until its verdict is taken.
    std::unique_ptr<IntegrityCheckRun> m_integrity;
    // signInInBackground(), until its callback runs or it is dropped.
    struct PendingSignIn;
    std::unique_ptr<PendingSignIn> m_signIn;
    QString m_path;
    PgConnInfo m_server; // without its password
    SecretString m_serverPassword; // m_server's, for reconnecting
    bool m_remote = false;
    std::optional<Member> m_member;
    State m_state = State::Closed;
    qint64 m_autoLockMs = 0;
    qint64 m_lastCounter = -1;
    qint64 m_lastUsageCounter = -1;
    int m_pollIntervalMs = 1000;
    QTimer m_ticker;

    bool m_connectionLost = false;
    int m_firstRetryMs = 1000;
    int m_maxRetryMs = 30 * 1000;
    int m_retryDelayMs = 1000;
    QTimer m_retryTimer;

    // connectServerInBackground(): the server (with its password) until the probe has answered.
    ServerProbe m_connectProbe;
    PgConnInfo m_connectTarget;
    QPointer<QObject> m_connectContext;
    ConnectCallback m_connectDone;
    ServerProbe m_reconnectProbe;
};

} // namespace Keyward
