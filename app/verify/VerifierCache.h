#pragma once

#include "ChangeSource.h"
#include "core/Result.h"
#include "store/KeyStore.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace Keyward {

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
};

// Secrets looked up by hash, with their key, so repeated verifications do not touch the
// database. Any change reported by the ChangeSource empties the cache (revocation,
// deactivation, deletion, regeneration, edits), and lookups go to the store again. A hash not in
// the cache always falls through to the store, so a key created after start is found; one
// created in another process within checkIntervalMs of being presented may be reported unknown
// once at most (it cannot be in the missing set before it exists).
//
// Time-dependent verdicts (expiry, a grace period ending) are computed from the cached row at
// each verification, so they need no invalidation. Single-threaded, like the store.
class VerifierCache
{
public:
    struct Lookup
    {
        const SecretMatch *match = nullptr; // null: no such secret; valid until the next call
        bool fromStore = false; // read from the database by this call
    };

    // How a miss is looked up: KeyStore::findSecret or a faster equivalent.
    using FindFunction = std::function<Result<std::optional<SecretMatch>>(const QByteArray &hash)>;

    VerifierCache(FindFunction lookup, std::unique_ptr<ChangeSource> changes,
                  VerifierCacheOptions options = {});

    Result<Lookup> find(const QByteArray &hash);
    // Asks the ChangeSource now and empties the cache if anything changed.
    Result<void> checkForChanges();
    void invalidate();

    const VerifierCacheOptions &options() const { return m_options; }
    int size() const { return int(m_entries.size()); }
    int missingSize() const { return int(m_missing.size()); }
    qint64 hits() const { return m_hits; }
    qint64 storeLookups() const { return m_storeLookups; }
    qint64 invalidations() const { return m_invalidations; }

private:
    FindFunction m_lookup;
    std::unique_ptr<ChangeSource> m_changes;
    VerifierCacheOptions m_options;
    std::optional<qint64> m_stamp;
    QElapsedTimer m_sinceCheck;
    QHash<QByteArray, SecretMatch> m_entries;
    QSet<QByteArray> m_missing;
    qint64 m_hits = 0;
    qint64 m_storeLookups = 0;
    qint64 m_invalidations = 0;
};

} // namespace Keyward
