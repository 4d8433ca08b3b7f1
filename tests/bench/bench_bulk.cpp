// Bulk changes on a big vault (issue 16 §3: "a bulk revoke on a 100,000-key vault must take
// under 2 s"). Prints "name value ratio target" lines:
//   keyward_bulk_bench [--keys 100000] [--bulk 1000]
// - the baseline: the same number of keys revoked one by one (revokeKey, one transaction each),
//   measured in this run;
// - KeyStore::changeKeys revoking --bulk keys in one transaction, and ten times as many;
// - the path people run: `keywardctl key bulk revoke --stdin --yes` as a whole process
//   (sign-in, the admin whole-file check, the change), ids on stdin.
// Each step revokes keys no earlier step touched.
#include "BenchTimer.h"
#include "BenchVault.h"
#include "core/BulkKeyChange.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace Keyward;
using namespace Keyward::Bench;

namespace {

int intOption(const QStringList &args, const char *name, int fallback)
{
    const int at = int(args.indexOf(QString::fromLatin1(name)));
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}

QVector<ApiKey> keysWithIds(KeyStore &store, qint64 first, int count)
{
    QVector<ApiKey> keys;
    auto all = store.listKeys(true);
    if (!all)
        qFatal("listKeys: %s", qPrintable(all.errorMessage()));
    for (const ApiKey &key : *all) {
        if (key.id >= first && key.id < first + count)
            keys.append(key);
    }
    return keys;
}

double bulkRevokeMs(KeyStore &store, qint64 first, int count)
{
    const QVector<ApiKey> keys = keysWithIds(store, first, count);
    QElapsedTimer timer;
    timer.start();
    auto done = store.changeKeys(BulkKeyChange::of(BulkKeyAction::Revoke, keys));
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!done || done->changed.size() != count)
        qFatal("bulk revoke: %s", done ? "not every key changed" : qPrintable(done.errorMessage()));
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int keyCount = intOption(args, "--keys", 100000);
    const int bulk = intOption(args, "--bulk", 1000);
    if (keyCount < 13 * bulk + 1) {
        std::fprintf(stderr, "keyward_bulk_bench: --keys must be at least 13 x --bulk\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bulk.keyward"));
    SystemClock clock;
    std::fprintf(stderr, "Seeding %d signed keys...\n", keyCount);
    auto vault = BenchVault::create(path, keyCount, clock);
    if (!vault) {
        std::fprintf(stderr, "keyward_bulk_bench: %s\n", qPrintable(vault.errorMessage()));
        return 1;
    }
    KeyStore &store = (*vault)->store();
    std::printf("# keyward_bulk_bench: %d keys, bulk of %d\n", keyCount, bulk);
    std::printf("# %-32s %12s %7s  %s\n", "name", "ms", "ratio", "target");

    // Baseline: one revokeKey (one transaction, one signature, one audit row) per key.
    const QVector<ApiKey> singles = keysWithIds(store, 1, bulk);
    QElapsedTimer timer;
    timer.start();
    for (const ApiKey &key : singles) {
        if (!store.revokeKey(key.id, key.version))
            qFatal("revokeKey %lld failed", key.id);
    }
    const double singleMs = double(timer.nsecsElapsed()) / 1e6;
    printMeasure(QStringLiteral("baseline_revoke_one_by_one_%1").arg(bulk), singleMs, 1.0,
                 QStringLiteral("-"));

    const double bulkMs = bulkRevokeMs(store, bulk + 1, bulk);
    printMeasure(QStringLiteral("bulk_revoke_%1").arg(bulk), bulkMs, bulkMs / singleMs,
                 QStringLiteral("< 2000 ms"));
    const double tenfoldMs = bulkRevokeMs(store, 2 * bulk + 1, 10 * bulk);
    printMeasure(QStringLiteral("info_bulk_revoke_%1").arg(10 * bulk), tenfoldMs,
                 tenfoldMs / (10 * singleMs), QStringLiteral("-"));

    // keywardctl, as a cron job or an admin at a shell runs it.
    QByteArray ids;
    for (qint64 id = 12 * bulk + 1; id <= 13 * bulk; ++id)
        ids += QByteArray::number(id) + '\n';
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("owner"));
    env.insert(QStringLiteral("KEYWARD_PASSPHRASE"), QStringLiteral("benchmark passphrase"));
    cli.setProcessEnvironment(env);
    timer.restart();
    cli.start(QStringLiteral(KEYWARDCTL_PATH),
              {QStringLiteral("--vault"), path, QStringLiteral("key"), QStringLiteral("bulk"),
               QStringLiteral("revoke"), QStringLiteral("--stdin"), QStringLiteral("--yes")});
    cli.write(ids);
    cli.closeWriteChannel();
    if (!cli.waitForFinished(600000) || cli.exitCode() != 0) {
        std::fprintf(stderr, "keyward_bulk_bench: keywardctl failed: %s\n",
                     cli.readAllStandardError().constData());
        return 1;
    }
    const double cliMs = double(timer.nsecsElapsed()) / 1e6;
    printMeasure(QStringLiteral("keywardctl_bulk_revoke_%1").arg(bulk), cliMs, cliMs / singleMs,
                 QStringLiteral("< 2000 ms"));
    return 0;
}
