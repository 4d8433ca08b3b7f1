#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace Keyward {

class SqlConnection;
class SqlKeyStore;

// Tells an open window or a verifier cache that the vault changed, whoever changed it.
// PostgreSQL: LISTEN keyward_changed on a connection of its own (a connection that also runs
// queries can sit on a notification until its next query), so changes arrive within
// milliseconds; the same connection is polled as a safety net and reopened when it drops.
// SQLite: polls the change counter. Usage recorded by any process is reported the same way
// (channel keyward_usage, counter usage_seq), apart from changes. Lives in, and must be used from,
// the store's thread.
class ChangeWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ChangeWatcher(SqlKeyStore &store, QObject *parent = nullptr);
    ~ChangeWatcher() override;

    // Starts watching; false (with errorString()) if the listening connection cannot be opened.
    // Polling still starts then, and keeps retrying the connection.
    bool start();
    void stop();
    bool isListening() const { return m_listening; }
    QString errorString() const { return m_error; }
    // How often to poll (SQLite) or check the listening connection (PostgreSQL). Default 1 s.
    void setPollIntervalMs(int ms);

Q_SIGNALS:
    // The change counter moved (counter: its new value, -1 when unknown).
    void changed(qint64 counter);
    // Some process recorded usage (the usage counter moved; counter: its new value, -1 when
    // unknown). Read what changed with KeyStore::usageSince().
    void usageChanged(qint64 counter);
    // The listening connection dropped / came back (then changed() follows, as notifications
    // may have been missed meanwhile).
    void connectionLost(const QString &message);
    void connectionRestored();

private:
    bool openListener();
    void closeListener();
    void poll();
    void onNotification(const QString &name, const QVariant &payload);
    void report(qint64 counter);
    void reportUsage(qint64 counter);

    SqlKeyStore &m_store;
    std::unique_ptr<SqlConnection> m_listener; // null while not listening
    QTimer m_timer;
    qint64 m_lastCounter = -1;
    qint64 m_lastUsageCounter = -1;
    bool m_listening = false;
    bool m_lost = false;
    QString m_error;
};

} // namespace Keyward
