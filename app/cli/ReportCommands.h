#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl report hygiene`: keys that need looking after (HygieneReport), for people and
// for CI (exit 1 when there are findings that nobody dismissed); `report dismiss|restore` for
// a finding someone decided to leave, with the reason; `vault policy` for the rotation policy
// the report checks (an Owner setting).
class ReportCommands
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommands)
public:
    static ExitCode hygiene(CommandContext &context);
    static ExitCode dismiss(CommandContext &context);
    static ExitCode restore(CommandContext &context);
    static ExitCode policy(CommandContext &context);
};

} // namespace Keyward::Cli
