#include "SharedLimitRepository.h"

#include "SqlErrors.h"
#include "TokenBucket.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Keyward {

SharedLimitRepository::SharedLimitRepository(const QSqlDatabase &db, SqlEngine engine,
                                             std::function<void()> beforeWrite)
    : m_db(db)
    , m_dialect(engine)
    , m_beforeWrite(std::move(beforeWrite))
{ }

Result<void> SharedLimitRepository::begin(const QString &what)
{
    if (m_beforeWrite)
        m_beforeWrite();
    SqlQuery q(m_db);
    if (m_dialect.isSqlite()) {
        // A lease or reservation need not survive a power cut (the bucket would only be a
        // moment younger), so it does not wait for an fsync: with WAL, synchronous = NORMAL
        // still survives a crash of the process. The connection's own setting comes back after.
        if (m_synchronous.isEmpty() && q.exec(QStringLiteral("PRAGMA synchronous")) && q.next())
            m_synchronous = q.value(0).toString();
        q.finish();
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    if (!q.exec(m_dialect.beginWrite())) {
        const Error error = SqlErrors::fromQuery(q, what);
        restoreSynchronous();
        return error;
    }
    return {};
}

void SharedLimitRepository::restoreSynchronous()
{
    bool ok = false;
    const int level = m_synchronous.toInt(&ok);
    if (m_dialect.isSqlite() && ok && m_db.isOpen())
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA synchronous = %1").arg(level));
}

Result<void> SharedLimitRepository::commit(const QString &what)
{
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error error = SqlErrors::fromQuery(q, what);
        rollback();
        return error;
    }
    restoreSynchronous();
    return {};
}

void SharedLimitRepository::rollback()
{
    if (m_db.isOpen())
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    restoreSynchronous();
}

Result<std::optional<RateLimit>> SharedLimitRepository::currentLimit(qint64 keyId,
                                                                     const QString &what)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT rate_count, rate_unit FROM api_keys WHERE id = ?"));
    q.addBindValue(keyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, what);
    if (!q.next())
        return std::optional<RateLimit>();
    RateLimit limit;
    limit.count = q.value(0).toInt();
    limit.unit = static_cast<RateLimit::Unit>(qBound(0, q.value(1).toInt(), 2));
    return std::optional<RateLimit>(limit);
}

qint64 SharedLimitRepository::retryAfter(const TokenBucket &bucket, const RateLimit &limit,
                                         qint64 wanted, qint64 nowMs)
{
    // The bucket may be refilled up to a later time than ours (a verifier whose clock runs
    // ahead): it gains nothing before then, so that wait comes first.
    return qMax<qint64>(1, qMax<qint64>(0, bucket.lastMs - nowMs) + bucket.msUntil(limit, wanted));
}

Result<RateLeaseGrant> SharedLimitRepository::leaseTokens(qint64 keyId, qint64 wanted, qint64 nowMs)
{
    const QString what = tr("Could not take rate-limit capacity from the store.");
    if (auto begun = begin(what); !begun)
        return begun.error();
    auto failed = [this](const Error &error) -> Result<RateLeaseGrant> {
        rollback();
        return error;
    };
    SqlQuery q(m_db);
    // The row first, so that on PostgreSQL two verifiers creating a key's bucket at once both
    // end up locking the same row below (SQLite's BEGIN IMMEDIATE already serialises them). A
    // new row has no limit yet, so it starts full under the key's limit below.
    q.prepare(
        QStringLiteral("INSERT INTO rate_buckets (key_id, rate_count, period_ms, units, "
                       "refilled_at) VALUES (?, 0, 0, 0, ?) ON CONFLICT (key_id) DO NOTHING"));
    q.addBindValue(keyId);
    q.addBindValue(nowMs);
    if (!q.exec())
        return failed(SqlErrors::fromQuery(q, what));
    q.prepare(m_dialect.isSqlite()
                  ? QStringLiteral("SELECT rate_count, period_ms, units, refilled_at FROM "
                                   "rate_buckets WHERE key_id = ?")
                  : QStringLiteral("SELECT rate_count, period_ms, units, refilled_at FROM "
                                   "rate_buckets WHERE key_id = ? FOR UPDATE"));
    q.addBindValue(keyId);
    if (!q.exec())
        return failed(SqlErrors::fromQuery(q, what));
    if (!q.next()) // the key was deleted meanwhile: nothing to lease, nothing to wait for
        return failed(makeError(ErrorCode::NotFound, what));
    // The key's limit as stored, not the caller's: a verifier's cache may still hold one an
    // admin changed. Two verifiers that each wrote their own view reset the bucket to full on
    // every lease (a 10/min key passed 150 requests at one instant). Read under the bucket's
    // lock, so that two leases around a change agree on it.
    const qint64 storedCount = q.value(0).toLongLong();
    const qint64 storedPeriodMs = q.value(1).toLongLong();
    TokenBucket bucket {q.value(2).toLongLong(), q.value(3).toLongLong()};
    q.finish();
    const auto current = currentLimit(keyId, what);
    if (!current)
        return failed(current.error());
    if (!*current)
        return failed(makeError(ErrorCode::NotFound, what));
    const RateLimit &limit = **current;
    if (limit.isUnlimited()) { // its limit was removed: nothing to count
        rollback();
        return RateLeaseGrant {wanted, 0};
    }
    wanted = qBound(qint64(1), wanted, qint64(limit.count));
    const qint64 periodMs = TokenBucket::periodOf(limit);
    if (storedCount != limit.count || storedPeriodMs != periodMs)
        bucket = TokenBucket::full(limit, nowMs); // new, or an admin changed the limit
    // Never back in time: verifiers read their clocks before waiting for this row, so another
    // one may have refilled it up to a later "now" already. Going back would refill that
    // interval twice.
    bucket.refill(limit, qMax(nowMs, bucket.lastMs));
    RateLeaseGrant grant;
    grant.tokens = bucket.take(limit, wanted);
    if (grant.tokens == 0)
        grant.retryAfterMs = retryAfter(bucket, limit, wanted, nowMs);
    q.prepare(QStringLiteral("UPDATE rate_buckets SET rate_count = ?, period_ms = ?, units = ?, "
                             "refilled_at = ? WHERE key_id = ?"));
    q.addBindValue(limit.count);
    q.addBindValue(periodMs);
    q.addBindValue(bucket.units);
    q.addBindValue(bucket.lastMs);
    q.addBindValue(keyId);
    if (!q.exec())
        return failed(SqlErrors::fromQuery(q, what));
    if (auto committed = commit(what); !committed)
        return committed.error();
    return grant;
}

Result<RateLeaseGrant> SharedLimitRepository::peekTokens(qint64 keyId, qint64 wanted, qint64 nowMs)
{
    const QString what = tr("Could not read the shared rate limit.");
    const auto stored = currentLimit(keyId, what); // as in leaseTokens
    if (!stored)
        return stored.error();
    if (!*stored)
        return makeError(ErrorCode::NotFound, what);
    const RateLimit &limit = **stored;
    if (limit.isUnlimited())
        return RateLeaseGrant {wanted, 0};
    wanted = qBound(qint64(1), wanted, qint64(limit.count));
    SqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT rate_count, period_ms, units, refilled_at FROM rate_buckets WHERE key_id = ?"));
    q.addBindValue(keyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, what);
    TokenBucket bucket = TokenBucket::full(limit, nowMs);
    if (q.next() && q.value(0).toInt() == limit.count
        && q.value(1).toLongLong() == TokenBucket::periodOf(limit))
        bucket = TokenBucket {q.value(2).toLongLong(), q.value(3).toLongLong()};
    bucket.refill(limit, qMax(nowMs, bucket.lastMs));
    RateLeaseGrant grant;
    grant.tokens = bucket.tokens(limit);
    if (grant.tokens == 0)
        grant.retryAfterMs = retryAfter(bucket, limit, wanted, nowMs);
    return grant;
}

Result<CreditGrant> SharedLimitRepository::reserveCredits(qint64 keyId, qint64 wanted)
{
    const QString what = tr("Could not reserve usage credits in the store.");
    if (auto begun = begin(what); !begun)
        return begun.error();
    auto failed = [this](const Error &error) -> Result<CreditGrant> {
        rollback();
        return error;
    };
    SqlQuery q(m_db);
    CreditGrant grant;
    if (m_dialect.isSqlite()) {
        // The transaction holds the whole file: a look is as good as a lock.
        auto read = peekCredits(keyId);
        if (!read)
            return failed(read.error());
        grant = *read;
    } else {
        // The key's usage row, locked: reservations by other verifiers and a reset wait for this
        // one. A row is made first if the key has none (no use yet), since only a row can be
        // locked. The limit is read after the lock, in a statement of its own: one statement
        // that waited for the lock would read the key's row as it was before the wait, and
        // reserve against a limit an Admin lowered meanwhile.
        q.prepare(QStringLiteral("INSERT INTO key_usage (key_id) SELECT id FROM api_keys WHERE id "
                                 "= ? ON CONFLICT (key_id) DO NOTHING"));
        q.addBindValue(keyId);
        if (!q.exec()) {
            // A key deleted while the insert waited for its row: gone, not a store failure.
            if (q.lastError().nativeErrorCode() == QLatin1String("23503"))
                return failed(makeError(ErrorCode::NotFound, what));
            return failed(SqlErrors::fromQuery(q, what));
        }
        q.prepare(QStringLiteral(
            "SELECT usage_count, usage_epoch FROM key_usage WHERE key_id = ? FOR UPDATE"));
        q.addBindValue(keyId);
        if (!q.exec())
            return failed(SqlErrors::fromQuery(q, what));
        if (!q.next())
            return failed(makeError(ErrorCode::NotFound, what));
        grant.usageCount = q.value(0).toLongLong();
        grant.usageEpoch = q.value(1).toLongLong();
        q.prepare(QStringLiteral("SELECT usage_limit FROM api_keys WHERE id = ?"));
        q.addBindValue(keyId);
        if (!q.exec())
            return failed(SqlErrors::fromQuery(q, what));
        if (!q.next())
            return failed(makeError(ErrorCode::NotFound, what));
        if (!q.value(0).isNull())
            grant.usageLimit = q.value(0).toLongLong();
    }
    q.finish();
    if (grant.usageLimit)
        grant.credits = qMax<qint64>(0, qMin(wanted, *grant.usageLimit - grant.usageCount));
    if (grant.credits > 0) {
        q.prepare(QStringLiteral("INSERT INTO key_usage (key_id, usage_count) VALUES (?, ?) ON "
                                 "CONFLICT (key_id) DO UPDATE SET usage_count = "
                                 "key_usage.usage_count + excluded.usage_count"));
        q.addBindValue(keyId);
        q.addBindValue(grant.credits);
        if (!q.exec())
            return failed(SqlErrors::fromQuery(q, what));
        grant.usageCount += grant.credits;
    }
    if (auto committed = commit(what); !committed)
        return committed.error();
    return grant;
}

Result<CreditGrant> SharedLimitRepository::peekCredits(qint64 keyId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COALESCE(u.usage_count, 0), k.usage_limit, "
                             "COALESCE(u.usage_epoch, 0) FROM api_keys k LEFT JOIN key_usage u ON "
                             "u.key_id = k.id WHERE k.id = ?"));
    q.addBindValue(keyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Could not read the key's usage."));
    if (!q.next())
        return makeError(ErrorCode::NotFound, tr("Could not read the key's usage."));
    CreditGrant grant;
    grant.usageCount = q.value(0).toLongLong();
    if (!q.value(1).isNull())
        grant.usageLimit = q.value(1).toLongLong();
    grant.usageEpoch = q.value(2).toLongLong();
    return grant;
}

Result<void> SharedLimitRepository::returnCredits(qint64 keyId, qint64 credits, qint64 usageEpoch)
{
    if (credits <= 0)
        return {};
    if (m_beforeWrite)
        m_beforeWrite();
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE key_usage SET usage_count = CASE WHEN usage_count > ? THEN "
                             "usage_count - ? ELSE 0 END WHERE key_id = ? AND usage_epoch = ?"));
    q.addBindValue(credits);
    q.addBindValue(credits);
    q.addBindValue(keyId);
    q.addBindValue(usageEpoch);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Could not give back unused usage credits."));
    return {};
}

} // namespace Keyward
