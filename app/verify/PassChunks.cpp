#include "PassChunks.h"

#include <algorithm>
#include <limits>

namespace Keyward {

PassChunks::PassChunks(quint64 generation, SecretIdBounds bounds, qint64 idsPerChunk)
    : m_generation(generation)
    , m_highest(bounds.highest)
    , m_idsPerChunk(std::max<qint64>(1, idsPerChunk))
    , m_nextAfter(bounds.lowest > std::numeric_limits<qint64>::min() ? bounds.lowest - 1
                                                                     : bounds.lowest)
{ }

std::optional<SecretIdRange> PassChunks::claim()
{
    qint64 after = m_nextAfter.load(std::memory_order_relaxed);
    qint64 upTo = 0;
    // A compare-exchange rather than fetch_add: the position never runs past the highest id,
    // so it cannot overflow however often a finished pass is asked.
    do {
        if (after >= m_highest)
            return std::nullopt;
        // Unsigned, so that ids far apart (a hand-made vault) cannot overflow the difference.
        const quint64 left = quint64(m_highest) - quint64(after);
        upTo = after + qint64(std::min(quint64(m_idsPerChunk), left));
    } while (!m_nextAfter.compare_exchange_weak(after, upTo, std::memory_order_relaxed));
    return SecretIdRange {after, upTo};
}

void PassChunks::stop()
{
    m_nextAfter.store(m_highest, std::memory_order_relaxed);
}

bool PassChunks::hasUnclaimed() const
{
    return m_nextAfter.load(std::memory_order_relaxed) < m_highest;
}

qint64 PassChunks::idsPerChunk(SecretIdBounds bounds, qint64 secretCount, qint64 rowsPerChunk)
{
    if (secretCount <= 0)
        return rowsPerChunk; // not counted: as if the ids had no gaps
    const double span = double(bounds.highest) - double(bounds.lowest) + 1;
    const double ids = span * double(rowsPerChunk) / double(secretCount);
    // A double: span times rows could overflow 64 bits on ids near the top of the range.
    if (ids >= double(std::numeric_limits<qint64>::max() / 2))
        return std::numeric_limits<qint64>::max() / 2;
    return std::max<qint64>(rowsPerChunk, qint64(ids));
}

} // namespace Keyward
