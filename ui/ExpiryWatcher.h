#pragma once

#include "core/ExpiryAlerts.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QThread;
class QTimer;

namespace Keyward {

class Clock;
class Notifier;
class Settings;

// Watches the vault files this computer knows (Settings' recent vaults) for keys about to stop
// working, while the window is open or closed, and hands new alerts to a Notifier: each alert
// once (remembered in Settings, outside the vault), at most a few notices per vault at a time.
// A vault is read on a thread of its own with its own connection, without a passphrase: expiry
// dates, grace periods and usage are readable in a locked vault, and nothing is written.
class ExpiryWatcher : public QObject
{
    Q_OBJECT
public:
    // More new alerts than this in one vault at once become one notice that opens the vault.
    static constexpr int kMaxNoticesPerVault = 3;
    static constexpr int kDefaultIntervalMs = 15 * 60 * 1000;

    ExpiryWatcher(Settings &settings, const Clock &clock, Notifier &notifier,
                  QObject *parent = nullptr);
    ~ExpiryWatcher() override; // waits for a check under way

    // Checks now and then every intervalMs.
    void start(int intervalMs = kDefaultIntervalMs);
    void stop();
    // Starts a check unless one is under way; checked() follows.
    void checkNow();
    bool isChecking() const { return m_thread != nullptr; }
    bool isRunning() const;

Q_SIGNALS:
    // A check has ended and its notices are out.
    void checked();
    // A notice was clicked: show that key (keyId 0: the vault's keys).
    void openKeyRequested(const QString &vaultPath, qint64 keyId);

private:
    struct VaultAlerts
    {
        QString path;
        QVector<ExpiryAlert> due;
        bool read = false; // false: missing, locked by a writer, damaged, foreign: skipped
    };
    static QVector<VaultAlerts> readVaults(const QStringList &paths, const Clock &clock,
                                           const QHash<QString, QString> &pins);
    void onRead();
    void notifyVault(const VaultAlerts &vault);
    void onActivated(const QString &noticeId);

    Settings &m_settings;
    const Clock &m_clock;
    Notifier &m_notifier;
    QTimer *m_timer = nullptr;
    QThread *m_thread = nullptr;
    QVector<VaultAlerts> m_result; // written by the thread, read after it finished
    // Notice id → what it opens.
    struct Target
    {
        QString path;
        qint64 keyId = 0;
    };
    QHash<QString, Target> m_targets;
    quint64 m_noticeCount = 0;
};

} // namespace Keyward
