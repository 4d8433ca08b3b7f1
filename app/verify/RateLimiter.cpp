#include "RateLimiter.h"

namespace Keyward {

RateLimiter::RateLimiter(const Clock &clock)
    : m_clock(clock)
{ }

RateLimiter::Bucket &RateLimiter::refilled(qint64 keyId, const RateLimit &limit)
{
    const qint64 now = m_clock.nowMs();
    const qint64 periodMs = qMax<qint64>(1, limit.periodMs());
    const qint64 capacity = qint64(limit.count) * periodMs;
    auto it = m_buckets.find(keyId);
    if (it == m_buckets.end() || it->count != limit.count || it->periodMs != periodMs) {
        // A new key, or an admin changed its limit: start full under the new limit rather than
        // carry over a debt measured in other units.
        return *m_buckets.insert(keyId, Bucket {capacity, now, limit.count, periodMs});
    }
    Bucket &bucket = *it;
    if (now > bucket.lastMs) {
        // After one period the bucket is full whatever happened, which also keeps the product
        // below 2^63 (count <= 1e9, period <= 1 h).
        const qint64 elapsed = qMin(now - bucket.lastMs, periodMs);
        bucket.units = qMin(capacity, bucket.units + elapsed * bucket.count);
    }
    // Also taken when the clock stepped back: refill resumes from the new "now".
    bucket.lastMs = now;
    return bucket;
}

qint64 RateLimiter::retryAfterMs(qint64 keyId, const RateLimit &limit)
{
    if (limit.isUnlimited())
        return 0;
    std::lock_guard lock(m_mutex);
    return waitMs(refilled(keyId, limit));
}

qint64 RateLimiter::waitMs(const Bucket &bucket)
{
    if (bucket.units >= bucket.periodMs)
        return 0;
    const qint64 missing = bucket.periodMs - bucket.units;
    return (missing + bucket.count - 1) / bucket.count; // round up: never answer too early
}

qint64 RateLimiter::tryTake(qint64 keyId, const RateLimit &limit)
{
    if (limit.isUnlimited())
        return 0;
    std::lock_guard lock(m_mutex);
    Bucket &bucket = refilled(keyId, limit);
    const qint64 wait = waitMs(bucket);
    if (wait == 0)
        bucket.units -= bucket.periodMs;
    return wait;
}

void RateLimiter::giveBack(qint64 keyId, const RateLimit &limit)
{
    if (limit.isUnlimited())
        return;
    std::lock_guard lock(m_mutex);
    Bucket &bucket = refilled(keyId, limit);
    bucket.units = qMin(qint64(bucket.count) * bucket.periodMs, bucket.units + bucket.periodMs);
}

void RateLimiter::consume(qint64 keyId, const RateLimit &limit)
{
    if (limit.isUnlimited())
        return;
    std::lock_guard lock(m_mutex);
    Bucket &bucket = refilled(keyId, limit);
    bucket.units = qMax<qint64>(0, bucket.units - bucket.periodMs);
}

int RateLimiter::remaining(qint64 keyId, const RateLimit &limit)
{
    if (limit.isUnlimited())
        return -1;
    std::lock_guard lock(m_mutex);
    const Bucket &bucket = refilled(keyId, limit);
    return int(bucket.units / bucket.periodMs);
}

void RateLimiter::forget(qint64 keyId)
{
    std::lock_guard lock(m_mutex);
    m_buckets.remove(keyId);
}

void RateLimiter::clear()
{
    std::lock_guard lock(m_mutex);
    m_buckets.clear();
}

int RateLimiter::bucketCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_buckets.size());
}

} // namespace Keyward
