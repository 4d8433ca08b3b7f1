#include "BackgroundJob.h"

#include <pthread.h>

#include <chrono>

namespace Keyward {

BackgroundJob::BackgroundJob(std::function<void()> work, const char *name, QObject *parent)
    : QObject(parent)
{
    m_thread = std::thread([this, work = std::move(work), name] {
        pthread_setname_np(pthread_self(), name);
        work();
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_finished = true;
        }
        m_done.notify_all();
        // Queued to this object: dropped if it is destroyed first, and its destructor joins
        // this thread before anything of it goes away.
        QMetaObject::invokeMethod(this, &BackgroundJob::finished, Qt::QueuedConnection);
    });
}

BackgroundJob::~BackgroundJob()
{
    wait();
}

bool BackgroundJob::isFinished() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_finished;
}

void BackgroundJob::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

bool BackgroundJob::waitFor(int timeoutMs)
{
    if (timeoutMs >= 0) {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (!m_done.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                             [this] { return m_finished; }))
            return false;
    }
    wait(); // the work has returned: only the thread's exit is left
    return true;
}

} // namespace Keyward
