// Setting a passphrase from the GUI: the dialog's rules (match, length), what it does to the
// vault file, the Members page button (Owner, or the member themself) and the window's
// "Change My Passphrase…" action. Real vault files, real widgets, offscreen.
#include "UiTestSupport.h"
#include "UiTestSupportDialogs.h"

#include "ui/MainWindow.h"
#include "ui/MembersPage.h"
#include "ui/MessageBox.h"
#include "ui/PassphraseFields.h"
#include "ui/SetPassphraseDialog.h"
#include "ui/Settings.h"
#include "ui/VaultStatusPage.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTest>
#include <QTreeWidget>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

const QString kNewPassphrase = QStringLiteral("seven blue tangerines");

QLineEdit *firstEdit(QWidget *dialog)
{
    return dialog->findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"));
}

QLineEdit *repeatEdit(QWidget *dialog)
{
    return dialog->findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit"));
}

QPushButton *okButton(QWidget *dialog)
{
    return dialog->findChild<QPushButton *>(QStringLiteral("changePassphraseButton"));
}

// Types into both fields the way a person does (the fields start empty).
void type(QWidget *dialog, const QString &first, const QString &repeat)
{
    firstEdit(dialog)->clear();
    repeatEdit(dialog)->clear();
    QTest::keyClicks(firstEdit(dialog), first);
    QTest::keyClicks(repeatEdit(dialog), repeat);
}

QVariant storedHash(SqlKeyStore &store, const QString &member)
{
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral("SELECT passphrase_hash FROM members WHERE name = ?"));
    q.addBindValue(member);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

bool signsIn(Vault &vault, const QString &member, const QString &passphrase)
{
    auto other = SqlKeyStore::openVault(vault.path(), vault.clock());
    return other && (*other)->signIn(member, secret(passphrase)).isOk();
}

QTreeWidgetItem *rowOf(MembersPage &page, const QString &name)
{
    const auto items = page.list()->findItems(name, Qt::MatchStartsWith);
    return items.isEmpty() ? nullptr : items.first();
}

} // namespace

class TestMemberPassphrase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void okOnlyForMatchingLongPassphrase();
    void refusalIsShownAndFieldsCleared();
    void membersPageOffersItToOwnerAndSelf();
    void windowChangesOwnPassphrase();

private:
    QTemporaryDir m_home;
};

void TestMemberPassphrase::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
}

void TestMemberPassphrase::okOnlyForMatchingLongPassphrase()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const Member bob = vault.addMember(QStringLiteral("bob"), Role::Developer);
    SetPassphraseDialog dialog(vault.store(), bob);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.isOwnPassphrase());
    QVERIFY(dialog.windowTitle().contains(QStringLiteral("bob")));
    QCOMPARE(firstEdit(&dialog)->echoMode(), QLineEdit::Password);
    QCOMPARE(repeatEdit(&dialog)->echoMode(), QLineEdit::Password);
    QPushButton *ok = okButton(&dialog);
    QVERIFY(!ok->isEnabled());

    type(&dialog, QStringLiteral("short"), QStringLiteral("short"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(ok->toolTip().contains(QStringLiteral("at least 8")), qPrintable(ok->toolTip()));
    type(&dialog, kNewPassphrase, kNewPassphrase + QLatin1Char('!'));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(ok->toolTip().contains(QStringLiteral("different")), qPrintable(ok->toolTip()));
    type(&dialog, kNewPassphrase, kNewPassphrase);
    QVERIFY(ok->isEnabled());
    const auto *strength = dialog.findChild<QLabel *>(QStringLiteral("strengthLabel"));
    QVERIFY(strength->text().startsWith(QStringLiteral("Strength:")));

    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QVERIFY(firstEdit(&dialog)->text().isEmpty());
    QVERIFY(repeatEdit(&dialog)->text().isEmpty());
    QVERIFY(signsIn(vault, QStringLiteral("bob"), kNewPassphrase));
    QVERIFY(!signsIn(vault, QStringLiteral("bob"), kMemberPassphrase));
}

void TestMemberPassphrase::refusalIsShownAndFieldsCleared()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.addMember(QStringLiteral("dev"), Role::Developer);
    const Member alice = *vault.store().currentMember();
    const QVariant aliceHash = storedHash(vault.store(), QStringLiteral("alice"));
    auto devStore = SqlKeyStore::openVault(vault.path(), vault.clock());
    QVERIFY(devStore);
    QVERIFY((*devStore)->signIn(QStringLiteral("dev"), secret(kMemberPassphrase)));

    // Opened anyway (the page would not offer it): the store refuses, the dialog says why.
    SetPassphraseDialog dialog(**devStore, alice);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    type(&dialog, kNewPassphrase, kNewPassphrase);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    MessageBox::clearNextAnswer();
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Only Owners")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(dialog.isVisible());
    QVERIFY(firstEdit(&dialog)->text().isEmpty());
    QVERIFY(!okButton(&dialog)->isEnabled());
    QCOMPARE(storedHash(vault.store(), QStringLiteral("alice")), aliceHash);

    // Cancel also leaves nothing typed behind.
    QTest::keyClicks(firstEdit(&dialog), kNewPassphrase);
    dialog.reject();
    QVERIFY(firstEdit(&dialog)->text().isEmpty());
}

void TestMemberPassphrase::membersPageOffersItToOwnerAndSelf()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const Member dev = vault.addMember(QStringLiteral("dev"), Role::Developer);
    const QVariant devHash = storedHash(vault.store(), QStringLiteral("dev"));
    MembersPage page;
    page.setStore(&vault.store(), *vault.store().currentMember());
    auto *button = page.findChild<QPushButton *>(QStringLiteral("setPassphraseButton"));
    QVERIFY(button);
    QVERIFY(!button->isHidden());
    QVERIFY(!button->isEnabled()); // nothing selected
    page.list()->setCurrentItem(rowOf(page, QStringLiteral("dev")));
    QVERIFY(button->isEnabled());

    // The Owner sets dev's through the page, as a person would.
    QSignalSpy messages(&page, &MembersPage::message);
    DialogTest::ModalDriver driver;
    driver.on<SetPassphraseDialog>([](SetPassphraseDialog *dialog) {
        type(dialog, kNewPassphrase, kNewPassphrase);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(driver.pendingSteps(), 0);
    QVERIFY(!driver.timedOut());
    QVERIFY(storedHash(vault.store(), QStringLiteral("dev")) != devHash);
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.first().first().toString().contains(QStringLiteral("dev")));

    // Anyone else: their own only.
    page.setStore(&vault.store(), dev);
    page.list()->setCurrentItem(rowOf(page, QStringLiteral("alice")));
    QVERIFY(!button->isEnabled());
    QVERIFY2(button->toolTip().contains(QStringLiteral("Only Owners")),
             qPrintable(button->toolTip()));
    page.list()->setCurrentItem(rowOf(page, QStringLiteral("dev")));
    QVERIFY(button->isEnabled());

    page.setStore(nullptr, std::nullopt);
    QVERIFY(!button->isEnabled());
}

void TestMemberPassphrase::windowChangesOwnPassphrase()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.closeStore();
    Settings settings(m_home.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, vault.clock());
    window.show();
    QAction *action = window.changePassphraseAction();
    QVERIFY(action);
    QVERIFY(!action->isEnabled()); // no vault yet

    window.start(vault.path());
    QVERIFY(!action->isEnabled()); // locked
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QTRY_VERIFY(window.session().isUnlocked());
    QVERIFY(action->isVisible());
    QVERIFY(action->isEnabled());

    action->trigger();
    SetPassphraseDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findVisible<SetPassphraseDialog>(&window)) != nullptr);
    QVERIFY(dialog->isOwnPassphrase());
    type(dialog, kNewPassphrase, kNewPassphrase);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!findVisible<SetPassphraseDialog>(&window));
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("passphrase")),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(window.session().isUnlocked()); // the session goes on

    window.lock();
    QVERIFY(!action->isEnabled());
    QTest::mouseClick(
        window.statusPage()->findChild<QPushButton *>(QStringLiteral("unlockVaultButton")),
        Qt::LeftButton);
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kNewPassphrase));
    QTRY_VERIFY(window.session().isUnlocked());
}

QTEST_MAIN(TestMemberPassphrase)
#include "test_member_passphrase.moc"
