#pragma once

#include <QString>

namespace Keyward {

// Vault files this process holds open through SQLite, with a count per file (any thread).
// Closing any other descriptor of such a file drops the process's POSIX locks on it (a POSIX
// rule SQLite works around only for its own descriptors), so the raw header check must not
// reopen it.
class OpenVaultFiles
{
public:
    static bool contains(const QString &path);
    // Counts one more store holding path open; returns the key to release it with.
    static QString acquire(const QString &path);
    static void release(const QString &key);
};

} // namespace Keyward
