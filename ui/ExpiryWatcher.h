#pragma once

#include "core/ExpiryAlerts.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

class QTimer;

namespace Keyward {

class BackgroundJob;
class Clock;
class Notifier;
class PasswordVault;
class Settings;

// Watches the vaults this computer knows (Settings' recent vault files and servers) for keys
// about to stop working, while the window is open or closed, and hands new alerts to a Notifier:
// each alert once (remembered in Settings, outside the vault), at most a few notices per vault
// at a time. Vaults are read on a thread of its own with connections of its own, without a
// passphrase: expiry dates, grace periods and usage are readable in a locked vault, and nothing
// is written. A server is read with the password remembered for it in the system keychain, or
// else with whatever libpq finds itself (~/.pgpass, a service file, PGPASSWORD). A keychain that
// has nothing for a server, or asked the user to unlock it and was refused, is not asked about
// that server again by the quarter-hourly checks (it would prompt every quarter hour), only when
// the user asks for a check (checkNow()).
class ExpiryWatcher : public QObject
{
    Q_OBJECT
public:
    // More new alerts than this in one vault at once become one notice that opens the vault.
    static constexpr int kMaxNoticesPerVault = 3;
    static constexpr int kDefaultIntervalMs = 15 * 60 * 1000;

    // keychain: where server passwords are remembered (nullptr: libpq's own sources only).
    ExpiryWatcher(Settings &settings, const Clock &clock, Notifier &notifier,
                  PasswordVault *keychain = nullptr, QObject *parent = nullptr);
    ~ExpiryWatcher() override; // waits for a check under way

    // Checks now and then every intervalMs.
    void start(int intervalMs = kDefaultIntervalMs);
    void stop();
    // Starts a check unless one is under way, asking the keychain about every server again;
    // checked() follows.
    void checkNow();
    bool isChecking() const { return m_checking; }
    bool isRunning() const;

Q_SIGNALS:
    // A check has ended and its notices are out.
    void checked();
    // A notice was clicked: show that key (keyId 0: the vault's keys).
    void openKeyRequested(const QString &vaultPath, qint64 keyId);
    // The same for a vault on a server (conninfo as Settings keeps it, without a password).
    void openServerKeyRequested(const QString &conninfo, qint64 keyId);

public:
    // What Settings::shownAlerts() is keyed by.
    static QString fileVaultId(const QString &path);
    static QString serverVaultId(const QString &conninfo);

private:
    // A vault to read: a file (with the fingerprint pinned for it) or a server.
    struct Source
    {
        bool server = false;
        QString location; // the path, or the conninfo
        QString pinnedFingerprint;
        QString password; // a server's, from the keychain; empty: libpq finds its own
    };
    struct VaultAlerts
    {
        Source source;
        QString label; // how notices name the vault
        QVector<ExpiryAlert> due;
        bool read = false; // false: missing, locked by a writer, damaged, foreign: skipped
    };
    void check(bool askKeychainAgain);
    void readKeychainThenStart();
    void startReading();
    static QVector<VaultAlerts> readVaults(const QVector<Source> &sources, const Clock &clock);
    void onRead();
    void notifyVault(const VaultAlerts &vault);
    void onActivated(const QString &noticeId);

    Settings &m_settings;
    const Clock &m_clock;
    Notifier &m_notifier;
    PasswordVault *m_keychain = nullptr;
    // Servers the keychain had no password for: the timer's checks leave them to libpq.
    QSet<QString> m_keychainWithout;
    QVector<Source> m_sources; // the check under way's, while the keychain answers
    int m_keychainReads = 0; // keychain answers still awaited
    bool m_checking = false;
    QTimer *m_timer = nullptr;
    BackgroundJob *m_thread = nullptr;
    QVector<VaultAlerts> m_result; // written by the thread, read after it finished
    // Notice id → what it opens.
    struct Target
    {
        Source source;
        qint64 keyId = 0;
    };
    QHash<QString, Target> m_targets;
    quint64 m_noticeCount = 0;
};

} // namespace Keyward
