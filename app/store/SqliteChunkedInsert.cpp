#include "SqliteChunkedInsert.h"

#include "SqliteStatement.h"

namespace Keyward {

SqliteChunkedInsert::SqliteChunkedInsert(sqlite3 *db, QByteArray head, int columns)
    : m_db(db)
    , m_head(std::move(head))
    , m_columns(columns)
{ }

SqliteChunkedInsert::~SqliteChunkedInsert() = default;

std::unique_ptr<SqliteStatement> SqliteChunkedInsert::prepared(int rows) const
{
    QByteArray row("(?");
    for (int column = 1; column < m_columns; ++column)
        row += ", ?";
    row += ')';
    QByteArray sql = m_head + " VALUES " + row;
    for (int i = 1; i < rows; ++i)
        sql += ", " + row;
    return SqliteStatement::prepare(m_db, sql, rows == kRowsPerStatement);
}

Result<void> SqliteChunkedInsert::insert(qsizetype count, const BindRow &bind, const QString &what)
{
    for (qsizetype first = 0; first < count; first += kRowsPerStatement) {
        const int rows = int(qMin<qsizetype>(kRowsPerStatement, count - first));
        std::unique_ptr<SqliteStatement> tail;
        if (rows == kRowsPerStatement && !m_full)
            m_full = prepared(rows);
        else if (rows < kRowsPerStatement)
            tail = prepared(rows);
        SqliteStatement *statement = rows == kRowsPerStatement ? m_full.get() : tail.get();
        if (!statement)
            return SqliteStatement::connectionError(m_db, what);
        statement->reset();
        for (int i = 0; i < rows; ++i)
            bind(*statement, first + i, i * m_columns + 1);
        statement->step();
        if (statement->failed())
            return statement->error(what);
    }
    return {};
}

} // namespace Keyward
