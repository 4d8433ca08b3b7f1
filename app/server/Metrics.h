#pragma once

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
        m_verdicts[int(endpoint)][outcomeIndex(outcome)].fetch_add(1, std::memory_order_relaxed);
    }
    // The store could not answer (503).
    void countStoreError(Endpoint endpoint)
    {
        m_storeErrors[int(endpoint)].fetch_add(1, std::memory_order_relaxed);
    }
    // A request refused before any verification (400, 404, 405, 413, 401 without a key).
    void countRejected(int status);
    void observeLatency(std::int64_t nanoseconds);

    // What the store and cache report at scrape time.
    struct Gauges
    {
        qint64 cacheEntries = 0;
        qint64 verifiedSignatures = 0;
        qint64 usageBacklog = 0;
        qint64 storeReconnects = 0;
        qint64 threadsWithStore = 0;
    };
    QByteArray render(const Gauges &gauges) const;

private:
    static int outcomeIndex(VerifyOutcome outcome);
    static int statusIndex(int status);

    static constexpr std::array<int, 7> kRejectedStatuses = {400, 401, 404, 405, 413, 431, 0};
    std::array<std::array<std::atomic<std::uint64_t>, kAllVerifyOutcomes.size()>, kEndpoints>
        m_verdicts {};
    std::array<std::atomic<std::uint64_t>, kEndpoints> m_storeErrors {};
    std::array<std::atomic<std::uint64_t>, kRejectedStatuses.size()> m_rejected {};
    std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> m_latency {}; // + Inf
    std::atomic<std::uint64_t> m_latencySumNs {0};
};

} // namespace Keyward::Verifyd
