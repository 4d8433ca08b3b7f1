// UsageRepository's reads: behind `keywardctl key usage`, the details pane and a cut's impact
// (verify/KeyImpact).
#include "UsageRepository.h"

#include "SqlErrors.h"

#include <QSqlQuery>

namespace Keyward {

Result<QVector<HourlyUsage>> UsageRepository::hourlyUsage(qint64 keyId, qint64 fromMs, qint64 toMs)
{
    SqlQuery q(*m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT hour, outcome, count FROM key_usage_hourly "
                             "WHERE key_id = ? AND hour >= ? AND hour < ? ORDER BY hour, outcome"));
    q.addBindValue(keyId);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the usage of the key."));
    QVector<HourlyUsage> rows;
    while (q.next())
        rows.append(
            HourlyUsage {q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toLongLong()});
    return rows;
}

Result<QVector<RequestLogEntry>> UsageRepository::lastRequests(qint64 keyId, int limit)
{
    SqlQuery q(*m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT r.id, r.at, r.key_id, r.secret_id, COALESCE(s.hint, ''), r.source, r.outcome "
        "FROM request_log r LEFT JOIN key_secrets s ON s.id = r.secret_id "
        "WHERE r.key_id = ? ORDER BY r.at DESC, r.id DESC LIMIT ?"));
    q.addBindValue(keyId);
    q.addBindValue(qMax(0, limit));
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the request log of the key."));
    QVector<RequestLogEntry> rows;
    while (q.next()) {
        RequestLogEntry entry;
        entry.id = q.value(0).toLongLong();
        entry.atMs = q.value(1).toLongLong();
        entry.keyId = q.value(2).toLongLong();
        entry.secretId = q.value(3).toLongLong();
        entry.secretHint = q.value(4).toString();
        entry.source = q.value(5).toString();
        entry.outcome = q.value(6).toInt();
        rows.append(entry);
    }
    return rows;
}

Result<QVector<OutcomeCount>> UsageRepository::outcomeCounts(qint64 keyId, qint64 fromMs,
                                                             qint64 toMs)
{
    SqlQuery q(*m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT outcome, SUM(count) FROM key_usage_hourly "
                             "WHERE key_id = ? AND hour >= ? AND hour < ? GROUP BY outcome"));
    q.addBindValue(keyId);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the usage of the key."));
    QVector<OutcomeCount> rows;
    while (q.next())
        rows.append(OutcomeCount {q.value(0).toInt(), q.value(1).toLongLong()});
    return rows;
}

Result<QVector<OutcomeCount>> UsageRepository::loggedOutcomeCounts(qint64 keyId, qint64 secretId,
                                                                   qint64 fromMs)
{
    SqlQuery q(*m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT outcome, COUNT(*) FROM request_log WHERE key_id = ? AND at >= ?")
        + (secretId != 0 ? QStringLiteral(" AND secret_id = ?") : QString())
        + QStringLiteral(" GROUP BY outcome"));
    q.addBindValue(keyId);
    q.addBindValue(fromMs);
    if (secretId != 0)
        q.addBindValue(secretId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the request log of the key."));
    QVector<OutcomeCount> rows;
    while (q.next())
        rows.append(OutcomeCount {q.value(0).toInt(), q.value(1).toLongLong()});
    return rows;
}

Result<QVector<SourceUse>> UsageRepository::sourcesOf(qint64 keyId)
{
    SqlQuery q(*m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT source, COALESCE(secret_id, 0), MAX(at) FROM request_log "
                             "WHERE key_id = ? GROUP BY source, secret_id"));
    q.addBindValue(keyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the request log of the key."));
    QVector<SourceUse> rows;
    while (q.next())
        rows.append(
            SourceUse {q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    return rows;
}

} // namespace Keyward
