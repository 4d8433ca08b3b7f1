#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace Keyward {

struct BackupSummary
{
    qint64 bytes = 0;
    int pages = 0;
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

    // Puts a backup's content into the vault file, in place: the backup is checked in full
    // first and must be of this vault (the same root key), the vault as it was is kept beside
    // it (VAULT.before-restore-<time>, also when it is damaged), and processes that have the
    // vault open see the restored content as a change (the change counters move forward, never
    // back, so their caches reload).
    static Result<RestoreSummary> restore(const QString &vaultPath, const QString &backupPath,
                                          qint64 nowMs, int busyTimeoutMs = 10000);
};

} // namespace Keyward
