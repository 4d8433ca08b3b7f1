#pragma once

#include <QProcess>
#include <QStringList>

namespace Keyward::Testing {

// The real keyward-verifyd binary, started on a free port ("--listen 127.0.0.1:0"; the port is
// read from its start-up line), as systemd or a test fixture would run it.
class VerifydProcess
{
public:
    VerifydProcess() = default;
    ~VerifydProcess();

    // Starts with these arguments (plus --listen unless given) and waits for it to listen.
    bool start(const QStringList &arguments);
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    void signal(int signo);
    // Sends SIGTERM and waits; the exit code, or -1 when it did not exit normally in time.
    int terminate(int timeoutMs = 30000);
    QByteArray log();

private:
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

} // namespace Keyward::Testing
