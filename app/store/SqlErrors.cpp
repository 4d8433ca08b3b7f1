#include "SqlErrors.h"

#include <QSqlDriver>

namespace Keyward {

namespace {

QString detailOf(const QSqlError &error)
{
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    // QPSQL appends "(SQLSTATE)" to the server's message; the code means nothing to people.
    const QString code = error.nativeErrorCode();
    if (!code.isEmpty() && detail.endsWith(QLatin1Char('(') + code + QLatin1Char(')')))
        detail.chop(code.size() + 2);
    detail = detail.simplified();
    for (const QLatin1String severity : {QLatin1String("ERROR:"), QLatin1String("FATAL:")}) {
        if (detail.startsWith(severity))
            detail = detail.mid(severity.size()).trimmed();
    }
    return detail;
}

} // namespace

bool SqlErrors::isBusy(const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), possibly extended codes; PostgreSQL lock timeout,
    // serialization failure and deadlock (all: try again).
    const QString code = error.nativeErrorCode();
    bool ok = false;
    const int sqliteCode = code.toInt(&ok);
    // SQLite's (extended) result codes stay below 10000; a PostgreSQL SQLSTATE always has five
    // characters and may be all digits too ("42501" & 0xff would read as SQLITE_BUSY).
    if (ok && code.size() < 5 && ((sqliteCode & 0xff) == 5 || (sqliteCode & 0xff) == 6))
        return true;
    return code == QLatin1String("55P03") || code == QLatin1String("40001")
        || code == QLatin1String("40P01")
        || error.databaseText().contains(QLatin1String("database is locked"));
}

bool SqlErrors::isDamage(const QSqlError &error)
{
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), possibly extended: SQLite's own verdict, made
    // under its locks, that the file's pages do not hold a consistent database.
    const QString code = error.nativeErrorCode();
    bool ok = false;
    const int sqliteCode = code.toInt(&ok);
    return ok && code.size() < 5 && ((sqliteCode & 0xff) == 11 || (sqliteCode & 0xff) == 26);
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
        || text.contains(QLatin1String("terminating connection"))
        || text.contains(QLatin1String("connection to server was lost"))
        || text.contains(QLatin1String("could not receive data from server"))
        || text.contains(QLatin1String("could not send data to server"));
}

bool SqlErrors::isPermissionDenied(const QSqlError &error)
{
    // insufficient_privilege, also raised for a row-level security violation.
    return error.nativeErrorCode() == QLatin1String("42501");
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
    const QString detail = detailOf(error);
    if (isDamage(error))
        return makeError(ErrorCode::VaultCorrupt,
                         tr("%1 The vault file is damaged (%2).").arg(what, detail));
    if (isPermissionDenied(error))
        return makeError(ErrorCode::PermissionDenied,
                         tr("%1 The database refused it: %2").arg(what, detail));
    // PostgreSQL data exceptions (22) and integrity violations (23): a rule the database keeps,
    // e.g. the member functions' checks. (SQLite's numeric codes never start like a SQLSTATE.)
    const QString code = error.nativeErrorCode();
    if (code.size() == 5
        && (code.startsWith(QLatin1String("22")) || code.startsWith(QLatin1String("23"))))
        return makeError(ErrorCode::InvalidInput,
                         tr("%1 The database refused it: %2").arg(what, detail));
    return makeError(ErrorCode::StorageError,
                     detail.isEmpty() ? what : tr("%1 (%2)").arg(what, detail));
}

Error SqlErrors::fromQuery(const SqlQuery &query, const QString &what)
{
    const QSqlError error = query.lastError();
    if (error.type() == QSqlError::NoError || isConnectionLost(error)) {
        const QSqlDriver *driver = query.driver();
        if (!driver || !driver->isOpen())
            return makeError(ErrorCode::ConnectionLost,
                             tr("%1 The connection to the database was lost.").arg(what));
    }
    return fromSqlError(error, what);
}

Error SqlErrors::fromConnectError(const QSqlError &error, const QString &where)
{
    const QString detail = detailOf(error);
    const QString text = error.databaseText();
    if (text.contains(QLatin1String("no password supplied")))
        return makeError(ErrorCode::AuthenticationFailed,
                         tr("The server %1 asks for a password. Enter it, or put it in your "
                            "password file (PGPASSFILE, ~/.pgpass).")
                             .arg(where));
    if (text.contains(QLatin1String("password authentication failed"))
        || text.contains(QLatin1String("authentication failed"))
        || (text.contains(QLatin1String("role \""))
            && text.contains(QLatin1String("does not exist")))
        || error.nativeErrorCode().startsWith(QLatin1String("28")))
        return makeError(ErrorCode::AuthenticationFailed,
                         tr("The server %1 did not accept the login: %2").arg(where, detail));
    if (text.contains(QLatin1String("database \""))
        && text.contains(QLatin1String("does not exist")))
        return makeError(ErrorCode::NotAVault,
                         tr("The server %1 has no such database: %2").arg(where, detail));
    if (text.contains(QLatin1String("permission denied")))
        return makeError(ErrorCode::PermissionDenied,
                         tr("The server %1 refused the connection: %2").arg(where, detail));
    return makeError(
        ErrorCode::ConnectionLost,
        tr("Cannot connect to %1: %2").arg(where, detail.isEmpty() ? tr("no answer") : detail));
}

} // namespace Keyward
