#pragma once

#include "ExitCode.h"
#include "VerifyWorkers.h"
#include "core/Environment.h"
#include "verify/VerifyRequest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace Keyward {
class SqlKeyStore;
class Verifier;
struct VerifyResult;
} // namespace Keyward

namespace Keyward::Cli {

class CommandContext;
class TokenLineReader;

// `keywardctl verify`: what a service runs to check a presented key. No member login.
// One token (argv or "-"): exit 0 for HTTP 200, 1 for any other outcome.
// `--stdin`: one token per line in, one result per line out, in the same order (a blank line is
// answered Malformed without being recorded), one process and one cache for all lines; exit 0
// when every line was valid, 1 when any was refused, 3 when the vault failed on any line.
// `--threads N`: the lines are verified on N threads (VerifyWorkers), answers still in order.
// Usage (last use, counts, request log) is recorded write-behind and saved before exiting.
class VerifyCommand
{
    Q_DECLARE_TR_FUNCTIONS(VerifyCommand)
public:
    static ExitCode run(CommandContext &context);

private:
    using Request = VerifyRequest;
    static ExitCode verifyOne(CommandContext &context, Verifier &verifier, const Request &request,
                              const QString &argument);
    static ExitCode verifyLines(CommandContext &context, SqlKeyStore &store, Verifier &verifier,
                                const Request &request);
    static ExitCode verifyLinesOnThreads(CommandContext &context, Verifier &verifier,
                                         const Request &request, int threads);
    // The answer to one --stdin line, appended to `line`; any thread, with its own verifier.
    static VerifyWorkers::LineOutcome answerLine(Verifier &verifier, const Request &request,
                                                 bool json, const char *data, std::size_t size,
                                                 QByteArray &line);
    static VerifyResult emptyLineResult();
    // How a --stdin run ends once its last answer is out (or could not get out).
    static ExitCode linesOutcome(CommandContext &context, const TokenLineReader &reader,
                                 bool storeFailed, bool allValid);
    // One answer line (JSON or text), appended to `line` without its newline.
    static void formatResult(QByteArray &line, bool json, const VerifyResult &result);
    static void formatError(QByteArray &line, bool json, const QString &message);
    static void report(CommandContext &context, const VerifyResult &result);
};

} // namespace Keyward::Cli
