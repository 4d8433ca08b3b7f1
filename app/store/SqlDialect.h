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
    // Starts a write transaction that takes the write lock at once (no lock upgrades later).
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
    // tables while it holds its keys' and secrets' rows; a usage write holding a usage row of
    // such a key, then needing the key's row (a new hourly count's foreign key check), would
    // deadlock with it. A delete takes this advisory lock exclusively, a usage write shared, each
    // before any row: deletes wait for the writes in flight and hold new ones off until they
    // commit; usage writes never wait for each other. Empty on SQLite (its write lock does).
    QString excludeUsageWriters() const;
    QString shareWithUsageWriters() const;

    static constexpr qint64 kWriterLockKey = 0x4B575244; // "KWRD"
    static constexpr qint64 kUsageLockKey = 0x4B575553; // "KWUS"

private:
    SqlEngine m_engine;
};

} // namespace Keyward
