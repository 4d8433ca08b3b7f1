// VaultMigrator, file or server to file: a copy into a new SQLite vault file.
#include "VaultMigrator.h"

#include "MigrationCopy.h"
#include "Migrations.h"
#include "SqlConnection.h"
#include "SqlDialect.h"
#include "SqlErrors.h"
#include "SqlKeyStore.h"
#include "VaultFile.h"
#include "core/Permissions.h"
#include "crypto/PassphraseHasher.h"

#include <QFile>
#include <QSqlQuery>

namespace Keyward {

using namespace MigrationCopy;

namespace {

void removeVaultFiles(const QString &path)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

Result<void> buildSqliteVault(CopyRun &run, const QString &passphraseMember, const QString &phc,
                              qint64 nowMs)
{
    SqlQuery q(run.to);
    // application_id before anything else, so that it lands in the main file.
    if (!q.exec(QStringLiteral("PRAGMA application_id = %1").arg(VaultFile::kApplicationId))
        || !q.exec(QStringLiteral("PRAGMA journal_mode = WAL"))
        || !q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return SqlErrors::fromQuery(q, VaultMigrator::tr("Cannot prepare the new vault."));
    q.finish();
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return SqlErrors::fromQuery(q, VaultMigrator::tr("Cannot prepare the new vault."));
    const SqlDialect dialect(SqlEngine::Sqlite);
    if (auto schema = Migrations::applyPending(run.to, dialect, nowMs); !schema)
        return schema;
    if (auto copied = copyEverything(run, QString(), passphraseMember, phc); !copied)
        return copied;
    describeCopy(run.report);
    return checkAuditCopy(run);
}

} // namespace

Result<MigrationReport> VaultMigrator::copyToSqlite(SqlKeyStore &source, const QString &path,
                                                    const MigrationOptions &options,
                                                    const Clock &clock)
{
    auto owner = signedInOwner(source);
    if (!owner)
        return owner.error();
    // A server vault has no passphrases to copy: the Owner making the copy chooses theirs.
    QString phc;
    if (source.engine() == SqlEngine::Postgres) {
        if (auto valid = Permissions::validatePassphraseLength(int(options.newPassphrase.size()));
            !valid)
            return valid.error();
        phc = PassphraseHasher::hash(options.newPassphrase);
        if (phc.isEmpty())
            return makeError(ErrorCode::CryptoFailure, tr("Could not hash the passphrase."));
    }
    if (auto created = VaultFile::createEmpty(path); !created)
        return created.error();

    MigrationReport report;
    Result<void> built;
    {
        SqlConnection connection(QStringLiteral("QSQLITE"), QStringLiteral("migrate"));
        QSqlDatabase &db = connection.database();
        db.setDatabaseName(path);
        if (!db.isValid()) {
            built = SqlConnection::driverMissing(QStringLiteral("QSQLITE"));
        } else if (!db.open()) {
            built = SqlErrors::fromSqlError(db.lastError(), tr("Cannot create %1.").arg(path));
        } else {
            CopyRun run {source.database(), db, source.engine(), SqlEngine::Sqlite, report};
            built = beginSnapshot(run.from, run.fromEngine);
            if (built) {
                built = buildSqliteVault(run, owner->name, phc, clock.nowMs());
                endSnapshot(run.from);
            }
            SqlQuery q(db);
            if (built && !q.exec(QStringLiteral("COMMIT")))
                built = SqlErrors::fromQuery(q, tr("Could not save %1.").arg(path));
            if (!built)
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        }
    }
    if (!built) {
        removeVaultFiles(path);
        return built.error();
    }
    return report;
}

} // namespace Keyward
