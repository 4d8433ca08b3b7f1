#pragma once

#include <array>
#include <atomic>
#include <cstdint>

namespace Keyward {

// Counters every request thread updates (metrics, hits, requests in flight) are split into
// shards on cache lines of their own, one per thread: an atomic add on a line another core
// wrote last waits for that line to move, on every request. Readers sum the shards.
inline int threadShard(int shards)
{
    static std::atomic<unsigned> next {0};
    thread_local const unsigned mine = next.fetch_add(1, std::memory_order_relaxed);
    return int(mine % unsigned(shards));
}

// A counter summed over per-thread shards.
template<typename T = std::int64_t>
class ShardedCounter
{
public:
    static constexpr int kShards = 16;

    // Adds to this thread's shard; returns the shard, for taking back from the same one.
    int add(T amount)
    {
        const int shard = threadShard(kShards);
        addTo(shard, amount);
        return shard;
    }
    void addTo(int shard, T amount)
    {
        m_shards[std::size_t(shard)].value.fetch_add(amount, std::memory_order_relaxed);
    }
    T total() const
    {
        T sum = 0;
        for (const Shard &shard : m_shards)
            sum += shard.value.load(std::memory_order_relaxed);
        return sum;
    }

private:
    struct alignas(64) Shard
    {
        std::atomic<T> value {0};
    };
    std::array<Shard, kShards> m_shards {};
};

} // namespace Keyward
