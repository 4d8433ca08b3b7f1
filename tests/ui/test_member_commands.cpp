// The members' flows through MembersPage and MemberCommands, as a person uses them: each button
// opens its dialog window-modal and returns at once (no nested event loop to drive), the dialog
// keeps a refusal in place, and the commands report through message(); the page reloads from the
// store's change channel. Real vault file, real widgets, offscreen.
#include "UiTestSupport.h"

#include "core/DisplayNames.h"
#include "ui/AddMemberDialog.h"
#include "ui/ChangeRoleDialog.h"
#include "ui/ErrorLabel.h"
#include "ui/MemberCommands.h"
#include "ui/MembersPage.h"
#include "ui/MessageBox.h"
#include "ui/RolePicker.h"

#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

QPushButton *button(QWidget *parent, const char *name)
{
    return parent->findChild<QPushButton *>(QLatin1String(name));
}

void select(MembersPage &page, const QString &name)
{
    const auto items = page.list()->findItems(name, Qt::MatchStartsWith);
    if (!items.isEmpty())
        page.list()->setCurrentItem(items.first());
}

std::optional<Member> memberNamed(KeyStore &store, const QString &name)
{
    const auto members = store.listMembers();
    if (members) {
        for (const Member &member : *members) {
            if (member.name == name)
                return member;
        }
    }
    return std::nullopt;
}

// The page as the window wires it: the store's change channel reloads it (the window does
// that through VaultSession::vaultChanged()); the commands never reload it themselves.
struct Wired
{
    explicit Wired(Vault &vault)
        : commands(vault.store(), &page)
    {
        page.show();
        page.setStore(&vault.store(), *vault.store().currentMember());
        page.setCommands(&commands);
        vault.store().setChangeObserver([this](const StoreChange &change) {
            ++changes;
            lastChange = change;
            page.reload();
        });
    }
    MembersPage page;
    MemberCommands commands;
    int changes = 0;
    StoreChange lastChange;
};

} // namespace

class TestMemberCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { MessageBox::clearNextAnswer(); }
    void addsThroughAWindowModalDialog();
    void changesARole();
    void removesAfterAsking();
    void refusesWhoMayNotManageMembers();

private:
    QTemporaryDir m_home;
};

void TestMemberCommands::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
}

void TestMemberCommands::addsThroughAWindowModalDialog()
{
    Vault vault;
    QVERIFY(vault.isValid());
    Wired wired(vault);
    QSignalSpy messages(&wired.commands, &MemberCommands::message);
    QCOMPARE(wired.page.list()->topLevelItemCount(), 1);

    QTest::mouseClick(button(&wired.page, "addMemberButton"), Qt::LeftButton);
    QPointer<AddMemberDialog> dialog = findVisible<AddMemberDialog>(&wired.page);
    QVERIFY(dialog);
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    // A name taken already (names are unique ignoring case): said in place, the dialog stays.
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("memberNameEdit"));
    QTest::keyClicks(name, QStringLiteral("ALICE"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit")),
                     kMemberPassphrase);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit")),
                     kMemberPassphrase);
    QTest::mouseClick(button(dialog, "addMemberButton"), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY2(
        dialog->findChild<ErrorLabel *>()->shownText().contains(QStringLiteral("already exists")),
        qPrintable(dialog->findChild<ErrorLabel *>()->shownText()));
    QCOMPARE(wired.changes, 0);

    name->clear();
    QTest::keyClicks(name, QStringLiteral("carol"));
    dialog->findChild<RolePicker *>()->setRole(Role::Admin);
    QTest::mouseClick(button(dialog, "addMemberButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(wired.changes, 1);
    // Said as a change to members, with the counter it committed: no second look needed.
    QVERIFY(wired.lastChange.members);
    QCOMPARE(wired.lastChange.counter, *vault.store().changeCounter());
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().first().toString(), QStringLiteral("carol was added to the vault."));
    QCOMPARE(wired.page.list()->topLevelItemCount(), 2);
    QCOMPARE(memberNamed(vault.store(), QStringLiteral("carol"))->role, Role::Admin);

    // Cancelled: nothing changes, nothing is said.
    QTest::mouseClick(button(&wired.page, "addMemberButton"), Qt::LeftButton);
    dialog = findVisible<AddMemberDialog>(&wired.page);
    QVERIFY(dialog);
    dialog->reject();
    QTRY_VERIFY(!dialog);
    QCOMPARE(wired.changes, 1);
    QCOMPARE(messages.size(), 1);
}

void TestMemberCommands::changesARole()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const Member dev = vault.addMember(QStringLiteral("dev"), Role::Developer);
    Wired wired(vault);
    QSignalSpy messages(&wired.commands, &MemberCommands::message);
    QPushButton *change = button(&wired.page, "changeRoleButton");
    QVERIFY(!change->isEnabled());
    select(wired.page, QStringLiteral("dev"));
    QVERIFY(change->isEnabled());

    QTest::mouseClick(change, Qt::LeftButton);
    QPointer<ChangeRoleDialog> dialog = findVisible<ChangeRoleDialog>(&wired.page);
    QVERIFY(dialog);
    dialog->rolePicker()->setRole(Role::Viewer);
    QTest::mouseClick(button(dialog, "changeRoleButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(wired.changes, 1);
    QCOMPARE(messages.first().first().toString(),
             QStringLiteral("dev is now %1.").arg(DisplayNames::role(Role::Viewer)));
    QCOMPARE(memberNamed(vault.store(), QStringLiteral("dev"))->role, Role::Viewer);
    // The reloaded page shows it, and keeps the selection.
    QCOMPARE(wired.page.selectedMember()->role, Role::Viewer);

    // A stale member (changed elsewhere, by another connection, since the page read it):
    // refused in the dialog.
    auto elsewhere = SqlKeyStore::openVault(vault.path(), vault.clock());
    QVERIFY(elsewhere);
    QVERIFY((*elsewhere)->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
    QVERIFY(
        (*elsewhere)
            ->setMemberRole(dev.id, memberNamed(vault.store(), dev.name)->version, Role::Admin));
    const int changesBefore = wired.changes;
    QTest::mouseClick(change, Qt::LeftButton);
    dialog = findVisible<ChangeRoleDialog>(&wired.page);
    QVERIFY(dialog);
    dialog->rolePicker()->setRole(Role::Developer);
    QTest::mouseClick(button(dialog, "changeRoleButton"), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->findChild<ErrorLabel *>()->shownText().isEmpty());
    // The refusal found someone else's change: the page behind the dialog shows it now.
    QCOMPARE(wired.changes, changesBefore + 1);
    QCOMPARE(wired.page.selectedMember()->role, Role::Admin);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void TestMemberCommands::removesAfterAsking()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.addMember(QStringLiteral("dev"), Role::Developer);
    Wired wired(vault);
    select(wired.page, QStringLiteral("dev"));

    MessageBox::setNextAnswer(QMessageBox::No); // keeps them
    QTest::mouseClick(button(&wired.page, "removeMemberButton"), Qt::LeftButton);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Remove dev from this vault?")));
    QVERIFY(memberNamed(vault.store(), QStringLiteral("dev")));
    QCOMPARE(wired.changes, 0);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QSignalSpy messages(&wired.commands, &MemberCommands::message);
    QTest::mouseClick(button(&wired.page, "removeMemberButton"), Qt::LeftButton);
    QVERIFY(!memberNamed(vault.store(), QStringLiteral("dev")));
    QCOMPARE(wired.changes, 1);
    QCOMPARE(messages.first().first().toString(),
             QStringLiteral("dev was removed from the vault."));
    QCOMPARE(wired.page.list()->topLevelItemCount(), 1);
}

void TestMemberCommands::refusesWhoMayNotManageMembers()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.addMember(QStringLiteral("dev"), Role::Developer);
    auto devStore = SqlKeyStore::openVault(vault.path(), vault.clock());
    QVERIFY(devStore);
    QVERIFY((*devStore)->signIn(QStringLiteral("dev"), secret(kMemberPassphrase)));
    QWidget parent;
    parent.show();
    MemberCommands commands(**devStore, &parent);
    QSignalSpy messages(&commands, &MemberCommands::message);
    int changes = 0;
    (*devStore)->setChangeObserver([&changes](const StoreChange &) { ++changes; });

    // Called anyway (the page would not offer them): refused before any dialog, and said why.
    commands.addMember();
    QVERIFY(!findVisible<AddMemberDialog>(&parent));
    const Member alice = *memberNamed(vault.store(), QStringLiteral("alice"));
    commands.changeRole(alice);
    QVERIFY(!findVisible<ChangeRoleDialog>(&parent));
    commands.removeMember(alice);
    QCOMPARE(messages.size(), 3);
    for (const QList<QVariant> &message : std::as_const(messages))
        QVERIFY2(message.first().toString().contains(QStringLiteral("Only Owners")),
                 qPrintable(message.first().toString()));
    QCOMPARE(changes, 0);
    QVERIFY(memberNamed(vault.store(), QStringLiteral("alice")));
}

QTEST_MAIN(TestMemberCommands)
#include "test_member_commands.moc"
