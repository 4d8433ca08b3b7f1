#include "VerifierCache.h"

#include "PassChunks.h"

#include <algorithm>
#include <cstring>

namespace Keyward {

VerifierCache::VerifierCache(VerifierCacheOptions options)
    : m_options(options)
{ }

VerifierCache::HashKey VerifierCache::HashKey::of(const QByteArray &hash)
{
    HashKey key;
    std::memcpy(key.words, hash.constData(), std::min<std::size_t>(sizeof key.words, hash.size()));
    return key;
}

bool VerifierCache::HashKey::operator==(const HashKey &other) const
{
    return words[0] == other.words[0] && words[1] == other.words[1] && words[2] == other.words[2]
        && words[3] == other.words[3];
}

int VerifierCache::size() const
{
    std::shared_lock lock(m_mutex);
    return int(m_entries.size());
}

quint64 VerifierCache::generation() const
{
    std::shared_lock lock(m_mutex);
    return m_generation;
}

int VerifierCache::missingSize() const
{
    std::shared_lock lock(m_mutex);
    return int(m_missing.size());
}

void VerifierCache::internStringsLocked(SecretMatch &match)
{
    for (QString &grant : match.key.grants)
        grant = *m_strings.insert(grant);
    match.key.customer = *m_strings.insert(match.key.customer);
}

bool VerifierCache::isCheckDue(qint64 nowMs) const
{
    const qint64 last = m_lastCheckMs.load(std::memory_order_relaxed);
    return m_options.checkIntervalMs <= 0 || last == kNeverChecked || nowMs < last
        || nowMs - last >= m_options.checkIntervalMs;
}

Result<void> VerifierCache::checkForChanges(qint64 nowMs, ChangeSource &changes)
{
    std::lock_guard checking(m_checkMutex);
    m_lastCheckMs.store(nowMs, std::memory_order_relaxed);
    auto stamp = changes.currentStamp();
    if (!stamp) {
        // Without an answer nothing cached can be trusted; the lookup itself will report.
        invalidate();
        m_stamp.reset();
        return stamp.error();
    }
    // Without a stamp to compare with (the first check, or the one after a failed check) the
    // cache starts over too: what other threads cached meanwhile may predate a change, such as a
    // revocation, that this stamp already includes.
    if (!m_stamp || *m_stamp != *stamp) {
        invalidate();
        m_stamp = *stamp;
    }
    return {};
}

void VerifierCache::invalidate()
{
    std::unique_lock lock(m_mutex);
    invalidateLocked();
}

void VerifierCache::invalidateLocked()
{
    if (!m_entries.isEmpty() || !m_missing.isEmpty())
        m_invalidations.fetch_add(1, std::memory_order_relaxed);
    ++m_generation;
    m_lookupsSinceEmpty.store(0, std::memory_order_relaxed);
    m_entries.clear();
    m_missing.clear();
    m_strings.clear();
}

Result<VerifierCache::Lookup> VerifierCache::findUncached(const QByteArray &hash,
                                                          const Backend &backend)
{
    m_storeLookups.fetch_add(1, std::memory_order_relaxed);
    auto found = backend.find(hash);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Lookup {nullptr, true};
    return Lookup {std::make_shared<const SecretMatch>(std::move(**found)), true};
}

Result<VerifierCache::Lookup> VerifierCache::find(const QByteArray &hash, qint64 nowMs,
                                                  const Backend &backend)
{
    if (isCheckDue(nowMs)) {
        // Another thread checking right now answers for this one too.
        std::unique_lock<std::mutex> probe(m_checkMutex, std::try_to_lock);
        if (probe.owns_lock()) {
            probe.unlock();
            if (auto checked = checkForChanges(nowMs, backend.changes); !checked) {
                // Nothing cached can be trusted without an answer, so this one is asked of the
                // store directly and not kept. The look-up may repair the cause itself (it
                // reconnects to a server that dropped the connection); if not, its error is the
                // one to report.
                return findUncached(hash, backend);
            }
        }
    }
    const HashKey key = HashKey::of(hash);
    quint64 generation = 0;
    {
        std::shared_lock lock(m_mutex);
        generation = m_generation;
        if (const auto it = m_entries.constFind(key); it != m_entries.constEnd()) {
            m_hits.add(1);
            return Lookup {*it, false};
        }
        if (m_missing.contains(key)) {
            m_hits.add(1);
            return Lookup {nullptr, false};
        }
    }
    // The store is read without the lock, so other threads' hits never wait for it. Two threads
    // missing the same hash at once both read it; the second insert replaces the first, equal.
    // A change seen meanwhile may have made this read stale: then it answers once, uncached.
    m_storeLookups.fetch_add(1, std::memory_order_relaxed);
    auto found = backend.find(hash);
    if (!found)
        return found.error();
    std::unique_lock lock(m_mutex);
    if (generation != m_generation) {
        if (!found->has_value())
            return Lookup {nullptr, true};
        return Lookup {std::make_shared<const SecretMatch>(std::move(**found)), true};
    }
    if (!found->has_value()) {
        if (m_missing.size() >= m_options.maxMissingEntries)
            m_missing.clear();
        m_missing.insert(key);
        return Lookup {nullptr, true};
    }
    if (m_entries.size() >= m_options.maxEntries) {
        m_entries.clear();
        m_strings.clear();
    }
    auto shared = insertLocked(key, std::move(**found));
    lock.unlock();
    fillIfDue(backend, nowMs);
    return Lookup {std::move(shared), true};
}

std::shared_ptr<const SecretMatch> VerifierCache::insertLocked(const HashKey &key,
                                                               SecretMatch &&match)
{
    internStringsLocked(match);
    auto shared = std::make_shared<const SecretMatch>(std::move(match));
    m_entries.insert(key, shared);
    return shared;
}

void VerifierCache::fillIfDue(const Backend &backend, qint64 nowMs)
{
    if (!m_options.fillFromStore || !backend.store)
        return;
    m_lookupsSinceEmpty.fetch_add(1, std::memory_order_relaxed);
    quint64 generation = 0;
    qint64 lookups = 0;
    {
        // Read together: emptying the cache resets the count under the same lock, so the count
        // is this generation's.
        std::shared_lock lock(m_mutex);
        generation = m_generation;
        lookups = m_lookupsSinceEmpty.load(std::memory_order_relaxed);
    }
    if (lookups < VerifierCacheOptions::kFillAfterLookups
        || m_fillDecidedGeneration.load(std::memory_order_acquire) == generation)
        return;
    // Another thread deciding or filling answers for this one, which goes on verifying.
    std::unique_lock filling(m_fillMutex, std::try_to_lock);
    if (!filling.owns_lock() || m_fillsStopped || m_fillDecidedGeneration.load() == generation
        || currentGeneration() != generation) // emptied meanwhile: the new one decides
        return;
    if (isSizeCurrent(nowMs)) {
        // Too large, as counted up to ten minutes ago: asked again once that count is stale
        // (not marked decided, which would hold this generation even after deletions).
        if (m_storeSize > m_options.maxEntries || lookups < fillThreshold())
            return;
    } else if (within(m_sizingFailedAtMs, nowMs, kSizingRetryMs)) {
        return;
    }
    // A pass is due, or the store's size must be read to tell: either is passIfDue()'s, on the
    // filler's thread when there is one (counting reads up to maxEntries rows).
    m_fillDecidedGeneration.store(generation, std::memory_order_release);
    m_passAskedAtMs = nowMs;
    if (m_filler) {
        m_filler(generation);
        return;
    }
    filling.unlock();
    const auto due = decidePass(generation, *backend.store);
    if (!due)
        undecide(generation); // the size could not be read: asked again a second later
    else if (*due)
        (void)fillDecided(generation, *backend.store); // failed: counted; look-ups go on
}

quint64 VerifierCache::currentGeneration() const
{
    std::shared_lock lock(m_mutex);
    return m_generation;
}

bool VerifierCache::within(const std::optional<qint64> &atMs, qint64 nowMs, qint64 forMs)
{
    // A time a little before atMs counts as within: threads read their clocks apart, and one
    // that read it just before the thread that stamped atMs is not "ten minutes later". Further
    // back, the clock stepped back: not within.
    return atMs && nowMs > *atMs - kSizingRetryMs && nowMs - *atMs < forMs;
}

bool VerifierCache::isSizeCurrent(qint64 nowMs) const
{
    return within(m_sizedAtMs, nowMs, kSizeForMs);
}

qint64 VerifierCache::fillThreshold() const
{
    if (m_options.fillAtOnce && !m_passBegun.load(std::memory_order_relaxed))
        return VerifierCacheOptions::kFillAfterLookups;
    return std::max<qint64>(VerifierCacheOptions::kFillAfterLookups, m_storeSize / 10);
}

Result<bool> VerifierCache::decidePass(quint64 generation, KeyStore &store)
{
    qint64 askedAtMs = 0;
    bool sizeCurrent = false;
    {
        std::lock_guard filling(m_fillMutex);
        if (m_fillsStopped)
            return false;
        askedAtMs = m_passAskedAtMs;
        sizeCurrent = isSizeCurrent(askedAtMs);
    }
    std::optional<qint64> counted;
    if (!sizeCurrent) {
        // Counted without m_fillMutex (a hung server must not hold up stopFills() or the
        // look-ups' try_lock), up to one more than the cache holds: enough to tell "too many".
        const auto count = store.countSecretsUpTo(qint64(m_options.maxEntries) + 1);
        if (!count) {
            const std::lock_guard filling(m_fillMutex);
            m_sizingFailedAtMs = askedAtMs;
            m_fills.fetch_add(1, std::memory_order_relaxed);
            m_failedFills.fetch_add(1, std::memory_order_relaxed);
            return count.error();
        }
        counted = *count;
    }
    const std::lock_guard filling(m_fillMutex);
    if (counted) {
        m_sizingFailedAtMs.reset();
        m_storeSize = *counted;
        m_sizedAtMs = askedAtMs;
    }
    // A generation is filled once: a request for it queued again meanwhile finds it done.
    if (m_fillsStopped || m_passGeneration == generation)
        return false;
    if (m_storeSize > m_options.maxEntries) {
        undecide(generation); // asked again when this count is stale
        return false;
    }
    qint64 lookups = 0;
    {
        std::shared_lock lock(m_mutex);
        if (generation != m_generation)
            return false; // emptied since: the new generation decides for itself
        lookups = m_lookupsSinceEmpty.load(std::memory_order_relaxed);
    }
    if (lookups < fillThreshold()) {
        undecide(generation); // the look-up that reaches the threshold asks again
        return false;
    }
    m_passGeneration = generation;
    m_passBegun.store(true, std::memory_order_relaxed);
    return true;
}

Result<void> VerifierCache::passIfDue(quint64 generation, KeyStore &store,
                                      const std::function<bool(FillPart &)> &addPart)
{
    // An error leaves the generation decided: the filler's pause after a failure ends with
    // fillFailed(), and only then may a look-up ask again (asked again meanwhile, a second
    // request could follow the first and pass twice).
    const auto due = decidePass(generation, store);
    if (!due)
        return due.error();
    if (!*due)
        return {};
    return fillDecided(generation, store, addPart);
}

Result<void> VerifierCache::fillDecided(quint64 generation, KeyStore &store,
                                        const std::function<bool(FillPart &)> &addPart)
{
    auto filled = fill(generation, store, addPart);
    const std::lock_guard filling(m_fillMutex);
    if (!filled) {
        // Not made after all: a later request for this generation may pass.
        if (m_passGeneration == generation)
            m_passGeneration = std::numeric_limits<quint64>::max();
        // Nor was the first pass, if this was it: the next one still comes early (fillAtOnce),
        // not at a tenth of the store.
        if (!m_passMade)
            m_passBegun.store(false, std::memory_order_relaxed);
    } else {
        m_passMade = true;
    }
    return filled;
}

void VerifierCache::undecide(quint64 generation)
{
    quint64 decided = generation;
    m_fillDecidedGeneration.compare_exchange_strong(decided, std::numeric_limits<quint64>::max());
}

void VerifierCache::setFiller(Filler filler)
{
    const std::lock_guard lock(m_fillMutex);
    m_filler = std::move(filler);
}

void VerifierCache::stopFills()
{
    const std::lock_guard lock(m_fillMutex);
    m_fillsStopped = true;
    m_filler = {};
}

void VerifierCache::countFailedOpen()
{
    m_fills.fetch_add(1, std::memory_order_relaxed);
    m_failedFills.fetch_add(1, std::memory_order_relaxed);
}

void VerifierCache::fillFailed(quint64 generation)
{
    undecide(generation);
}

Result<void> VerifierCache::fill(quint64 generation, KeyStore &store,
                                 const std::function<bool(FillPart &)> &addPart)
{
    m_fills.fetch_add(1, std::memory_order_relaxed);
    // No error of any request's: the keys not added are looked up one at a time, as without
    // the pass, and those look-ups report what is wrong.
    const auto failed = [this](const Error &error) -> Result<void> {
        m_failedFills.fetch_add(1, std::memory_order_relaxed);
        return error;
    };
    const auto bounds = store.secretIdBounds();
    if (!bounds)
        return failed(bounds.error());
    if (!*bounds)
        return {}; // no secrets
    qint64 counted = 0;
    {
        const std::lock_guard filling(m_fillMutex);
        counted = m_storeSize;
    }
    // Ranges a sixteenth of the pass, so that a small store is shared too, within the bounds.
    const qint64 rows = std::min<qint64>(
        m_options.fillChunkRows, std::max<qint64>(kMinFillChunkRows, counted / kFillChunksPerPass));
    const auto chunks = std::make_shared<PassChunks>(
        generation, **bounds, PassChunks::idsPerChunk(**bounds, counted, rows));
    shareChunks(chunks);
    const auto scanned = scanChunks(*chunks, store, [&](FillPart &part) {
        return addPart ? addPart(part) : addFilled(generation, part);
    });
    unshareChunks(chunks);
    if (!scanned)
        return failed(scanned.error());
    return {};
}

Result<void> VerifierCache::scanChunks(PassChunks &chunks, KeyStore &store,
                                       const std::function<bool(FillPart &)> &add)
{
    // Added in parts, so that other threads' hits never wait for more than one part, and a
    // change seen meanwhile ends the pass at the next part.
    FillPart part;
    part.reserve(kFillPartRows);
    bool going = true;
    while (going) {
        const std::optional<SecretIdRange> range = chunks.claim();
        if (!range)
            break;
        const auto scanned =
            store.forEachSecretIn(*range, [&](const QByteArray &hash, SecretMatch &&match) {
                part.emplace_back(HashKey::of(hash), std::move(match));
                if (part.size() >= kFillPartRows)
                    going = add(part);
                return going;
            });
        // The others go on: the rows of this range are looked up one at a time instead, and a
        // helper's connection that failed (a dropped server) does not end the filler's pass.
        if (!scanned)
            return scanned.error();
        if (going && !part.empty())
            going = add(part);
    }
    if (!going)
        chunks.stop();
    return {};
}

void VerifierCache::shareChunks(std::shared_ptr<PassChunks> chunks)
{
    const std::lock_guard lock(m_chunksMutex);
    m_chunks = std::move(chunks);
    m_chunksShared.store(true, std::memory_order_relaxed);
}

void VerifierCache::unshareChunks(const std::shared_ptr<PassChunks> &chunks)
{
    const std::lock_guard lock(m_chunksMutex);
    if (m_chunks == chunks) {
        m_chunks.reset();
        m_chunksShared.store(false, std::memory_order_relaxed);
    }
}

bool VerifierCache::wantsFillHelp() const
{
    if (!m_chunksShared.load(std::memory_order_relaxed))
        return false;
    const std::lock_guard lock(m_chunksMutex);
    return m_chunks && m_chunks->hasUnclaimed();
}

Result<void> VerifierCache::helpFill(KeyStore &store)
{
    std::shared_ptr<PassChunks> chunks;
    {
        const std::lock_guard lock(m_chunksMutex);
        chunks = m_chunks;
    }
    if (!chunks)
        return {};
    const quint64 generation = chunks->generation();
    return scanChunks(*chunks, store,
                      [this, generation](FillPart &part) { return addFilled(generation, part); });
}

qint64 VerifierCache::secretsNotCached() const
{
    qint64 counted = 0;
    {
        const std::lock_guard filling(m_fillMutex);
        counted = m_storeSize;
    }
    return std::max<qint64>(0, counted - size());
}

bool VerifierCache::addFilled(quint64 generation, FillPart &part)
{
    // Allocated before the lock, which then covers only the strings and the map: every
    // verifying thread waits while it is held.
    std::vector<std::pair<HashKey, std::shared_ptr<SecretMatch>>> entries;
    entries.reserve(part.size());
    for (auto &[key, match] : part)
        entries.emplace_back(key, std::make_shared<SecretMatch>(std::move(match)));
    part.clear();
    std::unique_lock lock(m_mutex);
    if (generation != m_generation)
        return false;
    for (auto &[key, match] : entries) {
        if (m_entries.size() >= m_options.maxEntries)
            return false;
        // An entry there already stays: read since the pass began, it may be the newer row.
        if (m_entries.contains(key))
            continue;
        internStringsLocked(*match);
        m_entries.insert(key, std::move(match));
    }
    return true;
}

} // namespace Keyward
