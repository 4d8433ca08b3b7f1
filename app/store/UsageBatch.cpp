#include "UsageBatch.h"

#include "core/Clock.h"

#include <QHashFunctions>

namespace Keyward {

UsageBatch::UsageBatch(int maxRequests, int requestsPerSecond, int validRowsPerSecond)
    : m_maxRequests(qMax(1, maxRequests))
    , m_requestsPerSecond(qMax(1, requestsPerSecond))
    , m_validRowsPerSecond(qMax(1, validRowsPerSecond))
{ }

namespace {

// The start of the period of length unitMs that holds atMs. Floor, not truncation, so a
// (theoretical) time before 1970 lands in its own period.
qint64 periodStart(qint64 atMs, qint64 unitMs)
{
    qint64 period = atMs / unitMs;
    if (atMs < 0 && period * unitMs != atMs)
        --period;
    return period * unitMs;
}

} // namespace

qint64 UsageBatch::hourOf(qint64 atMs)
{
    return periodStart(atMs, kHourMs);
}

void UsageBatch::add(const UsageEvent &event)
{
    ++m_events;
    // Events normally arrive in time order; a clock step backwards must not make the recorded
    // last use go back in time.
    if (event.secretId != 0 && event.consumesCredit) {
        LastUse &use = m_lastUses[event.secretId];
        if (event.atMs >= use.atMs) {
            use.atMs = event.atMs;
            use.source = event.source;
        }
    } else if (event.secretId != 0) {
        LastRefusal &refusal = m_lastRefusals[event.secretId];
        if (event.atMs >= refusal.atMs) {
            refusal.atMs = event.atMs;
            refusal.outcome = event.outcome;
        }
    }
    if (event.keyId != 0) {
        ++m_hourly[HourSlot {event.keyId, hourOf(event.atMs), event.outcome}];
        const bool addsCredit = event.consumesCredit && !event.creditReserved;
        if (addsCredit)
            ++m_credits[event.keyId];
        if (event.readsBackUsage)
            m_readBack[event.keyId] += addsCredit ? 1 : 0;
    }
    if (!takeLogSlot(event))
        return;
    if (int(m_requests.size()) >= m_maxRequests)
        m_requests.pop_front();
    m_requests.push_back(
        RequestLogRow {event.atMs, event.keyId, event.secretId, event.source, event.outcome});
}

void UsageBatch::merge(const UsageBatch &newer)
{
    m_events += newer.m_events;
    for (auto it = newer.m_lastUses.cbegin(); it != newer.m_lastUses.cend(); ++it) {
        LastUse &use = m_lastUses[it.key()];
        if (it->atMs >= use.atMs)
            use = *it;
    }
    for (auto it = newer.m_lastRefusals.cbegin(); it != newer.m_lastRefusals.cend(); ++it) {
        LastRefusal &refusal = m_lastRefusals[it.key()];
        if (it->atMs >= refusal.atMs)
            refusal = *it;
    }
    for (auto it = newer.m_hourly.cbegin(); it != newer.m_hourly.cend(); ++it)
        m_hourly[it.key()] += it.value();
    for (auto it = newer.m_credits.cbegin(); it != newer.m_credits.cend(); ++it)
        m_credits[it.key()] += it.value();
    for (auto it = newer.m_readBack.cbegin(); it != newer.m_readBack.cend(); ++it)
        m_readBack[it.key()] += it.value();
    for (const RequestLogRow &row : newer.m_requests) {
        if (int(m_requests.size()) >= m_maxRequests)
            m_requests.pop_front();
        m_requests.push_back(row);
    }
}

bool UsageBatch::takeLogSlot(const UsageEvent &event)
{
    // A clock step backwards starts a new second too.
    const qint64 second = periodStart(event.atMs, kSecondMs);
    if (second != m_logSecond) {
        m_loggedThisSecond.clear();
        m_validRowsThisSecond = 0;
        m_logSecond = second;
    }
    if (event.consumesCredit && m_validRowsThisSecond >= m_validRowsPerSecond)
        return false;
    int &logged = m_loggedThisSecond[{event.keyId, event.outcome}];
    if (logged >= m_requestsPerSecond)
        return false;
    ++logged;
    if (event.consumesCredit)
        ++m_validRowsThisSecond;
    return true;
}

bool UsageBatch::isEmpty() const
{
    return m_events == 0;
}

void UsageBatch::clear()
{
    m_lastUses.clear();
    m_lastRefusals.clear();
    m_hourly.clear();
    m_credits.clear();
    m_readBack.clear();
    m_requests.clear();
    m_events = 0;
}

size_t qHash(const UsageBatch::HourSlot &slot, size_t seed) noexcept
{
    return qHashMulti(seed, slot.keyId, slot.hourMs, slot.outcome);
}

} // namespace Keyward
