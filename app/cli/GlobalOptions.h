#pragma once

#include <QString>

namespace Keyward::Cli {

// Options every command understands, before or after the command words.
struct GlobalOptions
{
    QString vaultPath; // --vault; empty: VaultFile::defaultPath()
    QString memberName; // --member; empty: $KEYWARD_MEMBER
    bool json = false; // --json
};

} // namespace Keyward::Cli
