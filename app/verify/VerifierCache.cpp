#include "VerifierCache.h"

#include <algorithm>
#include <cstring>

namespace Keyward {

VerifierCache::VerifierCache(FindFunction lookup, std::unique_ptr<ChangeSource> changes,
                             VerifierCacheOptions options)
    : m_lookup(std::move(lookup))
    , m_changes(std::move(changes))
    , m_options(options)
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

const QString &VerifierCache::interned(const QString &text)
{
    return *m_strings.insert(text);
}

Result<void> VerifierCache::checkForChanges(qint64 nowMs)
{
    m_lastCheckMs = nowMs;
    auto stamp = m_changes->currentStamp();
    if (!stamp) {
        // Without an answer nothing cached can be trusted; the lookup itself will report.
        invalidate();
        m_stamp.reset();
        return stamp.error();
    }
    if (!m_stamp || *m_stamp != *stamp) {
        if (m_stamp)
            invalidate();
        m_stamp = *stamp;
    }
    return {};
}

void VerifierCache::invalidate()
{
    if (!m_entries.isEmpty() || !m_missing.isEmpty())
        ++m_invalidations;
    m_entries.clear();
    m_missing.clear();
    m_strings.clear();
}

Result<VerifierCache::Lookup> VerifierCache::find(const QByteArray &hash, qint64 nowMs)
{
    if (m_options.checkIntervalMs <= 0 || !m_lastCheckMs || nowMs < *m_lastCheckMs
        || nowMs - *m_lastCheckMs >= m_options.checkIntervalMs) {
        if (auto checked = checkForChanges(nowMs); !checked) {
            // Nothing cached can be trusted without an answer, so this one is asked of the
            // store directly and not kept. The look-up may repair the cause itself (it
            // reconnects to a server that dropped the connection); if not, its error is the
            // one to report.
            ++m_storeLookups;
            auto found = m_lookup(hash);
            if (!found)
                return found.error();
            m_uncached = std::move(*found);
            return Lookup {m_uncached ? &*m_uncached : nullptr, true};
        }
    }
    const HashKey key = HashKey::of(hash);
    if (const auto it = m_entries.constFind(key); it != m_entries.constEnd()) {
        ++m_hits;
        return Lookup {&*it, false};
    }
    if (m_missing.contains(key)) {
        ++m_hits;
        return Lookup {nullptr, false};
    }
    ++m_storeLookups;
    auto found = m_lookup(hash);
    if (!found)
        return found.error();
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
    SecretMatch &match = **found;
    for (QString &grant : match.key.grants)
        grant = interned(grant);
    match.key.customer = interned(match.key.customer);
    const auto it = m_entries.insert(key, std::move(match));
    return Lookup {&*it, true};
}

} // namespace Keyward
