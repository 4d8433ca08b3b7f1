#pragma once

#include "Metrics.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "verify/VerifyRequest.h"
#include "verify/VerifyResult.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSet>
#include <QString>

#include <cstddef>
#include <memory>

namespace Keyward {
class SqlKeyStore;
} // namespace Keyward

namespace Keyward::Verifyd {

class VerifyWorker;

// Where the keys are and how verification behaves: fixed for the life of the process (a reload
// does not reopen the vault).
struct StoreSettings
{
    QString vaultPath;
    QString dbConninfo; // non-empty: PostgreSQL
    int cacheCheckIntervalMs = 200;
    int usageFlushIntervalMs = 2000;
};

// Verification for the HTTP threads. Qt SQL connections belong to the thread that opened them,
// so every HTTP worker thread gets a VerifyWorker of its own (store connection and Verifier),
// opened on its first request and closed when the thread ends.
class VerifyService
{
    Q_DECLARE_TR_FUNCTIONS(VerifyService)
public:
    VerifyService(StoreSettings settings, const Clock &clock);
    // Only after every HTTP thread has ended (their workers save usage as they close).
    ~VerifyService();
    VerifyService(const VerifyService &) = delete;
    VerifyService &operator=(const VerifyService &) = delete;

    // Opens the store as a worker does; for the start-up check and tests.
    static Result<std::unique_ptr<SqlKeyStore>> openStore(const StoreSettings &settings,
                                                          const Clock &clock);

    Result<VerifyResult> verify(const char *token, std::size_t size, const VerifyRequest &request);
    // Whether the store answers a cheap read now (GET /healthz).
    Result<void> ping();
    Metrics::Gauges gauges() const;

private:
    friend class VerifyWorker;
    Result<VerifyWorker *> threadWorker();
    void attach(VerifyWorker *worker);
    void detach(VerifyWorker *worker);

    const StoreSettings m_settings;
    const Clock &m_clock;
    mutable QMutex m_mutex; // guards m_workers; workers come and go with their threads
    QSet<VerifyWorker *> m_workers;
};

} // namespace Keyward::Verifyd
