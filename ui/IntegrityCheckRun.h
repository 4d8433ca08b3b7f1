#pragma once

#include "core/Result.h"
#include "store/VaultIntegrity.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <optional>

namespace Keyward {

class BackgroundJob;

// VaultIntegrity::check() on a thread of its own: PRAGMA integrity_check reads the whole file,
// which takes seconds for a large vault, and the window must stay responsive meanwhile. The
// check uses its own read-only connection, so the window's store stays free to use.
class IntegrityCheckRun : public QObject
{
    Q_OBJECT
public:
    explicit IntegrityCheckRun(const QString &path, QObject *parent = nullptr);
    // Stops the check (its verdict is no longer wanted) and waits the few milliseconds that takes.
    ~IntegrityCheckRun() override;

    bool isFinished() const;
    // Blocks until the check has ended, then returns its result.
    Result<QVector<VaultProblem>> wait();

Q_SIGNALS:
    // The check has ended (on the thread that made this object); wait() returns at once now.
    void finished();

private:
    std::atomic<bool> m_stop {false};
    BackgroundJob *m_thread = nullptr;
    std::optional<Result<QVector<VaultProblem>>> m_result; // written by the thread, read after
};

} // namespace Keyward
