#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl report hygiene`: keys that need looking after (HygieneReport), for people and
// for CI (exit 1 when there are findings).
class ReportCommands
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommands)
public:
    static ExitCode hygiene(CommandContext &context);
};

} // namespace Keyward::Cli
