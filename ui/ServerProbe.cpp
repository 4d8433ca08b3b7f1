#include "ServerProbe.h"

#include "store/ServerLogin.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QThreadPool>

namespace Keyward {

namespace {

// Long enough for a server across the world, short enough that a dead one is reported (and a
// quitting application joins its workers) soon.
constexpr int kDefaultConnectTimeoutSeconds = 5;

// The pool is a child of the application object, so that destroying the application waits for
// workers still in libpq: they use Qt SQL's connection registry and the QPSQL plugin, which must
// not go away under them. Not the global pool: a worker may wait seconds and must neither hold
// up nor queue behind anything else. Touched from the GUI thread only.
QPointer<QThreadPool> &poolPointer()
{
    static QPointer<QThreadPool> pool;
    return pool;
}

QThreadPool *probePool()
{
    QPointer<QThreadPool> &pool = poolPointer();
    if (!pool)
        pool = new QThreadPool(QCoreApplication::instance());
    // Abandoned attempts may still be waiting for their timeout: a new one never queues.
    pool->setMaxThreadCount(qMax(pool->maxThreadCount(), pool->activeThreadCount() + 1));
    return pool;
}

} // namespace

// Shared by the probe and its worker. The worker posts its outcome under the mutex, and the
// probe clears receiver under the same mutex when it abandons the attempt or is destroyed, so
// the worker never posts to a probe that is gone (Qt drops events still queued for a destroyed
// object).
struct ServerProbe::Ticket
{
    QMutex mutex;
    ServerProbe *receiver = nullptr;
};

ServerProbe::ServerProbe(QObject *parent)
    : QObject(parent)
{ }

ServerProbe::~ServerProbe()
{
    cancel();
}

PgConnInfo ServerProbe::withConnectTimeout(const PgConnInfo &server)
{
    return server.withClientDefaults(kDefaultConnectTimeoutSeconds);
}

void ServerProbe::start(const PgConnInfo &server)
{
    cancel();
    auto ticket = std::make_shared<Ticket>();
    ticket->receiver = this;
    m_pending = ticket;
    // As the store connects, so a DBA sees who knocked.
    const PgConnInfo info = withConnectTimeout(server);
    probePool()->start([ticket, info] {
        const Result<void> result = tryServerLogin(info); // a connection of its own, on the worker
        const QMutexLocker locker(&ticket->mutex);
        if (ServerProbe *receiver = ticket->receiver) {
            QMetaObject::invokeMethod(
                receiver, [receiver, ticket, result] { receiver->deliver(ticket, result); },
                Qt::QueuedConnection);
        }
    });
}

void ServerProbe::cancel()
{
    if (!m_pending)
        return;
    {
        const QMutexLocker locker(&m_pending->mutex);
        m_pending->receiver = nullptr;
    }
    m_pending.reset();
}

void ServerProbe::deliver(const std::shared_ptr<Ticket> &ticket, const Result<void> &result)
{
    // Posted just before the attempt was abandoned (or replaced by a newer one).
    if (ticket != m_pending)
        return;
    m_pending.reset();
    Q_EMIT finished(result);
}

bool ServerProbe::waitForWorkers(int timeoutMs)
{
    QThreadPool *pool = poolPointer();
    return !pool || pool->waitForDone(timeoutMs);
}

} // namespace Keyward
