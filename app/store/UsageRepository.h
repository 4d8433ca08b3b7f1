#pragma once

#include "SqlDialect.h"
#include "UsageBatch.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QVector>

#include <memory>
#include <utility>
#include <vector>

class QSqlDatabase;

struct sqlite3;

namespace Keyward {

class SqlConnection;

// usage_count of a key right after a write, with everything this writer has added to it so far.
struct UsageCountReading
{
    qint64 keyId = 0;
    qint64 usageCount = 0;
    qint64 usageEpoch = 0; // the count's epoch (key_usage.usage_epoch): a reset moves it on
};

struct HourlyUsage
{
    qint64 hourMs = 0; // start of the UTC hour, epoch ms
    int outcome = 0; // persisted outcome code, see verify/VerifyOutcome.h
    qint64 count = 0;
};

struct RequestLogEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    qint64 keyId = 0;
    qint64 secretId = 0; // 0: unknown (no secret matched)
    QString secretHint; // "kw_live_3Zq…Cd"; empty once the secret is gone
    QString source;
    int outcome = 0;
};

// Requests of one outcome, summed.
struct OutcomeCount
{
    int outcome = 0; // persisted outcome code
    qint64 count = 0;
};

// A source that presented a key, per secret, and when it last did (request log).
struct SourceUse
{
    QString source;
    qint64 secretId = 0; // 0: none recorded
    qint64 lastAtMs = 0;
};

// How much usage history a vault keeps. The request log is for "what happened lately", not an
// archive: the newest rows per key and overall stay, older ones go at the next write.
// A key is trimmed once it has gained a quarter of its allowance since its last trim, so a
// writer does not run two extra statements per key on every flush: a key holds at most
// requestsPerKey * 5/4 rows (plus what other writers added since their last trim).
struct UsageRetention
{
    int requestsPerKey = 1000; // also for the rows without a key (malformed, unknown tokens)
    int requestsTotal = 100000;
    qint64 hourlyKeepMs = 90 * kDayMs;
};

// All usage SQL: the write-behind flush (last use per secret, hourly counts, credits, request
// log, in one transaction) and the reads behind `keywardctl key usage` and the details pane.
// Works on whatever connection it is given, so the recorder can write from a thread of its own.
// Usage is not a configuration change: writes do not touch change_seq or any key's version, so
// they neither invalidate verifier caches nor make an admin's edit "stale".
class UsageRepository
{
    Q_DECLARE_TR_FUNCTIONS(UsageRepository)
public:
    UsageRepository(const QSqlDatabase &db, SqlEngine engine);

    // The page cache of the writer's own SQLite connection, in KiB.
    static constexpr int kWriterCacheKiB = 64 * 1024;
    // A new connection to the same vault, for use in the calling thread only. sourceConnection is
    // the store's connection name (QSqlDatabase::connectionName()); cloning by name is what Qt
    // allows from another thread.
    static Result<QSqlDatabase> openConnection(const QString &sourceConnection,
                                               const QString &newConnection, SqlEngine engine);
    static void closeConnection(const QString &connectionName);
    // A repository on a connection of its own like openConnection()'s, removed with it. On a
    // vault file, a write waits up to busyTimeoutMs for another program's write lock (0: the
    // source connection's wait).
    static Result<std::unique_ptr<UsageRepository>>
    openOwn(const QString &sourceConnection, SqlEngine engine, int busyTimeoutMs = 0);
    ~UsageRepository();
    UsageRepository(const UsageRepository &) = delete;
    UsageRepository &operator=(const UsageRepository &) = delete;
    // Writes the batch in one transaction. Returns usage_count for the batch's read-back keys.
    // A key or secret deleted meanwhile is skipped, never an error. Trimming old history runs in
    // a savepoint: when it fails (a PostgreSQL verifier login may lack DELETE), the usage itself
    // is still saved and trimProblem() says why.
    Result<QVector<UsageCountReading>> write(const UsageBatch &batch,
                                             const UsageRetention &retention, qint64 nowMs);
    QString trimProblem() const { return m_trimProblem; }

    // Counts per hour and outcome for one key, hours in [fromMs, toMs), oldest first. Hours and
    // outcomes without requests are absent.
    Result<QVector<HourlyUsage>> hourlyUsage(qint64 keyId, qint64 fromMs, qint64 toMs);
    // The newest request-log rows of one key, newest first.
    Result<QVector<RequestLogEntry>> lastRequests(qint64 keyId, int limit);
    // The impact of a cut (verify/KeyImpact): exact counts per outcome in hours [fromMs, toMs)
    // (key_usage_hourly's primary key); the request log's rows per outcome since fromMs,
    // of one secret or (secretId 0) all; and every (source, secret) in the key's request log with
    // its latest time. Each reads one key's rows through an index.
    Result<QVector<OutcomeCount>> outcomeCounts(qint64 keyId, qint64 fromMs, qint64 toMs);
    Result<QVector<OutcomeCount>> loggedOutcomeCounts(qint64 keyId, qint64 secretId, qint64 fromMs);
    Result<QVector<SourceUse>> sourcesOf(qint64 keyId);

private:
    using HourlyCounts = std::vector<std::pair<UsageBatch::HourSlot, qint64>>;

    Result<void> writeRows(const UsageBatch &batch, const QVector<RequestLogRow> &requests);
    // A vault file (UsageRepositoryBulk.cpp): secrets, credits and hourly counts, several rows
    // per upsert.
    Result<void> writeCountsInBulk(sqlite3 *db, const UsageBatch &batch, qint64 sequence,
                                   const QVector<qint64> &secretIds,
                                   const QVector<qint64> &creditedKeys, const HourlyCounts &hourly);
    static bool enforcesForeignKeys(sqlite3 *db);
    // Elsewhere a statement per row; returns the keys the credits found.
    Result<QSet<qint64>> writeCountsRowByRow(const UsageBatch &batch, qint64 sequence);
    // The keys of these rows that exist: those in `present` (known to exist) and those found now.
    Result<QSet<qint64>> existingKeys(const QVector<RequestLogRow> &requests,
                                      const QSet<qint64> &present);
    Result<void> insertRequests(const QVector<const RequestLogRow *> &rows);
    Result<void> insertRequestsNatively(sqlite3 *db, const QVector<const RequestLogRow *> &rows);
    // A vault file's connection through the sqlite3 API; null: PostgreSQL, or no such handle.
    sqlite3 *nativeSqlite() const;
    Result<void> insertRequestsInChunks(const QVector<const RequestLogRow *> &rows);
    Result<QVector<UsageCountReading>> readBack(const UsageBatch &batch);
    Result<void> trim(const QVector<RequestLogRow> &requests, const UsageRetention &retention,
                      qint64 nowMs);
    Result<void> trimKey(qint64 keyId, int keep);
    // How long a trim waits for a row another transaction holds (PostgreSQL), then gives up.
    static constexpr int kTrimLockTimeoutMs = 100;

    std::unique_ptr<SqlConnection> m_ownConnection; // openOwn()'s; goes after m_db
    std::unique_ptr<QSqlDatabase> m_db;
    SqlDialect m_dialect;
    QString m_trimProblem;
    qint64 m_lastHourlyTrimMs = 0;
    QHash<qint64, int> m_rowsSinceTrim; // key id (0: none) -> rows added since its last trim
    QHash<qint64, int> m_pendingRowsSinceTrim; // the same, once the current write commits
};

} // namespace Keyward
