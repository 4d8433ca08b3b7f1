#include "VerifydProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include <csignal>

namespace Keyward::Testing {

VerifydProcess::~VerifydProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool VerifydProcess::start(const QStringList &arguments)
{
    QStringList args = arguments;
    if (!args.contains(QStringLiteral("--listen")))
        args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral(KEYWARD_VERIFYD_PATH), args);
    if (!m_process.waitForStarted(10000))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on \\S+ port (\\d+)"));
    QDeadlineTimer deadline(60000); // opening a vault checks it first
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        m_log += m_process.readAllStandardError();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_log));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    m_log += m_process.readAllStandardError();
    qWarning("keyward-verifyd did not start: %s", m_log.constData());
    return false;
}

void VerifydProcess::signal(int signo)
{
    // Never kill(0, ...): that would signal this test's whole process group.
    if (const qint64 pid = m_process.processId(); pid > 0)
        ::kill(pid_t(pid), signo);
}

int VerifydProcess::terminate(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning) {
        m_log += m_process.readAllStandardError();
        qWarning("keyward-verifyd had already exited: %s", m_log.constData());
        return -1;
    }
    signal(SIGTERM);
    if (!m_process.waitForFinished(timeoutMs) || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    m_log += m_process.readAllStandardError();
    return m_process.exitCode();
}

QByteArray VerifydProcess::log()
{
    m_log += m_process.readAllStandardError();
    return m_log;
}

} // namespace Keyward::Testing
