#include "VerifyWorkers.h"

#include "store/SqlKeyStore.h"
#include "verify/Verifier.h"

#include <string.h>

namespace Keyward::Cli {

VerifyWorkers::VerifyWorkers(int threads, OpenStore open, MakeVerifier make, Answer answer)
    : m_open(std::move(open))
    , m_make(std::move(make))
    , m_answer(std::move(answer))
    , m_slices(std::size_t(std::max(1, threads)))
{ }

VerifyWorkers::~VerifyWorkers()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
    if (!m_bytes.empty())
        explicit_bzero(m_bytes.data(), m_bytes.size());
}

Result<void> VerifyWorkers::start()
{
    {
        std::lock_guard lock(m_mutex);
        m_busy = m_slices.size();
    }
    for (std::size_t i = 0; i < m_slices.size(); ++i)
        m_threads.emplace_back([this, i] { work(i); });
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_busy == 0; });
    if (!m_openErrors.empty())
        return m_openErrors.front();
    return {};
}

void VerifyWorkers::add(const char *token, std::size_t size)
{
    m_lines.push_back({m_bytes.size(), size});
    m_bytes.insert(m_bytes.end(), token, token + size);
}

void VerifyWorkers::run(const std::function<void(const QByteArray &)> &emit)
{
    if (m_lines.empty())
        return;
    // Contiguous slices, so the answers join back in input order.
    const std::size_t count = m_lines.size();
    const std::size_t threads = m_slices.size();
    {
        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < threads; ++i) {
            Slice &slice = m_slices[i];
            slice.begin = count * i / threads;
            slice.end = count * (i + 1) / threads;
            slice.answers.resize(0);
            slice.allValid = true;
            slice.storeFailed = false;
        }
        m_busy = threads;
        ++m_generation;
    }
    m_wake.notify_all();
    {
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [this] { return m_busy == 0; });
    }
    for (const Slice &slice : m_slices) {
        emit(slice.answers);
        m_allValid = m_allValid && slice.allValid;
        m_storeFailed = m_storeFailed || slice.storeFailed;
    }
    explicit_bzero(m_bytes.data(), m_bytes.size());
    m_bytes.clear();
    m_lines.clear();
}

void VerifyWorkers::work(std::size_t index)
{
    // Opened and closed on this thread: a store connection belongs to the thread that made it.
    std::unique_ptr<SqlKeyStore> store;
    std::unique_ptr<Verifier> verifier;
    auto opened = m_open();
    {
        std::lock_guard lock(m_mutex);
        if (opened) {
            store = std::move(opened).value();
            store->shareReadSnapshots(true); // released after each slice
            verifier = m_make(*store);
        } else {
            m_openErrors.push_back(opened.error());
        }
        --m_busy;
    }
    m_done.notify_all();
    quint64 seen = 0;
    for (;;) {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
        if (m_stop)
            break;
        seen = m_generation;
        Slice &slice = m_slices[index];
        lock.unlock();
        // Only this thread touches its slice until it reports done; the batch is read-only.
        for (std::size_t i = slice.begin; i < slice.end && verifier; ++i) {
            const Line &line = m_lines[i];
            const LineOutcome outcome =
                m_answer(*verifier, m_bytes.data() + line.offset, line.size, slice.answers);
            slice.answers.append('\n');
            slice.allValid = slice.allValid && outcome.valid;
            slice.storeFailed = slice.storeFailed || outcome.storeFailed;
            if (store)
                store->releaseReadSnapshotOlderThan(SqlKeyStore::kSnapshotMaxAgeMs);
        }
        if (store)
            store->releaseReadSnapshot(); // nothing held while waiting for the next batch
        lock.lock();
        --m_busy;
        lock.unlock();
        m_done.notify_all();
    }
    verifier.reset();
    store.reset();
}

} // namespace Keyward::Cli
