#pragma once

#include "SqlQuery.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Keyward {

// Turns Qt SQL errors into Keyward errors: "locked", "connection lost", "permission denied",
// "authentication failed" and the rest, with a translated message. The driver text is appended
// for the admin; it never contains a secret because every query binds its values.
class SqlErrors
{
    Q_DECLARE_TR_FUNCTIONS(SqlErrors)
public:
    static Error fromSqlError(const QSqlError &error, const QString &what);
    // Also recognises a query that failed because its connection is gone: Qt then reports no
    // error at all, only "database not open" on the console. (An SqlQuery, so that a failed
    // prepare() is reported as itself.)
    static Error fromQuery(const SqlQuery &query, const QString &what);
    // For QSqlDatabase::open() of a server: wrong password, no password, unknown login and an
    // unreachable server each get their own message.
    static Error fromConnectError(const QSqlError &error, const QString &where);
    static bool isBusy(const QSqlError &error);
    static bool isDamage(const QSqlError &error);
    static bool isConnectionLost(const QSqlError &error);
    static bool isPermissionDenied(const QSqlError &error);
};

} // namespace Keyward
