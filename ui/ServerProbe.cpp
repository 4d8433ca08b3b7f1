#include "ServerProbe.h"

#include "BackgroundJob.h"
#include "store/ServerLogin.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

namespace Keyward {

namespace {

// Long enough for a server across the world, short enough that a dead one is reported (and a
// quitting application joins its workers) soon.
constexpr int kDefaultConnectTimeoutSeconds = 5;

// The probes' worker threads, owned by the application object: destroying the application
// joins workers still in libpq, which use Qt SQL's connection registry and the QPSQL plugin that
// must not go away under them. std::threads, not a QThreadPool: Qt 6.4 detaches its threads, so
// a pool's wait returns before their thread-local destructors have run, and libpq's OpenSSL
// frees its per-thread state both there and in its exit handler (a double free at exit, which
// the sanitizers caught in keywardctl's usage writer). A BackgroundJob's wait joins its thread.
// Each attempt gets a job of its own: abandoned ones may still wait for their timeout, and a
// new attempt must never queue behind them.
class ProbeWorkers : public QObject
{
public:
    using QObject::QObject;
    ~ProbeWorkers() override { waitForDone(-1); }

    void start(std::function<void()> work)
    {
        // A finished job has only its thread's exit left: dropping it joins at once.
        m_jobs.erase(std::remove_if(m_jobs.begin(), m_jobs.end(),
                                    [](const auto &job) { return job->isFinished(); }),
                     m_jobs.end());
        m_jobs.push_back(std::make_unique<BackgroundJob>(std::move(work), "keyward-probe"));
    }

    // Waits until every job has finished (timeoutMs < 0: however long); false on timeout.
    bool waitForDone(int timeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : timeoutMs);
        for (const auto &job : m_jobs) {
            if (!job->waitFor(deadline.isForever() ? -1 : int(deadline.remainingTime())))
                return false;
        }
        m_jobs.clear();
        return true;
    }

private:
    std::vector<std::unique_ptr<BackgroundJob>> m_jobs;
};

// Touched from the GUI thread only.
QPointer<ProbeWorkers> &workersPointer()
{
    static QPointer<ProbeWorkers> workers;
    return workers;
}

ProbeWorkers *probeWorkers()
{
    QPointer<ProbeWorkers> &workers = workersPointer();
    if (!workers)
        workers = new ProbeWorkers(QCoreApplication::instance());
    return workers;
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
    probeWorkers()->start([ticket, info] {
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
    ProbeWorkers *workers = workersPointer();
    return !workers || workers->waitForDone(timeoutMs);
}

} // namespace Keyward
