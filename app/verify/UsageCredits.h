#pragma once

#include <QHash>

#include <mutex>

namespace Keyward {

// How much of a key's usage limit is used, as this process knows it: the latest usage_count read
// from the vault, plus this process's own use that the reading does not include yet. Readings
// come from two places: a key row read for a verification (observeStored), and the recorder's
// read-back right after it saved this process's use (observeSaved), which also brings in what
// other verifier processes saved meanwhile. Only keys with a usage limit are tracked.
// Thread-safe: the verifiers of one process share one ledger.
class UsageCredits
{
public:
    // Use so far, including this process's unsaved use. 0 for a key never observed.
    qint64 used(qint64 keyId) const;
    bool isKnown(qint64 keyId) const;

    // usage_count as just read with the key's row.
    void observeStored(qint64 keyId, qint64 storedCount);
    // The recorder has saved this process's first savedCredits credits for the key; usage_count
    // read in the same transaction was storedCount.
    void observeSaved(qint64 keyId, qint64 savedCredits, qint64 storedCount);
    // One more credit used by a Valid answer.
    void consume(qint64 keyId);
    // consume() when the use so far is below `limit`, in one step; false: nothing taken.
    bool tryConsume(qint64 keyId, qint64 limit);

    void clear();

private:
    struct State
    {
        qint64 base = 0; // usage_count at the latest reading, minus our use it included
        qint64 consumed = 0; // our use since start
        qint64 saved = 0; // of which the recorder has saved (as far as we have heard)
    };
    mutable std::mutex m_mutex;
    QHash<qint64, State> m_keys;
};

} // namespace Keyward
