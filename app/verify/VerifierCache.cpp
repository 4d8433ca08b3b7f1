#include "VerifierCache.h"

namespace Keyward {

VerifierCache::VerifierCache(FindFunction lookup, std::unique_ptr<ChangeSource> changes,
                             VerifierCacheOptions options)
    : m_lookup(std::move(lookup))
    , m_changes(std::move(changes))
    , m_options(options)
{ }

Result<void> VerifierCache::checkForChanges()
{
    m_sinceCheck.start();
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
}

Result<VerifierCache::Lookup> VerifierCache::find(const QByteArray &hash)
{
    if (m_options.checkIntervalMs <= 0 || !m_sinceCheck.isValid()
        || m_sinceCheck.hasExpired(m_options.checkIntervalMs)) {
        if (auto checked = checkForChanges(); !checked)
            return checked.error();
    }
    if (const auto it = m_entries.constFind(hash); it != m_entries.constEnd()) {
        ++m_hits;
        return Lookup {&*it, false};
    }
    if (m_missing.contains(hash)) {
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
        m_missing.insert(hash);
        return Lookup {nullptr, true};
    }
    if (m_entries.size() >= m_options.maxEntries)
        m_entries.clear();
    const auto it = m_entries.insert(hash, std::move(**found));
    return Lookup {&*it, true};
}

} // namespace Keyward
