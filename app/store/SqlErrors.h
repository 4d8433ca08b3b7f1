#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Keyward {

// Turns Qt SQL errors into Keyward errors: "locked", "connection lost" and the rest, with a
// translated message. The driver text is appended for the admin; it never contains a secret
// because every query binds its values.
class SqlErrors
{
    Q_DECLARE_TR_FUNCTIONS(SqlErrors)
public:
    static Error fromSqlError(const QSqlError &error, const QString &what);
    static Error fromQuery(const QSqlQuery &query, const QString &what);
    static bool isBusy(const QSqlError &error);
    static bool isConnectionLost(const QSqlError &error);
};

} // namespace Keyward
