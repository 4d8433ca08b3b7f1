#include "UsageRepository.h"

#include "RepeatedStatement.h"
#include "SqlConnection.h"
#include "SqlErrors.h"
#include "SqlKeyStore.h"
#include "SqliteChunkedInsert.h"
#include "SqliteStatement.h"

#include <QSet>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <tuple>
#include <utility>
#include <vector>

namespace Keyward {

namespace {

QVariant nullableId(qint64 id)
{
    return id != 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

// Sorted, so that concurrent writers (other verifier processes, admins) lock rows in the same
// order and do not deadlock each other on PostgreSQL.
template<typename Map>
QVector<qint64> sortedKeys(const Map &map)
{
    QVector<qint64> keys;
    keys.reserve(map.size());
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        keys.append(it.key());
    std::sort(keys.begin(), keys.end());
    return keys;
}

// Every secret the batch touches, last use or refusal, once each and in id order.
QVector<qint64> sortedSecretIds(const UsageBatch &batch)
{
    QVector<qint64> ids = sortedKeys(batch.lastUses());
    const QVector<qint64> refused = sortedKeys(batch.lastRefusals());
    QVector<qint64> merged;
    merged.reserve(ids.size() + refused.size());
    std::set_union(ids.cbegin(), ids.cend(), refused.cbegin(), refused.cend(),
                   std::back_inserter(merged));
    return merged;
}

// In primary-key order, like the keys above, and for the same reason; it also makes the
// inserts walk key_usage_hourly's pages in order (in hash order they cost a third more).
std::vector<std::pair<UsageBatch::HourSlot, qint64>>
sortedSlots(const QHash<UsageBatch::HourSlot, qint64> &counts)
{
    std::vector<std::pair<UsageBatch::HourSlot, qint64>> slots;
    slots.reserve(size_t(counts.size()));
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        slots.emplace_back(it.key(), it.value());
    std::sort(slots.begin(), slots.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first.keyId, a.first.hourMs, a.first.outcome)
            < std::tie(b.first.keyId, b.first.hourMs, b.first.outcome);
    });
    return slots;
}

// The rows worth writing: per key only the newest `perKey` of the batch, since more would be
// trimmed again at once (a hot key must not make the writer insert thousands of rows per flush
// to keep the last thousand). Oldest first, as they happened.
QVector<RequestLogRow> newestRequests(const UsageBatch &batch, int perKey)
{
    const std::deque<RequestLogRow> &all = batch.requests();
    QHash<qint64, int> taken;
    QVector<RequestLogRow> rows;
    rows.reserve(qsizetype(all.size()));
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        int &count = taken[it->keyId];
        if (count < perKey) {
            ++count;
            rows.append(*it);
        }
    }
    std::reverse(rows.begin(), rows.end());
    return rows;
}

} // namespace

UsageRepository::UsageRepository(const QSqlDatabase &db, SqlEngine engine)
    : m_db(std::make_unique<QSqlDatabase>(db))
    , m_dialect(engine)
{ }

UsageRepository::~UsageRepository() = default;

namespace {

// Opens a writer's connection: foreign keys, and a page cache for SQLite.
Result<void> openWriter(QSqlDatabase &db, SqlEngine engine, int busyTimeoutMs = 0)
{
    if (!db.open())
        return SqlErrors::fromSqlError(
            db.lastError(), UsageRepository::tr("Cannot open the vault to record usage."));
    if (engine == SqlEngine::Sqlite) {
        SqlQuery q(db);
        // A write touches the pages of every key used in the interval, spread over the whole
        // secrets table and its indexes: with SQLite's 2 MB default they were read again from
        // the OS on every write (profiled: a third of a busy verifier's system time).
        if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON"))
            || !q.exec(
                QStringLiteral("PRAGMA cache_size = -%1").arg(UsageRepository::kWriterCacheKiB))
            // The upserts' statement journals stay in memory (as on every vault connection:
            // SqlKeyStore::openSqlite). Foreign keys are what skips deleted keys' rows there.
            || !q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"))
            || (busyTimeoutMs > 0
                && !q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs))))
            return SqlErrors::fromQuery(
                q, UsageRepository::tr("Cannot open the vault to record usage."));
    }
    return {};
}

} // namespace

Result<QSqlDatabase> UsageRepository::openConnection(const QString &sourceConnection,
                                                     const QString &newConnection, SqlEngine engine)
{
    QSqlDatabase db = QSqlDatabase::cloneDatabase(sourceConnection, newConnection);
    if (auto opened = openWriter(db, engine); !opened) {
        if (db.isOpen())
            db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(newConnection);
        return opened.error();
    }
    return db;
}

Result<std::unique_ptr<UsageRepository>>
UsageRepository::openOwn(const QString &sourceConnection, SqlEngine engine, int busyTimeoutMs)
{
    auto connection = SqlConnection::cloneOf(sourceConnection, QStringLiteral("usage"));
    if (auto opened = openWriter(connection->database(), engine, busyTimeoutMs); !opened)
        return opened.error();
    auto repository = std::make_unique<UsageRepository>(connection->database(), engine);
    repository->m_ownConnection = std::move(connection);
    return repository;
}

void UsageRepository::closeConnection(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

Result<QVector<UsageCountReading>>
UsageRepository::write(const UsageBatch &batch, const UsageRetention &retention, qint64 nowMs)
{
    if (batch.isEmpty())
        return QVector<UsageCountReading>();
    SqlQuery q(*m_db);
    auto failed = [&](const Error &error) -> Result<QVector<UsageCountReading>> {
        if (m_db->isOpen())
            QSqlQuery(*m_db).exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    const QVector<RequestLogRow> requests =
        newestRequests(batch, qMax(1, retention.requestsPerKey));
    if (!q.exec(m_dialect.beginWrite()))
        return failed(SqlErrors::fromQuery(q, tr("Could not start recording usage.")));
    if (auto written = writeRows(batch, requests); !written)
        return failed(written.error());
    auto readings = readBack(batch);
    if (!readings)
        return failed(readings.error());
    if (auto trimmed = trim(requests, retention, nowMs); !trimmed)
        return failed(trimmed.error());
    if (m_dialect.isSqlite() ? !q.exec(QStringLiteral("COMMIT")) : !m_db->commit()) {
        return failed(
            m_dialect.isSqlite()
                ? SqlErrors::fromQuery(q, tr("Could not save the usage."))
                : SqlErrors::fromSqlError(m_db->lastError(), tr("Could not save the usage.")));
    }
    m_rowsSinceTrim = std::move(m_pendingRowsSinceTrim);
    // The counts read back are newer than a pipeline's shared read snapshot may be.
    SqlKeyStore::noteNewerData();
    return readings;
}

Result<void> UsageRepository::writeRows(const UsageBatch &batch,
                                        const QVector<RequestLogRow> &requests)
{
    const QString what = tr("Could not save the usage.");

    // PostgreSQL: before any row, the lock buckets of every key this write touches (each event
    // of a key is in its hourly counts), shared. A key delete cascades into the usage rows while
    // it holds the key's row; a write that held a usage row of that key and then needed the
    // key's row (a new hourly count's foreign key does) would deadlock with it. Deletes take
    // their keys' buckets exclusively (SqlKeyStore::excludeUsageWriters).
    if (const QString lock = m_dialect.lockUsageBuckets(false); !lock.isEmpty()) {
        QList<qint64> keyIds;
        keyIds.reserve(batch.hourlyCounts().size());
        for (auto it = batch.hourlyCounts().keyBegin(); it != batch.hourlyCounts().keyEnd(); ++it)
            keyIds.append(it->keyId);
        SqlQuery locked(*m_db);
        locked.prepare(lock);
        locked.addBindValue(SqlDialect::usageLockBuckets(keyIds));
        if (!locked.exec())
            return SqlErrors::fromQuery(locked, what);
    }

    // The next usage_seq, stamped on every secret this batch touches. Taken first: its row lock
    // makes concurrent writers commit their values in order, so a window that has seen value n
    // finds everything newer with usage_seq > n.
    SqlQuery next(*m_db);
    if (!next.exec(QStringLiteral("UPDATE vault_meta SET value = CAST(CAST(value AS BIGINT) + 1 "
                                  "AS TEXT) WHERE name = 'usage_seq' RETURNING value"))
        || !next.next())
        return SqlErrors::fromQuery(next, what);
    const qint64 sequence = next.value(0).toString().toLongLong();
    next.finish();
    if (!m_dialect.isSqlite()) {
        // Delivered at commit: open windows learn at once (a vault file is polled instead).
        next.prepare(QStringLiteral("SELECT pg_notify('keyward_usage', ?)"));
        next.addBindValue(QString::number(sequence));
        if (!next.exec())
            return SqlErrors::fromQuery(next, what);
        next.finish();
    }

    // Keys known to exist, which the request log need not check again. The bulk write does not
    // collect them: its log rows are a sample (UsageBatch), so the checks are few.
    QSet<qint64> present;
    // The bulk write leaves deleted keys' rows to the foreign keys (every vault connection turns
    // them on); a connection without them writes a statement per row, which checks each key.
    if (sqlite3 *db = nativeSqlite(); db && enforcesForeignKeys(db)) {
        if (auto written =
                writeCountsInBulk(db, batch, sequence, sortedSecretIds(batch),
                                  sortedKeys(batch.credits()), sortedSlots(batch.hourlyCounts()));
            !written)
            return written;
    } else if (auto written = writeCountsRowByRow(batch, sequence); !written) {
        return written.error();
    } else {
        present = std::move(written).value();
    }

    auto existing = existingKeys(requests, present);
    if (!existing)
        return existing.error();

    QVector<const RequestLogRow *> rows;
    rows.reserve(requests.size());
    for (const RequestLogRow &row : requests) {
        if (row.keyId == 0 || existing->contains(row.keyId))
            rows.append(&row);
    }
    return insertRequests(rows);
}

// PostgreSQL (or a vault file without the sqlite3 API), one statement per secret, key and hour: the
// keys the credits found, which exist until the transaction ends.
Result<QSet<qint64>> UsageRepository::writeCountsRowByRow(const UsageBatch &batch, qint64 sequence)
{
    const QString what = tr("Could not save the usage.");
    QSet<qint64> present;
    // Last use and refusal together, into the secret's usage row (schema 8), as the bulk write
    // does (UsageRepositoryBulk.cpp, which explains the statement). A secret deleted since
    // is skipped: key deletes wait for the usage writes in flight of their keys (writeRows), so one
    // the check finds stays until the transaction ends. In id order, as before.
    RepeatedStatement lastUse(
        *m_db, m_dialect.engine(),
        QStringLiteral(
            "INSERT INTO secret_usage (secret_id, usage_seq, last_used_at, last_used_source, "
            "last_refused_at, last_refused_outcome) SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), "
            "CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS INTEGER) WHERE "
            "EXISTS (SELECT 1 FROM key_secrets WHERE id = ?) ON CONFLICT (secret_id) DO UPDATE "
            "SET usage_seq = excluded.usage_seq, last_used_source = CASE WHEN "
            "excluded.last_used_at IS NOT NULL AND (secret_usage.last_used_at IS NULL OR "
            "secret_usage.last_used_at < excluded.last_used_at) THEN excluded.last_used_source "
            "ELSE secret_usage.last_used_source END, last_used_at = CASE WHEN "
            "excluded.last_used_at IS NOT NULL AND (secret_usage.last_used_at IS NULL OR "
            "secret_usage.last_used_at < excluded.last_used_at) THEN excluded.last_used_at ELSE "
            "secret_usage.last_used_at END, last_refused_outcome = CASE WHEN "
            "excluded.last_refused_at IS NOT NULL AND (secret_usage.last_refused_at IS NULL OR "
            "secret_usage.last_refused_at < excluded.last_refused_at) THEN "
            "excluded.last_refused_outcome ELSE secret_usage.last_refused_outcome END, "
            "last_refused_at = CASE WHEN excluded.last_refused_at IS NOT NULL AND "
            "(secret_usage.last_refused_at IS NULL OR secret_usage.last_refused_at < "
            "excluded.last_refused_at) THEN excluded.last_refused_at ELSE "
            "secret_usage.last_refused_at END"));
    for (qint64 secretId : sortedSecretIds(batch)) {
        const auto use = batch.lastUses().constFind(secretId);
        const bool used = use != batch.lastUses().constEnd();
        const auto refusal = batch.lastRefusals().constFind(secretId);
        const bool refused = refusal != batch.lastRefusals().constEnd();
        const QVariant noTime(QMetaType::fromType<qint64>());
        const QVariant noOutcome(QMetaType::fromType<int>());
        if (!lastUse.run({secretId, sequence, used ? QVariant(use->atMs) : noTime,
                          used && !use->source.isNull() ? use->source : QStringLiteral(""),
                          refused ? QVariant(refusal->atMs) : noTime,
                          refused ? QVariant(refusal->outcome) : noOutcome, secretId}))
            return lastUse.error(what);
    }

    // usage_count = usage_count + n: several verifier processes add to it without losing counts.
    // A key the statement found exists until the transaction ends (as above).
    RepeatedStatement credit(
        *m_db, m_dialect.engine(),
        QStringLiteral("INSERT INTO key_usage (key_id, usage_count) SELECT CAST(? AS BIGINT), "
                       "CAST(? AS BIGINT) WHERE EXISTS (SELECT 1 FROM api_keys WHERE id = ?) ON "
                       "CONFLICT (key_id) DO UPDATE SET usage_count = key_usage.usage_count + "
                       "excluded.usage_count"));
    for (qint64 keyId : sortedKeys(batch.credits())) {
        if (!credit.run({keyId, batch.credits().value(keyId), keyId}))
            return credit.error(what);
        if (credit.changedRows() > 0)
            present.insert(keyId);
    }

    // Keys deleted since their requests are skipped, not a foreign-key error that would lose the
    // whole batch: the counts check in the same statement (one statement per count, not two),
    // the request-log rows once per key, unless the credit above found the key (a pipeline's
    // last write is mostly such keys, and the check was a seventh of its cost). On a vault file
    // the transaction holds the write lock, so no key can go away between a check and its
    // insert. On PostgreSQL a key delete waits for the usage writes in flight and holds new ones
    // off until it commits (writeRows), so a key a check finds stays. (The casts give PostgreSQL
    // the parameters' types.)
    const QString upsert = QStringLiteral(
        " ON CONFLICT (key_id, hour, outcome) DO UPDATE SET count = key_usage_hourly.count + "
        "excluded.count");
    RepeatedStatement hourly(
        *m_db, m_dialect.engine(),
        QStringLiteral("INSERT INTO key_usage_hourly (key_id, hour, outcome, count) SELECT "
                       "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS "
                       "BIGINT) WHERE EXISTS (SELECT 1 FROM api_keys WHERE id = ?)")
            + upsert);
    RepeatedStatement hourlyOfPresent(
        *m_db, m_dialect.engine(),
        QStringLiteral("INSERT INTO key_usage_hourly (key_id, hour, outcome, count) VALUES "
                       "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS "
                       "BIGINT))")
            + upsert);
    for (const auto &[slot, count] : sortedSlots(batch.hourlyCounts())) {
        const bool known = present.contains(slot.keyId);
        RepeatedStatement &statement = known ? hourlyOfPresent : hourly;
        const bool ran = known
            ? statement.run({slot.keyId, slot.hourMs, slot.outcome, count})
            : statement.run({slot.keyId, slot.hourMs, slot.outcome, count, slot.keyId});
        if (!ran)
            return statement.error(what);
    }

    return present;
}

Result<QSet<qint64>> UsageRepository::existingKeys(const QVector<RequestLogRow> &requests,
                                                   const QSet<qint64> &present)
{
    QSet<qint64> wanted;
    for (const RequestLogRow &row : requests) {
        if (row.keyId != 0 && !present.contains(row.keyId))
            wanted.insert(row.keyId);
    }
    QSet<qint64> existing = present;
    RepeatedStatement exists(*m_db, m_dialect.engine(),
                             QStringLiteral("SELECT 1 FROM api_keys WHERE id = ?"));
    for (qint64 keyId : std::as_const(wanted)) {
        if (!exists.run({keyId}))
            return exists.error(tr("Could not save the usage."));
        if (exists.hasRow())
            existing.insert(keyId);
    }
    return existing;
}

Result<void> UsageRepository::insertRequests(const QVector<const RequestLogRow *> &rows)
{
    if (sqlite3 *db = nativeSqlite())
        return insertRequestsNatively(db, rows);
    return insertRequestsInChunks(rows);
}

bool UsageRepository::enforcesForeignKeys(sqlite3 *db)
{
    int enforced = 0;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FKEY, -1, &enforced) == SQLITE_OK
        && enforced == 1;
}

sqlite3 *UsageRepository::nativeSqlite() const
{
    return m_dialect.isSqlite() ? sqliteHandle(*m_db) : nullptr;
}

// A vault file: several rows per INSERT through the sqlite3 API (SqliteChunkedInsert).
Result<void> UsageRepository::insertRequestsNatively(sqlite3 *db,
                                                     const QVector<const RequestLogRow *> &rows)
{
    SqliteChunkedInsert insert(
        db, "INSERT INTO request_log (at, key_id, secret_id, source, outcome)", 5);
    return insert.insert(
        rows.size(),
        [&rows](SqliteStatement &statement, qsizetype index, int first) {
            const RequestLogRow &row = *rows.at(index);
            statement.bindInteger(first, row.atMs);
            if (row.keyId != 0)
                statement.bindInteger(first + 1, row.keyId);
            else
                statement.bindNull(first + 1);
            if (row.secretId != 0)
                statement.bindInteger(first + 2, row.secretId);
            else
                statement.bindNull(first + 2);
            statement.bindText(first + 3, row.source.isNull() ? QStringLiteral("") : row.source);
            statement.bindInteger(first + 4, row.outcome);
        },
        tr("Could not save the usage."));
}

// A server, through Qt SQL: several rows per statement, since the request log is one row per
// request and a statement (a round trip) per row made it the writer's main cost. Few rows,
// though: Qt 6 looks up the name of every positional parameter on each exec(), so a statement's
// cost grows with the square of its parameters (measured with QSQLite: 100 rows x 5 values was
// slower than one row at a time).
Result<void> UsageRepository::insertRequestsInChunks(const QVector<const RequestLogRow *> &rows)
{
    constexpr int kRowsPerStatement = 16;
    auto prepared = [this](int count) {
        QString sql = QStringLiteral("INSERT INTO request_log (at, key_id, secret_id, source, "
                                     "outcome) VALUES (?, ?, ?, ?, ?)");
        for (int i = 1; i < count; ++i)
            sql += QStringLiteral(", (?, ?, ?, ?, ?)");
        SqlQuery q(*m_db);
        q.prepare(sql);
        return q;
    };
    SqlQuery full; // for every complete chunk, prepared once
    bool fullPrepared = false;
    for (qsizetype first = 0; first < rows.size(); first += kRowsPerStatement) {
        const int count = int(qMin<qsizetype>(kRowsPerStatement, rows.size() - first));
        SqlQuery tail;
        if (count == kRowsPerStatement && !fullPrepared) {
            full = prepared(count);
            fullPrepared = true;
        } else if (count < kRowsPerStatement) {
            tail = prepared(count);
        }
        SqlQuery &q = count == kRowsPerStatement ? full : tail;
        for (int i = 0; i < count; ++i) {
            const RequestLogRow &row = *rows.at(first + i);
            const int base = i * 5;
            q.bindValue(base, row.atMs);
            q.bindValue(base + 1, nullableId(row.keyId));
            q.bindValue(base + 2, nullableId(row.secretId));
            q.bindValue(base + 3, row.source.isNull() ? QStringLiteral("") : row.source);
            q.bindValue(base + 4, row.outcome);
        }
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Could not save the usage."));
    }
    return {};
}

Result<QVector<UsageCountReading>> UsageRepository::readBack(const UsageBatch &batch)
{
    QVector<UsageCountReading> readings;
    if (batch.readBackKeys().isEmpty())
        return readings;
    RepeatedStatement count(
        *m_db, m_dialect.engine(),
        QStringLiteral("SELECT COALESCE(u.usage_count, 0), COALESCE(u.usage_epoch, 0) FROM "
                       "api_keys k LEFT JOIN key_usage u ON u.key_id = k.id WHERE k.id = ?"));
    for (qint64 keyId : sortedKeys(batch.readBackKeys())) {
        if (!count.run({keyId}))
            return count.error(tr("Could not read the usage count."));
        if (count.hasRow())
            readings.append(UsageCountReading {keyId, count.integer(0), count.integer(1)});
    }
    return readings;
}

} // namespace Keyward
