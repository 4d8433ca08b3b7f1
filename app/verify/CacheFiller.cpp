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

void CacheFiller::request(quint64 generation)
{
    {
        const std::lock_guard lock(m_mutex);
        m_requested = generation;
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
        if (!m_store)
            m_store = m_openStore();
        const bool opened = m_store != nullptr;
        Result<void> filled = makeError(ErrorCode::StorageError, QString());
        if (opened) {
            filled = m_cache->fill(generation, *m_store, [this, generation](auto &part) {
                return !stopping() && m_cache->addFilled(generation, part);
            });
        }
        if (filled) {
            pauseMs = 0;
        } else {
            // A new connection next time (the server may have restarted), and not at once: the
            // cache asks again at a later look-up, after a pause that grows while passes keep
            // failing (a server at its connection limit is not hammered).
            m_store.reset();
            pauseMs = std::clamp(2 * pauseMs, 1000, kMaxPauseMs);
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(pauseMs),
                            [this] { return m_stopping; });
            // A request for a newer generation made meanwhile stands; this one may come again.
            if (m_requested == generation)
                m_requested.reset();
            m_cache->fillFailed(generation, opened);
        }
        const std::lock_guard lock(m_mutex);
        ++m_passes;
    }
    m_store.reset(); // on the thread that used it
}

} // namespace Keyward
