#include "CacheFiller.h"

#include "VerifierCache.h"
#include "store/KeyStore.h"

#include <algorithm>

namespace Keyward {

CacheFiller::CacheFiller(std::shared_ptr<VerifierCache> cache, OpenStore openStore)
    : m_cache(std::move(cache))
    , m_openStore(std::move(openStore))
    , m_thread([this] { run(); })
{ }

CacheFiller::~CacheFiller()
{
    m_cache->stopFills();
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void CacheFiller::attach()
{
    m_cache->setFiller([this](quint64 generation) { request(generation); });
}

int CacheFiller::passes() const
{
    const std::lock_guard lock(m_mutex);
    return m_passes;
}

int CacheFiller::requests() const
{
    const std::lock_guard lock(m_mutex);
    return m_requests;
}

void CacheFiller::request(quint64 generation)
{
    {
        const std::lock_guard lock(m_mutex);
        m_requested = generation;
        ++m_requests;
    }
    m_wake.notify_all();
}

bool CacheFiller::stopping() const
{
    const std::lock_guard lock(m_mutex);
    return m_stopping;
}

void CacheFiller::run()
{
    // At normal priority. Lowered (nice 19, or SCHED_IDLE), it was descheduled on a busy server
    // while it held the cache's lock to add a part, and every verifying thread waited: a cold
    // server under wrk answered with a p99 of 35 ms and fewer requests than without the pass.
    // At normal priority the pass costs less CPU than the first look-ups it saves.
    int pauseMs = 0; // after failed passes: 1 s, doubling up to kMaxPauseMs
    for (;;) {
        quint64 generation = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || m_requested; });
            if (m_stopping)
                break;
            generation = *m_requested;
            m_requested.reset();
        }
        // Opened for each pass (one per emptied cache at most), on this thread, and closed after
        // it: a connection idle for hours may be dead by the next pass, and its page cache would
        // stay for nothing.
        std::unique_ptr<KeyStore> store = m_openStore();
        const bool opened = store != nullptr;
        Result<void> filled = makeError(ErrorCode::StorageError, QString());
        if (opened) {
            filled = m_cache->passIfDue(generation, *store, [this, generation](auto &part) {
                return !stopping() && m_cache->addFilled(generation, part);
            });
        }
        store.reset();
        if (filled) {
            pauseMs = 0;
        } else {
            if (!opened)
                m_cache->countFailedOpen();
            // Not at once: the cache asks again at a later look-up, after a pause that grows
            // while passes keep failing (a server at its connection limit is not hammered).
            pauseMs = std::clamp(2 * pauseMs, 1000, kMaxPauseMs);
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(pauseMs),
                            [this] { return m_stopping; });
            m_cache->fillFailed(generation);
        }
        const std::lock_guard lock(m_mutex);
        ++m_passes;
    }
}

} // namespace Keyward
