#pragma once

#include "AuditLog.h"
#include "KeyStore.h"
#include "SqlDialect.h"
#include "VaultMigrator.h"
#include "core/Member.h"
#include "core/Role.h"

#include <QHash>
#include <QString>
#include <QVector>

class QSqlDatabase;

namespace Keyward {

class SqlKeyStore;

// What VaultMigrator's two directions (to a server, to a file) share: the source's snapshot,
// every table copied with its ids, the id sequences continued after the source's and the copied
// audit chain checked against the source's. The target's schema and its transaction are the
// caller's.
namespace MigrationCopy {

// A member not removed: the PostgreSQL target gives them a login.
struct CurrentMember
{
    QString name;
    Role role = Role::Viewer;
};

// State of one copy: the two connections and what was seen on the way.
struct CopyRun
{
    CopyRun(QSqlDatabase &source, QSqlDatabase &target, SqlEngine sourceEngine,
            SqlEngine targetEngine, MigrationReport &out)
        : from(source)
        , to(target)
        , fromEngine(sourceEngine)
        , toEngine(targetEngine)
        , report(out)
    { }

    QSqlDatabase &from;
    QSqlDatabase &to;
    SqlEngine fromEngine;
    SqlEngine toEngine;
    MigrationReport &report;
    // Highest id per identity table, counting ids that only other rows still mention (the audit
    // log names deleted keys; the request log, deleted secrets): the copy must never hand them
    // out again.
    QHash<QString, qint64> highestId;
    QHash<QString, qint64> sourceNext; // from the source's sequences, where it lets us read them
    QVector<CurrentMember> currentMembers;
    AuditVerification sourceAudit;
};

// The signed-in member, read again, if they are an Owner of the vault.
Result<Member> signedInOwner(SqlKeyStore &source);

// One consistent picture of the source, however long the copy takes.
Result<void> beginSnapshot(QSqlDatabase &db, SqlEngine engine);
void endSnapshot(QSqlDatabase &db);

// Everything but the schema: settings, grant catalogue, members, keys, secrets, usage and the
// audit log. rolePrefix is recorded for a PostgreSQL target; passphraseMember gets the PHC hash
// phc in a SQLite copy of a server vault.
Result<void> copyEverything(CopyRun &run, const QString &rolePrefix,
                            const QString &passphraseMember, const QString &phc);
// The copy's chain must check out exactly as the source's did, row for row.
Result<void> checkAuditCopy(CopyRun &run);
// The report's lines about what was copied.
void describeCopy(MigrationReport &report);

} // namespace MigrationCopy

} // namespace Keyward
