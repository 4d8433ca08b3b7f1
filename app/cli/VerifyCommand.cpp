#include "VerifyCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "Terminal.h"
#include "TokenLineReader.h"
#include "store/SqlKeyStore.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

namespace Keyward::Cli {

namespace {

const QString kEnv = QStringLiteral("env");
const QString kGrant = QStringLiteral("grant");
const QString kSource = QStringLiteral("source");
const QString kStdin = QStringLiteral("stdin");

QStringList splitGrants(const QStringList &values)
{
    QStringList grants;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            grants.append(part.trimmed());
    }
    return grants;
}

} // namespace

ExitCode VerifyCommand::run(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("--env live|stg|dev [--grant G]... [--source S] TOKEN|-|--stdin"),
        tr("Checks a key as an API would: exit 0 when it is valid (HTTP 200), 1 otherwise. "
           "\"-\" reads one token from stdin, which keeps it out of the process list. --stdin "
           "reads one token per line and prints one result per line, in order (a blank line is "
           "answered Malformed). Needs no member login. With --json: "
           "{\"outcome\":...,\"http\":...,\"caller_message\":...,...}; \"http\", "
           "\"retry_after_s\" and \"caller_message\" are for the API client, \"reason\" and the "
           "key fields only for your logs. Rate and usage limits count every verifier on the "
           "vault or database together, this run included."));
    parser.addValueOption(kEnv, tr("ENV"), tr("The environment the request is for."));
    parser.addValueOption(kGrant, tr("GRANT"), tr("A grant the request needs; repeat for more."));
    parser.addValueOption(kSource, tr("SOURCE"),
                          tr("Who presented the key (an IP address or service name)."));
    parser.addFlag(kStdin, tr("Verify one token per line of stdin, one result per line."));
    if (auto done = parser.parse(0, 1))
        return *done;
    const bool lines = parser.isSet(kStdin);
    if (lines && !parser.positional().isEmpty())
        return parser.usageError(tr("Give either --stdin or a token, not both."));
    if (!lines && parser.positional().isEmpty())
        return parser.usageError(tr("Give a token, \"-\" to read one from stdin, or --stdin."));
    if (!parser.isSet(kEnv))
        return parser.usageError(tr("--env is required."));
    const std::optional<Environment> env = environmentFromCode(parser.value(kEnv));
    if (!env)
        return parser.usageError(
            tr("Unknown environment \"%1\"; use live, stg or dev.").arg(parser.value(kEnv)));
    const Request request {*env, splitGrants(parser.values(kGrant)), parser.value(kSource)};

    SqlKeyStore *store = context.openStore();
    if (!store)
        return context.failure();
    Verifier verifier(*store, context.clock());
    UsageRecorder recorder(*store, context.clock());
    verifier.setRecorder(&recorder);

    ExitCode code = ExitCode::Success;
    if (lines) {
        // Many lines, one process: keep keys in memory, still honouring a revocation made
        // meanwhile by anyone within the cache's check interval.
        verifier.enableCache();
        code = verifyLines(context, verifier, request);
    } else {
        code = verifyOne(context, verifier, request, parser.positional().constFirst());
    }
    // The answer stands either way; a failed save only loses statistics, so it is a warning.
    if (auto saved = recorder.flush(); !saved)
        context.output().message(
            tr("keywardctl: warning: usage was not recorded: %1").arg(saved.errorMessage()));
    return code;
}

ExitCode VerifyCommand::verifyOne(CommandContext &context, Verifier &verifier,
                                  const Request &request, const QString &argument)
{
    SecretString token;
    if (argument == QLatin1String("-")) {
        token = Terminal::readLineFromStdin();
    } else {
        QByteArray bytes = argument.toUtf8();
        token = SecretString(bytes.constData(), std::size_t(bytes.size()));
        bytes.fill('\0');
    }
    auto result = verifier.verify(token, request.environment, request.grants, request.source);
    token.clear();
    if (!result)
        return context.fail(result.error());
    report(context, *result);
    return result->isValid() ? ExitCode::Success : ExitCode::Refused;
}

ExitCode VerifyCommand::verifyLines(CommandContext &context, Verifier &verifier,
                                    const Request &request)
{
    TokenLineReader reader(STDIN_FILENO);
    bool allValid = true;
    bool storeFailed = false;
    const char *data = nullptr;
    std::size_t size = 0;
    while (reader.next(data, size)) {
        if (QByteArrayView(data, qsizetype(size)).trimmed().isEmpty()) {
            // Answered, so output line N stays the answer to input line N; not recorded, since
            // an empty line is a gap in the input, not a request.
            VerifyResult empty;
            empty.outcome = VerifyOutcome::Malformed;
            empty.reason = tr("The line is empty.");
            report(context, empty);
            allValid = false;
            continue;
        }
        auto result =
            verifier.verify(data, size, request.environment, request.grants, request.source);
        if (!result) {
            // Keep going: the line gets an answer, and the vault may be back for the next one.
            reportError(context, result.errorMessage());
            storeFailed = true;
            continue;
        }
        report(context, *result);
        allValid = allValid && result->isValid();
    }
    if (reader.hadReadError())
        return context.fail(ExitCode::Usage, tr("Could not read stdin."));
    if (storeFailed)
        return ExitCode::VaultError;
    return allValid ? ExitCode::Success : ExitCode::Refused;
}

void VerifyCommand::report(CommandContext &context, const VerifyResult &result)
{
    Output &output = context.output();
    if (output.isJson()) {
        // For the API client: http, retry_after_*, caller_message. For logs and admins only:
        // reason, key_*, missing_grants, usage_*; the grants and customer of a valid key are for
        // the service to authorise the request.
        QJsonObject object {{QStringLiteral("outcome"), result.code()},
                            {QStringLiteral("http"), result.httpStatus()},
                            {QStringLiteral("caller_message"), result.callerMessage()}};
        if (const auto seconds = result.retryAfterSeconds()) {
            object.insert(QStringLiteral("retry_after_ms"), double(*result.retryAfterMs));
            object.insert(QStringLiteral("retry_after_s"), double(*seconds));
        }
        if (result.hasKey()) {
            object.insert(QStringLiteral("key_id"), double(result.keyId));
            object.insert(QStringLiteral("key_name"), result.keyName);
        }
        if (result.usageLimit) {
            object.insert(QStringLiteral("usage_limit"), double(*result.usageLimit));
            object.insert(QStringLiteral("usage_count"), double(result.usageCount));
        }
        if (result.isValid()) {
            object.insert(QStringLiteral("grants"), QJsonArray::fromStringList(result.grants));
            object.insert(QStringLiteral("customer"), result.customer);
            object.insert(QStringLiteral("environment"), environmentCode(result.environment));
        } else {
            object.insert(QStringLiteral("reason"), result.reason);
            if (!result.missingGrants.isEmpty())
                object.insert(QStringLiteral("missing_grants"),
                              QJsonArray::fromStringList(result.missingGrants));
        }
        output.printJson(object);
        return;
    }
    if (result.isValid()) {
        output.print(tr("%1 (%2): key %3 \"%4\", grants %5")
                         .arg(result.code())
                         .arg(result.httpStatus())
                         .arg(result.keyId)
                         .arg(result.keyName, result.grants.join(QStringLiteral(", "))));
    } else if (const auto seconds = result.retryAfterSeconds()) {
        output.print(tr("%1 (%2, retry after %3 s): %4")
                         .arg(result.code())
                         .arg(result.httpStatus())
                         .arg(*seconds)
                         .arg(result.reason));
    } else {
        output.print(
            tr("%1 (%2): %3").arg(result.code()).arg(result.httpStatus()).arg(result.reason));
    }
}

void VerifyCommand::reportError(CommandContext &context, const QString &message)
{
    // 503: the service should answer "try again later", not "your key is bad".
    Output &output = context.output();
    if (output.isJson()) {
        output.printJson(QJsonObject {{QStringLiteral("outcome"), QStringLiteral("Error")},
                                      {QStringLiteral("http"), 503},
                                      {QStringLiteral("reason"), message}});
    } else {
        output.print(tr("Error (503): %1").arg(message));
    }
}

} // namespace Keyward::Cli
