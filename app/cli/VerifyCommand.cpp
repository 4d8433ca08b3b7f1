#include "VerifyCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "PassHelp.h"
#include "Terminal.h"
#include "TokenLineReader.h"
#include "VerifyWorkers.h"
#include "store/SqlKeyStore.h"
#include "verify/CacheFiller.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"
#include "verify/VerifierCache.h"
#include "verify/VerifyResultJson.h"

#include <optional>

#include <unistd.h>

namespace Keyward::Cli {

namespace {

const QString kEnv = QStringLiteral("env");
const QString kGrant = QStringLiteral("grant");
const QString kSource = QStringLiteral("source");
const QString kStdin = QStringLiteral("stdin");
const QString kCustomer = QStringLiteral("customer");
const QString kIp = QStringLiteral("ip");
const QString kThreads = QStringLiteral("threads");
constexpr int kMaxThreads = 64;
// Lines verified together by --threads; smaller batches when the input pauses.
constexpr std::size_t kBatchLines = 512;

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
        context,
        QStringLiteral("--env live|stg|dev [--grant G]... [--customer C] [--ip ADDR] [--source S] "
                       "TOKEN|-|--stdin [--threads N]"),
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
    parser.addValueOption(kCustomer, tr("C"),
                          tr("The customer the request acts for: a key scoped to another customer "
                             "is refused (WrongCustomer)."));
    parser.addValueOption(kIp, tr("ADDR"),
                          tr("The client's IP address, checked against a key's allowlist (a key "
                             "with a list is refused when it is not given)."));
    parser.addFlag(kStdin, tr("Verify one token per line of stdin, one result per line."));
    parser.addValueOption(kThreads, tr("N"),
                          tr("With --stdin: verify on N threads (default 1); the results stay "
                             "in input order."));
    if (auto done = parser.parse(0, 1))
        return *done;
    const bool lines = parser.isSet(kStdin);
    int threads = 1;
    if (parser.isSet(kThreads)) {
        bool ok = false;
        threads = parser.value(kThreads).toInt(&ok);
        if (!ok || threads < 1 || threads > kMaxThreads)
            return parser.usageError(tr("--threads takes a number from 1 to %1.").arg(kMaxThreads));
        if (!lines)
            return parser.usageError(tr("--threads needs --stdin."));
    }
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
    Request request;
    request.environment = *env;
    request.requiredGrants = splitGrants(parser.values(kGrant));
    request.source = parser.value(kSource);
    request.customer = parser.value(kCustomer);
    if (parser.isSet(kIp)) {
        request.clientAddress = QHostAddress(parser.value(kIp).trimmed());
        if (request.clientAddress.isNull())
            return parser.usageError(
                tr("Cannot read the address \"%1\"; give an IPv4 or IPv6 address.")
                    .arg(parser.value(kIp)));
    }

    // Only the header: a one-shot verify's start-up must not grow with the vault.
    SqlKeyStore *store = context.openStore(VaultCheck::Header);
    if (!store)
        return context.failure();
    Verifier verifier(*store, context.clock());
    UsageRecorderOptions recording;
    // A one-shot verify is often called per request: its exit waits no longer for the lock
    // than its store would (usage it cannot save is then reported, not waited for).
    if (!lines)
        recording.writerBusyTimeoutMs = 0;
    UsageRecorder recorder(*store, context.clock(), recording);
    verifier.setRecorder(&recorder);

    ExitCode code = ExitCode::Success;
    if (lines) {
        // Many lines, one process: keep keys in memory, still honouring a revocation made
        // meanwhile by anyone within the cache's check interval. Lines that meet many of the
        // vault's keys have the rest read in one pass.
        VerifierCacheOptions cache;
        // Not for a vault file without a root key: later connections are held to none
        // (VaultOptions::holdToRoot), so once an Owner signs the vault the filler could not open
        // it.
        cache.fillFromStore = store->engine() == SqlEngine::Postgres || !store->rootKey().isEmpty();
        // Lines come to meet many keys: the first pass comes at 64 look-ups, not at a tenth
        // (measured on 100,000 keys and 500,000 lines: 0.92 of the time on one thread, 0.94 on
        // two, where the pass shares the cores with the verifying threads).
        cache.fillAtOnce = true;
        verifier.enableCache(cache);
        store->setPageCacheKiB(SqlKeyStore::kVerifierPageCacheKiB);
        std::optional<CacheFiller> filler;
        if (cache.fillFromStore) {
            // It reads in order, once: SQLite's default page cache will do.
            filler.emplace(verifier.shared().cache, [&context]() -> std::unique_ptr<KeyStore> {
                auto opened = context.openAnotherStore(VaultCheck::Header);
                return opened ? std::move(opened).value() : nullptr;
            });
            filler->attach();
        }
        code = threads > 1 ? verifyLinesOnThreads(context, verifier, request, threads)
                           : verifyLines(context, *store, verifier, request);
        // The last usage write begins, and the cache's memory is given back meanwhile: after a
        // pipeline over 100,000 keys each takes a while (the freeing ~0.15 s).
        recorder.beginFlush();
        filler.reset();
        verifier.disableCache();
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
    auto result = verifier.verify(token.data(), token.size(), request);
    token.clear();
    if (!result)
        return context.fail(result.error());
    report(context, *result);
    return result->isValid() ? ExitCode::Success : ExitCode::Refused;
}

ExitCode VerifyCommand::verifyLines(CommandContext &context, SqlKeyStore &store, Verifier &verifier,
                                    const Request &request)
{
    Output &output = context.output();
    const bool json = output.isJson();
    // Answers are held back while more input is ready and written when it pauses: a fast
    // producer gets large writes, a co-process asking one line at a time still gets its answer.
    // Look-ups share read snapshots likewise, none held while waiting.
    output.setBuffered(true);
    store.shareReadSnapshots(true);
    output.setBeforeFlush([&store] { store.releaseReadSnapshot(); }); // a write can block
    TokenLineReader reader(STDIN_FILENO);
    reader.setWaitHandler([&output] { output.flush(); });
    bool allValid = true;
    bool storeFailed = false;
    const char *data = nullptr;
    std::size_t size = 0;
    QByteArray line; // reused: its capacity stays across lines
    PassHelp pass(verifier.shared().cache.get(), reader);
    qint64 lines = 0;
    while (!output.outFailed() && reader.next(data, size)) {
        line.resize(0);
        const VerifyWorkers::LineOutcome outcome =
            answerLine(verifier, request, json, data, size, line);
        allValid = allValid && outcome.valid;
        storeFailed = storeFailed || outcome.storeFailed;
        output.printUtf8(line);
        store.releaseReadSnapshotOlderThan(SqlKeyStore::kSnapshotMaxAgeMs);
        if (pass.due(++lines)) {
            output.flush(); // the answers so far do not wait for the pass
            pass.help(store);
        }
    }
    store.shareReadSnapshots(false);
    output.setBeforeFlush({});
    output.setBuffered(false);
    return linesOutcome(context, reader, storeFailed, allValid);
}

ExitCode VerifyCommand::linesOutcome(CommandContext &context, const TokenLineReader &reader,
                                     bool storeFailed, bool allValid)
{
    // Answers that could not be written are not "all valid": a script would miss them.
    if (context.output().outFailed())
        return context.fail(ExitCode::VaultError,
                            tr("Could not write the answers to standard output."));
    if (reader.hadReadError())
        return context.fail(ExitCode::Usage, tr("Could not read stdin."));
    if (storeFailed)
        return ExitCode::VaultError;
    return allValid ? ExitCode::Success : ExitCode::Refused;
}

VerifyWorkers::LineOutcome VerifyCommand::answerLine(Verifier &verifier, const Request &request,
                                                     bool json, const char *data, std::size_t size,
                                                     QByteArray &line)
{
    if (QByteArrayView(data, qsizetype(size)).trimmed().isEmpty()) {
        // Answered, so output line N stays the answer to input line N; not recorded, since an
        // empty line is a gap in the input, not a request.
        formatResult(line, json, emptyLineResult());
        return {false, false};
    }
    auto result = verifier.verify(data, size, request);
    if (!result) {
        // Keep going: the line gets an answer, and the vault may be back for the next one.
        formatError(line, json, result.errorMessage());
        return {false, true};
    }
    formatResult(line, json, *result);
    return {result->isValid(), false};
}

ExitCode VerifyCommand::verifyLinesOnThreads(CommandContext &context, Verifier &verifier,
                                             const Request &request, int threads)
{
    Output &output = context.output();
    const bool json = output.isJson();
    const Clock &clock = context.clock();
    // Each thread its own connection and Verifier; the cache, limits and recorder are shared.
    const VerifierShared shared = verifier.shared();
    TokenLineReader reader(STDIN_FILENO);
    PassHelp pass(shared.cache.get(), reader);
    VerifyWorkers workers(
        threads,
        [&context] {
            auto store = context.openAnotherStore(VaultCheck::Header);
            if (store)
                (*store)->setPageCacheKiB(SqlKeyStore::kVerifierPageCacheKiB);
            return store;
        },
        [&clock, &shared](SqlKeyStore &store) {
            return std::make_unique<Verifier>(store, clock, shared);
        },
        [&request, json](Verifier &own, const char *data, std::size_t size, QByteArray &line) {
            return answerLine(own, request, json, data, size, line);
        },
        [&pass](SqlKeyStore &own) { pass.help(own); });
    if (auto started = workers.start(); !started)
        return context.fail(started.error());

    output.setBuffered(true);
    qint64 lines = 0;
    const VerifyWorkers::Emit print = [&output](const QByteArray &answers) {
        output.printLines(answers);
    };
    // Before waiting for input: answer what has come so far, and let it out.
    reader.setWaitHandler([&workers, &print, &output] {
        workers.finish(print);
        output.flush();
    });
    const char *data = nullptr;
    std::size_t size = 0;
    while (!output.outFailed() && reader.next(data, size)) {
        workers.add(data, size);
        if (workers.pending() >= kBatchLines) { // verified while the next batch is read
            lines += qint64(workers.pending());
            const bool help = pass.due(lines);
            workers.dispatch(print, help);
            if (help)
                output.flush(); // the answers so far do not wait for the pass
        }
    }
    workers.finish(print);
    output.setBuffered(false);
    return linesOutcome(context, reader, workers.storeFailed(), workers.allValid());
}

VerifyResult VerifyCommand::emptyLineResult()
{
    VerifyResult empty;
    empty.outcome = VerifyOutcome::Malformed;
    empty.reason = tr("The line is empty.");
    return empty;
}

void VerifyCommand::formatResult(QByteArray &line, bool json, const VerifyResult &result)
{
    if (json) {
        VerifyResultJson::append(line, result);
        return;
    }
    QString text;
    if (result.isValid()) {
        text = tr("%1 (%2): key %3 \"%4\", grants %5")
                   .arg(result.code())
                   .arg(result.httpStatus())
                   .arg(result.keyId)
                   .arg(result.keyName, result.grants.join(QStringLiteral(", ")));
    } else if (const auto seconds = result.retryAfterSeconds()) {
        text = tr("%1 (%2, retry after %3 s): %4")
                   .arg(result.code())
                   .arg(result.httpStatus())
                   .arg(*seconds)
                   .arg(result.reason);
    } else {
        text = tr("%1 (%2): %3").arg(result.code()).arg(result.httpStatus()).arg(result.reason);
    }
    line.append(text.toUtf8());
}

void VerifyCommand::formatError(QByteArray &line, bool json, const QString &message)
{
    if (json)
        VerifyResultJson::appendError(line, message);
    else
        line.append(tr("Error (503): %1").arg(message).toUtf8());
}

void VerifyCommand::report(CommandContext &context, const VerifyResult &result)
{
    QByteArray line;
    formatResult(line, context.output().isJson(), result);
    context.output().printUtf8(line);
}

} // namespace Keyward::Cli
