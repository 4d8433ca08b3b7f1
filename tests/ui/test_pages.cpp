// The members and audit pages and their dialogs, the passphrase strength hint, and the audit
// text, over real vault files.
#include "StoreDatabase.h"
#include "UiTestSupport.h"

#include "ui/AddMemberDialog.h"
#include "ui/AuditLogPage.h"
#include "ui/AuditText.h"
#include "ui/ChangeRoleDialog.h"
#include "ui/MembersPage.h"
#include "ui/PassphraseFields.h"
#include "ui/RolePicker.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Keyward;
using namespace Keyward::UiTest;

Q_DECLARE_METATYPE(PassphraseFields::Strength)

class TestPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passphraseStrength_data();
    void passphraseStrength();
    void passphraseFieldsNeedLengthAndMatch();
    void addMemberDialogAddsAndRefusesDuplicates();
    void changeRoleDialogDemotesAndFlagsKeys();
    void membersPageIsForOwners();
    void auditPageVerifiesTheChain();
    void auditTextReadsLikeSentences();
};

void TestPages::passphraseStrength_data()
{
    using S = PassphraseFields::Strength;
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<PassphraseFields::Strength>("expected");
    QTest::newRow("empty") << QString() << S::Empty;
    QTest::newRow("dictionary word") << QStringLiteral("password") << S::Weak;
    QTest::newRow("one key held down") << QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaa") << S::Weak;
    QTest::newRow("short mix") << QStringLiteral("kw123456") << S::Fair;
    QTest::newRow("symbols and case") << QStringLiteral("Tr0ub4dor&3") << S::Good;
    QTest::newRow("four words") << QStringLiteral("correct horse battery staple") << S::Strong;
    QTest::newRow("non-latin words") << QStringLiteral("пароль для ключей") << S::Strong;
}

void TestPages::passphraseStrength()
{
    QFETCH(QString, passphrase);
    QFETCH(PassphraseFields::Strength, expected);
    QCOMPARE(PassphraseFields::estimate(passphrase), expected);
    QVERIFY(!PassphraseFields::strengthText(expected).isEmpty());
}

void TestPages::passphraseFieldsNeedLengthAndMatch()
{
    PassphraseFields fields;
    QVERIFY(!fields.isAcceptable());
    fields.passphraseEdit()->setText(QStringLiteral("seven77"));
    fields.repeatEdit()->setText(QStringLiteral("seven77"));
    QVERIFY(fields.problem().contains(QStringLiteral("at least 8")));
    fields.passphraseEdit()->setText(QStringLiteral("eight888"));
    QVERIFY(fields.problem().contains(QStringLiteral("different")));
    fields.repeatEdit()->setText(QStringLiteral("eight888"));
    QVERIFY(fields.isAcceptable());
    QCOMPARE(fields.passphrase().toQString(), QStringLiteral("eight888"));
    fields.clear();
    QVERIFY(fields.passphraseEdit()->text().isEmpty());
    QCOMPARE(fields.passphraseEdit()->echoMode(), QLineEdit::Password);
}

void TestPages::addMemberDialogAddsAndRefusesDuplicates()
{
    Vault vault;
    QVERIFY(vault.isValid());
    AddMemberDialog dialog(vault.store());
    auto *add = dialog.findChild<QPushButton *>(QStringLiteral("addMemberButton"));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("memberNameEdit"));
    name->setText(QStringLiteral("Alice")); // names are unique ignoring case
    dialog.findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"))->setText(kMemberPassphrase);
    dialog.findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit"))
        ->setText(kMemberPassphrase);
    QVERIFY(add->isEnabled());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))
                ->text()
                .contains(QStringLiteral("already exists")));

    name->setText(QStringLiteral(" padded "));
    QVERIFY(!add->isEnabled());
    name->setText(QStringLiteral("carol"));
    dialog.findChild<RolePicker *>()->setRole(Role::Admin);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.addedName(), QStringLiteral("carol"));
    const auto members = vault.store().listMembers();
    QVERIFY(members);
    bool found = false;
    for (const Member &member : *members)
        found = found || (member.name == QStringLiteral("carol") && member.role == Role::Admin);
    QVERIFY(found);
    // The passphrase does not linger in the widgets.
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"))->text().isEmpty());
}

void TestPages::changeRoleDialogDemotesAndFlagsKeys()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const Member dev = vault.addMember(QStringLiteral("dev"), Role::Developer);
    auto devStore = SqlKeyStore::openVault(vault.path(), vault.clock());
    QVERIFY(devStore);
    QVERIFY((*devStore)->signIn(QStringLiteral("dev"), secret(kMemberPassphrase)));
    NewKeyRequest request;
    request.name = QStringLiteral("Dev's key");
    request.role = Role::Developer;
    request.grants = {QStringLiteral("telemetry:write")};
    auto issued = (*devStore)->createKey(request);
    QVERIFY(issued);

    ChangeRoleDialog dialog(vault.store(), dev);
    auto *change = dialog.findChild<QPushButton *>(QStringLiteral("changeRoleButton"));
    auto *consequence = dialog.findChild<QLabel *>(QStringLiteral("consequenceLabel"));
    QVERIFY(!change->isEnabled()); // same role: nothing to change
    dialog.rolePicker()->setRole(Role::Viewer);
    QVERIFY(change->isEnabled());
    QVERIFY(consequence->text().contains(QStringLiteral("deactivated")));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const auto key = vault.store().key(issued->key.id);
    QVERIFY(key);
    QCOMPARE(key->state, KeyState::Inactive);
    QVERIFY(key->flagged);

    // A stale member (changed meanwhile) is refused in place.
    ChangeRoleDialog stale(vault.store(), dev);
    stale.rolePicker()->setRole(Role::Admin);
    stale.accept();
    QCOMPARE(stale.result(), int(QDialog::Rejected));
    QVERIFY(!stale.findChild<QLabel *>(QStringLiteral("errorLabel"))->text().isEmpty());
}

void TestPages::membersPageIsForOwners()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const Member dev = vault.addMember(QStringLiteral("dev"), Role::Developer);
    MembersPage page;
    page.setStore(&vault.store(), *vault.store().currentMember());
    QCOMPARE(page.list()->topLevelItemCount(), 2);
    QCOMPARE(page.list()->topLevelItem(0)->text(0), QStringLiteral("alice (you)"));
    auto *add = page.findChild<QPushButton *>(QStringLiteral("addMemberButton"));
    auto *change = page.findChild<QPushButton *>(QStringLiteral("changeRoleButton"));
    QVERIFY(add->isEnabled());
    QVERIFY(!change->isEnabled());
    page.list()->setCurrentItem(page.list()->topLevelItem(1));
    QVERIFY(change->isEnabled());
    QCOMPARE(page.selectedMember()->name, QStringLiteral("dev"));

    page.setStore(&vault.store(), dev);
    QVERIFY(!add->isEnabled());
    QVERIFY(add->toolTip().contains(QStringLiteral("Only Owners")));
    page.setStore(nullptr, std::nullopt);
    QCOMPARE(page.list()->topLevelItemCount(), 0);
}

void TestPages::auditPageVerifiesTheChain()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    ManualClock &clock = vault.clock();
    AuditLogPage page(clock);
    page.setStore(&vault.store());
    QCOMPARE(page.table()->model()->rowCount(), 2);
    page.verifyChain();
    QVERIFY2(page.verificationText().contains(QStringLiteral("intact")),
             qPrintable(page.verificationText()));

    // Someone edits history behind Keyward's back.
    QSqlQuery q(StoreDatabase::of(vault.store()));
    QVERIFY(q.exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE id = 1")));
    page.reload();
    page.verifyChain();
    QVERIFY2(page.verificationText().contains(QStringLiteral("tampered")),
             qPrintable(page.verificationText()));
}

void TestPages::auditTextReadsLikeSentences()
{
    AuditEvent event;
    event.action = QStringLiteral("key.regenerate");
    event.keyId = 7;
    event.details =
        QStringLiteral(R"({"name":"CI","grace_ms":0,"old_hint":"kw_dev_a…b","hint":"kw_dev_c…d"})");
    QCOMPARE(AuditText::action(event.action), QStringLiteral("Regenerated key"));
    QCOMPARE(AuditText::keyName(event), QStringLiteral("CI"));
    QVERIFY(AuditText::details(event).contains(QStringLiteral("stopped working at once")));

    event.action = QStringLiteral("key.edit");
    event.details = QStringLiteral(R"({"name":["Old","New"],"notes":true})");
    QCOMPARE(AuditText::keyName(event), QStringLiteral("New"));
    QCOMPARE(AuditText::details(event),
             QStringLiteral("renamed from “Old” to “New”; notes changed"));

    // A notes-only edit names the key too (it used to read "Key 7").
    event.details = QStringLiteral(R"({"name":"CI","notes":true})");
    QCOMPARE(AuditText::keyName(event), QStringLiteral("CI"));
    QCOMPARE(AuditText::details(event), QStringLiteral("notes changed"));

    // The IP allowlist, set and cleared; an empty list reads "any address".
    event.details = QStringLiteral(R"({"name":"CI","allowed_ips":[[],["10.0.0.0/8","::1"]]})");
    QCOMPARE(AuditText::details(event),
             QStringLiteral("allowed IPs any address → 10.0.0.0/8, ::1"));
    event.details = QStringLiteral(R"({"name":"CI","allowed_ips":[["10.0.0.0/8"],[]]})");
    QCOMPARE(AuditText::details(event), QStringLiteral("allowed IPs 10.0.0.0/8 → any address"));
    event.action = QStringLiteral("key.create");
    event.details = QStringLiteral(R"({"name":"CI","environment":"dev","role":"developer",)"
                                   R"("expires_at":null,"customer":"acme",)"
                                   R"("allowed_ips":["192.0.2.0/24"],"hint":"kw_dev_a…b"})");
    QVERIFY2(AuditText::details(event).contains(
                 QStringLiteral("customer acme, allowed IPs 192.0.2.0/24, kw_dev_a…b")),
             qPrintable(AuditText::details(event)));
    event.action = QStringLiteral("key.edit");

    event.action = QStringLiteral("key.usage_limit");
    event.details = QStringLiteral(R"({"name":"CI","usage_limit":[5,1000],"used":5})");
    QCOMPARE(AuditText::action(event.action), QStringLiteral("Changed usage limit"));
    QCOMPARE(AuditText::keyName(event), QStringLiteral("CI"));
    QCOMPARE(AuditText::details(event),
             QStringLiteral("usage limit 5 requests → %L1 requests (5 used)").arg(1000));
    event.action = QStringLiteral("key.usage_reset");
    event.details = QStringLiteral(R"({"name":"CI","used":5})");
    QCOMPARE(AuditText::action(event.action), QStringLiteral("Reset usage"));
    QVERIFY(AuditText::details(event).contains(QStringLiteral("back to 0 (was 5)")));

    event.keyId.reset();
    event.action = QStringLiteral("member.sign_in");
    event.details = QStringLiteral("{}");
    QCOMPARE(AuditText::action(event.action), QStringLiteral("Signed in"));
    QCOMPARE(AuditText::details(event), QString());
    event.action = QStringLiteral("member.sign_in_failed");
    event.details = QStringLiteral(R"({"member":"bob"})");
    QCOMPARE(AuditText::action(event.action), QStringLiteral("Failed sign-in"));
    QCOMPARE(AuditText::details(event), QStringLiteral("as bob: wrong passphrase"));
    event.details = QStringLiteral("{}");
    QCOMPARE(AuditText::details(event), QStringLiteral("unknown member name (not recorded)"));

    event.action = QStringLiteral("member.role");
    event.details = QStringLiteral(R"({"member":"bob","from":"developer","to":"viewer"})");
    QCOMPARE(AuditText::details(event), QStringLiteral("bob: Developer → Viewer"));

    // Unknown actions and malformed details are shown as they are, never dropped or fatal.
    event.action = QStringLiteral("vault.policy");
    event.details = QStringLiteral(R"({"max_days":30})");
    QCOMPARE(AuditText::action(event.action), QStringLiteral("vault.policy"));
    QCOMPARE(AuditText::details(event), QStringLiteral("max_days: 30"));
    event.details = QStringLiteral("not json");
    QCOMPARE(AuditText::details(event), QString());
    event.details.clear();
    event.keyId.reset();
    QCOMPARE(AuditText::keyName(event), QString());
}

QTEST_MAIN(TestPages)
#include "test_pages.moc"
