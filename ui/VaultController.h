#pragma once

#include "SingleDialog.h"
#include "VaultSession.h"
#include "store/VaultFile.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QWidget;

namespace Keyward {

class ConnectServerDialog;
class HistoryBanner;
class LoginDialog;
class PasswordVault;
class PgConnInfo;
class Settings;
class VaultCreatedDialog;
class VaultOpenCheck;
class WelcomeDialog;

// The window's vault flows: open a vault file (its pinned fingerprint, its history), create one
// (first run, File › New), connect to a server, sign in, and bring a key a notice named into
// view. Each step is a window-modal dialog opened with open(), never exec(); the window shows
// what the session's state says, and this class decides which dialog comes next.
class VaultController : public QObject
{
    Q_OBJECT
public:
    VaultController(VaultSession &session, Settings &settings, PasswordVault &passwords,
                    HistoryBanner &historyBanner, QWidget *window);

    // Opens the vault at path; when it does not exist yet, offers to create it (first run).
    void start(const QString &vaultPath);
    // Opens a vault and asks for the passphrase; refused(): why it could not be opened. A large
    // vault file is checked (and upgraded) on a thread first (VaultOpenCheck): opening() says so,
    // and the passphrase is asked for once it is open; true then means "under way". A vault
    // chosen meanwhile is opened after it.
    bool openVault(const QString &path);
    // A large vault is being checked before it opens.
    bool isOpening() const;
    void newVault();
    void chooseVaultToOpen();
    // "Connect to Server", prefilled with the last server used.
    void connectToServer();
    // Prefilled with server (if given); connectAtOnce: as if Connect was pressed.
    void connectToServer(const PgConnInfo &server, bool connectAtOnce);
    // The sign-in for a locked vault: the passphrase for a file, connecting again for a server.
    void showLogin(const QString &reason = {});
    // When nothing is open or asked for: the vault used last (the tray's "Open Keyward").
    void openLastIfClosed();

    // A key a notice named: returned at once when the session shows its vault unlocked, else
    // opened (file) or connected to (server) and handed out by takeNoticedKey() once unlocked.
    struct NoticedKey
    {
        bool server = false;
        QString location; // the vault file, or the server's conninfo without a password
        qint64 keyId = 0;
    };
    bool showNoticedKey(const NoticedKey &key);
    // After a sign-in: the key to select, if a notice asked for one in this vault.
    std::optional<qint64> takeNoticedKey();

    // VaultMemory for the unlocked vault file: pins its fingerprint when none is pinned yet
    // (true: pinned now), and remembers its newest audit row unless a changed history is still
    // being reported.
    bool rememberVault();
    // The vault last refused for its pinned fingerprint, for Preferences' "Forget".
    QString pinRefusedPath() const { return m_pinRefusedPath; }

    LoginDialog *loginDialog() const;
    WelcomeDialog *welcomeDialog() const;
    ConnectServerDialog *connectDialog() const;
    VaultCreatedDialog *vaultCreatedDialog() const;

Q_SIGNALS:
    // A vault is about to be opened: dialogs of the vault shown before must go.
    void aboutToOpen();
    // Nothing to show yet (first run, a missing vault): the window shows its status page.
    void noVault();
    // The vault could not be opened; message says why.
    void refused(const QString &path, const QString &message);
    // A large vault is being checked (and upgraded) before it opens.
    void opening(const QString &path);
    void message(const QString &text);

private:
    void onOpenChecked();
    bool openChecked(const QString &path, const QString &pinned, VaultCheck check);
    void refuse(const QString &path, const QString &pinned, const Error &error);
    void showWelcome(int mode, const QString &path);
    void showConnectDialog(const PgConnInfo &server, const QString &reason, bool connectAtOnce);
    void showVaultCreated(const QString &path);
    bool sessionShows(const NoticedKey &key) const;

    VaultSession &m_session;
    Settings &m_settings;
    PasswordVault &m_passwords;
    HistoryBanner &m_historyBanner;
    QWidget *m_window;
    QString m_pinRefusedPath;
    std::unique_ptr<VaultOpenCheck> m_openCheck; // a large vault's open, under way
    QString m_nextOpen; // chosen while m_openCheck ran
    std::optional<NoticedKey> m_noticedKey;
    SingleDialog<LoginDialog> m_login;
    SingleDialog<WelcomeDialog> m_welcome;
    SingleDialog<ConnectServerDialog> m_connect;
    SingleDialog<VaultCreatedDialog> m_created;
};

} // namespace Keyward
