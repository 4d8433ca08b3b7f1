#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl init`: a new vault whose first member is its Owner.
class InitCommand
{
    Q_DECLARE_TR_FUNCTIONS(InitCommand)
public:
    static ExitCode run(CommandContext &context);
};

} // namespace Keyward::Cli
