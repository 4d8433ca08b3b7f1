// Setting a passphrase from the GUI: the dialog's rules (match, length, the current passphrase
// for one's own), what it does to the vault file, the Members page button (Owner, or the member
// themself) and the window's "Change My Passphrase…" action. Real vault files, real widgets,
// offscreen.
#include "StoreDatabase.h"
#include "UiTestSupport.h"
#include "UiTestSupportDialogs.h"

#include "ui/ErrorLabel.h"
#include "ui/MainWindow.h"
#include "ui/MemberCommands.h"
#include "ui/MembersPage.h"
#include "ui/PassphraseFields.h"
#include "ui/SetPassphraseDialog.h"
#include "ui/Settings.h"
#include "ui/VaultStatusPage.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
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

QLineEdit *currentEdit(QWidget *dialog)
{
    return dialog->findChild<QLineEdit *>(QStringLiteral("currentPassphraseEdit"));
}

QLabel *currentErrorLabel(QWidget *dialog)
{
    return dialog->findChild<QLabel *>(QStringLiteral("currentPassphraseErrorLabel"));
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
    QSqlQuery q(StoreDatabase::of(store));
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
    void ownChangeAsksForTheCurrentPassphrase();
    void membersPageOffersItToOwnerAndSelf();
    void windowChangesOwnPassphrase();
    void acceleratorsAreUnique();

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
    // The Owner is signed in already; bob's current passphrase is not theirs to know.
    QVERIFY(!currentEdit(&dialog));
    QVERIFY(!dialog.currentPassphraseEdit());
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
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    // Said in place, in the dialog that stays open.
    auto *error = dialog.findChild<ErrorLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error);
    QVERIFY2(error->shownText().contains(QStringLiteral("Only Owners")),
             qPrintable(error->shownText()));
    QVERIFY(dialog.isVisible());
    QVERIFY(firstEdit(&dialog)->text().isEmpty());
    QVERIFY(!okButton(&dialog)->isEnabled());
    QCOMPARE(storedHash(vault.store(), QStringLiteral("alice")), aliceHash);

    // Cancel also leaves nothing typed behind, nor the refusal.
    QTest::keyClicks(firstEdit(&dialog), kNewPassphrase);
    dialog.reject();
    QVERIFY(firstEdit(&dialog)->text().isEmpty());
    QVERIFY(error->shownText().isEmpty());
}

void TestMemberPassphrase::ownChangeAsksForTheCurrentPassphrase()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const Member alice = *vault.store().currentMember();
    const QVariant aliceHash = storedHash(vault.store(), QStringLiteral("alice"));
    const qint64 auditRows = vault.store().auditEvents()->size();
    SetPassphraseDialog dialog(vault.store(), alice);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.isOwnPassphrase());
    QLineEdit *current = currentEdit(&dialog);
    QVERIFY(current);
    QCOMPARE(dialog.currentPassphraseEdit(), current);
    QCOMPARE(current->echoMode(), QLineEdit::Password);
    QTRY_COMPARE(QApplication::focusWidget(), current);
    QVERIFY(currentErrorLabel(&dialog)->isHidden());

    // A valid new passphrase is not enough on its own.
    type(&dialog, kNewPassphrase, kNewPassphrase);
    QPushButton *ok = okButton(&dialog);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(ok->toolTip().contains(QStringLiteral("current passphrase")),
             qPrintable(ok->toolTip()));
    QTest::keyClicks(current, kOwnerPassphrase + QLatin1Char('?'));
    QVERIFY(ok->isEnabled());

    // Wrong: said in place, the dialog stays, only the current passphrase is asked again.
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(!currentErrorLabel(&dialog)->isHidden());
    QVERIFY2(currentErrorLabel(&dialog)->text().contains(QStringLiteral("Wrong current")),
             qPrintable(currentErrorLabel(&dialog)->text()));
    QVERIFY(current->text().isEmpty());
    QTRY_COMPARE(QApplication::focusWidget(), current);
    QCOMPARE(firstEdit(&dialog)->text(), kNewPassphrase);
    QVERIFY(!ok->isEnabled());
    QCOMPARE(storedHash(vault.store(), QStringLiteral("alice")), aliceHash);
    QCOMPARE(vault.store().auditEvents()->size(), auditRows);
    QCOMPARE(vault.store().currentMember()->version, alice.version);

    // Typing again answers the complaint; the right one changes it.
    QTest::keyClicks(current, kOwnerPassphrase);
    QVERIFY(currentErrorLabel(&dialog)->isHidden());
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QVERIFY(current->text().isEmpty());
    QVERIFY(firstEdit(&dialog)->text().isEmpty());
    QVERIFY(repeatEdit(&dialog)->text().isEmpty());
    QVERIFY(storedHash(vault.store(), QStringLiteral("alice")) != aliceHash);
    QCOMPARE(vault.store().auditEvents()->size(), auditRows + 1);
    QVERIFY(signsIn(vault, QStringLiteral("alice"), kNewPassphrase));

    // Cancelled with something typed: nothing stays in the fields.
    SetPassphraseDialog again(vault.store(), *vault.store().currentMember());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QTest::keyClicks(currentEdit(&again), kNewPassphrase);
    type(&again, kOwnerPassphrase, kOwnerPassphrase);
    again.reject();
    QVERIFY(currentEdit(&again)->text().isEmpty());
    QVERIFY(firstEdit(&again)->text().isEmpty());
    QVERIFY(repeatEdit(&again)->text().isEmpty());
}

void TestMemberPassphrase::membersPageOffersItToOwnerAndSelf()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const Member dev = vault.addMember(QStringLiteral("dev"), Role::Developer);
    const QVariant devHash = storedHash(vault.store(), QStringLiteral("dev"));
    MembersPage page;
    page.show();
    page.setStore(&vault.store(), *vault.store().currentMember());
    MemberCommands commands(vault.store(), &page);
    page.setCommands(&commands);
    auto *button = page.findChild<QPushButton *>(QStringLiteral("setPassphraseButton"));
    QVERIFY(button);
    QVERIFY(!button->isHidden());
    QVERIFY(!button->isEnabled()); // nothing selected
    page.list()->setCurrentItem(rowOf(page, QStringLiteral("dev")));
    QVERIFY(button->isEnabled());

    // The Owner sets dev's through the page, as a person would: the dialog opens window-modal
    // and the click returns at once.
    QSignalSpy messages(&commands, &MemberCommands::message);
    QTest::mouseClick(button, Qt::LeftButton);
    QPointer<SetPassphraseDialog> dialog = findVisible<SetPassphraseDialog>(&page);
    QVERIFY(dialog);
    QVERIFY(!dialog->isOwnPassphrase());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    type(dialog, kNewPassphrase, kNewPassphrase);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog); // deleted once closed
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
    // The Owner's own from the page asks for the current one too.
    page.setStore(&vault.store(), *vault.store().currentMember());
    page.list()->setCurrentItem(rowOf(page, QStringLiteral("alice")));
    QTest::mouseClick(button, Qt::LeftButton);
    dialog = findVisible<SetPassphraseDialog>(&page);
    QVERIFY(dialog);
    QVERIFY(dialog->isOwnPassphrase());
    QVERIFY(currentEdit(dialog));
    dialog->reject();
    QTRY_VERIFY(!dialog);
    QCOMPARE(messages.size(), 1); // cancelled: nothing to say

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
    QVERIFY(!okButton(dialog)->isEnabled());
    QTest::keyClicks(currentEdit(dialog), kOwnerPassphrase);
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

// Alt+letter must reach every field of the passphrase forms (the translator found &Role beside
// &Repeat, and Key &prefix beside &Passphrase); test_german checks the German texts.
void TestMemberPassphrase::acceleratorsAreUnique()
{
    const QStringList clashes = DialogTest::passphraseDialogAcceleratorClashes();
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestMemberPassphrase)
#include "test_member_passphrase.moc"
