// keywardctl as services run it, timed as whole processes (wall clock, median of the runs,
// commands interleaved run by run so drift hits all alike). Prints "name value ratio target".
//
// pipeline: `keywardctl --json verify --stdin` on N tokens (one in five mistyped) over a vault of
//   K keys, against naive_verify.py (sqlite3 + hashlib, a SELECT per line) and
//   keyward_bare_verify (prepared sqlite3 SELECT + SHA-256, existence only), same input.
// oneshot: one `keywardctl verify TOKEN` on a 1,000,000-key vault against a 10-key vault.
#include "BenchTimer.h"
#include "BenchVault.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <random>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Keyward;
using namespace Keyward::Bench;

namespace {

struct Command
{
    QString name;
    QStringList argv;
    QString input = {}; // stdin of this command; empty: the run's common input
};

struct Timing
{
    double wall = -1; // seconds; -1: it could not run
    double cpu = 0; // user + system seconds of the process and its threads
};

// Runs argv with stdin from `input` and stdout to `output`. The exit code is not judged
// (keywardctl exits 1 when any line was refused).
Timing timeCommand(const QStringList &argv, const QString &input, const QString &output)
{
    std::vector<QByteArray> words;
    for (const QString &word : argv)
        words.push_back(word.toLocal8Bit());
    std::vector<char *> pointers;
    for (QByteArray &word : words)
        pointers.push_back(word.data());
    pointers.push_back(nullptr);
    const QByteArray in = input.toLocal8Bit();
    const QByteArray out = output.toLocal8Bit();
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid < 0)
        return {};
    if (pid == 0) {
        const int inFd =
            in.isEmpty() ? open("/dev/null", O_RDONLY) : open(in.constData(), O_RDONLY);
        const int outFd = open(out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (inFd < 0 || outFd < 0)
            _exit(127);
        dup2(inFd, 0);
        dup2(outFd, 1);
        execvp(pointers[0], pointers.data());
        _exit(127);
    }
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);
    Timing timing;
    timing.wall = double(timer.nsecsElapsed()) / 1e9;
    timing.cpu = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    if (!WIFEXITED(status) || WEXITSTATUS(status) == 127)
        return {};
    return timing;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

qint64 lineCount(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().count('\n');
}

// Medians (wall and CPU) of each command, run `runs` times in turn (A B C A B C ...) after one
// warm-up each.
std::vector<Timing> interleaved(const std::vector<Command> &commands, int runs,
                                const QString &input, const QString &output, qint64 expectLines)
{
    std::vector<std::vector<double>> times(commands.size());
    std::vector<std::vector<double>> cpu(commands.size());
    for (int run = -1; run < runs; ++run) {
        for (std::size_t c = 0; c < commands.size(); ++c) {
            const Timing timing = timeCommand(
                commands[c].argv, commands[c].input.isEmpty() ? input : commands[c].input, output);
            if (timing.wall < 0) {
                std::fprintf(stderr, "%s could not run\n", qPrintable(commands[c].name));
                return {};
            }
            if (run < 0 && expectLines >= 0 && lineCount(output) != expectLines) {
                std::fprintf(stderr, "%s answered %lld lines, not %lld\n",
                             qPrintable(commands[c].name), lineCount(output), expectLines);
                return {};
            }
            if (run >= 0) {
                times[c].push_back(timing.wall);
                cpu[c].push_back(timing.cpu);
            }
        }
    }
    std::vector<Timing> medians;
    for (std::size_t c = 0; c < commands.size(); ++c)
        medians.push_back({median(times[c]), median(cpu[c])});
    return medians;
}

std::unique_ptr<BenchVault> makeVault(const QString &path, int keys)
{
    std::fprintf(stderr, "Seeding %d keys...\n", keys);
    auto created = BenchVault::create(path, keys, SystemClock::instance());
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.errorMessage()));
        return nullptr;
    }
    return std::move(created).value();
}

int runPipeline(const QTemporaryDir &dir, int keys, int tokens, int runs)
{
    const QString vaultPath = dir.filePath(QStringLiteral("pipeline.keyward"));
    std::vector<std::string> issued;
    {
        auto vault = makeVault(vaultPath, keys);
        if (!vault)
            return 1;
        issued = vault->tokens();
    } // closed: the commands open it as services would
    // Random keys; every fifth token mistyped (one character changed, as a person would).
    const QString input = dir.filePath(QStringLiteral("tokens.txt"));
    {
        std::mt19937 random(20261203);
        QByteArray text;
        text.reserve(qsizetype(tokens) * 60);
        for (int i = 0; i < tokens; ++i) {
            std::string token = issued[random() % issued.size()];
            if (i % 5 == 4) {
                char &c = token[10 + random() % 30];
                c = c == 'x' ? 'y' : 'x';
            }
            text.append(token.data(), qsizetype(token.size()));
            text.append('\n');
        }
        QFile file(input);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return 1;
    }
    const QString output = dir.filePath(QStringLiteral("answers.txt"));
    const std::vector<Command> commands = {
        {QStringLiteral("naive python"),
         {QStringLiteral("python3"), QStringLiteral(NAIVE_VERIFY_PY), vaultPath}},
        {QStringLiteral("bare C++ loop"), {QStringLiteral(BARE_VERIFY_PATH), vaultPath}},
        {QStringLiteral("keywardctl"),
         {QStringLiteral(KEYWARDCTL_PATH), QStringLiteral("--vault"), vaultPath,
          QStringLiteral("--json"), QStringLiteral("verify"), QStringLiteral("--stdin"),
          QStringLiteral("--env"), QStringLiteral("live")}},
        {QStringLiteral("keywardctl --threads"),
         {QStringLiteral(KEYWARDCTL_PATH), QStringLiteral("--vault"), vaultPath,
          QStringLiteral("--json"), QStringLiteral("verify"), QStringLiteral("--stdin"),
          QStringLiteral("--env"), QStringLiteral("live"), QStringLiteral("--threads"),
          QString::number(qMax(2, QThread::idealThreadCount()))}},
    };
    std::fprintf(stderr, "Timing %d tokens over %d keys, %d runs each...\n", tokens, keys, runs);
    const std::vector<Timing> t = interleaved(commands, runs, input, output, tokens);
    if (t.size() != 4)
        return 1;
    printMeasure(QStringLiteral("pipeline_naive_python_ms"), t[0].wall * 1000, 1.0,
                 QStringLiteral("-"));
    printMeasure(QStringLiteral("pipeline_bare_cpp_loop_ms"), t[1].wall * 1000,
                 t[0].wall / t[1].wall, QStringLiteral("- (ratio: python/this)"));
    printMeasure(QStringLiteral("pipeline_keywardctl_vs_python_ms"), t[2].wall * 1000,
                 t[0].wall / t[2].wall, QStringLiteral(">= 10 (python/keywardctl)"));
    printMeasure(QStringLiteral("pipeline_keywardctl_vs_bare_cpp_ms"), t[2].wall * 1000,
                 t[1].wall / t[2].wall, QStringLiteral(">= 1.0 (bare/keywardctl)"));
    // Every first look-up of a key checks its row's signature (Ed25519), on as many threads
    // as there are cores with --threads.
    printMeasure(QStringLiteral("info_keywardctl_threads_ms"), t[3].wall * 1000,
                 t[0].wall / t[3].wall, QStringLiteral("(python/this)"));
    // CPU time (all threads): what the machine spent, less sensitive to other load than wall.
    printMeasure(QStringLiteral("info_cpu_naive_python_ms"), t[0].cpu * 1000, 1.0,
                 QStringLiteral("-"));
    printMeasure(QStringLiteral("info_cpu_bare_cpp_loop_ms"), t[1].cpu * 1000, t[0].cpu / t[1].cpu,
                 QStringLiteral("(python/this)"));
    printMeasure(QStringLiteral("info_cpu_keywardctl_ms"), t[2].cpu * 1000, t[0].cpu / t[2].cpu,
                 QStringLiteral("(python/this)"));
    printMeasure(QStringLiteral("info_cpu_keywardctl_threads_ms"), t[3].cpu * 1000,
                 t[0].cpu / t[3].cpu, QStringLiteral("(python/this)"));
    return 0;
}

int runOneShot(const QTemporaryDir &dir, int bigKeys, int runs)
{
    std::vector<Command> commands;
    for (const int keys : {10, bigKeys}) {
        const QString path = dir.filePath(QStringLiteral("oneshot-%1.keyward").arg(keys));
        auto vault = makeVault(path, keys);
        if (!vault)
            return 1;
        // The token on stdin ("verify -"), as the CLI asks people to pass it.
        const QString tokenFile = dir.filePath(QStringLiteral("oneshot-%1.token").arg(keys));
        QFile token(tokenFile);
        if (!token.open(QIODevice::WriteOnly)
            || token.write(QByteArray::fromStdString(vault->tokens()[std::size_t(keys) / 2]) + '\n')
                < 0)
            return 1;
        token.close();
        commands.push_back({QString::number(keys),
                            {QStringLiteral(KEYWARDCTL_PATH), QStringLiteral("--vault"), path,
                             QStringLiteral("verify"), QStringLiteral("--env"),
                             QStringLiteral("live"), QStringLiteral("-")},
                            tokenFile});
    }
    std::fprintf(stderr, "Timing one-shot verify, %d runs each...\n", runs);
    const std::vector<Timing> t =
        interleaved(commands, runs, QString(), dir.filePath(QStringLiteral("oneshot.txt")), 1);
    if (t.size() != 2)
        return 1;
    printMeasure(QStringLiteral("oneshot_verify_10_keys_ms"), t[0].wall * 1000, 1.0,
                 QStringLiteral("-"));
    printMeasure(QStringLiteral("oneshot_verify_%1_keys_ms").arg(bigKeys), t[1].wall * 1000,
                 t[1].wall / t[0].wall, QStringLiteral("<= 1.5 (vs 10 keys)"));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("keywardctl verify as whole processes, against a naive Python verifier "
                       "and a bare C++ loop"));
    parser.addHelpOption();
    const QCommandLineOption keys(QStringLiteral("keys"), QStringLiteral("Keys (pipeline)."),
                                  QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption tokens(QStringLiteral("tokens"), QStringLiteral("Tokens (pipeline)."),
                                    QStringLiteral("N"), QStringLiteral("500000"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Runs (pipeline)."),
                                  QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption bigKeys(QStringLiteral("oneshot-keys"),
                                     QStringLiteral("Keys in the large one-shot vault."),
                                     QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption oneShotRuns(QStringLiteral("oneshot-runs"),
                                         QStringLiteral("Runs (one-shot)."), QStringLiteral("N"),
                                         QStringLiteral("21"));
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("pipeline or oneshot (default: both)."),
                                  QStringLiteral("GROUP"));
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Work in this new folder and keep it (vaults, "
                                                 "tokens.txt) for profiling one command."),
                                  QStringLiteral("DIR"));
    parser.addOptions({keys, tokens, runs, bigKeys, oneShotRuns, only, keep});
    parser.process(app);
    const QStringList groups = parser.values(only);
    QTemporaryDir dir(parser.isSet(keep) ? parser.value(keep)
                                         : QDir::tempPath() + QStringLiteral("/keyward-cli-bench"));
    dir.setAutoRemove(!parser.isSet(keep));
    int status = 0;
    if (groups.isEmpty() || groups.contains(QStringLiteral("pipeline")))
        status |=
            runPipeline(dir, qMax(1, parser.value(keys).toInt()),
                        qMax(1, parser.value(tokens).toInt()), qMax(1, parser.value(runs).toInt()));
    if (groups.isEmpty() || groups.contains(QStringLiteral("oneshot")))
        status |= runOneShot(dir, qMax(20, parser.value(bigKeys).toInt()),
                             qMax(1, parser.value(oneShotRuns).toInt()));
    return status;
}
