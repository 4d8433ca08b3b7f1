#pragma once

#include "SingleDialog.h"
#include "VaultController.h"
#include "VaultSession.h"
#include "core/ApiKey.h"
#include "core/BulkKeyChange.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTimer;
class QToolBar;

namespace Keyward {

class ApiKeysPage;
class BackupCommands;
class BulkKeyCommands;
class AuditLogPage;
class ClipboardGuard;
class Clock;
class ConnectServerDialog;
class ConnectionBanner;
class HistoryBanner;
class HygienePage;
class KeyActions;
class KeyCommands;
class LoginDialog;
class MemberCommands;
class MembersPage;
class PasswordVault;
class PgConnInfo;
class PreferencesDialog;
class Settings;
class ShortcutsDialog;
class StoreUsageSource;
class VaultCreatedDialog;
class VaultStatusPage;
class WelcomeDialog;
class WhyRejectedDialog;

// The window: navigation, the pages, menus and toolbar. It wires actions to KeyCommands and
// enables them from the selection and the member's role; the flows themselves live elsewhere.
// Sign-in and vault creation run in window-modal dialogs opened with open(), never exec(), so
// the window keeps painting and tests can fill them in.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Keys, Members, AuditLog, Hygiene };
    Q_ENUM(Page)

    MainWindow(Settings &settings, const Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the vault at path; when it does not exist yet, offers to create it (first run).
    void start(const QString &vaultPath);
    // Opens a vault and asks for the passphrase; an unreadable vault shows why in the window.
    // A large vault is opened on a thread first (VaultController::openVault): true then means
    // under way, and vaults().isOpening() says until when.
    bool openVault(const QString &path);
    void newVault();
    // Opens "Connect to Server" (prefilled with server, if given; connectAtOnce: as if Connect
    // was pressed, for a recent server).
    void connectToServer();
    void connectToServer(const PgConnInfo &server, bool connectAtOnce);
    void lock();
    // From the tray: shows the window again and opens the vault used last if none is open.
    void bringBack();
    // From a notice: shows the window on that key (keyId 0: the vault's keys), opening the
    // vault and asking for the passphrase first when it is not open and unlocked.
    void showKey(const QString &vaultPath, qint64 keyId);
    // The same for a vault on a server (conninfo without a password): connects as for a
    // recent server, then selects the key.
    void showServerKey(const QString &conninfo, qint64 keyId);
    // File › Quit: closes the window, then quits even when the tray would keep Keyward running.
    void quit();
    void showPage(Page page);
    Page currentPage() const;
    void showPreferences();

    VaultSession &session() { return m_session; }
    VaultController &vaults() const { return *m_vaults; }
    ApiKeysPage *keysPage() const { return m_keysPage; }
    MembersPage *membersPage() const { return m_membersPage; }
    AuditLogPage *auditLogPage() const { return m_auditPage; }
    HygienePage *hygienePage() const { return m_hygienePage; }
    VaultStatusPage *statusPage() const { return m_statusPage; }
    KeyActions *keyActions() const { return m_keyActions; }
    // File › Back Up Vault…, Restore from Backup… and Export Expiry Calendar….
    BackupCommands *backupCommands() const { return m_backup; }
    // The bulk key commands of the open vault (nullptr while locked).
    BulkKeyCommands *bulkCommands() const { return m_bulkCommands.get(); }
    QAction *lockAction() const { return m_lockAction; }
    QAction *connectServerAction() const { return m_connectServerAction; }
    QAction *changePassphraseAction() const { return m_changePassphraseAction; }
    QAction *findAction() const { return m_findAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *pageAction(Page page) const;
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    // The key actions' toolbar; shown only where those actions apply (the keys page).
    QToolBar *keyToolBar() const { return m_toolBar; }
    // Help › Keyboard Shortcuts (opened with open(); the window keeps painting).
    void showShortcuts();
    ConnectionBanner *connectionBanner() const { return m_banner; }
    // Shown when a vault's history is not what this computer saw last (VaultMemory).
    HistoryBanner *historyBanner() const { return m_historyBanner; }
    PasswordVault *passwordVault() const { return m_passwordVault; }
    QListWidget *navigation() const { return m_navigation; }
    ClipboardGuard *clipboardGuard() const { return m_clipboard; }
    // The open sign-in or vault-creation dialog, if any.
    LoginDialog *loginDialog() const;
    WelcomeDialog *welcomeDialog() const;
    ConnectServerDialog *connectDialog() const;
    // The fingerprint of a vault just created (after the welcome dialog), if open.
    VaultCreatedDialog *vaultCreatedDialog() const;
    PreferencesDialog *preferencesDialog() const;
    // True while the keys (not the lock screen) are shown.
    bool isShowingVault() const;

Q_SIGNALS:
    // Preferences were saved.
    void settingsChanged();
    // File › Quit: the application should end, not only the window.
    void quitRequested();
    // The window was closed, not quit (the tray may keep Keyward running).
    void closedWithoutQuitting();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildViewActions();
    void buildToolBar();
    void updateToolBars();
    QWidget *buildWorkspace();
    QListWidgetItem *addNavigationHeading(const QString &text);
    QListWidgetItem *addNavigationItem(const QString &icon, const QString &text, Page page);

    void connectSessionSignals();
    void onStateChanged(VaultSession::State state);
    void onUnlocked();
    void onLockedOrClosed(VaultSession::State state);
    void closeChildDialogs();
    // Refresh, sign-in, reconnect: notes the counter, then reloads what the window shows.
    void reloadAll();
    // The session's vaultChanged(): it has noted the counter already.
    void reloadViews();
    void updateTitle();
    void updateActions();
    void updateNavigation();
    void rebuildRecentMenu();
    void applySettings();
    void saveWindowState();
    void restoreWindowState();
    void runOnSelected(void (KeyCommands::*command)(const ApiKey &));
    // Revoke, Delete and (de)activate: one key through KeyCommands, several through
    // BulkKeyCommands.
    void runOnSelection(void (KeyCommands::*single)(const ApiKey &), BulkKeyAction bulk);
    void toggleSelectedActive();
    void copySelectedKeyId();
    void showMessage(const QString &text);
    // While a backup or restore runs: the vault's widgets and actions wait, a progress shows.
    void setBusy(bool busy);
    void showNoticedKey(const VaultController::NoticedKey &key);
    void selectNoticedKey(qint64 keyId);

    Settings &m_settings;
    const Clock &m_clock;
    VaultSession m_session;
    ClipboardGuard *m_clipboard = nullptr;
    std::unique_ptr<KeyCommands> m_commands;
    std::unique_ptr<BulkKeyCommands> m_bulkCommands;
    std::unique_ptr<MemberCommands> m_memberCommands;
    std::unique_ptr<StoreUsageSource> m_usageSource; // the details pane's, while unlocked
    KeyActions *m_keyActions = nullptr;
    BackupCommands *m_backup = nullptr;
    QProgressBar *m_busyBar = nullptr;

    QStackedWidget *m_rootStack = nullptr;
    VaultStatusPage *m_statusPage = nullptr;
    QWidget *m_workspace = nullptr;
    QListWidget *m_navigation = nullptr;
    QListWidgetItem *m_membersItem = nullptr;
    QStackedWidget *m_pages = nullptr;
    ApiKeysPage *m_keysPage = nullptr;
    MembersPage *m_membersPage = nullptr;
    AuditLogPage *m_auditPage = nullptr;
    HygienePage *m_hygienePage = nullptr;
    QToolBar *m_toolBar = nullptr;
    QToolBar *m_sessionToolBar = nullptr;
    QTimer *m_timeRefresh = nullptr;
    ConnectionBanner *m_banner = nullptr;
    HistoryBanner *m_historyBanner = nullptr;
    VaultController *m_vaults = nullptr;
    SingleDialog<PreferencesDialog> m_preferences;
    SingleDialog<ShortcutsDialog> m_shortcuts;
    SingleDialog<WhyRejectedDialog> m_whyRejected;
    bool m_quitting = false;
    PasswordVault *m_passwordVault = nullptr;

    QAction *m_newVaultAction = nullptr;
    QAction *m_openVaultAction = nullptr;
    QAction *m_connectServerAction = nullptr;
    QAction *m_lockAction = nullptr;
    QAction *m_changePassphraseAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QList<QAction *> m_pageActions; // indexed by Page
    QAction *m_shortcutsAction = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace Keyward
