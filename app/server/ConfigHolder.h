#pragma once

#include "ServerConfig.h"

#include <atomic>
#include <cstdint>
#include <memory>

namespace Keyward::Verifyd {

// The configuration the HTTP threads read, replaced whole on reload: a request works with one
// consistent snapshot, and a reload never waits for requests.
class ConfigHolder
{
public:
    explicit ConfigHolder(ServerConfig config)
        : m_config(std::make_shared<const ServerConfig>(std::move(config)))
        , m_id(nextId())
    { }
    std::shared_ptr<const ServerConfig> get() const { return std::atomic_load(&m_config); }
    void set(ServerConfig config)
    {
        std::atomic_store(&m_config, std::make_shared<const ServerConfig>(std::move(config)));
        m_generation.fetch_add(1, std::memory_order_release);
    }

    // The snapshot for a request on the calling thread, valid until this thread's next call.
    // Each thread keeps the snapshot it saw last and takes the current one only after a reload:
    // std::atomic_load of a shared_ptr locks a mutex from a process-wide pool and counts a
    // reference every request thread shares (about 300 ns a request with two threads at it).
    const ServerConfig &forThisThread() const
    {
        thread_local Snapshot seen;
        const std::uint64_t generation = m_generation.load(std::memory_order_acquire);
        if (seen.holder != m_id || seen.generation != generation || !seen.config) {
            seen.config = get(); // at least as new as generation: set() stores before counting
            seen.generation = generation;
            seen.holder = m_id;
        }
        return *seen.config;
    }

private:
    struct Snapshot
    {
        std::uint64_t holder = 0; // m_id: a holder made later at the same address is another
        std::uint64_t generation = 0;
        std::shared_ptr<const ServerConfig> config;
    };
    static std::uint64_t nextId()
    {
        static std::atomic<std::uint64_t> next {1};
        return next.fetch_add(1, std::memory_order_relaxed);
    }

    std::shared_ptr<const ServerConfig> m_config;
    std::atomic<std::uint64_t> m_generation {0};
    const std::uint64_t m_id;
};

} // namespace Keyward::Verifyd
