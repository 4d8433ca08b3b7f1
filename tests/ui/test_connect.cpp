// The real MainWindow connected to a real PostgreSQL vault (the ctest "pg" fixture): the
// Connect to Server dialog, refresh through NOTIFY, a dropped connection with its banner and
// reconnect, recent servers without secrets, and the keychain offered only where there is one.
#include "PgFixture.h"
#include "StoreDatabase.h"
#include "UiTestSupport.h"

#include "store/PostgresSetup.h"
#include "store/VaultFile.h"
#include "ui/ApiKeysPage.h"
#include "ui/ConnectServerDialog.h"
#include "ui/ConnectionBanner.h"
#include "ui/KeyActions.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageBox.h"
#include "ui/PasswordVault.h"
#include "ui/Settings.h"
#include "ui/VaultStatusPage.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace Keyward;
using Keyward::Testing::PgConnection;
using Keyward::Testing::PgVaultFixture;

namespace {

const QString kAlicePassword = QLatin1String(Keyward::Testing::kOwnerPassphrase);

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("No child %s", name);
    return found;
}

// Fills the details form with the test server, as a user would.
void fillDetails(ConnectServerDialog *dialog, const PgConnInfo &server)
{
    child<QRadioButton>(dialog, "serverDetailsRadio")->setChecked(true);
    child<QLineEdit>(dialog, "hostEdit")->setText(server.value(QStringLiteral("host")));
    child<QSpinBox>(dialog, "portSpin")->setValue(server.value(QStringLiteral("port")).toInt());
    child<QLineEdit>(dialog, "databaseEdit")->setText(server.value(QStringLiteral("dbname")));
    child<QLineEdit>(dialog, "userEdit")->setText(server.value(QStringLiteral("user")));
    auto *ssl = child<QComboBox>(dialog, "sslModeCombo");
    ssl->setCurrentIndex(ssl->findData(QStringLiteral("disable")));
}

QPushButton *connectButton(ConnectServerDialog *dialog)
{
    return child<QPushButton>(dialog, "connectButton");
}

// Presses Connect and waits for the outcome: the attempt runs in the background. A dialog that
// connected closes (and is deleted soon after).
void clickConnect(ConnectServerDialog *dialog)
{
    const QPointer<ConnectServerDialog> guard(dialog);
    QTest::mouseClick(connectButton(dialog), Qt::LeftButton);
    if (!QTest::qWaitFor([&guard] { return !guard || !guard->isBusy(); }, 15000))
        qWarning("The dialog is still connecting");
}

qint64 backendPid(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next() ? q.value(0).toLongLong()
                                                                         : 0;
}

// PostgreSQL refuses to shut the current database's door from inside it: ask from the
// maintenance database.
bool allowConnections(const Keyward::Testing::PgTestDatabase &pg, bool allow)
{
    Keyward::Testing::PgConnection maintenance(Keyward::Testing::pgServerConninfo());
    return maintenance.exec(
        QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS %2")
            .arg(pg.name(), allow ? QStringLiteral("true") : QStringLiteral("false")));
}

int rowOf(ApiKeysPage *page, const QString &name)
{
    const QAbstractItemModel *proxy = page->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, KeyTableModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

} // namespace

class TestConnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void connectsThroughTheDialog();
    void wrongPasswordKeepsTheDialogOpen();
    void badInputKeepsConnectDisabled_data();
    void badInputKeepsConnectDisabled();
    void unreachableServerSaysSo();
    void loginThatIsNoMemberIsRefused();
    void changeElsewhereArrivesWithinASecond();
    void usageFromAServiceArrivesByNotification();
    void droppedConnectionShowsBannerAndRecovers();
    void failedWriteSaysItWasNotSaved();
    void recentServersKeepNoPassword();
    void lockDisconnectsAndUnlockConnectsAgain();
    void startOffersTheLastServerInsteadOfFirstRun();
    void keychainOfferedOnlyWhenThereIsOne();
    void screenshots();

private:
    std::unique_ptr<MainWindow> makeWindow(PgVaultFixture &f);
    ConnectServerDialog *openDialog(MainWindow &window);
    // Through the dialog, as alice: details, Connect, the password when asked, Connect.
    bool connectAsAlice(MainWindow &window, PgVaultFixture &f);
    void capture(QWidget *widget, const QString &name);

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
    QString m_outDir;
};

void TestConnect::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiTest::isolateUserDirectories(m_home.path());
    // The password must come from the dialog here, not from the developer's own files.
    UiTest::isolatePostgresPasswords(m_home.path());
    m_outDir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR");
    if (!m_outDir.isEmpty())
        QVERIFY(QDir().mkpath(m_outDir));
    QApplication::setStyle(QStringLiteral("Fusion"));
}

void TestConnect::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
    MessageBox::clearNextAnswer();
}

void TestConnect::cleanup()
{
    m_settings.reset();
}

std::unique_ptr<MainWindow> TestConnect::makeWindow(PgVaultFixture &f)
{
    auto window = std::make_unique<MainWindow>(*m_settings, f.clock);
    window->show();
    window->session().setReconnectBackoff(100, 400);
    window->connectionBanner()->setReconnectedTimeoutMs(500);
    return window;
}

ConnectServerDialog *TestConnect::openDialog(MainWindow &window)
{
    window.connectServerAction()->trigger();
    ConnectServerDialog *dialog = window.connectDialog();
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

bool TestConnect::connectAsAlice(MainWindow &window, PgVaultFixture &f)
{
    ConnectServerDialog *dialog = openDialog(window);
    if (!dialog)
        return false;
    fillDetails(dialog, f.pg.conninfo(QStringLiteral("alice")));
    clickConnect(dialog);
    if (!dialog->isPasswordRequested()) {
        qWarning("No password asked for: %s", qPrintable(dialog->errorText()));
        return false;
    }
    child<QLineEdit>(dialog, "passwordEdit")->setText(kAlicePassword);
    clickConnect(dialog);
    if (!window.session().isUnlocked())
        qWarning("Not connected: %s", qPrintable(dialog->errorText()));
    return window.session().isUnlocked();
}

void TestConnect::connectsThroughTheDialog()
{
    PgVaultFixture f;
    QVERIFY(f.store->createKey(f.request(QStringLiteral("Made by another connection"))));
    auto window = makeWindow(f);

    ConnectServerDialog *dialog = openDialog(*window);
    QVERIFY(dialog);
    fillDetails(dialog, f.pg.conninfo(QStringLiteral("alice")));
    QVERIFY(connectButton(dialog)->isEnabled());
    clickConnect(dialog);
    // No password file, no keychain entry: the server asks, and so does the dialog.
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->isPasswordRequested());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("asks for a password")),
             qPrintable(dialog->errorText()));
    QVERIFY(!connectButton(dialog)->isEnabled()); // nothing typed yet
    child<QLineEdit>(dialog, "passwordEdit")->setText(kAlicePassword);
    clickConnect(dialog);

    QVERIFY(window->session().isUnlocked());
    QVERIFY(window->session().isRemote());
    QTRY_VERIFY(!window->connectDialog());
    QVERIFY(window->isShowingVault());
    // The login is the member: no passphrase dialog.
    QVERIFY(!window->loginDialog());
    QCOMPARE(window->session().member()->name, QStringLiteral("alice"));
    QVERIFY(rowOf(window->keysPage(), QStringLiteral("Made by another connection")) >= 0);
    const QString title = window->windowTitle();
    QVERIFY2(title.contains(f.pg.name() + QStringLiteral("@127.0.0.1")), qPrintable(title));
    QVERIFY2(title.contains(QStringLiteral("alice")) && title.contains(QStringLiteral("Owner")),
             qPrintable(title));
    // Everything else is as with a vault file: the Owner may generate.
    QVERIFY(window->keyActions()->generate()->isEnabled());
    QVERIFY(window->session().isConnected());
    QVERIFY(window->connectionBanner()->isHidden());
}

void TestConnect::wrongPasswordKeepsTheDialogOpen()
{
    PgVaultFixture f;
    auto window = makeWindow(f);
    ConnectServerDialog *dialog = openDialog(*window);
    QVERIFY(dialog);
    fillDetails(dialog, f.pg.conninfo(QStringLiteral("alice")));
    clickConnect(dialog);
    QVERIFY(dialog->isPasswordRequested());
    const QString wrong = QStringLiteral("not-the-password-7731");
    child<QLineEdit>(dialog, "passwordEdit")->setText(wrong);
    clickConnect(dialog);

    QVERIFY(dialog->isVisible());
    QCOMPARE(window->session().state(), VaultSession::State::Closed);
    const QString error = dialog->errorText();
    QVERIFY2(error.contains(QStringLiteral("did not accept the login")), qPrintable(error));
    QVERIFY(!error.contains(wrong));
    // Typed again from scratch, and the second try works.
    QVERIFY(child<QLineEdit>(dialog, "passwordEdit")->text().isEmpty());
    child<QLineEdit>(dialog, "passwordEdit")->setText(kAlicePassword);
    clickConnect(dialog);
    QVERIFY(window->session().isUnlocked());
}

void TestConnect::badInputKeepsConnectDisabled_data()
{
    QTest::addColumn<bool>("useString");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");
    QTest::newRow("no database") << false << QString() << QString();
    QTest::newRow("blank database") << false << QStringLiteral("   ") << QString();
    QTest::newRow("empty string") << true << QString() << QString();
    QTest::newRow("no equals sign") << true << QStringLiteral("host db") << QStringLiteral("host");
    QTest::newRow("unterminated quote") << true << QStringLiteral("dbname='keys") << QString();
    QTest::newRow("upper-case keyword") << true << QStringLiteral("Host=db") << QString();
}

void TestConnect::badInputKeepsConnectDisabled()
{
    QFETCH(bool, useString);
    QFETCH(QString, input);
    QFETCH(QString, error);
    VaultSession session(SystemClock::instance());
    PasswordVault keychain;
    ConnectServerDialog dialog(session, keychain);
    dialog.show();
    if (useString) {
        child<QRadioButton>(&dialog, "connectionStringRadio")->setChecked(true);
        child<QLineEdit>(&dialog, "connectionStringEdit")->setText(input);
    } else {
        child<QLineEdit>(&dialog, "hostEdit")->setText(QStringLiteral("db.example.com"));
        child<QLineEdit>(&dialog, "databaseEdit")->setText(input);
    }
    QVERIFY(!connectButton(&dialog)->isEnabled());
    QVERIFY(!dialog.server());
    // Return does nothing either.
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(session.state(), VaultSession::State::Closed);
    // A string that does not parse says why as it is typed.
    if (useString && !input.isEmpty())
        QVERIFY(!dialog.errorText().isEmpty());
    if (!error.isEmpty())
        QVERIFY2(dialog.errorText().contains(error), qPrintable(dialog.errorText()));
}

void TestConnect::unreachableServerSaysSo()
{
    VaultSession session(SystemClock::instance());
    PasswordVault keychain;
    ConnectServerDialog dialog(session, keychain);
    dialog.show();
    // Port 1 on the loopback: refused at once.
    dialog.setServer(*PgConnInfo::parse(
        QStringLiteral("host=127.0.0.1 port=1 dbname=keys user=alice sslmode=disable")));
    QCOMPARE(dialog.form(), ConnectServerDialog::Form::Details);
    QCOMPARE(child<QSpinBox>(&dialog, "portSpin")->value(), 1);
    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(connectButton(&dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isBusy()); // a keychain look-up may come first
    QVERIFY(timer.elapsed() < 15000);
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Cannot connect to keys@127.0.0.1:1")),
             qPrintable(dialog.errorText()));
    QVERIFY(!dialog.isPasswordRequested());
    QVERIFY(dialog.isVisible());
    QCOMPARE(session.state(), VaultSession::State::Closed);
    // Switching forms carries the server over, and back.
    child<QRadioButton>(&dialog, "connectionStringRadio")->setChecked(true);
    QCOMPARE(child<QLineEdit>(&dialog, "connectionStringEdit")->text(),
             QStringLiteral("host=127.0.0.1 port=1 dbname=keys user=alice sslmode=disable"));
    child<QLineEdit>(&dialog, "connectionStringEdit")
        ->setText(QStringLiteral("host=other port=6000 dbname=k2 user=bob sslmode=verify-full"));
    child<QRadioButton>(&dialog, "serverDetailsRadio")->setChecked(true);
    QCOMPARE(child<QLineEdit>(&dialog, "hostEdit")->text(), QStringLiteral("other"));
    QCOMPARE(child<QSpinBox>(&dialog, "portSpin")->value(), 6000);
    QCOMPARE(dialog.server()->value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
    // Something the details cannot show keeps the string form.
    dialog.setServer(*PgConnInfo::parse(QStringLiteral("service=prod")));
    QCOMPARE(dialog.form(), ConnectServerDialog::Form::ConnectionString);
}

void TestConnect::loginThatIsNoMemberIsRefused()
{
    PgVaultFixture f;
    // A login the server knows but the vault does not map to a member.
    const QString stranger = f.uniqueLogin(QStringLiteral("stranger"));
    QVERIFY(f.pg.admin().exec(
        QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'stranger-password'").arg(stranger)));
    // It even has a group's privileges, as a careless DBA might grant; it is still no member.
    QVERIFY(f.pg.admin().exec(
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(f.pg.name(), stranger)));
    QVERIFY(f.pg.admin().exec(
        QStringLiteral("GRANT %1_viewer TO %2").arg(f.pg.rolePrefix(), stranger)));
    auto window = makeWindow(f);
    ConnectServerDialog *dialog = openDialog(*window);
    QVERIFY(dialog);
    dialog->setForm(ConnectServerDialog::Form::ConnectionString);
    child<QLineEdit>(dialog, "connectionStringEdit")
        ->setText(f.pg.conninfo(stranger, QStringLiteral("stranger-password")).toString(true));
    clickConnect(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isPasswordRequested());
    QVERIFY2(dialog->errorText().contains(stranger), qPrintable(dialog->errorText()));
    QCOMPARE(window->session().state(), VaultSession::State::Closed);
    dialog->reject();
    f.pg.admin().exec(
        QStringLiteral("REVOKE CONNECT ON DATABASE %1 FROM %2").arg(f.pg.name(), stranger));
    f.pg.admin().exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(stranger));
}

void TestConnect::changeElsewhereArrivesWithinASecond()
{
    PgVaultFixture f;
    QVERIFY(f.store->createKey(f.request(QStringLiteral("First"))));
    auto window = makeWindow(f);
    // Only a notification can be this quick: the safety-net poll waits a minute.
    window->session().setChangePollIntervalMs(60'000);
    QVERIFY(connectAsAlice(*window, f));
    QCOMPARE(window->keysPage()->model()->rowCount(), 1);

    auto other = f.openSecond();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(other->createKey(f.request(QStringLiteral("Made elsewhere"))));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(window->keysPage(), QStringLiteral("Made elsewhere")) >= 0,
                             1000);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

// A service verifying with its own verifier login writes usage; the open window hears of it by
// NOTIFY keyward_usage (the poll waits a minute here) and updates that key's row.
void TestConnect::usageFromAServiceArrivesByNotification()
{
    PgVaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("Billing sync")));
    QVERIFY2(issued, qPrintable(issued.errorMessage()));
    const QString login =
        QStringLiteral("kwv_ui_%1").arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    auto added = PostgresSetup::addVerifierLogin(f.pg.admin().db(), login,
                                                 UiTest::secret(QStringLiteral("verifier pw")));
    QVERIFY2(added, qPrintable(added.errorMessage()));
    auto service =
        SqlKeyStore::connectPostgres(f.pg.conninfo(login, QStringLiteral("verifier pw")), f.clock);
    QVERIFY2(service, qPrintable(service.errorMessage()));

    auto window = makeWindow(f);
    window->session().setChangePollIntervalMs(60'000);
    QVERIFY(connectAsAlice(*window, f));
    ApiKeysPage *page = window->keysPage();
    const int row = page->model()->rowForId(issued->key.id);
    const QModelIndex lastUsed = page->model()->index(row, KeyTableModel::LastUsedColumn);
    QCOMPARE(lastUsed.data().toString(), QStringLiteral("Never"));

    UsageRecorderOptions options;
    options.flushIntervalMs = 3600 * 1000;
    Verifier verifier(**service, f.clock);
    UsageRecorder recorder(**service, f.clock, options);
    verifier.setRecorder(&recorder);
    auto verdict = verifier.verify(issued->token, Environment::Production, {},
                                   QStringLiteral("billing-service"));
    QVERIFY2(verdict, qPrintable(verdict.errorMessage()));
    QCOMPARE(verdict->outcome, VerifyOutcome::Valid);
    QVERIFY(recorder.flush());
    QTRY_COMPARE_WITH_TIMEOUT(lastUsed.data().toString(), QStringLiteral("just now"), 2000);
    QVERIFY(lastUsed.data(Qt::ToolTipRole).toString().contains(QLatin1String("billing-service")));
}

void TestConnect::droppedConnectionShowsBannerAndRecovers()
{
    PgVaultFixture f;
    QVERIFY(f.store->createKey(f.request(QStringLiteral("Survivor"))));
    auto window = makeWindow(f);
    QVERIFY(connectAsAlice(*window, f));
    ConnectionBanner *banner = window->connectionBanner();
    QVERIFY(banner->isHidden());
    const qint64 pid = backendPid(StoreDatabase::of(*window->session().store()));
    QVERIFY(pid != 0);

    // The server refuses new connections for a while, then kills the window's one.
    PgConnection &super = f.pg.admin();
    QVERIFY(allowConnections(f.pg, false));
    QVERIFY(super.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));

    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
    QVERIFY(!window->session().isConnected());
    QVERIFY2(banner->text().contains(QStringLiteral("Connection to %1@").arg(f.pg.name())),
             qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QStringLiteral("lost")), qPrintable(banner->text()));
    // Writes are off while disconnected; what is shown stays readable.
    QVERIFY(!window->keyActions()->generate()->isEnabled());
    QVERIFY2(window->keyActions()->generate()->toolTip().contains(QStringLiteral("Not connected")),
             qPrintable(window->keyActions()->generate()->toolTip()));
    QVERIFY(rowOf(window->keysPage(), QStringLiteral("Survivor")) >= 0);
    QVERIFY(window->isShowingVault());
    // Retries keep failing while the server refuses; the delay grows, but not past the cap.
    QTRY_VERIFY_WITH_TIMEOUT(window->session().retryDelayMs() == 400, 5000);
    QVERIFY(banner->state() == ConnectionBanner::State::Lost
            || banner->state() == ConnectionBanner::State::Reconnecting);
    auto *retryNow = child<QPushButton>(banner, "retryNowButton");
    QVERIFY(retryNow->isVisible());
    QTest::mouseClick(retryNow, Qt::LeftButton);
    QVERIFY(!window->session().isConnected());

    // The server is back: the next retry reconnects, reloads and says so, then the banner goes.
    QVERIFY(allowConnections(f.pg, true));
    QVERIFY(f.openSecond()->createKey(f.request(QStringLiteral("Made while away"))));
    QTRY_VERIFY_WITH_TIMEOUT(window->session().isConnected(), 10000);
    QVERIFY(banner->state() == ConnectionBanner::State::Reconnected
            || banner->state() == ConnectionBanner::State::Hidden);
    QVERIFY(rowOf(window->keysPage(), QStringLiteral("Made while away")) >= 0);
    QVERIFY(window->keyActions()->generate()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), 10000);
    QVERIFY(window->session().isUnlocked());
    QCOMPARE(window->session().member()->name, QStringLiteral("alice"));
}

void TestConnect::failedWriteSaysItWasNotSaved()
{
    PgVaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("Paused")));
    QVERIFY(issued);
    QVERIFY(f.store->setKeyActive(issued->key.id, issued->key.version, false));
    auto window = makeWindow(f);
    QVERIFY(connectAsAlice(*window, f));
    ApiKeysPage *page = window->keysPage();
    const int row = rowOf(page, QStringLiteral("Paused"));
    QVERIFY(row >= 0);
    page->table()->selectRow(row);
    QVERIFY(window->keyActions()->toggleActivates());

    // The server loses the window's connection in the middle of the change.
    SqlKeyStore *store = window->session().store();
    const qint64 pid = backendPid(StoreDatabase::of(*store));
    PgConnection &super = f.pg.admin();
    store->setBeforeCommitHook(
        [&super, pid] { super.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)); });
    MessageBox::setNextAnswer(QMessageBox::Ok); // acknowledges the failure notice
    window->keyActions()->toggleActive()->trigger();
    store->setBeforeCommitHook({});

    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Nothing was saved")),
             qPrintable(MessageBox::lastText()));
    ConnectionBanner *banner = window->connectionBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() || window->session().isConnected(), 5000);
    QCOMPARE(
        super.scalar(QStringLiteral("SELECT state FROM api_keys WHERE id = %1").arg(issued->key.id))
            .toInt(),
        int(KeyState::Inactive));
    // The session finds its feet again, and the same change then goes through once.
    QTRY_VERIFY_WITH_TIMEOUT(window->session().isConnected(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window->keyActions()->toggleActive()->isEnabled(), 5000);
    page->table()->selectRow(rowOf(page, QStringLiteral("Paused")));
    window->keyActions()->toggleActive()->trigger();
    QCOMPARE(
        super.scalar(QStringLiteral("SELECT state FROM api_keys WHERE id = %1").arg(issued->key.id))
            .toInt(),
        int(KeyState::Active));
    QVERIFY(f.store->verifyAudit()->intact);
}

void TestConnect::recentServersKeepNoPassword()
{
    PgVaultFixture f;
    auto window = makeWindow(f);
    QVERIFY(connectAsAlice(*window, f));
    m_settings->sync();

    const QStringList recent = m_settings->recentServers();
    QCOMPARE(recent.size(), 1);
    QVERIFY2(recent.first().contains(f.pg.name()), qPrintable(recent.first()));
    QVERIFY(!recent.first().contains(QStringLiteral("password")));
    QFile file(m_home.filePath(QStringLiteral("settings.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.contains(f.pg.name().toUtf8()));
    QVERIFY(!written.contains(kAlicePassword.toUtf8()));
    QVERIFY(!written.contains("password"));
    // Even a caller that passes one in does not get it stored.
    m_settings->addRecentServer(QStringLiteral("host=h dbname=d user=u password=hunter2-secret"));
    QVERIFY(
        !m_settings->recentServers().join(QLatin1Char('\n')).contains(QStringLiteral("hunter2")));
    m_settings->removeRecentServer(QStringLiteral("host=h dbname=d user=u"));

    // Open Recent lists the server next to vaults; choosing it connects again (the password is
    // asked again: it was kept nowhere).
    window->session().close();
    auto *menu = window->findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QAction *entry = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->objectName() == QLatin1String("recentServerAction"))
            entry = action;
    }
    QVERIFY(entry);
    QVERIFY2(entry->text().contains(f.pg.name()) && entry->text().contains(QStringLiteral("alice")),
             qPrintable(entry->text()));
    entry->trigger();
    QTRY_VERIFY(window->connectDialog() && window->connectDialog()->isVisible());
    ConnectServerDialog *dialog = window->connectDialog();
    QCOMPARE(child<QLineEdit>(dialog, "databaseEdit")->text(), f.pg.name());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isPasswordRequested(), 15000);
    child<QLineEdit>(dialog, "passwordEdit")->setText(kAlicePassword);
    clickConnect(dialog);
    QVERIFY(window->session().isUnlocked());
}

void TestConnect::lockDisconnectsAndUnlockConnectsAgain()
{
    PgVaultFixture f;
    auto window = makeWindow(f);
    QVERIFY(connectAsAlice(*window, f));
    const qint64 pid = backendPid(StoreDatabase::of(*window->session().store()));
    window->lock();
    QCOMPARE(window->session().state(), VaultSession::State::Locked);
    // Locked means disconnected: the server authenticates whoever unlocks.
    QVERIFY(!window->session().store());
    QTRY_COMPARE(
        f.pg.admin()
            .scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1").arg(pid))
            .toInt(),
        0);
    QVERIFY(!window->isShowingVault());
    QCOMPARE(window->keysPage()->model()->rowCount(), 0);
    QVERIFY(!window->loginDialog());

    Q_EMIT window->statusPage()->unlockRequested();
    ConnectServerDialog *dialog = window->connectDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(child<QLineEdit>(dialog, "databaseEdit")->text(), f.pg.name());
    clickConnect(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isPasswordRequested(), 15000);
    child<QLineEdit>(dialog, "passwordEdit")->setText(kAlicePassword);
    clickConnect(dialog);
    QVERIFY(window->session().isUnlocked());
    QVERIFY(window->isShowingVault());
}

void TestConnect::startOffersTheLastServerInsteadOfFirstRun()
{
    // No vault file, but a server used before: no "create your first vault".
    m_settings->addRecentServer(
        QStringLiteral("host=db.example.com port=5433 dbname=team user=carol sslmode=require"));
    MainWindow window(*m_settings, SystemClock::instance());
    window.show();
    window.start(VaultFile::defaultPath());
    QVERIFY(!window.welcomeDialog());
    ConnectServerDialog *dialog = window.connectDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->form(), ConnectServerDialog::Form::Details);
    QCOMPARE(child<QLineEdit>(dialog, "hostEdit")->text(), QStringLiteral("db.example.com"));
    QCOMPARE(child<QSpinBox>(dialog, "portSpin")->value(), 5433);
    QCOMPARE(child<QLineEdit>(dialog, "databaseEdit")->text(), QStringLiteral("team"));
    QCOMPARE(child<QLineEdit>(dialog, "userEdit")->text(), QStringLiteral("carol"));
    QCOMPARE(child<QComboBox>(dialog, "sslModeCombo")->currentData().toString(),
             QStringLiteral("require"));
    QCOMPARE(window.session().state(), VaultSession::State::Closed); // nothing tried yet
    dialog->reject();
}

void TestConnect::keychainOfferedOnlyWhenThereIsOne()
{
    PasswordVault keychain;
    VaultSession session(SystemClock::instance());
    ConnectServerDialog dialog(session, keychain);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(keychain.availability() != PasswordVault::Availability::Unknown,
                             30000);
    // Bring up the password row as the server would.
    dialog.setServer(*PgConnInfo::parse(
        QStringLiteral("host=127.0.0.1 port=1 dbname=keys user=alice sslmode=disable")));
    dialog.requestPassword();
    auto *remember = child<QCheckBox>(&dialog, "rememberPasswordCheck");
    auto *note = child<QLabel>(&dialog, "keychainNoteLabel");
    if (keychain.availability() == PasswordVault::Availability::Unavailable) {
        qInfo("No keychain here: %s", qPrintable(keychain.unavailableReason()));
        QVERIFY(remember->isHidden());
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(QStringLiteral("keychain")));
        QVERIFY(!remember->isChecked());
    } else {
        QVERIFY(!remember->isHidden());
        QVERIFY(note->isHidden());
        QVERIFY(!remember->isChecked()); // only when the user asks
    }
    // Entry names identify the server and never carry a password.
    const QString entry = PasswordVault::entryName(*PgConnInfo::parse(QStringLiteral(
        "host=db port=5432 dbname=keys user=alice password=s3cret sslmode=require")));
    QCOMPARE(entry, QStringLiteral("host=db port=5432 dbname=keys user=alice"));
}

void TestConnect::capture(QWidget *widget, const QString &name)
{
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QCoreApplication::processEvents();
    const QImage image = widget->grab().toImage();
    QVERIFY2(image.width() >= 200 && image.height() >= 100, qPrintable(name));
    if (!m_outDir.isEmpty())
        QVERIFY(image.save(QDir(m_outDir).filePath(name + QStringLiteral(".png"))));
}

void TestConnect::screenshots()
{
    {
        VaultSession session(SystemClock::instance());
        PasswordVault keychain;
        ConnectServerDialog dialog(session, keychain);
        dialog.setServer(*PgConnInfo::parse(QStringLiteral(
            "host=db.example.com port=5432 dbname=keyward user=alice sslmode=verify-full")));
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(keychain.availability() != PasswordVault::Availability::Unknown,
                                 30000);
        dialog.adjustSize();
        capture(&dialog, QStringLiteral("connect-server"));
    }

    PgVaultFixture f;
    for (const char *name : {"Billing service", "CI deploy", "Partner sync", "Telemetry ingest"})
        QVERIFY(f.store->createKey(f.request(QLatin1String(name))));
    auto window = makeWindow(f);
    window->resize(1440, 900);
    QVERIFY(connectAsAlice(*window, f));
    window->session().setReconnectBackoff(4000, 30000);
    QVERIFY(allowConnections(f.pg, false));
    QVERIFY(f.pg.admin().exec(QStringLiteral("SELECT pg_terminate_backend(%1)")
                                  .arg(backendPid(StoreDatabase::of(*window->session().store())))));
    QTRY_VERIFY_WITH_TIMEOUT(window->connectionBanner()->isVisible(), 5000);
    capture(window.get(), QStringLiteral("connection-lost"));
    QVERIFY(allowConnections(f.pg, true));
    window->close();
}

QTEST_MAIN(TestConnect)
#include "test_connect.moc"
