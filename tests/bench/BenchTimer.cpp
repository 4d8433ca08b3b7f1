#include "BenchTimer.h"

#include <QFile>

#include <cstdio>
#include <limits>

#include <time.h>

namespace Keyward::Bench {

namespace {

qint64 cpuNs(clockid_t clock)
{
    timespec now {};
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace

qint64 threadCpuNs()
{
    return cpuNs(CLOCK_THREAD_CPUTIME_ID);
}

qint64 processCpuNs()
{
    return cpuNs(CLOCK_PROCESS_CPUTIME_ID);
}

double bestNsPerOp(int runs, qint64 opsPerRun, const std::function<void()> &run)
{
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < runs; ++i) {
        const qint64 start = threadCpuNs();
        run();
        best = std::min(best, double(threadCpuNs() - start) / double(opsPerRun));
    }
    return best;
}

double bestWallNsPerOp(int runs, qint64 opsPerRun, const std::function<void()> &run)
{
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < runs; ++i) {
        const qint64 start = cpuNs(CLOCK_MONOTONIC);
        run();
        best = std::min(best, double(cpuNs(CLOCK_MONOTONIC) - start) / double(opsPerRun));
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
