#pragma once

#include "MigrationCopy.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

class QSqlDatabase;

namespace Keyward {

struct MigrationOptions;
struct MigrationReport;

// The logins of a PostgreSQL copy: a member of a server vault signs in as the login of their
// name, which must be in the group of their role (<rolePrefix>_owner, ...). The login rule itself
// is Permissions::validateLoginName, shared with `db setup` and `db add-login`.
class MigrationLogins
{
    Q_DECLARE_TR_FUNCTIONS(MigrationLogins)
public:
    // options.createLogins: creates the missing logins of the current members and puts every
    // member's login in its group (and only there), in the caller's transaction. Otherwise no
    // login is touched: the report lists what a DBA must create or grant, with the statements.
    static Result<void> map(QSqlDatabase &server,
                            const QVector<MigrationCopy::CurrentMember> &members,
                            const MigrationOptions &options, MigrationReport &report);

    // Why a member's name cannot be a login of this vault, or an empty string. exists, canLogin
    // and isVerifier: what the server knows of a role of that name.
    static QString loginProblem(const QString &name, const QString &rolePrefix, bool exists,
                                bool canLogin, bool isVerifier);
};

} // namespace Keyward
