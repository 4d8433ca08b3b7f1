#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <atomic>

namespace Keyward {

struct TamperedKey;
class VerifiedSignatures;

// One thing found wrong in a vault file.
struct VaultProblem
{
    QString check; // "integrity", "foreign_keys", "settings", "members", "secrets", "audit"
    QString detail; // translated, for people
};

// The full check of a vault file: PRAGMA integrity_check (every page, and every index against
// its table, which the open's quick_check leaves out), foreign keys, and Keyward's own rules
// (settings present, member rows well formed, secret hashes 32 bytes, the audit chain).
// Reads the whole file through a read-only connection of its own, so it may run on any thread
// while the vault is in use; it writes nothing and leaves no -wal or -shm it created behind.
class VaultIntegrity
{
    Q_DECLARE_TR_FUNCTIONS(VaultIntegrity)
public:
    // The problems found (empty: intact), or the error that kept the check from running
    // (no such file, not a vault, locked, written by a newer Keyward, stopped). stop (may be
    // null): when it turns true, the check ends within milliseconds, also while it waits for a
    // lock (a window leaving the vault).
    static Result<QVector<VaultProblem>> check(const QString &path, int busyTimeoutMs = 5000,
                                               const std::atomic<bool> *stop = nullptr);

    // The keys whose signature does not hold (VaultSigning::tamperedKeys), read the same way:
    // for a window that marks them without reading every key's signature on its own thread.
    // acceptedRoot: the root key the caller accepted when it opened the vault (pinned, or seen
    // then); a file whose root was replaced since trusts nothing that root certified. Empty:
    // the file's own root. verified: signatures already verified in this process (see
    // VerifiedSignatures), grown by this check; may be null. stop: see VaultSigning.
    static Result<QVector<TamperedKey>> tamperedKeys(const QString &path,
                                                     const QByteArray &acceptedRoot,
                                                     VerifiedSignatures *verified = nullptr,
                                                     int busyTimeoutMs = 5000,
                                                     const std::atomic<bool> *stop = nullptr);
};

} // namespace Keyward
