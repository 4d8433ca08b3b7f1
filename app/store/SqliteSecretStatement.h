#pragma once

#include "KeyStore.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace Keyward {

// The secret look-up run through the sqlite3 C API on the QSQLite driver's own connection
// (QSqlDriver::handle()). Profiling the Qt path showed most of an uncached verification spent in
// QSqlQuery::exec() rebuilding the result's column metadata and QVariants on every call; here a
// persistent prepared statement is bound, stepped and reset, which is what the raw baseline
// does. Only valid while the store's connection stays open (SQLite connections close only when
// the store is destroyed, which must come after this). Same thread as the store.
class SqliteSecretStatement
{
    Q_DECLARE_TR_FUNCTIONS(SqliteSecretStatement)
public:
    ~SqliteSecretStatement();
    SqliteSecretStatement(const SqliteSecretStatement &) = delete;
    SqliteSecretStatement &operator=(const SqliteSecretStatement &) = delete;

    // Null when the handle is not a usable sqlite3 connection (then the caller uses Qt SQL).
    static std::unique_ptr<SqliteSecretStatement> prepare(sqlite3 *db);

    sqlite3 *connection() const { return m_db; }
    // For a statement whose connection Qt closed meanwhile: QSQLite's sqlite3_close() fails
    // while a statement is open and Qt then drops the handle, so the connection (and its file
    // locks) would live on. Finalizes the statement and closes that connection.
    static void closeAbandoned(std::unique_ptr<SqliteSecretStatement> statement);
    Result<std::optional<SecretMatch>> find(const QByteArray &hash);

private:
    SqliteSecretStatement(sqlite3 *db, sqlite3_stmt *statement);
    Error lastError(int code) const;

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
};

} // namespace Keyward
