#include "SqlErrors.h"

namespace Keyward {

bool SqlErrors::isBusy(const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), possibly extended codes; PostgreSQL lock timeout.
    const QString code = error.nativeErrorCode();
    bool ok = false;
    const int sqliteCode = code.toInt(&ok);
    if (ok && ((sqliteCode & 0xff) == 5 || (sqliteCode & 0xff) == 6))
        return true;
    return code == QLatin1String("55P03")
        || error.databaseText().contains(QLatin1String("database is locked"));
}

bool SqlErrors::isConnectionLost(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // PostgreSQL class 08 (connection exception), 57P01..57P03 (admin shutdown, crash).
    if (code.startsWith(QLatin1String("08")) || code.startsWith(QLatin1String("57P")))
        return true;
    const QString text = error.databaseText() + error.driverText();
    return text.contains(QLatin1String("server closed the connection"))
        || text.contains(QLatin1String("no connection to the server"))
        || text.contains(QLatin1String("terminating connection"));
}

Error SqlErrors::fromSqlError(const QSqlError &error, const QString &what)
{
    if (isBusy(error))
        return makeError(
            ErrorCode::VaultLocked,
            tr("%1 The vault is locked by another program; try again in a moment.").arg(what));
    if (isConnectionLost(error))
        return makeError(ErrorCode::ConnectionLost,
                         tr("%1 The connection to the database was lost.").arg(what));
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    return makeError(ErrorCode::StorageError,
                     detail.isEmpty() ? what : tr("%1 (%2)").arg(what, detail));
}

Error SqlErrors::fromQuery(const QSqlQuery &query, const QString &what)
{
    return fromSqlError(query.lastError(), what);
}

} // namespace Keyward
