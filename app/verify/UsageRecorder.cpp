#include "UsageRecorder.h"

#include "store/SqlKeyStore.h"

#include <QThread>

namespace Keyward {

UsageRecorder::UsageRecorder(SqlKeyStore &store, const Clock &clock, UsageRecorderOptions options,
                             QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(options)
    , m_intervalMs(qMax(1, options.flushIntervalMs))
    , m_nextWriteAtMs(clock.nowMs() + m_intervalMs)
    , m_writer(std::make_unique<UsageWriter>(
          store.connectionName(), store.engine(), clock, options.retention,
          UsageBatch(options.maxBufferedRequests, options.requestLogPerSecond,
                     options.validRequestLogPerSecond),
          options.queuedHandOffs, store.damageFlag(), options.writerBusyTimeoutMs))
{
    m_options.handOffEvents = qMax(1, m_options.handOffEvents);
    m_stageLimit = qMin(kStagedEvents, m_options.handOffEvents);
    m_batchCapacity =
        (qsizetype(m_options.handOffEvents) + m_stageLimit - 1) / m_stageLimit * m_stageLimit;
    m_batch.events.reserve(m_batchCapacity);
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &UsageRecorder::requestFlush);
    m_timer.start();
}

UsageRecorder::~UsageRecorder()
{
    // A failure of an explicit flush() was reported to its caller already; warn only about
    // usage nobody has been told about.
    const bool unreported = m_recordedSinceFlush;
    const Result<void> flushed = flush();
    if (!flushed && unreported)
        qWarning("Keyward: usage could not be saved: %s", qPrintable(flushed.errorMessage()));
}

void UsageRecorder::setFlushIntervalMs(int ms)
{
    std::lock_guard lock(m_mutex);
    m_intervalMs = qMax(1, ms);
    m_timer.setInterval(m_intervalMs);
}

void UsageRecorder::spill(qint64 atMs)
{
    const bool due = isDue(atMs);
    if (!due && m_batch.events.size() + m_stagedCount < m_options.handOffEvents) {
        m_batch.events.appendStreaming(m_staged.data(), m_stagedCount);
        m_stagedCount = 0;
        return;
    }
    if (due)
        restartInterval(atMs); // the event's time: no clock read while verifying
    submitBatch(due ? UsageWriter::Write::Paced : UsageWriter::Write::WithNext);
}

quint64 UsageRecorder::submitBatch(UsageWriter::Write write)
{
    if (m_stagedCount > 0) {
        m_batch.events.appendStreaming(m_staged.data(), m_stagedCount);
        m_stagedCount = 0;
    }
    m_lastTicket = m_writer->submit(m_batch, write);
    m_batch.events.reserve(m_batchCapacity); // a spare from the writer, or new memory
    return m_lastTicket;
}

void UsageRecorder::requestFlush()
{
    std::lock_guard lock(m_mutex);
    // Also when nothing is new: a write that failed is retried this way.
    restartInterval(m_clock.nowMs());
    submitBatch(UsageWriter::Write::Paced);
}

void UsageRecorder::restartInterval(qint64 nowMs)
{
    m_nextWriteAtMs = nowMs + m_intervalMs;
    // Or the timer would ask for another write soon after this one. A timer can only be
    // restarted from its own thread; from another, its next tick just writes early once.
    if (QThread::currentThread() == thread())
        m_timer.start();
}

void UsageRecorder::beginFlush()
{
    std::lock_guard lock(m_mutex);
    m_beganFlushTicket = submitBatch(UsageWriter::Write::Now);
}

Result<void> UsageRecorder::flush()
{
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        m_recordedSinceFlush = false;
        // Nothing handed over since beginFlush(): its write is the one to wait for. A second
        // write would wait for a locked vault all over again, and count a second failure.
        const bool nothingSince = m_beganFlushTicket && *m_beganFlushTicket == m_lastTicket
            && m_stagedCount == 0 && m_batch.events.isEmpty();
        ticket = nothingSince ? *m_beganFlushTicket : submitBatch(UsageWriter::Write::Now);
        m_beganFlushTicket.reset();
    }
    // Without the lock: other threads go on recording while this one waits.
    const Result<void> written = m_writer->waitFor(ticket);
    // From the end of the write: one that took longer than the interval (a busy vault) must not
    // make the next one due at once.
    std::lock_guard lock(m_mutex);
    restartInterval(m_clock.nowMs());
    return written;
}

} // namespace Keyward
