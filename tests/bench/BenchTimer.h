#pragma once

#include <QString>

#include <functional>

namespace Keyward::Bench {

// Best of several runs, in nanoseconds of this thread's CPU time per operation. CPU time, not
// wall time, because on a shared machine other processes (and our own usage writer thread) take
// turns on the cores; the minimum, not the mean, because noise only ever adds time.
double bestNsPerOp(int runs, qint64 opsPerRun, const std::function<void()> &run);

// The same in wall-clock time: for a database server, whose work happens in another process
// and whose round trips are waiting, not CPU.
double bestWallNsPerOp(int runs, qint64 opsPerRun, const std::function<void()> &run);
// CPU time used so far by this thread / by the whole process, in ns.
qint64 threadCpuNs();
qint64 processCpuNs();

// Peak resident set size of this process (VmHWM), in MiB; -1 when unknown.
double peakRssMiB();

// One result line: "name ns_per_op ratio target".
void printMeasure(const QString &name, double value, double ratio, const QString &target);

} // namespace Keyward::Bench
