#include "UsageReport.h"

#include "core/Clock.h"
#include "store/SqlKeyStore.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"

#include <numeric>

namespace Keyward {

qint64 UsageReport::Hour::count(VerifyOutcome outcome) const
{
    return counts[std::size_t(verifyOutcomeToInt(outcome))];
}

qint64 UsageReport::Hour::total() const
{
    return std::accumulate(counts.begin(), counts.end(), qint64(0));
}

Result<UsageReport> UsageReport::load(SqlKeyStore &store, qint64 keyId, qint64 nowMs, int hours,
                                      int requests)
{
    hours = qBound(1, hours, 90 * 24);
    const qint64 currentHour = UsageBatch::hourOf(nowMs);
    const qint64 fromMs = currentHour - qint64(hours - 1) * kHourMs;
    const auto repository = store.usageRepository();
    auto rows = repository->hourlyUsage(keyId, fromMs, currentHour + kHourMs);
    if (!rows)
        return rows.error();
    auto log = repository->lastRequests(keyId, requests);
    if (!log)
        return log.error();

    UsageReport report;
    report.m_keyId = keyId;
    report.m_hours.resize(hours);
    for (int i = 0; i < hours; ++i)
        report.m_hours[i].hourMs = fromMs + qint64(i) * kHourMs;
    for (const HourlyUsage &row : std::as_const(*rows)) {
        const qint64 index = (row.hourMs - fromMs) / kHourMs;
        // An outcome code from a newer Keyward is left out rather than miscounted.
        if (index < 0 || index >= hours || !verifyOutcomeFromInt(row.outcome))
            continue;
        report.m_hours[int(index)].counts[std::size_t(row.outcome)] += row.count;
    }
    for (const RequestLogEntry &entry : std::as_const(*log)) {
        const std::optional<VerifyOutcome> outcome = verifyOutcomeFromInt(entry.outcome);
        if (!outcome)
            continue;
        report.m_requests.append(
            Request {entry.atMs, *outcome, entry.source, entry.secretId, entry.secretHint});
    }
    return report;
}

qint64 UsageReport::total(VerifyOutcome outcome) const
{
    qint64 sum = 0;
    for (const Hour &hour : m_hours)
        sum += hour.count(outcome);
    return sum;
}

qint64 UsageReport::total() const
{
    qint64 sum = 0;
    for (const Hour &hour : m_hours)
        sum += hour.total();
    return sum;
}

} // namespace Keyward
