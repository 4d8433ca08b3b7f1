#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl member add|list|remove|role|passphrase`. Changes need an Owner, except that
// members set their own passphrase; the store checks that.
class MemberCommands
{
    Q_DECLARE_TR_FUNCTIONS(MemberCommands)
public:
    static ExitCode add(CommandContext &context);
    static ExitCode list(CommandContext &context);
    static ExitCode remove(CommandContext &context);
    static ExitCode certify(CommandContext &context);
    static ExitCode role(CommandContext &context);
    static ExitCode passphrase(CommandContext &context);
};

} // namespace Keyward::Cli
