#pragma once

#include "store/KeyStore.h"

#include <QtGlobal>

#include <atomic>
#include <optional>

namespace Keyward {

// The id ranges of one pass over a store's secrets, handed out one at a time to the threads
// that share the pass (VerifierCache: its filler, and a verifying thread with input to spare),
// so that each row is read by one of them. Lock-free: a claim is one compare-exchange.
class PassChunks
{
public:
    // Ranges of idsPerChunk ids from bounds.lowest to bounds.highest, for generation's pass.
    PassChunks(quint64 generation, SecretIdBounds bounds, qint64 idsPerChunk);

    // The next range nobody has claimed; nullopt once none is left or the pass was stopped.
    std::optional<SecretIdRange> claim();
    // No more claims: the cache was emptied (what the pass reads may predate the change), or
    // a thread could not read its range.
    void stop();
    bool hasUnclaimed() const;
    quint64 generation() const { return m_generation; }

    // Ids per range so that a range holds about rowsPerChunk of secretCount secrets spread over
    // bounds (at least rowsPerChunk ids: ids are unique); rowsPerChunk when not counted (0).
    static qint64 idsPerChunk(SecretIdBounds bounds, qint64 secretCount, qint64 rowsPerChunk);

private:
    const quint64 m_generation;
    const qint64 m_highest;
    const qint64 m_idsPerChunk;
    std::atomic<qint64> m_nextAfter; // the next range starts after this id
};

} // namespace Keyward
