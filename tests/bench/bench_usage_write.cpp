// The usage writer's flush of many distinct keys: what a pipeline's last write (the one its exit
// waits for) and a busy server's every write cost. Each key of the vault is used once, and
// UsageRepository::write (the writer thread's call) saves it, against the least SQL that records
// the counts through the raw sqlite3 API in one transaction, prepared once, in key order: the
// secret's last use, +1 on the key's usage count, its hourly count. The writer does more: the
// usage channel's stamp and its index, sampled request-log rows, the guard against deleted keys
// and foreign keys, a last use that never moves backwards. Each run works on a fresh
// copy of one seeded vault, ours and the baseline's in turn; the least CPU time of each counts
// (this thread's: the write is CPU-bound, and CPU time is less sensitive to the neighbours).
//
//   build/tests/bench/keyward_usage_write_bench [keys=100000] [runs=5]
#include "BenchTimer.h"
#include "BenchVault.h"

#include "core/Clock.h"
#include "store/SqlKeyStore.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"
#include "verify/VerifyOutcome.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

using namespace Keyward;

namespace {

struct UsedSecret
{
    qint64 keyId = 0;
    qint64 secretId = 0;
};

int argOr(int argc, char **argv, int index, int fallback)
{
    return argc > index ? std::max(1, std::atoi(argv[index])) : fallback;
}

bool copyVault(const QString &from, const QString &to)
{
    QFile::remove(to);
    QFile::remove(to + QStringLiteral("-wal"));
    QFile::remove(to + QStringLiteral("-shm"));
    return QFile::copy(from, to);
}

// Through the store, as the writer thread writes: milliseconds of this thread's CPU time.
double writeThroughRepository(const QString &path, const std::vector<UsedSecret> &used,
                              const Clock &clock)
{
    auto store = SqlKeyStore::openVault(path, clock);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorMessage()));
        return -1;
    }
    UsageBatch batch(UsageBatch::kDefaultMaxRequests, UsageBatch::kDefaultRequestsPerSecond,
                     UsageBatch::kDefaultValidRowsPerSecond);
    UsageEvent event;
    event.atMs = clock.nowMs();
    event.outcome = verifyOutcomeToInt(VerifyOutcome::Valid);
    event.consumesCredit = true;
    for (const UsedSecret &secret : used) {
        event.keyId = secret.keyId;
        event.secretId = secret.secretId;
        batch.add(event);
    }
    auto repository = UsageRepository::openOwn((*store)->connectionName(), SqlEngine::Sqlite);
    if (!repository) {
        std::fprintf(stderr, "%s\n", qPrintable(repository.errorMessage()));
        return -1;
    }
    const qint64 startNs = Bench::threadCpuNs();
    auto written = (*repository)->write(batch, UsageRetention(), clock.nowMs());
    const double ms = double(Bench::threadCpuNs() - startNs) / 1e6;
    if (!written) {
        std::fprintf(stderr, "%s\n", qPrintable(written.errorMessage()));
        return -1;
    }
    return ms;
}

// The baseline: the same facts, nothing else.
double writeRaw(const QString &path, const std::vector<UsedSecret> &used, qint64 nowMs)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr)
        != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    // The writer's own page cache (UsageRepository::kWriterCacheKiB), so both start equal.
    const QByteArray cache =
        "PRAGMA cache_size = -" + QByteArray::number(UsageRepository::kWriterCacheKiB);
    sqlite3_exec(db, cache.constData(), nullptr, nullptr, nullptr);
    sqlite3_stmt *lastUse = nullptr;
    sqlite3_stmt *credit = nullptr;
    sqlite3_stmt *hourly = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO secret_usage (secret_id, last_used_at) VALUES (?2, ?1) ON "
                       "CONFLICT (secret_id) DO UPDATE SET last_used_at = excluded.last_used_at",
                       -1, &lastUse, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO key_usage (key_id, usage_count) VALUES (?, 1) ON CONFLICT "
                       "(key_id) DO UPDATE SET usage_count = usage_count + 1",
                       -1, &credit, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO key_usage_hourly (key_id, hour, outcome, count) VALUES (?, "
                       "?, 0, 1) ON CONFLICT (key_id, hour, outcome) DO UPDATE SET count = "
                       "count + 1",
                       -1, &hourly, nullptr);
    if (!lastUse || !credit || !hourly) {
        std::fprintf(stderr, "%s\n", sqlite3_errmsg(db));
        for (sqlite3_stmt *statement : {lastUse, credit, hourly})
            sqlite3_finalize(statement); // harmless on null
        sqlite3_close(db);
        return -1;
    }
    const auto run = [](sqlite3_stmt *statement) {
        const bool done = sqlite3_step(statement) == SQLITE_DONE;
        sqlite3_reset(statement);
        return done;
    };
    const qint64 hour = UsageBatch::hourOf(nowMs);
    const qint64 startNs = Bench::threadCpuNs();
    bool ok = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    for (const UsedSecret &secret : used) {
        sqlite3_bind_int64(lastUse, 1, nowMs);
        sqlite3_bind_int64(lastUse, 2, secret.secretId);
        ok = ok && run(lastUse);
    }
    // A key's count and its hourly row together: faster than two passes as the writer makes
    // them (measured), so the baseline is the lower bound.
    for (const UsedSecret &secret : used) {
        sqlite3_bind_int64(credit, 1, secret.keyId);
        ok = ok && run(credit);
        sqlite3_bind_int64(hourly, 1, secret.keyId);
        sqlite3_bind_int64(hourly, 2, hour);
        ok = ok && run(hourly);
    }
    ok = ok && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    const double ms = double(Bench::threadCpuNs() - startNs) / 1e6;
    if (!ok)
        std::fprintf(stderr, "%s\n", sqlite3_errmsg(db));
    sqlite3_finalize(lastUse);
    sqlite3_finalize(credit);
    sqlite3_finalize(hourly);
    sqlite3_close(db);
    return ok ? ms : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int keys = argOr(argc, argv, 1, 100000);
    const int runs = argOr(argc, argv, 2, 5);
    QTemporaryDir dir;
    ManualClock clock(1'800'000'000'000);
    const QString seed = dir.filePath(QStringLiteral("seed.keyward"));
    std::vector<UsedSecret> used;
    {
        auto vault = Bench::BenchVault::create(seed, keys, clock);
        if (!vault) {
            std::fprintf(stderr, "%s\n", qPrintable(vault.errorMessage()));
            return 1;
        }
        auto listed = (*vault)->store().listKeys();
        if (!listed)
            return 1;
        for (const ApiKey &key : std::as_const(*listed))
            used.push_back({key.id, key.secrets.at(0).id});
    } // closed: checkpointed into the file, which the runs copy
    std::sort(used.begin(), used.end(),
              [](const UsedSecret &a, const UsedSecret &b) { return a.secretId < b.secretId; });
    clock.advanceMs(kHourMs);

    const QString copy = dir.filePath(QStringLiteral("run.keyward"));
    double ours = std::numeric_limits<double>::max();
    double raw = std::numeric_limits<double>::max();
    for (int run = 0; run < runs; ++run) {
        if (!copyVault(seed, copy))
            return 1;
        const double ms = writeThroughRepository(copy, used, clock);
        if (ms < 0 || !copyVault(seed, copy))
            return 1;
        const double baseline = writeRaw(copy, used, clock.nowMs());
        if (baseline < 0)
            return 1;
        std::printf("run %d: write %.0f ms, raw sqlite3 %.0f ms\n", run + 1, ms, baseline);
        ours = std::min(ours, ms);
        raw = std::min(raw, baseline);
    }
    const double perKeyUs = 1000 * ours / double(used.size());
    Bench::printMeasure(QStringLiteral("info_usage_write_raw_sqlite3_us_per_key"),
                        1000 * raw / double(used.size()), 1.0, QStringLiteral("-"));
    Bench::printMeasure(QStringLiteral("usage_write_us_per_key"), perKeyUs, ours / raw,
                        QStringLiteral("- (write/raw)"));
    return 0;
}
