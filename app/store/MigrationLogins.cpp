#include "MigrationLogins.h"

#include "PostgresSetup.h"
#include "SqlErrors.h"
#include "VaultMigrator.h"
#include "core/Permissions.h"

#include <QSqlQuery>

namespace Keyward {

namespace {

// What the server knows of the role named like a member.
struct ServerRole
{
    bool exists = false;
    bool canLogin = false;
    bool inGroup = false; // in the group of the member's role
    bool isVerifier = false;
};

QString groupOf(const QString &rolePrefix, Role role)
{
    return rolePrefix + QLatin1Char('_') + roleCode(role);
}

Result<QString> serverText(QSqlDatabase &db, const QString &sql, const QStringList &values)
{
    SqlQuery q(db);
    q.prepare(sql);
    for (const QString &value : values)
        q.addBindValue(value);
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, MigrationLogins::tr("Cannot prepare a login statement."));
    return q.value(0).toString();
}

Result<ServerRole> lookUp(QSqlDatabase &db, const QString &name, const QString &group,
                          const QString &verifierGroup)
{
    SqlQuery q(db);
    q.prepare(QStringLiteral("SELECT rolcanlogin, pg_has_role(rolname, ?, 'MEMBER'), "
                             "pg_has_role(rolname, ?, 'MEMBER') FROM pg_catalog.pg_roles "
                             "WHERE rolname = ?"));
    q.addBindValue(group);
    q.addBindValue(verifierGroup);
    q.addBindValue(name);
    if (!q.exec())
        return SqlErrors::fromQuery(q, MigrationLogins::tr("Cannot look up the logins."));
    ServerRole role;
    role.exists = q.next();
    role.canLogin = role.exists && q.value(0).toBool();
    role.inGroup = role.exists && q.value(1).toBool();
    role.isVerifier = role.exists && q.value(2).toBool();
    return role;
}

// Without createLogins: what a DBA must run, quoted by the server.
Result<void> listForDba(QSqlDatabase &db, const QString &name, const QString &group,
                        const ServerRole &role, MigrationReport &report)
{
    if (role.exists && role.inGroup)
        return {};
    report.missingLogins.append({name, group, role.exists});
    if (!role.exists) {
        auto create = serverText(
            db, QStringLiteral("SELECT format('CREATE ROLE %I LOGIN;', CAST(? AS text))"), {name});
        if (!create)
            return create.error();
        report.dbaStatements << *create;
    }
    auto grant = serverText(
        db, QStringLiteral("SELECT format('GRANT %I TO %I;', CAST(? AS text), CAST(? AS text))"),
        {group, name});
    if (!grant)
        return grant.error();
    report.dbaStatements << *grant;
    return {};
}

// With createLogins: the login exists afterwards, in its group and no other of the vault's.
Result<void> createAndGrant(QSqlDatabase &db, const QString &name, const QString &group,
                            const ServerRole &role, const MigrationOptions &options,
                            MigrationReport &report)
{
    SqlQuery q(db);
    if (!role.exists) {
        QVariant verifier(QMetaType::fromType<QString>());
        if (!options.loginPassword.isEmpty()) {
            auto computed = PostgresSetup::passwordVerifier(db, name, options.loginPassword);
            if (!computed)
                return computed.error();
            verifier = *computed;
        }
        q.prepare(QStringLiteral("SELECT keyward_ensure_login(?, ?)"));
        q.addBindValue(name);
        q.addBindValue(verifier);
        if (!q.exec())
            return SqlErrors::fromQuery(
                q, MigrationLogins::tr("Cannot create the login %1.").arg(name));
        report.loginsCreated.append(name);
    }
    q.prepare(QStringLiteral("SELECT keyward_revoke_groups(?)"));
    q.addBindValue(name);
    if (!q.exec())
        return SqlErrors::fromQuery(q,
                                    MigrationLogins::tr("Cannot set the groups of %1.").arg(name));
    // GRANT takes no parameters: the server quotes the names (format %I).
    auto grant = serverText(
        db, QStringLiteral("SELECT format('GRANT %I TO %I', CAST(? AS text), CAST(? AS text))"),
        {group, name});
    if (!grant)
        return grant.error();
    if (!q.exec(*grant))
        return SqlErrors::fromQuery(q,
                                    MigrationLogins::tr("Cannot grant %1 to %2.").arg(group, name));
    return {};
}

} // namespace

QString MigrationLogins::loginProblem(const QString &name, const QString &rolePrefix, bool exists,
                                      bool canLogin, bool isVerifier)
{
    if (auto valid = Permissions::validateLoginName(name, rolePrefix); !valid)
        return valid.errorMessage();
    if (exists && !canLogin)
        return tr("\"%1\" is a group role on this server, not a login.").arg(name);
    if (isVerifier)
        return tr("\"%1\" is a verifier login; a member needs a login of its own.").arg(name);
    return {};
}

Result<void> MigrationLogins::map(QSqlDatabase &server,
                                  const QVector<MigrationCopy::CurrentMember> &members,
                                  const MigrationOptions &options, MigrationReport &report)
{
    const QString verifierGroup = options.rolePrefix + QStringLiteral("_verifier");
    for (const MigrationCopy::CurrentMember &member : members) {
        const QString group = groupOf(options.rolePrefix, member.role);
        auto role = lookUp(server, member.name, group, verifierGroup);
        if (!role)
            return role.error();
        if (const QString problem = loginProblem(member.name, options.rolePrefix, role->exists,
                                                 role->canLogin, role->isVerifier);
            !problem.isEmpty()) {
            if (options.createLogins)
                return makeError(ErrorCode::InvalidInput, problem);
            report.actions << tr("Warning: %1 The member cannot sign in.").arg(problem);
            continue;
        }
        const Result<void> done = options.createLogins
            ? createAndGrant(server, member.name, group, *role, options, report)
            : listForDba(server, member.name, group, *role, report);
        if (!done)
            return done;
    }
    if (options.createLogins)
        report.actions << tr("Put every member's login in its group; logins created: %1.")
                              .arg(report.loginsCreated.isEmpty()
                                       ? tr("none")
                                       : report.loginsCreated.join(QStringLiteral(", ")));
    return {};
}

} // namespace Keyward
