#pragma once

#include "core/Result.h"
#include "verify/VerifyRequest.h"
#include "verify/VerifyResult.h"

#include <atomic>
#include <cstddef>
#include <memory>

namespace Keyward {
class Clock;
class SqlKeyStore;
class UsageRecorder;
class Verifier;
} // namespace Keyward

namespace Keyward::Verifyd {

class VerifyService;
struct StoreSettings;

// One HTTP thread's verifier: its own store connection (Qt SQL connections are per thread) and
// Verifier. Created and destroyed on that thread; its counters may be read from any thread.
class VerifyWorker
{
public:
    VerifyWorker(VerifyService &service, std::unique_ptr<SqlKeyStore> store,
                 const StoreSettings &settings, const Clock &clock);
    // Saves the usage recorded on this thread.
    ~VerifyWorker();
    VerifyWorker(const VerifyWorker &) = delete;
    VerifyWorker &operator=(const VerifyWorker &) = delete;

    Result<VerifyResult> verify(const char *token, std::size_t size, const VerifyRequest &request);
    Result<void> ping();

    qint64 cacheEntries() const { return m_cacheEntries.load(std::memory_order_relaxed); }
    qint64 reconnects() const;
    qint64 usageBacklog() const;

private:
    VerifyService &m_service;
    std::unique_ptr<SqlKeyStore> m_store;
    std::unique_ptr<UsageRecorder> m_recorder;
    std::unique_ptr<Verifier> m_verifier;
    std::atomic<qint64> m_cacheEntries {0};
    std::atomic<qint64> m_recorded {0};
};

} // namespace Keyward::Verifyd
