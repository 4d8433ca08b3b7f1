#pragma once

#include <QString>

#include <functional>

namespace Keyward::Bench {

// Best of several runs, in nanoseconds per operation. The minimum, not the mean: on a shared
// machine the noise only ever adds time, so the fastest run is the best estimate of the cost.
double bestNsPerOp(int runs, qint64 opsPerRun, const std::function<void()> &run);

// Peak resident set size of this process (VmHWM), in MiB; -1 when unknown.
double peakRssMiB();

// One result line: "name ns_per_op ratio target".
void printMeasure(const QString &name, double value, double ratio, const QString &target);

} // namespace Keyward::Bench
