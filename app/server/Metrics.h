#pragma once

#include "core/ThreadShard.h"
#include "verify/VerifyOutcome.h"

#include <QByteArray>

#include <array>
#include <atomic>
#include <cstdint>

namespace Keyward::Verifyd {

// Counters for GET /metrics, updated lock-free from every verifying thread.
class Metrics
{
public:
    enum class Endpoint { ForwardAuth, VerifyJson };
    static constexpr int kEndpoints = 2;
    // Latency buckets (upper bounds, seconds), Prometheus style: cumulative on output.
    static constexpr std::array<double, 12> kBuckets = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0};

    void countVerdict(Endpoint endpoint, VerifyOutcome outcome)
    {
        mine().verdicts[int(endpoint)][outcomeIndex(outcome)].fetch_add(1,
                                                                        std::memory_order_relaxed);
    }
    // The store could not answer (503).
    void countStoreError(Endpoint endpoint)
    {
        mine().storeErrors[int(endpoint)].fetch_add(1, std::memory_order_relaxed);
    }
    // A request refused before any verification (400, 404, 405, 413, 401 without a key).
    void countRejected(int status);
    void observeLatency(std::int64_t nanoseconds);

    // What the store and cache report at scrape time.
    struct Gauges
    {
        qint64 cacheEntries = 0;
        qint64 cacheFills = 0;
        qint64 cacheFillFailures = 0;
        qint64 verifiedSignatures = 0;
        qint64 usageBacklog = 0;
        qint64 storeReconnects = 0;
        qint64 threadsWithStore = 0;
    };
    QByteArray render(const Gauges &gauges) const;

private:
    static int outcomeIndex(VerifyOutcome outcome);
    static int statusIndex(int status);

    static constexpr std::array<int, 8> kRejectedStatuses = {400, 401, 404, 405, 408, 413, 431, 0};
    // Every request adds to these: each thread to a shard of its own (core/ThreadShard.h), and
    // render() sums them.
    struct alignas(64) Shard
    {
        std::array<std::array<std::atomic<std::uint64_t>, kAllVerifyOutcomes.size()>, kEndpoints>
            verdicts {};
        std::array<std::atomic<std::uint64_t>, kEndpoints> storeErrors {};
        std::array<std::atomic<std::uint64_t>, kRejectedStatuses.size()> rejected {};
        std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> latency {}; // + Inf
        std::atomic<std::uint64_t> latencySumNs {0};
    };
    static constexpr int kShards = 16;
    Shard &mine() { return m_shards[std::size_t(threadShard(kShards))]; }
    template<typename Read>
    std::uint64_t sum(Read read) const
    {
        std::uint64_t total = 0;
        for (const Shard &shard : m_shards)
            total += read(shard).load(std::memory_order_relaxed);
        return total;
    }
    std::array<Shard, kShards> m_shards {};
};

} // namespace Keyward::Verifyd
