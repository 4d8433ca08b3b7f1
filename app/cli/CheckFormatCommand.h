#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl check-format [--prefix P]... [FILE...]`: a secret scanner's second opinion, and a
// pre-commit hook. Reads files (or stdin) and reports every Keyward key whose CRC32 check
// matches, by its hint only; no vault is opened. Exit 0 when none was found, 1 when one was (a
// leak), 2 on a usage error or an unreadable file. Near-misses (wrong check, cut short) are
// reported as notes and do not change the exit code.
class CheckFormatCommand
{
    Q_DECLARE_TR_FUNCTIONS(CheckFormatCommand)
public:
    static ExitCode run(CommandContext &context);
};

} // namespace Keyward::Cli
