#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

#include <optional>

namespace Keyward {

class BackgroundJob;
class Clock;

// A large vault file opened once on a thread of its own before the window opens it: the
// whole-file check (quick_check reads every page) and an upgrade to this build's schema take
// seconds for a large vault (about 6.5 s to upgrade 1,000,000 keys), and the window must stay
// responsive meanwhile. An upgrade another program has begun is waited for as the commands wait
// (VaultOptions::kUpgradeWaitMs), not refused as "locked" after the window's 2 s. The store is
// closed again on that thread (a Qt SQL connection belongs to the thread that opened it); the
// window then opens the checked, current file reading only its header (VaultCheck::Header).
class VaultOpenCheck : public QObject
{
    Q_OBJECT
public:
    // From this size (the file and its WAL) a vault is opened here first; a smaller one opens on
    // the window's thread at once (its check takes some tens of milliseconds).
    static constexpr qint64 kLargeVaultBytes = 16 * 1024 * 1024;
    static bool isLarge(const QString &path);
    // Tests: another threshold (0: kLargeVaultBytes again).
    static void setLargeVaultBytesForTests(qint64 bytes);

    // Starts at once. pinnedFingerprint: as VaultOptions::pinnedFingerprint.
    VaultOpenCheck(const QString &path, const QString &pinnedFingerprint, const Clock &clock,
                   QObject *parent = nullptr);
    ~VaultOpenCheck() override; // waits for the open to end: an upgrade is never cut short

    QString path() const { return m_path; }
    QString pinnedFingerprint() const { return m_pinnedFingerprint; }
    // Blocks until the open has ended, then returns its outcome.
    Result<void> wait();

Q_SIGNALS:
    // The open has ended (on the thread that made this object); wait() returns at once now.
    void finished();

private:
    const QString m_path;
    const QString m_pinnedFingerprint;
    std::optional<Result<void>> m_result; // written by the thread, read after the join
    BackgroundJob *m_job = nullptr;
};

} // namespace Keyward
