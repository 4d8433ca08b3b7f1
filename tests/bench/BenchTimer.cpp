#include "BenchTimer.h"

#include <QFile>

#include <chrono>
#include <cstdio>
#include <limits>

namespace Keyward::Bench {

double bestNsPerOp(int runs, qint64 opsPerRun, const std::function<void()> &run)
{
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        const auto stop = std::chrono::steady_clock::now();
        const double ns = double(std::chrono::duration_cast<std::chrono::nanoseconds>(stop - start)
                                     .count())
            / double(opsPerRun);
        best = std::min(best, ns);
    }
    return best;
}

double peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return -1;
}

void printMeasure(const QString &name, double value, double ratio, const QString &target)
{
    std::printf("%-34s %12.1f %7.2f  %s\n", qPrintable(name), value, ratio, qPrintable(target));
    std::fflush(stdout);
}

} // namespace Keyward::Bench
