#pragma once

#include "RecordedEvents.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "store/DamageFlag.h"
#include "store/SqlDialect.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWaitCondition>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace Keyward {

// After a save: the credits this process has saved for a key so far, and usage_count as read in
// the same transaction (so it includes other processes' saved use too).
struct SavedUsage
{
    qint64 keyId = 0;
    qint64 savedCredits = 0;
    qint64 storedCount = 0;
    qint64 usageEpoch = 0; // storedCount's
};

// The recorder's thread: takes batches of usage events, aggregates them and writes them in one
// transaction on a connection of its own, so no verification ever waits for the disk, a busy
// vault or a slow PostgreSQL server. A failed write keeps its data and is retried with the next
// one (the batch stays bounded, see UsageBatch).
//
// Handed-over batches wait in a queue until a write is asked for, or until maxQueuedBatches of
// them wait. So the thread wakes once per write, not every few thousand requests, and a burst of
// verifications does not share the machine with usage bookkeeping: on a small VM that work on
// the other vCPU measurably slowed the verifying thread.
//
// While the thread is inside a write (waiting up to busyTimeoutMs for another program's lock, or
// for a slow server), it cannot empty the queue. Once kBacklogFactor times maxQueuedBatches wait,
// submit() aggregates further batches itself, into a backlog batch bounded like the pending one,
// which the thread merges after the queue: memory stays bounded, and no count is lost.
class UsageWriter
{
public:
    // pending: an empty batch with the request-log bounds to aggregate into.
    // damage: the store's; once it is set, nothing more is written (the file is damaged).
    // busyTimeoutMs: how long a write waits for another program's write lock (0: the store's).
    UsageWriter(const QString &storeConnection, SqlEngine engine, const Clock &clock,
                UsageRetention retention, UsageBatch pending, int maxQueuedBatches,
                std::shared_ptr<const DamageFlag> damage = nullptr, int busyTimeoutMs = 0);
    // Writes what is left, then stops the thread.
    ~UsageWriter();
    UsageWriter(const UsageWriter &) = delete;
    UsageWriter &operator=(const UsageWriter &) = delete;

    enum class Write {
        WithNext, // only hand the events over
        Paced, // the interval has passed: write, but keep the writer's share of time bounded
        Now, // someone waits (flush, shutdown): write as soon as possible
    };
    // A Paced write waits until kPaceFactor times as long as the previous write took has passed
    // since it ended: the writer spends at most a quarter of its time writing. A write costs
    // about the same for every distinct key in it, so with many keys in use (a pipeline, a busy
    // server) fixed intervals made it rewrite the same keys over and over, busy on the core the
    // verifying threads needed.
    static constexpr int kPaceFactor = 3;
    static constexpr int kBacklogFactor = 4;

    // Hands events over (the batch is left empty) and asks for a write of everything handed over
    // so far; the returned ticket can be waited for.
    quint64 submit(EventBatch &batch, Write write);
    // Blocks until the write for ticket (and everything before it) has been attempted; returns
    // the outcome of the latest attempt.
    Result<void> waitFor(quint64 ticket);

    // Read-backs waiting for the verifier thread; cheap to poll.
    bool hasSavedUsage() const { return m_hasSaved.load(std::memory_order_acquire); }
    QVector<SavedUsage> takeSavedUsage();

    QString lastError() const;
    qint64 writeCount() const { return m_writes.load(); }
    // Events taken from the queue and aggregated, written or not yet.
    qint64 aggregatedCount() const { return m_aggregated.load(); }
    // Hand-offs waiting in the queue now, and events submit() aggregated itself because too many
    // waited (a write was slow).
    qsizetype queuedBatches() const;
    qint64 backlogAggregatedCount() const { return m_backlogAggregated.load(); }
    qint64 failureCount() const { return m_failures.load(); }
    // Wall time of the latest write in milliseconds.
    qint64 lastWriteMs() const { return m_lastWriteMs.load(std::memory_order_relaxed); }

private:
    void run();
    Result<void> writePending(UsageRepository &repository);

    const QString m_storeConnection;
    const SqlEngine m_engine;
    const Clock &m_clock;
    const UsageRetention m_retention;
    const int m_maxQueuedBatches;
    const std::shared_ptr<const DamageFlag> m_damage;
    const int m_busyTimeoutMs;
    UsageBatch m_pending; // owned by the thread
    UsageBatch m_backlog; // guarded by m_mutex: aggregated by submit() while the queue is full

    mutable QMutex m_mutex;
    QWaitCondition m_wake; // to the thread: work or stop
    QWaitCondition m_done; // from the thread: a write ticket finished
    // Move-only batches: std::vector, since QVector would want to copy them.
    std::vector<EventBatch> m_incoming;
    std::vector<EventBatch> m_spares; // emptied buffers, for submit() to hand back
    quint64 m_submitted = 0;
    quint64 m_writeRequested = 0; // Write::Now
    quint64 m_pacedRequested = 0; // Write::Paced
    QDeadlineTimer m_pacedNotBefore {0}; // owned by the thread: when a Paced write may start
    quint64 m_writeDone = 0;
    bool m_stopping = false;
    Result<void> m_lastResult;
    QString m_lastError;
    QVector<SavedUsage> m_saved;
    std::atomic<bool> m_hasSaved {false};
    std::atomic<qint64> m_writes {0};
    std::atomic<qint64> m_failures {0};
    std::atomic<qint64> m_aggregated {0};
    std::atomic<qint64> m_backlogAggregated {0};
    std::atomic<qint64> m_lastWriteMs {0};
    QHash<qint64, qint64> m_savedCredits; // owned by the thread

    std::thread m_thread;
};

} // namespace Keyward
