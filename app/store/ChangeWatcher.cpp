#include "ChangeWatcher.h"

#include "SqlConnection.h"
#include "SqlErrors.h"
#include "SqlKeyStore.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace Keyward {

namespace {

const QString kChannel = QStringLiteral("keyward_changed");
const QString kUsageChannel = QStringLiteral("keyward_usage");

} // namespace

ChangeWatcher::ChangeWatcher(SqlKeyStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::poll);
}

ChangeWatcher::~ChangeWatcher()
{
    stop();
}

void ChangeWatcher::setPollIntervalMs(int ms)
{
    m_timer.setInterval(qMax(10, ms));
}

bool ChangeWatcher::start()
{
    if (auto counter = m_store.changeCounter())
        m_lastCounter = *counter;
    if (auto counter = m_store.usageCounter())
        m_lastUsageCounter = *counter;
    m_timer.start();
    if (m_store.engine() == SqlEngine::Sqlite)
        return true;
    return openListener();
}

void ChangeWatcher::stop()
{
    m_timer.stop();
    closeListener();
}

bool ChangeWatcher::openListener()
{
    closeListener();
    // Same server, login and options as the store: no second password prompt.
    m_listener = SqlConnection::cloneOf(m_store.connectionName(), QStringLiteral("listen"));
    QSqlDatabase &listener = m_listener->database();
    if (!listener.open()) {
        m_error = SqlErrors::fromConnectError(listener.lastError(), m_store.displayName()).message;
        closeListener();
        return false;
    }
    QSqlDriver *driver = listener.driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                onNotification(name, payload);
            });
    if (!driver->subscribeToNotification(kChannel)
        || !driver->subscribeToNotification(kUsageChannel)) {
        m_error = SqlErrors::fromSqlError(
                      driver->lastError(),
                      tr("Cannot listen for changes on %1.").arg(m_store.displayName()))
                      .message;
        closeListener();
        return false;
    }
    m_listening = true;
    m_error.clear();
    return true;
}

void ChangeWatcher::closeListener()
{
    m_listening = false;
    m_listener.reset();
}

void ChangeWatcher::poll()
{
    if (m_store.engine() == SqlEngine::Sqlite) {
        if (auto counter = m_store.changeCounter())
            report(*counter);
        if (auto counter = m_store.usageCounter())
            reportUsage(*counter);
        return;
    }
    auto markLost = [this](const QString &message) {
        m_error = message;
        closeListener();
        if (!m_lost) {
            m_lost = true;
            Q_EMIT connectionLost(message);
        }
    };
    if (m_listening && !m_listener->database().isOpen())
        markLost(tr("The connection to %1 was lost.").arg(m_store.displayName()));
    if (!m_listening) {
        if (!openListener()) {
            markLost(m_error);
            return;
        }
        if (m_lost) {
            m_lost = false;
            Q_EMIT connectionRestored();
        }
    }
    // Also the safety net for a notification that sits unread in the driver.
    SqlQuery q(m_listener->database());
    if (!q.exec(QStringLiteral("SELECT name, value FROM vault_meta WHERE name IN "
                               "('change_seq', 'usage_seq')"))) {
        markLost(
            SqlErrors::fromQuery(q, tr("Cannot watch %1 for changes.").arg(m_store.displayName()))
                .message);
        return;
    }
    while (q.next()) {
        const qint64 counter = q.value(1).toString().toLongLong();
        if (q.value(0).toString() == QLatin1String("usage_seq"))
            reportUsage(counter);
        else
            report(counter);
    }
}

void ChangeWatcher::onNotification(const QString &name, const QVariant &payload)
{
    if (name != kChannel && name != kUsageChannel)
        return;
    bool ok = false;
    const qint64 counter = payload.toString().toLongLong(&ok);
    if (name == kUsageChannel) {
        if (ok)
            reportUsage(counter);
        else
            Q_EMIT usageChanged(-1);
    } else if (ok) {
        report(counter);
    } else {
        Q_EMIT changed(-1);
    }
}

void ChangeWatcher::report(qint64 counter)
{
    // The counter only grows; an older value arriving late (a poll racing a notification)
    // is no news.
    if (counter <= m_lastCounter)
        return;
    m_lastCounter = counter;
    Q_EMIT changed(counter);
}

void ChangeWatcher::reportUsage(qint64 counter)
{
    if (counter <= m_lastUsageCounter)
        return;
    m_lastUsageCounter = counter;
    Q_EMIT usageChanged(counter);
}

} // namespace Keyward
