// File › Back Up Vault… on a PostgreSQL vault (issue 16 §5), against the throwaway cluster: the
// copy runs on a worker thread over a connection of its own and comes out a signed vault file
// with the server's keys and audit chain; a bad target or a connection the server drops gives
// a clear message and leaves nothing; Restore stays off for a server, saying how instead.
#include "PgFixture.h"
#include "UiTestSupport.h"
#include "UiTestSupportDialogs.h"
#include "store/SqlKeyStore.h"
#include "store/VaultIntegrity.h"
#include "ui/BackupCommands.h"
#include "ui/MessageBox.h"
#include "ui/PassphraseFields.h"
#include "ui/ServerBackupDialog.h"
#include "ui/VaultSession.h"

#include <QAction>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <unistd.h>

using namespace Keyward;
using Keyward::Testing::PgConnection;
using Keyward::Testing::PgVaultFixture;

namespace {

const QString kFilePassphrase = QStringLiteral("passphrase of the backup file");

QStringList dirEntries(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

// pg_stat_activity is read once per transaction unless its snapshot is cleared.
int backendWaitingForALock(PgConnection &admin)
{
    admin.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"));
    return admin
        .scalar(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = "
                               "current_database() AND wait_event_type = 'Lock' AND pid <> "
                               "pg_backend_pid()"))
        .toInt();
}

} // namespace

class TestBackupPgUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void dialogWantsTheSamePassphraseTwice();
    void backsUpTheServerOnAWorkerThread();
    void badTargetsSaySoAndLeaveNothing();
    void droppedConnectionSaysSo();

private:
    // A session connected to f's vault as alice, and the window's backup commands on it.
    struct Window
    {
        explicit Window(PgVaultFixture &f)
            : session(f.clock)
            , commands(session, f.clock, &widget)
        {
            connected =
                session
                    .connectServer(f.pg.conninfo(QStringLiteral("alice"),
                                                 QString::fromUtf8(Testing::kOwnerPassphrase)))
                    .isOk();
            commands.updateActions();
        }
        VaultSession session;
        QWidget widget;
        BackupCommands commands;
        bool connected = false;
    };
    // Answers the file and passphrase questions; backs up to target and waits for the end.
    bool backUp(Window &window, const QString &target);
    // Types the file passphrase twice into the open question and clicks Back Up.
    static bool answerPassphrase(ServerBackupDialog *dialog);

    QTemporaryDir m_home;
    int m_asked = 0;
};

void TestBackupPgUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiTest::isolateUserDirectories(m_home.path());
    UiTest::isolatePostgresPasswords(m_home.path());
}

void TestBackupPgUi::cleanup()
{
    MessageBox::clearNextAnswer();
}

bool TestBackupPgUi::backUp(Window &window, const QString &target)
{
    m_asked = 0;
    window.commands.setFileChooser(
        [target](BackupCommands::FileQuestion, const QString &) { return target; });
    window.commands.backUpAction()->trigger();
    if (ServerBackupDialog *dialog = window.commands.passphraseDialog()) {
        ++m_asked;
        if (!dialog->isVisible() || !answerPassphrase(dialog))
            return false;
    }
    return QTest::qWaitFor([&] { return !window.commands.isBusy(); }, 30000);
}

bool TestBackupPgUi::answerPassphrase(ServerBackupDialog *dialog)
{
    if (!dialog)
        return false;
    QTest::keyClicks(dialog->fields()->passphraseEdit(), kFilePassphrase);
    QTest::keyClicks(dialog->fields()->repeatEdit(), kFilePassphrase);
    if (!dialog->backUpButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->backUpButton(), Qt::LeftButton);
    return !dialog->isVisible();
}

void TestBackupPgUi::dialogWantsTheSamePassphraseTwice()
{
    ServerBackupDialog dialog(QStringLiteral("alice"), m_home.filePath(QStringLiteral("x.backup")));
    QVERIFY(!dialog.backUpButton()->isEnabled());
    QTest::keyClicks(dialog.fields()->passphraseEdit(), kFilePassphrase);
    QTest::keyClicks(dialog.fields()->repeatEdit(), QStringLiteral("something else entirely"));
    QVERIFY(!dialog.backUpButton()->isEnabled());
    dialog.fields()->repeatEdit()->clear();
    QTest::keyClicks(dialog.fields()->repeatEdit(), kFilePassphrase);
    QVERIFY(dialog.backUpButton()->isEnabled());
    QTest::mouseClick(dialog.backUpButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.takePassphrase().toQString(), kFilePassphrase);
    QVERIFY(dialog.fields()->passphraseEdit()->text().isEmpty()); // wiped when it closed
}

void TestBackupPgUi::backsUpTheServerOnAWorkerThread()
{
    PgVaultFixture f;
    QVERIFY(f.store->createKey(f.request(QStringLiteral("Payments live"))));
    QVERIFY(f.store->createKey(f.request(QStringLiteral("Dev sandbox"), Environment::Development)));
    Window window(f);
    QVERIFY(window.connected);
    QVERIFY(window.commands.backUpAction()->isEnabled());
    QVERIFY(!window.commands.restoreAction()->isEnabled());
    QVERIFY2(
        window.commands.restoreAction()->toolTip().contains(QStringLiteral("keywardctl migrate")),
        qPrintable(window.commands.restoreAction()->toolTip()));
    const qint64 auditBefore =
        f.pg.admin().scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();

    const QString target = m_home.filePath(QStringLiteral("server.backup"));
    QSignalSpy busy(&window.commands, &BackupCommands::busyChanged);
    QSignalSpy messages(&window.commands, &BackupCommands::message);
    // The GUI thread keeps running while the copy works.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start();
    window.commands.setFileChooser(
        [target](BackupCommands::FileQuestion, const QString &) { return target; });
    // Cancelling the passphrase question makes nothing.
    window.commands.backUpAction()->trigger();
    QVERIFY(window.commands.passphraseDialog());
    window.commands.passphraseDialog()->reject();
    QVERIFY(!window.commands.passphraseDialog());
    QVERIFY(!window.commands.isBusy());
    QVERIFY(!QFileInfo::exists(target));
    QCOMPARE(busy.size(), 0);

    window.commands.backUpAction()->trigger();
    QVERIFY(window.commands.passphraseDialog());
    QCOMPARE(window.commands.passphraseDialog()->windowModality(), Qt::WindowModal);
    QVERIFY(answerPassphrase(window.commands.passphraseDialog()));
    QVERIFY(window.commands.isBusy());
    QVERIFY(!window.commands.backUpAction()->isEnabled());
    QVERIFY(QTest::qWaitFor([&] { return !window.commands.isBusy(); }, 30000));
    ticker.stop();
    QVERIFY(ticks > 0);
    QCOMPARE(busy.size(), 2);
    QVERIFY2(messages.constLast().at(0).toString().contains(QStringLiteral("signed and checked")),
             qPrintable(messages.constLast().at(0).toString()));
    QVERIFY(window.commands.backUpAction()->isEnabled());

    // The server was read, not written; the window's own connection still works.
    QCOMPARE(f.pg.admin().scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(),
             auditBefore);
    QVERIFY(window.session.store()->listKeys());

    // The backup is a whole, signed vault file with the server's keys and audit chain.
    auto problems = VaultIntegrity::check(target);
    QVERIFY2(problems && problems->isEmpty(), "the backup is not whole");
    auto copy = SqlKeyStore::openVault(target, f.clock);
    QVERIFY2(copy, qPrintable(copy.errorMessage()));
    QVERIFY((*copy)->signIn(QStringLiteral("alice"), SecretString::fromQString(kFilePassphrase)));
    QVERIFY((*copy)->isSignedVault());
    auto serverKeys = f.store->listKeys();
    auto copiedKeys = (*copy)->listKeys();
    QVERIFY(serverKeys && copiedKeys);
    QCOMPARE(copiedKeys->size(), serverKeys->size());
    for (int i = 0; i < serverKeys->size(); ++i) {
        QCOMPARE(copiedKeys->at(i).id, serverKeys->at(i).id);
        QCOMPARE(copiedKeys->at(i).name, serverKeys->at(i).name);
    }
    auto audit = (*copy)->verifyAudit();
    QVERIFY(audit && audit->intact);
    QVERIFY(audit->rowsChecked > auditBefore); // the server's rows, then the copy's signing
}

void TestBackupPgUi::badTargetsSaySoAndLeaveNothing()
{
    PgVaultFixture f;
    Window window(f);
    QVERIFY(window.connected);
    // An existing folder: said before any question about the passphrase.
    const QString folder = m_home.filePath(QStringLiteral("a-folder"));
    QVERIFY(QDir().mkpath(folder));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(backUp(window, folder));
    QCOMPARE(m_asked, 0);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("already exists")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(dirEntries(folder).isEmpty());

    // A folder that does not exist.
    const QString missing = m_home.filePath(QStringLiteral("missing/server.backup"));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(backUp(window, missing));
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("not backed up"))
                 && MessageBox::lastText().contains(QStringLiteral("No such file")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("missing"))));

    // A folder nobody may write to (root may write anywhere but in sysfs).
    const QString locked =
        ::geteuid() == 0 ? QStringLiteral("/sys") : m_home.filePath(QStringLiteral("read-only"));
    if (::geteuid() != 0) {
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
    }
    const QStringList before = dirEntries(locked);
    const QString target = locked + QStringLiteral("/keyward-server.backup");
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(backUp(window, target));
    if (::geteuid() != 0)
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY2(MessageBox::lastText().contains(target)
                 && MessageBox::lastText().contains(QStringLiteral("Permission denied")),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(dirEntries(locked), before);
}

void TestBackupPgUi::droppedConnectionSaysSo()
{
    PgVaultFixture f;
    Window window(f);
    QVERIFY(window.connected);
    PgConnection &admin = f.pg.admin();
    // The copy reads request_log last: held here, the worker waits there until its backend is
    // terminated, which is then certain to be mid-copy.
    QVERIFY(admin.exec(QStringLiteral("BEGIN")));
    QVERIFY(admin.exec(QStringLiteral("LOCK TABLE request_log IN ACCESS EXCLUSIVE MODE")));
    const QString folder = m_home.filePath(QStringLiteral("dropped"));
    QVERIFY(QDir().mkpath(folder));
    const QString target = folder + QStringLiteral("/server.backup");
    window.commands.setFileChooser(
        [target](BackupCommands::FileQuestion, const QString &) { return target; });
    MessageBox::setNextAnswer(QMessageBox::Ok);
    window.commands.backUpAction()->trigger();
    QVERIFY(answerPassphrase(window.commands.passphraseDialog()));
    QVERIFY(window.commands.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(backendWaitingForALock(admin) > 0, 20000);
    QVERIFY(admin.exec(
        QStringLiteral("SELECT pg_terminate_backend(%1)").arg(backendWaitingForALock(admin))));
    QVERIFY(admin.exec(QStringLiteral("ROLLBACK")));
    QVERIFY(QTest::qWaitFor([&] { return !window.commands.isBusy(); }, 30000));
    QVERIFY2(
        MessageBox::lastText().contains(QStringLiteral("not backed up"))
            && MessageBox::lastText().contains(QStringLiteral("connection"), Qt::CaseInsensitive),
        qPrintable(MessageBox::lastText()));
    QVERIFY(dirEntries(folder).isEmpty());
    // The window's own connection was not the one dropped.
    QVERIFY(window.session.store()->listKeys());
}

QTEST_MAIN(TestBackupPgUi)
#include "test_backup_pg_ui.moc"
