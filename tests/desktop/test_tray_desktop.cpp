// The tray and its notices on a real desktop: Xvfb with openbox (the desktop fixture), trayer as
// the system tray (XEmbed) and dunst as the desktop's notification service on a D-Bus session
// of this test's own (ctest runs it under dbus-run-session). The icon sits in the tray, an
// expiry notice reaches dunst over org.freedesktop.Notifications, invoking it (`dunstctl
// action`) opens the key after the sign-in, and closing the window leaves Keyward in the tray
// with the vault closed.
#include "FixtureDesktop.h"
#include "UiTestSupport.h"

#include "core/Translations.h"
#include "ui/ApiKeysPage.h"
#include "ui/DesktopNotifier.h"
#include "ui/ExpiryWatcher.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/Settings.h"
#include "ui/TrayIcon.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

// dunstctl's output; ok: whether it ran and succeeded.
QByteArray dunstctl(const QStringList &arguments, bool *ok = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("dunstctl"), arguments);
    const bool ran = process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
    if (ok)
        *ok = ran;
    return ran ? process.readAllStandardOutput().trimmed() : QByteArray();
}

// With KEYWARD_SCREENSHOT_DIR (scripts/screenshots.sh): the screen's top right corner, where
// the tray and dunst's notices are.
void captureCorner(const QString &name)
{
    const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(500); // dunst draws after it reports the notice displayed
    const QPixmap screen = QGuiApplication::primaryScreen()->grabWindow(0);
    const QRect corner(screen.width() - 720, 0, 720, 200);
    QVERIFY(screen.copy(corner).save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

int displayedNotices()
{
    bool ok = false;
    const int count = dunstctl({QStringLiteral("count"), QStringLiteral("displayed")}).toInt(&ok);
    return ok ? count : -1;
}

} // namespace

class TestTrayDesktop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void iconSitsInTheTray();
    void noticeReachesTheServiceAndOpensTheKey();
    void closingTheWindowLeavesKeywardInTheTray();

private:
    void startHelper(QProcess &process, const QString &program, const QStringList &arguments);

    QTemporaryDir m_home;
    QProcess m_trayer;
    QProcess m_dunst;
    std::unique_ptr<Settings> m_settings;
};

void TestTrayDesktop::startHelper(QProcess &process, const QString &program,
                                  const QStringList &arguments)
{
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, arguments);
    QVERIFY2(process.waitForStarted(10000), qPrintable(program + QStringLiteral(" did not start")));
}

void TestTrayDesktop::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
    Translations::install(*qApp, QStringLiteral("en"));
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "Run through ctest: it starts this test under dbus-run-session.");
    startHelper(m_trayer, QStringLiteral("trayer"),
                {QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"),
                 QStringLiteral("right"), QStringLiteral("--widthtype"), QStringLiteral("request"),
                 QStringLiteral("--height"), QStringLiteral("28")});
    QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 10000);
    startHelper(m_dunst, QStringLiteral("dunst"), {});
    QTRY_VERIFY_WITH_TIMEOUT(QDBusConnection::sessionBus().interface()->isServiceRegistered(
                                 QStringLiteral("org.freedesktop.Notifications")),
                             10000);
}

void TestTrayDesktop::cleanupTestCase()
{
    for (QProcess *process : {&m_dunst, &m_trayer}) {
        process->terminate();
        if (!process->waitForFinished(5000))
            process->kill();
    }
}

void TestTrayDesktop::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
    dunstctl({QStringLiteral("close-all")});
}

void TestTrayDesktop::cleanup()
{
    m_settings.reset();
}

void TestTrayDesktop::iconSitsInTheTray()
{
    Vault vault;
    MainWindow window(*m_settings, vault.clock());
    TrayIcon tray(*m_settings, vault.clock(), window);
    QVERIFY(tray.isActive());
    QVERIFY(!QApplication::quitOnLastWindowClosed());
    QVERIFY(tray.icon()->isVisible());
    // Embedded by the tray: it has a place on the screen.
    QTRY_VERIFY_WITH_TIMEOUT(!tray.icon()->geometry().isEmpty(), 10000);
    QVERIFY(tray.icon()->contextMenu());
    QCOMPARE(tray.icon()->contextMenu()->actions().size(), 4); // Open, Check, separator, Quit
}

void TestTrayDesktop::noticeReachesTheServiceAndOpensTheKey()
{
    Vault vault;
    vault.createKey(QStringLiteral("Other"), Environment::Production, Role::Developer, {},
                    200 * kDayMs);
    const ApiKey soon = vault.createKey(QStringLiteral("Payments webhook"), Environment::Production,
                                        Role::Developer, {}, kDayMs / 2);
    vault.closeStore();
    m_settings->addRecentVault(vault.path());
    MainWindow window(*m_settings, vault.clock());
    TrayIcon tray(*m_settings, vault.clock(), window);
    QSignalSpy checked(tray.watcher(), &ExpiryWatcher::checked);
    tray.watcher()->checkNow();
    QVERIFY(checked.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(displayedNotices(), 1, 10000);
    QVERIFY(!window.isVisible());
    captureCorner(QStringLiteral("tray-notice"));

    // The user invokes the notice's default action ("Open Key"). Each step is checked on its
    // own, so a failure says whether the action never came back or the window did not show.
    QSignalSpy opened(tray.watcher(), &ExpiryWatcher::openKeyRequested);
    bool invoked = false;
    dunstctl({QStringLiteral("action"), QStringLiteral("0")}, &invoked);
    QVERIFY(invoked);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    QCOMPARE(opened.at(0).at(1).toLongLong(), soon.id);
    QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 10000);
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(window.session().isUnlocked());
    QCOMPARE(window.keysPage()->selectedKey()->id, soon.id);

    // What dunst received: the key's name and the vault, nothing of the secret.
    dunstctl({QStringLiteral("close-all")});
    const QJsonDocument history = QJsonDocument::fromJson(dunstctl({QStringLiteral("history")}));
    const QJsonArray notices =
        history.object().value(QStringLiteral("data")).toArray().at(0).toArray();
    QVERIFY2(!notices.isEmpty(), history.toJson().constData());
    const QJsonObject notice = notices.at(0).toObject();
    const QString summary =
        notice.value(QStringLiteral("summary")).toObject().value(QStringLiteral("data")).toString();
    const QString body =
        notice.value(QStringLiteral("body")).toObject().value(QStringLiteral("data")).toString();
    QVERIFY2(summary.contains(QStringLiteral("\"Payments webhook\" (Production) expires in 1 day")),
             qPrintable(summary));
    QVERIFY2(body.contains(QStringLiteral("vault.keyward")), qPrintable(body));
    QVERIFY(!summary.contains(soon.hint()) && !body.contains(soon.hint()));
}

void TestTrayDesktop::closingTheWindowLeavesKeywardInTheTray()
{
    Vault vault;
    vault.createKey(QStringLiteral("Kept"));
    vault.closeStore();
    MainWindow window(*m_settings, vault.clock());
    TrayIcon tray(*m_settings, vault.clock(), window);
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    window.show();
    window.start(vault.path());
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
    // Told once that Keyward is still there.
    QTRY_COMPARE_WITH_TIMEOUT(displayedNotices(), 1, 10000);
    QVERIFY(m_settings->trayHintShown());
    QCOMPARE(window.session().state(), VaultSession::State::Closed); // nothing unlocked in memory
    QCOMPARE(quit.size(), 0);
    QVERIFY(tray.icon()->isVisible());

    // "Open Keyward" brings the window back on the vault used last, asking for the passphrase.
    tray.openAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 10000);
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QCOMPARE(window.session().path(), vault.path());
    // The second close says nothing.
    dunstctl({QStringLiteral("close-all")});
    QVERIFY(window.close());
    QTest::qWait(500);
    QCOMPARE(displayedNotices(), 0);
    tray.openAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 10000);
    // "Quit Keyward" ends the application.
    tray.quitAction()->trigger();
    QCOMPARE(quit.size(), 1);
}

int main(int argc, char **argv)
{
    if (!Keyward::Testing::useFixtureDesktop())
        return 1;
    QApplication app(argc, argv);
    TestTrayDesktop test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_tray_desktop.moc"
