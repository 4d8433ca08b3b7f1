#include "UsageCredits.h"

namespace Keyward {

qint64 UsageCredits::used(qint64 keyId) const
{
    const auto it = m_keys.constFind(keyId);
    return it == m_keys.constEnd() ? 0 : it->base + it->consumed;
}

void UsageCredits::observeStored(qint64 keyId, qint64 storedCount)
{
    State &state = m_keys[keyId];
    // The row includes the use saved so far. A save that committed but was not yet reported is
    // then counted twice, which errs on the strict side and is corrected by its report.
    state.base = storedCount - state.saved;
}

void UsageCredits::observeSaved(qint64 keyId, qint64 savedCredits, qint64 storedCount)
{
    State &state = m_keys[keyId];
    state.saved = savedCredits;
    state.base = storedCount - savedCredits;
}

void UsageCredits::consume(qint64 keyId)
{
    ++m_keys[keyId].consumed;
}

} // namespace Keyward
