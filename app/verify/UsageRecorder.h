#pragma once

#include "UsageWriter.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "crypto/KeyToken.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"

#include <QObject>
#include <QTimer>
#include <QVector>

#include <array>
#include <memory>
#include <mutex>
#include <optional>

namespace Keyward {

class SqlKeyStore;

struct UsageRecorderOptions
{
    // How often recorded usage is written: also the most a crash can lose.
    int flushIntervalMs = 2000;
    // Events collected before they go to the writer thread's queue (at least; rounded up to a
    // whole number of the recorder's 64-event stages).
    int handOffEvents = 4096;
    // Hand-offs that may wait in that queue before the writer aggregates them ahead of the next
    // write: with handOffEvents, this bounds the memory of unaggregated events between writes
    // (32 x 4096 events of 32 bytes: about 4 MB).
    int queuedHandOffs = 32;
    // Request-log rows kept in memory while the vault cannot be written (locked, offline).
    int maxBufferedRequests = UsageBatch::kDefaultMaxRequests;
    // Request-log rows per key, outcome and second: beyond them a busy key's requests are
    // counted, not logged one by one (see UsageBatch).
    int requestLogPerSecond = UsageBatch::kDefaultRequestsPerSecond;
    // Request-log rows of Valid answers per second, all keys together (refusals are not held to
    // it): with thousands of distinct keys in use, logging each was most of the writer's work.
    int validRequestLogPerSecond = UsageBatch::kDefaultValidRowsPerSecond;
    // How long a write waits for another program's write lock on a vault file. Longer than an
    // admin's wait: it blocks no verification, and a pipeline's last write giving up lost its
    // usage (three pipelines and an admin on one vault took turns for over 2 s).
    int writerBusyTimeoutMs = 15000;
    UsageRetention retention;
};

// Write-behind recording of verifications: last use per secret, per key/hour/outcome counts,
// usage credits and the request log. record() only appends to an array; a thread of its own
// aggregates and writes everything recorded in one transaction every flushIntervalMs (a QTimer,
// and also by the events' own times for callers without an event loop), and on flush() and
// destruction. So verification never waits for the disk, and a crash loses at most one interval.
//
// Lives in the thread that created it (its timer runs there); record() and flush() may be called
// from any thread, so the verifiers of one process share one recorder. The store must outlive
// the recorder.
class UsageRecorder : public QObject
{
    Q_OBJECT
public:
    UsageRecorder(SqlKeyStore &store, const Clock &clock, UsageRecorderOptions options = {},
                  QObject *parent = nullptr);
    // Writes everything recorded (waiting for it), then stops the writer thread.
    ~UsageRecorder() override;

    // Keeps one verification for the next write. The event's own time paces the writes, so
    // recording reads no clock of its own; its sourceIndex is filled in here.
    void record(RecordedEvent event, const QString &source)
    {
        std::lock_guard lock(m_mutex);
        event.sourceIndex = sourceIndex(source);
        m_staged[m_stagedCount++] = event;
        m_recordedSinceFlush = true;
        if (m_stagedCount == m_stageLimit || isDue(event.atMs))
            spill(event.atMs);
    }

    // Writes everything recorded so far and waits for it: for a clean exit and for tests.
    Result<void> flush();
    // Starts a write of everything recorded so far without waiting (the timer does this).
    void requestFlush();
    // Starts writing everything recorded so far at once, without waiting; flush() then waits for
    // that write, unless more was recorded since. For a caller with work of its own to finish
    // meanwhile.
    void beginFlush();

    int flushIntervalMs() const { return m_intervalMs; }
    void setFlushIntervalMs(int ms);

    // Read-backs of usage_count after a write, for UsageCredits.
    bool hasSavedUsage() const { return m_writer->hasSavedUsage(); }
    QVector<SavedUsage> takeSavedUsage() { return m_writer->takeSavedUsage(); }

    // The latest write error ("" when the latest write worked).
    QString lastError() const { return m_writer->lastError(); }
    qint64 writeCount() const { return m_writer->writeCount(); }
    qint64 failedWriteCount() const { return m_writer->failureCount(); }
    qint64 lastWriteMs() const { return m_writer->lastWriteMs(); }
    qint64 aggregatedCount() const { return m_writer->aggregatedCount(); }
    qsizetype queuedHandOffs() const { return m_writer->queuedBatches(); }
    qint64 backlogAggregatedCount() const { return m_writer->backlogAggregatedCount(); }

private:
    // Events are staged in a small array that stays in the verifying thread's L1 cache, then
    // moved to the hand-off buffer a cache line at a time with streaming stores (see
    // RecordedEventBuffer).
    static constexpr int kStagedEvents = 64;

    // A write is due when the interval has passed since the last one, or the clock stepped back.
    bool isDue(qint64 atMs) const
    {
        return atMs >= m_nextWriteAtMs || atMs < m_nextWriteAtMs - m_intervalMs;
    }
    // Moves the staged events to the batch, and hands the batch off when it is full or a write
    // is due.
    void spill(qint64 atMs);
    // Hands everything recorded (staged too) to the writer; returns the writer's ticket.
    quint64 submitBatch(UsageWriter::Write write);
    int sourceIndex(const QString &source)
    {
        // Same data (the usual case: one caller passes one string) or same text as the last one.
        if (!m_batch.sources.isEmpty()) {
            const QString &last = m_batch.sources.constLast();
            if ((last.constData() == source.constData() && last.size() == source.size())
                || last == source)
                return int(m_batch.sources.size()) - 1;
        }
        // Saved as the key's last use and in the request log, and shown later: a key given as
        // the source (a pasting mistake, or a client's header) is kept only as its hint.
        // Unchanged text is returned shared, so the checks above still match it next time.
        m_batch.sources.append(KeyToken::redact(source));
        return int(m_batch.sources.size()) - 1;
    }

    // A write now: the next timed one is an interval away, not due again at the old time.
    void restartInterval(qint64 nowMs);

    const Clock &m_clock;
    std::mutex m_mutex; // guards everything below but the writer, which has its own
    UsageRecorderOptions m_options;
    int m_intervalMs;
    EventBatch m_batch;
    qsizetype m_batchCapacity; // handOffEvents, rounded up to whole stages
    int m_stageLimit; // kStagedEvents, or fewer for small hand-offs
    int m_stagedCount = 0;
    std::array<RecordedEvent, kStagedEvents> m_staged;
    bool m_recordedSinceFlush = false; // for the destructor: anything flush() has not reported
    quint64 m_lastTicket = 0; // of the latest hand-over
    std::optional<quint64> m_beganFlushTicket; // beginFlush()'s, until flush() waits for it
    qint64 m_nextWriteAtMs; // by the recording clock
    QTimer m_timer;
    std::unique_ptr<UsageWriter> m_writer;
};

} // namespace Keyward
