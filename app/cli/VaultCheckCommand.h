#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl vault check`: the full check of a vault file (VaultIntegrity). No sign-in: it
// reads the file and changes nothing. Exit 0 when no damage was found, 3 when some was (each
// problem on stderr, or in the JSON), or when the file could not be checked at all.
class VaultCheckCommand
{
    Q_DECLARE_TR_FUNCTIONS(VaultCheckCommand)
public:
    static ExitCode run(CommandContext &context);
};

} // namespace Keyward::Cli
