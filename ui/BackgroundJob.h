#pragma once

#include <QObject>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace Keyward {

// Runs one function on a thread of its own and says so on the owner's thread when it is done:
// slow work (reading vaults, checking signatures, backups) that must not block the GUI.
//
// A std::thread rather than QThread::create(): Qt 6.4 detaches its threads, so QThread::wait()
// returns before the thread's thread-local destructors have run. A thread that used libpq has
// OpenSSL state that OpenSSL frees both in such a destructor and in its exit handler, so a
// process quitting right after the wait could free it twice (the sanitizers caught it). wait()
// and the destructor here join: once they return, the thread is gone.
class BackgroundJob : public QObject
{
    Q_OBJECT
public:
    // Starts work at once. name shows in debuggers and top (at most 15 characters).
    explicit BackgroundJob(std::function<void()> work, const char *name = "keyward-job",
                           QObject *parent = nullptr);
    ~BackgroundJob() override; // waits for the work to end
    BackgroundJob(const BackgroundJob &) = delete;
    BackgroundJob &operator=(const BackgroundJob &) = delete;

    bool isFinished() const;
    // Waits for the work to end; what it wrote is visible afterwards.
    void wait();
    // As wait(), for at most timeoutMs (< 0: however long); false when the work is still running.
    bool waitFor(int timeoutMs);

Q_SIGNALS:
    // On the owner's thread, after the work has returned.
    void finished();

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false; // guarded by m_mutex
    std::thread m_thread;
};

} // namespace Keyward
