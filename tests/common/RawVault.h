#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace Keyward::Testing {

// The attacker of the signed-vault tests: a connection of its own to the vault file, around
// Keyward, as a compromised verifying service with write access to the file would have.
class RawVault
{
public:
    explicit RawVault(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(quintptr(this)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        if (!m_db.open())
            qFatal("cannot open the vault raw");
    }
    ~RawVault()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawVault(const RawVault &) = delete;
    RawVault &operator=(const RawVault &) = delete;

    bool exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (const QVariant &value : values)
            q.addBindValue(value);
        if (!q.exec()) {
            qWarning("raw SQL failed: %s", qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }
    // The first column of the first row (invalid when there is none).
    QVariant value(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0);
    }
    qint64 number(const QString &sql)
    {
        const QVariant result = value(sql);
        return result.isValid() ? result.toLongLong() : -1;
    }
    QSqlDatabase &database() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace Keyward::Testing
