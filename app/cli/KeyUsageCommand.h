#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl key usage ID`: requests per hour and outcome, last use per secret and the newest
// request-log rows, as saved by the verifiers (their latest flush interval is not in it yet).
class KeyUsageCommand
{
    Q_DECLARE_TR_FUNCTIONS(KeyUsageCommand)
public:
    static ExitCode run(CommandContext &context);
};

} // namespace Keyward::Cli
