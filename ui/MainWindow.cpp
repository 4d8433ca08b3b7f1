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
    connect(m_vaults, &VaultController::opening, this, [this](const QString &path) {
        m_statusPage->showOpening(path);
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
    // The one change channel: this window's own writes and everyone else's. Reloading also
    // remembers what this computer saw (a restore the user chose is no rewound history).
    connect(&m_session, &VaultSession::vaultChanged, this, &MainWindow::reloadViews);
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

void MainWindow::reloadAll()
{
    if (!m_session.isUnlocked())
        return;
    // Before reading: a change that lands during the reload is then still news afterwards.
    m_session.acknowledgeChanges();
    reloadViews();
}

void MainWindow::reloadViews()
{
    if (!m_session.isUnlocked())
        return;
    (void)m_keysPage->reload();
    m_vaults->rememberVault();
    if (currentPage() == Page::Members)
        m_membersPage->reload();
    if (currentPage() == Page::AuditLog)
        m_auditPage->reload();
    updateActions();
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

void MainWindow::connectToServer()
{
    m_vaults->connectToServer();
}

void MainWindow::connectToServer(const PgConnInfo &server, bool connectAtOnce)
{
    m_vaults->connectToServer(server, connectAtOnce);
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
