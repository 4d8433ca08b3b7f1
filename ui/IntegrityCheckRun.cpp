#include "IntegrityCheckRun.h"

#include "BackgroundJob.h"

namespace Keyward {

IntegrityCheckRun::IntegrityCheckRun(const QString &path, QObject *parent)
    : QObject(parent)
{
    m_thread = new BackgroundJob(
        [this, path] { m_result = VaultIntegrity::check(path, 5000, &m_stop); }, "keyward-check");
    connect(m_thread, &BackgroundJob::finished, this, &IntegrityCheckRun::finished);
}

IntegrityCheckRun::~IntegrityCheckRun()
{
    m_stop.store(true, std::memory_order_relaxed);
    m_thread->wait();
    delete m_thread;
}

bool IntegrityCheckRun::isFinished() const
{
    return m_thread->isFinished();
}

Result<QVector<VaultProblem>> IntegrityCheckRun::wait()
{
    m_thread->wait(); // the join orders the thread's writes before what follows
    return *m_result;
}

} // namespace Keyward
