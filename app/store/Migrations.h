#pragma once

#include "SqlDialect.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace Keyward {

// Numbered SQL files in resources/migrations, applied in one transaction and recorded in
// schema_version.
class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(Migrations)
public:
    static int latestVersion();
    // 0 for a database without a schema_version table.
    static Result<int> currentVersion(QSqlDatabase &db);
    // Brings the schema to latestVersion() in one transaction; the caller holds no transaction.
    static Result<void> migrate(QSqlDatabase &db, const SqlDialect &dialect, qint64 nowMs);
    // migrate() only when the schema is behind: a vault already at latestVersion() is opened
    // without the write lock, so opening it (a one-shot verify, a server starting) does not
    // wait for, or fail beside, writers such as busy verifiers recording usage. A vault file
    // behind waits up to upgradeBusyTimeoutMs for the write lock (0: the connection's busy
    // timeout), since the holder is most likely another program upgrading it.
    static Result<void> migrateIfBehind(QSqlDatabase &db, const SqlDialect &dialect, qint64 nowMs,
                                        int upgradeBusyTimeoutMs = 0);
    // The same steps inside a transaction the caller holds, commits or rolls back: for building
    // a whole vault in one transaction (VaultMigrator).
    static Result<void> applyPending(QSqlDatabase &db, const SqlDialect &dialect, qint64 nowMs);
};

} // namespace Keyward
