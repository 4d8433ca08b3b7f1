#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl key create`: stdout gets the new token and nothing else.
class KeyCreateCommand
{
    Q_DECLARE_TR_FUNCTIONS(KeyCreateCommand)
public:
    static ExitCode run(CommandContext &context);
};

} // namespace Keyward::Cli
