#include "MainWindow.h"

#include "ApiKeysPage.h"
#include "AuditLogPage.h"
#include "BackupCommands.h"
#include "BulkKeyCommands.h"
#include "ClipboardGuard.h"
#include "ConnectServerDialog.h"
#include "ConnectionBanner.h"
#include "HistoryBanner.h"
#include "HygienePage.h"
#include "Icons.h"
#include "KeyActions.h"
#include "KeyCommands.h"
#include "LoginDialog.h"
#include "MemberCommands.h"
#include "MembersPage.h"
#include "PasswordVault.h"
#include "PreferencesDialog.h"
#include "Settings.h"
#include "ShortcutsDialog.h"
#include "VaultController.h"
#include "VaultCreatedDialog.h"
#include "VaultMemory.h"
#include "VaultStatusPage.h"
#include "WelcomeDialog.h"
#include "WhyRejectedDialog.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"
#include "core/Permissions.h"
#include "store/SqlKeyStore.h"
#include "store/VaultFile.h"
#include "verify/UsageSource.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Keyward {

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kPage = QStringLiteral("window/page");
constexpr int kPageRole = Qt::UserRole + 1;
constexpr int kMessageTimeoutMs = 8000;

} // namespace

MainWindow::MainWindow(Settings &settings, const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_session(clock)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Icons::app());
    m_clipboard = new ClipboardGuard(QGuiApplication::clipboard(), clock, this);
    m_passwordVault = new PasswordVault(this);

    buildActions();
    m_statusPage = new VaultStatusPage(this);
    m_workspace = buildWorkspace();
    m_rootStack = new QStackedWidget(this);
    m_rootStack->setObjectName(QStringLiteral("rootStack"));
    m_rootStack->addWidget(m_statusPage);
    m_rootStack->addWidget(m_workspace);
    // The connection banner sits above whatever the window shows, below the toolbar.
    m_banner = new ConnectionBanner(this);
    m_historyBanner = new HistoryBanner(this);
    m_vaults = new VaultController(m_session, m_settings, *m_passwordVault, *m_historyBanner, this);
    connect(m_historyBanner, &HistoryBanner::dismissed, this,
            [this] { (void)m_vaults->rememberVault(); });
    connect(m_vaults, &VaultController::aboutToOpen, this, &MainWindow::closeChildDialogs);
    connect(m_vaults, &VaultController::noVault, this, [this] {
        m_statusPage->showNoVault();
        m_rootStack->setCurrentWidget(m_statusPage);
    });
    connect(m_vaults, &VaultController::refused, this,
            [this](const QString &path, const QString &message) {
                m_statusPage->showError(path, message);
                m_rootStack->setCurrentWidget(m_statusPage);
                updateTitle();
            });
    connect(m_vaults, &VaultController::message, this, &MainWindow::showMessage);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(m_historyBanner);
    centralLayout->addWidget(m_rootStack, 1);
    setCentralWidget(central);
    buildMenus();
    buildToolBar();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    // "Copied the ID of “Payments”" must not stay on the lock screen for the next person.
    connect(&m_session, &VaultSession::stateChanged, statusBar(),
            [this](VaultSession::State state) {
                if (state != VaultSession::State::Unlocked)
                    statusBar()->clearMessage();
            });

    connect(m_statusPage, &VaultStatusPage::unlockRequested, this,
            [this] { m_vaults->showLogin(); });
    connect(m_statusPage, &VaultStatusPage::openAnotherRequested, m_vaults,
            &VaultController::chooseVaultToOpen);
    connect(m_statusPage, &VaultStatusPage::newVaultRequested, this, &MainWindow::newVault);

    connect(&m_session, &VaultSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(&m_session, &VaultSession::changedElsewhere, this, [this] { reloadAll(); });
    connect(&m_session, &VaultSession::vaultDamaged, this, [this](const QString &message) {
        const QString path = m_session.path();
        closeChildDialogs();
        m_session.close();
        m_statusPage->showError(path, message);
        m_rootStack->setCurrentWidget(m_statusPage);
        updateTitle();
    });
    // Usage is not a change of the vault: only the keys used are updated, not every key read.
    connect(&m_session, &VaultSession::usageRecorded, this, [this] {
        if (m_session.isUnlocked())
            (void)m_keysPage->refreshUsage();
    });
    connect(&m_session, &VaultSession::memberChanged, this, [this] {
        updateTitle();
        updateNavigation();
        updateActions();
        showMessage(tr("Your role is now %1.").arg(DisplayNames::role(m_session.member()->role)));
    });
    connect(&m_session, &VaultSession::autoLocked, this, [this] {
        const QString reason = tr("Locked after %n minute(s) without activity.", nullptr,
                                  int(m_session.autoLockMs() / kMinuteMs));
        showMessage(reason);
        m_vaults->showLogin(reason);
    });
    connectSessionSignals();

    // Relative times ("in 3 days") and statuses move with the clock alone.
    m_timeRefresh = new QTimer(this);
    m_timeRefresh->setInterval(30 * 1000);
    connect(m_timeRefresh, &QTimer::timeout, m_keysPage, &ApiKeysPage::refreshTimes);
    m_timeRefresh->start();

    applySettings();
    onLockedOrClosed(VaultSession::State::Closed);
    // Nine columns and the details pane want room; never more than most of the screen.
    QSize size(1440, 900);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    // Before members go: commands hold a reference to the session's store.
    m_commands.reset();
    m_bulkCommands.reset();
    m_memberCommands.reset();
}

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
            (void)m_bulkCommands->apply(BulkKeyAction::ShortenExpiry, m_keysPage->selectedKeys());
    });
    connect(m_keyActions->exportSelected(), &QAction::triggered, this, [this] {
        if (m_bulkCommands)
            (void)m_bulkCommands->exportKeys(m_keysPage->selectedKeys());
    });
    connect(m_keyActions->copyId(), &QAction::triggered, this, &MainWindow::copySelectedKeyId);

    m_backup = new BackupCommands(m_session, m_clock, this);
    connect(m_backup, &BackupCommands::message, this, &MainWindow::showMessage);
    connect(m_backup, &BackupCommands::busyChanged, this, &MainWindow::setBusy);
    // The restore moves the vault's change counters on, so the watcher would reload soon too;
    // reloading now shows the restored keys at once, and remembers the restored history as
    // what this computer saw (a restore the user chose is no rewound history to warn about).
    connect(m_backup, &BackupCommands::restored, this, [this] { reloadAll(); });
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

void MainWindow::showShortcuts()
{
    // Esc in the search box lives on the box, not in a menu.
    if (m_shortcuts.raise())
        return;
    const QList<QAction *> extra = m_keysPage->searchEdit()->actions();
    m_shortcuts.track(new ShortcutsDialog(menuBar(), extra, this))->open();
}

QWidget *MainWindow::buildWorkspace()
{
    auto *workspace = new QWidget(this);
    workspace->setObjectName(QStringLiteral("workspace"));

    m_navigation = new QListWidget(workspace);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setBackgroundRole(QPalette::Window);
    m_navigation->setAutoFillBackground(true);
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);
    m_navigation->setSpacing(1);
    m_navigation->setFixedWidth(
        qMax(190, fontMetrics().horizontalAdvance(tr("Permissions and API")) + 70));

    m_keysPage = new ApiKeysPage(m_clock, workspace);
    m_membersPage = new MembersPage(workspace);
    m_auditPage = new AuditLogPage(m_clock, workspace);
    m_hygienePage = new HygienePage(m_clock, workspace);
    m_pages = new QStackedWidget(workspace);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_keysPage);
    m_pages->addWidget(m_membersPage);
    m_pages->addWidget(m_auditPage);
    m_pages->addWidget(m_hygienePage);

    addNavigationHeading(tr("Profile"));
    QListWidgetItem *keysItem =
        addNavigationItem(QStringLiteral("keys"), tr("Permissions and API"), Page::Keys);
    addNavigationHeading(tr("Vault"));
    m_membersItem = addNavigationItem(QStringLiteral("members"), tr("Members"), Page::Members);
    addNavigationItem(QStringLiteral("audit"), tr("Audit log"), Page::AuditLog);
    addNavigationItem(QStringLiteral("hygiene"), tr("Hygiene report"), Page::Hygiene);
    m_navigation->setCurrentItem(keysItem);
    connect(m_navigation, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        if (!current)
            return;
        const auto page = static_cast<Page>(current->data(kPageRole).toInt());
        m_pages->setCurrentIndex(int(page));
        if (page == Page::Members)
            m_membersPage->reload();
        else if (page == Page::AuditLog)
            m_auditPage->reload();
        else if (page == Page::Hygiene)
            m_hygienePage->refresh();
        updateActions();
    });

    m_keysPage->setGenerateAction(m_keyActions->generate());
    QList<QAction *> contextActions = m_keyActions->keyActions();
    m_keysPage->setContextActions(contextActions);
    connect(m_keysPage, &ApiKeysPage::selectionChanged, this, &MainWindow::updateActions);
    connect(m_keysPage, &ApiKeysPage::tamperedKeysChanged, this, &MainWindow::updateActions);
    connect(m_keysPage, &ApiKeysPage::keyActivated, this, [this] {
        if (m_keyActions->edit()->isEnabled())
            m_keyActions->edit()->trigger();
    });
    connect(m_keysPage, &ApiKeysPage::errorOccurred, this, &MainWindow::showMessage);
    connect(m_membersPage, &MembersPage::message, this, &MainWindow::showMessage);
    connect(m_auditPage, &AuditLogPage::message, this, &MainWindow::showMessage);
    connect(m_hygienePage, &HygienePage::message, this, &MainWindow::showMessage);
    connect(m_hygienePage, &HygienePage::keysChanged, this, [this] { reloadAll(); });
    // Every reload of the keys (own changes, other windows, keywardctl) renews the report.
    connect(m_keysPage, &ApiKeysPage::reloaded, this, [this] {
        if (currentPage() == Page::Hygiene)
            m_hygienePage->refresh();
    });

    auto *separator = new QFrame(workspace);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Plain);
    separator->setForegroundRole(QPalette::Mid);

    auto *layout = new QHBoxLayout(workspace);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(separator);
    layout->addWidget(m_pages, 1);
    return workspace;
}

QListWidgetItem *MainWindow::addNavigationHeading(const QString &text)
{
    auto *item = new QListWidgetItem(text.toUpper(), m_navigation);
    item->setFlags(Qt::NoItemFlags);
    QFont font = m_navigation->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    item->setFont(font);
    item->setForeground(m_navigation->palette().color(QPalette::PlaceholderText));
    item->setSizeHint(
        QSize(0, QFontMetrics(font).height() + (m_navigation->count() > 1 ? 22 : 12)));
    item->setTextAlignment(Qt::AlignLeft | Qt::AlignBottom);
    return item;
}

QListWidgetItem *MainWindow::addNavigationItem(const QString &icon, const QString &text, Page page)
{
    auto *item = new QListWidgetItem(Icons::icon(icon), text, m_navigation);
    item->setData(kPageRole, int(page));
    item->setSizeHint(QSize(0, fontMetrics().height() + 16));
    return item;
}

void MainWindow::start(const QString &vaultPath)
{
    m_vaults->start(vaultPath);
}

bool MainWindow::openVault(const QString &path)
{
    return m_vaults->openVault(path);
}

void MainWindow::newVault()
{
    m_vaults->newVault();
}

void MainWindow::bringBack()
{
    showNormal();
    raise();
    activateWindow();
    m_vaults->openLastIfClosed();
}

void MainWindow::selectNoticedKey(qint64 keyId)
{
    showPage(Page::Keys);
    if (keyId > 0)
        m_keysPage->selectKey(keyId);
}

void MainWindow::showKey(const QString &vaultPath, qint64 keyId)
{
    showNoticedKey(VaultController::NoticedKey {false, vaultPath, keyId});
}

void MainWindow::showServerKey(const QString &conninfo, qint64 keyId)
{
    showNoticedKey(VaultController::NoticedKey {true, conninfo, keyId});
}

void MainWindow::showNoticedKey(const VaultController::NoticedKey &key)
{
    showNormal();
    raise();
    activateWindow();
    if (m_vaults->showNoticedKey(key))
        selectNoticedKey(key.keyId);
}

void MainWindow::quit()
{
    m_quitting = true;
    const bool closed = close();
    m_quitting = false;
    if (closed)
        Q_EMIT quitRequested();
}

void MainWindow::lock()
{
    m_session.lock();
}

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
    connect(m_commands.get(), &KeyCommands::keysChanged, this,
            [this](qint64 keyId) { reloadAll(keyId); });
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
    connect(m_memberCommands.get(), &MemberCommands::membersChanged, this, [this] {
        m_session.tick(); // picks up our own role if it changed, and the flagged keys
        reloadAll();
    });
    m_membersPage->setCommands(m_memberCommands.get());

    m_bulkCommands = std::make_unique<BulkKeyCommands>(*store, m_clock, this);
    connect(m_bulkCommands.get(), &BulkKeyCommands::keysChanged, this, [this] { reloadAll(); });
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
    closeChildDialogs();
    // A copied secret should not outlive the session that revealed it.
    m_clipboard->clearNow();
    m_commands.reset();
    m_bulkCommands.reset();
    m_memberCommands.reset();
    m_keysPage->setStore(nullptr);
    m_usageSource.reset();
    m_membersPage->setStore(nullptr, std::nullopt);
    m_auditPage->setStore(nullptr);
    m_hygienePage->setStore(nullptr, std::nullopt, nullptr, nullptr);
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

void MainWindow::closeChildDialogs()
{
    // Dialogs opened by commands (generate, reveal, …) must not stay up over a locked vault.
    const auto dialogs = findChildren<QDialog *>();
    for (QDialog *dialog : dialogs) {
        if (dialog->isVisible() && dialog != m_vaults->loginDialog()
            && dialog != m_vaults->welcomeDialog() && dialog != m_vaults->connectDialog())
            dialog->reject();
    }
}

LoginDialog *MainWindow::loginDialog() const
{
    return m_vaults->loginDialog();
}

WelcomeDialog *MainWindow::welcomeDialog() const
{
    return m_vaults->welcomeDialog();
}

ConnectServerDialog *MainWindow::connectDialog() const
{
    return m_vaults->connectDialog();
}

VaultCreatedDialog *MainWindow::vaultCreatedDialog() const
{
    return m_vaults->vaultCreatedDialog();
}

PreferencesDialog *MainWindow::preferencesDialog() const
{
    return m_preferences.get();
}

bool MainWindow::isShowingVault() const
{
    return m_rootStack->currentWidget() == m_workspace;
}

void MainWindow::reloadAll(qint64 selectKeyId)
{
    if (!m_session.isUnlocked())
        return;
    // Before reading: a change that lands during the reload is then still news afterwards.
    m_session.acknowledgeChanges();
    (void)m_keysPage->reload();
    m_vaults->rememberVault();
    if (selectKeyId > 0)
        m_keysPage->selectKey(selectKeyId);
    if (currentPage() == Page::Members)
        m_membersPage->reload();
    if (currentPage() == Page::AuditLog)
        m_auditPage->reload();
    updateActions();
}

void MainWindow::showPage(Page page)
{
    for (int i = 0; i < m_navigation->count(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        if (item->flags() != Qt::NoItemFlags && item->data(kPageRole).toInt() == int(page)
            && !item->isHidden()) {
            m_navigation->setCurrentItem(item);
            return;
        }
    }
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::updateTitle()
{
    const QString file = m_session.displayName();
    switch (m_session.state()) {
    case VaultSession::State::Unlocked: {
        const Member member = *m_session.member();
        setWindowTitle(tr("%1 — %2 (%3)").arg(file, member.name, DisplayNames::role(member.role)));
        break;
    }
    case VaultSession::State::Locked:
        setWindowTitle(tr("%1 (locked)").arg(file));
        break;
    case VaultSession::State::Closed:
        setWindowTitle(QString());
        break;
    }
}

void MainWindow::updateNavigation()
{
    const std::optional<Member> member = m_session.member();
    const bool owner = member && Permissions::mayManageMembers(*member).isOk();
    m_membersItem->setHidden(!owner);
    if (QAction *members = pageAction(Page::Members))
        members->setVisible(owner);
    if (!owner && currentPage() == Page::Members)
        showPage(Page::Keys);
    if (m_session.isUnlocked())
        m_membersPage->setStore(m_session.store(), member);
}

void MainWindow::updateActions()
{
    const QVector<ApiKey> selection =
        currentPage() == Page::Keys ? m_keysPage->selectedKeys() : QVector<ApiKey>();
    m_keyActions->updateForSelection(
        m_session.member(), selection,
        selection.size() == 1 ? m_keysPage->tamperedProblem(selection.constFirst().id) : QString(),
        m_clock.nowMs());
    m_lockAction->setEnabled(m_session.isUnlocked());
    // A write cannot reach a server that is gone; what is shown can still be read.
    const bool connected = m_session.isConnected();
    if (m_session.isUnlocked() && !connected) {
        const QString why =
            tr("Not connected to %1. Keyward is reconnecting.").arg(m_session.displayName());
        for (QAction *action :
             {m_keyActions->generate(), m_keyActions->edit(), m_keyActions->regenerate(),
              m_keyActions->endGracePeriod(), m_keyActions->toggleActive(), m_keyActions->revoke(),
              m_keyActions->remove(), m_keyActions->shortenExpiry()}) {
            action->setEnabled(false);
            action->setToolTip(why);
        }
    }
    m_membersPage->setEnabled(connected);
}

void MainWindow::runOnSelected(bool (KeyCommands::*command)(const ApiKey &))
{
    const std::optional<ApiKey> key = m_keysPage->selectedKey();
    if (!m_commands || !key)
        return;
    // The command announces what it changed (keysChanged), which reloads once.
    (void)(m_commands.get()->*command)(*key);
}

void MainWindow::runOnSelection(bool (KeyCommands::*single)(const ApiKey &), BulkKeyAction bulk)
{
    const QVector<ApiKey> selection = m_keysPage->selectedKeys();
    if (selection.size() > 1) {
        if (m_bulkCommands)
            (void)m_bulkCommands->apply(bulk, selection);
        return;
    }
    runOnSelected(single);
}

void MainWindow::toggleSelectedActive()
{
    if (m_keysPage->selectedKeys().size() > 1) {
        if (m_bulkCommands)
            (void)m_bulkCommands->apply(m_keyActions->toggleActivates() ? BulkKeyAction::Activate
                                                                        : BulkKeyAction::Deactivate,
                                        m_keysPage->selectedKeys());
        return;
    }
    const std::optional<ApiKey> key = m_keysPage->selectedKey();
    if (!m_commands || !key)
        return;
    (void)m_commands->setActive(*key, m_keyActions->toggleActivates());
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

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, kMessageTimeoutMs);
}

void MainWindow::setBusy(bool busy)
{
    if (!m_busyBar) {
        m_busyBar = new QProgressBar(this);
        m_busyBar->setObjectName(QStringLiteral("busyBar"));
        m_busyBar->setRange(0, 0); // the copy reports no steps worth showing: just "working"
        m_busyBar->setMaximumWidth(fontMetrics().averageCharWidth() * 20);
        statusBar()->addPermanentWidget(m_busyBar);
    }
    m_busyBar->setVisible(busy);
    // A restore replaces what these show, a lock would close the store under it.
    m_rootStack->setEnabled(!busy);
    for (QToolBar *bar : {m_toolBar, m_sessionToolBar})
        if (bar)
            bar->setEnabled(!busy);
    for (QAction *action : {m_newVaultAction, m_openVaultAction, m_connectServerAction,
                            m_lockAction, m_changePassphraseAction, m_refreshAction})
        if (action)
            action->setEnabled(!busy);
    if (busy)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
    if (!busy) {
        updateActions();
        m_changePassphraseAction->setEnabled(m_session.isUnlocked() && !m_session.isRemote());
        m_refreshAction->setEnabled(m_session.isUnlocked());
    }
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

void MainWindow::connectToServer()
{
    m_vaults->connectToServer();
}

void MainWindow::connectToServer(const PgConnInfo &server, bool connectAtOnce)
{
    m_vaults->connectToServer(server, connectAtOnce);
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

void MainWindow::showPreferences()
{
    if (m_preferences.raise())
        return;
    // The vault open, or the one just refused for its fingerprint (to forget the pin).
    const QString vault =
        !m_session.path().isEmpty() ? m_session.path() : m_vaults->pinRefusedPath();
    const QString fingerprint =
        m_session.store() && !m_session.isRemote() ? m_session.store()->fingerprint() : QString();
    PreferencesDialog *dialog =
        m_preferences.track(new PreferencesDialog(m_settings, vault, fingerprint, this));
    connect(dialog, &QDialog::accepted, this, &MainWindow::applySettings);
    dialog->open();
}

void MainWindow::applySettings()
{
    m_session.setAutoLockMs(qint64(m_settings.autoLockMinutes()) * kMinuteMs);
    m_clipboard->setTimeoutSeconds(m_settings.clipboardClearSeconds());
    Q_EMIT settingsChanged();
}

void MainWindow::saveWindowState()
{
    m_settings.setState(kGeometry, saveGeometry());
    m_settings.setState(kWindowState, saveState());
    m_settings.setState(kPage, QByteArray::number(int(currentPage())));
    m_keysPage->saveState(m_settings);
    m_auditPage->saveState(m_settings);
    m_settings.sync();
}

void MainWindow::restoreWindowState()
{
    restoreGeometry(m_settings.state(kGeometry));
    restoreState(m_settings.state(kWindowState));
    updateToolBars(); // a saved state must not bring the key toolbar back where it does not apply
    m_keysPage->restoreState(m_settings);
    m_auditPage->restoreState(m_settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    closeChildDialogs();
    m_clipboard->clearNow();
    m_session.close();
    event->accept();
    if (!m_quitting)
        Q_EMIT closedWithoutQuitting();
}

} // namespace Keyward
