// keyward_bench: how fast verification and the key table are, measured against what the same
// work costs without Keyward, in the same run. Prints one line per measure:
//   name ns_per_op ratio target
// See docs/verification.md ("Benchmark") for how to run it and what the numbers mean.
#include "BenchTimer.h"
#include "BenchVault.h"
#include "PgBenchVault.h"
#include "RawPostgres.h"
#include "RawSqlite.h"
#include "StoreDatabase.h"
#include "core/RateLimit.h"
#include "crypto/CryptoSelfTest.h"
#include "crypto/KeyToken.h"
#include "crypto/Sha256.h"
#include "store/SecretLookup.h"
#include "store/SqlKeyStore.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QProcess>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>
#include <random>
#include <string_view>
#include <unordered_map>

using namespace Keyward;
using namespace Keyward::Bench;

namespace {

const QString kSource = QStringLiteral("10.0.0.1");

struct Options
{
    int keys = 100000;
    int runs = 5;
    QString modelVault; // child mode: load this vault into the model, report peak RSS
    QStringList only; // measure groups to run (for profiling); empty: all
    QString server; // a PostgreSQL superuser conninfo: run the PostgreSQL measures instead
    QString rateLimit; // give every key this rate limit ("" or none: as seeded, unlimited)
    bool wants(const char *group) const
    {
        return only.isEmpty() || only.contains(QLatin1String(group));
    }
};

// A verification loop over every token in a shuffled order (no cache-friendly sequence), that
// also checks the answers: a benchmark that measures refusals measures the wrong thing.
qint64 verifyRange(Verifier &verifier, const std::vector<std::string> &tokens,
                   const std::vector<int> &order, std::size_t begin, std::size_t end)
{
    qint64 valid = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const std::string &token = tokens[std::size_t(order[i])];
        auto result =
            verifier.verify(token.data(), token.size(), Environment::Production, {}, kSource);
        valid += result && result->isValid();
    }
    return valid;
}

qint64 verifyAll(Verifier &verifier, const std::vector<std::string> &tokens,
                 const std::vector<int> &order)
{
    return verifyRange(verifier, tokens, order, 0, order.size());
}

void requireAllValid(qint64 valid, std::size_t expected, const char *what)
{
    if (valid != qint64(expected)) {
        std::fprintf(stderr, "keyward_bench: %s: %lld of %zu tokens valid\n", what,
                     static_cast<long long>(valid), expected);
        std::exit(1);
    }
}

// Child mode: a fresh process that does what the GUI does with a vault of many keys (open,
// list, fill the table model behind a view) and reports its peak memory.
int modelChild(const QString &path)
{
    auto opened = SqlKeyStore::openVault(path, SystemClock::instance());
    if (!opened) {
        std::fprintf(stderr, "keyward_bench: %s\n", qPrintable(opened.errorMessage()));
        return 1;
    }
    SqlKeyStore &store = **opened;
    const double atStart = peakRssMiB();
    auto keys = store.listKeys();
    if (!keys)
        return 1;
    const double afterList = peakRssMiB();
    KeyTableModel model(SystemClock::instance());
    model.setKeys(*keys, store.grantCatalogue());
    const double afterModel = peakRssMiB();
    keys->clear();
    QTableView view;
    view.setModel(&model);
    view.resize(1200, 800);
    view.show();
    QCoreApplication::processEvents();
    // Peak, then the peak after each step (where the memory goes).
    std::printf("%.1f %d %.1f %.1f %.1f\n", peakRssMiB(), model.rowCount(), atStart, afterList,
                afterModel);
    return 0;
}

// Verification with usage recording off and on. One verifier throughout, its recorder switched
// on and off, so both sides use the same cache in the same memory.
//
// On this kind of machine (a shared 2-vCPU VM) one 100,000-verification window (a few hundred
// ms) varies by 10-30 % from the next, far more than the few percent being measured. So a round
// does not compare whole windows: it goes once through the tokens in blocks of kBlock
// verifications (a few ms each), recording off and on in the order off, on, on, off, off, on...
// (so neither side always goes first), and compares the CPU time of all "on" blocks with that of
// all "off" blocks. Drift slower than a few ms hits both alike. The ratio is the median over the
// rounds. The noise floor is the same statistic for two halves of the "off" blocks (identical
// work). After each round a flush writes what was recorded (so no write spills into the next
// round), and one more whole window with recording off shows the write's after-effect (the
// writer's work on the other vCPU pushes the verifier's cache out of the shared CPU caches).
struct RecordingComparison
{
    double off = 0; // best round's "off" blocks, ns per verification
    double ratio = 0; // median of on / off
    double noiseFloor = 0; // median of one half of the "off" blocks against the other
    double afterWrite = 0; // median of the window after the write / off
    double writerNsPerEvent = 0; // CPU the process spent beyond the verifying thread
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Verifies the tokens at positions [begin, end) of an order; returns how many were valid.
using VerifyRange = std::function<qint64(std::size_t begin, std::size_t end)>;

RecordingComparison compareRecording(int rounds, std::size_t ops, Verifier &verifier,
                                     UsageRecorder &recorder, const VerifyRange &verifyRange)
{
    constexpr std::size_t kBlock = 2000;
    struct Side
    {
        qint64 ns = 0;
        qint64 ops = 0;
        double perOp() const { return ops ? double(ns) / double(ops) : 0; }
    };
    const bool trace = qEnvironmentVariableIsSet("KEYWARD_BENCH_TRACE");
    RecordingComparison result;
    result.off = std::numeric_limits<double>::max();
    std::vector<double> ratios;
    std::vector<double> noise;
    std::vector<double> afterWrite;
    qint64 writerCpu = 0;
    qint64 recorded = 0;
    for (int round = 0; round < rounds; ++round) {
        Side on;
        Side offHalves[2];
        int offBlocks = 0;
        const qint64 processBefore = processCpuNs();
        const qint64 threadBefore = threadCpuNs();
        for (std::size_t begin = 0, block = 0; begin < ops; begin += kBlock, ++block) {
            const std::size_t end = std::min(begin + kBlock, ops);
            const bool recording = (block + block / 2) % 2 == 1; // off on on off off on ...
            verifier.setRecorder(recording ? &recorder : nullptr);
            const qint64 start = threadCpuNs();
            const qint64 valid = verifyRange(begin, end);
            const qint64 spent = threadCpuNs() - start;
            requireAllValid(valid, end - begin, recording ? "recording on" : "recording off");
            // The "off" halves alternate the same way, so each has as many first places as
            // second ones.
            Side &side = recording ? on : offHalves[(offBlocks + offBlocks / 2) % 2];
            offBlocks += !recording;
            side.ns += spent;
            side.ops += qint64(end - begin);
        }
        verifier.setRecorder(nullptr);
        const qint64 threadSpent = threadCpuNs() - threadBefore;
        if (auto flushed = recorder.flush(); !flushed)
            std::fprintf(stderr, "keyward_bench: flush: %s\n", qPrintable(flushed.errorMessage()));
        writerCpu += (processCpuNs() - processBefore) - threadSpent;
        recorded += on.ops;
        qint64 valid = 0;
        const double settled = bestNsPerOp(1, qint64(ops), [&] { valid = verifyRange(0, ops); });
        requireAllValid(valid, ops, "after the write");

        const double off =
            double(offHalves[0].ns + offHalves[1].ns) / double(offHalves[0].ops + offHalves[1].ops);
        result.off = std::min(result.off, off);
        ratios.push_back(on.perOp() / off);
        noise.push_back(offHalves[1].perOp() / offHalves[0].perOp());
        afterWrite.push_back(settled / off);
        if (trace)
            std::fprintf(stderr,
                         "round %d: off %.0f on %.0f (%.3f) off halves %.3f after write %.0f ns\n",
                         round, off, on.perOp(), ratios.back(), noise.back(), settled);
    }
    result.ratio = median(ratios);
    result.noiseFloor = median(noise);
    result.afterWrite = median(afterWrite);
    result.writerNsPerEvent = double(writerCpu) / double(qMax<qint64>(1, recorded));
    return result;
}

// The "ns_per_op" of a ratio line is the best "off" window's cost times the ratio.
void printRecording(const QString &name, const QString &infoPrefix,
                    const RecordingComparison &measured, const QString &writerNote = QString())
{
    printMeasure(name, measured.off * measured.ratio, measured.ratio,
                 QStringLiteral("<=1.05 x recording off (median of rounds)"));
    printMeasure(infoPrefix + QStringLiteral("_noise_floor"), measured.off * measured.noiseFloor,
                 measured.noiseFloor,
                 QStringLiteral("(half the off blocks against the other half)"));
    printMeasure(infoPrefix + QStringLiteral("_after_write"), measured.off * measured.afterWrite,
                 measured.afterWrite, QStringLiteral("(recording off, just after a write)"));
    if (!writerNote.isEmpty())
        printMeasure(infoPrefix + QStringLiteral("_writer_cpu_per_event"),
                     measured.writerNsPerEvent, measured.writerNsPerEvent / measured.off,
                     writerNote);
}

// Limit B over these hashes: SHA-256 and an unordered_map find, the least any verifier can do.
double measureLimitB(int runs, const std::vector<std::string> &tokens,
                     const std::vector<QByteArray> &hashes, const std::vector<int> &order)
{
    std::unordered_map<std::string_view, qint64> byHash;
    byHash.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i)
        byHash.emplace(std::string_view(hashes[i].constData(), 32), qint64(i + 1));
    qint64 found = 0;
    const double limitB = bestNsPerOp(runs, qint64(order.size()), [&] {
        found = 0;
        for (int index : order) {
            const std::string &token = tokens[std::size_t(index)];
            const QByteArray hash = Sha256::hash(token.data(), token.size());
            found += byHash.find(std::string_view(hash.constData(), std::size_t(hash.size())))
                != byHash.end();
        }
    });
    requireAllValid(found, tokens.size(), "limit B");
    return limitB;
}

// Verification over PostgreSQL, as a service runs it: connected as a verifier login, against a
// libpq baseline on the same server. Round trips are waiting, not CPU, so the uncached measures
// are wall-clock time; the cached one (no round trip) is thread CPU time as for SQLite.
int runPostgres(const Options &options, const std::vector<int> &order)
{
    auto server = PgConnInfo::parse(options.server);
    if (!server) {
        std::fprintf(stderr, "keyward_bench: %s\n", qPrintable(server.errorMessage()));
        return 1;
    }
    const Clock &clock = SystemClock::instance();
    std::fprintf(stderr, "Seeding %d keys in PostgreSQL...\n", options.keys);
    auto created = PgBenchVault::create(*server, options.keys, clock);
    if (!created) {
        std::fprintf(stderr, "keyward_bench: %s\n", qPrintable(created.errorMessage()));
        return 1;
    }
    PgBenchVault &vault = **created;
    const std::vector<std::string> &tokens = vault.tokens();
    const qint64 ops = qint64(order.size());
    const int runs = options.runs;
    std::printf("# keyward_bench PostgreSQL: %d keys, best of %d runs, server %s\n", options.keys,
                runs, qPrintable(server->displayName()));
    std::printf("# %-32s %12s %7s  %s\n", "name", "ns_per_op", "ratio", "target");

    RawPostgres raw(vault.verifierConninfo().toString(true));
    if (!raw.isOpen()) {
        std::fprintf(stderr, "keyward_bench: libpq: %s\n", qPrintable(raw.errorMessage()));
        return 1;
    }
    qint64 found = 0;
    const double baseline = bestWallNsPerOp(runs, ops, [&] {
        found = 0;
        for (int index : order) {
            const std::string &token = tokens[std::size_t(index)];
            found += raw.findByHash(Sha256::hash(token.data(), token.size())) != 0;
        }
    });
    requireAllValid(found, tokens.size(), "libpq baseline");
    printMeasure(QStringLiteral("pg_baseline_libpq_prepared+sha256"), baseline, 1.0,
                 QStringLiteral("- (wall time)"));

    auto connected = SqlKeyStore::connectPostgres(vault.verifierConninfo(), clock);
    if (!connected) {
        std::fprintf(stderr, "keyward_bench: %s\n", qPrintable(connected.errorMessage()));
        return 1;
    }
    SqlKeyStore &store = **connected;
    {
        Verifier verifier(store, clock);
        qint64 valid = 0;
        const double uncached =
            bestWallNsPerOp(runs, ops, [&] { valid = verifyAll(verifier, tokens, order); });
        requireAllValid(valid, tokens.size(), "PostgreSQL uncached verify");
        printMeasure(QStringLiteral("pg_verify_uncached"), uncached, uncached / baseline,
                     QStringLiteral("<=1.5 x libpq (wall time)"));
    }
    const double limitB = measureLimitB(runs, tokens, vault.hashes(), order);
    printMeasure(QStringLiteral("limit_B_sha256+unordered_map"), limitB, 1.0, QStringLiteral("-"));
    Verifier cached(store, clock);
    cached.enableCache();
    requireAllValid(verifyAll(cached, tokens, order), tokens.size(), "cache warm-up");
    qint64 valid = 0;
    const double hit = bestNsPerOp(runs, ops, [&] { valid = verifyAll(cached, tokens, order); });
    requireAllValid(valid, tokens.size(), "PostgreSQL cached verify");
    printMeasure(QStringLiteral("pg_verify_cached_watch_on"), hit, hit / limitB,
                 QStringLiteral("<=3 x B"));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Keyward verification and model benchmark"));
    parser.addHelpOption();
    const QCommandLineOption keysOption(QStringLiteral("keys"),
                                        QStringLiteral("Keys in the vault."), QStringLiteral("N"),
                                        QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs per measure (the best counts)."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption modelOption(QStringLiteral("model-rss"),
                                         QStringLiteral("Internal: the peak-RSS child."),
                                         QStringLiteral("VAULT"));
    const QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral("Run only these groups (repeatable): baseline, uncached, cached, "
                       "recording, model, rss. For profiling one path under perf or callgrind."),
        QStringLiteral("GROUP"));
    const QCommandLineOption serverOption(
        QStringLiteral("db"),
        QStringLiteral("Measure verification over PostgreSQL instead: a superuser's conninfo "
                       "(a scratch database and roles are created and dropped again)."),
        QStringLiteral("CONNINFO"));
    const QCommandLineOption rateOption(
        QStringLiteral("rate-limit"),
        QStringLiteral("Give every key this rate limit (e.g. 1000000/s, high enough that nothing "
                       "is refused): measures verification with the shared bucket's leases."),
        QStringLiteral("RATE"));
    parser.addOptions({keysOption, runsOption, modelOption, onlyOption, serverOption, rateOption});
    parser.process(app);
    Options options;
    options.keys = qMax(1, parser.value(keysOption).toInt());
    options.runs = qMax(1, parser.value(runsOption).toInt());
    options.only = parser.values(onlyOption);
    options.server = parser.value(serverOption);
    options.rateLimit = parser.value(rateOption);
    if (parser.isSet(modelOption))
        return modelChild(parser.value(modelOption));

    if (const QString failed = CryptoSelfTest::run(); !failed.isEmpty()) {
        std::fprintf(stderr, "keyward_bench: %s\n", qPrintable(failed));
        return 1;
    }
    const auto shuffled = [](int count) {
        std::vector<int> order(std::size_t(count), 0);
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::shuffle(order.begin(), order.end(), std::mt19937(20270115));
        return order;
    };
    if (!options.server.isEmpty())
        return runPostgres(options, shuffled(options.keys));

    QTemporaryDir dir;
    const Clock &clock = SystemClock::instance();
    std::fprintf(stderr, "Seeding %d keys...\n", options.keys);
    auto created =
        BenchVault::create(dir.filePath(QStringLiteral("bench.keyward")), options.keys, clock);
    if (!created) {
        std::fprintf(stderr, "keyward_bench: %s\n", qPrintable(created.errorMessage()));
        return 1;
    }
    BenchVault &vault = **created;
    SqlKeyStore &store = vault.store();
    if (!options.rateLimit.isEmpty()) {
        const std::optional<RateLimit> limit = RateLimit::parse(options.rateLimit);
        QSqlQuery q(StoreDatabase::of(store));
        q.prepare(QStringLiteral("UPDATE api_keys SET rate_count = ?, rate_unit = ?"));
        q.addBindValue(limit ? limit->count : 0);
        q.addBindValue(limit ? int(limit->unit) : 0);
        if (!limit || !q.exec()) {
            std::fprintf(stderr, "keyward_bench: cannot set the rate limit %s\n",
                         qPrintable(options.rateLimit));
            return 1;
        }
    }
    const std::vector<std::string> &tokens = vault.tokens();
    const std::vector<int> order = shuffled(int(tokens.size()));
    const qint64 ops = qint64(order.size());
    const int runs = options.runs;
    const int recordingRounds = 2 * runs + 1; // odd, for the median

    std::printf("# keyward_bench: %d keys, rate limit %s, best of %d runs (recording: median of "
                "%d rounds), ns of thread CPU time, %s\n",
                options.keys, options.rateLimit.isEmpty() ? "none" : qPrintable(options.rateLimit),
                runs, recordingRounds,
#ifdef NDEBUG
                "optimised build"
#else
                "DEBUG BUILD (numbers are not representative)"
#endif
    );
    std::printf("# %-32s %12s %7s  %s\n", "name", "ns_per_op", "ratio", "target");

    // Baseline A: raw sqlite3, prepared once, same query and file, plus SHA-256.
    RawSqlite raw(vault.path());
    if (!raw.isOpen())
        return 1;
    qint64 found = 0;
    const bool needsBaselines =
        options.wants("baseline") || options.wants("uncached") || options.wants("cached");
    const double baselineA = !needsBaselines ? 1.0 : bestNsPerOp(runs, ops, [&] {
        found = 0;
        for (int index : order) {
            const std::string &token = tokens[std::size_t(index)];
            found += raw.findByHash(Sha256::hash(token.data(), token.size())) != 0;
        }
    });
    if (needsBaselines) {
        requireAllValid(found, tokens.size(), "baseline A");
        printMeasure(QStringLiteral("baseline_A_sqlite3_select+sha256"), baselineA, 1.0,
                     QStringLiteral("-"));
    }

    // Limit B: SHA-256 and a hash-map lookup, the least any verifier can do.
    const double limitB =
        !needsBaselines ? 1.0 : measureLimitB(runs, tokens, vault.hashes(), order);
    if (needsBaselines) {
        printMeasure(QStringLiteral("limit_B_sha256+unordered_map"), limitB, 1.0,
                     QStringLiteral("-"));
    }

    // Keyward, no cache: every verification reads the vault.
    if (options.wants("uncached")) {
        // Interleaved with baseline A run by run, so that drift on a shared machine (and the
        // page cache warming up) hits both alike. The look-up alone (SHA-256 + the prepared
        // statement on the store's connection) shows where an uncached verification goes; the
        // rest is parsing and the verdict.
        SecretLookup lookup(store);
        Verifier verifier(store, clock);
        double a = baselineA;
        double lookupOnly = std::numeric_limits<double>::max();
        double uncached = std::numeric_limits<double>::max();
        for (int i = 0; i < runs; ++i) {
            a = std::min(a, bestNsPerOp(1, ops, [&] {
                             found = 0;
                             for (int index : order) {
                                 const std::string &token = tokens[std::size_t(index)];
                                 found +=
                                     raw.findByHash(Sha256::hash(token.data(), token.size())) != 0;
                             }
                         }));
            lookupOnly = std::min(lookupOnly, bestNsPerOp(1, ops, [&] {
                                      found = 0;
                                      for (int index : order) {
                                          const std::string &token = tokens[std::size_t(index)];
                                          auto match =
                                              lookup.find(Sha256::hash(token.data(), token.size()));
                                          found += match && match->has_value();
                                      }
                                  }));
            requireAllValid(found, tokens.size(), "look-up only");
            qint64 valid = 0;
            uncached = std::min(
                uncached, bestNsPerOp(1, ops, [&] { valid = verifyAll(verifier, tokens, order); }));
            requireAllValid(valid, tokens.size(), "uncached verify");
        }
        printMeasure(QStringLiteral("info_baseline_A_interleaved"), a, a / baselineA,
                     QStringLiteral("(A again, alongside the two below)"));
        printMeasure(QStringLiteral("info_uncached_lookup_only"), lookupOnly, lookupOnly / a,
                     lookup.usesNativeSqlite() ? QStringLiteral("(sqlite3 API on Qt's connection)")
                                               : QStringLiteral("(Qt SQL)"));
        printMeasure(QStringLiteral("verify_uncached"), uncached, uncached / a,
                     QStringLiteral("<=1.5 x A"));
    }

    // Keyward with its cache and the revocation watch on (default 200 ms check interval), with
    // usage recording off and on, interleaved so drift on a shared machine hits both alike.
    if (options.wants("cached") || options.wants("recording")) {
        // For reading the cached numbers: what KeyToken::parse (shape, checksum, SHA-256) alone
        // costs, since every verification starts with it.
        const QString prefix = store.prefix();
        const double parse = bestNsPerOp(runs, ops, [&] {
            found = 0;
            for (int index : order) {
                const std::string &token = tokens[std::size_t(index)];
                found += KeyToken::parse(token.data(), token.size(), prefix).isOk();
            }
        });
        requireAllValid(found, tokens.size(), "parse");
        printMeasure(QStringLiteral("info_keytoken_parse_only"), parse, parse / limitB,
                     QStringLiteral("(part of every verify)"));
        Verifier verifier(store, clock);
        verifier.enableCache();
        UsageRecorder recorder(store, clock);
        requireAllValid(verifyAll(verifier, tokens, order), tokens.size(), "cache warm-up");
        const RecordingComparison distinct =
            compareRecording(recordingRounds, order.size(), verifier, recorder,
                             [&](std::size_t begin, std::size_t end) {
                                 return verifyRange(verifier, tokens, order, begin, end);
                             });
        printMeasure(QStringLiteral("verify_cached_watch_on"), distinct.off, distinct.off / limitB,
                     QStringLiteral("<=3 x B"));
        printRecording(QStringLiteral("verify_cached_recording_on"), QStringLiteral("info_cached"),
                       distinct, QStringLiteral("(another thread; every key distinct)"));

        // A more usual traffic shape: the same number of requests from 1,000 busy keys, so the
        // writer aggregates instead of writing one row set per request.
        std::vector<int> hot(order.size());
        for (std::size_t i = 0; i < hot.size(); ++i)
            hot[i] = order[i % std::min<std::size_t>(1000, order.size())];
        std::shuffle(hot.begin(), hot.end(), std::mt19937(7));
        const RecordingComparison busy =
            compareRecording(recordingRounds, hot.size(), verifier, recorder,
                             [&](std::size_t begin, std::size_t end) {
                                 return verifyRange(verifier, tokens, hot, begin, end);
                             });
        printRecording(QStringLiteral("verify_cached_recording_on_hot1000"),
                       QStringLiteral("info_hot1000"), busy, QStringLiteral("(another thread)"));
    }
    if (options.wants("recording")) {
        Verifier verifier(store, clock);
        UsageRecorder recorder(store, clock);
        const RecordingComparison uncached =
            compareRecording(recordingRounds, order.size(), verifier, recorder,
                             [&](std::size_t begin, std::size_t end) {
                                 return verifyRange(verifier, tokens, order, begin, end);
                             });
        printRecording(QStringLiteral("verify_uncached_recording_on"),
                       QStringLiteral("info_uncached"), uncached);
    }

    // The key table: listKeys() and KeyTableModel::setKeys() into a fresh model, against the
    // raw SELECT of the same rows. ns per key.
    if (options.wants("model")) {
        const double rawAll = bestNsPerOp(runs, ops, [&] { found = raw.selectAllKeys(); });
        printMeasure(QStringLiteral("model_raw_select_all_per_key"), rawAll, 1.0,
                     QStringLiteral("-"));
        const GrantCatalogue catalogue = store.grantCatalogue();
        int rows = 0;
        const double load = bestNsPerOp(runs, ops, [&] {
            auto keys = store.listKeys();
            KeyTableModel model(clock);
            model.setKeys(*keys, catalogue);
            rows = model.rowCount();
        });
        if (rows != options.keys)
            return 1;
        printMeasure(QStringLiteral("model_load_per_key"), load, load / rawAll,
                     QStringLiteral("<=3 x raw select"));
        // Where the model load goes: the store's listKeys() alone, then setKeys() alone.
        const double list = bestNsPerOp(runs, ops, [&] { rows = int(store.listKeys()->size()); });
        printMeasure(QStringLiteral("info_model_listkeys_only"), list, list / rawAll,
                     QStringLiteral("(part of model_load)"));
        const QVector<ApiKey> keys = *store.listKeys();
        double fill = std::numeric_limits<double>::max();
        for (int i = 0; i < runs; ++i) {
            KeyTableModel model(clock);
            fill = std::min(fill, bestNsPerOp(1, ops, [&] { model.setKeys(keys, catalogue); }));
        }
        printMeasure(QStringLiteral("info_model_setkeys_only"), fill, fill / rawAll,
                     QStringLiteral("(part of model_load)"));

        // The window's 30 s time refresh behind a proxy sorted by name, against announcing
        // every column as it did before stop 46 (the names' sort keys then read every row's
        // name again). ns per key.
        KeyTableModel refreshed(clock);
        refreshed.setKeys(keys, catalogue);
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&refreshed);
        proxy.sort(KeyTableModel::NameColumn);
        const double everyColumn = bestNsPerOp(runs, ops, [&] {
            Q_EMIT refreshed.dataChanged(
                refreshed.index(0, 0),
                refreshed.index(refreshed.rowCount() - 1, KeyTableModel::ColumnCount - 1));
        });
        const double refresh = bestNsPerOp(runs, ops, [&] { refreshed.refreshTimes(); });
        printMeasure(QStringLiteral("info_model_refresh_every_column_per_key"), everyColumn, 1.0,
                     QStringLiteral("-"));
        printMeasure(QStringLiteral("model_time_refresh_per_key"), refresh, refresh / everyColumn,
                     QStringLiteral("< 1 x every column"));
    }

    // Peak memory of a fresh process holding the vault in the table model behind a view.
    if (!options.wants("rss"))
        return 0;
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--model-rss"), vault.path()});
    if (child.waitForFinished(600000) && child.exitCode() == 0) {
        const QList<QByteArray> parts = child.readAllStandardOutput().trimmed().split(' ');
        const double mib = parts.value(0).toDouble();
        printMeasure(QStringLiteral("model_peak_rss_MiB"), mib, mib / 150.0,
                     QStringLiteral("<=150 MiB (value is MiB, not ns)"));
        std::printf("# peak RSS by step (MiB): opened %s, after listKeys %s, after setKeys %s, "
                    "with the view %s\n",
                    parts.value(2).constData(), parts.value(3).constData(),
                    parts.value(4).constData(), parts.value(0).constData());
    } else {
        std::fprintf(stderr, "keyward_bench: the model child failed: %s\n",
                     child.readAllStandardError().constData());
    }
    return 0;
}
