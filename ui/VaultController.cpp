#include "VaultController.h"

#include "ConnectServerDialog.h"
#include "HistoryBanner.h"
#include "LoginDialog.h"
#include "PasswordVault.h"
#include "Settings.h"
#include "VaultCreatedDialog.h"
#include "VaultMemory.h"
#include "VaultOpenCheck.h"
#include "WelcomeDialog.h"
#include "store/PgConnInfo.h"
#include "store/SqlKeyStore.h"
#include "store/VaultFile.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QTimer>
#include <QWidget>

namespace Keyward {

VaultController::VaultController(VaultSession &session, Settings &settings,
                                 PasswordVault &passwords, HistoryBanner &historyBanner,
                                 QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_settings(settings)
    , m_passwords(passwords)
    , m_historyBanner(historyBanner)
    , m_window(window)
{ }

LoginDialog *VaultController::loginDialog() const
{
    return m_login.get();
}

WelcomeDialog *VaultController::welcomeDialog() const
{
    return m_welcome.get();
}

ConnectServerDialog *VaultController::connectDialog() const
{
    return m_connect.get();
}

VaultCreatedDialog *VaultController::vaultCreatedDialog() const
{
    return m_created.get();
}

void VaultController::start(const QString &vaultPath)
{
    if (QFileInfo::exists(vaultPath)) {
        openVault(vaultPath);
        return;
    }
    Q_EMIT noVault();
    // First run: the default vault does not exist yet. Anything else that is missing was moved
    // or deleted, which the user should hear about.
    const bool isDefault = QFileInfo(vaultPath).absoluteFilePath()
        == QFileInfo(VaultFile::defaultPath()).absoluteFilePath();
    if (isDefault && !m_settings.recentServers().isEmpty()) {
        // Not a first run after all: this user keeps the keys on a server.
        connectToServer();
    } else if (isDefault) {
        showWelcome(int(WelcomeDialog::Mode::FirstRun), vaultPath);
    } else {
        Q_EMIT refused(vaultPath, tr("There is no vault at %1.").arg(vaultPath));
        m_settings.removeRecentVault(vaultPath);
    }
}

bool VaultController::openVault(const QString &path)
{
    Q_EMIT aboutToOpen();
    m_historyBanner.clear();
    if (m_openCheck) {
        // One open at a time (an upgrade is never cut short): the newest choice follows it.
        m_nextOpen = path;
        Q_EMIT opening(path);
        return true;
    }
    const QString pinned = m_settings.pinnedFingerprint(path);
    if (VaultOpenCheck::isLarge(path)) {
        // The vault shown so far is not the one being opened (its sign-in dialog goes with it).
        m_session.close();
        m_openCheck = std::make_unique<VaultOpenCheck>(path, pinned, m_session.clock());
        connect(m_openCheck.get(), &VaultOpenCheck::finished, this,
                &VaultController::onOpenChecked);
        Q_EMIT opening(path);
        return true;
    }
    return openChecked(path, pinned, VaultCheck::WholeFile);
}

bool VaultController::isOpening() const
{
    return m_openCheck != nullptr;
}

void VaultController::onOpenChecked()
{
    VaultOpenCheck *check = m_openCheck.release();
    check->deleteLater(); // its signal is what called this
    const Result<void> checked = check->wait();
    const QString next = std::exchange(m_nextOpen, QString());
    // The session was closed for this open; anything in it now (a server connected to, a vault
    // created meanwhile) was chosen later, and stays.
    if (m_session.state() != VaultSession::State::Closed)
        return;
    if (!next.isEmpty() && QFileInfo(next) != QFileInfo(check->path())) {
        openVault(next);
        return;
    }
    if (!checked) {
        refuse(check->path(), check->pinnedFingerprint(), checked.error());
        return;
    }
    // Checked (and upgraded) just now: the header is enough.
    openChecked(check->path(), check->pinnedFingerprint(), VaultCheck::Header);
}

void VaultController::refuse(const QString &path, const QString &pinned, const Error &error)
{
    QString message = error.message;
    if (!pinned.isEmpty() && error.code == ErrorCode::AuthenticationFailed) {
        // The store names both fingerprints; say what to do about a deliberate re-key.
        m_pinRefusedPath = QFileInfo(path).absoluteFilePath();
        message += QStringLiteral("\n\n")
            + tr("If the vault's Owner re-created it on purpose, compare its new fingerprint "
                 "with them, then choose Forget Pinned Fingerprint in Settings › Configure "
                 "Keyward and open it again.");
    }
    Q_EMIT refused(path, message);
    if (error.code == ErrorCode::VaultNotFound)
        m_settings.removeRecentVault(path);
}

bool VaultController::openChecked(const QString &path, const QString &pinned, VaultCheck check)
{
    auto opened = m_session.open(path, pinned, check);
    if (!opened) {
        refuse(path, pinned, opened.error());
        return false;
    }
    m_pinRefusedPath.clear();
    m_settings.addRecentVault(path);
    m_settings.sync();
    // Before anything is written (the sign-in's own audit row): is the row seen last still
    // there, as it was?
    VaultMemory memory(m_settings, m_session.path());
    const VaultMemory::History history = memory.checkHistory(*m_session.store());
    if (history == VaultMemory::History::Truncated || history == VaultMemory::History::Rewritten)
        m_historyBanner.showProblem(memory.describe(history));
    showLogin();
    return true;
}

bool VaultController::rememberVault()
{
    SqlKeyStore *store = m_session.store();
    if (!store || m_session.isRemote() || m_session.path().isEmpty() || !m_session.isUnlocked())
        return false;
    VaultMemory memory(m_settings, m_session.path());
    // Trust on first use, once someone could sign in to it (an unsigned vault is signed when
    // its first Owner signs in).
    const bool pinned = memory.pinIfUnpinned(*store);
    // Until dismissed, the banner's news stays news at the next open too.
    if (!m_historyBanner.isShowingProblem())
        memory.rememberNewest(*store);
    return pinned;
}

void VaultController::showVaultCreated(const QString &path)
{
    SqlKeyStore *store = m_session.store();
    if (!store || m_session.path().isEmpty())
        return;
    // This install made the vault: whatever was pinned for a file at this path before belongs
    // to another vault.
    m_settings.forgetVaultIdentity(m_session.path());
    m_historyBanner.clear();
    rememberVault();
    if (m_created)
        m_created->close();
    m_created.track(new VaultCreatedDialog(path, store->fingerprint(), m_window))->open();
}

void VaultController::newVault()
{
    QString path = VaultFile::defaultPath();
    if (QFileInfo::exists(path)) {
        // Suggest a fresh name beside the vault in use, never an existing file.
        const QDir dir = QFileInfo(m_session.path().isEmpty() ? path : m_session.path()).dir();
        for (int n = 2; QFileInfo::exists(path); ++n)
            path = dir.filePath(QStringLiteral("vault-%1.keyward").arg(n));
    }
    showWelcome(int(WelcomeDialog::Mode::NewVault), path);
}

void VaultController::showWelcome(int mode, const QString &path)
{
    if (m_welcome.raise())
        return;
    WelcomeDialog *dialog = m_welcome.track(
        new WelcomeDialog(m_session, static_cast<WelcomeDialog::Mode>(mode), path, m_window));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings.addRecentVault(dialog->path());
        m_settings.sync();
        showVaultCreated(dialog->path());
        Q_EMIT message(tr("Vault %1 created. Generate your first key.")
                           .arg(QFileInfo(dialog->path()).fileName()));
    });
    dialog->open();
}

void VaultController::showLogin(const QString &reason)
{
    if (m_session.state() != VaultSession::State::Locked)
        return;
    // A server has no passphrase: unlocking is connecting again, as the server wants.
    if (m_session.isRemote()) {
        showConnectDialog(m_session.serverInfo(), reason, false);
        return;
    }
    if (m_login) {
        m_login->setReason(reason);
        m_login.raise();
        return;
    }
    LoginDialog *dialog = m_login.track(
        new LoginDialog(m_session, m_settings.lastMember(m_session.path()), m_window));
    dialog->setReason(reason);
    dialog->open();
}

void VaultController::openLastIfClosed()
{
    if (m_session.state() != VaultSession::State::Closed || m_login || m_welcome || m_connect
        || m_openCheck)
        return;
    const QString last = m_settings.lastVault();
    start(!last.isEmpty() && QFileInfo::exists(last) ? last : VaultFile::defaultPath());
}

void VaultController::chooseVaultToOpen()
{
    const QString start = m_session.path().isEmpty() ? QFileInfo(VaultFile::defaultPath()).path()
                                                     : QFileInfo(m_session.path()).path();
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open Vault"), start, tr("Keyward vaults (*.keyward);;All files (*)"));
    if (!path.isEmpty())
        openVault(path);
}

void VaultController::connectToServer()
{
    // Most people use one server: offer the last one.
    const QStringList servers = m_settings.recentServers();
    const auto last = servers.isEmpty() ? Result<PgConnInfo>(PgConnInfo())
                                        : PgConnInfo::parse(servers.constFirst());
    connectToServer(last ? *last : PgConnInfo(), false);
}

void VaultController::connectToServer(const PgConnInfo &server, bool connectAtOnce)
{
    showConnectDialog(server, QString(), connectAtOnce);
}

void VaultController::showConnectDialog(const PgConnInfo &server, const QString &reason,
                                        bool connectAtOnce)
{
    if (!m_connect) {
        ConnectServerDialog *dialog =
            m_connect.track(new ConnectServerDialog(m_session, m_passwords, m_window));
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            const std::optional<QString> password = dialog->passwordToRemember();
            if (!password)
                return;
            const QString where = m_session.displayName();
            m_passwords.write(m_session.serverInfo(), *password, this,
                              [this, where](const Result<void> &stored) {
                                  Q_EMIT message(stored ? tr("The password for %1 is now in the "
                                                             "system keychain.")
                                                              .arg(where)
                                                        : stored.errorMessage());
                              });
        });
    }
    if (!server.isEmpty())
        m_connect->setServer(server);
    m_connect->setReason(reason);
    if (m_connect->isVisible())
        m_connect.raise();
    else
        m_connect->open();
    if (connectAtOnce)
        QTimer::singleShot(0, m_connect.get(), &ConnectServerDialog::connectNow);
}

bool VaultController::sessionShows(const NoticedKey &key) const
{
    if (key.server) {
        // The same server, database and login, whatever options either conninfo carries.
        auto server = PgConnInfo::parse(key.location);
        return server && m_session.isRemote()
            && PasswordVault::entryName(m_session.serverInfo())
            == PasswordVault::entryName(*server);
    }
    return !m_session.isRemote() && !m_session.path().isEmpty()
        && QFileInfo(m_session.path()) == QFileInfo(key.location);
}

bool VaultController::showNoticedKey(const NoticedKey &key)
{
    if (sessionShows(key) && m_session.isUnlocked())
        return true;
    if (key.server) {
        auto server = PgConnInfo::parse(key.location);
        if (!server)
            return false;
        m_noticedKey = key;
        connectToServer(*server, true);
        return false;
    }
    m_noticedKey = key;
    if (sessionShows(key) && m_session.state() == VaultSession::State::Locked)
        showLogin();
    else
        start(key.location);
    return false;
}

std::optional<qint64> VaultController::takeNoticedKey()
{
    const std::optional<NoticedKey> noticed = std::exchange(m_noticedKey, std::nullopt);
    if (!noticed || !sessionShows(*noticed))
        return std::nullopt;
    return noticed->keyId;
}

} // namespace Keyward
