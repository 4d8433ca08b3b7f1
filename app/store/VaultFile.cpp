#include "VaultFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtEndian>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Keyward {

QString VaultFile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/keyward/vault.keyward");
}

Result<void> VaultFile::inspect(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::VaultNotFound, tr("There is no vault at %1.").arg(path));
    if (!info.isFile())
        return makeError(ErrorCode::NotAVault, tr("%1 is not a file.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::StorageError,
                         tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (header.size() < 100 || !header.startsWith(magic))
        return makeError(ErrorCode::NotAVault, tr("%1 is not a Keyward vault.").arg(path));

    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return makeError(ErrorCode::VaultCorrupt, tr("%1 is damaged (bad page size).").arg(path));
    // No size check here: the page count in the header and the file's size are only consistent
    // under SQLite's locks (another process's checkpoint writes page 1 before the file grows),
    // and SQLite itself refuses a file shorter than its header says (SQLITE_CORRUPT), see
    // damageDetail().
    const qint32 applicationId = qFromBigEndian<qint32>(header.constData() + 68);
    if (applicationId != kApplicationId)
        return makeError(ErrorCode::NotAVault,
                         tr("%1 is an SQLite database, but not a Keyward vault.").arg(path));
    return {};
}

QString VaultFile::damageDetail(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray header = file.read(100);
    if (header.size() < 100)
        return tr("the file is shorter than it should be (truncated)");
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = qFromBigEndian<quint32>(header.constData() + 28);
    const quint32 changeCounter = qFromBigEndian<quint32>(header.constData() + 24);
    const quint32 validFor = qFromBigEndian<quint32>(header.constData() + 92);
    if (validFor == changeCounter && pageCount > 0
        && quint64(file.size()) < quint64(pageSize) * pageCount)
        return tr("the file is shorter than it should be (truncated)");
    return {};
}

void VaultFile::removeLeftovers(const QString &path, bool walExisted, bool shmExisted)
{
#ifdef Q_OS_UNIX
    if (shmExisted)
        return; // someone else's, or a previous session's: theirs to clean up
    const QString shm = path + QStringLiteral("-shm");
    const QString wal = path + QStringLiteral("-wal");
    const int fd = ::open(QFile::encodeName(shm).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return;
    // Every SQLite connection that uses the -shm holds a read lock on its byte 128 (the unix
    // VFS's "DMS" lock) for as long as it is open. Winning a write lock there means nobody
    // else has the vault open, and holding it keeps a newcomer out until the files are gone.
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 128;
    lock.l_len = 1;
    if (::fcntl(fd, F_SETLK, &lock) == 0) {
        const QFileInfo walInfo(wal);
        if (!walExisted && walInfo.exists() && walInfo.size() == 0)
            QFile::remove(wal);
        if (!QFileInfo::exists(wal))
            QFile::remove(shm); // a -wal with content keeps its index for the next opener
    }
    ::close(fd); // also releases the lock
#else
    Q_UNUSED(path);
    Q_UNUSED(walExisted);
    Q_UNUSED(shmExisted);
#endif
}

Result<void> VaultFile::createEmpty(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return makeError(ErrorCode::VaultExists,
                         tr("%1 already exists; choose another file name.").arg(path));
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!QDir().mkpath(dir.absolutePath()))
            return makeError(ErrorCode::StorageError,
                             tr("Cannot create the folder %1.").arg(dir.absolutePath()));
        QFile::setPermissions(dir.absolutePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(ErrorCode::StorageError,
                         tr("Cannot create %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.close();
    return {};
}

} // namespace Keyward
