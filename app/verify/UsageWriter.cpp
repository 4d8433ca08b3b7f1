#include "UsageWriter.h"

#include <QElapsedTimer>
#include <QMutexLocker>

#include <pthread.h>

namespace Keyward {

UsageWriter::UsageWriter(const QString &storeConnection, SqlEngine engine, const Clock &clock,
                         UsageRetention retention, UsageBatch pending, int maxQueuedBatches,
                         std::shared_ptr<const DamageFlag> damage, int busyTimeoutMs)
    : m_storeConnection(storeConnection)
    , m_engine(engine)
    , m_clock(clock)
    , m_retention(retention)
    , m_maxQueuedBatches(qMax(1, maxQueuedBatches))
    , m_damage(std::move(damage))
    , m_busyTimeoutMs(busyTimeoutMs)
    , m_pending(pending)
    , m_backlog(std::move(pending))
{
    // A std::thread, not a QThread: Qt 6.4 detaches its threads, so QThread::wait() returns
    // before the thread's thread-local destructors have run. libpq's OpenSSL frees its
    // per-thread state in one of those, and OpenSSL's exit handler frees it too: a process
    // exiting right after the wait freed it twice (CI's AddressSanitizer caught keywardctl
    // doing so). join() returns only once the thread is gone.
    m_thread = std::thread([this] {
        pthread_setname_np(pthread_self(), "keyward-usage"); // at most 15 characters
        run();
    });
}

UsageWriter::~UsageWriter()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread.join();
}

namespace {

void aggregate(const EventBatch &batch, UsageBatch &into)
{
    UsageEvent event;
    for (const RecordedEvent &recorded : batch.events) {
        event.atMs = recorded.atMs;
        event.keyId = recorded.keyId;
        event.secretId = recorded.secretId;
        event.outcome = recorded.outcome;
        event.consumesCredit = recorded.consumesCredit;
        event.readsBackUsage = recorded.readsBackUsage;
        event.creditReserved = recorded.creditReserved;
        event.source = batch.sources.value(recorded.sourceIndex);
        into.add(event);
    }
}

} // namespace

quint64 UsageWriter::submit(EventBatch &batch, Write write)
{
    QMutexLocker lock(&m_mutex);
    if (!batch.events.isEmpty()
        && qsizetype(m_incoming.size()) >= kBacklogFactor * m_maxQueuedBatches) {
        // The thread is stuck in a write: aggregate here rather than queue without end.
        aggregate(batch, m_backlog);
        m_backlogAggregated += batch.events.size();
        batch.events.clear(); // keeps its capacity
        batch.sources.clear();
    } else if (!batch.events.isEmpty()) {
        m_incoming.push_back(std::exchange(batch, EventBatch()));
        // A used buffer back, its memory already allocated and touched: a fresh 128 KB one per
        // hand-off cost the verifying thread page faults worth several percent of a cached
        // verification.
        if (!m_spares.empty()) {
            batch = std::move(m_spares.back());
            m_spares.pop_back();
        }
    }
    const quint64 ticket = ++m_submitted;
    if (write == Write::Now)
        m_writeRequested = ticket;
    else if (write == Write::Paced)
        m_pacedRequested = ticket;
    if (write != Write::WithNext || qsizetype(m_incoming.size()) >= m_maxQueuedBatches)
        m_wake.wakeAll();
    return ticket;
}

qsizetype UsageWriter::queuedBatches() const
{
    QMutexLocker lock(&m_mutex);
    return qsizetype(m_incoming.size());
}

Result<void> UsageWriter::waitFor(quint64 ticket)
{
    QMutexLocker lock(&m_mutex);
    while (m_writeDone < ticket)
        m_done.wait(&m_mutex);
    return m_lastResult;
}

QVector<SavedUsage> UsageWriter::takeSavedUsage()
{
    QMutexLocker lock(&m_mutex);
    m_hasSaved.store(false, std::memory_order_release);
    return std::exchange(m_saved, {});
}

QString UsageWriter::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError;
}

void UsageWriter::run()
{
    std::unique_ptr<UsageRepository> repository; // with its own connection
    std::vector<EventBatch> batches;
    UsageBatch backlog = m_pending; // empty, with the same bounds: swapped with m_backlog
    for (;;) {
        quint64 writeTicket = 0;
        bool stopping = false;
        {
            QMutexLocker lock(&m_mutex);
            const auto pacedDue = [this] {
                return m_pacedRequested > m_writeDone && m_pacedNotBefore.hasExpired();
            };
            while (qsizetype(m_incoming.size()) < m_maxQueuedBatches
                   && m_writeRequested <= m_writeDone && !pacedDue() && !m_stopping) {
                if (m_pacedRequested > m_writeDone)
                    m_wake.wait(&m_mutex, m_pacedNotBefore);
                else
                    m_wake.wait(&m_mutex);
            }
            batches.swap(m_incoming);
            std::swap(backlog, m_backlog); // newer than every batch taken with it
            stopping = m_stopping;
            // On stop, everything handed over is written.
            writeTicket =
                stopping ? m_submitted : qMax(m_writeRequested, pacedDue() ? m_pacedRequested : 0);
        }
        // Aggregating here, not in verify(), keeps the verifier's cost at one append.
        qint64 aggregated = 0;
        for (const EventBatch &batch : std::as_const(batches)) {
            aggregated += batch.events.size();
            aggregate(batch, m_pending);
        }
        if (!backlog.isEmpty()) {
            aggregated += backlog.eventCount();
            m_pending.merge(backlog);
            backlog.clear();
        }
        m_aggregated += aggregated;
        for (EventBatch &batch : batches) {
            batch.events.clear(); // keeps its capacity
            batch.sources.clear();
        }
        {
            // As many as can be queued: then a full queue's worth of hand-offs allocates nothing.
            QMutexLocker lock(&m_mutex);
            while (!batches.empty() && qsizetype(m_spares.size()) < m_maxQueuedBatches) {
                m_spares.push_back(std::move(batches.back()));
                batches.pop_back();
            }
        }
        batches.clear();

        if (writeTicket > m_writeDone || stopping) {
            Result<void> result;
            if (!repository) {
                // Opened here, lazily: Qt SQL connections belong to the thread that opens them.
                auto opened =
                    UsageRepository::openOwn(m_storeConnection, m_engine, m_busyTimeoutMs);
                if (opened)
                    repository = std::move(*opened);
                else
                    result = opened.error();
            }
            if (repository)
                result = writePending(*repository);
            if (!result)
                ++m_failures;
            if (!result && result.error().code == ErrorCode::ConnectionLost) {
                // The server went away (restart, pg_terminate_backend): a new connection next
                // time, or usage would never be saved again. What was pending stays pending.
                repository.reset();
            }
            QMutexLocker lock(&m_mutex);
            m_lastResult = result;
            m_lastError = result.errorMessage();
            m_writeDone = qMax(m_writeDone, writeTicket);
            m_done.wakeAll();
        }
        if (stopping) {
            QMutexLocker lock(&m_mutex);
            if (m_incoming.empty() && m_backlog.isEmpty())
                break;
        }
    }
    repository.reset();
}

Result<void> UsageWriter::writePending(UsageRepository &repository)
{
    if (m_pending.isEmpty())
        return {};
    if (m_damage) {
        if (auto damage = m_damage->damage())
            return *damage; // writing into a damaged file could only spread the damage
    }
    QElapsedTimer took;
    took.start();
    auto readings = repository.write(m_pending, m_retention, m_clock.nowMs());
    const qint64 tookMs = took.elapsed();
    m_lastWriteMs.store(tookMs, std::memory_order_relaxed);
    m_pacedNotBefore.setRemainingTime(kPaceFactor * tookMs);
    if (!readings)
        return readings.error(); // m_pending stays and goes out with the next write
    ++m_writes;
    QVector<SavedUsage> saved;
    saved.reserve(readings->size());
    for (auto it = m_pending.readBackKeys().constBegin(); it != m_pending.readBackKeys().constEnd();
         ++it)
        m_savedCredits[it.key()] += it.value();
    for (const UsageCountReading &reading : std::as_const(*readings))
        saved.append(SavedUsage {reading.keyId, m_savedCredits.value(reading.keyId),
                                 reading.usageCount, reading.usageEpoch});
    m_pending.clear();
    if (!saved.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        m_saved += saved;
        m_hasSaved.store(true, std::memory_order_release);
    }
    return {};
}

} // namespace Keyward
