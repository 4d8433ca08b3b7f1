#include "CacheFiller.h"

#include "VerifierCache.h"
#include "store/KeyStore.h"

#include <pthread.h>
#include <sched.h>

namespace Keyward {

CacheFiller::CacheFiller(std::shared_ptr<VerifierCache> cache, OpenStore openStore)
    : m_cache(std::move(cache))
    , m_openStore(std::move(openStore))
    , m_thread([this] { run(); })
{ }

CacheFiller::~CacheFiller()
{
    m_cache->setFiller({});
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

void CacheFiller::run()
{
    // Only CPU time nobody else wants: under load the verifiers' own look-ups go first.
    const sched_param idle {};
    (void)pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
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
        if (m_store) {
            m_cache->fill(generation, *m_store, [this] {
                const std::lock_guard lock(m_mutex);
                return !m_stopping;
            });
        }
        const std::lock_guard lock(m_mutex);
        ++m_passes;
    }
    m_store.reset(); // on the thread that used it
}

} // namespace Keyward
