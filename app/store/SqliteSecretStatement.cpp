#include "SqliteSecretStatement.h"

#include "SecretRow.h"
#include "SqlErrors.h"

#include <QSqlError>

#include <sqlite3.h>

namespace Keyward {

namespace {

class SqliteRow
{
public:
    explicit SqliteRow(sqlite3_stmt *statement)
        : m_statement(statement)
    { }
    qint64 integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    bool isNull(int column) const
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    QString text(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
    }

private:
    sqlite3_stmt *m_statement;
};

} // namespace

SqliteSecretStatement::SqliteSecretStatement(sqlite3 *db, sqlite3_stmt *statement)
    : m_db(db)
    , m_statement(statement)
{ }

SqliteSecretStatement::~SqliteSecretStatement()
{
    sqlite3_finalize(m_statement);
}

std::unique_ptr<SqliteSecretStatement> SqliteSecretStatement::prepare(sqlite3 *db)
{
    if (!db)
        return nullptr;
    static const QByteArray sql = QByteArray(kSecretRowSelect) + '?';
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(statement);
        return nullptr;
    }
    return std::unique_ptr<SqliteSecretStatement>(new SqliteSecretStatement(db, statement));
}

void SqliteSecretStatement::closeAbandoned(std::unique_ptr<SqliteSecretStatement> statement)
{
    if (!statement)
        return;
    sqlite3 *db = statement->m_db;
    statement.reset();
    sqlite3_close(db);
}

Error SqliteSecretStatement::lastError(int code) const
{
    // Through SqlErrors so that "locked" and the rest read as they do everywhere else.
    const QSqlError error(QString(), QString::fromUtf8(sqlite3_errmsg(m_db)),
                          QSqlError::StatementError, QString::number(code));
    return SqlErrors::fromSqlError(error, tr("Cannot look up the key."));
}

Result<std::optional<SecretMatch>> SqliteSecretStatement::find(const QByteArray &hash)
{
    // SQLITE_STATIC: the hash outlives the step; the binding is cleared before returning.
    sqlite3_bind_blob(m_statement, 1, hash.constData(), int(hash.size()), SQLITE_STATIC);
    const int stepped = sqlite3_step(m_statement);
    std::optional<SecretMatch> match;
    std::optional<Error> failed;
    if (stepped == SQLITE_ROW)
        match = readSecretRow(SqliteRow(m_statement));
    else if (stepped != SQLITE_DONE)
        failed = lastError(sqlite3_extended_errcode(m_db)); // before reset touches the message
    // Resetting ends the statement's read transaction now, not at the next call: an open one
    // would pin an old snapshot (other processes' changes unseen, the WAL never checkpointed).
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    if (failed)
        return *failed;
    return match;
}

} // namespace Keyward
