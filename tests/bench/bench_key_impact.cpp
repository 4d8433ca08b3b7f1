// What reading a key's impact (verify/KeyImpact, shown by every revoke/delete/deactivate/end-grace
// confirmation) costs on a big vault: 100,000 keys, one hot key with many request-log rows (more
// than the default retention keeps: the worst case) and a regenerated secret, plus background
// rows on other keys. Prints the median and worst of repeated loads, for the whole key and for
// the previous secret alone.
//
//   build/tests/bench/keyward_impact_bench [keys=100000] [hot-rows=200000] [sources=50]
#include "BenchVault.h"

#include "store/UsageBatch.h"
#include "store/UsageRepository.h"
#include "verify/KeyImpact.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Keyward;

namespace {

int argOr(int argc, char **argv, int index, int fallback)
{
    return argc > index ? std::max(1, std::atoi(argv[index])) : fallback;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int keys = argOr(argc, argv, 1, 100000);
    const int hotRows = argOr(argc, argv, 2, 200000);
    const int sources = argOr(argc, argv, 3, 50);
    QTemporaryDir dir;
    ManualClock clock(1'800'000'000'000);
    QElapsedTimer timer;
    timer.start();
    auto vault =
        Bench::BenchVault::create(dir.filePath(QStringLiteral("impact.keyward")), keys, clock);
    if (!vault) {
        std::fprintf(stderr, "%s\n", qPrintable(vault.errorMessage()));
        return 1;
    }
    SqlKeyStore &store = (*vault)->store();
    auto listed = store.listKeys();
    if (!listed || listed->isEmpty())
        return 1;
    const ApiKey hot = listed->constFirst();
    auto regenerated = store.regenerateKey(hot.id, hot.version, 7 * kDayMs);
    if (!regenerated) {
        std::fprintf(stderr, "%s\n", qPrintable(regenerated.errorMessage()));
        return 1;
    }
    const qint64 current = regenerated->key.secrets.at(0).id;
    const qint64 previous = regenerated->key.secrets.at(1).id;
    const qint64 now = clock.nowMs();
    std::printf("seeded %d keys in %.1f s\n", keys, double(timer.elapsed()) / 1000);

    // Hot key: hotRows requests over the last 10 days, a source each out of `sources`, half on
    // each secret; other keys: one request each. Kept whole (no trimming): the worst case.
    timer.restart();
    UsageRetention keepAll;
    keepAll.requestsPerKey = hotRows * 2;
    keepAll.requestsTotal = hotRows * 4 + keys * 2;
    auto repository = store.usageRepository();
    const qint64 spanMs = 10 * kDayMs;
    for (int first = 0; first < hotRows; first += 20000) {
        UsageBatch batch(100000, 5, 100000);
        for (int i = first; i < std::min(hotRows, first + 20000); ++i) {
            UsageEvent event;
            event.atMs = now - spanMs + qint64(i) * spanMs / hotRows;
            event.keyId = hot.id;
            event.secretId = i % 2 ? current : previous;
            event.outcome = i % 17 == 0 ? verifyOutcomeToInt(VerifyOutcome::RateLimited)
                                        : verifyOutcomeToInt(VerifyOutcome::Valid);
            event.consumesCredit = i % 17 != 0;
            event.source = QStringLiteral("service-%1").arg(i % sources);
            batch.add(event);
        }
        if (!repository->write(batch, keepAll, now))
            return 1;
    }
    {
        UsageBatch batch(200000, 5, 200000);
        for (const ApiKey &key : std::as_const(*listed)) {
            if (key.id == hot.id)
                continue;
            UsageEvent event;
            event.atMs = now - kHourMs;
            event.keyId = key.id;
            event.secretId = key.secrets.at(0).id;
            event.outcome = verifyOutcomeToInt(VerifyOutcome::Valid);
            event.consumesCredit = true;
            event.source = QStringLiteral("other");
            batch.add(event);
        }
        if (!repository->write(batch, keepAll, now))
            return 1;
    }
    const ApiKey fresh = *store.key(hot.id);
    std::printf("usage written in %.1f s: %d request-log rows on the hot key, %d on others\n",
                double(timer.elapsed()) / 1000, hotRows, keys - 1);

    for (const qint64 secretId : {qint64(0), previous}) {
        std::vector<double> ms;
        qint64 total = 0;
        qsizetype seen = 0;
        for (int run = 0; run < 21; ++run) {
            QElapsedTimer t;
            t.start();
            auto impact = KeyImpact::load(store, fresh, now, secretId);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!impact)
                return 1;
            total = impact->total();
            seen = impact->sources().size();
        }
        std::printf("%s: median %.2f ms, worst %.2f ms (%lld requests in 7 days, %lld sources)\n",
                    secretId ? "previous secret" : "whole key", median(ms),
                    *std::max_element(ms.begin(), ms.end()), total, qint64(seen));
    }
    return 0;
}
