#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

namespace Keyward {

class SqliteStatement;

// Many rows into one table through the sqlite3 API, several rows per INSERT: each statement run
// pays SQLite's own set-up (cursors opened and closed, the program reset, the statement journal,
// AUTOINCREMENT bookkeeping), which for a row of a few integers costs more than the row itself.
// The statement for whole chunks is prepared once per object, the last partial chunk's once, and
// (MissingParent::Skip) a one-row statement when a chunk has to be written again row by row.
class SqliteChunkedInsert
{
public:
    static constexpr int kRowsPerStatement = 32;

    enum class MissingParent {
        Fail, // a row whose foreign key finds no parent fails the insert
        // Such rows are skipped: a chunk that fails its foreign key check is inserted again a row
        // at a time. Only for a connection that enforces foreign keys (PRAGMA foreign_keys).
        Skip,
    };

    // Binds row `row`'s values from parameter `first` on (1-based), in the columns' order.
    using BindRow = std::function<void(SqliteStatement &statement, qsizetype row, int first)>;

    // head: "INSERT INTO table (a, b, c)"; columns: how many values a row has; tail: what follows
    // the rows (an "ON CONFLICT ..." clause).
    SqliteChunkedInsert(sqlite3 *db, QByteArray head, int columns, QByteArray tail = {},
                        MissingParent missingParent = MissingParent::Fail);
    ~SqliteChunkedInsert();
    SqliteChunkedInsert(const SqliteChunkedInsert &) = delete;
    SqliteChunkedInsert &operator=(const SqliteChunkedInsert &) = delete;

    // Inserts rows 0 .. count - 1, in that order. `what` says what failed, for the error.
    Result<void> insert(qsizetype count, const BindRow &bind, const QString &what);

private:
    std::unique_ptr<SqliteStatement> prepared(int rows) const;
    Result<void> insertOneByOne(qsizetype first, int rows, const BindRow &bind,
                                const QString &what);

    sqlite3 *m_db;
    QByteArray m_head;
    int m_columns;
    QByteArray m_tail;
    MissingParent m_missingParent;
    std::unique_ptr<SqliteStatement> m_full;
    std::unique_ptr<SqliteStatement> m_single; // MissingParent::Skip's retries
};

} // namespace Keyward
