#pragma once

#include <QString>

namespace Keyward::Cli {

// Options every command understands, before or after the command words.
struct GlobalOptions
{
    QString vaultPath; // --vault; empty: VaultFile::defaultPath()
    // --db: a PostgreSQL vault (libpq conninfo or URI); empty: $KEYWARD_DB unless --vault is
    // given. --vault and --db together are a usage error.
    QString dbConninfo;
    QString memberName; // --member; empty: $KEYWARD_MEMBER
    bool json = false; // --json
    QString pin; // --pin: the vault's expected fingerprint; empty: $KEYWARD_VAULT_PIN
};

} // namespace Keyward::Cli
