// A vault file's usage counts written set-based: the batch goes into temporary tables (several
// rows per INSERT), then one statement per vault table applies it. Run per key, SQLite's own set-up
// of each statement (cursors on the table and its indexes opened and closed, the program reset)
// cost more than the change of the row itself: about 45 % of a write's instructions.
#include "UsageRepository.h"

#include "SqliteChunkedInsert.h"
#include "SqliteStatement.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>

namespace Keyward {

namespace {

// In the connection's temporary schema (PRAGMA temp_store = MEMORY on every vault connection:
// never a file). Emptied before and after each write; a write that fails rolls them back with the
// rest.
constexpr const char *kCreateTables[] = {
    "CREATE TEMP TABLE IF NOT EXISTS usage_secrets (id INTEGER PRIMARY KEY, used_at INTEGER, "
    "used_source TEXT, refused_at INTEGER, refused_outcome INTEGER)",
    "CREATE TEMP TABLE IF NOT EXISTS usage_credits (key_id INTEGER PRIMARY KEY, credits INTEGER "
    "NOT NULL)",
    "CREATE TEMP TABLE IF NOT EXISTS usage_hours (key_id INTEGER NOT NULL, hour INTEGER NOT NULL, "
    "outcome INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (key_id, hour, outcome)) "
    "WITHOUT ROWID",
};
constexpr const char *kEmptyTables[] = {
    "DELETE FROM temp.usage_secrets",
    "DELETE FROM temp.usage_credits",
    "DELETE FROM temp.usage_hours",
};

// Each statement inserts the batch's rows into the usage tables (schema 8), or where a row is
// there, updates it (a missing row is no use yet). The usage rows are a few numbers each: the
// wide key and secret rows they came out of cost each write about twice as much.
//
// Never moves a last use or refusal backwards: another verifier process may have written a newer
// one. The sequence moves regardless: the key's counts changed either way. (In DO UPDATE a bare
// column is the row as it was, "excluded" the batch's.) Secrets and keys deleted since their
// requests are skipped, not a foreign-key error that would lose the whole batch: the transaction
// holds the vault's write lock, so none goes away meanwhile.
constexpr const char *kUpsertSecrets =
    "INSERT INTO secret_usage (secret_id, usage_seq, last_used_at, last_used_source, "
    "last_refused_at, last_refused_outcome) SELECT u.id, ?1, u.used_at, COALESCE(u.used_source, "
    "''), u.refused_at, u.refused_outcome FROM temp.usage_secrets u WHERE EXISTS (SELECT 1 FROM "
    "key_secrets s WHERE s.id = u.id) ON CONFLICT (secret_id) DO UPDATE SET usage_seq = "
    "excluded.usage_seq, "
    "last_used_source = CASE WHEN excluded.last_used_at IS NOT NULL AND (last_used_at IS NULL OR "
    "last_used_at < excluded.last_used_at) THEN excluded.last_used_source ELSE last_used_source "
    "END, "
    "last_used_at = CASE WHEN excluded.last_used_at IS NOT NULL AND (last_used_at IS NULL OR "
    "last_used_at < excluded.last_used_at) THEN excluded.last_used_at ELSE last_used_at END, "
    "last_refused_outcome = CASE WHEN excluded.last_refused_at IS NOT NULL AND (last_refused_at IS "
    "NULL OR last_refused_at < excluded.last_refused_at) THEN excluded.last_refused_outcome ELSE "
    "last_refused_outcome END, "
    "last_refused_at = CASE WHEN excluded.last_refused_at IS NOT NULL AND (last_refused_at IS NULL "
    "OR last_refused_at < excluded.last_refused_at) THEN excluded.last_refused_at ELSE "
    "last_refused_at END";
// usage_count = usage_count + n: several verifier processes add to it without losing counts.
constexpr const char *kUpsertCredits =
    "INSERT INTO key_usage (key_id, usage_count) SELECT c.key_id, c.credits FROM "
    "temp.usage_credits c WHERE EXISTS (SELECT 1 FROM api_keys k WHERE k.id = c.key_id) ON "
    "CONFLICT (key_id) DO UPDATE SET usage_count = usage_count + excluded.usage_count";
constexpr const char *kAddHourly =
    "INSERT INTO key_usage_hourly (key_id, hour, outcome, count) SELECT h.key_id, h.hour, "
    "h.outcome, h.count FROM temp.usage_hours h WHERE EXISTS (SELECT 1 FROM api_keys k WHERE k.id "
    "= h.key_id) ON CONFLICT (key_id, hour, outcome) DO UPDATE SET count = key_usage_hourly.count "
    "+ excluded.count";

Result<void> runOnce(sqlite3 *db, const char *sql, const QString &what,
                     std::optional<qint64> sequence = std::nullopt)
{
    const auto statement = SqliteStatement::prepare(db, sql, false);
    if (!statement)
        return SqliteStatement::connectionError(db, what);
    if (sequence)
        statement->bindInteger(1, *sequence);
    statement->step();
    if (statement->failed())
        return statement->error(what);
    return {};
}

template<std::size_t N>
Result<void> runAll(sqlite3 *db, const char *const (&statements)[N], const QString &what)
{
    for (const char *sql : statements) {
        if (auto ran = runOnce(db, sql, what); !ran)
            return ran;
    }
    return {};
}

} // namespace

UsageRepository::BulkSql UsageRepository::bulkSqlForTests()
{
    BulkSql sql;
    for (const char *table : kCreateTables)
        sql.tables.append(QString::fromLatin1(table));
    for (const char *statement : {kUpsertSecrets, kUpsertCredits, kAddHourly})
        sql.statements.append(QString::fromLatin1(statement));
    return sql;
}

Result<void> UsageRepository::writeCountsInBulk(sqlite3 *db, const UsageBatch &batch,
                                                qint64 sequence, const QVector<qint64> &secretIds,
                                                const QVector<qint64> &creditedKeys,
                                                const HourlyCounts &hourly)
{
    const QString what = tr("Could not save the usage.");
    if (auto ready = runAll(db, kCreateTables, what); !ready)
        return ready;
    if (auto emptied = runAll(db, kEmptyTables, what); !emptied)
        return emptied;

    SqliteChunkedInsert secrets(db,
                                "INSERT INTO temp.usage_secrets (id, used_at, used_source, "
                                "refused_at, refused_outcome)",
                                5);
    const auto &uses = batch.lastUses();
    const auto &refusals = batch.lastRefusals();
    auto filled = secrets.insert(
        secretIds.size(),
        [&](SqliteStatement &statement, qsizetype row, int first) {
            const qint64 id = secretIds.at(row);
            statement.bindInteger(first, id);
            if (const auto use = uses.constFind(id); use != uses.constEnd()) {
                statement.bindInteger(first + 1, use->atMs);
                statement.bindText(first + 2,
                                   use->source.isNull() ? QStringLiteral("") : use->source);
            } else {
                statement.bindNull(first + 1);
                statement.bindNull(first + 2);
            }
            if (const auto refusal = refusals.constFind(id); refusal != refusals.constEnd()) {
                statement.bindInteger(first + 3, refusal->atMs);
                statement.bindInteger(first + 4, refusal->outcome);
            } else {
                statement.bindNull(first + 3);
                statement.bindNull(first + 4);
            }
        },
        what);
    if (!filled)
        return filled;

    SqliteChunkedInsert credits(db, "INSERT INTO temp.usage_credits (key_id, credits)", 2);
    filled = credits.insert(
        creditedKeys.size(),
        [&](SqliteStatement &statement, qsizetype row, int first) {
            const qint64 keyId = creditedKeys.at(row);
            statement.bindInteger(first, keyId);
            statement.bindInteger(first + 1, batch.credits().value(keyId));
        },
        what);
    if (!filled)
        return filled;

    SqliteChunkedInsert hours(db, "INSERT INTO temp.usage_hours (key_id, hour, outcome, count)", 4);
    filled = hours.insert(
        qsizetype(hourly.size()),
        [&](SqliteStatement &statement, qsizetype row, int first) {
            const auto &[slot, count] = hourly.at(std::size_t(row));
            statement.bindInteger(first, slot.keyId);
            statement.bindInteger(first + 1, slot.hourMs);
            statement.bindInteger(first + 2, slot.outcome);
            statement.bindInteger(first + 3, count);
        },
        what);
    if (!filled)
        return filled;

    if (auto updated = runOnce(db, kUpsertSecrets, what, sequence); !updated)
        return updated;
    if (auto credited = runOnce(db, kUpsertCredits, what); !credited)
        return credited;
    if (auto counted = runOnce(db, kAddHourly, what); !counted)
        return counted;
    return runAll(db, kEmptyTables, what);
}

} // namespace Keyward
