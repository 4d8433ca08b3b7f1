#pragma once

#include "core/Member.h"
#include "core/Result.h"
#include "store/PgConnInfo.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QCloseEvent;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QWidget;

namespace Keyward {

class PasswordLineEdit;
class PasswordVault;
class ServerPasswordFlow;
class VaultSession;

// Connects the session to a PostgreSQL vault: host, port, database, user and SSL mode, or a
// libpq connection string / service name. The password comes from libpq (PGPASSFILE, ~/.pgpass,
// PGPASSWORD, a service file), else from the system keychain, else from the user: the password
// field appears when the server asks for one. It is remembered in the keychain only when the
// user ticks the box and the connection worked, and never anywhere else.
// Where the password comes from and what a refusal means is ServerPasswordFlow's; this dialog
// presents it. A failed attempt is explained in place and the dialog stays open; accept() closes it
// only once the session is connected. The attempt runs in the background (the window stays alive
// while an unreachable server keeps it waiting); Cancel or Escape stops it and leaves the
// dialog as it was, and closing the dialog stops it too.
class ConnectServerDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Form { Details, ConnectionString };
    Q_ENUM(Form)

    ConnectServerDialog(VaultSession &session, PasswordVault &keychain, QWidget *parent = nullptr);

    // Prefills the form (details when they can show everything, else the connection string).
    void setServer(const PgConnInfo &server);
    // The server as entered, without any password; an error when the form is invalid.
    Result<PgConnInfo> server() const;
    Form form() const;
    void setForm(Form form);
    // Why the dialog is shown, e.g. "Locked after 10 minutes without activity."
    void setReason(const QString &reason);

    QString errorText() const;
    bool isPasswordRequested() const;
    bool isBusy() const;
    // After a successful connection with a typed password and "Remember" ticked.
    std::optional<QString> passwordToRemember() const;

public Q_SLOTS:
    void accept() override;
    // While connecting: stops the attempt and keeps the dialog open. Otherwise closes it.
    void reject() override;
    // Connects with what the form holds, as if Connect was pressed (for Open Recent).
    void connectNow();
    // Shows the password field (the server wants a password libpq could not find).
    void requestPassword();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildDetailsForm();
    QWidget *buildConnectionStringForm();
    QWidget *buildPasswordRow();
    void switchForm(Form form);
    void updateState();
    void updateKeychainRow();
    void setBusy(bool busy, const QString &what = QString());
    void showError(const QString &text);

    ServerPasswordFlow *m_flow = nullptr;
    QLabel *m_reason = nullptr;
    QRadioButton *m_detailsRadio = nullptr;
    QRadioButton *m_stringRadio = nullptr;
    QStackedWidget *m_forms = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_connectionString = nullptr;
    QLabel *m_passwordHint = nullptr;
    QWidget *m_passwordRow = nullptr;
    PasswordLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QPushButton *m_connect = nullptr;
    bool m_inputErrorShown = false;
};

} // namespace Keyward
