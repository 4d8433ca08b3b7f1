// The tray's expiry alerts over real vault files: a locked vault still warns (no passphrase),
// each alert once (remembered outside the vault, across restarts), many at once become one
// notice, a vault that is not this user's (another fingerprint) or is damaged warns of nothing,
// and a click opens the key in the window after the sign-in. Notices go to an injected
// notifier; test_desktop_notifier speaks to a real notification service over D-Bus.
#include "PgFixture.h"
#include "UiTestSupport.h"

#include "core/Translations.h"
#include "ui/ApiKeysPage.h"
#include "ui/AutostartEntry.h"
#include "ui/ExpiryWatcher.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/Notifier.h"
#include "ui/PasswordVault.h"
#include "ui/PreferencesDialog.h"
#include "ui/Settings.h"
#include "ui/TrayIcon.h"

#include <QCheckBox>
#include <QFile>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Keyward;
using namespace Keyward::UiTest;
using Keyward::Testing::PgVaultFixture;

namespace {

// Keeps the notices it is given; click() is the user clicking one.
class RecordingNotifier : public Notifier
{
public:
    void notify(const Notice &notice) override { notices.append(notice); }
    void click(const Notice &notice) { Q_EMIT activated(notice.id); }
    QVector<Notice> notices;
};

QString allText(const QVector<Notice> &notices)
{
    QString text;
    for (const Notice &notice : notices)
        text += notice.title + QLatin1Char('\n') + notice.body + QLatin1Char('\n');
    return text;
}

} // namespace

class TestTray : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void lockedVaultWarnsOncePerThreshold();
    void shownAlertsOutliveARestart();
    void manyAlertsBecomeOneNotice();
    void anotherVaultsFingerprintWarnsOfNothing();
    void damagedVaultIsSkipped();
    void clickOpensTheKeyAfterSignIn();
    void serverVaultWarnsAndOpensTheKey();
    void serverPasswordFromTheKeychain();
    void clickOnAnOpenVaultSelectsAtOnce();
    void preferencesSwitchTrayAndAutostart();
    void autostartExecLineIsQuoted();
    void noTrayMeansQuitOnClose();

private:
    bool check(ExpiryWatcher &watcher);

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
};

void TestTray::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
    isolatePostgresPasswords(m_home.path());
    Translations::install(*qApp, QStringLiteral("en"));
}

void TestTray::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
}

void TestTray::cleanup()
{
    m_settings.reset();
    QFile::remove(AutostartEntry::path());
}

bool TestTray::check(ExpiryWatcher &watcher)
{
    QSignalSpy checked(&watcher, &ExpiryWatcher::checked);
    watcher.checkNow();
    return checked.wait(10000);
}

void TestTray::lockedVaultWarnsOncePerThreshold()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey soon = vault.createKey(QStringLiteral("Payments webhook"), Environment::Production,
                                        Role::Developer, {}, 5 * kDayMs);
    const ApiKey later = vault.createKey(QStringLiteral("Nightly export"), Environment::Staging,
                                         Role::Developer, {}, 20 * kDayMs);
    vault.createKey(QStringLiteral("Far away"), Environment::Development, Role::Developer, {},
                    200 * kDayMs);
    const ApiKey revoked = vault.createKey(QStringLiteral("Gone"), Environment::Production,
                                           Role::Developer, {}, 3 * kDayMs);
    QVERIFY(vault.store().revokeKey(revoked.id, revoked.version));
    vault.closeStore(); // nobody signed in: the watcher has no passphrase
    m_settings->addRecentVault(vault.path());

    RecordingNotifier notifier;
    ExpiryWatcher watcher(*m_settings, vault.clock(), notifier);
    QVERIFY(check(watcher));
    QCOMPARE(notifier.notices.size(), 2);
    const QString text = allText(notifier.notices);
    QVERIFY2(text.contains(QStringLiteral("\"Payments webhook\" (Production) expires in 7 days")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\"Nightly export\" (Staging) expires in 30 days")),
             qPrintable(text));
    QVERIFY(text.contains(QFileInfo(vault.path()).fileName()));
    QVERIFY(!text.contains(QStringLiteral("Gone")));
    QVERIFY(!text.contains(QStringLiteral("Far away")));
    // Nothing of a secret, not even the hint.
    QVERIFY(!text.contains(soon.hint()));
    QVERIFY(!text.contains(later.hint()));

    // An hour later: nothing new.
    vault.clock().advanceMs(kHourMs);
    QVERIFY(check(watcher));
    QCOMPARE(notifier.notices.size(), 2);
    // Ten days later: "Nightly export" crosses 14 days; "Payments webhook" has expired.
    vault.clock().advanceMs(10 * kDayMs);
    QVERIFY(check(watcher));
    QCOMPARE(notifier.notices.size(), 3);
    QVERIFY2(notifier.notices[2].title.contains(QStringLiteral("expires in 14 days")),
             qPrintable(notifier.notices[2].title));
}

void TestTray::shownAlertsOutliveARestart()
{
    Vault vault;
    vault.createKey(QStringLiteral("Payments webhook"), Environment::Production, Role::Developer,
                    {}, 2 * kDayMs);
    vault.closeStore();
    m_settings->addRecentVault(vault.path());
    {
        RecordingNotifier notifier;
        ExpiryWatcher watcher(*m_settings, vault.clock(), notifier);
        QVERIFY(check(watcher));
        QCOMPARE(notifier.notices.size(), 1);
    }
    // A new Keyward process: reads what was shown from the settings file.
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
    RecordingNotifier notifier;
    ExpiryWatcher watcher(*m_settings, vault.clock(), notifier);
    QVERIFY(check(watcher));
    QCOMPARE(notifier.notices.size(), 0);
    QCOMPARE(m_settings->shownAlerts(ExpiryWatcher::fileVaultId(vault.path())).size(), 1);
}

void TestTray::manyAlertsBecomeOneNotice()
{
    Vault vault;
    for (int i = 0; i < ExpiryWatcher::kMaxNoticesPerVault + 2; ++i)
        vault.createKey(QStringLiteral("Batch %1").arg(i), Environment::Production, Role::Developer,
                        {}, (i + 1) * kDayMs);
    vault.closeStore();
    m_settings->addRecentVault(vault.path());
    RecordingNotifier notifier;
    ExpiryWatcher watcher(*m_settings, vault.clock(), notifier);
    QSignalSpy opened(&watcher, &ExpiryWatcher::openKeyRequested);
    QVERIFY(check(watcher));
    QCOMPARE(notifier.notices.size(), 1);
    QVERIFY2(notifier.notices[0].title.startsWith(QStringLiteral("5 API keys in ")),
             qPrintable(notifier.notices[0].title));
    notifier.click(notifier.notices[0]);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened[0][0].toString(), vault.path());
    QCOMPARE(opened[0][1].toLongLong(), 0); // the vault's keys, no single one
}

void TestTray::anotherVaultsFingerprintWarnsOfNothing()
{
    Vault vault;
    vault.createKey(QStringLiteral("Payments webhook"), Environment::Production, Role::Developer,
                    {}, 2 * kDayMs);
    vault.closeStore();
    m_settings->addRecentVault(vault.path());
    // This computer pinned another vault's fingerprint for that path: the file was swapped.
    m_settings->setPinnedFingerprint(vault.path(),
                                     QStringLiteral("0000-1111-2222-3333-4444-5555-6666-7777"));
    RecordingNotifier notifier;
    ExpiryWatcher watcher(*m_settings, vault.clock(), notifier);
    QVERIFY(check(watcher));
    QCOMPARE(notifier.notices.size(), 0);
}

void TestTray::damagedVaultIsSkipped()
{
    Vault good;
    good.createKey(QStringLiteral("Still here"), Environment::Production, Role::Developer, {},
                   2 * kDayMs);
    good.closeStore();
    QTemporaryDir dir;
    const QString damaged = dir.filePath(QStringLiteral("damaged.keyward"));
    {
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    const QByteArray before = [&] {
        QFile file(damaged);
        file.open(QIODevice::ReadOnly);
        return file.readAll();
    }();
    m_settings->addRecentVault(damaged);
    m_settings->addRecentVault(good.path());
    RecordingNotifier notifier;
    ExpiryWatcher watcher(*m_settings, good.clock(), notifier);
    QVERIFY(check(watcher));
    QCOMPARE(notifier.notices.size(), 1);
    QVERIFY(notifier.notices[0].title.contains(QStringLiteral("Still here")));
    // The damaged file was only read.
    QFile file(damaged);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void TestTray::clickOpensTheKeyAfterSignIn()
{
    Vault vault;
    vault.createKey(QStringLiteral("Other"), Environment::Production, Role::Developer, {},
                    200 * kDayMs);
    const ApiKey soon = vault.createKey(QStringLiteral("Payments webhook"), Environment::Production,
                                        Role::Developer, {}, 1 * kDayMs);
    vault.closeStore();
    m_settings->addRecentVault(vault.path());
    MainWindow window(*m_settings, vault.clock());
    RecordingNotifier notifier;
    TrayIcon tray(*m_settings, vault.clock(), window, &notifier);
    QSignalSpy checked(tray.watcher(), &ExpiryWatcher::checked);
    tray.watcher()->checkNow();
    QVERIFY(checked.wait(10000));
    QCOMPARE(notifier.notices.size(), 1);
    QVERIFY(!window.isVisible()); // started in the tray

    notifier.click(notifier.notices[0]);
    QVERIFY(window.isVisible());
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(window.session().isUnlocked());
    QCOMPARE(window.currentPage(), MainWindow::Page::Keys);
    const std::optional<ApiKey> selected = window.keysPage()->selectedKey();
    QVERIFY(selected);
    QCOMPARE(selected->id, soon.id);
}

void TestTray::serverVaultWarnsAndOpensTheKey()
{
    PgVaultFixture f;
    NewKeyRequest request = f.request(QStringLiteral("Server webhook"));
    request.expiresAtMs = f.clock.nowMs() + 3 * kDayMs;
    auto created = f.store->createKey(request);
    QVERIFY2(created, qPrintable(created.errorMessage()));
    const qint64 keyId = created->key.id;
    // The login's password where libpq finds it itself: a password file of the test's own.
    const PgConnInfo login = f.pg.conninfo(QStringLiteral("alice"));
    const QString passFile = m_home.filePath(QStringLiteral("pgpass"));
    {
        QFile file(passFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("*:*:*:%1:%2\n")
                       .arg(login.value(QStringLiteral("user")), kOwnerPassphrase)
                       .toUtf8());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    qputenv("PGPASSFILE", QFile::encodeName(passFile));
    const QString server = login.toString(); // as Settings keeps it: no password
    QVERIFY(!server.contains(kOwnerPassphrase));
    m_settings->addRecentServer(server);

    MainWindow window(*m_settings, f.clock);
    RecordingNotifier notifier;
    TrayIcon tray(*m_settings, f.clock, window, &notifier);
    QSignalSpy checked(tray.watcher(), &ExpiryWatcher::checked);
    tray.watcher()->checkNow();
    QVERIFY(checked.wait(20000));
    QCOMPARE(notifier.notices.size(), 1);
    QVERIFY2(notifier.notices[0].title.contains(QStringLiteral("\"Server webhook\"")),
             qPrintable(notifier.notices[0].title));
    QVERIFY(notifier.notices[0].body.contains(login.displayName()));

    // A click connects as for a recent server (libpq has the password) and selects the key.
    notifier.click(notifier.notices[0]);
    QTRY_VERIFY_WITH_TIMEOUT(window.session().isUnlocked(), 20000);
    QVERIFY(window.session().isRemote());
    QTRY_VERIFY_WITH_TIMEOUT(window.keysPage()->selectedKey(), 5000);
    QCOMPARE(window.keysPage()->selectedKey()->id, keyId);
    isolatePostgresPasswords(m_home.path());
}

// A server whose password only the keychain knows (remembered by Connect to Server) is read
// with it; without the keychain the same server cannot be read and warns of nothing.
void TestTray::serverPasswordFromTheKeychain()
{
    // ctest runs this suite with a Secret Service of its own (with_keychain.sh), which says so.
    if (qEnvironmentVariable("KEYWARD_TEST_KEYCHAIN") != QLatin1String("1"))
        QSKIP("needs a keychain service: run through tests/ui/with_keychain.sh");
    PasswordVault keychain;
    QString noKeychain;
    QVERIFY2(UiTest::keychainAvailable(keychain, &noKeychain), qPrintable(noKeychain));

    PgVaultFixture f;
    NewKeyRequest request = f.request(QStringLiteral("Keychain webhook"));
    request.expiresAtMs = f.clock.nowMs() + 6 * kDayMs;
    QVERIFY(f.store->createKey(request));
    const PgConnInfo login = f.pg.conninfo(QStringLiteral("alice"));
    const QString server = login.toString(); // no password, and none in a password file
    QVERIFY(!server.contains(kOwnerPassphrase));
    m_settings->addRecentServer(server);

    RecordingNotifier notifier;
    {
        ExpiryWatcher withoutKeychain(*m_settings, f.clock, notifier);
        QVERIFY(check(withoutKeychain));
        QCOMPARE(notifier.notices.size(), 0);
    }

    bool written = false;
    keychain.write(login, kOwnerPassphrase, this, [&](const Result<void> &result) {
        QVERIFY2(result, qPrintable(result.errorMessage()));
        written = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
    ExpiryWatcher watcher(*m_settings, f.clock, notifier, &keychain);
    QVERIFY(check(watcher));
    QCOMPARE(notifier.notices.size(), 1);
    QVERIFY2(notifier.notices[0].title.contains(QStringLiteral("\"Keychain webhook\"")),
             qPrintable(notifier.notices[0].title));
    QVERIFY(!allText(notifier.notices).contains(kOwnerPassphrase));

    // Forgotten by the keychain: the next check reads nothing from the server, quietly.
    keychain.remove(login);
    m_settings->setShownAlerts(ExpiryWatcher::serverVaultId(server), {});
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            std::optional<QString> answer;
            bool done = false;
            keychain.read(login, this, [&](const std::optional<QString> &pw) {
                answer = pw;
                done = true;
            });
            return QTest::qWaitFor([&] { return done; }, 5000) && !answer;
        }(),
        10000);
    QVERIFY(check(watcher));
    QCOMPARE(notifier.notices.size(), 1);
}

void TestTray::clickOnAnOpenVaultSelectsAtOnce()
{
    Vault vault;
    const ApiKey first = vault.createKey(QStringLiteral("First"));
    const ApiKey second = vault.createKey(QStringLiteral("Second"));
    vault.closeStore();
    MainWindow window(*m_settings, vault.clock());
    window.show();
    window.start(vault.path());
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    window.keysPage()->selectKey(first.id);
    window.showPage(MainWindow::Page::AuditLog);
    window.showKey(vault.path(), second.id);
    QVERIFY(window.session().isUnlocked());
    QCOMPARE(window.currentPage(), MainWindow::Page::Keys);
    QCOMPARE(window.keysPage()->selectedKey()->id, second.id);
}

void TestTray::preferencesSwitchTrayAndAutostart()
{
    QVERIFY(m_settings->trayEnabled()); // on by default
    QVERIFY(!AutostartEntry::isEnabled());
    {
        PreferencesDialog dialog(*m_settings);
        auto *tray = dialog.findChild<QCheckBox *>(QStringLiteral("trayCheck"));
        auto *autostart = dialog.findChild<QCheckBox *>(QStringLiteral("autostartCheck"));
        QVERIFY(tray && autostart);
        QVERIFY(tray->isChecked());
        QVERIFY(!autostart->isChecked());
        autostart->setChecked(true);
        dialog.accept();
    }
    QVERIFY(AutostartEntry::isEnabled());
    QFile entry(AutostartEntry::path());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QByteArray text = entry.readAll();
    const QByteArray exec =
        "Exec=\"" + QFile::encodeName(QCoreApplication::applicationFilePath()) + "\" --tray\n";
    QVERIFY2(text.contains(exec), text.constData());
    QVERIFY(entry.fileName().startsWith(m_home.path())); // never the real home
    entry.close();
    {
        // Off: the tray goes, and the entry with it (autostart without the tray means nothing).
        PreferencesDialog dialog(*m_settings);
        auto *tray = dialog.findChild<QCheckBox *>(QStringLiteral("trayCheck"));
        auto *autostart = dialog.findChild<QCheckBox *>(QStringLiteral("autostartCheck"));
        QVERIFY(autostart->isChecked());
        tray->setChecked(false);
        QVERIFY(!autostart->isEnabled());
        dialog.accept();
    }
    QVERIFY(!m_settings->trayEnabled());
    QVERIFY(!AutostartEntry::isEnabled());
    QVERIFY(!QFile::exists(AutostartEntry::path()));
    // Cancel changes nothing.
    {
        PreferencesDialog dialog(*m_settings);
        dialog.findChild<QCheckBox *>(QStringLiteral("trayCheck"))->setChecked(true);
        dialog.reject();
    }
    QVERIFY(!m_settings->trayEnabled());
}

void TestTray::autostartExecLineIsQuoted()
{
    QCOMPARE(AutostartEntry::execValue(QStringLiteral("/usr/bin/keyward")),
             QStringLiteral("\"/usr/bin/keyward\" --tray"));
    // Desktop Entry spec: ", `, $, \ escaped inside quotes, then backslashes doubled as a
    // string; % doubled.
    QCOMPARE(AutostartEntry::execValue(QStringLiteral("/opt/my \"apps\"/$x`/100%/a\\b")),
             QStringLiteral("\"/opt/my \\\\\"apps\\\\\"/\\\\$x\\\\`/100%%/a\\\\\\\\b\" --tray"));
    // A line break cannot start a key of its own.
    QVERIFY(!AutostartEntry::setEnabled(true, QStringLiteral("/tmp/x\nExec=/bin/evil")));
    QVERIFY(!QFile::exists(AutostartEntry::path()));
}

void TestTray::noTrayMeansQuitOnClose()
{
    // The offscreen platform has no system tray: the icon stays hidden and closing the window
    // quits, as without the feature.
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
    Vault vault;
    MainWindow window(*m_settings, vault.clock());
    TrayIcon tray(*m_settings, vault.clock(), window, nullptr);
    QVERIFY(!tray.isActive());
    QVERIFY(!tray.icon()->isVisible());
    QVERIFY(QApplication::quitOnLastWindowClosed());
    QVERIFY(!tray.watcher()->isRunning());
}

QTEST_MAIN(TestTray)
#include "test_tray.moc"
