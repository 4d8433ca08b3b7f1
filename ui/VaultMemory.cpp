#include "VaultMemory.h"

#include "store/SqlKeyStore.h"

#include <QFileInfo>

#include <utility>

namespace Keyward {

VaultMemory::VaultMemory(Settings &settings, QString vaultPath)
    : m_settings(settings)
    , m_path(std::move(vaultPath))
{ }

VaultMemory::History VaultMemory::checkHistory(SqlKeyStore &store) const
{
    const Settings::AuditMark seen = m_settings.lastAuditSeen(m_path);
    if (seen.id <= 0)
        return History::Unknown;
    auto hash = store.auditHash(seen.id);
    if (!hash)
        return History::Unknown; // an unreadable log is the open's business, not this
    if (!*hash)
        return History::Truncated;
    return **hash == seen.hash ? History::Continues : History::Rewritten;
}

QString VaultMemory::describe(History history) const
{
    const QString name = QFileInfo(m_path).fileName();
    const qint64 id = m_settings.lastAuditSeen(m_path).id;
    switch (history) {
    case History::Truncated:
        return tr("The history of %1 was cut short since this computer last saw it: audit entry "
                  "#%2 is gone. Someone with access to the file may have deleted the newest "
                  "entries, or an older copy of the vault was put back.")
            .arg(name)
            .arg(id);
    case History::Rewritten:
        return tr("The history of %1 was rewritten since this computer last saw it: audit entry "
                  "#%2 is not the one seen then. Someone with access to the file may have "
                  "altered it.")
            .arg(name)
            .arg(id);
    case History::Unknown:
    case History::Continues:
        break;
    }
    return {};
}

void VaultMemory::rememberNewest(SqlKeyStore &store)
{
    auto newest = store.auditEvents(std::nullopt, 1);
    if (!newest || newest->isEmpty())
        return;
    const AuditEvent &event = newest->constFirst();
    m_settings.setLastAuditSeen(m_path, {event.id, event.hash});
    m_settings.sync();
}

bool VaultMemory::pinIfUnpinned(const SqlKeyStore &store)
{
    const QString fingerprint = store.fingerprint();
    if (fingerprint.isEmpty() || !m_settings.pinnedFingerprint(m_path).isEmpty())
        return false;
    m_settings.setPinnedFingerprint(m_path, fingerprint);
    m_settings.sync();
    return true;
}

} // namespace Keyward
