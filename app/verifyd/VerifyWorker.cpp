#include "VerifyWorker.h"

#include "VerifyService.h"
#include "store/SqlKeyStore.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

namespace Keyward::Verifyd {

VerifyWorker::VerifyWorker(VerifyService &service, std::unique_ptr<SqlKeyStore> store,
                           const StoreSettings &settings, const Clock &clock)
    : m_service(service)
    , m_store(std::move(store))
{
    UsageRecorderOptions recording;
    recording.flushIntervalMs = settings.usageFlushIntervalMs;
    m_recorder = std::make_unique<UsageRecorder>(*m_store, clock, recording);
    m_verifier = std::make_unique<Verifier>(*m_store, clock);
    VerifierCacheOptions cache;
    cache.checkIntervalMs = settings.cacheCheckIntervalMs;
    m_verifier->enableCache(cache);
    m_verifier->setRecorder(m_recorder.get());
    m_service.attach(this);
}

VerifyWorker::~VerifyWorker()
{
    m_service.detach(this);
    m_verifier.reset();
    if (auto saved = m_recorder->flush(); !saved)
        qWarning("keyward-verifyd: usage could not be saved: %s", qPrintable(saved.errorMessage()));
    m_recorder.reset();
}

Result<VerifyResult> VerifyWorker::verify(const char *token, std::size_t size,
                                          const VerifyRequest &request)
{
    auto result = m_verifier->verify(token, size, request);
    if (result)
        m_recorded.fetch_add(1, std::memory_order_relaxed);
    if (VerifierCache *cache = m_verifier->cache())
        m_cacheEntries.store(cache->size(), std::memory_order_relaxed);
    return result;
}

Result<void> VerifyWorker::ping()
{
    auto counter = m_store->changeCounter();
    if (counter || counter.code() != ErrorCode::ConnectionLost)
        return counter ? Result<void>() : Result<void>(counter.error());
    if (auto reconnected = m_store->reconnect(); !reconnected)
        return reconnected;
    counter = m_store->changeCounter();
    return counter ? Result<void>() : Result<void>(counter.error());
}

qint64 VerifyWorker::reconnects() const
{
    return m_store->reconnectCount();
}

qint64 VerifyWorker::usageBacklog() const
{
    return qMax<qint64>(0,
                        m_recorded.load(std::memory_order_relaxed) - m_recorder->aggregatedCount());
}

} // namespace Keyward::Verifyd
