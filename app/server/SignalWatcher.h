#pragma once

#include <QObject>

class QSocketNotifier;

namespace Keyward::Verifyd {

// SIGHUP, SIGTERM and SIGINT as Qt signals on the main thread's event loop (signalfd).
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    // Blocks those signals in the calling thread. Call it first thing in main(), before any other
    // thread exists: threads inherit the mask, so the signals wait in the signalfd for the main
    // loop instead of interrupting some thread.
    static bool blockInThisThread();
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;
    bool isValid() const { return m_fd >= 0; }

Q_SIGNALS:
    void reloadRequested();
    void stopRequested();

private:
    void readSignal();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Keyward::Verifyd
