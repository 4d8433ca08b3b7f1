// Opening a large vault file from the window: checked and upgraded on a thread of its own
// (VaultOpenCheck) while the window goes on answering, then signed in to as always.
#include "OlderSchema.h"
#include "UiTestSupport.h"
#include "store/Migrations.h"
#include "ui/BackgroundJob.h"
#include "ui/IntegrityCheckRun.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/Settings.h"
#include "ui/VaultController.h"
#include "ui/VaultOpenCheck.h"
#include "ui/VaultSession.h"
#include "ui/VaultStatusPage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

// Another program's write transaction on a vault file, as an older Keyward upgrading it holds
// one: every writer (and so every upgrade) waits until it ends.
class WriteLockHolder
{
public:
    explicit WriteLockHolder(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kName);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        m_held = db.open() && q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_held)
            qWarning("cannot hold the write lock: %s", qPrintable(q.lastError().text()));
    }
    ~WriteLockHolder()
    {
        release();
        QSqlDatabase::removeDatabase(kName);
    }
    bool isHeld() const { return m_held; }
    void release()
    {
        if (!m_held)
            return;
        QSqlDatabase db = QSqlDatabase::database(kName);
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        db.close();
        m_held = false;
    }

private:
    static inline const QString kName = QStringLiteral("write-lock-holder");
    bool m_held = false;
};

// The longest the window's event loop went without running a 20 ms timer, while it lives.
class EventLoopGaps
{
public:
    EventLoopGaps()
    {
        m_sinceTick.start();
        m_ticker.setInterval(20);
        QObject::connect(&m_ticker, &QTimer::timeout,
                         [this] { m_longestMs = qMax(m_longestMs, m_sinceTick.restart()); });
        m_ticker.start();
    }
    qint64 longestMs() const { return qMax(m_longestMs, m_sinceTick.elapsed()); }

private:
    QTimer m_ticker;
    QElapsedTimer m_sinceTick;
    qint64 m_longestMs = 0;
};

int schemaVersion(const QString &path)
{
    const QString name = QStringLiteral("schema-version");
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (db.open() && q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version"))
            && q.next())
            version = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

// The vault's file taken back to schema 7, as an older Keyward left it.
bool makeSchemaSeven(const QString &path)
{
    for (const char *sql : OlderSchema::kBackToSeven) {
        if (!rawSql(path, QString::fromLatin1(sql)))
            return false;
    }
    return schemaVersion(path) == 7;
}

// Two vault files for the window to open, closed: one an older Keyward left at schema 7, and
// one of this version.
struct OlderAndCurrentVaults
{
    Vault older;
    Vault current;

    bool prepare()
    {
        if (!older.isValid() || !current.isValid())
            return false;
        older.closeStore();
        current.closeStore();
        return makeSchemaSeven(older.path());
    }
};

} // namespace

class TestVaultOpenUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void anUpgradeOfALargeVaultKeepsTheWindowAnswering();
    void aLargeFileThatIsNoVaultIsRefused();
    void aVaultChosenMeanwhileOpensAfterIt();
    void aVaultOpenedMeanwhileOtherwiseStays();
    void aSmallVaultOpensAtOnce();
    void leavingAVaultStopsItsFullCheck();
    void signingInKeepsTheWindowAnswering();
    void aSignInCancelledChangesNothing();
    void anotherVaultOpenedWhileSigningInTakesTheDialogAway();
    void aLargeVaultOpenedTakesTheLastOnesDialogAway();

private:
    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
};

void TestVaultOpenUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
}

void TestVaultOpenUi::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
    VaultOpenCheck::setLargeVaultBytesForTests(1); // every vault file counts as large
}

void TestVaultOpenUi::cleanup()
{
    VaultOpenCheck::setLargeVaultBytesForTests(0);
    m_settings.reset();
}

// Another program holds the write lock for 3 s, longer than the window's 2 s wait for it: the
// upgrade waits as long as it must, on its own thread, and the window keeps answering. Opened on
// the window's thread (before VaultOpenCheck), the window froze for 2 s and then refused the
// vault as locked.
void TestVaultOpenUi::anUpgradeOfALargeVaultKeepsTheWindowAnswering()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments webhook"));
    vault.closeStore();
    QVERIFY(makeSchemaSeven(vault.path()));
    MainWindow window(*m_settings, vault.clock());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // After the window: destroyed first, so a failed check never leaves the window waiting.
    WriteLockHolder holder(vault.path());
    QVERIFY(holder.isHeld());
    EventLoopGaps gaps;
    QTimer::singleShot(3000, &window, [&holder] { holder.release(); });
    QElapsedTimer call;
    call.start();
    QVERIFY(window.openVault(vault.path())); // under way
    QVERIFY2(call.elapsed() < 1000, qPrintable(QString::number(call.elapsed())));
    QCOMPARE(window.statusPage()->mode(), VaultStatusPage::Mode::Opening);
    QVERIFY(window.statusPage()->isVisible());
    QVERIFY(!findVisible<LoginDialog>(&window));

    QTRY_VERIFY_WITH_TIMEOUT(findVisible<LoginDialog>(&window), 30000);
    QVERIFY2(call.elapsed() >= 2900, "the upgrade did not wait for the lock");
    // Opened on the window's thread it stood still for 2 s at least (the lock wait); a loaded
    // machine may hold up a timer now and then.
    QVERIFY2(gaps.longestMs() < 1500,
             qPrintable(QStringLiteral("the window stood still for %1 ms").arg(gaps.longestMs())));
    QCOMPARE(schemaVersion(vault.path()), Migrations::latestVersion());
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QTRY_COMPARE(window.session().state(), VaultSession::State::Unlocked);
    QCOMPARE(window.session().store()->listKeys()->size(), 1);
}

// What the check refuses is refused as a vault opened at once is: on the status page, the file
// as it was.
void TestVaultOpenUi::aLargeFileThatIsNoVaultIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.keyward"));
    QByteArray text;
    for (int i = 0; i < 4096; ++i)
        text += "not a vault, just notes\n";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
    file.close();

    ManualClock clock;
    MainWindow window(*m_settings, clock);
    window.show();
    QVERIFY(window.openVault(path));
    QTRY_COMPARE_WITH_TIMEOUT(window.statusPage()->mode(), VaultStatusPage::Mode::Error, 10000);
    QVERIFY2(window.statusPage()->message().contains(QStringLiteral("notes.keyward")),
             qPrintable(window.statusPage()->message()));
    QVERIFY(!findVisible<LoginDialog>(&window));
    QCOMPARE(window.session().state(), VaultSession::State::Closed);
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), text);
}

// A vault chosen while another one's upgrade waits opens after it; the first upgrade is never
// cut short.
void TestVaultOpenUi::aVaultChosenMeanwhileOpensAfterIt()
{
    OlderAndCurrentVaults vaults;
    QVERIFY(vaults.prepare());
    Vault &first = vaults.older;
    Vault &second = vaults.current;
    MainWindow window(*m_settings, first.clock());
    window.show();
    // After the window: destroyed first, so a failed check never leaves the window waiting.
    WriteLockHolder holder(first.path());
    QVERIFY(holder.isHeld());
    QTimer::singleShot(1500, &window, [&holder] { holder.release(); });
    QVERIFY(window.openVault(first.path()));
    QVERIFY(window.openVault(second.path()));
    QCOMPARE(window.statusPage()->mode(), VaultStatusPage::Mode::Opening);
    QVERIFY2(window.statusPage()->message().contains(QStringLiteral("large vault")),
             qPrintable(window.statusPage()->message()));

    QTRY_VERIFY_WITH_TIMEOUT(findVisible<LoginDialog>(&window), 30000);
    QCOMPARE(window.session().path(), QFileInfo(second.path()).absoluteFilePath());
    QCOMPARE(schemaVersion(first.path()), Migrations::latestVersion());
}

// Another way into a vault taken while the check runs (a server connected to, a vault created)
// is the user's later choice: the checked file does not replace it when its check ends.
void TestVaultOpenUi::aVaultOpenedMeanwhileOtherwiseStays()
{
    OlderAndCurrentVaults vaults;
    QVERIFY(vaults.prepare());
    Vault &first = vaults.older;
    Vault &second = vaults.current;
    MainWindow window(*m_settings, first.clock());
    window.show();
    // After the window: destroyed first, so a failed check never leaves the window waiting.
    WriteLockHolder holder(first.path());
    QVERIFY(holder.isHeld());
    QVERIFY(window.openVault(first.path()));
    QVERIFY(window.session().open(second.path())); // as a sign-up or a connection would
    holder.release();
    QTRY_VERIFY_WITH_TIMEOUT(!window.vaults().isOpening(), 30000);
    QCOMPARE(window.session().path(), QFileInfo(second.path()).absoluteFilePath());
    QCOMPARE(schemaVersion(first.path()), Migrations::latestVersion()); // upgraded all the same
}

// Below the threshold nothing changes: the passphrase is asked for before openVault() returns.
void TestVaultOpenUi::aSmallVaultOpensAtOnce()
{
    VaultOpenCheck::setLargeVaultBytesForTests(0);
    Vault vault;
    QVERIFY(vault.isValid());
    vault.closeStore();
    QVERIFY(!VaultOpenCheck::isLarge(vault.path()));
    MainWindow window(*m_settings, vault.clock());
    window.show();
    QVERIFY(window.openVault(vault.path()));
    QVERIFY(findVisible<LoginDialog>(&window));
    QCOMPARE(window.statusPage()->mode(), VaultStatusPage::Mode::Locked);
}

// The window leaves a vault (another opened, the window closed) while its full check runs: the
// check is stopped, not waited for. Here it waits for another program's lock (up to 5 s), as it
// reads a large vault for seconds.
void TestVaultOpenUi::leavingAVaultStopsItsFullCheck()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.closeStore();
    const QString name = QStringLiteral("exclusive-holder");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(vault.path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
        QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE vault_meta SET value = value WHERE name = 'prefix'")));

        auto check = std::make_unique<IntegrityCheckRun>(vault.path());
        QTest::qWait(200);
        QVERIFY(!check->isFinished()); // waiting for the lock
        QElapsedTimer timer;
        timer.start();
        check.reset();
        QVERIFY2(timer.elapsed() < 2500,
                 qPrintable(QStringLiteral("the window waited %1 ms").arg(timer.elapsed())));

        // Not stopped, the check gives its answer once the lock is free.
        IntegrityCheckRun kept(vault.path());
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA locking_mode = NORMAL")));
        QVERIFY(q.exec(QStringLiteral("SELECT 1"))); // the exclusive lock goes at the next read
        db.close();
        QTRY_VERIFY_WITH_TIMEOUT(kept.isFinished(), 10000);
        const auto verdict = kept.wait();
        QVERIFY2(verdict, qPrintable(verdict.errorMessage()));
        QVERIFY(verdict->isEmpty());
    }
    QSqlDatabase::removeDatabase(name);
}

// Fills the sign-in dialog and presses Unlock without waiting (submitLogin() waits).
static LoginDialog *pressUnlock(MainWindow &window, const QString &passphrase)
{
    LoginDialog *dialog = window.loginDialog();
    if (!dialog)
        return nullptr;
    dialog->findChild<QLineEdit *>(QStringLiteral("memberNameEdit"))
        ->setText(QStringLiteral("alice"));
    dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))->setText(passphrase);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("unlockButton")),
                      Qt::LeftButton);
    return dialog;
}

// The passphrase check (Argon2id, by design about half a second) runs off the window's thread:
// the window goes on answering while the dialog says it is checking.
void TestVaultOpenUi::signingInKeepsTheWindowAnswering()
{
    VaultOpenCheck::setLargeVaultBytesForTests(0);
    Vault vault;
    QVERIFY(vault.isValid());
    vault.closeStore();
    MainWindow window(*m_settings, vault.clock());
    window.show();
    QVERIFY(window.openVault(vault.path()));
    EventLoopGaps gaps;
    QElapsedTimer timer;
    timer.start();
    QPointer<LoginDialog> dialog = pressUnlock(window, kOwnerPassphrase);
    QVERIFY(dialog);
    QVERIFY(dialog->isChecking());
    QVERIFY(window.session().isSigningIn());
    auto *unlock = dialog->findChild<QPushButton *>(QStringLiteral("unlockButton"));
    QVERIFY(!unlock->isEnabled());
    QCOMPARE(unlock->text(), QStringLiteral("Checking…"));
    // The gaps while the check runs (what follows it, the audit entry and the key table's
    // first load, runs on the window's thread as always).
    qint64 longestGapMs = 0;
    while (window.session().isSigningIn() && timer.elapsed() < 30000) {
        longestGapMs = gaps.longestMs();
        QTest::qWait(5);
    }
    const qint64 signInMs = timer.elapsed();
    QVERIFY(window.session().isUnlocked());
    QVERIFY(!dialog || !dialog->isVisible());
    QVERIFY2(longestGapMs < signInMs / 2,
             qPrintable(QStringLiteral("the window stood still %1 ms of the sign-in's %2 ms")
                            .arg(longestGapMs)
                            .arg(signInMs)));
}

// Cancel while the passphrase is being checked: the dialog closes, the session stays locked,
// and nothing is signed in (nor audited) when the check ends.
void TestVaultOpenUi::aSignInCancelledChangesNothing()
{
    VaultOpenCheck::setLargeVaultBytesForTests(0);
    Vault vault;
    QVERIFY(vault.isValid());
    vault.closeStore();
    const auto auditRows = [&vault] {
        const QString name = QStringLiteral("audit-count");
        int rows = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(vault.path());
            QSqlQuery q(db);
            if (db.open() && q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) && q.next())
                rows = q.value(0).toInt();
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    };
    const int before = auditRows();
    QVERIFY(before > 0);
    MainWindow window(*m_settings, vault.clock());
    window.show();
    QVERIFY(window.openVault(vault.path()));
    QPointer<LoginDialog> dialog = pressUnlock(window, kOwnerPassphrase);
    QVERIFY(dialog && dialog->isChecking());
    dialog->reject();
    QVERIFY(!window.session().isSigningIn());
    // Not waited for: the abandoned check ends on its own thread, then that thread goes.
    QVERIFY(!window.session().findChildren<BackgroundJob *>().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(window.session().findChildren<BackgroundJob *>().isEmpty(), 30000);
    QCOMPARE(window.session().state(), VaultSession::State::Locked);
    QVERIFY(!window.session().member());
    QCOMPARE(auditRows(), before);

    // Asked again (the lock screen's Unlock), the sign-in works.
    QTest::mouseClick(
        window.statusPage()->findChild<QPushButton *>(QStringLiteral("unlockVaultButton")),
        Qt::LeftButton);
    QTRY_VERIFY(window.loginDialog() && window.loginDialog()->isVisible());
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(window.session().isUnlocked());
}

// Another vault opened while the passphrase for the first is checked: the dialog for the first
// goes, nothing is signed in to either, and the second asks for its own sign-in.
void TestVaultOpenUi::anotherVaultOpenedWhileSigningInTakesTheDialogAway()
{
    VaultOpenCheck::setLargeVaultBytesForTests(0);
    Vault vault;
    Vault second;
    QVERIFY(vault.isValid() && second.isValid());
    vault.closeStore();
    second.closeStore();
    MainWindow window(*m_settings, vault.clock());
    window.show();
    QVERIFY(window.openVault(vault.path()));
    QPointer<LoginDialog> first = pressUnlock(window, kOwnerPassphrase);
    QVERIFY(first && first->isChecking());

    QVERIFY(window.openVault(second.path()));
    QVERIFY(!first || !first->isVisible());
    QVERIFY(!window.session().isSigningIn());
    QCOMPARE(window.session().path(), QFileInfo(second.path()).absoluteFilePath());
    QTRY_VERIFY_WITH_TIMEOUT(window.session().findChildren<BackgroundJob *>().isEmpty(), 30000);
    QCOMPARE(window.session().state(), VaultSession::State::Locked);
    QTRY_VERIFY(!first); // deleted, not kept for the second vault
    LoginDialog *next = window.loginDialog();
    QVERIFY(next);
    QTRY_VERIFY(next->isVisible());
    QVERIFY(!next->isChecking());
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(window.session().isUnlocked());
}

// The sign-in dialog of the vault shown goes as soon as a large one starts opening (the session
// is closed for it), not when that one is open.
void TestVaultOpenUi::aLargeVaultOpenedTakesTheLastOnesDialogAway()
{
    VaultOpenCheck::setLargeVaultBytesForTests(0);
    Vault vault;
    Vault large;
    QVERIFY(vault.isValid() && large.isValid());
    vault.closeStore();
    large.closeStore();
    MainWindow window(*m_settings, vault.clock());
    window.show();
    QVERIFY(window.openVault(vault.path()));
    QPointer<LoginDialog> first = window.loginDialog();
    QVERIFY(first && first->isVisible());

    VaultOpenCheck::setLargeVaultBytesForTests(1);
    QVERIFY(window.openVault(large.path()));
    QVERIFY(window.vaults().isOpening());
    QVERIFY(!first || !first->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(findVisible<LoginDialog>(&window), 30000);
    QCOMPARE(window.session().path(), QFileInfo(large.path()).absoluteFilePath());
}

QTEST_MAIN(TestVaultOpenUi)
#include "test_vault_open_ui.moc"
