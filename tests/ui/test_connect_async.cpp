// Connecting to a server never blocks the GUI thread: the Connect to Server dialog and the
// reconnect after a dropped connection try the server on a worker thread (ServerProbe) first.
// A server that accepts TCP connections and never answers (a relay on a thread of its own, in
// silent mode) makes libpq wait for its connect_timeout without any network; a timer on the GUI
// thread must keep firing meanwhile. The PostgreSQL cases use the ctest "pg" fixture.
#include "PgFixture.h"
#include "UiTestSupport.h"

#include "ui/ConnectServerDialog.h"
#include "ui/ConnectionBanner.h"
#include "ui/MainWindow.h"
#include "ui/PasswordVault.h"
#include "ui/ServerProbe.h"
#include "ui/Settings.h"
#include "ui/VaultSession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>

using namespace Keyward;
using Keyward::Testing::PgVaultFixture;

namespace {

const QString kAlicePassword = QLatin1String(Keyward::Testing::kOwnerPassphrase);
constexpr int kTickMs = 50;
// libpq's smallest effective connect_timeout.
constexpr int kConnectTimeoutSeconds = 2;

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("No child %s", name);
    return found;
}

// A TCP relay in front of a server, on a thread of its own so that it keeps relaying whatever
// the GUI thread does. Silent, it accepts connections and never answers: a server that hangs,
// which makes libpq wait for its connect_timeout, reproducibly and without any network.
class TcpRelay
{
public:
    explicit TcpRelay(const QString &targetHost = QString(), quint16 targetPort = 0)
        : m_targetHost(targetHost)
        , m_targetPort(targetPort)
        , m_silent(targetPort == 0)
    {
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        // Deferred deletions still run once the thread's event loop has stopped.
        QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
        m_thread.start();
        runInThread([this] {
            m_server = new QTcpServer(m_context);
            QObject::connect(m_server, &QTcpServer::newConnection, m_server,
                             [this] { acceptPending(); });
            if (m_server->listen(QHostAddress::LocalHost))
                m_port = m_server->serverPort();
        });
    }
    ~TcpRelay()
    {
        m_thread.quit();
        m_thread.wait();
    }
    TcpRelay(const TcpRelay &) = delete;
    TcpRelay &operator=(const TcpRelay &) = delete;

    quint16 port() const { return m_port; }
    // For connections that arrive from now on.
    void setSilent(bool silent) { m_silent = silent; }
    // Ends every connection now, as a failing route or a server restart would.
    void dropAll()
    {
        runInThread([this] {
            const auto sockets = m_server->findChildren<QTcpSocket *>();
            for (QTcpSocket *socket : sockets)
                socket->abort();
        });
    }
    int connectionsSeen() const { return m_seen; }

private:
    void runInThread(const std::function<void()> &work)
    {
        QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
    }

    void acceptPending()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            ++m_seen;
            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            if (m_silent)
                continue; // holds it open, reads nothing, answers nothing
            auto *upstream = new QTcpSocket(client);
            upstream->connectToHost(m_targetHost, m_targetPort);
            if (!upstream->waitForConnected(5000)) {
                client->abort();
                continue;
            }
            // dropAll() may abort one side while the other still has data queued for it.
            const auto pass = [](QTcpSocket *from, QTcpSocket *to) {
                if (from->isOpen() && to->isOpen())
                    to->write(from->readAll());
            };
            QObject::connect(client, &QTcpSocket::readyRead, upstream,
                             [pass, client, upstream] { pass(client, upstream); });
            QObject::connect(upstream, &QTcpSocket::readyRead, client,
                             [pass, client, upstream] { pass(upstream, client); });
            QObject::connect(upstream, &QTcpSocket::disconnected, client, [pass, client, upstream] {
                pass(upstream, client);
                client->disconnectFromHost();
            });
            if (client->bytesAvailable() > 0)
                upstream->write(client->readAll());
        }
    }

    const QString m_targetHost;
    const quint16 m_targetPort;
    std::atomic<bool> m_silent;
    std::atomic<int> m_seen {0};
    quint16 m_port = 0;
    QThread m_thread;
    QObject *m_context = nullptr;
    QTcpServer *m_server = nullptr; // lives in m_thread
};

// Counts the GUI thread's timer ticks: a blocked event loop has none to count.
class TickCounter
{
public:
    TickCounter()
    {
        m_timer.setInterval(kTickMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { ++m_ticks; });
        m_timer.start();
        m_clock.start();
    }
    // Ticks and time since the last restart.
    int ticks() const { return m_ticks; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    void restart()
    {
        m_ticks = 0;
        m_clock.restart();
    }
    // At least half the ticks that fit in the time: generous for a loaded machine, far above
    // what a thread stuck in libpq for the connect timeout could manage.
    bool keptUp() const
    {
        return m_clock.elapsed() >= 500 && m_ticks >= m_clock.elapsed() / kTickMs / 2;
    }
    QString report() const
    {
        return QStringLiteral("%1 ticks in %2 ms").arg(m_ticks).arg(m_clock.elapsed());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_ticks = 0;
};

// The silent server as the dialog would be given it.
PgConnInfo silentServer(const TcpRelay &relay)
{
    return *PgConnInfo::parse(QStringLiteral("host=127.0.0.1 port=%1 dbname=keys user=alice "
                                             "sslmode=disable connect_timeout=%2")
                                  .arg(relay.port())
                                  .arg(kConnectTimeoutSeconds));
}

QString busyText(ConnectServerDialog *dialog)
{
    auto *label = child<QLabel>(dialog, "busyLabel");
    return label && label->isVisible() ? label->text() : QString();
}

bool noProbeConnectionsLeft()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("keyward-probe-")))
            return false;
    }
    return true;
}

} // namespace

class TestConnectAsync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void dialogStaysResponsiveWhileServerIsSilent();
    void cancelAbandonsTheAttempt();
    void closingWhileConnectingDropsTheAttempt();
    void windowStaysUsableWhileConnecting();
    void probeReportsWhatTheStoreWould();
    void connectsInTheBackground();
    void reconnectWaitsOffTheGuiThread();
    // Last: leaves an attempt running for the application's shutdown to wait for.
    void quitWhileConnecting();

private:
    QTemporaryDir m_home;
};

void TestConnectAsync::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiTest::isolateUserDirectories(m_home.path());
    // The password must come from the test, not from the developer's own files.
    UiTest::isolatePostgresPasswords(m_home.path());
}

void TestConnectAsync::cleanup()
{
    if (QTest::currentTestFunction() == QByteArrayLiteral("quitWhileConnecting"))
        return;
    // Abandoned attempts end by their connect timeout; none may outlive its test.
    QVERIFY(ServerProbe::waitForWorkers(15000));
    QCoreApplication::processEvents();
    QVERIFY(noProbeConnectionsLeft());
}

void TestConnectAsync::dialogStaysResponsiveWhileServerIsSilent()
{
    TcpRelay silent;
    QVERIFY(silent.port() != 0);
    VaultSession session(SystemClock::instance());
    PasswordVault keychain;
    ConnectServerDialog dialog(session, keychain);
    dialog.setServer(silentServer(silent));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    TickCounter ticks;
    QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
    // A keychain look-up may come first; then the attempt, shown as such.
    QTRY_VERIFY(busyText(&dialog).startsWith(QStringLiteral("Connecting to keys@127.0.0.1:")));
    QVERIFY(session.isConnecting());
    QVERIFY(dialog.isBusy());
    QVERIFY(child<QProgressBar>(&dialog, "busyBar")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "connectButton")->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, "cancelButton")->isEnabled());

    // The relay has the connection and answers nothing; the GUI thread goes on meanwhile.
    QTRY_VERIFY(silent.connectionsSeen() >= 1);
    ticks.restart();
    QTest::qWait(1000);
    QVERIFY2(ticks.keptUp(), qPrintable(ticks.report()));
    QVERIFY2(ticks.elapsedMs() < 1500, qPrintable(ticks.report()));
    QVERIFY(dialog.isBusy());
    // It can be moved and painted while it waits.
    const QPoint moved = dialog.pos() + QPoint(40, 30);
    dialog.move(moved);
    QCOMPARE(dialog.pos(), moved);
    const QImage busy = dialog.grab().toImage();
    QVERIFY(!busy.isNull());
    // A picture to look at: KEYWARD_SCREENSHOT_DIR=docs/screenshots keeps it.
    if (const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(busy.save(QDir(dir).filePath(QStringLiteral("connect-server-busy.png"))));

    // The attempt ends by the connect timeout, with the error the store would give.
    ticks.restart();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 15000);
    QVERIFY2(ticks.keptUp(), qPrintable(ticks.report()));
    QVERIFY2(dialog.errorText().startsWith(
                 QStringLiteral("Cannot connect to keys@127.0.0.1:%1").arg(silent.port())),
             qPrintable(dialog.errorText()));
    QVERIFY(!dialog.isPasswordRequested());
    QVERIFY(dialog.isVisible());
    QVERIFY(!session.isConnecting());
    QCOMPARE(session.state(), VaultSession::State::Closed);
    QVERIFY(child<QPushButton>(&dialog, "connectButton")->isEnabled());
}

void TestConnectAsync::cancelAbandonsTheAttempt()
{
    TcpRelay silent;
    VaultSession session(SystemClock::instance());
    PasswordVault keychain;
    ConnectServerDialog dialog(session, keychain);
    dialog.setServer(silentServer(silent));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *connect = child<QPushButton>(&dialog, "connectButton");
    auto *cancel = child<QPushButton>(&dialog, "cancelButton");

    QTest::mouseClick(connect, Qt::LeftButton);
    QTRY_VERIFY(session.isConnecting());
    QVERIFY(dialog.isBusy());
    QTest::mouseClick(cancel, Qt::LeftButton);
    // Back to the dialog as it was: open, idle, nothing to complain about.
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.isBusy());
    QVERIFY(!session.isConnecting());
    QVERIFY(dialog.errorText().isEmpty());
    QVERIFY(busyText(&dialog).isEmpty());
    QVERIFY(connect->isEnabled());

    // The abandoned worker ends on its own; its outcome changes nothing.
    QVERIFY(ServerProbe::waitForWorkers(15000));
    QTest::qWait(100);
    QVERIFY(dialog.errorText().isEmpty());
    QVERIFY(!dialog.isBusy());
    QCOMPARE(session.state(), VaultSession::State::Closed);

    // Escape stops an attempt the same way; pressed again, it closes the dialog.
    QTest::mouseClick(connect, Qt::LeftButton);
    QTRY_VERIFY(session.isConnecting());
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isBusy());
    QVERIFY(dialog.isVisible());
    QVERIFY(!session.isConnecting());
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
}

void TestConnectAsync::closingWhileConnectingDropsTheAttempt()
{
    TcpRelay silent;
    VaultSession session(SystemClock::instance());
    PasswordVault keychain;
    {
        ConnectServerDialog dialog(session, keychain);
        dialog.setServer(silentServer(silent));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
        QTRY_VERIFY(session.isConnecting());
        // The title bar's close button closes, even while connecting.
        QVERIFY(dialog.close());
        QVERIFY(!dialog.isVisible());
        QVERIFY(!session.isConnecting());
    }
    // A dialog destroyed mid-attempt: the answer finds nobody and changes nothing.
    auto *dialog = new ConnectServerDialog(session, keychain);
    QPointer<ConnectServerDialog> guard(dialog);
    dialog->setServer(silentServer(silent));
    dialog->show();
    QTest::mouseClick(child<QPushButton>(dialog, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY(session.isConnecting());
    delete dialog;
    QVERIFY(ServerProbe::waitForWorkers(15000));
    QTest::qWait(100);
    QVERIFY(!guard);
    QVERIFY(!session.isConnecting());
    QCOMPARE(session.state(), VaultSession::State::Closed);
    // And a session destroyed mid-attempt leaves nothing behind either.
    bool called = false;
    QObject context;
    {
        VaultSession shortLived(SystemClock::instance());
        shortLived.connectServerInBackground(silentServer(silent), &context,
                                             [&called](const Result<Member> &) { called = true; });
        QVERIFY(shortLived.isConnecting());
    }
    QVERIFY(ServerProbe::waitForWorkers(15000));
    QTest::qWait(100);
    QVERIFY(!called);
}

void TestConnectAsync::windowStaysUsableWhileConnecting()
{
    TcpRelay silent;
    Settings settings(m_home.filePath(QStringLiteral("window.ini")));
    auto window = std::make_unique<MainWindow>(settings, SystemClock::instance());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    // Open Recent's path: prefilled, and connecting at once.
    window->connectToServer(silentServer(silent), true);
    QTRY_VERIFY(window->connectDialog() && window->connectDialog()->isBusy()
                && window->session().isConnecting());
    TickCounter ticks;
    QTest::qWait(800);
    QVERIFY2(ticks.keptUp(), qPrintable(ticks.report()));
    QVERIFY(window->connectDialog()->isBusy());
    // The window behind it repaints and resizes.
    window->resize(window->size() + QSize(20, 10));
    QVERIFY(!window->grab().isNull());
    // Closing the window mid-attempt is safe: nothing is left to receive the answer.
    window->close();
    window.reset();
    QVERIFY(ServerProbe::waitForWorkers(15000));
    QTest::qWait(100);
}

void TestConnectAsync::probeReportsWhatTheStoreWould()
{
    PgVaultFixture f;
    struct Case
    {
        const char *name;
        PgConnInfo server;
        bool ok;
        ErrorCode code;
        QString says;
    };
    PgConnInfo noDatabase = f.pg.conninfo(QStringLiteral("alice"), kAlicePassword);
    noDatabase.setValue(QStringLiteral("dbname"), QStringLiteral("kwt_no_such_database"));
    PgConnInfo refused = f.pg.conninfo();
    refused.setValue(QStringLiteral("port"), QStringLiteral("1"));
    const QList<Case> cases = {
        {"no password anywhere", f.pg.conninfo(QStringLiteral("alice")), false,
         ErrorCode::AuthenticationFailed, QStringLiteral("asks for a password")},
        {"wrong password", f.pg.conninfo(QStringLiteral("alice"), QStringLiteral("wrong-7731")),
         false, ErrorCode::AuthenticationFailed, QStringLiteral("did not accept the login")},
        {"no such database", noDatabase, false, ErrorCode::NotAVault,
         QStringLiteral("has no such database")},
        {"nobody listening", refused, false, ErrorCode::ConnectionLost,
         QStringLiteral("Cannot connect to")},
        {"right password", f.pg.conninfo(QStringLiteral("alice"), kAlicePassword), true,
         ErrorCode::StorageError, QString()},
    };
    for (const Case &c : cases) {
        ServerProbe probe;
        QSignalSpy finished(&probe, &ServerProbe::finished);
        QVERIFY(finished.isValid());
        probe.start(c.server);
        QVERIFY(probe.isRunning());
        QVERIFY2(finished.wait(15000), c.name);
        QVERIFY(!probe.isRunning());
        const auto result = finished.constFirst().constFirst().value<Result<void>>();
        QVERIFY2(result.isOk() == c.ok,
                 qPrintable(QLatin1String(c.name) + QLatin1String(": ") + result.errorMessage()));
        if (!c.ok) {
            QVERIFY2(result.code() == c.code, c.name);
            QVERIFY2(result.errorMessage().contains(c.says), qPrintable(result.errorMessage()));
            QVERIFY(!result.errorMessage().contains(kAlicePassword));
        }
    }
    // The throwaway connections were removed in their own threads.
    QVERIFY(ServerProbe::waitForWorkers(15000));
    QVERIFY(noProbeConnectionsLeft());
    // The default timeout is added only where the conninfo has none.
    QCOMPARE(ServerProbe::withConnectTimeout(PgConnInfo()).value(QStringLiteral("connect_timeout")),
             QStringLiteral("5"));
    QCOMPARE(
        ServerProbe::withConnectTimeout(*PgConnInfo::parse(QStringLiteral("connect_timeout=9")))
            .value(QStringLiteral("connect_timeout")),
        QStringLiteral("9"));
}

void TestConnectAsync::connectsInTheBackground()
{
    PgVaultFixture f;
    QVERIFY(f.store->createKey(f.request(QStringLiteral("Seen from the window"))));
    VaultSession session(f.clock);
    PasswordVault keychain;
    ConnectServerDialog dialog(session, keychain);
    PgConnInfo server = f.pg.conninfo(QStringLiteral("alice"));
    server.setValue(QStringLiteral("sslmode"), QStringLiteral("disable"));
    dialog.setServer(server);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // The probe finds that the server wants a password: the dialog asks for it, as before.
    QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPasswordRequested(), 15000);
    QVERIFY2(dialog.errorText().contains(QStringLiteral("asks for a password")),
             qPrintable(dialog.errorText()));
    QCOMPARE(session.state(), VaultSession::State::Closed);
    child<QLineEdit>(&dialog, "passwordEdit")->setText(kAlicePassword);
    QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(session.isUnlocked(), 15000);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(session.member()->name, QStringLiteral("alice"));
    QVERIFY(session.store()->listKeys()->size() == 1);
    // The session keeps no password of its own; the store's connection has it.
    QVERIFY(!session.serverInfo().contains(QStringLiteral("password")));
    QVERIFY(!session.isConnecting());
}

void TestConnectAsync::reconnectWaitsOffTheGuiThread()
{
    PgVaultFixture f;
    auto survivor = f.store->createKey(f.request(QStringLiteral("Survivor")));
    QVERIFY(survivor);
    const PgConnInfo direct = f.pg.conninfo(QStringLiteral("alice"), kAlicePassword);
    TcpRelay relay(direct.value(QStringLiteral("host")),
                   quint16(direct.value(QStringLiteral("port")).toUInt()));
    QVERIFY(relay.port() != 0);
    PgConnInfo server = direct;
    server.setValue(QStringLiteral("port"), QString::number(relay.port()));
    server.setValue(QStringLiteral("sslmode"), QStringLiteral("disable"));
    server.setValue(QStringLiteral("connect_timeout"), QString::number(kConnectTimeoutSeconds));

    VaultSession session(f.clock);
    session.setReconnectBackoff(100, 400);
    std::optional<Result<Member>> connected;
    QObject context;
    session.connectServerInBackground(server, &context,
                                      [&connected](const Result<Member> &r) { connected = r; });
    QTRY_VERIFY_WITH_TIMEOUT(connected.has_value(), 15000);
    QVERIFY2(connected->isOk(), qPrintable(connected->errorMessage()));
    QVERIFY(session.isUnlocked());

    QSignalSpy lost(&session, &VaultSession::connectionLost);
    QSignalSpy reconnecting(&session, &VaultSession::reconnecting);
    QSignalSpy failed(&session, &VaultSession::reconnectFailed);
    QSignalSpy restored(&session, &VaultSession::connectionRestored);
    QSignalSpy refused(&session, &VaultSession::reconnectRefused);

    // The route to the server fails: every connection ends, and new ones hang.
    relay.setSilent(true);
    relay.dropAll();
    QTRY_VERIFY_WITH_TIMEOUT(lost.count() == 1, 5000);
    QVERIFY(!session.isConnected());
    QTRY_VERIFY_WITH_TIMEOUT(reconnecting.count() >= 1, 5000);
    QVERIFY(session.isReconnecting());
    // While libpq waits for the silent server, the GUI thread goes on.
    TickCounter ticks;
    QVERIFY(failed.wait(15000));
    QVERIFY2(ticks.elapsedMs() >= (kConnectTimeoutSeconds - 1) * 1000, qPrintable(ticks.report()));
    QVERIFY2(ticks.keptUp(), qPrintable(ticks.report()));
    QVERIFY2(
        failed.constFirst().constFirst().toString().startsWith(QStringLiteral("Cannot connect to")),
        qPrintable(failed.constFirst().constFirst().toString()));
    QVERIFY(session.isUnlocked());
    QVERIFY(!session.isConnected());
    // "Retry now" during an attempt does not start a second one.
    QTRY_VERIFY_WITH_TIMEOUT(session.isReconnecting(), 5000);
    const int attempts = reconnecting.count();
    session.reconnectNow();
    QCOMPARE(reconnecting.count(), attempts);

    // The route is back: the next retry gets through and the session carries on.
    relay.setSilent(false);
    QTRY_VERIFY_WITH_TIMEOUT(restored.count() == 1, 20000);
    QVERIFY(session.isConnected());
    QVERIFY(session.isUnlocked());
    QCOMPARE(refused.count(), 0);
    QCOMPARE(session.member()->name, QStringLiteral("alice"));
    QCOMPARE(session.store()->key(survivor->key.id)->name, QStringLiteral("Survivor"));
    QVERIFY(session.store()->createKey(f.request(QStringLiteral("Made by the window"))));
    // Its listening connection is back too: a change made elsewhere arrives.
    QSignalSpy changed(&session, &VaultSession::vaultChanged);
    QVERIFY(f.store->createKey(f.request(QStringLiteral("Made after the outage"))));
    QVERIFY(changed.wait(5000));
}

void TestConnectAsync::quitWhileConnecting()
{
    // Still hanging when the application object goes: its destruction has to wait for the
    // worker (at most the connect timeout) rather than pull Qt SQL away under it. Leaked on
    // purpose, so that it outlives the application.
    auto *silent = new TcpRelay;
    auto *session = new VaultSession(SystemClock::instance(), qApp);
    session->connectServerInBackground(silentServer(*silent), qApp, [](const Result<Member> &) {});
    QTRY_VERIFY(silent->connectionsSeen() >= 1);
    QVERIFY(session->isConnecting());
}

QTEST_MAIN(TestConnectAsync)
#include "test_connect_async.moc"
