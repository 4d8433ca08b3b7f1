#include "RepeatedStatement.h"

#include "SqlErrors.h"
#include "SqliteStatement.h"

#include <sqlite3.h>

namespace Keyward {

RepeatedStatement::RepeatedStatement(QSqlDatabase &db, SqlEngine engine, const QString &sql)
{
    if (engine == SqlEngine::Sqlite) {
        m_native = SqliteStatement::prepare(sqliteHandle(db), sql.toUtf8(), true);
        if (m_native) {
            m_prepared = true;
            return;
        }
    }
    m_query = SqlQuery(db);
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

RepeatedStatement::~RepeatedStatement() = default;

bool RepeatedStatement::run(std::initializer_list<QVariant> values)
{
    m_hasRow = false;
    if (!m_prepared)
        return false;
    if (!m_native) {
        int index = 0;
        for (const QVariant &value : values)
            m_query.bindValue(index++, value);
        if (!m_query.exec())
            return false;
        m_hasRow = m_query.isSelect() && m_query.next();
        return true;
    }
    m_native->reset();
    m_values = values;
    for (int i = 0; i < m_values.size(); ++i) {
        const QVariant &value = m_values.at(i);
        const int index = i + 1;
        if (value.isNull())
            m_native->bindNull(index);
        else if (value.typeId() == QMetaType::QString)
            m_native->bindText(index, value.toString());
        else if (value.typeId() == QMetaType::QByteArray)
            m_native->bindBlob(index, *static_cast<const QByteArray *>(value.constData()));
        else
            m_native->bindInteger(index, value.toLongLong());
    }
    m_hasRow = m_native->step();
    return !m_native->failed();
}

qint64 RepeatedStatement::changedRows() const
{
    if (m_native)
        return sqlite3_changes64(m_native->connection());
    return m_query.numRowsAffected();
}

qint64 RepeatedStatement::integer(int column) const
{
    return m_native ? m_native->integer(column) : m_query.value(column).toLongLong();
}

bool RepeatedStatement::isNull(int column) const
{
    return m_native ? m_native->isNull(column) : m_query.isNull(column);
}

Error RepeatedStatement::error(const QString &what) const
{
    if (m_native)
        return m_native->error(what);
    return SqlErrors::fromQuery(m_query, what);
}

} // namespace Keyward
