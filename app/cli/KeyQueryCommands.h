#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl key list|show|calendar`: read-only, any member.
class KeyQueryCommands
{
    Q_DECLARE_TR_FUNCTIONS(KeyQueryCommands)
public:
    static ExitCode list(CommandContext &context);
    static ExitCode show(CommandContext &context);
    static ExitCode calendar(CommandContext &context);
};

} // namespace Keyward::Cli
