#pragma once

#include "core/Clock.h"
#include "core/RateLimit.h"
#include "store/TokenBucket.h"

#include <QHash>
#include <QMutex>

namespace Keyward {

class SharedLimitRepository;

// Rate limits, one token bucket per key: a key limited to N per period holds at most N tokens
// and gets them back continuously (one every period/N), so a client that paused may burst up to
// N and then runs at the steady rate (arithmetic: store/TokenBucket).
//
// Across verifiers (the methods taking a SharedLimitRepository): the bucket lives in the store
// (rate_buckets) and is shared by every verifier process and server on it. This limiter takes a
// few tokens at a time from it (a lease of leaseSize() tokens, one short write transaction),
// answers from the lease, and takes the next one when it runs out; when the store bucket is
// empty it refuses locally until the tokens it wants are back, without asking the store again.
// So every Valid answer spends a token taken from the shared bucket: N verifiers together never
// pass more than the bucket allows, and the store sees one write per lease, not per request.
// Tokens leased but not used within leaseTtlMs() are dropped (never returned: see
// docs/verification.md for the tolerance this gives). While the store cannot be written
// (unreachable, locked, no privilege), the per-process bucket below decides instead, and the
// store is tried again after a pause (storeRetryAt()).
//
// Per process (no repository, or as the fallback): buckets in memory only.
//
// Thread-safe: verifiers on several threads share one limiter. A mutex guards the buckets; it is
// never held during a store round trip.
class RateLimiter
{
public:
    explicit RateLimiter(const Clock &clock);

    // A verdict of acquire(): 0 and a token taken, or the milliseconds until one would pass.
    struct Admission
    {
        qint64 retryAfterMs = 0;
        bool fromLease = false; // taken from a shared lease (what giveBack() needs to know)
        bool passed() const { return retryAfterMs == 0; }
    };
    // Takes one token for a request if one is there: from this process's lease of the shared
    // bucket when `shared` is given (leasing more when it is empty), else from the per-process
    // bucket. Refused requests take nothing.
    Admission acquire(qint64 keyId, const RateLimit &limit, SharedLimitRepository *shared);
    // Puts back the token of an admission whose request was refused after all (usage limit).
    void giveBack(qint64 keyId, const RateLimit &limit, const Admission &admission);
    // What acquire() would answer, taking nothing and writing nothing (explain()).
    qint64 retryAfterMs(qint64 keyId, const RateLimit &limit, SharedLimitRepository *shared);
    // Whole tokens this verifier could use now: its unexpired lease plus the shared bucket's
    // tokens (reads the store), or the per-process bucket's. -1 when unlimited.
    int remaining(qint64 keyId, const RateLimit &limit, SharedLimitRepository *shared);

    // The per-process bucket alone (and the fallback): 0 when a request may pass now, else the
    // milliseconds until one would; takes nothing.
    qint64 retryAfterMs(qint64 keyId, const RateLimit &limit)
    {
        return retryAfterMs(keyId, limit, nullptr);
    }
    // Takes one token from the per-process bucket; call after retryAfterMs() returned 0.
    void consume(qint64 keyId, const RateLimit &limit);
    int remaining(qint64 keyId, const RateLimit &limit) { return remaining(keyId, limit, nullptr); }

    void forget(qint64 keyId);
    void clear();
    int bucketCount() const;
    // Lease and store failures so far, for metrics and tests.
    qint64 leaseCount() const;
    qint64 storeFailureCount() const;

    // Tokens per lease: 1/20 of the limit (so 20 verifiers holding unused leases hold at most
    // one burst), at least 1, at most 1000.
    static qint64 leaseSize(const RateLimit &limit);
    // How long leased tokens stay usable: the limit's period (at least a second), so a key used
    // now and then is not a store write per request. How far over the limit N verifiers can go
    // does not depend on it (N x leaseSize at most); it only bounds how long an idle verifier
    // keeps tokens from the others.
    static qint64 leaseTtlMs(const RateLimit &limit);
    static constexpr qint64 kStoreRetryMs = 1000;
    static constexpr qint64 kMaxStoreRetryMs = 30000;
    // When to try a store again that failed an attempt begun at `startedMs` and given up at
    // `failedMs`: after kStoreRetryMs, or as long as the attempt waited (a locked vault makes it
    // wait the busy timeout, 2 s), but never more than kMaxStoreRetryMs (a wall clock stepped
    // forward, a connect timeout of minutes). Counted from the failure: from the start, the
    // pause could be over before it began, and every request waited the whole timeout again.
    static qint64 storeRetryAt(qint64 startedMs, qint64 failedMs)
    {
        return failedMs + qBound(kStoreRetryMs, failedMs - startedMs, kMaxStoreRetryMs);
    }

private:
    struct Bucket
    {
        TokenBucket local; // per process
        int count = 0;
        qint64 periodMs = 0;
        qint64 leased = 0; // tokens of the shared bucket held by this process
        qint64 leaseExpiresAtMs = 0;
        qint64 nextLeaseAtMs = 0; // the shared bucket was empty: ask again at this time
        qint64 storeRetryAtMs = 0; // the store failed: per-process until this time
    };
    Bucket &refilled(qint64 keyId, const RateLimit &limit, qint64 now);
    // Per-process decision; the lock is held.
    qint64 localRetryAfter(Bucket &bucket, const RateLimit &limit) const;
    bool usesStore(const Bucket &bucket, SharedLimitRepository *shared, qint64 now) const
    {
        return shared && now >= bucket.storeRetryAtMs;
    }
    bool hasLease(const Bucket &bucket, qint64 now) const
    {
        return bucket.leased > 0 && now < bucket.leaseExpiresAtMs;
    }

    const Clock &m_clock;
    mutable QMutex m_mutex;
    QHash<qint64, Bucket> m_buckets;
    qint64 m_leases = 0;
    qint64 m_storeFailures = 0;
};

} // namespace Keyward
