#pragma once

#include "SqlDialect.h"
#include "core/Result.h"

#include "SqlQuery.h"
#include <QSqlDatabase>
#include <QVariant>

#include <initializer_list>
#include <memory>

namespace Keyward {

class SqliteStatement;

// One statement prepared once and run many times with other values, as the usage writer does
// per key and per secret. On a vault file it goes through the sqlite3 API on Qt's connection
// (SqliteStatement): the writer runs thousands of these per flush, and Qt SQL's per-exec() cost
// was most of its CPU, which on a small machine is taken from the verifying thread too.
// Elsewhere through QSqlQuery. Values bind by position: integers, booleans, null, text, bytes.
class RepeatedStatement
{
public:
    RepeatedStatement(QSqlDatabase &db, SqlEngine engine, const QString &sql);
    ~RepeatedStatement();
    RepeatedStatement(const RepeatedStatement &) = delete;
    RepeatedStatement &operator=(const RepeatedStatement &) = delete;

    // Runs with these values; for a query the first row (if any) is then current. False on an
    // error (error() says which).
    bool run(std::initializer_list<QVariant> values);
    bool hasRow() const { return m_hasRow; }
    // Rows changed by the latest run, when it was an INSERT, UPDATE or DELETE that succeeded (an
    // UPDATE's matched rows); after a query, not meaningful.
    qint64 changedRows() const;
    qint64 integer(int column) const;
    bool isNull(int column) const;
    Error error(const QString &what) const;

private:
    std::unique_ptr<SqliteStatement> m_native;
    SqlQuery m_query;
    bool m_prepared = false;
    bool m_hasRow = false;
    QVariantList m_values; // alive while the native statement may point into them
};

} // namespace Keyward
