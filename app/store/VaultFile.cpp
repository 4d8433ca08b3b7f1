#include "VaultFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtEndian>

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

    // The header says how large the database is; a shorter file was cut off.
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = qFromBigEndian<quint32>(header.constData() + 28);
    const quint32 changeCounter = qFromBigEndian<quint32>(header.constData() + 24);
    const quint32 validFor = qFromBigEndian<quint32>(header.constData() + 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return makeError(ErrorCode::VaultCorrupt, tr("%1 is damaged (bad page size).").arg(path));
    if (validFor == changeCounter && pageCount > 0
        && quint64(info.size()) < quint64(pageSize) * pageCount)
        return makeError(
            ErrorCode::VaultCorrupt,
            tr("%1 is damaged: the file is shorter than it should be (truncated).").arg(path));
    const qint32 applicationId = qFromBigEndian<qint32>(header.constData() + 68);
    if (applicationId != kApplicationId)
        return makeError(ErrorCode::NotAVault,
                         tr("%1 is an SQLite database, but not a Keyward vault.").arg(path));
    return {};
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
