// Writes a benchmark vault of N keys (see BenchVault) and its tokens, one per line, for the
// benchmarks that drive whole processes: keyward-verifyd under wrk (run_verifyd_bench.sh).
//   keyward_bench_vault VAULT KEYS TOKENS_FILE
#include "BenchVault.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace Keyward;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = false;
    const int keys = args.size() == 4 ? args.at(2).toInt(&ok) : 0;
    if (!ok || keys <= 0) {
        std::fprintf(stderr, "usage: keyward_bench_vault VAULT KEYS TOKENS_FILE\n");
        return 2;
    }
    auto vault = Bench::BenchVault::create(args.at(1), keys, SystemClock::instance());
    if (!vault) {
        std::fprintf(stderr, "%s\n", qPrintable(vault.errorMessage()));
        return 1;
    }
    QFile out(args.at(3));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(args.at(3)));
        return 1;
    }
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    for (const std::string &token : (*vault)->tokens()) {
        out.write(token.data(), qint64(token.size()));
        out.write("\n", 1);
    }
    return 0;
}
