#include "SqliteStatement.h"

#include "SqlErrors.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace Keyward {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // The type name is how Qt's documentation tells the driver's handles apart.
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(sqlite3 *db, sqlite3_stmt *statement)
    : m_db(db)
    , m_statement(statement)
{ }

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

std::unique_ptr<SqliteStatement> SqliteStatement::prepare(sqlite3 *db, const QByteArray &sql,
                                                          bool persistent)
{
    if (!db)
        return nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()),
                           persistent ? SQLITE_PREPARE_PERSISTENT : 0, &statement, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(statement);
        return nullptr;
    }
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(db, statement));
}

void SqliteStatement::closeAbandoned(std::unique_ptr<SqliteStatement> statement)
{
    if (!statement)
        return;
    sqlite3 *db = statement->m_db;
    statement.reset();
    sqlite3_close(db);
}

void SqliteStatement::bindBlob(int index, const QByteArray &blob)
{
    // SQLITE_STATIC: no copy; the caller keeps the bytes alive until reset().
    sqlite3_bind_blob(m_statement, index, blob.constData(), int(blob.size()), SQLITE_STATIC);
}

void SqliteStatement::bindInteger(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

void SqliteStatement::bindText(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    // Never a null pointer: that would bind NULL, and an empty text is not NULL.
    sqlite3_bind_text(m_statement, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      SQLITE_TRANSIENT);
}

bool SqliteStatement::step()
{
    const int stepped = sqlite3_step(m_statement);
    if (stepped == SQLITE_ROW)
        return true;
    if (stepped != SQLITE_DONE) {
        // Taken now: reset() may replace the connection's message.
        m_failedCode = sqlite3_extended_errcode(m_db);
        m_failedMessage = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    return false;
}

Error SqliteStatement::connectionError(sqlite3 *db, const QString &what)
{
    const QSqlError error(QString(), QString::fromUtf8(db ? sqlite3_errmsg(db) : ""),
                          QSqlError::StatementError,
                          QString::number(db ? sqlite3_extended_errcode(db) : SQLITE_MISUSE));
    return SqlErrors::fromSqlError(error, what);
}

Error SqliteStatement::error(const QString &what) const
{
    const QSqlError error(QString(), m_failedMessage, QSqlError::StatementError,
                          QString::number(m_failedCode));
    return SqlErrors::fromSqlError(error, what);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_failedCode = 0;
    m_failedMessage.clear();
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QByteArray SqliteStatement::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_statement, column);
    return QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_statement, column));
}

SqliteReadTransaction::SqliteReadTransaction(sqlite3 *db)
{
    if (db && sqlite3_get_autocommit(db)
        && sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK)
        m_db = db;
}

SqliteReadTransaction::~SqliteReadTransaction()
{
    // A read transaction commits nothing; should COMMIT fail, ROLLBACK still ends it.
    if (m_db && sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace Keyward
