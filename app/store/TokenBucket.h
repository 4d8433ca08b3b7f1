#pragma once

#include "core/RateLimit.h"

#include <QtGlobal>

namespace Keyward {

// The arithmetic of one token bucket, shared by the in-memory buckets (verify/RateLimiter) and
// the stored ones (store/SharedLimitRepository), so both refill and answer retry-after alike.
// Exact integers: one token is periodMs units, and the bucket gains count units per elapsed
// millisecond up to count * periodMs (a full burst of count tokens).
struct TokenBucket
{
    qint64 units = 0; // tokens * periodMs
    qint64 lastMs = 0; // refilled up to this time

    static qint64 periodOf(const RateLimit &limit) { return qMax<qint64>(1, limit.periodMs()); }
    static qint64 capacityOf(const RateLimit &limit)
    {
        return qint64(limit.count) * periodOf(limit);
    }
    static TokenBucket full(const RateLimit &limit, qint64 nowMs)
    {
        return {capacityOf(limit), nowMs};
    }

    // Brings the bucket to nowMs. After one period it is full whatever happened, which also
    // keeps the product below 2^63 (count <= 1e9, period <= 1 h). A clock that stepped back
    // refills nothing; refill resumes from the new "now".
    void refill(const RateLimit &limit, qint64 nowMs)
    {
        const qint64 periodMs = periodOf(limit);
        if (nowMs > lastMs) {
            const qint64 elapsed = qMin(nowMs - lastMs, periodMs);
            units = qMin(capacityOf(limit), units + elapsed * limit.count);
        }
        lastMs = nowMs;
    }
    qint64 tokens(const RateLimit &limit) const { return units / periodOf(limit); }
    // Takes up to `wanted` whole tokens; returns how many it took.
    qint64 take(const RateLimit &limit, qint64 wanted)
    {
        const qint64 taken = qMax<qint64>(0, qMin(wanted, tokens(limit)));
        units -= taken * periodOf(limit);
        return taken;
    }
    // Milliseconds until `wanted` (<= count) whole tokens are in the bucket, 0 when they are
    // already; rounded up, so never an answer that comes too early.
    qint64 msUntil(const RateLimit &limit, qint64 wanted) const
    {
        const qint64 missing = wanted * periodOf(limit) - units;
        if (missing <= 0)
            return 0;
        return (missing + limit.count - 1) / limit.count;
    }
};

} // namespace Keyward
