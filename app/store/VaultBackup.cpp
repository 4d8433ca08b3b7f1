#include "VaultBackup.h"

#include "VaultIntegrity.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <utility>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Keyward {

namespace {

// A sqlite3 connection closed however backup() returns.
class Connection
{
public:
    ~Connection() { sqlite3_close_v2(m_db); }
    int open(const QString &path, int flags)
    {
        return sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
    }
    sqlite3 *get() const { return m_db; }
    int close() { return sqlite3_close_v2(std::exchange(m_db, nullptr)); }
    QString errorMessage() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
    }

private:
    sqlite3 *m_db = nullptr;
};

// The copy under a temporary name beside the target, removed unless it is kept.
class PartialFile
{
public:
    explicit PartialFile(const QString &targetPath)
    {
        const QFileInfo target(targetPath);
        m_path = target.dir().filePath(QStringLiteral(".%1.partial-%2")
                                           .arg(target.fileName())
                                           .arg(QCoreApplication::applicationPid()));
    }
    ~PartialFile()
    {
        if (!m_kept) {
            for (const char *suffix : {"", "-journal", "-wal", "-shm"})
                QFile::remove(m_path + QLatin1String(suffix));
        }
    }
    // Made here, owner-only: the copy holds the same hashes and audit trail as the vault.
    bool create()
    {
        const int fd = ::open(QFile::encodeName(m_path).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return false;
        ::close(fd);
        return true;
    }
    bool sync() const
    {
        const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        const bool synced = ::fsync(fd) == 0;
        ::close(fd);
        return synced;
    }
    // link() fails when the target exists: no check-then-rename race can replace a file.
    int publishAs(const QString &targetPath)
    {
        if (::link(QFile::encodeName(m_path).constData(), QFile::encodeName(targetPath).constData())
            != 0)
            return errno;
        ::unlink(QFile::encodeName(m_path).constData());
        m_kept = true;
        return 0;
    }
    const QString &path() const { return m_path; }

private:
    QString m_path;
    bool m_kept = false;
};

} // namespace

Result<BackupSummary> VaultBackup::backup(const QString &vaultPath, const QString &targetPath,
                                          int busyTimeoutMs)
{
    if (!QFileInfo(vaultPath).isFile())
        return makeError(ErrorCode::VaultNotFound,
                         tr("There is no vault file at %1.").arg(vaultPath));
    if (QFileInfo(targetPath).exists())
        return makeError(ErrorCode::InvalidInput,
                         tr("%1 already exists. A backup never replaces a file: choose a new "
                            "name.")
                             .arg(targetPath));
    if (QFileInfo(targetPath).absoluteFilePath() == QFileInfo(vaultPath).absoluteFilePath())
        return makeError(ErrorCode::InvalidInput, tr("A vault cannot be backed up onto itself."));
    const QString cannotWrite = tr("Cannot write the backup %1: %2.");
    PartialFile partial(targetPath);
    if (!partial.create())
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromLocal8Bit(strerror(errno))));

    Connection source;
    Connection copy;
    if (source.open(vaultPath, SQLITE_OPEN_READONLY) != SQLITE_OK)
        return makeError(ErrorCode::StorageError,
                         tr("Cannot read %1: %2.").arg(vaultPath, source.errorMessage()));
    sqlite3_busy_timeout(source.get(), busyTimeoutMs);
    if (copy.open(partial.path(), SQLITE_OPEN_READWRITE) != SQLITE_OK)
        return makeError(ErrorCode::StorageError, cannotWrite.arg(targetPath, copy.errorMessage()));
    sqlite3_backup *backup = sqlite3_backup_init(copy.get(), "main", source.get(), "main");
    if (!backup)
        return makeError(ErrorCode::StorageError, cannotWrite.arg(targetPath, copy.errorMessage()));
    // A few pages at a time, so writers of the vault are never held up for long; a write in
    // between makes SQLite start the copy over, which is why there is an overall time limit.
    QElapsedTimer waited;
    waited.start();
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (waited.elapsed() > busyTimeoutMs)
                break;
            sqlite3_sleep(10);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    BackupSummary summary;
    summary.pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            return makeError(ErrorCode::VaultLocked,
                             tr("%1 stayed locked by another program for %2 seconds; nothing "
                                "was written. Try again.")
                                 .arg(vaultPath)
                                 .arg(busyTimeoutMs / 1000));
        if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
            return makeError(ErrorCode::VaultCorrupt,
                             tr("%1 is damaged (%2); nothing was written. Run \"keywardctl "
                                "vault check\".")
                                 .arg(vaultPath, QString::fromUtf8(sqlite3_errstr(rc))));
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    if (copy.close() != SQLITE_OK || !partial.sync())
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromLocal8Bit(strerror(errno))));

    // The copy must be a vault that opens and is whole, or it is no backup.
    auto problems = VaultIntegrity::check(partial.path(), busyTimeoutMs);
    if (!problems)
        return problems.error();
    if (!problems->isEmpty())
        return makeError(
            ErrorCode::VaultCorrupt,
            tr("The copy of %1 is not whole (%2: %3), so it was not kept. Run "
               "\"keywardctl vault check\" on the vault.")
                .arg(vaultPath, problems->constFirst().check, problems->constFirst().detail));
    summary.bytes = QFileInfo(partial.path()).size();
    if (const int error = partial.publishAs(targetPath); error != 0) {
        if (error == EEXIST)
            return makeError(ErrorCode::InvalidInput,
                             tr("%1 was created by someone else meanwhile; the backup was not "
                                "written over it.")
                                 .arg(targetPath));
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromLocal8Bit(strerror(error))));
    }
    return summary;
}

} // namespace Keyward
