#include "UsageCredits.h"

#include "RateLimiter.h"
#include "store/SharedLimitRepository.h"

#include <QMutexLocker>
#include <QVector>

#include <utility>

namespace Keyward {

UsageCredits::UsageCredits(const Clock &clock)
    : m_clock(clock)
{ }

qint64 UsageCredits::reservationSize(qint64 limit)
{
    return qBound(qint64(1), limit / 100, qint64(1000));
}

qint64 UsageCredits::usedLocked(const State &state) const
{
    // Our unspent reservations are counted in `stored` but not used yet; our per-process use
    // is not in `stored` until the recorder has saved it.
    return state.stored - state.reserved + (state.consumed - state.saved);
}

bool UsageCredits::enterEpoch(State &state, qint64 epoch)
{
    if (epoch < state.epoch)
        return false;
    if (epoch > state.epoch) {
        // Reset since they were reserved: they are not in the count any more. Spending them
        // would pass requests the count never sees; giving them back would take them off the
        // use counted since the reset.
        state.reserved = 0;
        state.epoch = epoch;
    }
    return true;
}

std::optional<UsageCredits::Spend> UsageCredits::spendReserved(State &state) const
{
    if (state.reserved == 0)
        return std::nullopt;
    --state.reserved;
    return Spend {true, true, usedLocked(state)};
}

UsageCredits::Spend UsageCredits::spendLocally(State &state, qint64 limit)
{
    if (usedLocked(state) >= limit)
        return {false, false, usedLocked(state)};
    ++state.consumed;
    return {true, false, usedLocked(state)};
}

UsageCredits::Spend UsageCredits::spend(qint64 keyId, qint64 limit, qint64 usageEpoch,
                                        SharedLimitRepository *shared)
{
    const qint64 now = m_clock.nowMs();
    {
        QMutexLocker lock(&m_mutex);
        State &state = m_keys[keyId];
        // The key's row as the verifier has it, from the store or the cache (a cache pass may
        // have read it after a reset without this process looking it up): its epoch comes first.
        enterEpoch(state, usageEpoch);
        if (auto spent = spendReserved(state))
            return *spent;
        if (!shared || now < state.storeRetryAtMs)
            return spendLocally(state, limit);
    }
    // A grant from an epoch older than one this process has seen since (a reset committed
    // between the reservation and the return to the lock) is not in the count any more: dropped,
    // and asked once more.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Result<CreditGrant> grant = shared->reserveCredits(keyId, reservationSize(limit));
        QMutexLocker lock(&m_mutex);
        State &state = m_keys[keyId];
        if (!grant) {
            state.storeRetryAtMs = RateLimiter::storeRetryAt(now, m_clock.nowMs());
            if (auto spent = spendReserved(state))
                return *spent;
            return spendLocally(state, limit);
        }
        ++m_reservations;
        if (!enterEpoch(state, grant->usageEpoch)) {
            if (auto spent = spendReserved(state)) // another thread's, of the newer epoch
                return *spent;
            continue;
        }
        state.stored = grant->usageCount;
        // An Admin removed the limit since this process read the key: nothing to count against
        // (no credits were reserved), where answering "used up" until the cache reloaded was not.
        if (!grant->usageLimit)
            return {true, true, usedLocked(state)};
        state.reserved += grant->credits;
        if (state.reserved == 0)
            return {false, true, usedLocked(state)};
        --state.reserved;
        return {true, true, usedLocked(state)};
    }
    // The store keeps answering from behind what this process has seen: decided here.
    QMutexLocker lock(&m_mutex);
    return spendLocally(m_keys[keyId], limit);
}

UsageCredits::Spend UsageCredits::check(qint64 keyId, qint64 limit, qint64 usageEpoch,
                                        SharedLimitRepository *shared)
{
    const qint64 now = m_clock.nowMs();
    {
        QMutexLocker lock(&m_mutex);
        State &state = m_keys[keyId];
        enterEpoch(state, usageEpoch);
        if (state.reserved > 0)
            return {true, true, usedLocked(state)};
        if (!shared || now < state.storeRetryAtMs)
            return {usedLocked(state) < limit, false, usedLocked(state)};
    }
    const Result<CreditGrant> look = shared->peekCredits(keyId);
    QMutexLocker lock(&m_mutex);
    State &state = m_keys[keyId];
    if (look) {
        if (enterEpoch(state, look->usageEpoch))
            state.stored = look->usageCount;
        if (look->usageLimit)
            limit = *look->usageLimit;
    }
    return {usedLocked(state) < limit, bool(look), usedLocked(state)};
}

void UsageCredits::returnUnused(SharedLimitRepository &shared)
{
    struct Unused
    {
        qint64 keyId;
        qint64 credits;
        qint64 epoch;
    };
    QVector<Unused> unused;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_keys.begin(); it != m_keys.end(); ++it) {
            if (it->reserved > 0) {
                unused.append({it.key(), it->reserved, it->epoch});
                it->stored -= it->reserved;
                it->reserved = 0;
            }
        }
    }
    // A failure here (connection lost) leaves them counted as used: never more than the limit.
    for (const Unused &credits : unused)
        (void)shared.returnCredits(credits.keyId, credits.credits, credits.epoch);
}

qint64 UsageCredits::used(qint64 keyId) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_keys.constFind(keyId);
    return it == m_keys.constEnd() ? 0 : usedLocked(*it);
}

bool UsageCredits::isKnown(qint64 keyId) const
{
    QMutexLocker lock(&m_mutex);
    return m_keys.contains(keyId);
}

void UsageCredits::observeStored(qint64 keyId, qint64 storedCount, qint64 usageEpoch)
{
    QMutexLocker lock(&m_mutex);
    // The row includes the use saved so far. A save that committed but was not yet reported is
    // then counted twice, which errs on the strict side and is corrected by its report.
    State &state = m_keys[keyId];
    if (enterEpoch(state, usageEpoch))
        state.stored = storedCount;
}

void UsageCredits::observeSaved(qint64 keyId, qint64 savedCredits, qint64 storedCount,
                                qint64 usageEpoch)
{
    QMutexLocker lock(&m_mutex);
    State &state = m_keys[keyId];
    state.saved = savedCredits; // saved whatever the epoch
    // A reading from before a reset, reported after it, is not the count.
    if (enterEpoch(state, usageEpoch))
        state.stored = storedCount;
}

void UsageCredits::consume(qint64 keyId)
{
    QMutexLocker lock(&m_mutex);
    ++m_keys[keyId].consumed;
}

void UsageCredits::clear()
{
    QMutexLocker lock(&m_mutex);
    m_keys.clear();
}

qint64 UsageCredits::reservationCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_reservations;
}

} // namespace Keyward
