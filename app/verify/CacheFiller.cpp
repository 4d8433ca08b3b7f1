#include "CacheFiller.h"

#include "VerifierCache.h"
#include "store/KeyStore.h"

#include <pthread.h>
#include <sched.h>

namespace Keyward {

namespace {

void setPolicy(int policy)
{
    const sched_param none {};
    (void)pthread_setschedparam(pthread_self(), policy, &none);
}

// While the filler holds the cache's lock it runs at normal priority: descheduled there at idle
// priority on a busy machine, it would hold up every verifying thread until a core fell idle.
class NormalPriority
{
public:
    NormalPriority() { setPolicy(SCHED_OTHER); }
    ~NormalPriority() { setPolicy(SCHED_IDLE); }
    NormalPriority(const NormalPriority &) = delete;
    NormalPriority &operator=(const NormalPriority &) = delete;
};

} // namespace

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
    // Only CPU time nobody else wants: under load the verifiers' own look-ups go first.
    setPolicy(SCHED_IDLE);
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
        Result<void> filled = makeError(ErrorCode::StorageError, QString());
        if (m_store) {
            filled = m_cache->fill(generation, *m_store, [this, generation](auto &part) {
                if (stopping())
                    return false;
                const NormalPriority raised;
                return m_cache->addFilled(generation, part);
            });
        }
        if (!filled) {
            // A new connection next time (the server may have restarted), and not at once: the
            // cache asks again at a later look-up.
            m_store.reset();
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping; });
            m_requested.reset();
            m_cache->fillFailed(generation);
        }
        const std::lock_guard lock(m_mutex);
        ++m_passes;
    }
    m_store.reset(); // on the thread that used it
}

} // namespace Keyward
