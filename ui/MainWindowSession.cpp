// MainWindow and the vault's session: what the window shows when a vault is unlocked, locked or
// closed, the commands it makes for a signed-in member, and the connection's banner. The
// actions are in MainWindowActions.cpp, the pages in MainWindowWorkspace.cpp.
#include "MainWindow.h"

#include "ApiKeysPage.h"
#include "AuditLogPage.h"
#include "BulkKeyCommands.h"
#include "ClipboardGuard.h"
#include "ConnectionBanner.h"
#include "HistoryBanner.h"
#include "HygienePage.h"
#include "KeyActions.h"
#include "KeyCommands.h"
#include "MemberCommands.h"
#include "MembersPage.h"
#include "Settings.h"
#include "VaultController.h"
#include "VaultStatusPage.h"
#include "core/DisplayNames.h"
#include "store/SqlKeyStore.h"
#include "verify/UsageSource.h"

#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

namespace Keyward {

void MainWindow::onStateChanged(VaultSession::State state)
{
    if (state == VaultSession::State::Unlocked)
        onUnlocked();
    else
        onLockedOrClosed(state);
}

void MainWindow::onUnlocked()
{
    SqlKeyStore *store = m_session.store();
    const Member member = *m_session.member();
    if (m_session.isRemote()) {
        m_settings.addRecentServer(m_session.serverInfo().toString());
        m_settings.sync();
    } else {
        m_settings.setLastMember(m_session.path(), member.name);
    }
    const bool pinnedNow = m_vaults->rememberVault();
    m_commands = std::make_unique<KeyCommands>(*store, m_clock, *m_clipboard, this);
    connect(m_commands.get(), &KeyCommands::actedOn, m_keysPage, &ApiKeysPage::selectKey);
    connect(m_commands.get(), &KeyCommands::message, this, &MainWindow::showMessage);
    connect(m_commands.get(), &KeyCommands::failed, this, &MainWindow::showMessage);
    // A write that failed because the server went away: show the banner now, with the store's
    // word on whether the change was saved.
    connect(m_commands.get(), &KeyCommands::failed, this, [this](const QString &text) {
        m_session.checkConnection();
        if (!m_session.isConnected())
            m_banner->showLost(m_session.displayName(), m_session.retryDelayMs(), text);
    });

    m_memberCommands = std::make_unique<MemberCommands>(*store, this);
    connect(m_memberCommands.get(), &MemberCommands::message, this, &MainWindow::showMessage);
    m_membersPage->setCommands(m_memberCommands.get());

    m_bulkCommands = std::make_unique<BulkKeyCommands>(*store, m_clock, this);
    connect(m_bulkCommands.get(), &BulkKeyCommands::message, this, &MainWindow::showMessage);
    connect(m_bulkCommands.get(), &BulkKeyCommands::failed, this, &MainWindow::showMessage);

    m_usageSource = std::make_unique<StoreUsageSource>(*store);
    m_commands->setUsageSource(m_usageSource.get());
    m_keysPage->setStore(store, m_usageSource.get());
    m_membersPage->setStore(store, member);
    m_auditPage->setStore(store);
    m_hygienePage->setStore(store, member, m_commands.get(), m_keysPage->model());
    reloadAll();
    m_rootStack->setCurrentWidget(m_workspace);
    updateNavigation();
    updateTitle();
    updateActions();
    m_keysPage->table()->setFocus();
    if (const std::optional<qint64> noticed = m_vaults->takeNoticedKey())
        selectNoticedKey(*noticed);
    if (pinnedNow)
        showMessage(tr("Signed in as %1 (%2). This computer pinned the vault's fingerprint, %3: "
                       "a vault file with another one will be refused.")
                        .arg(member.name, DisplayNames::role(member.role), store->fingerprint()));
    else
        showMessage(tr("Signed in as %1 (%2).").arg(member.name, DisplayNames::role(member.role)));
}

void MainWindow::onLockedOrClosed(VaultSession::State state)
{
    // In this order: the pages let go of the store (a server vault's is gone already), then the
    // commands go, taking their open dialogs along without finishing a flow, and only then are
    // the remaining dialogs closed. A flow finished by closing its dialog would have reached a
    // page (the hygiene check's refresh) that still read the store.
    m_hygienePage->setStore(nullptr, std::nullopt, nullptr, nullptr);
    m_keysPage->setStore(nullptr);
    m_membersPage->setStore(nullptr, std::nullopt);
    m_auditPage->setStore(nullptr);
    m_commands.reset();
    m_bulkCommands.reset();
    m_memberCommands.reset();
    m_usageSource.reset();
    closeChildDialogs();
    // A copied secret should not outlive the session that revealed it.
    m_clipboard->clearNow();
    m_banner->dismiss();
    if (state == VaultSession::State::Closed)
        m_historyBanner->clear();
    if (state == VaultSession::State::Locked)
        m_statusPage->showLocked(m_session.isRemote() ? m_session.displayName() : m_session.path());
    else
        m_statusPage->showNoVault();
    m_rootStack->setCurrentWidget(m_statusPage);
    updateNavigation();
    updateTitle();
    updateActions();
}

void MainWindow::connectSessionSignals()
{
    const auto where = [this] {
        return m_session.displayName();
    };
    connect(&m_session, &VaultSession::connectionLost, this,
            [this, where](const QString &message, int retryInMs) {
                m_banner->showLost(where(), retryInMs, message);
                updateActions();
            });
    connect(&m_session, &VaultSession::reconnecting, this,
            [this, where] { m_banner->showReconnecting(where()); });
    connect(&m_session, &VaultSession::reconnectFailed, this,
            [this, where](const QString &message, int retryInMs) {
                m_banner->showLost(where(), retryInMs, message);
            });
    connect(&m_session, &VaultSession::connectionRestored, this, [this, where] {
        m_banner->showReconnected(where());
        reloadAll();
        showMessage(tr("Reconnected to %1.").arg(where()));
    });
    connect(&m_session, &VaultSession::reconnectRefused, this, [this](const QString &message) {
        showMessage(message);
        m_vaults->showLogin(message);
    });
    connect(m_banner, &ConnectionBanner::retryRequested, this,
            [this] { m_session.reconnectNow(); });
    // A reload that failed may be the first sign that the server went away.
    connect(m_keysPage, &ApiKeysPage::errorOccurred, this, [this] { m_session.checkConnection(); });
}

} // namespace Keyward
