#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl vault backup FILE`: an online copy of a vault file, checked in full before it is
// kept (VaultBackup). No sign-in, like `vault check`: whoever can read the file could copy it.
class VaultBackupCommand
{
    Q_DECLARE_TR_FUNCTIONS(VaultBackupCommand)
public:
    static ExitCode run(CommandContext &context);
};

} // namespace Keyward::Cli
