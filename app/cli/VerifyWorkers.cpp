#include "VerifyWorkers.h"

#include "store/SqlKeyStore.h"
#include "verify/Verifier.h"

#include <QCoreApplication>

#include <optional>
#include <string.h>
#include <system_error>
#include <utility>

namespace Keyward::Cli {

VerifyWorkers::VerifyWorkers(int threads, OpenStore open, MakeVerifier make, Answer answer,
                             Help help)
    : m_open(std::move(open))
    , m_make(std::move(make))
    , m_answer(std::move(answer))
    , m_help(std::move(help))
{
    for (Batch &batch : m_batches)
        batch.slices.resize(std::size_t(std::max(1, threads)));
}

VerifyWorkers::~VerifyWorkers()
{
    // A batch in flight (an exception between dispatch() and finish()) is seen through: stopped
    // halfway, some of its lines would have been verified and counted, others skipped.
    waitForThreads();
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
    for (Batch &batch : m_batches)
        wipe(batch);
}

Result<void> VerifyWorkers::start()
{
    const std::size_t threads = m_batches[0].slices.size();
    {
        std::lock_guard lock(m_mutex);
        m_busy = threads;
    }
    std::optional<Error> notStarted;
    for (std::size_t i = 0; i < threads && !notStarted; ++i) {
        try {
            m_threads.emplace_back([this, i] { work(i); });
        } catch (const std::system_error &error) {
            // Out of threads (a process limit of a container or unit): said, not an abort; the
            // threads that did start are waited for, then stopped by the destructor.
            std::lock_guard lock(m_mutex);
            m_busy -= threads - i;
            notStarted = makeError(
                ErrorCode::StorageError,
                QCoreApplication::translate("VerifyWorkers",
                                            "Could not start %1 verifying threads (%2 started): %3")
                    .arg(threads)
                    .arg(i)
                    .arg(QString::fromLocal8Bit(error.what())));
        }
    }
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_busy == 0; });
    if (notStarted)
        return *notStarted;
    if (!m_openErrors.empty())
        return m_openErrors.front();
    m_started = true;
    return {};
}

void VerifyWorkers::add(const char *token, std::size_t size)
{
    Q_ASSERT(m_started);
    Batch &batch = filling();
    batch.lines.push_back({batch.bytes.size(), size});
    batch.bytes.insert(batch.bytes.end(), token, token + size);
}

void VerifyWorkers::waitForThreads()
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_busy == 0; });
}

VerifyWorkers::Batch *VerifyWorkers::takeFinished()
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_busy == 0; });
    return std::exchange(m_verifying, nullptr);
}

void VerifyWorkers::dispatch(const Emit &emit, bool help)
{
    Batch *const finished = takeFinished();
    Batch &next = filling();
    if (!next.lines.empty()) {
        // Contiguous slices, so the answers join back in input order.
        const std::size_t count = next.lines.size();
        const std::size_t threads = next.slices.size();
        {
            std::lock_guard lock(m_mutex);
            for (std::size_t i = 0; i < threads; ++i) {
                Slice &slice = next.slices[i];
                slice.begin = count * i / threads;
                slice.end = count * (i + 1) / threads;
                slice.answers.resize(0);
                slice.allValid = true;
                slice.storeFailed = false;
            }
            next.help = help;
            m_verifying = &next;
            m_busy = threads;
            ++m_generation;
        }
        m_wake.notify_all();
        m_fillingIndex = 1 - m_fillingIndex;
    }
    // The other batch is free now: the finished one, or (none finished) an empty one.
    if (finished)
        emitAndClear(*finished, emit);
}

void VerifyWorkers::finish(const Emit &emit)
{
    dispatch(emit);
    if (Batch *const last = takeFinished())
        emitAndClear(*last, emit);
}

void VerifyWorkers::emitAndClear(Batch &batch, const Emit &emit)
{
    for (const Slice &slice : batch.slices) {
        emit(slice.answers);
        m_allValid = m_allValid && slice.allValid;
        m_storeFailed = m_storeFailed || slice.storeFailed;
    }
    wipe(batch);
}

void VerifyWorkers::wipe(Batch &batch)
{
    if (!batch.bytes.empty())
        explicit_bzero(batch.bytes.data(), batch.bytes.size());
    batch.bytes.clear();
    batch.lines.clear();
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
        Batch &batch = *m_verifying;
        Slice &slice = batch.slices[index];
        lock.unlock();
        if (batch.help && m_help && store)
            m_help(*store);
        // Only this thread touches its slice until it reports done; the batch is read-only
        // (the caller fills the other one meanwhile).
        for (std::size_t i = slice.begin; i < slice.end && verifier; ++i) {
            const Line &line = batch.lines[i];
            const LineOutcome outcome =
                m_answer(*verifier, batch.bytes.data() + line.offset, line.size, slice.answers);
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
