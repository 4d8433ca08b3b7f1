#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/Role.h"
#include "crypto/SecretString.h"

#include <QCoreApplication>
#include <QStringList>

class QSqlDatabase;

namespace Keyward {

struct PostgresSetupOptions
{
    // The vault's key prefix (kw_live_...), as for a local vault.
    QString keyPrefix = QStringLiteral("kw");
    // Group roles are <rolePrefix>_owner, _admin, _developer, _viewer and _verifier. Roles are
    // cluster-wide: two vaults on one server that must not share members need two prefixes.
    QString rolePrefix = QStringLiteral("keyward");
    // The login that becomes the first Owner; empty: the login running the setup.
    QString owner;
};

// What a setup did, for `keywardctl db setup` to print.
struct PostgresSetupReport
{
    QStringList actions; // translated sentences, one per step
    QStringList statements; // the SQL run for roles, privileges and policies, in order
};

// Turns an empty PostgreSQL database into a Keyward vault that enforces the roles itself:
// schema (the same migrations as a local vault), group roles, GRANTs, row-level security,
// an append-only audit log and the member functions. Run once by the database owner (a login
// with CREATEROLE that owns the database); running it again on a vault upgrades the schema and
// re-applies privileges and policies without touching data.
class PostgresSetup
{
    Q_DECLARE_TR_FUNCTIONS(PostgresSetup)
public:
    // ownerPassword: for a first Owner login that does not exist yet (may be empty for peer or
    // certificate authentication). An existing login keeps its password.
    static Result<PostgresSetupReport> run(QSqlDatabase &db, const PostgresSetupOptions &options,
                                           const SecretString &ownerPassword, const Clock &clock);
    // Connects with a libpq conninfo, runs, disconnects.
    static Result<PostgresSetupReport> run(const QString &conninfo,
                                           const PostgresSetupOptions &options,
                                           const SecretString &ownerPassword, const Clock &clock);

    // The role/privilege/policy statements for a prefix, for a dry run or a DBA's review.
    static Result<QStringList> securityStatements(const QString &rolePrefix);
    static Result<void> validateRolePrefix(const QString &rolePrefix);

    // Member management through the vault's functions: creates the login when it does not
    // exist (with the password, if any), grants the group, writes the members row. Used by
    // SqlKeyStore::addMember (an Owner in the app) and by a DBA; the caller writes the audit row
    // and holds the write transaction.
    static Result<qint64> addMemberLogin(QSqlDatabase &db, const QString &name, Role role,
                                         const SecretString &password, qint64 nowMs);
    // A login for a verifying service: reads what verification needs, records usage.
    static Result<void> addVerifierLogin(QSqlDatabase &db, const QString &name,
                                         const SecretString &password);
    // The SCRAM-SHA-256 verifier of a password, computed by libpq on the client so that the
    // password itself never travels to (or gets logged by) the server.
    static Result<QString> passwordVerifier(QSqlDatabase &db, const QString &login,
                                            const SecretString &password);
};

} // namespace Keyward
