#pragma once

#include <QString>

namespace Keyward {

enum class SqlEngine { Sqlite, Postgres };

// The few places where SQLite and PostgreSQL spell things differently.
class SqlDialect
{
public:
    explicit SqlDialect(SqlEngine engine)
        : m_engine(engine)
    { }
    SqlEngine engine() const { return m_engine; }
    bool isSqlite() const { return m_engine == SqlEngine::Sqlite; }

    // Fills the {{ID}}, {{BLOB}}, {{BIGINT}} placeholders of a migration.
    QString expandMigration(const QString &sql) const;
    // Starts a write transaction that takes the write lock at once (no lock upgrades later). On
    // PostgreSQL at READ COMMITTED whatever the database's or role's default: writers rely on
    // each statement seeing what committed before it (a reservation reads the limit after
    // waiting for the count's row; FOR UPDATE re-reads a row it waited for instead of failing).
    QString beginWrite() const;
    // Run right after beginWrite(): serialises writers. SQLite's BEGIN IMMEDIATE already does;
    // on PostgreSQL a transaction-scoped advisory lock does, so the audit chain head is read and
    // extended by one writer at a time, and writers never wait for each other's row locks in
    // opposite orders (no deadlocks). Empty when nothing is needed.
    QString lockWriters() const;
    // Run just before COMMIT: tells listeners (PostgreSQL LISTEN keyward_changed) that the change
    // counter moved; delivered only if the transaction commits. Empty on SQLite.
    QString notifyChanged() const;

    // PostgreSQL: key deletes against usage writes (schema 8). A delete cascades into the usage
    // tables while it holds its keys' rows; a usage write holding a usage row of such a key, then
    // needing the key's row (a new hourly count's foreign key check), would deadlock with it. So
    // both take advisory locks on the buckets of the keys they touch (id modulo
    // kUsageLockBuckets), before any row and in bucket order: a delete exclusively, a usage write
    // shared. A delete waits for the writes in flight that touch its buckets and holds new ones
    // off until it commits; usage writes never wait for each other, and a delete waits for a
    // write of other buckets only between its trim (tryShareAllUsageBuckets) and its commit. The
    // statement's one parameter lists the buckets (usageLockBuckets()).
    // Empty on SQLite (its write lock does all this).
    QString lockUsageBuckets(bool exclusive) const;
    // The buckets of these keys, sorted, as a PostgreSQL array literal ("{1,4,9}").
    static QString usageLockBuckets(const QList<qint64> &keyIds);
    // Every bucket, shared, without waiting: one row, true when all were taken (a delete holds
    // or waits for none). For the usage writer's trim, which touches keys of any bucket.
    QString tryShareAllUsageBuckets() const;

    static constexpr qint64 kWriterLockKey = 0x4B575244; // "KWRD"
    // The first half of the buckets' two-part advisory lock keys (a space of its own: one-part
    // keys like kWriterLockKey never meet two-part ones).
    static constexpr int kUsageLockKey = 0x4B575553; // "KWUS"
    static constexpr int kUsageLockBuckets = 32;

private:
    SqlEngine m_engine;
};

} // namespace Keyward
