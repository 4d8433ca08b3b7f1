#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl audit list|verify`: read the append-only log and check its hash chain.
class AuditCommands
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommands)
public:
    static ExitCode list(CommandContext &context);
    // Exit 0 when the chain is intact, 1 when a row was changed or removed.
    static ExitCode verify(CommandContext &context);
};

} // namespace Keyward::Cli
