// Usage reaching an open window on a big vault: a verifier on another thread (its own
// connection, as a service's process would have) verifies a thousand different keys and writes
// the usage every second; the real MainWindow follows through its usage channel. Prints what
// each update costs (reading the used keys, the model, the sorted proxy), the longest stall of
// the event loop while updates arrive (what the admin would feel), and, as the baseline measured
// in the same run, what reading every key again costs (the old way: a reload per change).
//
//   build/tests/bench/keyward_usage_bench [keys=100000] [seconds=20] [keys-per-second=1000]
//                                         [sort=name|lastused]
#include "BenchVault.h"

#include "core/Clock.h"
#include "store/SqlKeyStore.h"
#include "ui/ApiKeysPage.h"
#include "ui/KeyTableModel.h"
#include "ui/MainWindow.h"
#include "ui/Settings.h"
#include "ui/VaultSession.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <vector>

using namespace Keyward;

namespace {

struct Stats
{
    std::vector<double> ms;
    void add(double value) { ms.push_back(value); }
    double quantile(double q)
    {
        if (ms.empty())
            return 0;
        std::sort(ms.begin(), ms.end());
        return ms.at(std::min(ms.size() - 1, std::size_t(q * double(ms.size()))));
    }
    double max() { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

int argOr(int argc, char **argv, int index, int fallback)
{
    return argc > index ? std::max(1, std::atoi(argv[index])) : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int keyCount = argOr(argc, argv, 1, 100000);
    const int seconds = argOr(argc, argv, 2, 20);
    const int keysPerSecond = std::min(keyCount, argOr(argc, argv, 3, 1000));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.keyward"));
    std::printf("seeding %d keys...\n", keyCount);
    std::fflush(stdout);
    auto vault = Bench::BenchVault::create(path, keyCount, SystemClock::instance());
    if (!vault) {
        std::fprintf(stderr, "%s\n", qPrintable(vault.errorMessage()));
        return 1;
    }
    const std::vector<std::string> tokens = (*vault)->tokens();
    vault->reset(); // the window and the verifier open their own connections

    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, SystemClock::instance());
    window.show();
    window.start(path);
    VaultSession &session = window.session();
    // A vault this large is checked on a thread of its own before it opens (VaultOpenCheck).
    while (window.vaults().isOpening())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    if (!session.signIn(QStringLiteral("owner"), SecretString("benchmark passphrase", 20))) {
        std::fprintf(stderr, "cannot sign in\n");
        return 1;
    }
    ApiKeysPage *page = window.keysPage();
    // By name (the default), or by the column every update changes.
    const bool byLastUse = argc > 4 && qstrcmp(argv[4], "lastused") == 0;
    page->table()->sortByColumn(byLastUse ? KeyTableModel::LastUsedColumn
                                          : KeyTableModel::NameColumn,
                                byLastUse ? Qt::DescendingOrder : Qt::AscendingOrder);
    std::printf("window shows %d keys\n", page->model()->rowCount());

    // Baseline, same run: every key read again, as a reload per change would.
    Stats reloads;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        (void)page->reload();
        reloads.add(double(timer.nsecsElapsed()) / 1e6);
    }

    // The window's own handler, timed: the same call the usage channel makes.
    QObject::disconnect(&session, &VaultSession::usageRecorded, &window, nullptr);
    Stats updates;
    std::atomic<int> keysUpdated {0};
    QObject::connect(page, &ApiKeysPage::usageUpdated, page,
                     [&](const QVector<qint64> &ids) { keysUpdated += int(ids.size()); });
    QObject::connect(&session, &VaultSession::usageRecorded, page, [&] {
        QElapsedTimer timer;
        timer.start();
        (void)page->refreshUsage();
        updates.add(double(timer.nsecsElapsed()) / 1e6);
    });

    // Stalls: the gaps between 10 ms ticks, beyond the 10 ms.
    Stats stalls;
    QElapsedTimer frame;
    frame.start();
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        stalls.add(std::max(0.0, double(frame.nsecsElapsed()) / 1e6 - 10.0));
        frame.restart();
    });

    std::atomic<bool> stop {false};
    std::atomic<int> written {0};
    QThread *verifierThread = QThread::create([&] {
        auto store = SqlKeyStore::openVault(path, SystemClock::instance());
        if (!store) {
            std::fprintf(stderr, "verifier: %s\n", qPrintable(store.errorMessage()));
            return;
        }
        Verifier verifier(**store, SystemClock::instance());
        UsageRecorderOptions options;
        options.flushIntervalMs = 3600 * 1000; // this loop writes, every second
        UsageRecorder recorder(**store, SystemClock::instance(), options);
        verifier.setRecorder(&recorder);
        std::mt19937 random(42);
        std::uniform_int_distribution<std::size_t> pick(0, tokens.size() - 1);
        while (!stop) {
            QElapsedTimer second;
            second.start();
            for (int i = 0; i < keysPerSecond; ++i) {
                const std::string &token = tokens.at(pick(random));
                (void)verifier.verify(token.data(), token.size(), Environment::Production, {},
                                      QStringLiteral("bench"));
            }
            if (recorder.flush())
                ++written;
            QThread::msleep(std::max<qint64>(0, 1000 - second.elapsed()));
        }
    });
    verifierThread->start();
    ticker.start();
    QTimer::singleShot(seconds * 1000, &app, [&] { app.quit(); });
    app.exec();
    stop = true;
    verifierThread->wait();
    delete verifierThread;

    std::printf("\n%d keys sorted by %s, %d s, the verifier wrote usage of %d keys every second "
                "(%d writes)\n",
                keyCount, byLastUse ? "last use" : "name", seconds, keysPerSecond, written.load());
    std::printf("usage updates: %zu, rows updated: %d\n", updates.ms.size(), keysUpdated.load());
    std::printf("update (read + model + proxy)   median %8.2f ms   p99 %8.2f ms   max %8.2f ms\n",
                updates.quantile(0.5), updates.quantile(0.99), updates.max());
    std::printf("event-loop stall beyond 10 ms   median %8.2f ms   p99 %8.2f ms   max %8.2f ms\n",
                stalls.quantile(0.5), stalls.quantile(0.99), stalls.max());
    const double baseline = reloads.quantile(0.5);
    std::printf("baseline: full reload           median %8.2f ms\n", baseline);
    std::printf("ratio update/full reload        %8.3f\n",
                baseline > 0 ? updates.quantile(0.5) / baseline : 0.0);
    return 0;
}
