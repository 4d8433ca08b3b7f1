#pragma once

#include "core/Result.h"

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
// Lines are collected into a batch; run() splits the batch into N contiguous slices, one per
// thread, waits for all, and hands the slices' answers back in order. The batch's token bytes
// are wiped after every run.
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

    VerifyWorkers(int threads, OpenStore open, MakeVerifier make, Answer answer);
    ~VerifyWorkers(); // stops and joins the threads (their verifiers and stores close there)
    VerifyWorkers(const VerifyWorkers &) = delete;
    VerifyWorkers &operator=(const VerifyWorkers &) = delete;

    // Waits until every thread has opened its store; the first failure, if any.
    Result<void> start();

    void add(const char *token, std::size_t size);
    std::size_t pending() const { return m_lines.size(); }
    // Verifies the batch; `emit` receives each answer (newline-terminated lines, in order).
    void run(const std::function<void(const QByteArray &answers)> &emit);

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
    void work(std::size_t index);

    OpenStore m_open;
    MakeVerifier m_make;
    Answer m_answer;
    std::vector<std::thread> m_threads;
    std::vector<Slice> m_slices; // one per thread

    std::vector<char> m_bytes; // the batch's tokens, back to back (wiped after each run)
    struct Line
    {
        std::size_t offset;
        std::size_t size;
    };
    std::vector<Line> m_lines;

    std::mutex m_mutex;
    std::condition_variable m_wake; // workers: a new batch or stop
    std::condition_variable m_done; // run()/start(): a worker finished
    quint64 m_generation = 0; // batches handed out
    std::size_t m_busy = 0; // workers still on the current batch (or still starting)
    bool m_stop = false;
    std::vector<Error> m_openErrors;

    bool m_allValid = true;
    bool m_storeFailed = false;
};

} // namespace Keyward::Cli
