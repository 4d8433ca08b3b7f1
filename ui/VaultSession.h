#pragma once

#include "core/Member.h"
#include "core/Result.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace Keyward {

class Clock;
class IdleWatcher;
class SecretString;
class SqlKeyStore;

// One open vault and who is signed in to it. Locking signs out but keeps the file open, so
// unlocking only needs the passphrase. A one-second tick polls the vault's change counter
// (one cheap query) to notice changes made by other processes, and locks after idle time.
class VaultSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Locked, Unlocked };
    Q_ENUM(State)

    explicit VaultSession(const Clock &clock, QObject *parent = nullptr);
    ~VaultSession() override;

    // Opens the vault file (state Locked). On failure the session is Closed.
    Result<void> open(const QString &path);
    // Creates a vault with its first member as Owner, who is signed in (state Unlocked).
    Result<Member> create(const QString &path, const QString &prefix, const QString &owner,
                          const SecretString &passphrase);
    // Wrong credentials leave the session Locked so the caller can ask again.
    Result<Member> signIn(const QString &memberName, const SecretString &passphrase);
    void lock();
    void close();

    State state() const { return m_state; }
    bool isUnlocked() const { return m_state == State::Unlocked; }
    SqlKeyStore *store() const { return m_store.get(); }
    QString path() const { return m_path; }
    std::optional<Member> member() const { return m_member; }
    const Clock &clock() const { return m_clock; }

    // 0 turns auto-lock off.
    void setAutoLockMs(qint64 ms) { m_autoLockMs = ms; }
    qint64 autoLockMs() const { return m_autoLockMs; }
    IdleWatcher &idleWatcher() const { return *m_idle; }

    // Polls for changes and checks idleness; the timer calls it every second.
    void tick();
    // Remembers the current change counter so our own writes do not count as outside changes.
    void acknowledgeChanges();

Q_SIGNALS:
    void stateChanged(Keyward::VaultSession::State state);
    // Someone (another window, keywardctl) changed the vault.
    void changedElsewhere();
    // The signed-in member's role changed (possibly elsewhere).
    void memberChanged();
    void autoLocked();

private:
    void setState(State state);
    void refreshMember();

    const Clock &m_clock;
    std::unique_ptr<SqlKeyStore> m_store;
    std::unique_ptr<IdleWatcher> m_idle;
    QString m_path;
    std::optional<Member> m_member;
    State m_state = State::Closed;
    qint64 m_autoLockMs = 0;
    qint64 m_lastCounter = -1;
    QTimer m_ticker;
};

} // namespace Keyward
