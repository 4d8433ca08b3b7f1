#pragma once

#include "SqlDialect.h"
#include "core/RateLimit.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace Keyward {

struct TokenBucket;

// What the store answered for a rate lease or a look at a key's shared bucket.
struct RateLeaseGrant
{
    qint64 tokens = 0; // taken (a lease), or whole tokens available (a look)
    // When nothing was taken: milliseconds until the wanted tokens are in the bucket (> 0).
    qint64 retryAfterMs = 0;
};

// What the store answered for a credit reservation or a look at a key's usage.
struct CreditGrant
{
    qint64 credits = 0; // reserved now (0 for a look)
    qint64 usageCount =
        0; // key_usage.usage_count afterwards, reservations of all verifiers included
    std::optional<qint64> usageLimit; // none: the key has no usage limit (any more)
    qint64 usageEpoch = 0; // key_usage.usage_epoch: moves on at each usage reset
};

// The SQL behind limits that hold across verifiers (schema 4): leases of rate-limit tokens from
// the shared bucket in rate_buckets, and reservations of usage credits, which are added to
// key_usage.usage_count up front. Each lease or reservation is one short write transaction
// (BEGIN IMMEDIATE on SQLite; the bucket's or key's usage row lock on PostgreSQL, so verifiers only
// wait for each other on the same key). It never bumps change_seq: no cache or window has to
// reload for it. Works on whatever connection it is given, from that connection's thread.
class SharedLimitRepository
{
    Q_DECLARE_TR_FUNCTIONS(SharedLimitRepository)
public:
    // beforeWrite: called before each write transaction; the store's shared read snapshot
    // (SqlKeyStore::shareReadSnapshots) must end before one can begin.
    SharedLimitRepository(const QSqlDatabase &db, SqlEngine engine,
                          std::function<void()> beforeWrite = {});

    // Takes up to `wanted` tokens (at least 1, at most the limit's count) from the key's shared
    // bucket, under the key's limit as stored (a verifier's cache may hold an older one).
    Result<RateLeaseGrant> leaseTokens(qint64 keyId, qint64 wanted, qint64 nowMs);
    // The whole tokens in the key's bucket now (a bucket never used is full), and, when there
    // are none, how long until `wanted` are there. Reads only.
    Result<RateLeaseGrant> peekTokens(qint64 keyId, qint64 wanted, qint64 nowMs);

    // Reserves up to `wanted` credits: adds min(wanted, limit - count) to usage_count.
    Result<CreditGrant> reserveCredits(qint64 keyId, qint64 wanted);
    // usage_count and usage_limit now. Reads only.
    Result<CreditGrant> peekCredits(qint64 keyId);
    // Gives back reserved credits that were not used, if they were reserved in the key's current
    // usage epoch: a reset since then took them off the count already (and never below 0).
    Result<void> returnCredits(qint64 keyId, qint64 credits, qint64 usageEpoch);

private:
    // The key's rate limit as stored now; none when the key is gone.
    Result<std::optional<RateLimit>> currentLimit(qint64 keyId, const QString &what);
    // When a refused lease can be granted: never sooner than the bucket's own refill time.
    static qint64 retryAfter(const TokenBucket &bucket, const RateLimit &limit, qint64 wanted,
                             qint64 nowMs);

    Result<void> begin(const QString &what);
    Result<void> commit(const QString &what);
    void rollback();
    void restoreSynchronous();

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    std::function<void()> m_beforeWrite;
    QString m_synchronous; // SQLite: the connection's own setting, restored after each lease
};

} // namespace Keyward
