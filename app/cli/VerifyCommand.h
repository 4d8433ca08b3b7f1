#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward {
struct VerifyResult;
}

namespace Keyward::Cli {

class CommandContext;

// `keywardctl verify`: what a service runs to check a presented key. No member login; exit 0
// for HTTP 200, 1 for any other outcome.
class VerifyCommand
{
    Q_DECLARE_TR_FUNCTIONS(VerifyCommand)
public:
    static ExitCode run(CommandContext &context);

private:
    static void report(CommandContext &context, const VerifyResult &result);
};

} // namespace Keyward::Cli
