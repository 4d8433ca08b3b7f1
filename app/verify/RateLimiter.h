#pragma once

#include "core/Clock.h"
#include "core/RateLimit.h"

#include <QHash>

#include <mutex>

namespace Keyward {

// Token buckets, one per key: a key limited to N per period holds at most N tokens and gets
// them back continuously (one every period/N), so a client that paused may burst up to N and
// then runs at the steady rate. Exact integer arithmetic: one token is periodMs units, and the
// bucket gains count units per elapsed millisecond, so refill and retry-after have no rounding
// drift. Time comes from the injected Clock; a clock that steps backwards refills nothing.
//
// Per process and in memory only: several verifier processes each enforce the limit on their
// own (see docs/verification.md). Thread-safe: the verifiers of one process share one limiter.
class RateLimiter
{
public:
    explicit RateLimiter(const Clock &clock);

    // 0 when a request may pass now; otherwise the milliseconds until one would (> 0). Takes
    // nothing: refused requests consume no tokens.
    qint64 retryAfterMs(qint64 keyId, const RateLimit &limit);
    // Takes one token; call after retryAfterMs() returned 0.
    void consume(qint64 keyId, const RateLimit &limit);
    // retryAfterMs() and, when it is 0, consume() in one step (for threads sharing a limiter).
    qint64 tryTake(qint64 keyId, const RateLimit &limit);
    // Returns a token taken by tryTake() for a request refused after all (never above capacity).
    void giveBack(qint64 keyId, const RateLimit &limit);
    // Whole tokens left now (the unlimited case reports -1).
    int remaining(qint64 keyId, const RateLimit &limit);

    void forget(qint64 keyId);
    void clear();
    int bucketCount() const;

private:
    struct Bucket
    {
        qint64 units = 0; // tokens * periodMs
        qint64 lastMs = 0;
        int count = 0;
        qint64 periodMs = 0;
    };
    Bucket &refilled(qint64 keyId, const RateLimit &limit);
    static qint64 waitMs(const Bucket &bucket);

    const Clock &m_clock;
    mutable std::mutex m_mutex;
    QHash<qint64, Bucket> m_buckets;
};

} // namespace Keyward
