#pragma once

#include "ChangeSource.h"
#include "core/Result.h"
#include "core/ThreadShard.h"
#include "store/KeyStore.h"

#include <QByteArray>
#include <QHash>
#include <QSet>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <utility>
#include <vector>

namespace Keyward {

class PassChunks;

struct VerifierCacheOptions
{
    // How often a lookup asks the ChangeSource whether anything changed; a revocation in another
    // process is honoured at most this long (plus one read) later. 0: on every lookup.
    int checkIntervalMs = 200;
    // Bounds: when full, the cache starts over empty (then refills with what is presented).
    int maxEntries = 250000;
    // Tokens that matched nothing: remembered so a client hammering with an unknown or deleted
    // key costs no query, but never more than this many (garbage cannot grow memory).
    int maxMissingEntries = 10000;
    // For a process that will meet most of the store's keys (a pipeline, the server): once the
    // look-ups made since the cache was last emptied reach a tenth of the store's secrets (and
    // at least kFillAfterLookups; see fillAtOnce), the rest come in one pass over the store
    // (KeyStore::forEachSecret) instead of a look-up each. A scanned row costs about half a
    // look-up (measured: 11-14 against 27 us), so a process that stops meeting new keys just
    // then has spent on the pass about five times what it spent on look-ups before; one that
    // goes on to meet most keys spends about half. The pass runs on a thread of its own
    // (CacheFiller), on a core the verifiers may not be using. Never for a store with more
    // secrets than maxEntries.
    bool fillFromStore = false;
    static constexpr int kFillAfterLookups = 64;
    // With fillFromStore, for a process known to meet many keys (verify --stdin): its first
    // pass comes at kFillAfterLookups look-ups, not at a tenth. Until the pass reaches a key, a
    // verifying thread looks it up itself, at two to three times the cost of the pass's row, so the
    // look-ups made while waiting for the tenth were work the pass would have done cheaper. A
    // few lines still never wake the filler. Only the first: after a change empties the cache,
    // the next pass waits for the tenth again, so changes made every second or two do not keep
    // a core busy with passes begun and cut short. The bound stays: a store over maxEntries is
    // never read whole. Without a filler the look-up that asks makes the pass itself.
    bool fillAtOnce = false;
    // The most rows (on average, by id) in each range of a pass that a thread claims at a time
    // (VerifierCache::helpFill): a sixteenth of the store, at least 64 (fewer only when this is
    // less). Each range's rows are added when it is read.
    int fillChunkRows = 1024;
};

// Secrets looked up by hash, with their key, so repeated verifications do not touch the
// database. Any change reported by the ChangeSource empties the cache (revocation,
// deactivation, deletion, regeneration, edits), and lookups go to the store again. A hash not in
// the cache always falls through to the store, so a key created after start is found; one
// created in another process within checkIntervalMs of being presented may be reported unknown
// once at most (it cannot be in the missing set before it exists).
//
// Time-dependent verdicts (expiry, a grace period ending) are computed from the cached row at
// each verification, so they need no invalidation.
//
// Thread-safe: the verifiers of several threads (keyward-verifyd's pool, verify --threads) share
// one cache, each reaching the store through its own connection, which it passes in as the
// Backend of every call. Hits take a shared lock only; a change check due is made by one thread
// while the others go on answering from the cache.
class VerifierCache
{
public:
    struct Lookup
    {
        std::shared_ptr<const SecretMatch> match; // null: no such secret
        bool fromStore = false; // read from the database by this call
    };

    // How a miss is looked up: KeyStore::findSecret or a faster equivalent.
    using FindFunction = std::function<Result<std::optional<SecretMatch>>(const QByteArray &hash)>;
    // The calling thread's way to the store.
    struct Backend
    {
        const FindFunction &find;
        ChangeSource &changes;
        KeyStore *store = nullptr; // for fillFromStore; null: look-ups only
    };

    explicit VerifierCache(VerifierCacheOptions options = {});

    // nowMs: the verifier's clock, which also paces the change checks (one clock read per
    // verification, not two); a clock that steps back counts as "due".
    Result<Lookup> find(const QByteArray &hash, qint64 nowMs, const Backend &backend);
    // Asks the ChangeSource now and empties the cache if anything changed.
    Result<void> checkForChanges(qint64 nowMs, ChangeSource &changes);
    void invalidate();

    const VerifierCacheOptions &options() const { return m_options; }
    int size() const;
    int missingSize() const;
    qint64 hits() const { return m_hits.total(); }
    qint64 storeLookups() const { return m_storeLookups.load(std::memory_order_relaxed); }
    qint64 invalidations() const { return m_invalidations.load(std::memory_order_relaxed); }
    // The key of the maps: the 32 hash bytes inline (no allocation per entry, one cache line).
    struct HashKey
    {
        quint64 words[4] = {};
        static HashKey of(const QByteArray &hash);
        bool operator==(const HashKey &other) const;
    };

    // fillFromStore. The generation is bumped each time the cache is emptied; a pass fills the
    // generation it was asked for, and adds nothing once the cache was emptied after that.
    quint64 generation() const;
    // Passes begun, and those that could not read the store.
    qint64 fills() const { return m_fills.load(std::memory_order_relaxed); }
    qint64 failedFills() const { return m_failedFills.load(std::memory_order_relaxed); }
    // Passes are made by the thread whose look-up found one due, or handed to `filler`
    // (CacheFiller) with the generation to fill, which then calls passIfDue() on its own thread
    // and connection.
    using Filler = std::function<void(quint64 generation)>;
    void setFiller(Filler filler);
    // No more passes from now on (the filler is going away): look-ups only.
    void stopFills();
    // The filler could not open its connection: counted as a pass that failed (passIfDue()
    // counts its own failures).
    void countFailedOpen();
    // A pass handed to the filler failed: a later look-up may ask for another.
    void fillFailed(quint64 generation);

    // Rows of a pass, added a part at a time.
    using FillPart = std::vector<std::pair<HashKey, SecretMatch>>;
    // Adds a part of a pass (and empties it) unless the cache was emptied since the pass began:
    // what the pass read may then predate the change. False: stop the pass (emptied, or full).
    bool addFilled(quint64 generation, FillPart &part);
    // One pass over `store` into the cache, kFillPartRows rows at a time through addPart
    // (addFilled when empty); stops when addPart returns false. An error: the store could not
    // be read (counted in failedFills()).
    static constexpr std::size_t kFillPartRows = 256;
    Result<void> fill(quint64 generation, KeyStore &store,
                      const std::function<bool(FillPart &)> &addPart = {});
    // What a look-up asked for: reads the store's size when it is not current (counting reads up
    // to maxEntries rows, so not on a request's thread when there is a filler), then fills
    // `generation` when the look-ups made reach a tenth of it (fillAtOnce: kFillAfterLookups for
    // the first pass), once per generation. Not due yet: a later look-up asks again. An error:
    // the store could not be read (counted in fills() and failedFills(), a failed read of the
    // size included); the generation stays decided until fillFailed() (a failed pass made
    // inline, without a filler, is not made again for this generation: each later look-up would
    // pay for another).
    Result<void> passIfDue(quint64 generation, KeyStore &store,
                           const std::function<bool(FillPart &)> &addPart = {});

    // A pass in progress is read in ranges (PassChunks) that any thread may claim: its filler's,
    // and verifying threads that have more input waiting than keys left to read (verify --stdin
    // from a file, on one thread or several), which then read a scanned row for a third to a
    // half of what looking its key up alone costs. Whether a pass has ranges nobody claimed yet
    // (an atomic load while none runs).
    bool wantsFillHelp() const;
    // Reads unclaimed ranges of the pass in progress into the cache on the caller's connection
    // (each range in a read snapshot of its own, as KeyStore::forEachSecretIn reads) until none is
    // left, through addFilled() (the pass's own addPart sees only its own thread's rows).
    // Nothing when no pass runs. An error: the store could not be read; the pass's thread reads
    // on, and the rows of the range that failed are looked up one at a time. verify --stdin's
    // threads only (VerifyCommand's PassHelp). Several threads may help at once, and one that
    // finds nothing left to claim answers on while others still read: a change it finds empties
    // the cache, and their parts are then refused (addFilled) and no more ranges claimed.
    Result<void> helpFill(KeyStore &store);
    static constexpr qint64 kFillChunksPerPass = 16;
    static constexpr qint64 kMinFillChunkRows = 64;
    // The store's secrets (as last counted for a pass) not in the cache now.
    qint64 secretsNotCached() const;

private:
    static constexpr qint64 kNeverChecked = std::numeric_limits<qint64>::min();

    bool isCheckDue(qint64 nowMs) const;
    Result<Lookup> findUncached(const QByteArray &hash, const Backend &backend);
    void invalidateLocked();
    // After a look-up from the store: fills the cache when fillFromStore says it is time.
    void fillIfDue(const Backend &backend, qint64 nowMs);
    // Under m_fillMutex: whether m_storeSize was read within kSizeForMs, and the look-ups from
    // the store that make a pass due.
    bool isSizeCurrent(qint64 nowMs) const;
    qint64 fillThreshold() const;
    quint64 currentGeneration() const; // takes m_mutex
    // passIfDue() without the pass: reads the size if needed, then whether generation's pass is
    // due now (false: not yet, not at all, or made already). Takes m_fillMutex, but not while
    // it counts.
    Result<bool> decidePass(quint64 generation, KeyStore &store);
    // fill() of a pass decidePass() allowed; one that failed may be made again.
    Result<void> fillDecided(quint64 generation, KeyStore &store,
                             const std::function<bool(FillPart &)> &addPart = {});
    static bool within(const std::optional<qint64> &atMs, qint64 nowMs, qint64 forMs);
    // generation's pass is no longer decided (unless a newer one is): a later look-up may ask.
    void undecide(quint64 generation);
    // Claims ranges of chunks and reads them, through add a part at a time (kFillPartRows, and
    // what is left at the end of each range), until none is left or add returns false (then no
    // thread claims more). A range that cannot be read ends this thread's part only.
    Result<void> scanChunks(PassChunks &chunks, KeyStore &store,
                            const std::function<bool(FillPart &)> &add);
    void shareChunks(std::shared_ptr<PassChunks> chunks);
    void unshareChunks(const std::shared_ptr<PassChunks> &chunks);
    std::shared_ptr<const SecretMatch> insertLocked(const HashKey &key, SecretMatch &&match);
    // Grants and customer replaced by the cache's shared copies (m_strings). Under m_mutex.
    void internStringsLocked(SecretMatch &match);

    const VerifierCacheOptions m_options;
    std::atomic<qint64> m_lastCheckMs {kNeverChecked};
    std::mutex m_checkMutex; // one change check at a time; guards m_stamp
    std::optional<qint64> m_stamp;

    mutable std::shared_mutex m_mutex; // guards the containers below
    QHash<HashKey, std::shared_ptr<const SecretMatch>> m_entries;
    QSet<HashKey> m_missing;
    // Grants and customer scopes repeat across keys: one shared copy each keeps the cache small
    // and the strings a verification copies into its result hot in the CPU cache.
    QSet<QString> m_strings;
    // Bumped by every invalidation: a row read from the store before one is not cached after it.
    quint64 m_generation = 0;
    ShardedCounter<qint64> m_hits; // every answer from the cache: per thread (core/ThreadShard.h)
    std::atomic<qint64> m_storeLookups {0};
    std::atomic<qint64> m_invalidations {0};

    // fillFromStore: look-ups from the store since the cache was last emptied, and whether this
    // generation's pass is decided (handed over, to read the size or to fill; made; or not to
    // be made).
    std::atomic<qint64> m_lookupsSinceEmpty {0};
    std::atomic<quint64> m_fillDecidedGeneration {std::numeric_limits<quint64>::max()};
    mutable std::mutex
        m_fillMutex; // one decision (or hand-over) at a time; guards the seven below and m_passMade
    Filler m_filler;
    bool m_fillsStopped = false;
    static constexpr qint64 kSizeForMs = 10 * 60 * 1000;
    static constexpr qint64 kSizingRetryMs = 1000;
    std::optional<qint64> m_sizedAtMs; // when the store's size was last read
    std::optional<qint64> m_sizingFailedAtMs;
    qint64 m_storeSize = 0; // countSecretsUpTo(maxEntries + 1), as read then
    qint64 m_passAskedAtMs = 0; // the asking look-up's time, for passIfDue()
    quint64 m_passGeneration = std::numeric_limits<quint64>::max(); // the last one filled
    // Ever: fillAtOnce is for the first pass only. Begun: decided (cleared again when the first
    // fails); made: one ended without an error (read to the end, or cut short by a change).
    std::atomic<bool> m_passBegun {false};
    bool m_passMade = false;
    std::atomic<qint64> m_fills {0};
    std::atomic<qint64> m_failedFills {0};
    // The ranges of the pass in progress, for helpFill(); null when none runs.
    mutable std::mutex m_chunksMutex;
    std::shared_ptr<PassChunks> m_chunks;
    std::atomic<bool> m_chunksShared {false};
};

// SHA-256 output is uniformly distributed and cannot be steered by a client (that would be a
// preimage attack), so its first eight bytes are a good hash on their own.
inline size_t qHash(const VerifierCache::HashKey &key, size_t seed = 0) noexcept
{
    return size_t(key.words[0]) ^ seed;
}

} // namespace Keyward
