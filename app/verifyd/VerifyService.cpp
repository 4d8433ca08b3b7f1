#include "VerifyService.h"

#include "VerifyWorker.h"
#include "store/PgConnInfo.h"
#include "store/SqlKeyStore.h"

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

} // namespace

VerifyService::VerifyService(StoreSettings settings, const Clock &clock)
    : m_settings(std::move(settings))
    , m_clock(clock)
{ }

VerifyService::~VerifyService() = default;

Result<std::unique_ptr<SqlKeyStore>> VerifyService::openStore(const StoreSettings &settings,
                                                              const Clock &clock)
{
    if (settings.dbConninfo.isEmpty())
        return SqlKeyStore::openVault(settings.vaultPath, clock);
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
    t_worker =
        std::make_unique<VerifyWorker>(*this, std::move(opened).value(), m_settings, m_clock);
    return t_worker.get();
}

Result<VerifyResult> VerifyService::verify(const char *token, std::size_t size,
                                           const VerifyRequest &request)
{
    auto worker = threadWorker();
    if (!worker)
        return worker.error();
    return (*worker)->verify(token, size, request);
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
}

Metrics::Gauges VerifyService::gauges() const
{
    Metrics::Gauges gauges;
    QMutexLocker lock(&m_mutex);
    for (const VerifyWorker *worker : m_workers) {
        gauges.cacheEntries += worker->cacheEntries();
        gauges.usageBacklog += worker->usageBacklog();
        gauges.storeReconnects += worker->reconnects();
    }
    gauges.threadsWithStore = m_workers.size();
    return gauges;
}

} // namespace Keyward::Verifyd
