#pragma once

#include "core/Clock.h"

#include <QHash>
#include <QMutex>

#include <optional>

namespace Keyward {

class SharedLimitRepository;

// How much of a key's usage limit is used, and whether one more Valid answer fits.
//
// Across verifiers (the methods taking a SharedLimitRepository): credits are reserved in the
// store before they are spent. A reservation adds a few credits (reservationSize()) to
// key_usage.usage_count in one short transaction, never beyond usage_limit; this process then
// spends them one Valid answer at a time and reserves again when they run out. Since the count
// includes every verifier's reservations, N verifiers together never pass more than the limit.
// Credits reserved but not spent are given back by returnUnused() (the verifier's destructor);
// a process that dies keeps them counted as used (at most reservationSize() per key). A usage
// reset sets the count to 0 and moves the key's usage epoch on: credits reserved before it are
// no longer in the count, so they are dropped when a reading shows the new epoch (the key's row
// at each spend, read again once the reset has emptied the verifier's cache, or a reservation)
// and never given back from the new count.
//
// Per process (no repository, or while the store cannot be written): the latest usage_count
// read from the vault plus this process's own use that the reading does not include yet; that
// use is saved later by the usage recorder. Readings come from a key row read for a verification
// (observeStored) and from the recorder's read-back right after it saved this process's use
// (observeSaved), which also brings in what other verifiers saved meanwhile.
//
// Thread-safe (verifiers on several threads share one); the mutex is never held during a store
// round trip. Only keys with a usage limit are tracked.
class UsageCredits
{
public:
    explicit UsageCredits(const Clock &clock);

    struct Spend
    {
        bool passed = false;
        bool reserved = false; // spent from a store reservation: already in usage_count
        qint64 used = 0; // use so far as this process knows it, this one included
    };
    // Spends one credit of a key limited to `limit` if one is left. usageEpoch: the key row's,
    // as the verifier has it (cached or not).
    Spend spend(qint64 keyId, qint64 limit, qint64 usageEpoch, SharedLimitRepository *shared);
    // What spend() would answer, spending and writing nothing (explain()).
    Spend check(qint64 keyId, qint64 limit, qint64 usageEpoch, SharedLimitRepository *shared);
    // Gives the unspent reservations back to the store (all keys).
    void returnUnused(SharedLimitRepository &shared);

    // Use so far as this process knows it (0 for a key never observed).
    qint64 used(qint64 keyId) const;
    bool isKnown(qint64 keyId) const;

    // usage_count and usage_epoch as just read with the key's row.
    void observeStored(qint64 keyId, qint64 storedCount, qint64 usageEpoch);
    // The recorder has saved this process's first savedCredits per-process credits for the key;
    // usage_count read in the same transaction was storedCount, in usageEpoch.
    void observeSaved(qint64 keyId, qint64 savedCredits, qint64 storedCount, qint64 usageEpoch);
    // One more per-process credit used by a Valid answer.
    void consume(qint64 keyId);

    void clear();
    qint64 reservationCount() const;

    // Credits per reservation: 1/100 of the limit, at least 1, at most 1000.
    static qint64 reservationSize(qint64 limit);

private:
    struct State
    {
        // usage_count at the latest reading (a key row, a save's read-back, a reservation): it
        // includes every verifier's reservations and our per-process use saved so far.
        qint64 stored = 0;
        qint64 consumed = 0; // our per-process use since start
        qint64 saved = 0; // of which the recorder has saved (as far as we have heard)
        qint64 reserved = 0; // credits reserved in the store and not spent yet
        qint64 epoch = 0; // the usage epoch of `stored` and `reserved`
        qint64 storeRetryAtMs = 0; // the store failed: per-process until this time
    };
    qint64 usedLocked(const State &state) const;
    // A reading from `epoch`: false when it is older than what is known (a row read before a
    // reset, reported after it); a newer one drops the reservations of the older epoch.
    static bool enterEpoch(State &state, qint64 epoch);
    // One credit of the key's store reservation, if it holds any.
    std::optional<Spend> spendReserved(State &state) const;
    Spend spendLocally(State &state, qint64 limit);

    const Clock &m_clock;
    mutable QMutex m_mutex;
    QHash<qint64, State> m_keys;
    qint64 m_reservations = 0;
};

} // namespace Keyward
