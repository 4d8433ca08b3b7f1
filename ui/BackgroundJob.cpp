#include "BackgroundJob.h"

#include <pthread.h>

namespace Keyward {

BackgroundJob::BackgroundJob(std::function<void()> work, const char *name, QObject *parent)
    : QObject(parent)
{
    m_thread = std::thread([this, work = std::move(work), name] {
        pthread_setname_np(pthread_self(), name);
        work();
        m_finished.store(true, std::memory_order_release);
        // Queued to this object: dropped if it is destroyed first, and its destructor joins
        // this thread before anything of it goes away.
        QMetaObject::invokeMethod(this, &BackgroundJob::finished, Qt::QueuedConnection);
    });
}

BackgroundJob::~BackgroundJob()
{
    wait();
}

void BackgroundJob::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace Keyward
