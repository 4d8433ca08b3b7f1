#pragma once

#include "Settings.h"

#include <QCoreApplication>
#include <QString>

namespace Keyward {

class SqlKeyStore;

// What this install remembers about a vault file outside it (Settings): the fingerprint it
// pinned, and the newest audit row it saw. Whoever can write the file can rewrite anything in
// it, history included, but not these: a replaced root key is refused at open, and a history
// cut short or rewritten since the last look is reported.
class VaultMemory
{
    Q_DECLARE_TR_FUNCTIONS(VaultMemory)
public:
    enum class History {
        Unknown, // nothing remembered yet (a first open here), or the log could not be read
        Continues, // the row seen last is still there, unchanged
        Truncated, // it is gone: the newest rows were deleted, or an older copy put back
        Rewritten, // a row with its id is there, but not the one seen
    };

    VaultMemory(Settings &settings, QString vaultPath);

    History checkHistory(SqlKeyStore &store) const;
    // For the banner: what happened to the history of the vault, in a sentence or two.
    QString describe(History history) const;
    // Remembers the vault's newest audit row as seen.
    void rememberNewest(SqlKeyStore &store);
    // A signed vault whose fingerprint this install has not pinned yet gets it pinned
    // (trust on first use); true when it pinned it now.
    bool pinIfUnpinned(const SqlKeyStore &store);
    QString pinned() const { return m_settings.pinnedFingerprint(m_path); }

private:
    Settings &m_settings;
    QString m_path;
};

} // namespace Keyward
