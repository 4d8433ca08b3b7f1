// File › Back Up Vault…, Restore from Backup… and Export Expiry Calendar… in the real window
// over real vault files: the backup opens as a vault, a restore brings back a key deleted since
// and the table shows it, a damaged or another vault's backup changes nothing, and the calendar
// reads back in a real iCalendar parser (Debian's python3-icalendar).
#include "ICalendarReader.h"
#include "UiTestSupport.h"

#include "store/VaultBackup.h"
#include "ui/ApiKeysPage.h"
#include "ui/BackupCommands.h"
#include "ui/HistoryBanner.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageBox.h"
#include "ui/Settings.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QProcess>
#include <QProgressBar>
#include <QStatusBar>
#include <QTest>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

bool tableShows(MainWindow &window, const QString &name)
{
    const QAbstractItemModel *model = window.keysPage()->proxy();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, KeyTableModel::NameColumn).data().toString() == name)
            return true;
    }
    return false;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestBackupUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fileMenuHasTheEntries();
    void backUpWritesACheckedCopy();
    void backUpRefusesAnExistingFile();
    void restoreBringsBackADeletedKey();
    void restoreRefusesADamagedBackup();
    void restoreRefusesAnotherVaultsBackup();
    void cancellingTheConfirmationChangesNothing();
    void calendarReadsBackInARealParser();
    void viewerCannotRestore();

private:
    std::unique_ptr<MainWindow> openWindow(Vault &vault,
                                           const QString &member = QStringLiteral("alice"),
                                           const QString &passphrase = kOwnerPassphrase);
    // Answers the next file question with path and records which question it was.
    void answerFiles(MainWindow &window, const QString &path);
    bool waitUntilIdle(MainWindow &window);

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
    QList<BackupCommands::FileQuestion> m_questions;
    QString m_suggested;
};

void TestBackupUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
}

void TestBackupUi::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
    m_questions.clear();
    m_suggested.clear();
}

void TestBackupUi::cleanup()
{
    MessageBox::clearNextAnswer();
    m_settings.reset();
}

std::unique_ptr<MainWindow> TestBackupUi::openWindow(Vault &vault, const QString &member,
                                                     const QString &passphrase)
{
    auto window = std::make_unique<MainWindow>(*m_settings, vault.clock());
    window->session().setChangePollIntervalMs(100);
    window->show();
    window->start(vault.path());
    if (!submitLogin(*window, member, passphrase) || !window->session().isUnlocked())
        return nullptr;
    return window;
}

void TestBackupUi::answerFiles(MainWindow &window, const QString &path)
{
    window.backupCommands()->setFileChooser(
        [this, path](BackupCommands::FileQuestion question, const QString &suggested) {
            m_questions.append(question);
            m_suggested = suggested;
            return path;
        });
}

bool TestBackupUi::waitUntilIdle(MainWindow &window)
{
    return QTest::qWaitFor([&] { return !window.backupCommands()->isBusy(); }, 20000);
}

void TestBackupUi::fileMenuHasTheEntries()
{
    Vault vault;
    QVERIFY(vault.isValid());
    auto window = openWindow(vault);
    QVERIFY(window);
    QMenu *file = window->menuBar()->actions().constFirst()->menu();
    QVERIFY(file);
    BackupCommands *commands = window->backupCommands();
    for (QAction *action :
         {commands->backUpAction(), commands->restoreAction(), commands->exportCalendarAction()}) {
        QVERIFY2(file->actions().contains(action), qPrintable(action->text()));
        QVERIFY2(action->isEnabled(), qPrintable(action->text()));
    }
    const QStringList clashes = menuAcceleratorClashes(*window);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));

    // Locked: nothing to back up from here.
    window->lock();
    QVERIFY(!commands->backUpAction()->isEnabled());
    QVERIFY(!commands->restoreAction()->isEnabled());
    QVERIFY(!commands->exportCalendarAction()->isEnabled());
}

void TestBackupUi::backUpWritesACheckedCopy()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Billing"));
    auto window = openWindow(vault);
    QVERIFY(window);

    const QString target = QDir(vault.directory()).filePath(QStringLiteral("copy.backup"));
    answerFiles(*window, target);
    auto *busyBar = window->findChild<QProgressBar *>(QStringLiteral("busyBar"));
    QVERIFY(!busyBar || !busyBar->isVisible());
    window->backupCommands()->backUpAction()->trigger();
    QCOMPARE(m_questions, {BackupCommands::FileQuestion::BackupTarget});
    // The name offered: beside the vault, with the day.
    QCOMPARE(m_suggested,
             vault.path() + QStringLiteral(".backup-")
                 + QDateTime::fromMSecsSinceEpoch(vault.clock().nowMs())
                       .toString(QStringLiteral("yyyyMMdd")));
    // Until the copy's end comes back to the GUI thread: the window waits and says so.
    QVERIFY(window->backupCommands()->isBusy());
    QVERIFY(!window->keysPage()->isEnabled());
    QVERIFY(!window->lockAction()->isEnabled());
    QVERIFY(!window->backupCommands()->restoreAction()->isEnabled());
    busyBar = window->findChild<QProgressBar *>(QStringLiteral("busyBar"));
    QVERIFY(busyBar && busyBar->isVisible());
    QVERIFY(waitUntilIdle(*window));
    QVERIFY(!busyBar->isVisible());
    QVERIFY(window->lockAction()->isEnabled());
    QVERIFY(window->backupCommands()->restoreAction()->isEnabled());

    QVERIFY(QFile::exists(target));
    QCOMPARE(QFile::permissions(target) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    const QString shown = window->statusBar()->currentMessage();
    QVERIFY2(shown.contains(QStringLiteral("Backed up")) && shown.contains(target),
             qPrintable(shown));
    QVERIFY(window->keysPage()->isEnabled());

    // The copy opens as a vault with the key in it.
    SystemClock clock;
    auto copy = SqlKeyStore::openVault(target, clock);
    QVERIFY2(copy, qPrintable(copy.errorMessage()));
    QVERIFY((*copy)->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
    auto keys = (*copy)->listKeys(false);
    QVERIFY(keys);
    QCOMPARE(keys->size(), 1);
    QCOMPARE(keys->constFirst().name, QStringLiteral("Billing"));
}

void TestBackupUi::backUpRefusesAnExistingFile()
{
    Vault vault;
    QVERIFY(vault.isValid());
    auto window = openWindow(vault);
    QVERIFY(window);
    const QString target = QDir(vault.directory()).filePath(QStringLiteral("precious.txt"));
    {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    answerFiles(*window, target);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    window->backupCommands()->backUpAction()->trigger();
    QVERIFY(waitUntilIdle(*window));
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("not backed up")),
             qPrintable(MessageBox::lastText()));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));
}

void TestBackupUi::restoreBringsBackADeletedKey()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey billing = vault.createKey(QStringLiteral("Billing"));
    vault.createKey(QStringLiteral("Search"));
    auto window = openWindow(vault);
    QVERIFY(window);

    const QString backup = QDir(vault.directory()).filePath(QStringLiteral("before.backup"));
    answerFiles(*window, backup);
    window->backupCommands()->backUpAction()->trigger();
    QVERIFY(waitUntilIdle(*window));
    QVERIFY(QFile::exists(backup));

    // Deleted after the backup (through another connection, as keywardctl would).
    QVERIFY(vault.store().deleteKey(billing.id, billing.version));
    QTRY_VERIFY_WITH_TIMEOUT(!tableShows(*window, QStringLiteral("Billing")), 5000);
    const QStringList before = filesIn(vault.directory());

    m_questions.clear();
    MessageBox::setNextAnswer(QMessageBox::Yes);
    window->backupCommands()->restoreAction()->trigger();
    QCOMPARE(m_questions, {BackupCommands::FileQuestion::RestoreSource});
    // The confirmation says what happens: the current vault kept, later changes gone.
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral(".before-restore-")),
             qPrintable(MessageBox::lastText()));
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("disappear")),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(MessageBox::lastButtons(),
             (QStringList {QStringLiteral("&Restore"), QStringLiteral("&Cancel")}));
    QVERIFY(window->backupCommands()->isBusy() || tableShows(*window, QStringLiteral("Billing")));
    QVERIFY(waitUntilIdle(*window));

    QVERIFY(tableShows(*window, QStringLiteral("Billing")));
    QVERIFY(tableShows(*window, QStringLiteral("Search")));
    const QString shown = window->statusBar()->currentMessage();
    QVERIFY2(shown.contains(QStringLiteral(".before-restore-")), qPrintable(shown));

    // The vault as it was is kept beside it, and still lacks the key.
    QStringList kept = filesIn(vault.directory());
    for (const QString &name : before)
        kept.removeAll(name);
    QVERIFY2(kept.size() == 1, qPrintable(kept.join(u' ')));
    QVERIFY2(kept.constFirst().contains(QStringLiteral(".before-restore-")),
             qPrintable(kept.constFirst()));
    QVERIFY2(shown.contains(kept.constFirst()), qPrintable(shown));
    SystemClock clock;
    auto old = SqlKeyStore::openVault(QDir(vault.directory()).filePath(kept.constFirst()), clock);
    QVERIFY2(old, qPrintable(old.errorMessage()));
    QVERIFY((*old)->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
    QCOMPARE((*old)->listKeys(false)->size(), 1);

    // The window goes on working on the restored vault.
    QVERIFY(window->session().isUnlocked());
    QVERIFY(window->keysPage()->isEnabled());
    QVERIFY(!window->historyBanner()->isShowingProblem());

    // A restore the user chose is no rewound history to warn about when the vault opens again.
    window.reset();
    MainWindow again(*m_settings, vault.clock());
    again.show();
    again.start(vault.path());
    QVERIFY(again.loginDialog());
    QVERIFY(!again.historyBanner()->isShowingProblem());
}

void TestBackupUi::restoreRefusesADamagedBackup()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Billing"));
    auto window = openWindow(vault);
    QVERIFY(window);
    const QString damaged = QDir(vault.directory()).filePath(QStringLiteral("damaged.backup"));
    {
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4096, 'x'));
    }
    const QStringList before = filesIn(vault.directory());
    answerFiles(*window, damaged);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    window->backupCommands()->restoreAction()->trigger();
    // The confirmation took that answer; this one acknowledges the refusal after it.
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(waitUntilIdle(*window));
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Nothing was restored")),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(filesIn(vault.directory()), before);
    QVERIFY(tableShows(*window, QStringLiteral("Billing")));
}

void TestBackupUi::restoreRefusesAnotherVaultsBackup()
{
    Vault other;
    QVERIFY(other.isValid());
    other.createKey(QStringLiteral("Elsewhere"));
    const QString foreign = QDir(other.directory()).filePath(QStringLiteral("other.backup"));
    QVERIFY(VaultBackup::backup(other.path(), foreign));

    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Billing"));
    auto window = openWindow(vault);
    QVERIFY(window);
    const QStringList before = filesIn(vault.directory());
    answerFiles(*window, foreign);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    window->backupCommands()->restoreAction()->trigger();
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(waitUntilIdle(*window));
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Nothing was restored")),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(filesIn(vault.directory()), before);
    QVERIFY(tableShows(*window, QStringLiteral("Billing")));
    QVERIFY(!tableShows(*window, QStringLiteral("Elsewhere")));
}

void TestBackupUi::cancellingTheConfirmationChangesNothing()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey billing = vault.createKey(QStringLiteral("Billing"));
    auto window = openWindow(vault);
    QVERIFY(window);
    const QString backup = QDir(vault.directory()).filePath(QStringLiteral("before.backup"));
    QVERIFY(VaultBackup::backup(vault.path(), backup));
    QVERIFY(vault.store().deleteKey(billing.id, billing.version));
    QTRY_VERIFY_WITH_TIMEOUT(!tableShows(*window, QStringLiteral("Billing")), 5000);
    const QStringList before = filesIn(vault.directory());

    answerFiles(*window, backup);
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    window->backupCommands()->restoreAction()->trigger();
    QVERIFY(!window->backupCommands()->isBusy());
    QTest::qWait(300);
    QCOMPARE(filesIn(vault.directory()), before);
    QVERIFY(!tableShows(*window, QStringLiteral("Billing")));
}

void TestBackupUi::calendarReadsBackInARealParser()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Billing; nightly"), Environment::Production, Role::Developer,
                    {}, 20 * kDayMs);
    vault.createKey(QStringLiteral("Forever"), Environment::Production, Role::Developer, {}, 0);
    auto window = openWindow(vault);
    QVERIFY(window);

    const QString path = m_home.filePath(QStringLiteral("keys.ics"));
    QFile::remove(path);
    answerFiles(*window, path);
    window->backupCommands()->exportCalendarAction()->trigger();
    QCOMPARE(m_questions, {BackupCommands::FileQuestion::CalendarTarget});
    QVERIFY2(m_suggested.endsWith(QStringLiteral("/keys.ics")), qPrintable(m_suggested));
    QVERIFY(QFile::exists(path));
    const QString shown = window->statusBar()->currentMessage();
    QVERIFY2(shown.contains(QStringLiteral("1 event")), qPrintable(shown));

    const Testing::ICalendarRead read = Testing::readICalendar(path);
    QVERIFY2(read.error.isEmpty(), read.error.constData());
    QJsonArray summaries;
    for (const QJsonValue &event : read.events)
        summaries.append(event[QStringLiteral("summary")]);
    QCOMPARE(summaries.size(), 1);
    QVERIFY2(summaries.at(0).toString().contains(QStringLiteral("\"Billing; nightly\"")),
             qPrintable(summaries.at(0).toString()));
}

void TestBackupUi::viewerCannotRestore()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.addMember(QStringLiteral("victor"), Role::Viewer);
    auto window = openWindow(vault, QStringLiteral("victor"), kMemberPassphrase);
    QVERIFY(window);
    BackupCommands *commands = window->backupCommands();
    QVERIFY(commands->backUpAction()->isEnabled());
    QVERIFY(commands->exportCalendarAction()->isEnabled());
    QVERIFY(!commands->restoreAction()->isEnabled());
    QVERIFY2(commands->restoreAction()->toolTip().contains(QStringLiteral("Owner")),
             qPrintable(commands->restoreAction()->toolTip()));
}

QTEST_MAIN(TestBackupUi)
#include "test_backup_ui.moc"
