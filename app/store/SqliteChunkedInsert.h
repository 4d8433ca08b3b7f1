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
// The statement for whole chunks is prepared once per object, the last partial chunk's once.
class SqliteChunkedInsert
{
public:
    static constexpr int kRowsPerStatement = 32;

    // Binds row `row`'s values from parameter `first` on (1-based), in the columns' order.
    using BindRow = std::function<void(SqliteStatement &statement, qsizetype row, int first)>;

    // head: "INSERT INTO table (a, b, c)"; columns: how many values a row has.
    SqliteChunkedInsert(sqlite3 *db, QByteArray head, int columns);
    ~SqliteChunkedInsert();
    SqliteChunkedInsert(const SqliteChunkedInsert &) = delete;
    SqliteChunkedInsert &operator=(const SqliteChunkedInsert &) = delete;

    // Inserts rows 0 .. count - 1, in that order. `what` says what failed, for the error.
    Result<void> insert(qsizetype count, const BindRow &bind, const QString &what);

private:
    std::unique_ptr<SqliteStatement> prepared(int rows) const;

    sqlite3 *m_db;
    QByteArray m_head;
    int m_columns;
    std::unique_ptr<SqliteStatement> m_full;
};

} // namespace Keyward
