#include "VaultOpenCheck.h"

#include "BackgroundJob.h"
#include "store/SqlKeyStore.h"

#include <QFileInfo>

#include <atomic>

namespace Keyward {

namespace {

std::atomic<qint64> largeVaultBytes {0}; // 0: VaultOpenCheck::kLargeVaultBytes

} // namespace

bool VaultOpenCheck::isLarge(const QString &path)
{
    const qint64 threshold = largeVaultBytes.load();
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    return bytes >= (threshold > 0 ? threshold : kLargeVaultBytes);
}

void VaultOpenCheck::setLargeVaultBytesForTests(qint64 bytes)
{
    largeVaultBytes.store(bytes);
}

VaultOpenCheck::VaultOpenCheck(const QString &path, const QString &pinnedFingerprint,
                               const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_pinnedFingerprint(pinnedFingerprint)
{
    m_job = new BackgroundJob(
        [this, &clock] {
            VaultOptions options;
            options.pinnedFingerprint = m_pinnedFingerprint;
            options.upgradeBusyTimeoutMs = VaultOptions::kUpgradeWaitMs;
            auto opened = SqlKeyStore::openVault(m_path, clock, options);
            m_result = opened ? Result<void>() : Result<void>(opened.error());
            // Closed here, on the thread whose connection it is.
        },
        "keyward-open");
    connect(m_job, &BackgroundJob::finished, this, &VaultOpenCheck::finished);
}

VaultOpenCheck::~VaultOpenCheck()
{
    m_job->wait();
    delete m_job;
}

Result<void> VaultOpenCheck::wait()
{
    m_job->wait(); // the join orders the thread's writes before what follows
    return *m_result;
}

} // namespace Keyward
