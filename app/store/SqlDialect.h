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

    static constexpr qint64 kWriterLockKey = 0x4B575244; // "KWRD"

private:
    SqlEngine m_engine;
};

} // namespace Keyward
