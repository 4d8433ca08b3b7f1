#pragma once

#include "PgConnInfo.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Keyward {

// One named connection in Qt SQL's registry, owned: a unique name, the driver, and
// QSqlDatabase::removeDatabase() when it goes (after closing; the registry wants the last handle
// gone first). Store-internal: code outside store/ never sees a QSqlDatabase.
// A connection belongs to the thread that opened it.
class SqlConnection
{
    Q_DECLARE_TR_FUNCTIONS(SqlConnection)
public:
    // A name no other connection of this process has: "keyward-<purpose>-<n>".
    static QString uniqueName(const QString &purpose);

    // Adds a connection of driver (QSQLITE, QPSQL) under a unique name, not opened yet.
    // isValid() is false when the driver's plugin is missing (see driverMissing()).
    SqlConnection(const QString &driver, const QString &purpose);
    // A new connection with the settings of the connection named source (password included),
    // not opened yet. Cloning by name is what Qt allows from another thread.
    static std::unique_ptr<SqlConnection> cloneOf(const QString &source, const QString &purpose);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    QSqlDatabase &database() { return m_db; }
    const QSqlDatabase &database() const { return m_db; }
    const QString &name() const { return m_name; }
    bool isValid() const { return m_db.isValid(); }

    // What to say when the driver's plugin is not installed.
    static Error driverMissing(const QString &driver);

    // A PostgreSQL connection, opened: the driver, the conninfo (applyTo) and the login, with
    // the store's wording for each failure (SqlErrors::fromConnectError).
    static Result<std::unique_ptr<SqlConnection>> openPostgres(const PgConnInfo &info,
                                                               const QString &purpose);

private:
    explicit SqlConnection(const QString &name, QSqlDatabase db);

    QString m_name;
    QSqlDatabase m_db;
};

} // namespace Keyward
