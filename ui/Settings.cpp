#include "Settings.h"

#include "store/PgConnInfo.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace Keyward {

namespace {

const QString kLanguage = QStringLiteral("ui/language");
const QString kAutoLock = QStringLiteral("security/autoLockMinutes");
const QString kClipboard = QStringLiteral("security/clipboardClearSeconds");
const QString kRecent = QStringLiteral("vaults/recent");
const QString kTray = QStringLiteral("ui/trayIcon");
const QString kRecentServers = QStringLiteral("servers/recent");

// Paths contain '/', which QSettings treats as groups: key per-vault values by a digest.
QString vaultKey(const QString &vaultPath)
{
    const QByteArray digest = QCryptographicHash::hash(
        QFileInfo(vaultPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("vault-") + QString::fromLatin1(digest.toHex().left(16));
}

// A server's conninfo is no path: alerts are keyed by a digest of the id as given.
QString alertsKey(const QString &vaultId)
{
    const QByteArray digest =
        QCryptographicHash::hash(vaultId.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("alerts/") + QString::fromLatin1(digest.toHex().left(16));
}

} // namespace

Settings::Settings() = default;

Settings::Settings(const QString &iniFile)
    : m_settings(iniFile, QSettings::IniFormat)
{ }

QString Settings::language() const
{
    return m_settings.value(kLanguage).toString();
}

void Settings::setLanguage(const QString &language)
{
    m_settings.setValue(kLanguage, language);
}

int Settings::autoLockMinutes() const
{
    bool ok = false;
    const int minutes = m_settings.value(kAutoLock, kDefaultAutoLockMinutes).toInt(&ok);
    return ok && minutes >= 0 ? minutes : kDefaultAutoLockMinutes;
}

void Settings::setAutoLockMinutes(int minutes)
{
    m_settings.setValue(kAutoLock, qMax(0, minutes));
}

int Settings::clipboardClearSeconds() const
{
    bool ok = false;
    const int seconds = m_settings.value(kClipboard, kDefaultClipboardSeconds).toInt(&ok);
    return ok && seconds > 0 ? seconds : kDefaultClipboardSeconds;
}

void Settings::setClipboardClearSeconds(int seconds)
{
    m_settings.setValue(kClipboard, qMax(1, seconds));
}

QStringList Settings::recentVaults() const
{
    return m_settings.value(kRecent).toStringList();
}

void Settings::addRecentVault(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentVaults();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecentVaults)
        recent.removeLast();
    m_settings.setValue(kRecent, recent);
}

void Settings::removeRecentVault(const QString &path)
{
    QStringList recent = recentVaults();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings.setValue(kRecent, recent);
}

QString Settings::lastVault() const
{
    const QStringList recent = recentVaults();
    return recent.isEmpty() ? QString() : recent.constFirst();
}

QStringList Settings::recentServers() const
{
    return m_settings.value(kRecentServers).toStringList();
}

void Settings::addRecentServer(const QString &conninfo)
{
    // Settings files are readable by anything the user runs: a password must never get here,
    // whatever the caller passed.
    const auto parsed = PgConnInfo::parse(conninfo);
    if (!parsed || parsed->isEmpty())
        return;
    const QString safe = parsed->toString(false);
    QStringList recent = recentServers();
    recent.removeAll(safe);
    recent.prepend(safe);
    while (recent.size() > kMaxRecentVaults)
        recent.removeLast();
    m_settings.setValue(kRecentServers, recent);
}

void Settings::removeRecentServer(const QString &conninfo)
{
    QStringList recent = recentServers();
    recent.removeAll(conninfo);
    m_settings.setValue(kRecentServers, recent);
}

QString Settings::lastMember(const QString &vaultPath) const
{
    return m_settings.value(vaultKey(vaultPath) + QStringLiteral("/member")).toString();
}

void Settings::setLastMember(const QString &vaultPath, const QString &member)
{
    m_settings.setValue(vaultKey(vaultPath) + QStringLiteral("/member"), member);
}

bool Settings::trayEnabled() const
{
    return m_settings.value(kTray, true).toBool();
}

void Settings::setTrayEnabled(bool enabled)
{
    m_settings.setValue(kTray, enabled);
}

bool Settings::trayHintShown() const
{
    return m_settings.value(QStringLiteral("ui/trayHintShown"), false).toBool();
}

void Settings::setTrayHintShown()
{
    m_settings.setValue(QStringLiteral("ui/trayHintShown"), true);
}

QStringList Settings::shownAlerts(const QString &vaultId) const
{
    return m_settings.value(alertsKey(vaultId)).toStringList();
}

void Settings::setShownAlerts(const QString &vaultId, const QStringList &tags)
{
    m_settings.setValue(alertsKey(vaultId), tags);
}

QString Settings::pinnedFingerprint(const QString &vaultPath) const
{
    return m_settings.value(vaultKey(vaultPath) + QStringLiteral("/fingerprint")).toString();
}

void Settings::setPinnedFingerprint(const QString &vaultPath, const QString &fingerprint)
{
    m_settings.setValue(vaultKey(vaultPath) + QStringLiteral("/fingerprint"), fingerprint);
}

Settings::AuditMark Settings::lastAuditSeen(const QString &vaultPath) const
{
    const QString group = vaultKey(vaultPath);
    AuditMark mark;
    bool ok = false;
    mark.id = m_settings.value(group + QStringLiteral("/auditId")).toLongLong(&ok);
    mark.hash = QByteArray::fromHex(
        m_settings.value(group + QStringLiteral("/auditHash")).toString().toLatin1());
    if (!ok || mark.id <= 0 || mark.hash.isEmpty())
        return {};
    return mark;
}

void Settings::setLastAuditSeen(const QString &vaultPath, const AuditMark &mark)
{
    const QString group = vaultKey(vaultPath);
    m_settings.setValue(group + QStringLiteral("/auditId"), mark.id);
    m_settings.setValue(group + QStringLiteral("/auditHash"),
                        QString::fromLatin1(mark.hash.toHex()));
}

void Settings::forgetVaultIdentity(const QString &vaultPath)
{
    const QString group = vaultKey(vaultPath);
    for (const char *name : {"/fingerprint", "/auditId", "/auditHash"})
        m_settings.remove(group + QLatin1String(name));
}

QByteArray Settings::state(const QString &key) const
{
    return m_settings.value(QStringLiteral("state/") + key).toByteArray();
}

void Settings::setState(const QString &key, const QByteArray &value)
{
    m_settings.setValue(QStringLiteral("state/") + key, value);
}

void Settings::sync()
{
    m_settings.sync();
}

} // namespace Keyward
