#pragma once

#include "UsageWriter.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QVector>

#include <memory>

namespace Keyward {

class SqlKeyStore;

struct UsageRecorderOptions
{
    // How often recorded usage is written: also the most a crash can lose.
    int flushIntervalMs = 2000;
    // Events collected before they go to the writer thread for aggregation (bounds memory
    // between writes at high request rates).
    int handOffEvents = 4096;
    // Request-log rows kept in memory while the vault cannot be written (locked, offline).
    int maxBufferedRequests = UsageBatch::kDefaultMaxRequests;
    UsageRetention retention;
};

// Write-behind recording of verifications: last use per secret, per key/hour/outcome counts,
// usage credits and the request log. record() only appends to a vector; a thread of its own
// aggregates and writes everything recorded in one transaction every flushIntervalMs (a QTimer,
// and also checked on record() for callers without an event loop), and on flush() and
// destruction. So verification never waits for the disk, and a crash loses at most one interval.
//
// Lives in, and must be used from, the verifier's thread. The store must outlive the recorder.
class UsageRecorder : public QObject
{
    Q_OBJECT
public:
    UsageRecorder(SqlKeyStore &store, const Clock &clock, UsageRecorderOptions options = {},
                  QObject *parent = nullptr);
    // Writes everything recorded (waiting for it), then stops the writer thread.
    ~UsageRecorder() override;

    void record(UsageEvent &&event)
    {
        m_events.append(std::move(event));
        if (m_events.size() >= m_options.handOffEvents || m_sinceFlush.hasExpired(m_intervalMs))
            handOff();
    }

    // Writes everything recorded so far and waits for it: for a clean exit and for tests.
    Result<void> flush();
    // Starts a write of everything recorded so far without waiting (the timer does this).
    void requestFlush();

    int flushIntervalMs() const { return m_intervalMs; }
    void setFlushIntervalMs(int ms);

    // Read-backs of usage_count after a write, for UsageCredits.
    bool hasSavedUsage() const { return m_writer->hasSavedUsage(); }
    QVector<SavedUsage> takeSavedUsage() { return m_writer->takeSavedUsage(); }

    // The latest write error ("" when the latest write worked).
    QString lastError() const { return m_writer->lastError(); }
    qint64 writeCount() const { return m_writer->writeCount(); }

private:
    void handOff();

    UsageRecorderOptions m_options;
    int m_intervalMs;
    QVector<UsageEvent> m_events;
    QElapsedTimer m_sinceFlush;
    QTimer m_timer;
    std::unique_ptr<UsageWriter> m_writer;
};

} // namespace Keyward
