#pragma once

#include "core/Result.h"
#include "crypto/SecretString.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Keyward {

class Clock;
class SqlKeyStore;

struct BackupSummary
{
    qint64 bytes = 0;
    int pages = 0;
};

struct ServerBackupSummary
{
    qint64 bytes = 0;
    qint64 keys = 0;
    qint64 auditRows = 0; // copied from the server (the copy adds its own signing rows)
    QString fingerprint; // the copy's root key, the signed-in Owner's
    QStringList membersWithoutPassphrase; // copied, but cannot sign in to the file
};

struct RestoreSummary
{
    QString keptPath; // the vault as it was before, kept beside it
    bool keptChecked = true; // false: the replaced vault was damaged, kept byte for byte
};

// A backup of a vault file while it stays in use: SQLite's online backup API copies a
// consistent snapshot (what was committed when the copy finished, the -wal included) page by
// page, and other processes go on reading and writing meanwhile. The copy is checked in full
// (VaultIntegrity: every page, index, record and the audit chain) before it gets its name, and
// it never replaces an existing file: a backup cannot destroy the backup it was meant to keep.
class VaultBackup
{
    Q_DECLARE_TR_FUNCTIONS(VaultBackup)
public:
    static Result<BackupSummary> backup(const QString &vaultPath, const QString &targetPath,
                                        int busyTimeoutMs = 10000);

    // A backup of a PostgreSQL vault: a vault file copy as `keywardctl migrate` makes it
    // (VaultMigrator::copyToSqlite, one snapshot of the server), in which the signed-in Owner
    // of `source` gets newPassphrase and the other members none (a server keeps no passphrases).
    // The Owner then signs in to the copy, which makes them its root and signs every key row,
    // and the copy is checked in full (VaultIntegrity) before it gets its name. Like backup():
    // never over an existing file, written readable by the owner only, nothing left behind on
    // failure (a dropped connection included).
    static Result<ServerBackupSummary> backupServer(SqlKeyStore &source, const QString &targetPath,
                                                    const SecretString &newPassphrase,
                                                    const Clock &clock);

    // Puts a backup's content into the vault file, in place: the backup is checked in full
    // first and must be of this vault (the same root key), the vault as it was is kept beside
    // it (VAULT.before-restore-<time>, also when it is damaged), and processes that have the
    // vault open see the restored content as a change (the change counters move forward, never
    // back, so their caches reload).
    static Result<RestoreSummary> restore(const QString &vaultPath, const QString &backupPath,
                                          qint64 nowMs, int busyTimeoutMs = 10000);
};

} // namespace Keyward
