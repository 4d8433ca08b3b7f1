#pragma once

#include "SingleDialog.h"
#include "crypto/SecretString.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace Keyward {

class BackgroundJob;
class Clock;
class ServerBackupDialog;
class VaultSession;

// File › Back Up Vault…, Restore from Backup… and Export Expiry Calendar…: the window's side of
// VaultBackup and ExpiryCalendar (the checks and the file work live there, shared with
// keywardctl). A backup or restore reads or writes the whole file, seconds for a large vault,
// so it runs on a thread of its own while the window shows it is busy.
//
// A vault on a PostgreSQL server is backed up as a vault file copy (VaultBackup::backupServer,
// as `keywardctl migrate` copies): the Owner chooses their passphrase in the file, and the copy
// runs on the worker thread over a connection of its own, opened there with the session's
// login (a QSqlDatabase belongs to the thread that opened it). Restoring a server from a file
// is keywardctl migrate's work; the entry says so.
class BackupCommands : public QObject
{
    Q_OBJECT
public:
    enum class FileQuestion { BackupTarget, RestoreSource, CalendarTarget };
    // Asks for a file (suggested: a full path to start from); empty means cancelled. The
    // default asks with QFileDialog; tests answer without a dialog.
    using FileChooser = std::function<QString(FileQuestion question, const QString &suggested)>;

    BackupCommands(VaultSession &session, const Clock &clock, QWidget *window);
    ~BackupCommands() override; // waits for a backup or restore still running

    // The passphrase question of a server backup while it is open (window-modal), or null.
    ServerBackupDialog *passphraseDialog() const;

    QAction *backUpAction() const { return m_backUp; }
    QAction *restoreAction() const { return m_restore; }
    QAction *exportCalendarAction() const { return m_calendar; }
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    bool isBusy() const { return m_thread != nullptr; }

    void backUp();
    void restore();
    void exportCalendar();
    // Enables the actions from the session: signed in, nothing running; a server vault only
    // for an Owner, and restore for a vault file only.
    void updateActions();

    // The name first offered for a backup of vaultPath on the day of nowMs, beside the vault
    // ("vault.keyward.backup-20261204", "-2" and on when that exists already).
    static QString suggestedBackupPath(const QString &vaultPath, qint64 nowMs);
    // The same for a server's vault, in folder: "<database>.keyward.backup-20261204".
    static QString suggestedServerBackupPath(const QString &folder, const QString &database,
                                             qint64 nowMs);

Q_SIGNALS:
    void message(const QString &text);
    // A backup or restore started (true) or ended (false).
    void busyChanged(bool busy);

private:
    QString choose(FileQuestion question, const QString &suggested);
    void backUpServer();
    // Copies the server's vault into target on a worker thread, with the Owner's passphrase.
    void startServerBackup(const QString &target, SecretString passphrase);
    // Replaces vault's content with backup's on a worker thread.
    void startRestore(const QString &vault, const QString &backup);
    void runInBackground(std::function<void()> work, std::function<void()> done);

    VaultSession &m_session;
    const Clock &m_clock;
    QWidget *m_window = nullptr;
    FileChooser m_chooser;
    SingleDialog<ServerBackupDialog> m_passphraseDialog;
    BackgroundJob *m_thread = nullptr;
    QAction *m_backUp = nullptr;
    QAction *m_restore = nullptr;
    QAction *m_calendar = nullptr;
};

} // namespace Keyward
