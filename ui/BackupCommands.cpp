#include "BackupCommands.h"

#include "BackgroundJob.h"
#include "MessageBox.h"
#include "ServerBackupDialog.h"
#include "ServerProbe.h"
#include "VaultSession.h"
#include "core/Clock.h"
#include "core/ExpiryCalendar.h"
#include "store/SqlKeyStore.h"
#include "store/VaultBackup.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>

#include <memory>
#include <optional>

namespace Keyward {

BackupCommands::BackupCommands(VaultSession &session, const Clock &clock, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_clock(clock)
    , m_window(window)
{
    m_backUp = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")),
                           tr("Back &Up Vault…"), this);
    m_backUp->setObjectName(QStringLiteral("actionBackUpVault"));
    m_backUp->setStatusTip(tr("Copy the vault into a new file while it stays open, and check "
                              "the copy"));
    connect(m_backUp, &QAction::triggered, this, &BackupCommands::backUp);
    m_restore = new QAction(QIcon::fromTheme(QStringLiteral("document-revert")),
                            tr("Restore from Bac&kup…"), this);
    m_restore->setObjectName(QStringLiteral("actionRestoreVault"));
    m_restore->setStatusTip(tr("Put a backup of this vault back; the vault as it is now is kept "
                               "beside it"));
    connect(m_restore, &QAction::triggered, this, &BackupCommands::restore);
    m_calendar = new QAction(QIcon::fromTheme(QStringLiteral("view-calendar")),
                             tr("Export &Expiry Calendar…"), this);
    m_calendar->setObjectName(QStringLiteral("actionExportCalendar"));
    m_calendar->setStatusTip(tr("Save an iCalendar file with every key's expiry, for your own "
                                "calendar's reminders"));
    connect(m_calendar, &QAction::triggered, this, &BackupCommands::exportCalendar);
    updateActions();
}

BackupCommands::~BackupCommands()
{
    m_passphraseDialog.destroy();
    // The thread's work refers to nothing of this object's; only its end must be waited for.
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

QString BackupCommands::suggestedBackupPath(const QString &vaultPath, qint64 nowMs)
{
    const QString base = vaultPath + QStringLiteral(".backup-")
        + QDateTime::fromMSecsSinceEpoch(nowMs).toString(QStringLiteral("yyyyMMdd"));
    QString path = base;
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = base + QStringLiteral("-%1").arg(n);
    return path;
}

QString BackupCommands::suggestedServerBackupPath(const QString &folder, const QString &database,
                                                  qint64 nowMs)
{
    QString name = database;
    // A database name may hold anything; a file name must not climb out of its folder.
    name.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name.prepend(QStringLiteral("server"));
    return suggestedBackupPath(QDir(folder).filePath(name + QStringLiteral(".keyward")), nowMs);
}

ServerBackupDialog *BackupCommands::passphraseDialog() const
{
    return m_passphraseDialog.get();
}

QString BackupCommands::choose(FileQuestion question, const QString &suggested)
{
    if (m_chooser)
        return m_chooser(question, suggested);
    switch (question) {
    case FileQuestion::BackupTarget:
        return QFileDialog::getSaveFileName(m_window, tr("Back Up Vault"), suggested,
                                            tr("Keyward backups (*.backup-*);;All files (*)"));
    case FileQuestion::RestoreSource:
        return QFileDialog::getOpenFileName(
            m_window, tr("Restore from Backup"), suggested,
            tr("Keyward backups (*.backup-* *.keyward);;All files (*)"));
    case FileQuestion::CalendarTarget:
        return QFileDialog::getSaveFileName(m_window, tr("Export Expiry Calendar"), suggested,
                                            tr("iCalendar files (*.ics);;All files (*)"));
    }
    return {};
}

void BackupCommands::updateActions()
{
    const bool unlocked = m_session.isUnlocked();
    const bool file = unlocked && !m_session.isRemote();
    const bool idle = !isBusy();
    m_calendar->setEnabled(unlocked && idle);

    const bool remote = unlocked && m_session.isRemote();
    const bool owner = unlocked && m_session.member() && m_session.member()->role == Role::Owner;
    // A server's vault is backed up as a vault file copy, which holds every key's hash and the
    // whole audit log: an Owner's to make, as for keywardctl migrate.
    m_backUp->setEnabled(idle && (file || (remote && owner)));
    if (remote && !owner)
        m_backUp->setToolTip(tr("Only an Owner can back up a vault on a server: the copy holds "
                                "every key's hash and the whole audit log."));
    else if (remote)
        m_backUp->setToolTip(tr("Copy the vault on the server into a new vault file, signed "
                                "and checked"));
    else
        m_backUp->setToolTip(m_backUp->statusTip());
    m_restore->setEnabled(file && owner && idle);
    if (remote)
        m_restore->setToolTip(tr("A vault on a PostgreSQL server is not restored from here: copy "
                                 "a backup file into an empty database with \"keywardctl migrate "
                                 "--from FILE --to CONNINFO\", or use the server's own backups "
                                 "(pg_dump)."));
    else if (unlocked && !owner)
        m_restore->setToolTip(tr("Only an Owner can restore the vault from a backup."));
    else
        m_restore->setToolTip(m_restore->statusTip());
}

void BackupCommands::runInBackground(std::function<void()> work, std::function<void()> done)
{
    m_thread = new BackgroundJob(std::move(work), "keyward-backup");
    connect(m_thread, &BackgroundJob::finished, this, [this, done = std::move(done)] {
        m_thread->deleteLater();
        m_thread = nullptr;
        updateActions();
        Q_EMIT busyChanged(false);
        done();
    });
    updateActions();
    Q_EMIT busyChanged(true);
}

void BackupCommands::backUp()
{
    if (isBusy() || !m_session.isUnlocked())
        return;
    if (m_session.isRemote()) {
        backUpServer();
        return;
    }
    const QString vault = m_session.path();
    const QString target =
        choose(FileQuestion::BackupTarget, suggestedBackupPath(vault, m_clock.nowMs()));
    if (target.isEmpty())
        return;
    Q_EMIT message(tr("Backing up %1…").arg(QDir::toNativeSeparators(target)));
    // Written by the thread, read after it has finished (BackgroundJob::finished orders the two).
    auto result = std::make_shared<std::optional<Result<BackupSummary>>>();
    runInBackground([vault, target, result] { *result = VaultBackup::backup(vault, target); },
                    [this, target, result] {
                        if (!*result || !**result) {
                            const QString why =
                                *result ? (**result).errorMessage() : tr("The backup stopped.");
                            Q_EMIT message(tr("No backup was made."));
                            MessageBox::warning(m_window, tr("Back Up Vault"),
                                                tr("The vault was not backed up.\n\n%1").arg(why));
                            return;
                        }
                        Q_EMIT message(tr("Backed up the vault to %1 (%2), checked: no damage.")
                                           .arg(QDir::toNativeSeparators(target),
                                                QLocale().formattedDataSize((**result)->bytes)));
                    });
}

void BackupCommands::backUpServer()
{
    if (m_passphraseDialog.raise())
        return;
    const std::optional<Member> member = m_session.member();
    if (!member || !m_backUp->isEnabled())
        return;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QString target = choose(
        FileQuestion::BackupTarget,
        suggestedServerBackupPath(folder, m_session.serverInfo().value(QStringLiteral("dbname")),
                                  m_clock.nowMs()));
    if (target.isEmpty())
        return;
    // Asked before anything is read: a name that is taken is said at once, not after the copy.
    if (QFileInfo::exists(target)) {
        MessageBox::warning(m_window, tr("Back Up Vault"),
                            tr("“%1” already exists. A backup never replaces a file: choose a "
                               "new name.")
                                .arg(QDir::toNativeSeparators(target)));
        return;
    }
    // The backup starts from the question's finished().
    auto *dialog = new ServerBackupDialog(member->name, target, m_window);
    m_passphraseDialog.open(dialog, this, [this, dialog, target](int result) {
        if (result == QDialog::Accepted)
            startServerBackup(target, dialog->takePassphrase());
    });
}

void BackupCommands::startServerBackup(const QString &target, SecretString typed)
{
    // The vault may have been closed or changed while the question was open.
    if (isBusy() || !m_session.isUnlocked() || !m_session.isRemote())
        return;
    auto passphrase = std::make_shared<SecretString>(std::move(typed));
    // The worker's own connection, named so that the server's activity view tells it apart.
    PgConnInfo login = ServerProbe::withConnectTimeout(m_session.serverLogin());
    login.setValue(QStringLiteral("application_name"), QStringLiteral("keyward-backup"));
    const Clock &clock = m_clock;
    Q_EMIT message(
        tr("Backing up the vault on the server to %1…").arg(QDir::toNativeSeparators(target)));
    auto result = std::make_shared<std::optional<Result<ServerBackupSummary>>>();
    runInBackground(
        [login, target, passphrase, result, &clock]() mutable {
            *result = [&]() -> Result<ServerBackupSummary> {
                auto connected = SqlKeyStore::connectPostgres(login, clock);
                login = PgConnInfo(); // and its password with it
                if (!connected)
                    return connected.error();
                SqlKeyStore &source = **connected;
                // The server is read, never written: not even this sign-in's audit row.
                source.setAuditsSignIns(false);
                if (auto signedIn = source.signIn(QString(), SecretString()); !signedIn)
                    return signedIn.error();
                return VaultBackup::backupServer(source, target, *passphrase, clock);
            }();
            passphrase->clear();
        },
        [this, target, result] {
            if (!*result || !**result) {
                const QString why = *result ? (**result).errorMessage() : tr("The backup stopped.");
                Q_EMIT message(tr("No backup was made."));
                MessageBox::warning(m_window, tr("Back Up Vault"),
                                    tr("The vault was not backed up.\n\n%1").arg(why));
                return;
            }
            const ServerBackupSummary &summary = ***result;
            QString text = tr("Backed up the vault on the server to %1 (%2), signed and checked: "
                              "no damage.")
                               .arg(QDir::toNativeSeparators(target),
                                    QLocale().formattedDataSize(summary.bytes));
            if (!summary.membersWithoutPassphrase.isEmpty())
                text += QLatin1Char(' ')
                    + tr("Only you can sign in to it; copied without a passphrase: %1.")
                          .arg(summary.membersWithoutPassphrase.join(QStringLiteral(", ")));
            Q_EMIT message(text);
        });
}

void BackupCommands::restore()
{
    if (isBusy() || !m_session.isUnlocked() || m_session.isRemote())
        return;
    const QString vault = m_session.path();
    const QString backup = choose(FileQuestion::RestoreSource, QFileInfo(vault).path());
    if (backup.isEmpty())
        return;
    const QString vaultName = QFileInfo(vault).fileName();
    MessageBox::confirm(
        m_window, tr("Restore from Backup"),
        tr("Replace the content of the vault “%1” with the backup “%2”?\n\n"
           "Keys created or changed since the backup disappear from the vault, and so do "
           "the audit entries written since. Nothing is lost: the vault as it is now is kept "
           "beside it as “%1.before-restore-…”.\n\n"
           "The backup is checked in full first: a damaged backup, or a backup of another "
           "vault, changes nothing.")
            .arg(vaultName, QFileInfo(backup).fileName()),
        tr("&Restore"), tr("&Cancel"), this, [this, vault, backup](bool restore) {
            // The vault may have been closed or changed while the question was open.
            if (restore && !isBusy() && m_session.isUnlocked() && !m_session.isRemote()
                && m_session.path() == vault)
                startRestore(vault, backup);
        });
}

void BackupCommands::startRestore(const QString &vault, const QString &backup)
{
    Q_EMIT message(tr("Restoring the vault from %1…").arg(QDir::toNativeSeparators(backup)));
    const qint64 now = m_clock.nowMs();
    auto result = std::make_shared<std::optional<Result<RestoreSummary>>>();
    runInBackground(
        [vault, backup, now, result] { *result = VaultBackup::restore(vault, backup, now); },
        [this, result] {
            if (!*result || !**result) {
                const QString why =
                    *result ? (**result).errorMessage() : tr("The restore stopped.");
                Q_EMIT message(tr("Nothing was restored."));
                MessageBox::warning(
                    m_window, tr("Restore from Backup"),
                    tr("Nothing was restored; the vault is as it was.\n\n%1").arg(why));
                return;
            }
            const RestoreSummary &summary = ***result;
            // The restore moved the vault's change counter on: the session's change channel
            // shows the restored keys at once, instead of at the watcher's next poll.
            m_session.tick();
            QString text = tr("Restored the vault from the backup. The vault as it was is kept as "
                              "%1.")
                               .arg(QDir::toNativeSeparators(summary.keptPath));
            if (!summary.keptChecked)
                text += QLatin1Char(' ') + tr("It was damaged, so it was kept byte for byte.");
            Q_EMIT message(text);
        });
}

void BackupCommands::exportCalendar()
{
    SqlKeyStore *store = m_session.store();
    if (isBusy() || !store || !m_session.isUnlocked())
        return;
    QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (start.isEmpty() || !QFileInfo(start).isDir())
        start = QDir::homePath();
    const QString path =
        choose(FileQuestion::CalendarTarget, QDir(start).filePath(QStringLiteral("keys.ics")));
    if (path.isEmpty())
        return;
    auto keys = store->listKeys(false);
    if (!keys) {
        MessageBox::warning(m_window, tr("Export Expiry Calendar"),
                            tr("The keys could not be read.\n\n%1").arg(keys.errorMessage()));
        return;
    }
    const qint64 now = m_clock.nowMs();
    // The fingerprint names the vault wherever it is opened from; an unsigned one, its location
    // (as keywardctl key calendar does, so both files update the same events).
    const QString uidDomain =
        store->fingerprint().isEmpty() ? store->location() : store->fingerprint();
    const ExpiryCalendar::File calendar =
        ExpiryCalendar::build(*keys, now, store->displayName(), uidDomain);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(calendar.ics) != calendar.ics.size()
        || !file.commit()) {
        MessageBox::warning(
            m_window, tr("Export Expiry Calendar"),
            tr("Cannot write “%1”: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    const int events = calendar.events;
    Q_EMIT message(
        tr("Wrote %n event(s) to %1.", nullptr, events).arg(QDir::toNativeSeparators(path)));
}

} // namespace Keyward
