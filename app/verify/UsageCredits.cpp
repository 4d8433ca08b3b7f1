#include "UsageCredits.h"

namespace Keyward {

qint64 UsageCredits::used(qint64 keyId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_keys.constFind(keyId);
    return it == m_keys.constEnd() ? 0 : it->base + it->consumed;
}

void UsageCredits::observeStored(qint64 keyId, qint64 storedCount)
{
    std::lock_guard lock(m_mutex);
    State &state = m_keys[keyId];
    // The row includes the use saved so far. A save that committed but was not yet reported is
    // then counted twice, which errs on the strict side and is corrected by its report.
    state.base = storedCount - state.saved;
}

void UsageCredits::observeSaved(qint64 keyId, qint64 savedCredits, qint64 storedCount)
{
    std::lock_guard lock(m_mutex);
    State &state = m_keys[keyId];
    state.saved = savedCredits;
    state.base = storedCount - savedCredits;
}

void UsageCredits::consume(qint64 keyId)
{
    std::lock_guard lock(m_mutex);
    ++m_keys[keyId].consumed;
}

bool UsageCredits::tryConsume(qint64 keyId, qint64 limit)
{
    std::lock_guard lock(m_mutex);
    State &state = m_keys[keyId];
    if (state.base + state.consumed >= limit)
        return false;
    ++state.consumed;
    return true;
}

bool UsageCredits::isKnown(qint64 keyId) const
{
    std::lock_guard lock(m_mutex);
    return m_keys.contains(keyId);
}

void UsageCredits::clear()
{
    std::lock_guard lock(m_mutex);
    m_keys.clear();
}

} // namespace Keyward
