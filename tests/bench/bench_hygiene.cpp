// The hygiene report on a big vault (issue 16 §2: under 2 s for 100,000 keys). Seeds a vault
// (BenchVault: every key signed), adds audit history the size a vault of that many keys has
// (one row per key, not naming keys, so their signatures still hold), sets the rotation policy
// and dismisses some findings through the store, then times what the window does when the page
// refreshes: the store reads on the GUI thread (members, policy, dismissals), the checks on the
// worker, and the whole refresh until the table shows the answer; and, for comparison, what
// keywardctl report hygiene reads (every key again).
//
//   build/tests/bench/keyward_hygiene_bench [keys=100000] [dismissals=1000]
#include "BenchVault.h"
#include "StoreDatabase.h"

#include "core/Clock.h"
#include "core/HygieneReport.h"
#include "store/SqlKeyStore.h"
#include "ui/HygieneModel.h"
#include "ui/HygienePage.h"
#include "ui/KeyTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Keyward;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

bool addHistory(SqlKeyStore &store, int rows)
{
    QSqlDatabase &db = StoreDatabase::of(store);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN")))
        return false;
    q.prepare(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, key_id, details, "
                             "prev_hash, hash) VALUES ((SELECT MAX(id) + 1 FROM audit_log), ?, "
                             "'owner', 'key.create', NULL, ?, ?, ?)"));
    const QByteArray hash(32, 'h');
    for (int i = 0; i < rows; ++i) {
        q.addBindValue(qint64(1'790'000'000'000) + i);
        q.addBindValue(QStringLiteral("{\"name\":\"key %1\",\"environment\":\"live\"}").arg(i));
        q.addBindValue(hash);
        q.addBindValue(hash);
        if (!q.exec()) {
            std::fprintf(stderr, "history: %s\n", qPrintable(q.lastError().text()));
            return false;
        }
    }
    return QSqlQuery(db).exec(QStringLiteral("COMMIT"));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int keyCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    const int dismissalCount = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 1000;
    QTemporaryDir dir;
    ManualClock clock;
    QElapsedTimer timer;
    timer.start();
    auto vault =
        Bench::BenchVault::create(dir.filePath(QStringLiteral("bench.keyward")), keyCount, clock);
    if (!vault) {
        std::fprintf(stderr, "seed: %s\n", qPrintable(vault.errorMessage()));
        return 1;
    }
    SqlKeyStore &store = (*vault)->store();
    if (!addHistory(store, keyCount))
        return 1;
    clock.advanceMs(200 * kDayMs);
    if (auto set = store.setRotationPolicy(90); !set) {
        std::fprintf(stderr, "policy: %s\n", qPrintable(set.errorMessage()));
        return 1;
    }
    auto keys = store.listKeys(true);
    if (!keys)
        return 1;
    for (int i = 0; i < dismissalCount && i < keys->size(); ++i) {
        if (auto done = store.dismissFinding(keys->at(i).id, HygieneFinding::Kind::NeverUsed,
                                             QStringLiteral("benchmark"));
            !done) {
            std::fprintf(stderr, "dismiss: %s\n", qPrintable(done.errorMessage()));
            return 1;
        }
    }
    std::printf("seeded %d keys, %d audit rows of history, %d dismissals in %.0f ms\n", keyCount,
                keyCount, dismissalCount, msSince(timer));

    // What keywardctl report hygiene reads (the window has the keys already).
    timer.restart();
    auto listed = store.listKeys(false);
    const double listMs = msSince(timer);
    timer.restart();
    auto members = store.listMembers();
    const double membersMs = msSince(timer);
    timer.restart();
    auto policy = store.rotationPolicy();
    const double policyMs = msSince(timer);
    timer.restart();
    auto dismissals = store.hygieneDismissals();
    const double dismissalsMs = msSince(timer);
    if (!listed || !members || !policy || !dismissals)
        return 1;
    HygieneRules rules;
    rules.maxSecretAgeMs = policy->maxSecretAgeMs();
    timer.restart();
    QVector<HygieneFinding> findings =
        HygieneReport::findings(*listed, *members, clock.nowMs(), rules);
    HygieneReport::markDismissed(findings, *dismissals);
    const double checkMs = msSince(timer);
    std::printf("store: listKeys %.0f ms, listMembers %.1f ms, rotationPolicy %.1f ms, "
                "hygieneDismissals (%lld) %.1f ms\n",
                listMs, membersMs, policyMs, qlonglong(dismissals->size()), dismissalsMs);
    std::printf("checks: %lld findings in %.0f ms\n", qlonglong(findings.size()), checkMs);
    std::printf("keywardctl report hygiene reads and checks: %.0f ms (plus sign-in and output)\n",
                listMs + membersMs + policyMs + dismissalsMs + checkMs);

    // The window: the key table's model is already filled; the page refreshes from it.
    KeyTableModel model(clock);
    model.setKeys(*keys, store.grantCatalogue());
    HygienePage page(clock);
    page.setStore(&store, store.currentMember(), nullptr, &model);
    page.resize(1200, 800);
    page.show();
    for (int run = 0; run < 3; ++run) {
        QSignalSpy refreshed(&page, &HygienePage::refreshed);
        timer.restart();
        page.refresh();
        const double blockedMs = msSince(timer); // the GUI thread's part before the worker
        if (!refreshed.wait(30000)) {
            std::fprintf(stderr, "no answer\n");
            return 1;
        }
        std::printf("window refresh %d: %.0f ms until the table shows %d findings (GUI thread "
                    "busy %.0f ms before the checks moved to the worker)\n",
                    run + 1, msSince(timer), page.model()->rowCount(), blockedMs);
    }
    return 0;
}
