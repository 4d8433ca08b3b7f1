#include "VerifyService.h"

#include "SignatureWarmup.h"
#include "VerifyWorker.h"
#include "store/PgConnInfo.h"
#include "store/SqlKeyStore.h"
#include "store/VerifiedSignatures.h"
#include "verify/CacheFiller.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

#include <QElapsedTimer>

namespace Keyward::Verifyd {

namespace {

// One worker per HTTP thread, destroyed (and its usage saved) when the thread ends. One
// VerifyService per process, so a plain thread_local is enough.
thread_local std::unique_ptr<VerifyWorker> t_worker;
// A store that cannot be opened is tried again at most once a second per thread, so a client
// flood during a database outage does not become a connection flood.
thread_local QElapsedTimer t_sinceFailure;
thread_local Error t_failure;

// The serving threads' connections, opened later, are held to the root the first one accepted.
StoreSettings withAcceptedRoot(StoreSettings settings, const SqlKeyStore &store)
{
    if (settings.dbConninfo.isEmpty())
        settings.acceptedRoot = store.rootKey();
    return settings;
}

} // namespace

VerifyService::VerifyService(StoreSettings settings, const Clock &clock,
                             std::unique_ptr<SqlKeyStore> store)
    : m_settings(withAcceptedRoot(std::move(settings), *store))
    , m_clock(clock)
    , m_store(std::move(store))
{
    UsageRecorderOptions recording;
    recording.flushIntervalMs = m_settings.usageFlushIntervalMs;
    m_recorder = std::make_unique<UsageRecorder>(*m_store, clock, recording);
    m_primary = std::make_unique<Verifier>(*m_store, clock);
    VerifierCacheOptions cache;
    cache.checkIntervalMs = m_settings.cacheCheckIntervalMs;
    // A server meets most keys of its store sooner or later: once it has met a tenth of them
    // (after start, or after a change emptied the cache), the rest are read in one pass on a
    // thread of its own, not one first look-up per request.
    // Not for a vault file without a root key: later connections are held to none
    // (VaultOptions::holdToRoot), so once an Owner signs the vault the filler could not open it.
    cache.fillFromStore = !m_settings.dbConninfo.isEmpty() || !m_store->rootKey().isEmpty();
    m_primary->enableCache(cache);
    if (cache.fillFromStore) {
        m_filler = std::make_unique<CacheFiller>(
            m_primary->shared().cache,
            [settings = m_settings, &clock]() -> std::unique_ptr<KeyStore> {
                auto opened = openStore(settings, clock);
                if (!opened) {
                    qWarning("keyward-verifyd: the cache cannot be filled ahead: %s",
                             qPrintable(opened.errorMessage()));
                    return nullptr;
                }
                return std::move(opened).value();
            });
        m_filler->attach();
    }
    m_primary->setRecorder(m_recorder.get());
    // (A server vault is not signed: its roles keep verifiers from writing keys.)
    if (m_settings.dbConninfo.isEmpty())
        m_warmup = std::make_unique<SignatureWarmup>(m_settings.vaultPath, m_store->rootKey());
}

VerifyService::~VerifyService()
{
    m_warmup.reset(); // stops the pass: a shutdown does not wait for it
    m_filler.reset(); // stops its pass at the next part
    if (auto saved = flushUsage(); !saved)
        qWarning("keyward-verifyd: usage could not be saved: %s", qPrintable(saved.errorMessage()));
    // The primary verifier goes last and gives back the usage credits reserved but not spent,
    // on its own connection, which never verifies and so never noticed a server restart: open
    // it afresh, or the credits would stay counted as used.
    if (m_store->engine() == SqlEngine::Postgres)
        (void)m_store->reconnect();
    m_primary.reset();
    m_recorder.reset();
    m_store.reset();
}

Result<std::unique_ptr<VerifyService>> VerifyService::open(const StoreSettings &settings,
                                                           const Clock &clock)
{
    auto store = openStore(settings, clock);
    if (!store)
        return store.error();
    return std::unique_ptr<VerifyService>(
        new VerifyService(settings, clock, std::move(store).value()));
}

Result<void> VerifyService::flushUsage()
{
    return m_recorder->flush();
}

Result<std::unique_ptr<SqlKeyStore>> VerifyService::openStore(const StoreSettings &settings,
                                                              const Clock &clock)
{
    if (settings.dbConninfo.isEmpty()) {
        VaultOptions options;
        options.pinnedFingerprint = settings.vaultPin;
        if (settings.acceptedRoot)
            options.holdToRoot(*settings.acceptedRoot);
        // The header only, as every verifier opens a vault (VaultCheck): each serving thread
        // opens its own connection at its first request and after a failure, and the whole-file
        // check (about 0.3 s per 100,000 keys) held that request up every time.
        options.check = VaultCheck::Header;
        options.upgradeBusyTimeoutMs = VaultOptions::kUpgradeWaitMs; // another may upgrade it
        auto vault = SqlKeyStore::openVault(settings.vaultPath, clock, options);
        if (vault)
            (*vault)->setPageCacheKiB(SqlKeyStore::kVerifierPageCacheKiB);
        return vault;
    }
    auto info = PgConnInfo::parse(settings.dbConninfo);
    if (!info)
        return info.error();
    return SqlKeyStore::connectPostgres(info->withClientDefaults(), clock);
}

Result<VerifyWorker *> VerifyService::threadWorker()
{
    if (t_worker)
        return t_worker.get();
    if (t_sinceFailure.isValid() && t_sinceFailure.elapsed() < 1000)
        return t_failure;
    auto opened = openStore(m_settings, m_clock);
    if (!opened) {
        t_failure = opened.error();
        t_sinceFailure.start();
        qWarning("keyward-verifyd: cannot open the vault: %s", qPrintable(opened.errorMessage()));
        return opened.error();
    }
    t_sinceFailure.invalidate();
    t_worker = std::make_unique<VerifyWorker>(*this, std::move(opened).value(), m_primary->shared(),
                                              m_clock);
    return t_worker.get();
}

Result<VerifyResult> VerifyService::verify(const char *token, std::size_t size,
                                           const VerifyRequest &request)
{
    auto worker = threadWorker();
    if (!worker)
        return worker.error();
    auto result = (*worker)->verify(token, size, request);
    if (result)
        m_recorded.add(1);
    return result;
}

Result<void> VerifyService::ping()
{
    auto worker = threadWorker();
    if (!worker)
        return worker.error();
    return (*worker)->ping();
}

void VerifyService::attach(VerifyWorker *worker)
{
    QMutexLocker lock(&m_mutex);
    m_workers.insert(worker);
}

void VerifyService::detach(VerifyWorker *worker)
{
    QMutexLocker lock(&m_mutex);
    m_workers.remove(worker);
    m_reconnectsOfEndedWorkers.fetch_add(worker->reconnects(), std::memory_order_relaxed);
}

Metrics::Gauges VerifyService::gauges() const
{
    Metrics::Gauges gauges;
    if (VerifierCache *cache = m_primary->shared().cache.get()) {
        gauges.cacheEntries = cache->size();
        gauges.cacheFills = cache->fills();
        gauges.cacheFillFailures = cache->failedFills();
    }
    gauges.verifiedSignatures = VerifiedSignatures::ofProcess().size();
    gauges.usageBacklog = qMax<qint64>(0, m_recorded.total() - m_recorder->aggregatedCount());
    gauges.storeReconnects = m_reconnectsOfEndedWorkers.load(std::memory_order_relaxed);
    QMutexLocker lock(&m_mutex);
    for (const VerifyWorker *worker : m_workers)
        gauges.storeReconnects += worker->reconnects();
    gauges.threadsWithStore = m_workers.size();
    return gauges;
}

} // namespace Keyward::Verifyd
