#include "RateLimiter.h"

#include "store/SharedLimitRepository.h"

#include <QMutexLocker>

namespace Keyward {

RateLimiter::RateLimiter(const Clock &clock)
    : m_clock(clock)
{ }

qint64 RateLimiter::leaseSize(const RateLimit &limit)
{
    return qBound(qint64(1), qint64(limit.count / 20), qint64(1000));
}

qint64 RateLimiter::leaseTtlMs(const RateLimit &limit)
{
    return qMax<qint64>(1000, TokenBucket::periodOf(limit));
}

RateLimiter::Bucket &RateLimiter::refilled(qint64 keyId, const RateLimit &limit, qint64 now)
{
    const qint64 periodMs = TokenBucket::periodOf(limit);
    auto it = m_buckets.find(keyId);
    if (it == m_buckets.end() || it->count != limit.count || it->periodMs != periodMs) {
        // A new key, or an admin changed its limit: start full under the new limit rather than
        // carry over a debt (or a lease) measured in other units.
        Bucket bucket;
        bucket.local = TokenBucket::full(limit, now);
        bucket.count = limit.count;
        bucket.periodMs = periodMs;
        return *m_buckets.insert(keyId, bucket);
    }
    it->local.refill(limit, now);
    return *it;
}

qint64 RateLimiter::localRetryAfter(Bucket &bucket, const RateLimit &limit) const
{
    return bucket.local.msUntil(limit, 1);
}

RateLimiter::Admission RateLimiter::acquire(qint64 keyId, const RateLimit &limit,
                                            SharedLimitRepository *shared)
{
    if (limit.isUnlimited())
        return {};
    const qint64 now = m_clock.nowMs();
    {
        QMutexLocker lock(&m_mutex);
        Bucket &bucket = refilled(keyId, limit, now);
        if (!usesStore(bucket, shared, now)) {
            const qint64 wait = localRetryAfter(bucket, limit);
            if (wait == 0)
                bucket.local.take(limit, 1);
            return {wait, false};
        }
        if (hasLease(bucket, now)) {
            --bucket.leased;
            return {0, true};
        }
        bucket.leased = 0; // expired leftovers are dropped, not carried over
        if (now < bucket.nextLeaseAtMs)
            return {bucket.nextLeaseAtMs - now, true};
    }
    // Outside the lock: other keys (and other threads) go on meanwhile. Two threads may both
    // lease for one key; they then just hold a little more.
    const qint64 wanted = leaseSize(limit);
    const Result<RateLeaseGrant> grant = shared->leaseTokens(keyId, wanted, now);
    QMutexLocker lock(&m_mutex);
    Bucket &bucket = refilled(keyId, limit, now);
    if (!grant) {
        ++m_storeFailures;
        bucket.storeRetryAtMs = storeRetryAt(now, m_clock.nowMs());
        const qint64 wait = localRetryAfter(bucket, limit);
        if (wait == 0)
            bucket.local.take(limit, 1);
        return {wait, false};
    }
    ++m_leases;
    if (grant->tokens == 0) {
        if (hasLease(bucket, now)) { // another thread's lease arrived meanwhile
            --bucket.leased;
            return {0, true};
        }
        bucket.nextLeaseAtMs = now + grant->retryAfterMs;
        return {grant->retryAfterMs, true};
    }
    bucket.leased = (hasLease(bucket, now) ? bucket.leased : 0) + grant->tokens - 1;
    bucket.leaseExpiresAtMs = now + leaseTtlMs(limit);
    bucket.nextLeaseAtMs = 0;
    return {0, true};
}

void RateLimiter::giveBack(qint64 keyId, const RateLimit &limit, const Admission &admission)
{
    if (limit.isUnlimited() || !admission.passed())
        return;
    const qint64 now = m_clock.nowMs();
    QMutexLocker lock(&m_mutex);
    Bucket &bucket = refilled(keyId, limit, now);
    if (admission.fromLease) {
        if (bucket.leased == 0)
            bucket.leaseExpiresAtMs = now + leaseTtlMs(limit);
        ++bucket.leased;
    } else {
        bucket.local.units =
            qMin(TokenBucket::capacityOf(limit), bucket.local.units + TokenBucket::periodOf(limit));
    }
}

qint64 RateLimiter::retryAfterMs(qint64 keyId, const RateLimit &limit,
                                 SharedLimitRepository *shared)
{
    if (limit.isUnlimited())
        return 0;
    const qint64 now = m_clock.nowMs();
    {
        QMutexLocker lock(&m_mutex);
        Bucket &bucket = refilled(keyId, limit, now);
        if (!usesStore(bucket, shared, now))
            return localRetryAfter(bucket, limit);
        if (hasLease(bucket, now))
            return 0;
        if (now < bucket.nextLeaseAtMs)
            return bucket.nextLeaseAtMs - now;
    }
    const Result<RateLeaseGrant> peek = shared->peekTokens(keyId, leaseSize(limit), now);
    QMutexLocker lock(&m_mutex);
    Bucket &bucket = refilled(keyId, limit, now);
    if (!peek)
        return localRetryAfter(bucket, limit);
    return peek->tokens > 0 ? 0 : peek->retryAfterMs;
}

void RateLimiter::consume(qint64 keyId, const RateLimit &limit)
{
    if (limit.isUnlimited())
        return;
    QMutexLocker lock(&m_mutex);
    refilled(keyId, limit, m_clock.nowMs()).local.take(limit, 1);
}

int RateLimiter::remaining(qint64 keyId, const RateLimit &limit, SharedLimitRepository *shared)
{
    if (limit.isUnlimited())
        return -1;
    const qint64 now = m_clock.nowMs();
    qint64 leased = 0;
    {
        QMutexLocker lock(&m_mutex);
        Bucket &bucket = refilled(keyId, limit, now);
        if (!usesStore(bucket, shared, now))
            return int(bucket.local.tokens(limit));
        leased = hasLease(bucket, now) ? bucket.leased : 0;
    }
    const Result<RateLeaseGrant> peek = shared->peekTokens(keyId, 1, now);
    return int(leased + (peek ? peek->tokens : 0));
}

void RateLimiter::forget(qint64 keyId)
{
    QMutexLocker lock(&m_mutex);
    m_buckets.remove(keyId);
}

void RateLimiter::clear()
{
    QMutexLocker lock(&m_mutex);
    m_buckets.clear();
}

int RateLimiter::bucketCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_buckets.size());
}

qint64 RateLimiter::leaseCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_leases;
}

qint64 RateLimiter::storeFailureCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_storeFailures;
}

} // namespace Keyward
