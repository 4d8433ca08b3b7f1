#include "OpenVaultFiles.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>

namespace Keyward {

namespace {

QHash<QString, int> &openVaultFiles()
{
    static QHash<QString, int> files;
    return files;
}

QMutex &openVaultFilesMutex()
{
    static QMutex mutex;
    return mutex;
}

QString vaultFileKey(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical;
}

} // namespace

bool OpenVaultFiles::contains(const QString &path)
{
    QMutexLocker lock(&openVaultFilesMutex());
    return openVaultFiles().value(vaultFileKey(path)) > 0;
}

QString OpenVaultFiles::acquire(const QString &path)
{
    QMutexLocker lock(&openVaultFilesMutex());
    const QString key = vaultFileKey(path);
    ++openVaultFiles()[key];
    return key;
}

void OpenVaultFiles::release(const QString &key)
{
    QMutexLocker lock(&openVaultFilesMutex());
    if (--openVaultFiles()[key] <= 0)
        openVaultFiles().remove(key);
}

} // namespace Keyward
