#pragma once

#include "core/Result.h"
#include "crypto/WipingAllocator.h"

#include <QByteArray>

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Keyward {
class SqlKeyStore;
class Verifier;
} // namespace Keyward

namespace Keyward::Cli {

// `verify --stdin --threads N`: lines verified on N threads, answers in input order. Each
// thread opens its own store connection and Verifier (a connection belongs to the thread that
// opened it); what they share (cache, limits, recorder) comes through the factory.
//
// Lines are collected into a batch; dispatch() hands it to the threads, each taking a contiguous
// slice, and returns without waiting for it, so the caller reads the next batch (and writes the
// previous one's answers) while they verify: two batches, one filling while the other is
// verified. Waiting for every batch before reading on kept the threads idle while the caller read
// and wrote. A batch's token bytes are wiped once its answers are out, and every buffer they
// grew out of as it was given back.
//
// Use add(), dispatch() and finish() only after start() succeeded: a thread without a store would
// leave its slice unanswered.
class VerifyWorkers
{
public:
    // What one line gave: its answer (without newline) and how it counts for the exit code.
    struct LineOutcome
    {
        bool valid = false;
        bool storeFailed = false;
    };
    // Called on each worker thread: its store connection and its Verifier on it.
    using OpenStore = std::function<Result<std::unique_ptr<SqlKeyStore>>()>;
    using MakeVerifier = std::function<std::unique_ptr<Verifier>(SqlKeyStore &)>;
    // Called on a worker thread for each line: appends the answer to `answer`.
    using Answer =
        std::function<LineOutcome(Verifier &, const char *token, std::size_t size, QByteArray &)>;
    // Receives answers: newline-terminated lines, in input order.
    using Emit = std::function<void(const QByteArray &answers)>;
    // Called on each worker thread with its connection, before its slice of a batch dispatched
    // with help (verify --stdin: reading ranges of the cache's pass).
    using Help = std::function<void(SqlKeyStore &)>;

    VerifyWorkers(int threads, OpenStore open, MakeVerifier make, Answer answer, Help help = {});
    // Waits for a batch in flight (its lines are verified and counted, even if never emitted),
    // then stops and joins the threads (their verifiers and stores close there).
    ~VerifyWorkers();
    VerifyWorkers(const VerifyWorkers &) = delete;
    VerifyWorkers &operator=(const VerifyWorkers &) = delete;

    // Waits until every thread has opened its store; the first failure, if any.
    Result<void> start();

    void add(const char *token, std::size_t size);
    std::size_t pending() const { return filling().lines.size(); }
    // Waits for the batch being verified, hands the threads the one collected since (if any),
    // then emits the finished one's answers while they work. help: each thread calls Help
    // before its slice of this batch.
    void dispatch(const Emit &emit, bool help = false);
    // Every line added so far verified and emitted (the input pauses or ends).
    void finish(const Emit &emit);

    bool allValid() const { return m_allValid; }
    bool storeFailed() const { return m_storeFailed; }

private:
    struct Slice
    {
        std::size_t begin = 0;
        std::size_t end = 0;
        QByteArray answers;
        bool allValid = true;
        bool storeFailed = false;
    };
    struct Line
    {
        std::size_t offset;
        std::size_t size;
    };
    struct Batch
    {
        std::vector<char, WipingAllocator<char>> bytes; // the tokens, back to back
        std::vector<Line> lines;
        std::vector<Slice> slices; // one per thread
        bool help = false;
    };
    Batch &filling() { return m_batches[m_fillingIndex]; }
    const Batch &filling() const { return m_batches[m_fillingIndex]; }
    // Waits until no thread works on a batch.
    void waitForThreads();
    // Waits likewise, then hands back the batch the threads finished (null: none was out).
    Batch *takeFinished();
    // Emits a finished batch's answers, takes its outcomes and wipes it.
    void emitAndClear(Batch &batch, const Emit &emit);
    static void wipe(Batch &batch);
    void work(std::size_t index);

    OpenStore m_open;
    MakeVerifier m_make;
    Answer m_answer;
    Help m_help;
    std::vector<std::thread> m_threads;
    Batch m_batches[2];
    std::size_t m_fillingIndex = 0; // the caller's; the other one may be with the threads

    std::mutex m_mutex;
    std::condition_variable m_wake; // workers: a new batch or stop
    std::condition_variable m_done; // dispatch()/start(): a worker finished
    Batch *m_verifying = nullptr; // the batch handed out last (guarded by m_mutex)
    quint64 m_generation = 0; // batches handed out
    std::size_t m_busy = 0; // workers still on the current batch (or still starting)
    bool m_stop = false;
    std::vector<Error> m_openErrors;
    bool m_started = false; // start() succeeded

    bool m_allValid = true;
    bool m_storeFailed = false;
};

} // namespace Keyward::Cli
