#include "ConnectServerDialog.h"

#include "DialogButtons.h"
#include "Icons.h"
#include "PasswordLineEdit.h"
#include "ServerPasswordFlow.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Keyward {

namespace {

constexpr int kDefaultPort = 5432;

const QString kHost = QStringLiteral("host");
const QString kPort = QStringLiteral("port");
const QString kDbName = QStringLiteral("dbname");
const QString kUser = QStringLiteral("user");
const QString kSslMode = QStringLiteral("sslmode");
const QString kPassword = QStringLiteral("password");

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette hint = label->palette();
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    label->setPalette(hint);
    return label;
}

} // namespace

ConnectServerDialog::ConnectServerDialog(VaultSession &session, PasswordVault &keychain,
                                         QWidget *parent)
    : QDialog(parent)
    , m_flow(new ServerPasswordFlow(session, keychain, this))
{
    setObjectName(QStringLiteral("connectServerDialog"));
    setWindowTitle(tr("Connect to Server"));

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::icon(QStringLiteral("server")).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    auto *title = new QLabel(tr("Connect to a PostgreSQL server"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    auto *subtitle = hintLabel(tr("Your team's keys in a shared database. The server checks who "
                                  "you are: your database login is your Keyward member."),
                               this);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->hide();
    auto *titleBox = new QVBoxLayout;
    titleBox->addWidget(title);
    titleBox->addWidget(subtitle);
    titleBox->addWidget(m_reason);
    auto *header = new QHBoxLayout;
    header->addWidget(icon);
    header->addLayout(titleBox, 1);

    m_detailsRadio = new QRadioButton(tr("Server &details"), this);
    m_detailsRadio->setObjectName(QStringLiteral("serverDetailsRadio"));
    m_stringRadio = new QRadioButton(tr("Connection &string or service"), this);
    m_stringRadio->setObjectName(QStringLiteral("connectionStringRadio"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_detailsRadio);
    group->addButton(m_stringRadio);
    m_detailsRadio->setChecked(true);
    auto *formSwitch = new QHBoxLayout;
    formSwitch->addWidget(m_detailsRadio);
    formSwitch->addWidget(m_stringRadio);
    formSwitch->addStretch(1);

    m_forms = new QStackedWidget(this);
    m_forms->addWidget(buildDetailsForm());
    m_forms->addWidget(buildConnectionStringForm());

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    m_error->setPalette(errorPalette);
    m_error->hide();

    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0); // indeterminate
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(120);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->setTextFormat(Qt::PlainText);
    auto *busyRow = new QHBoxLayout;
    busyRow->addWidget(m_busyBar);
    busyRow->addWidget(m_busyLabel, 1);
    m_busyBar->hide();
    m_busyLabel->hide();

    // Cancel stays enabled while connecting: then it stops the attempt (see reject()).
    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, tr("&Connect"), QStringLiteral("connectButton"));
    m_connect = buttons.accept;
    m_connect->setIcon(Icons::icon(QStringLiteral("server")));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(8);
    layout->addLayout(formSwitch);
    layout->addWidget(m_forms);
    layout->addWidget(buildPasswordRow());
    layout->addWidget(m_error);
    layout->addLayout(busyRow);
    layout->addStretch(1);
    layout->addWidget(buttons.box);

    connect(m_detailsRadio, &QRadioButton::toggled, this,
            [this](bool details) { switchForm(details ? Form::Details : Form::ConnectionString); });
    connect(m_flow, &ServerPasswordFlow::rememberOfferChanged, this,
            &ConnectServerDialog::updateKeychainRow);
    connect(m_flow, &ServerPasswordFlow::busyChanged, this,
            [this](bool busy) { setBusy(busy, m_flow->busyText()); });
    connect(m_flow, &ServerPasswordFlow::passwordNeeded, this, [this](const QString &message) {
        requestPassword();
        showError(message);
    });
    connect(m_flow, &ServerPasswordFlow::failed, this, &ConnectServerDialog::showError);
    connect(m_flow, &ServerPasswordFlow::connected, this, [this] {
        m_password->clear();
        QDialog::accept();
    });
    updateKeychainRow();
    updateState();
    setMinimumWidth(540);
    m_host->setFocus();
}

QWidget *ConnectServerDialog::buildDetailsForm()
{
    auto *page = new QWidget(this);
    m_host = new QLineEdit(page);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setPlaceholderText(tr("localhost"));
    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultPort);
    m_port->setGroupSeparatorShown(false);
    auto *portLabel = new QLabel(tr("&Port:"), page);
    portLabel->setBuddy(m_port);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    m_database = new QLineEdit(page);
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_database->setPlaceholderText(tr("keyward"));
    m_user = new QLineEdit(page);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_user->setPlaceholderText(tr("Your database login"));
    m_sslMode = new QComboBox(page);
    m_sslMode->setObjectName(QStringLiteral("sslModeCombo"));
    m_sslMode->addItem(tr("disable — never encrypt"), QStringLiteral("disable"));
    m_sslMode->addItem(tr("prefer — encrypt when the server can"), QStringLiteral("prefer"));
    m_sslMode->addItem(tr("require — always encrypt, do not check the certificate"),
                       QStringLiteral("require"));
    m_sslMode->addItem(tr("verify-ca — encrypt, check the certificate authority"),
                       QStringLiteral("verify-ca"));
    m_sslMode->addItem(tr("verify-full — encrypt, check the authority and the host name"),
                       QStringLiteral("verify-full"));
    m_sslMode->setCurrentIndex(m_sslMode->findData(QStringLiteral("prefer")));

    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Host:"), hostRow);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&SSL mode:"), m_sslMode);
    // The label of a row made of a layout needs its buddy set by hand.
    if (auto *hostLabel = qobject_cast<QLabel *>(form->labelForField(hostRow)))
        hostLabel->setBuddy(m_host);
    for (QLineEdit *edit : {m_host, m_database, m_user})
        connect(edit, &QLineEdit::textChanged, this, &ConnectServerDialog::updateState);
    return page;
}

QWidget *ConnectServerDialog::buildConnectionStringForm()
{
    auto *page = new QWidget(this);
    m_connectionString = new QLineEdit(page);
    m_connectionString->setObjectName(QStringLiteral("connectionStringEdit"));
    m_connectionString->setPlaceholderText(
        QStringLiteral("host=db.example.com dbname=keyward user=alice sslmode=verify-full"));
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("C&onnection:"), m_connectionString);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(hintLabel(tr("libpq keyword=value pairs, a postgresql:// URI, or "
                                   "service=NAME from your pg_service.conf."),
                                page));
    layout->addStretch(1);
    connect(m_connectionString, &QLineEdit::textChanged, this, &ConnectServerDialog::updateState);
    return page;
}

QWidget *ConnectServerDialog::buildPasswordRow()
{
    m_passwordRow = new QWidget(this);
    m_password = new PasswordLineEdit(m_passwordRow);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_remember = new QCheckBox(tr("&Remember password in the system keychain"), m_passwordRow);
    m_remember->setObjectName(QStringLiteral("rememberPasswordCheck"));
    m_keychainNote = hintLabel(QString(), m_passwordRow);
    m_keychainNote->setObjectName(QStringLiteral("keychainNoteLabel"));
    auto *form = new QFormLayout(m_passwordRow);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_keychainNote);
    connect(m_password, &QLineEdit::textChanged, this, &ConnectServerDialog::updateState);
    // Asked for only when the server wants one that libpq could not find; until then, say
    // where it comes from so that nobody looks for the field.
    m_passwordRow->hide();
    m_passwordHint = hintLabel(tr("The password comes from your password file (~/.pgpass) or "
                                  "the system keychain. Keyward asks for it only when the server "
                                  "wants one that neither has."),
                               this);
    m_passwordHint->setObjectName(QStringLiteral("passwordHintLabel"));
    auto *box = new QWidget(this);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->addWidget(m_passwordHint);
    boxLayout->addWidget(m_passwordRow);
    return box;
}

void ConnectServerDialog::updateKeychainRow()
{
    const bool offered = m_flow->offersToRemember();
    m_remember->setVisible(offered);
    if (!offered)
        m_remember->setChecked(false);
    m_keychainNote->setText(m_flow->keychainNote());
    m_keychainNote->setVisible(!m_keychainNote->text().isEmpty());
}

bool ConnectServerDialog::isBusy() const
{
    return m_flow->isBusy();
}

std::optional<QString> ConnectServerDialog::passwordToRemember() const
{
    return m_flow->passwordToRemember();
}

void ConnectServerDialog::setServer(const PgConnInfo &server)
{
    PgConnInfo shown = server;
    shown.setValue(kPassword, QString());
    // The details form holds host, port, database, user and SSL mode; anything else (a
    // service, options, certificates) needs the connection string.
    bool detailsSuffice = true;
    const QStringList keywords = shown.keywords();
    for (const QString &keyword : keywords) {
        if (keyword != kHost && keyword != kPort && keyword != kDbName && keyword != kUser
            && keyword != kSslMode)
            detailsSuffice = false;
    }
    const int sslIndex = m_sslMode->findData(shown.value(kSslMode));
    bool portOk = true;
    const int port = shown.contains(kPort) ? shown.value(kPort).toInt(&portOk) : kDefaultPort;
    if ((shown.contains(kSslMode) && sslIndex < 0) || !portOk)
        detailsSuffice = false;

    m_connectionString->setText(shown.toString());
    if (detailsSuffice) {
        m_host->setText(shown.value(kHost));
        m_port->setValue(port);
        m_database->setText(shown.value(kDbName));
        m_user->setText(shown.value(kUser));
        if (sslIndex >= 0)
            m_sslMode->setCurrentIndex(sslIndex);
    }
    setForm(detailsSuffice ? Form::Details : Form::ConnectionString);
    updateState();
}

Result<PgConnInfo> ConnectServerDialog::server() const
{
    if (form() == Form::ConnectionString) {
        auto parsed = PgConnInfo::parse(m_connectionString->text());
        if (!parsed)
            return parsed;
        if (parsed->isEmpty())
            return makeError(ErrorCode::InvalidInput, tr("Enter a connection string."));
        // Whatever the user typed stays theirs for this attempt, but is never kept.
        return parsed;
    }
    const QString database = m_database->text().trimmed();
    if (database.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Enter the database that holds the vault."));
    PgConnInfo info;
    info.setValue(kHost, m_host->text().trimmed());
    info.setValue(kPort, QString::number(m_port->value()));
    info.setValue(kDbName, database);
    info.setValue(kUser, m_user->text().trimmed());
    info.setValue(kSslMode, m_sslMode->currentData().toString());
    return info;
}

ConnectServerDialog::Form ConnectServerDialog::form() const
{
    return m_stringRadio->isChecked() ? Form::ConnectionString : Form::Details;
}

void ConnectServerDialog::setForm(Form form)
{
    // Only selects the form: carrying values over is for the user's own switch.
    const QSignalBlocker blockDetails(m_detailsRadio);
    const QSignalBlocker blockString(m_stringRadio);
    (form == Form::Details ? m_detailsRadio : m_stringRadio)->setChecked(true);
    m_forms->setCurrentIndex(form == Form::Details ? 0 : 1);
    updateState();
}

void ConnectServerDialog::switchForm(Form form)
{
    // Carry what was entered over, so switching to see the string form loses nothing.
    if (form == Form::ConnectionString) {
        // Into what the string already says, so that its other options survive a round trip.
        auto parsed = PgConnInfo::parse(m_connectionString->text());
        PgConnInfo info = parsed ? *parsed : PgConnInfo();
        info.setValue(kHost, m_host->text().trimmed());
        info.setValue(kPort, QString::number(m_port->value()));
        info.setValue(kDbName, m_database->text().trimmed());
        info.setValue(kUser, m_user->text().trimmed());
        info.setValue(kSslMode, m_sslMode->currentData().toString());
        m_connectionString->setText(info.toString(true));
        m_forms->setCurrentIndex(1);
        m_connectionString->setFocus();
    } else {
        if (auto parsed = PgConnInfo::parse(m_connectionString->text());
            parsed && !parsed->isEmpty()) {
            m_host->setText(parsed->value(kHost));
            bool ok = false;
            const int port = parsed->value(kPort).toInt(&ok);
            m_port->setValue(ok ? port : kDefaultPort);
            m_database->setText(parsed->value(kDbName));
            m_user->setText(parsed->value(kUser));
            if (const int index = m_sslMode->findData(parsed->value(kSslMode)); index >= 0)
                m_sslMode->setCurrentIndex(index);
        }
        m_forms->setCurrentIndex(0);
        m_host->setFocus();
    }
    updateState();
}

void ConnectServerDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

QString ConnectServerDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool ConnectServerDialog::isPasswordRequested() const
{
    return !m_passwordRow->isHidden();
}

void ConnectServerDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ConnectServerDialog::updateState()
{
    if (isBusy())
        return;
    const Result<PgConnInfo> current = server();
    bool ok = current.isOk();
    if (isPasswordRequested() && m_password->text().isEmpty())
        ok = false;
    // A connection string that does not parse says why as it is typed; an empty field does not
    // need a red line to be understood. A connection error stays until the next attempt.
    if (!current && form() == Form::ConnectionString
        && !m_connectionString->text().trimmed().isEmpty()) {
        showError(current.errorMessage());
        m_inputErrorShown = true;
    } else if (m_inputErrorShown) {
        showError(QString());
        m_inputErrorShown = false;
    }
    m_connect->setEnabled(ok);
}

void ConnectServerDialog::setBusy(bool busy, const QString &what)
{
    for (QWidget *widget :
         {static_cast<QWidget *>(m_forms), static_cast<QWidget *>(m_detailsRadio),
          static_cast<QWidget *>(m_stringRadio), m_passwordRow, static_cast<QWidget *>(m_connect)})
        widget->setEnabled(!busy);
    m_busyLabel->setText(what);
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    if (busy)
        showError(QString());
    else
        updateState();
    layout()->activate();
}

void ConnectServerDialog::connectNow()
{
    accept();
}

void ConnectServerDialog::accept()
{
    if (isBusy() || !m_connect->isEnabled())
        return;
    const Result<PgConnInfo> entered = server();
    if (!entered) {
        showError(entered.errorMessage());
        return;
    }
    const QString typed = isPasswordRequested() ? m_password->text() : QString();
    m_flow->connectTo(*entered, typed, m_remember->isChecked());
}

void ConnectServerDialog::reject()
{
    // Escape and Cancel while connecting mean "stop trying", not "forget what I entered".
    if (isBusy()) {
        m_flow->cancel();
        return;
    }
    QDialog::reject();
}

void ConnectServerDialog::closeEvent(QCloseEvent *event)
{
    // The title bar's close button closes, connecting or not.
    m_flow->cancel();
    QDialog::closeEvent(event);
}

void ConnectServerDialog::requestPassword()
{
    m_passwordHint->hide();
    m_passwordRow->show();
    m_password->clear();
    m_password->setFocus();
    updateState();
}

} // namespace Keyward
