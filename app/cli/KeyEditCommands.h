#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl key rename|edit|regenerate`: what may change after creation. Role and grants
// never change (create a new key instead); an expiry can only get shorter.
class KeyEditCommands
{
    Q_DECLARE_TR_FUNCTIONS(KeyEditCommands)
public:
    static ExitCode rename(CommandContext &context);
    static ExitCode edit(CommandContext &context);
    // stdout gets the new token and nothing else.
    static ExitCode regenerate(CommandContext &context);
    // Admins and Owners: what a key has used counts from 0 again.
    static ExitCode resetUsage(CommandContext &context);
    // The previous secret stops now instead of at the end of its grace period.
    static ExitCode endGrace(CommandContext &context);
};

} // namespace Keyward::Cli
