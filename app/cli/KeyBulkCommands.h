#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl key bulk ACTION ID...` (one transaction, one audit row per key, refusals
// reported per key while the others go through) and `keywardctl key export` (metadata as CSV
// or JSON, never a secret): issue 16 §3 for scripts and cron jobs.
class KeyBulkCommands
{
    Q_DECLARE_TR_FUNCTIONS(KeyBulkCommands)
public:
    static ExitCode bulk(CommandContext &context);
    static ExitCode exportKeys(CommandContext &context);
};

} // namespace Keyward::Cli
