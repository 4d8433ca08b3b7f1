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
};

} // namespace Keyward
