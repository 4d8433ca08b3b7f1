#pragma once

#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace Keyward {

// The store's query: a QSqlQuery that keeps the error of a failed prepare(). QSqlQuery::exec()
// after a failed prepare() clears that error and runs an empty statement, so QPSQL reports
// 'syntax error at or near "("' (for "EXECUTE  (…)") and QSQLITE "No query": the real reason
// (a privilege just revoked, a table that is not there) was lost. Here exec() refuses instead,
// and lastError() and SqlErrors::fromQuery() say what prepare() was told.
//
// It hides, not overrides, QSqlQuery's members (they are not virtual): call them on an SqlQuery,
// as the store does, not through a QSqlQuery reference.
class SqlQuery : public QSqlQuery
{
public:
    SqlQuery() = default;
    explicit SqlQuery(const QSqlDatabase &db)
        : QSqlQuery(db)
    { }

    bool prepare(const QString &sql)
    {
        m_prepareError.reset();
        if (QSqlQuery::prepare(sql))
            return true;
        m_prepareError = QSqlQuery::lastError();
        return false;
    }
    bool exec() { return !m_prepareError && QSqlQuery::exec(); }
    bool exec(const QString &sql)
    {
        m_prepareError.reset();
        return QSqlQuery::exec(sql);
    }
    QSqlError lastError() const
    {
        return m_prepareError ? *m_prepareError : QSqlQuery::lastError();
    }

private:
    std::optional<QSqlError> m_prepareError;
};

} // namespace Keyward
