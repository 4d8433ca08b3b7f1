// MainWindow's actions, menus and toolbars: what the window offers and where. The pages are in
// MainWindowWorkspace.cpp; the vault's state and the commands' wiring in MainWindow.cpp.
#include "MainWindow.h"

#include "ApiKeysPage.h"
#include "BackupCommands.h"
#include "BulkKeyCommands.h"
#include "Icons.h"
#include "KeyActions.h"
#include "KeyCommands.h"
#include "MemberCommands.h"
#include "Settings.h"
#include "ShortcutsDialog.h"
#include "VaultController.h"
#include "WhyRejectedDialog.h"
#include "store/PgConnInfo.h"
#include "store/SqlKeyStore.h"

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QToolBar>

namespace Keyward {

void MainWindow::buildActions()
{
    m_keyActions = new KeyActions(this);
    connect(m_keyActions->generate(), &QAction::triggered, this, [this] {
        if (m_commands)
            m_commands->generate();
    });
    connect(m_keyActions->edit(), &QAction::triggered, this,
            [this] { runOnSelected(&KeyCommands::edit); });
    connect(m_keyActions->regenerate(), &QAction::triggered, this,
            [this] { runOnSelected(&KeyCommands::regenerate); });
    connect(m_keyActions->duplicate(), &QAction::triggered, this,
            [this] { runOnSelected(&KeyCommands::duplicate); });
    connect(m_keyActions->toggleActive(), &QAction::triggered, this,
            &MainWindow::toggleSelectedActive);
    connect(m_keyActions->revoke(), &QAction::triggered, this,
            [this] { runOnSelection(&KeyCommands::revoke, BulkKeyAction::Revoke); });
    connect(m_keyActions->endGracePeriod(), &QAction::triggered, this,
            [this] { runOnSelected(&KeyCommands::endGracePeriod); });
    connect(m_keyActions->remove(), &QAction::triggered, this,
            [this] { runOnSelection(&KeyCommands::remove, BulkKeyAction::Delete); });
    connect(m_keyActions->shortenExpiry(), &QAction::triggered, this, [this] {
        if (m_bulkCommands)
            m_bulkCommands->apply(BulkKeyAction::ShortenExpiry, m_keysPage->selectedKeys());
    });
    connect(m_keyActions->exportSelected(), &QAction::triggered, this, [this] {
        if (m_bulkCommands)
            (void)m_bulkCommands->exportKeys(m_keysPage->selectedKeys());
    });
    connect(m_keyActions->copyId(), &QAction::triggered, this, &MainWindow::copySelectedKeyId);

    m_backup = new BackupCommands(m_session, m_clock, this);
    connect(m_backup, &BackupCommands::message, this, &MainWindow::showMessage);
    connect(m_backup, &BackupCommands::busyChanged, this, &MainWindow::setBusy);
    connect(&m_session, &VaultSession::stateChanged, m_backup, &BackupCommands::updateActions);
    connect(&m_session, &VaultSession::memberChanged, m_backup, &BackupCommands::updateActions);

    m_newVaultAction =
        new QAction(Icons::icon(QStringLiteral("new-vault")), tr("&New Vault…"), this);
    m_newVaultAction->setObjectName(QStringLiteral("actionNewVault"));
    connect(m_newVaultAction, &QAction::triggered, this, &MainWindow::newVault);
    m_openVaultAction = new QAction(Icons::icon(QStringLiteral("open")), tr("&Open Vault…"), this);
    m_openVaultAction->setObjectName(QStringLiteral("actionOpenVault"));
    m_openVaultAction->setShortcut(QKeySequence::Open);
    connect(m_openVaultAction, &QAction::triggered, this,
            [this] { m_vaults->chooseVaultToOpen(); });
    m_connectServerAction =
        new QAction(Icons::icon(QStringLiteral("server")), tr("&Connect to Server…"), this);
    m_connectServerAction->setObjectName(QStringLiteral("actionConnectServer"));
    m_connectServerAction->setToolTip(tr("Open a team's vault in a PostgreSQL database"));
    connect(m_connectServerAction, &QAction::triggered, this,
            qOverload<>(&MainWindow::connectToServer));
    m_lockAction = new QAction(Icons::icon(QStringLiteral("lock")), tr("&Lock"), this);
    m_lockAction->setObjectName(QStringLiteral("actionLock"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setToolTip(tr("Hide every key until you sign in again (%1)")
                                 .arg(m_lockAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lock);
    m_quitAction =
        new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quit);
    m_preferencesAction =
        new QAction(Icons::icon(QStringLiteral("settings")), tr("&Configure Keyward…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("actionPreferences"));
    m_preferencesAction->setShortcut(QKeySequence::Preferences);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
    m_shortcutsAction = new QAction(QIcon::fromTheme(QStringLiteral("configure-shortcuts")),
                                    tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("actionKeyboardShortcuts"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_aboutAction = new QAction(Icons::app(), tr("&About Keyward"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Keyward"),
                           tr("<h3>Keyward %1</h3><p>An API key manager for administrators: "
                              "generate, rotate, revoke and audit the keys your services use.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::showShortcuts()
{
    // Esc in the search box lives on the box, not in a menu.
    if (m_shortcuts.raise())
        return;
    const QList<QAction *> extra = m_keysPage->searchEdit()->actions();
    m_shortcuts.track(new ShortcutsDialog(menuBar(), extra, this))->open();
}

void MainWindow::buildViewActions()
{
    m_findAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Find…"), this);
    m_findAction->setObjectName(QStringLiteral("actionFind"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Search the keys by name, key, notes or customer"));
    connect(m_findAction, &QAction::triggered, this, [this] {
        showPage(Page::Keys);
        m_keysPage->focusSearch();
    });
    // F5 alone: QKeySequence::Refresh also means Ctrl+R on X11, which is Regenerate here.
    m_refreshAction =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("actionRefresh"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setStatusTip(tr("Read the keys, members and audit log again"));
    connect(m_refreshAction, &QAction::triggered, this, [this] { reloadAll(); });

    // Ctrl+1/2/3 follow the navigation's order, as in KDE's settings-like windows.
    auto *pages = new QActionGroup(this);
    const QList<std::pair<Page, QString>> pageNames {
        {Page::Keys, tr("&Permissions and API")},
        {Page::Members, tr("&Members")},
        {Page::AuditLog, tr("&Audit Log")},
        {Page::Hygiene, tr("&Hygiene Report")},
    };
    for (const auto &[page, text] : pageNames) {
        auto *action = new QAction(text, pages);
        action->setObjectName(QStringLiteral("actionShowPage%1").arg(int(page) + 1));
        action->setCheckable(true);
        action->setShortcut(
            QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + int(page)))));
        connect(action, &QAction::triggered, this, [this, page = page] { showPage(page); });
        m_pageActions.append(action);
    }
    m_pageActions.at(int(Page::Keys))->setChecked(true);
    connect(m_navigation, &QListWidget::currentItemChanged, this,
            [this] { m_pageActions.at(int(currentPage()))->setChecked(true); });
    // Only Owners see the members page; its shortcut goes with it.
    m_pageActions.at(int(Page::Members))->setVisible(!m_membersItem->isHidden());

    const auto updateEnabled = [this] {
        const bool unlocked = m_session.isUnlocked();
        for (QAction *action : {m_findAction, m_refreshAction, m_keysPage->showRevokedAction(),
                                m_keysPage->detailsPaneAction()})
            action->setEnabled(unlocked);
        for (QAction *action : std::as_const(m_pageActions))
            action->setEnabled(unlocked);
        m_pageActions.at(int(Page::Members))->setVisible(!m_membersItem->isHidden());
    };
    updateEnabled();
    connect(&m_session, &VaultSession::stateChanged, this, updateEnabled);
    connect(&m_session, &VaultSession::memberChanged, this, updateEnabled);
}

QAction *MainWindow::pageAction(Page page) const
{
    return m_pageActions.value(int(page));
}

void MainWindow::buildMenus()
{
    buildViewActions();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newVaultAction);
    file->addAction(m_openVaultAction);
    file->addAction(m_connectServerAction);
    m_recentMenu = file->addMenu(Icons::icon(QStringLiteral("open")), tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(m_lockAction);
    // Only where Keyward keeps the passphrase: a vault file, open and signed in.
    m_changePassphraseAction = file->addAction(tr("Change My &Passphrase…"));
    m_changePassphraseAction->setObjectName(QStringLiteral("actionChangePassphrase"));
    const auto updateChangePassphrase = [this] {
        m_changePassphraseAction->setVisible(!m_session.isRemote());
        m_changePassphraseAction->setEnabled(m_session.isUnlocked() && !m_session.isRemote());
    };
    updateChangePassphrase();
    connect(&m_session, &VaultSession::stateChanged, m_changePassphraseAction,
            updateChangePassphrase);
    connect(m_changePassphraseAction, &QAction::triggered, this, [this] {
        if (m_memberCommands)
            m_memberCommands->changeOwnPassphrase();
    });
    file->addSeparator();
    file->addAction(m_backup->backUpAction());
    file->addAction(m_backup->restoreAction());
    file->addAction(m_backup->exportCalendarAction());
    file->addSeparator();
    file->addAction(m_quitAction);

    // Edit holds what acts on the clipboard and the search, as in every KDE application; the
    // key's own life (generate to delete) has the Keys menu, like KeePassXC's Entries.
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_keyActions->copyId());
    edit->addSeparator();
    edit->addAction(m_findAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addActions(m_pageActions);
    view->addSeparator();
    view->addAction(m_keysPage->showRevokedAction());
    view->addAction(m_keysPage->detailsPaneAction());
    view->addSeparator();
    view->addAction(m_refreshAction);

    QMenu *keys = menuBar()->addMenu(tr("&Keys"));
    keys->setObjectName(QStringLiteral("keysMenu"));
    keys->addAction(m_keyActions->generate());
    keys->addSeparator();
    for (QAction *action : m_keyActions->keyActions()) {
        if (action == m_keyActions->copyId())
            continue; // under Edit
        if (action)
            keys->addAction(action);
        else
            keys->addSeparator();
    }
    // Checks a pasted token against the open vault without recording anything. Also under Help:
    // it is where people look when a service says 401.
    auto *whyRejected =
        new QAction(Icons::icon(QStringLiteral("verify")), tr("&Why Is This Key Rejected?…"), this);
    whyRejected->setObjectName(QStringLiteral("whyRejectedAction"));
    whyRejected->setStatusTip(tr("Paste a key to see the answer a service gets, and why"));
    whyRejected->setEnabled(m_session.isUnlocked());
    connect(&m_session, &VaultSession::stateChanged, whyRejected,
            [this, whyRejected] { whyRejected->setEnabled(m_session.isUnlocked()); });
    connect(whyRejected, &QAction::triggered, this, [this] {
        if (!m_session.isUnlocked() || !m_session.store() || m_whyRejected.raise())
            return;
        m_whyRejected.track(new WhyRejectedDialog(*m_session.store(), m_clock, this))->open();
    });
    keys->addSeparator();
    keys->addAction(whyRejected);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(m_preferencesAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_shortcutsAction);
    help->addAction(whyRejected);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::buildToolBar()
{
    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(22, 22));
    m_toolBar->addAction(m_keyActions->generate());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_keyActions->edit());
    m_toolBar->addAction(m_keyActions->regenerate());
    m_toolBar->addAction(m_keyActions->toggleActive());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_keyActions->revoke());
    m_toolBar->addAction(m_keyActions->remove());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_keyActions->copyId());
    // Lock stays on every page; the key actions only where there are keys to act on.
    m_sessionToolBar = addToolBar(tr("Session Toolbar"));
    m_sessionToolBar->setObjectName(QStringLiteral("sessionToolBar"));
    m_sessionToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sessionToolBar->setMovable(false);
    m_sessionToolBar->setIconSize(QSize(22, 22));
    auto *spacer = new QWidget(m_sessionToolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_sessionToolBar->addWidget(spacer);
    m_sessionToolBar->addAction(m_lockAction);
    connect(m_rootStack, &QStackedWidget::currentChanged, this, &MainWindow::updateToolBars);
    connect(m_pages, &QStackedWidget::currentChanged, this, &MainWindow::updateToolBars);
    updateToolBars();
}

void MainWindow::updateToolBars()
{
    m_toolBar->setVisible(isShowingVault() && currentPage() == Page::Keys);
    // The lock screen has its own buttons; a toolbar holding only a disabled Lock is clutter.
    m_sessionToolBar->setVisible(isShowingVault());
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings.recentVaults();
    for (const QString &path : recent) {
        if (!QFileInfo::exists(path))
            continue;
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openVault(path); });
    }
    const QStringList servers = m_settings.recentServers();
    bool firstServer = true;
    for (const QString &text : servers) {
        const auto server = PgConnInfo::parse(text);
        if (!server)
            continue;
        if (firstServer && !m_recentMenu->isEmpty())
            m_recentMenu->addSeparator();
        firstServer = false;
        const QString user = server->value(QStringLiteral("user"));
        QAction *action = m_recentMenu->addAction(
            Icons::icon(QStringLiteral("server")),
            user.isEmpty() ? server->displayName()
                           : tr("%1 as %2").arg(server->displayName(), user));
        action->setObjectName(QStringLiteral("recentServerAction"));
        action->setToolTip(text);
        action->setData(text);
        connect(action, &QAction::triggered, this,
                [this, info = *server] { connectToServer(info, true); });
    }
    if (m_recentMenu->isEmpty()) {
        m_recentMenu->addAction(tr("No recent vaults or servers"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, this, [this] {
        for (const QString &path : m_settings.recentVaults())
            m_settings.removeRecentVault(path);
        for (const QString &server : m_settings.recentServers())
            m_settings.removeRecentServer(server);
        rebuildRecentMenu();
    });
}

void MainWindow::runOnSelected(void (KeyCommands::*command)(const ApiKey &))
{
    const std::optional<ApiKey> key = m_keysPage->selectedKey();
    if (!m_commands || !key)
        return;
    // The store reports the change (VaultSession::vaultChanged()), which reloads once.
    (m_commands.get()->*command)(*key);
}

void MainWindow::runOnSelection(void (KeyCommands::*single)(const ApiKey &), BulkKeyAction bulk)
{
    const QVector<ApiKey> selection = m_keysPage->selectedKeys();
    if (selection.size() > 1) {
        if (m_bulkCommands)
            m_bulkCommands->apply(bulk, selection);
        return;
    }
    runOnSelected(single);
}

void MainWindow::toggleSelectedActive()
{
    if (m_keysPage->selectedKeys().size() > 1) {
        if (m_bulkCommands)
            m_bulkCommands->apply(m_keyActions->toggleActivates() ? BulkKeyAction::Activate
                                                                  : BulkKeyAction::Deactivate,
                                  m_keysPage->selectedKeys());
        return;
    }
    const std::optional<ApiKey> key = m_keysPage->selectedKey();
    if (!m_commands || !key)
        return;
    m_commands->setActive(*key, m_keyActions->toggleActivates());
}

void MainWindow::copySelectedKeyId()
{
    const std::optional<ApiKey> key = m_keysPage->selectedKey();
    if (!key)
        return;
    QGuiApplication::clipboard()->setText(QString::number(key->id));
    showMessage(tr("Copied the ID of “%1” (%2). The key itself is never copied from here.")
                    .arg(key->name)
                    .arg(key->id));
}

} // namespace Keyward
