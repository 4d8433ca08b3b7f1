// UsageRepository's retention (UsageRetention): old request-log rows and hourly counts go as
// part of a write, in a savepoint of their own.
#include "UsageRepository.h"

#include "RepeatedStatement.h"
#include "SqlErrors.h"

#include <QSqlQuery>

#include <algorithm>

namespace Keyward {

Result<void> UsageRepository::trim(const QVector<RequestLogRow> &requests,
                                   const UsageRetention &retention, qint64 nowMs)
{
    SqlQuery q(*m_db);
    if (!q.exec(QStringLiteral("SAVEPOINT keyward_usage_trim")))
        return SqlErrors::fromQuery(q, tr("Could not save the usage."));
    // PostgreSQL: a trim waits for a row at most this long, then gives up (rolled back to the
    // savepoint, which lets go of every row it took). A key deleted meanwhile holds its
    // request-log rows and hourly counts through the cascade, and a trim that waited for them
    // while holding rows the delete goes on to take was a deadlock, which PostgreSQL broke after
    // deadlock_timeout (1 s by default) by failing one side, possibly the admin's delete. Giving
    // up first never leaves a cycle; the rows are trimmed next time. (SKIP LOCKED would need
    // UPDATE privileges the verifier role does not have.) The connection's own timeout is put
    // back before the commit, which may wait for other transactions' notifications.
    const bool postgres = m_dialect.engine() == SqlEngine::Postgres;
    QString sessionLockTimeout;
    if (postgres) {
        if (!q.exec(QStringLiteral("SELECT current_setting('lock_timeout')")) || !q.next())
            return SqlErrors::fromQuery(q, tr("Could not save the usage."));
        sessionLockTimeout = q.value(0).toString();
        if (!q.exec(QStringLiteral("SET LOCAL lock_timeout = '%1ms'").arg(kTrimLockTimeoutMs)))
            return SqlErrors::fromQuery(q, tr("Could not save the usage."));
    }
    const int keep = qMax(1, retention.requestsPerKey);
    const int trimEvery = qMax(1, keep / 4);
    // Kept only when the transaction commits; without the trims when they were rolled back.
    QHash<qint64, int> counted = m_rowsSinceTrim;
    for (const RequestLogRow &row : requests)
        ++counted[row.keyId];
    QHash<qint64, int> rowsSinceTrim = counted;
    auto trimAll = [&]() -> Result<void> {
        // PostgreSQL, before any row: the trim touches keys outside this write's lock buckets
        // (keys of earlier writes, the id range, old hours). Holding every bucket, a delete that
        // starts now waits for this write on its advisory lock before it takes a row, so none
        // can be part of a cycle with the trim. A delete that holds or awaits a bucket makes the
        // try fail, and the trim is left for next time (lock_timeout alone left a window: a trim
        // that began waiting late in the delete's deadlock_timeout could still fail the delete).
        if (const QString share = m_dialect.tryShareAllUsageBuckets(); !share.isEmpty()) {
            SqlQuery buckets(*m_db);
            if (!buckets.exec(share) || !buckets.next())
                return SqlErrors::fromQuery(buckets, tr("Could not trim the request log."));
            if (!buckets.value(0).toBool())
                return makeError(ErrorCode::VaultLocked, tr("Could not trim the request log."));
        }
        QVector<qint64> due;
        for (auto it = rowsSinceTrim.constBegin(); it != rowsSinceTrim.constEnd(); ++it) {
            if (it.value() >= trimEvery)
                due.append(it.key());
        }
        std::sort(due.begin(), due.end());
        for (qint64 keyId : std::as_const(due)) {
            if (auto trimmed = trimKey(keyId, keep); !trimmed)
                return trimmed;
            rowsSinceTrim.remove(keyId);
        }
        // AUTOINCREMENT / identity ids only grow, so "the newest N" is an id range: cheap, and
        // it keeps at most N rows (fewer where older rows were already trimmed per key).
        SqlQuery total(*m_db);
        if (!total.exec(QStringLiteral("SELECT MAX(id) FROM request_log")))
            return SqlErrors::fromQuery(total, tr("Could not trim the request log."));
        if (total.next() && !total.value(0).isNull()) {
            const qint64 newest = total.value(0).toLongLong();
            total.prepare(QStringLiteral("DELETE FROM request_log WHERE id <= ?"));
            total.addBindValue(newest - qMax(1, retention.requestsTotal));
            if (!total.exec())
                return SqlErrors::fromQuery(total, tr("Could not trim the request log."));
        }
        // Old hourly counts: a full scan, so at most once an hour per writer.
        if (nowMs - m_lastHourlyTrimMs >= kHourMs) {
            SqlQuery hourly(*m_db);
            hourly.prepare(QStringLiteral("DELETE FROM key_usage_hourly WHERE hour < ?"));
            hourly.addBindValue(nowMs - retention.hourlyKeepMs);
            if (!hourly.exec())
                return SqlErrors::fromQuery(hourly, tr("Could not trim the usage history."));
            m_lastHourlyTrimMs = nowMs;
        }
        return {};
    };
    if (auto trimmed = trimAll(); !trimmed) {
        // Rows held by another transaction (a delete, another writer's trim) are not a problem
        // to report: they are trimmed next time.
        m_trimProblem =
            trimmed.error().code == ErrorCode::VaultLocked ? QString() : trimmed.errorMessage();
        rowsSinceTrim = std::move(counted);
        if (!q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT keyward_usage_trim")))
            return SqlErrors::fromQuery(q, tr("Could not save the usage."));
    } else {
        m_trimProblem.clear();
        // (The rollback above undid the SET LOCAL itself.)
        if (postgres) {
            q.prepare(QStringLiteral("SELECT set_config('lock_timeout', ?, true)"));
            q.addBindValue(sessionLockTimeout);
            if (!q.exec())
                return SqlErrors::fromQuery(q, tr("Could not save the usage."));
        }
    }
    if (!q.exec(QStringLiteral("RELEASE SAVEPOINT keyward_usage_trim")))
        return SqlErrors::fromQuery(q, tr("Could not save the usage."));
    m_pendingRowsSinceTrim = std::move(rowsSinceTrim);
    return {};
}

Result<void> UsageRepository::trimKey(qint64 keyId, int keep)
{
    const QString what = tr("Could not trim the request log.");
    const QString match =
        keyId != 0 ? QStringLiteral("key_id = ?") : QStringLiteral("key_id IS NULL");
    // The oldest row to keep, found through the (key_id, at) index.
    RepeatedStatement oldestKept(
        *m_db, m_dialect.engine(),
        QStringLiteral("SELECT at, id FROM request_log WHERE ") + match
            + QStringLiteral(" ORDER BY at DESC, id DESC LIMIT 1 OFFSET ?"));
    const int offset = qMax(1, keep) - 1;
    if (!(keyId != 0 ? oldestKept.run({keyId, offset}) : oldestKept.run({offset})))
        return oldestKept.error(what);
    if (!oldestKept.hasRow())
        return {};
    const qint64 at = oldestKept.integer(0);
    const qint64 id = oldestKept.integer(1);
    RepeatedStatement older(*m_db, m_dialect.engine(),
                            QStringLiteral("DELETE FROM request_log WHERE ") + match
                                + QStringLiteral(" AND (at < ? OR (at = ? AND id < ?))"));
    if (!(keyId != 0 ? older.run({keyId, at, at, id}) : older.run({at, at, id})))
        return older.error(what);
    return {};
}

} // namespace Keyward
