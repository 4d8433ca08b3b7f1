#pragma once

#include "PgConnInfo.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "crypto/SecretString.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Keyward {

class SqlKeyStore;

struct MigrationOptions
{
    // PostgreSQL target: the vault's group roles are <rolePrefix>_owner, ... (as for db setup).
    QString rolePrefix = QStringLiteral("keyward");
    // PostgreSQL target: create the missing logins of current members and grant every current
    // member's login its group. Otherwise no login is touched and the report lists what a DBA
    // must create.
    bool createLogins = false;
    // The password of the logins createLogins creates (empty: none, for peer or certificate
    // authentication). Existing logins keep theirs.
    SecretString loginPassword;
    // SQLite target from PostgreSQL: the signed-in Owner's passphrase in the new vault file.
    // Nobody else's can be known, so the other members are copied without one (see the report).
    SecretString newPassphrase;
};

// A member of a PostgreSQL copy whose login a DBA still has to create or put in its group.
struct MissingLogin
{
    QString name;
    QString group; // <rolePrefix>_owner, ...
    bool exists = false; // the login exists but is not in the group
};

struct MigrationReport
{
    qint64 members = 0;
    qint64 keys = 0;
    qint64 secrets = 0;
    qint64 auditRows = 0;
    qint64 usageRows = 0; // hourly counters
    qint64 requestRows = 0; // request log
    QByteArray auditHead; // the hash of the last audit row, equal in source and copy
    bool auditIntact = true; // as found in the source (a damaged chain is copied as it is)
    QStringList actions; // translated, one per step, for the CLI to print
    QStringList loginsCreated;
    QVector<MissingLogin> missingLogins;
    QStringList dbaStatements; // SQL for a DBA to create missingLogins (quoted by the server)
    QStringList membersWithoutPassphrase; // SQLite copy of a server vault: cannot sign in yet
};

// Copies a whole vault, SQLite or PostgreSQL, into a new SQLite file or an empty PostgreSQL
// database: settings, grant catalogue, members, keys with their secrets' hashes, usage and the
// audit chain, all with their ids, so that the copy's audit chain is byte-for-byte the source's
// and `audit verify` passes on it. Identity sequences continue after the source's, so the ids of
// deleted keys are never reused.
//
// The source must be signed in as an Owner (a copy carries every key's hash and the audit log);
// it is read in one snapshot and not changed. The target is written in one transaction: on any
// failure a PostgreSQL database is left as it was and a new vault file is deleted. A target that
// is not empty is refused: never a silent merge.
class VaultMigrator
{
    Q_DECLARE_TR_FUNCTIONS(VaultMigrator)
public:
    // The target connects as the database owner (with CREATEROLE, like `db setup`): it creates
    // the schema, the group roles, privileges and row-level security in the same transaction.
    static Result<MigrationReport> copyToPostgres(SqlKeyStore &source, const PgConnInfo &target,
                                                  const MigrationOptions &options,
                                                  const Clock &clock);
    // path must not exist. From a local vault, every member keeps their passphrase; from a
    // server, only the signed-in Owner gets one (options.newPassphrase).
    static Result<MigrationReport> copyToSqlite(SqlKeyStore &source, const QString &path,
                                                const MigrationOptions &options,
                                                const Clock &clock);
};

} // namespace Keyward
