#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace Keyward {

class KeyStore;
class VerifierCache;

// Fills a VerifierCache from one pass over the store (KeyStore::forEachSecret) when the cache
// asks (VerifierCacheOptions::fillFromStore), on a thread and a store connection of its own: the
// verifying threads go on answering meanwhile, and a key the pass has not reached yet is looked
// up on its own, as without it (or a verifying thread with much input waiting reads ranges of
// the pass itself: VerifierCache::helpFill). At normal priority (see run()). A pass that cannot
// read the store is tried again on a new connection when the cache asks again, after a pause of a
// second that doubles while passes keep failing (at most kMaxPauseMs). Stops a pass at its next
// part when destroyed (opening its connection, which may wait for a server, is not cut short). It
// also reads the store's size when the cache needs it to decide (VerifierCache::passIfDue), so no
// request's thread counts rows.
class CacheFiller
{
public:
    // The filler's own connection, opened on its thread for each pass and closed after it (null:
    // none could be; the pass counts as failed).
    using OpenStore = std::function<std::unique_ptr<KeyStore>()>;

    CacheFiller(std::shared_ptr<VerifierCache> cache, OpenStore openStore);
    ~CacheFiller();
    CacheFiller(const CacheFiller &) = delete;
    CacheFiller &operator=(const CacheFiller &) = delete;

    // Attaches this filler to its cache (VerifierCache::setFiller): from then on the cache's
    // fills are made here. The filler must outlive the cache's use.
    void attach();
    // Requests handled: passes made (to the end, to a change that ended them, or failed), and
    // reads of the store's size that found no pass due yet.
    int passes() const;
    // Hand-overs from the cache so far (made on the asking look-up's thread, before it returns).
    int requests() const;

    static constexpr int kMaxPauseMs = 300'000;

private:
    void request(quint64 generation);
    bool stopping() const;
    void run();

    std::shared_ptr<VerifierCache> m_cache;
    OpenStore m_openStore;
    mutable std::mutex m_mutex; // guards the four below
    std::condition_variable m_wake;
    std::optional<quint64> m_requested;
    bool m_stopping = false;
    int m_passes = 0;
    int m_requests = 0;
    std::thread m_thread;
};

} // namespace Keyward
