// Seeds a vault for the keyward-verifyd benchmark (run_verifyd_bench.sh) and writes its tokens,
// one per line, for wrk's Lua script:
//   keyward_verifyd_bench_vault --vault PATH --keys N --tokens FILE
//   keyward_verifyd_bench_vault --db SUPERUSER_CONNINFO --keys N --tokens FILE --conninfo FILE
// With --db it writes the verifier login's conninfo, keeps the database while stdin stays open,
// and drops it at EOF (PgBenchVault cleans up after itself).
#include "BenchVault.h"
#include "PgBenchVault.h"
#include "store/PgConnInfo.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <iostream>
#include <string>

using namespace Keyward;

namespace {

bool writeTokens(const QString &path, const std::vector<std::string> &tokens)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (const std::string &token : tokens) {
        file.write(token.data(), qint64(token.size()));
        file.write("\n");
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    auto option = [&args](const char *name) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : QString();
    };
    const int keys = option("--keys").toInt();
    const QString tokens = option("--tokens");
    if (keys <= 0 || tokens.isEmpty()) {
        std::fprintf(stderr, "usage: see the top of bench_verifyd_vault.cpp\n");
        return 2;
    }
    if (const QString db = option("--db"); !db.isEmpty()) {
        auto server = PgConnInfo::parse(db);
        if (!server)
            return 2;
        auto vault = Bench::PgBenchVault::create(*server, keys, SystemClock::instance());
        if (!vault) {
            std::fprintf(stderr, "%s\n", qPrintable(vault.errorMessage()));
            return 1;
        }
        QFile conninfo(option("--conninfo"));
        if (!writeTokens(tokens, (*vault)->tokens()) || !conninfo.open(QIODevice::WriteOnly))
            return 1;
        conninfo.write((*vault)->verifierConninfo().toString(true).toUtf8());
        conninfo.close();
        std::string line;
        while (std::getline(std::cin, line)) { } // until the benchmark closes stdin
        return 0;
    }
    auto vault = Bench::BenchVault::create(option("--vault"), keys, SystemClock::instance());
    if (!vault) {
        std::fprintf(stderr, "%s\n", qPrintable(vault.errorMessage()));
        return 1;
    }
    return writeTokens(tokens, (*vault)->tokens()) ? 0 : 1;
}
