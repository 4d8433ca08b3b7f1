#include "Metrics.h"

namespace Keyward::Verifyd {

namespace {

const char *endpointName(int endpoint)
{
    return endpoint == int(Metrics::Endpoint::ForwardAuth) ? "forward_auth" : "verify_json";
}

} // namespace

int Metrics::outcomeIndex(VerifyOutcome outcome)
{
    for (std::size_t i = 0; i < kAllVerifyOutcomes.size(); ++i) {
        if (kAllVerifyOutcomes[i] == outcome)
            return int(i);
    }
    return 0;
}

int Metrics::statusIndex(int status)
{
    for (std::size_t i = 0; i + 1 < kRejectedStatuses.size(); ++i) {
        if (kRejectedStatuses[i] == status)
            return int(i);
    }
    return int(kRejectedStatuses.size()) - 1; // "other"
}

void Metrics::countRejected(int status)
{
    mine().rejected[std::size_t(statusIndex(status))].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::observeLatency(std::int64_t nanoseconds)
{
    const double seconds = double(nanoseconds) / 1e9;
    std::size_t bucket = 0;
    while (bucket < kBuckets.size() && seconds > kBuckets[bucket])
        ++bucket;
    Shard &shard = mine();
    shard.latency[bucket].fetch_add(1, std::memory_order_relaxed);
    shard.latencySumNs.fetch_add(std::uint64_t(qMax<std::int64_t>(0, nanoseconds)),
                                 std::memory_order_relaxed);
}

QByteArray Metrics::render(const Gauges &gauges) const
{
    QByteArray out;
    out.reserve(4096);
    out += "# HELP keyward_verifyd_requests_total Verifications answered, by endpoint and "
           "outcome (Error: the store could not answer).\n"
           "# TYPE keyward_verifyd_requests_total counter\n";
    for (int endpoint = 0; endpoint < kEndpoints; ++endpoint) {
        for (std::size_t i = 0; i < kAllVerifyOutcomes.size(); ++i) {
            out += "keyward_verifyd_requests_total{endpoint=\"";
            out += endpointName(endpoint);
            out += "\",outcome=\"";
            out += verifyOutcomeCode(kAllVerifyOutcomes[i]).toLatin1();
            out += "\"} ";
            out += QByteArray::number(quint64(sum([&](const Shard &s) -> const auto & {
                return s.verdicts[std::size_t(endpoint)][i];
            })));
            out += '\n';
        }
        out += "keyward_verifyd_requests_total{endpoint=\"";
        out += endpointName(endpoint);
        out += "\",outcome=\"Error\"} ";
        out += QByteArray::number(quint64(sum([&](const Shard &s) -> const auto & {
            return s.storeErrors[std::size_t(endpoint)];
        })));
        out += '\n';
    }
    out += "# HELP keyward_verifyd_rejected_requests_total Requests refused before any "
           "verification, by HTTP status.\n"
           "# TYPE keyward_verifyd_rejected_requests_total counter\n";
    for (std::size_t i = 0; i < kRejectedStatuses.size(); ++i) {
        out += "keyward_verifyd_rejected_requests_total{status=\"";
        out += kRejectedStatuses[i] ? QByteArray::number(kRejectedStatuses[i])
                                    : QByteArrayLiteral("other");
        out += "\"} ";
        out += QByteArray::number(
            quint64(sum([&](const Shard &s) -> const auto & { return s.rejected[i]; })));
        out += '\n';
    }
    out += "# HELP keyward_verifyd_request_duration_seconds Time from a request's arrival to "
           "its answer being queued.\n"
           "# TYPE keyward_verifyd_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i <= kBuckets.size(); ++i) {
        cumulative += sum([&](const Shard &s) -> const auto & { return s.latency[i]; });
        out += "keyward_verifyd_request_duration_seconds_bucket{le=\"";
        out += i < kBuckets.size() ? QByteArray::number(kBuckets[i], 'g', 6)
                                   : QByteArrayLiteral("+Inf");
        out += "\"} ";
        out += QByteArray::number(quint64(cumulative));
        out += '\n';
    }
    out += "keyward_verifyd_request_duration_seconds_sum ";
    out += QByteArray::number(
        double(sum([](const Shard &s) -> const auto & { return s.latencySumNs; })) / 1e9, 'f', 9);
    out += "\nkeyward_verifyd_request_duration_seconds_count ";
    out += QByteArray::number(quint64(cumulative));
    out += '\n';

    auto gauge = [&out](const char *name, const char *type, const char *help, qint64 value) {
        out += "# HELP ";
        out += name;
        out += ' ';
        out += help;
        out += "\n# TYPE ";
        out += name;
        out += ' ';
        out += type;
        out += '\n';
        out += name;
        out += ' ';
        out += QByteArray::number(value);
        out += '\n';
    };
    gauge("keyward_verifyd_cache_entries", "gauge", "Keys held by the verifier cache.",
          gauges.cacheEntries);
    gauge("keyward_verifyd_cache_fills_total", "counter",
          "Passes over the store begun to fill the verifier cache ahead of the requests (those "
          "that failed included).",
          gauges.cacheFills);
    gauge("keyward_verifyd_cache_fill_failures_total", "counter",
          "Of those passes, the ones that could not read the store, or its size (tried again "
          "later).",
          gauges.cacheFillFailures);
    gauge("keyward_verifyd_verified_signatures", "gauge",
          "Signatures verified good by this process (key rows not covered by an attestation, and "
          "attestations); each is verified once.",
          gauges.verifiedSignatures);
    gauge("keyward_verifyd_usage_backlog_events", "gauge",
          "Verifications recorded but not yet taken by the usage writer.", gauges.usageBacklog);
    gauge("keyward_verifyd_store_reconnects_total", "counter",
          "Store connections re-established after they were lost.", gauges.storeReconnects);
    gauge("keyward_verifyd_store_connections", "gauge",
          "Verifying threads with an open store connection.", gauges.threadsWithStore);
    return out;
}

} // namespace Keyward::Verifyd
