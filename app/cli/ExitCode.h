#pragma once

#include "core/Result.h"

namespace Keyward::Cli {

// keywardctl's exit codes, part of its contract with scripts.
enum class ExitCode : int {
    Success = 0, // done; for verify: the key is valid (HTTP 200)
    Refused = 1, // any other verify outcome, or an operation refused (permission, input,
                 // stale version, not found, wrong passphrase, cancelled)
    Usage = 2, // the command line itself is wrong: unknown command or option, missing or
               // unparseable argument
    VaultError = 3, // the vault cannot be used: missing, corrupt, locked, foreign, too new,
                    // storage or crypto failure
};

ExitCode exitCodeFor(ErrorCode code);

} // namespace Keyward::Cli
