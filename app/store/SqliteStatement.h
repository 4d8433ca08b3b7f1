#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

namespace Keyward {

// The QSQLite driver's own sqlite3 connection (QSqlDriver::handle()), or null for another
// driver or a closed connection. Keyward and Debian's QSQLite plugin link the same system
// libsqlite3, so the handle can be used with the C API directly; see SqliteStatement.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// A prepared statement run through the sqlite3 C API on such a connection, for the two hot
// paths where Qt SQL's per-row cost dominated (profiled): the verifier's look-up and reading
// every key for the key table. Qt SQL builds a QVariant per column per row and rebuilds result
// metadata per exec(); this reads columns in place. It doubles as the row type of KeyRows.h
// and SecretRow.h. Finalized on destruction, which must happen before Qt closes the connection.
class SqliteStatement
{
    Q_DECLARE_TR_FUNCTIONS(SqliteStatement)
public:
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Null when the statement cannot be prepared (the caller reports or falls back).
    // `persistent`: kept for many runs (SQLITE_PREPARE_PERSISTENT).
    static std::unique_ptr<SqliteStatement> prepare(sqlite3 *db, const QByteArray &sql,
                                                    bool persistent);

    sqlite3 *connection() const { return m_db; }
    // For a statement whose connection Qt closed meanwhile: QSQLite's sqlite3_close() fails
    // while a statement is open and Qt then lets go of the handle, so the connection (and its
    // file locks) would live on. Finalizes the statement and closes that connection.
    static void closeAbandoned(std::unique_ptr<SqliteStatement> statement);
    // The connection's latest error (after a prepare() that returned null).
    static Error connectionError(sqlite3 *db, const QString &what);
    // Valid until the next step()/reset(); the caller keeps `blob` alive until then.
    void bindBlob(int index, const QByteArray &blob);
    void bindInteger(int index, qint64 value);
    void bindNull(int index);
    void bindText(int index, const QString &text); // copied
    // True for a row; false at the end or on an error (then failed() is set).
    bool step();
    bool failed() const { return m_failedCode != 0; }
    // The failure's extended result code (SQLITE_CONSTRAINT_FOREIGNKEY, ...); 0 when none.
    int failedCode() const { return m_failedCode; }
    // The failure as a Keyward error ("locked" and the rest as SqlErrors words them).
    Error error(const QString &what) const;
    // Ends the run (and its read transaction) and clears the bindings.
    void reset();

    qint64 integer(int column) const;
    bool isNull(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement);

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    int m_failedCode = 0;
    QString m_failedMessage;
};

// Resets a statement however the read ends (which ends its read transaction).
class ResetWhenDone
{
public:
    explicit ResetWhenDone(SqliteStatement &statement)
        : m_statement(statement)
    { }
    ~ResetWhenDone() { m_statement.reset(); }
    ResetWhenDone(const ResetWhenDone &) = delete;
    ResetWhenDone &operator=(const ResetWhenDone &) = delete;

private:
    SqliteStatement &m_statement;
};

// One read transaction for several statements on a vault file's connection: SQLite otherwise
// takes and releases its file locks (fcntl() system calls) and reads the WAL index for each
// statement, which profiled at a fifth of a verifier's first look-up of a key. Begins nothing
// when the connection is null or inside a transaction already; ends what it began.
class SqliteReadTransaction
{
public:
    explicit SqliteReadTransaction(sqlite3 *db);
    ~SqliteReadTransaction();
    SqliteReadTransaction(const SqliteReadTransaction &) = delete;
    SqliteReadTransaction &operator=(const SqliteReadTransaction &) = delete;

    sqlite3 *connection() const { return m_db; } // null when it began nothing
    // Its connection was closed (which ended the transaction): end nothing on destruction.
    void abandon() { m_db = nullptr; }

private:
    sqlite3 *m_db = nullptr; // null: nothing begun
};

} // namespace Keyward
