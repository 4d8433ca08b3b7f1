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

private:
    SqlEngine m_engine;
};

} // namespace Keyward
