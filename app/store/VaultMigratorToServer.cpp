// VaultMigrator, file or server to server: a copy into an empty PostgreSQL database.
#include "VaultMigrator.h"

#include "MigrationCopy.h"
#include "MigrationLogins.h"
#include "Migrations.h"
#include "PostgresSetup.h"
#include "SqlConnection.h"
#include "SqlDialect.h"
#include "SqlErrors.h"
#include "SqlKeyStore.h"
#include "core/Permissions.h"

#include <QSqlQuery>

namespace Keyward {

using namespace MigrationCopy;

namespace {

Result<void> requireEmptyDatabase(QSqlDatabase &db, const QString &where)
{
    SqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class c JOIN "
                               "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
                               "n.nspname = 'public'"))
        || !q.next())
        return SqlErrors::fromQuery(q, VaultMigrator::tr("Cannot look into %1.").arg(where));
    const qint64 objects = q.value(0).toLongLong();
    if (objects > 0)
        return makeError(ErrorCode::VaultExists,
                         VaultMigrator::tr("The database %1 is not empty (%2 tables or other "
                                           "objects). A copy goes into an empty database only, "
                                           "never merged into another vault.")
                             .arg(where)
                             .arg(objects));
    return {};
}

Result<void> buildPostgresVault(CopyRun &run, const MigrationOptions &options,
                                const QStringList &securityStatements, qint64 nowMs)
{
    const SqlDialect dialect(SqlEngine::Postgres);
    if (auto schema = Migrations::applyPending(run.to, dialect, nowMs); !schema)
        return schema;
    run.report.actions << VaultMigrator::tr("Created the Keyward schema (version %1).")
                              .arg(Migrations::latestVersion());
    if (auto copied = copyEverything(run, options.rolePrefix, QString(), QString()); !copied)
        return copied;
    describeCopy(run.report);
    SqlQuery q(run.to);
    for (const QString &statement : securityStatements) {
        if (!q.exec(statement))
            return SqlErrors::fromQuery(
                q, VaultMigrator::tr("The setup failed at:\n%1\n").arg(statement.left(400)));
    }
    run.report.actions << VaultMigrator::tr("Created or updated the group roles %1_owner, "
                                            "%1_admin, %1_developer, %1_viewer and %1_verifier, "
                                            "their privileges and row-level security.")
                              .arg(options.rolePrefix);
    if (auto mapped = MigrationLogins::map(run.to, run.currentMembers, options, run.report);
        !mapped)
        return mapped;
    return checkAuditCopy(run);
}

} // namespace

Result<MigrationReport> VaultMigrator::copyToPostgres(SqlKeyStore &source, const PgConnInfo &target,
                                                      const MigrationOptions &options,
                                                      const Clock &clock)
{
    if (auto valid = PostgresSetup::validateRolePrefix(options.rolePrefix); !valid)
        return valid.error();
    if (auto owner = signedInOwner(source); !owner)
        return owner.error();
    if (!options.loginPassword.isEmpty()) {
        if (auto valid = Permissions::validatePassphraseLength(int(options.loginPassword.size()));
            !valid)
            return valid.error();
    }
    auto security = PostgresSetup::securityStatements(options.rolePrefix);
    if (!security)
        return security.error();

    const QString where = target.displayName();
    SqlConnection connection(QStringLiteral("QPSQL"), QStringLiteral("migrate"));
    QSqlDatabase &db = connection.database();
    if (!db.isValid())
        return SqlConnection::driverMissing(QStringLiteral("QPSQL"));
    PgConnInfo info = target;
    if (!info.contains(QStringLiteral("application_name")))
        info.setValue(QStringLiteral("application_name"), QStringLiteral("keyward-migrate"));
    info = info.withClientDefaults();
    if (auto applied = info.applyTo(db); !applied)
        return applied.error();
    if (!db.open())
        return SqlErrors::fromConnectError(db.lastError(), where);
    SqlQuery q(db);
    // Re-applied policies and roles would otherwise print a NOTICE each.
    q.exec(QStringLiteral("SET client_min_messages = warning"));
    if (auto empty = requireEmptyDatabase(db, where); !empty)
        return empty.error();

    MigrationReport report;
    CopyRun run {source.database(), db, source.engine(), SqlEngine::Postgres, report};
    if (!q.exec(QStringLiteral("BEGIN")))
        return SqlErrors::fromQuery(q, tr("Cannot start writing to %1.").arg(where));
    if (auto snapshot = beginSnapshot(run.from, run.fromEngine); !snapshot) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return snapshot.error();
    }
    Result<void> built = buildPostgresVault(run, options, *security, clock.nowMs());
    endSnapshot(run.from);
    if (!built) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return built.error();
    }
    // QSqlDatabase::commit() also notices a COMMIT that the server turned into a ROLLBACK.
    if (!db.commit()) {
        const Error error = SqlErrors::fromSqlError(
            db.lastError(), tr("Could not save the copy in %1; nothing was written.").arg(where));
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    return report;
}

} // namespace Keyward
