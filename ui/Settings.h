#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace Keyward {

// Typed access to the user's preferences and window state, so keys are spelled in one place.
// Uses the application's QSettings location; tests redirect it with QSettings::setPath().
class Settings
{
public:
    static constexpr int kDefaultAutoLockMinutes = 10;
    static constexpr int kDefaultClipboardSeconds = 30;
    static constexpr int kMaxRecentVaults = 8;

    Settings();
    // A settings file of its own, for tests and portable installs.
    explicit Settings(const QString &iniFile);

    // Empty: follow the system locale.
    QString language() const;
    void setLanguage(const QString &language);

    // 0 turns auto-lock off.
    int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);
    int clipboardClearSeconds() const;
    void setClipboardClearSeconds(int seconds);

    // The tray icon that watches the known vaults for expiring keys while the window is closed
    // (on by default where the desktop has a tray).
    bool trayEnabled() const;
    void setTrayEnabled(bool enabled);
    // Whether the user was told once that closing the window leaves Keyward in the tray.
    bool trayHintShown() const;
    void setTrayHintShown();
    // The tags (ExpiryAlert::tag) of the alerts already shown for a vault; vaultId names a file
    // or a server (ExpiryWatcher::vaultId).
    QStringList shownAlerts(const QString &vaultId) const;
    void setShownAlerts(const QString &vaultId, const QStringList &tags);

    // Most recent first; the first entry is the vault opened last.
    QStringList recentVaults() const;
    void addRecentVault(const QString &path);
    void removeRecentVault(const QString &path);
    QString lastVault() const;
    // PostgreSQL servers as PgConnInfo::toString() (never with a password), most recent first.
    QStringList recentServers() const;
    void addRecentServer(const QString &conninfo);
    void removeRecentServer(const QString &conninfo);
    QString lastMember(const QString &vaultPath) const;
    void setLastMember(const QString &vaultPath, const QString &member);

    // What this install knows about a vault file from outside it, so that whoever can write the
    // file cannot also rewrite the window's expectations. The fingerprint (the Owner's root key)
    // the vault had when it was first used here; empty: none pinned yet.
    QString pinnedFingerprint(const QString &vaultPath) const;
    void setPinnedFingerprint(const QString &vaultPath, const QString &fingerprint);
    // The newest audit row seen in the vault (id 0: none remembered yet).
    struct AuditMark
    {
        qint64 id = 0;
        QByteArray hash;
    };
    AuditMark lastAuditSeen(const QString &vaultPath) const;
    void setLastAuditSeen(const QString &vaultPath, const AuditMark &mark);
    // A deliberate re-key (a vault re-created at the same path): forgets both, so the next open
    // pins whatever the vault has then.
    void forgetVaultIdentity(const QString &vaultPath);

    // Opaque blobs from saveGeometry()/saveState(), keyed by what they belong to.
    QByteArray state(const QString &key) const;
    void setState(const QString &key, const QByteArray &value);

    void sync();

private:
    QSettings m_settings;
};

} // namespace Keyward
