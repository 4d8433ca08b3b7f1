#pragma once

#include "Metrics.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "core/ThreadShard.h"
#include "verify/VerifyRequest.h"
#include "verify/VerifyResult.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSet>
#include <QString>

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>

namespace Keyward {
class CacheFiller;
class SqlKeyStore;
class UsageRecorder;
class Verifier;
} // namespace Keyward

namespace Keyward::Verifyd {

class SignatureWarmup;
class VerifyWorker;

// Where the keys are and how verification behaves: fixed for the life of the process (a reload
// does not reopen the vault).
struct StoreSettings
{
    QString vaultPath;
    QString dbConninfo; // non-empty: PostgreSQL
    int cacheCheckIntervalMs = 200;
    int usageFlushIntervalMs = 2000;
    // store/vault_pin: the vault file's expected fingerprint (empty: not pinned).
    QString vaultPin;
    // The root key the first connection to a vault file accepted (empty: none); the later ones
    // are held to it (VaultOptions::holdToRoot). Unset: this is the first.
    std::optional<QByteArray> acceptedRoot;
};

// Verification for the HTTP threads. Qt SQL connections belong to the thread that opened them,
// so every HTTP worker thread gets a VerifyWorker of its own (store connection and Verifier),
// opened on its first request and closed when the thread ends. All of them share one cache, one
// rate limiter, one set of usage credits and one usage recorder (VerifierShared), which live
// here, on the main thread: the recorder's timer writes usage from the main event loop.
class VerifyService
{
    Q_DECLARE_TR_FUNCTIONS(VerifyService)
public:
    // Opens the vault (which must work: a service that cannot verify should not start).
    static Result<std::unique_ptr<VerifyService>> open(const StoreSettings &settings,
                                                       const Clock &clock);
    // Only after every HTTP thread has ended. Saves all recorded usage, waiting for it.
    ~VerifyService();
    VerifyService(const VerifyService &) = delete;
    VerifyService &operator=(const VerifyService &) = delete;

    // Opens the store as a worker does.
    static Result<std::unique_ptr<SqlKeyStore>> openStore(const StoreSettings &settings,
                                                          const Clock &clock);

    Result<VerifyResult> verify(const char *token, std::size_t size, const VerifyRequest &request);
    // Whether the store answers a cheap read now (GET /healthz).
    Result<void> ping();
    // Writes the usage recorded so far and waits for it.
    Result<void> flushUsage();
    Metrics::Gauges gauges() const;

private:
    friend class VerifyWorker;
    VerifyService(StoreSettings settings, const Clock &clock, std::unique_ptr<SqlKeyStore> store);
    Result<VerifyWorker *> threadWorker();
    void attach(VerifyWorker *worker);
    void detach(VerifyWorker *worker);

    const StoreSettings m_settings;
    const Clock &m_clock;
    // The main thread's connection: the recorder's writer copies its settings, and the first
    // Verifier (never used to verify) creates the shared parts.
    std::unique_ptr<SqlKeyStore> m_store;
    std::unique_ptr<UsageRecorder> m_recorder;
    std::unique_ptr<Verifier> m_primary;
    std::unique_ptr<SignatureWarmup> m_warmup; // vault files only
    std::unique_ptr<CacheFiller> m_filler;
    mutable QMutex m_mutex; // guards m_workers; workers come and go with their threads
    QSet<VerifyWorker *> m_workers;
    std::atomic<qint64> m_reconnectsOfEndedWorkers {0};
    ShardedCounter<qint64> m_recorded; // verifications answered (each one recorded)
};

} // namespace Keyward::Verifyd
