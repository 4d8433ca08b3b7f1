#include "ServerProbe.h"

#include "store/ServerLogin.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
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
// the sanitizers caught in keywardctl's usage writer). join() returns only once a thread is gone.
// Each attempt gets a thread of its own: abandoned ones may still wait for their timeout, and a
// new attempt must never queue behind them.
class ProbeWorkers : public QObject
{
public:
    using QObject::QObject;
    ~ProbeWorkers() override { waitForDone(-1); }

    void start(std::function<void()> work)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        joinFinished();
        auto worker = std::make_unique<Worker>();
        Worker *self = worker.get();
        worker->thread = std::thread([this, self, work = std::move(work)] {
            work();
            const std::lock_guard<std::mutex> lock(m_mutex);
            self->finished = true;
            m_changed.notify_all();
        });
        m_workers.push_back(std::move(worker));
    }

    // Waits until every worker has finished (timeoutMs < 0: however long); false on timeout.
    bool waitForDone(int timeoutMs)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        const auto allFinished = [this] {
            return std::all_of(m_workers.cbegin(), m_workers.cend(),
                               [](const auto &worker) { return worker->finished; });
        };
        if (timeoutMs < 0)
            m_changed.wait(lock, allFinished);
        else if (!m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), allFinished))
            return false;
        joinFinished();
        return true;
    }

private:
    struct Worker
    {
        std::thread thread;
        bool finished = false; // guarded by m_mutex
    };

    // With m_mutex held. A finished worker has only its exit left, so the join is short.
    void joinFinished()
    {
        for (auto it = m_workers.begin(); it != m_workers.end();) {
            if ((*it)->finished) {
                (*it)->thread.join();
                it = m_workers.erase(it);
            } else {
                ++it;
            }
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::unique_ptr<Worker>> m_workers;
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
