#include "SqliteChunkedInsert.h"

#include "SqliteStatement.h"

#include <sqlite3.h>

namespace Keyward {

SqliteChunkedInsert::SqliteChunkedInsert(sqlite3 *db, QByteArray head, int columns, QByteArray tail,
                                         MissingParent missingParent)
    : m_db(db)
    , m_head(std::move(head))
    , m_columns(columns)
    , m_tail(std::move(tail))
    , m_missingParent(missingParent)
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
    if (!m_tail.isEmpty())
        sql += ' ' + m_tail;
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
        if (statement->failed()) {
            // The failed statement's rows were undone (a statement rollback): none is half in.
            if (m_missingParent == MissingParent::Skip
                && statement->failedCode() == SQLITE_CONSTRAINT_FOREIGNKEY) {
                statement->reset();
                if (auto inserted = insertOneByOne(first, rows, bind, what); !inserted)
                    return inserted;
                continue;
            }
            return statement->error(what);
        }
    }
    return {};
}

Result<void> SqliteChunkedInsert::insertOneByOne(qsizetype first, int rows, const BindRow &bind,
                                                 const QString &what)
{
    if (!m_single && !(m_single = prepared(1)))
        return SqliteStatement::connectionError(m_db, what);
    for (int i = 0; i < rows; ++i) {
        m_single->reset();
        bind(*m_single, first + i, 1);
        m_single->step();
        if (m_single->failed() && m_single->failedCode() != SQLITE_CONSTRAINT_FOREIGNKEY)
            return m_single->error(what);
    }
    m_single->reset();
    return {};
}

} // namespace Keyward
