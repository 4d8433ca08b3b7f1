#include "SqlConnection.h"

#include "ServerLogin.h"
#include "SqlErrors.h"

#include <QAtomicInteger>

namespace Keyward {

QString SqlConnection::uniqueName(const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("keyward-%1-%2").arg(purpose).arg(counter.fetchAndAddRelaxed(1));
}

SqlConnection::SqlConnection(const QString &driver, const QString &purpose)
    : m_name(uniqueName(purpose))
    , m_db(QSqlDatabase::addDatabase(driver, m_name))
{ }

SqlConnection::SqlConnection(const QString &name, QSqlDatabase db)
    : m_name(name)
    , m_db(std::move(db))
{ }

std::unique_ptr<SqlConnection> SqlConnection::cloneOf(const QString &source, const QString &purpose)
{
    const QString name = uniqueName(purpose);
    return std::unique_ptr<SqlConnection>(
        new SqlConnection(name, QSqlDatabase::cloneDatabase(source, name)));
}

SqlConnection::~SqlConnection()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Error SqlConnection::driverMissing(const QString &driver)
{
    if (driver == QLatin1String("QPSQL"))
        return Error {ErrorCode::StorageError,
                      tr("The Qt PostgreSQL driver (QPSQL) is not installed (Debian: "
                         "libqt6sql6-psql).")};
    return Error {ErrorCode::StorageError, tr("The Qt SQLite driver (QSQLITE) is not installed.")};
}

Result<std::unique_ptr<SqlConnection>> SqlConnection::openPostgres(const PgConnInfo &info,
                                                                   const QString &purpose)
{
    const QString driver = QStringLiteral("QPSQL");
    auto connection = std::make_unique<SqlConnection>(driver, purpose);
    if (!connection->isValid())
        return driverMissing(driver);
    if (auto applied = info.applyTo(connection->m_db); !applied)
        return applied.error();
    if (!connection->m_db.open())
        return SqlErrors::fromConnectError(connection->m_db.lastError(), info.displayName());
    return connection;
}

Result<void> tryServerLogin(const PgConnInfo &info)
{
    SqlConnection connection(QStringLiteral("QPSQL"), QStringLiteral("probe"));
    // Without the driver there is nothing to wait for: the real connection fails at once and
    // says so.
    if (!connection.isValid())
        return {};
    if (auto applied = info.applyTo(connection.database()); !applied)
        return applied.error();
    if (!connection.database().open())
        return SqlErrors::fromConnectError(connection.database().lastError(), info.displayName());
    return {};
}

} // namespace Keyward
