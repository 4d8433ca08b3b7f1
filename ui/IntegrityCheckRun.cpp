#include "IntegrityCheckRun.h"

#include <QThread>

namespace Keyward {

IntegrityCheckRun::IntegrityCheckRun(const QString &path, QObject *parent)
    : QObject(parent)
{
    m_thread = QThread::create([this, path] { m_result = VaultIntegrity::check(path); });
    connect(m_thread, &QThread::finished, this, &IntegrityCheckRun::finished);
    m_thread->start(QThread::LowPriority);
}

IntegrityCheckRun::~IntegrityCheckRun()
{
    m_thread->wait();
    delete m_thread;
}

bool IntegrityCheckRun::isFinished() const
{
    return m_thread->isFinished();
}

Result<QVector<VaultProblem>> IntegrityCheckRun::wait()
{
    m_thread->wait(); // QThread::wait() orders the thread's writes before what follows
    return *m_result;
}

} // namespace Keyward
