// A vault file's usage counts written straight into its usage tables, several rows per upsert
// statement (SqliteChunkedInsert). Run per key, SQLite's own set-up of each statement (cursors on
// the table and its indexes opened and closed, the program reset) cost more than the change of
// the row itself. Through temporary tables applied by one statement per vault table, every row
// was written twice and each applying statement joined its table back: a 100,000-key write (a
// pipeline's last, which its exit waits for) took twice the least SQL that records the same
// facts (tests/bench/bench_usage_write.cpp).
#include "UsageRepository.h"

#include "SqliteChunkedInsert.h"
#include "SqliteStatement.h"

namespace Keyward {

namespace {

// Each statement inserts rows into a usage table (schema 8), or where the row is there, updates
// it (a missing row is no use yet).
//
// Never moves a last use or refusal backwards: another verifier process may have written a newer
// one. The sequence moves regardless: the key's counts changed either way. (In DO UPDATE a bare
// column is the row as it was, "excluded" the batch's.) Secrets and keys deleted since their
// requests fail their row's foreign key and are skipped (SqliteChunkedInsert::MissingParent), not
// an error that would lose the whole batch: the transaction holds the vault's write lock, so none
// goes away meanwhile, and the writer's connection enforces foreign keys.
constexpr const char *kSecretsHead =
    "INSERT INTO secret_usage (secret_id, usage_seq, last_used_at, last_used_source, "
    "last_refused_at, last_refused_outcome)";
constexpr int kSecretsColumns = 6;
constexpr const char *kSecretsConflict =
    "ON CONFLICT (secret_id) DO UPDATE SET usage_seq = excluded.usage_seq, "
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
constexpr const char *kCreditsHead = "INSERT INTO key_usage (key_id, usage_count)";
constexpr int kCreditsColumns = 2;
constexpr const char *kCreditsConflict =
    "ON CONFLICT (key_id) DO UPDATE SET usage_count = usage_count + excluded.usage_count";
constexpr const char *kHoursHead = "INSERT INTO key_usage_hourly (key_id, hour, outcome, count)";
constexpr int kHoursColumns = 4;
constexpr const char *kHoursConflict =
    "ON CONFLICT (key_id, hour, outcome) DO UPDATE SET count = key_usage_hourly.count + "
    "excluded.count";

} // namespace

Result<void> UsageRepository::writeCountsInBulk(sqlite3 *db, const UsageBatch &batch,
                                                qint64 sequence, const QVector<qint64> &secretIds,
                                                const QVector<qint64> &creditedKeys,
                                                const HourlyCounts &hourly)
{
    const QString what = tr("Could not save the usage.");
    constexpr auto skip = SqliteChunkedInsert::MissingParent::Skip;

    SqliteChunkedInsert secrets(db, kSecretsHead, kSecretsColumns, kSecretsConflict, skip);
    const auto &uses = batch.lastUses();
    const auto &refusals = batch.lastRefusals();
    auto written = secrets.insert(
        secretIds.size(),
        [&](SqliteStatement &statement, qsizetype row, int first) {
            const qint64 id = secretIds.at(row);
            statement.bindInteger(first, id);
            statement.bindInteger(first + 1, sequence);
            if (const auto use = uses.constFind(id); use != uses.constEnd()) {
                statement.bindInteger(first + 2, use->atMs);
                statement.bindText(first + 3,
                                   use->source.isNull() ? QStringLiteral("") : use->source);
            } else {
                statement.bindNull(first + 2);
                statement.bindText(first + 3, QStringLiteral(""));
            }
            if (const auto refusal = refusals.constFind(id); refusal != refusals.constEnd()) {
                statement.bindInteger(first + 4, refusal->atMs);
                statement.bindInteger(first + 5, refusal->outcome);
            } else {
                statement.bindNull(first + 4);
                statement.bindNull(first + 5);
            }
        },
        what);
    if (!written)
        return written;

    SqliteChunkedInsert credits(db, kCreditsHead, kCreditsColumns, kCreditsConflict, skip);
    written = credits.insert(
        creditedKeys.size(),
        [&](SqliteStatement &statement, qsizetype row, int first) {
            const qint64 keyId = creditedKeys.at(row);
            statement.bindInteger(first, keyId);
            statement.bindInteger(first + 1, batch.credits().value(keyId));
        },
        what);
    if (!written)
        return written;

    SqliteChunkedInsert hours(db, kHoursHead, kHoursColumns, kHoursConflict, skip);
    return hours.insert(
        qsizetype(hourly.size()),
        [&](SqliteStatement &statement, qsizetype row, int first) {
            const auto &[slot, count] = hourly.at(std::size_t(row));
            statement.bindInteger(first, slot.keyId);
            statement.bindInteger(first + 1, slot.hourMs);
            statement.bindInteger(first + 2, slot.outcome);
            statement.bindInteger(first + 3, count);
        },
        what);
}

} // namespace Keyward
