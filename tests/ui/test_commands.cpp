// KeyCommands end to end: permission first, the real dialogs run with exec() and driven as a
// person would, the real SQLite vault changed (or, when refused, left exactly as it was).

#include "StoreDatabase.h"
#include "UiTestSupportDialogs.h"

#include "core/Permissions.h"
#include "ui/ClipboardGuard.h"
#include "ui/ConfirmDestructiveDialog.h"
#include "ui/EditKeyDialog.h"
#include "ui/Formatting.h"
#include "ui/GenerateKeyDialog.h"
#include "ui/KeyActions.h"
#include "ui/KeyCommands.h"
#include "ui/MessageBox.h"
#include "ui/RegenerateKeyDialog.h"
#include "ui/RevealKeyDialog.h"

#include "crypto/Sha256.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTest>

using namespace Keyward;
using namespace Keyward::DialogTest;

namespace {

QPushButton *button(QWidget *dialog, const char *name)
{
    return dialog->findChild<QPushButton *>(QLatin1String(name));
}

// Copies the token (so closing asks nothing) and remembers it, then closes.
std::function<void(RevealKeyDialog *)> copyAndClose(QString *token)
{
    return [token](RevealKeyDialog *reveal) {
        *token = reveal->findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->text();
        QTest::mouseClick(button(reveal, "copyButton"), Qt::LeftButton);
        QTest::mouseClick(button(reveal, "closeButton"), Qt::LeftButton);
    };
}

qint64 auditCount(KeyStore &store)
{
    auto events = store.auditEvents();
    return events ? events->size() : -1;
}

// The whole command under test, with the pieces every test needs.
struct Harness
{
    Testing::VaultFixture vault;
    ClipboardGuard guard {QGuiApplication::clipboard(), vault.clock};
    KeyCommands commands {*vault.store, vault.clock, guard, nullptr};
    QSignalSpy changed {&commands, &KeyCommands::keysChanged};
    QSignalSpy messages {&commands, &KeyCommands::message};
    QSignalSpy failures {&commands, &KeyCommands::failed};
};

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        MessageBox::clearNextAnswer();
        QGuiApplication::clipboard()->clear();
    }
    void cleanup() { MessageBox::clearNextAnswer(); }

    void generateCreatesKeyEndToEnd();
    void generateCancelledChangesNothing();
    void generateNeedsSignIn();
    void developerRefusedOnOthersKey_data();
    void developerRefusedOnOthersKey();
    void developerMayManageOwnKey();
    void editSaves();
    void editDuplicateOpensGeneratePrefilled();
    void staleEditSaysChangedBySomeoneElse();
    void regenerateWithGraceKeepsTwoSecrets();
    void endGracePeriodAfterConfirmation();
    void regenerateExpiredKeyOffersDuplicate();
    void duplicateActionFollowsCreatePermission();
    void editRaisesAndResetsUsageLimit();
    void deactivateAsksFirst();
    void revokeKey();
    void deleteProductionKeyNeedsItsName();
};

void TestCommands::generateCreatesKeyEndToEnd()
{
    Harness h;
    const QString hostile = QStringLiteral("Robert'); DROP TABLE api_keys;-- <b>x</b>");
    QString token;
    ModalDriver driver;
    driver.on<GenerateKeyDialog>([&](GenerateKeyDialog *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), hostile);
        auto *environment = dialog->findChild<QComboBox *>(QStringLiteral("environmentCombo"));
        environment->setCurrentIndex(environment->findData(environmentToInt(Environment::Staging)));
        QTest::mouseClick(
            dialog->findChild<QCheckBox *>(QStringLiteral("grantCheck_licenses_manage")),
            Qt::LeftButton);
        QTest::mouseClick(button(dialog, "generateButton"), Qt::LeftButton);
    });
    driver.on<RevealKeyDialog>(copyAndClose(&token));

    QVERIFY(h.commands.generate());
    QCOMPARE(driver.pendingSteps(), 0);
    QVERIFY(!driver.timedOut());

    auto keys = h.vault.store->listKeys();
    QVERIFY(keys);
    QCOMPARE(keys->size(), 1);
    const ApiKey key = keys->constFirst();
    QCOMPARE(key.name, hostile); // data, stored as typed
    QCOMPARE(key.environment, Environment::Staging);
    QCOMPARE(key.role, Role::Developer);
    QVERIFY(!key.grants.contains(QStringLiteral("licenses:manage")));
    QVERIFY(key.grants.contains(QStringLiteral("telemetry:write")));
    QCOMPARE(key.expiresAtMs, std::optional<qint64>(h.vault.clock.nowMs() + 90 * kDayMs));

    // The token shown once is the key's only secret, and it went to the clipboard.
    QVERIFY(token.startsWith(QLatin1String("kw_stg_")));
    auto found = h.vault.store->findSecret(Sha256::hash(token.toUtf8()));
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->key.id, key.id);
    QCOMPARE(QGuiApplication::clipboard()->text(), token);

    QCOMPARE(h.changed.size(), 1);
    QCOMPARE(h.changed.at(0).at(0).toLongLong(), key.id);
    QCOMPARE(h.messages.size(), 1);
    QVERIFY(h.messages.at(0).at(0).toString().contains(QLatin1String("generated")));
    QCOMPARE(h.failures.size(), 0);
}

void TestCommands::generateCancelledChangesNothing()
{
    Harness h;
    const qint64 auditBefore = auditCount(*h.vault.store);
    ModalDriver driver;
    driver.on<GenerateKeyDialog>([](GenerateKeyDialog *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                         QStringLiteral("never mind"));
        QTest::mouseClick(button(dialog, "cancelButton"), Qt::LeftButton);
    });
    QVERIFY(!h.commands.generate());
    QCOMPARE(driver.pendingSteps(), 0);
    QCOMPARE(h.vault.store->listKeys()->size(), 0);
    QCOMPARE(auditCount(*h.vault.store), auditBefore);
    QCOMPARE(h.changed.size(), 0);
    QCOMPARE(h.failures.size(), 0);
}

void TestCommands::generateNeedsSignIn()
{
    Harness h;
    h.vault.store->signOut();
    ModalDriver driver;
    driver.on<QDialog>([](QDialog *dialog) { dialog->reject(); }); // must not be needed
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(!h.commands.generate());
    QCOMPARE(driver.stepsRun(), 0);
    QCOMPARE(h.failures.size(), 1);
    QCOMPARE(MessageBox::lastText(), h.failures.at(0).at(0).toString());
}

void TestCommands::developerRefusedOnOthersKey_data()
{
    QTest::addColumn<QString>("action");
    for (const char *action : {"edit", "regenerate", "deactivate", "revoke", "delete"})
        QTest::newRow(action) << QString::fromLatin1(action);
}

void TestCommands::developerRefusedOnOthersKey()
{
    QFETCH(QString, action);
    Testing::VaultFixture vault;
    QVERIFY(addDeveloper(vault));
    const ApiKey alicesKey = createKey(vault, QStringLiteral("Alice's deploy key"));
    QVERIFY(alicesKey.id > 0);
    std::unique_ptr<SqlKeyStore> daveStore = vault.openSecond(kDeveloperName, kDeveloperPassphrase);
    const qint64 auditBefore = auditCount(*vault.store);

    ClipboardGuard guard(QGuiApplication::clipboard(), vault.clock);
    KeyCommands commands(*daveStore, vault.clock, guard, nullptr);
    QSignalSpy failures(&commands, &KeyCommands::failed);
    QSignalSpy changed(&commands, &KeyCommands::keysChanged);
    ModalDriver driver;
    driver.on<QDialog>([](QDialog *dialog) { dialog->reject(); }); // no dialog may open

    MessageBox::setNextAnswer(QMessageBox::Ok);
    bool result = true;
    if (action == QLatin1String("edit"))
        result = commands.edit(alicesKey);
    else if (action == QLatin1String("regenerate"))
        result = commands.regenerate(alicesKey);
    else if (action == QLatin1String("deactivate"))
        result = commands.setActive(alicesKey, false);
    else if (action == QLatin1String("revoke"))
        result = commands.revoke(alicesKey);
    else
        result = commands.remove(alicesKey);

    QVERIFY(!result);
    QCOMPARE(driver.stepsRun(), 0);
    QCOMPARE(failures.size(), 1);
    const QString refusal = failures.at(0).at(0).toString();
    QVERIFY2(refusal.contains(QLatin1String("Developers can only change keys they created")),
             qPrintable(refusal));
    QCOMPARE(MessageBox::lastText(), refusal); // shown, not only signalled
    QCOMPARE(changed.size(), 0);

    auto after = vault.store->key(alicesKey.id);
    QVERIFY(after);
    QCOMPARE(after->version, alicesKey.version);
    QCOMPARE(after->state, KeyState::Active);
    QCOMPARE(after->secrets.size(), 1);
    QCOMPARE(auditCount(*vault.store), auditBefore);
}

void TestCommands::developerMayManageOwnKey()
{
    Testing::VaultFixture vault;
    QVERIFY(addDeveloper(vault));
    std::unique_ptr<SqlKeyStore> daveStore = vault.openSecond(kDeveloperName, kDeveloperPassphrase);
    ClipboardGuard guard(QGuiApplication::clipboard(), vault.clock);
    KeyCommands commands(*daveStore, vault.clock, guard, nullptr);
    QString token;
    ModalDriver driver;
    driver.on<GenerateKeyDialog>([](GenerateKeyDialog *dialog) {
        // The role picker stops at Developer for a Developer.
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("roleCombo"))->count(), 2);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                         QStringLiteral("Dave's key"));
        QTest::mouseClick(button(dialog, "generateButton"), Qt::LeftButton);
    });
    driver.on<RevealKeyDialog>(copyAndClose(&token));
    QVERIFY(commands.generate());
    auto keys = daveStore->listKeys();
    QCOMPARE(keys->size(), 1);

    ModalDriver revokeDriver;
    revokeDriver.on<ConfirmDestructiveDialog>([](ConfirmDestructiveDialog *dialog) {
        QTest::mouseClick(button(dialog, "confirmButton"), Qt::LeftButton);
    });
    QVERIFY(commands.revoke(keys->constFirst()));
    QCOMPARE(daveStore->key(keys->constFirst().id)->state, KeyState::Revoked);
}

void TestCommands::editSaves()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Old name"));
    ModalDriver driver;
    driver.on<EditKeyDialog>([](EditKeyDialog *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("New name"));
        dialog->findChild<QComboBox *>(QStringLiteral("expiryCombo"))->setCurrentIndex(1);
        QTest::mouseClick(button(dialog, "saveButton"), Qt::LeftButton);
    });
    QVERIFY(h.commands.edit(key));
    QCOMPARE(driver.pendingSteps(), 0);
    auto after = h.vault.store->key(key.id);
    QCOMPARE(after->name, QStringLiteral("New name"));
    QVERIFY(*after->expiresAtMs < *key.expiresAtMs);
    QCOMPARE(h.changed.size(), 1);
    QVERIFY(h.messages.at(0).at(0).toString().contains(QLatin1String("saved")));
}

void TestCommands::editDuplicateOpensGeneratePrefilled()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Reporting"), Environment::Production);
    QString token;
    ModalDriver driver;
    driver.on<EditKeyDialog>([](EditKeyDialog *dialog) {
        QTest::mouseClick(button(dialog, "duplicateButton"), Qt::LeftButton);
    });
    driver.on<GenerateKeyDialog>([](GenerateKeyDialog *dialog) {
        QCOMPARE(dialog->request().name, QStringLiteral("Reporting (copy)"));
        QCOMPARE(dialog->request().environment, Environment::Production);
        QTest::mouseClick(dialog->findChild<QCheckBox *>(QStringLiteral("grantCheck_billing_read")),
                          Qt::LeftButton);
        QTest::mouseClick(button(dialog, "generateButton"), Qt::LeftButton);
    });
    driver.on<RevealKeyDialog>(copyAndClose(&token));
    QVERIFY(h.commands.edit(key));
    QCOMPARE(driver.pendingSteps(), 0);
    auto keys = h.vault.store->listKeys();
    QCOMPARE(keys->size(), 2);
    const ApiKey copy = keys->at(1);
    QCOMPARE(copy.name, QStringLiteral("Reporting (copy)"));
    QVERIFY(!copy.grants.contains(QStringLiteral("billing:read")));
    QCOMPARE(h.vault.store->key(key.id)->version, key.version); // the original is untouched
}

void TestCommands::staleEditSaysChangedBySomeoneElse()
{
    Harness h;
    const ApiKey seen = createKey(h.vault, QStringLiteral("Shared key"));
    // Someone else, in another window or process, renames it first.
    std::unique_ptr<SqlKeyStore> other = h.vault.openSecond();
    KeyEdit theirs {QStringLiteral("Renamed elsewhere"), seen.notes, seen.rateLimit,
                    seen.expiresAtMs};
    QVERIFY(other->editKey(seen.id, seen.version, theirs));

    ModalDriver driver;
    driver.on<EditKeyDialog>([](EditKeyDialog *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("My name"));
        QTest::mouseClick(button(dialog, "saveButton"), Qt::LeftButton);
    });
    MessageBox::setNextAnswer(QMessageBox::Ok); // acknowledges the warning
    QVERIFY(!h.commands.edit(seen));
    QCOMPARE(driver.pendingSteps(), 0);

    QCOMPARE(h.failures.size(), 1);
    const QString text = h.failures.at(0).at(0).toString();
    QVERIFY2(text.contains(QLatin1String("changed by someone else")), qPrintable(text));
    QCOMPARE(MessageBox::lastText(), text);
    // The view is told to reload.
    QCOMPARE(h.changed.size(), 1);
    QCOMPARE(h.changed.at(0).at(0).toLongLong(), seen.id);
    // Their change stands; ours did not overwrite it.
    QCOMPARE(h.vault.store->key(seen.id)->name, QStringLiteral("Renamed elsewhere"));
}

// The action is offered only while a previous secret is in its grace period; the question says
// when the old secret would stop, and answering "keep" changes nothing.
void TestCommands::endGracePeriodAfterConfirmation()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Webhook signer"));
    KeyActions actions;
    const Member owner = *h.vault.store->currentMember();
    actions.update(owner, &key, QString(), h.vault.clock.nowMs());
    QVERIFY(!actions.endGracePeriod()->isEnabled());
    QVERIFY(actions.endGracePeriod()->toolTip().contains(QLatin1String("no previous secret")));
    auto regenerated = h.vault.store->regenerateKey(key.id, key.version, 24 * kHourMs);
    QVERIFY(regenerated);
    actions.update(owner, &regenerated->key, QString(), h.vault.clock.nowMs());
    QVERIFY(actions.endGracePeriod()->isEnabled());

    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!h.commands.endGracePeriod(regenerated->key));
    QVERIFY2(MessageBox::lastText().contains(key.hint()), qPrintable(MessageBox::lastText()));
    QVERIFY2(MessageBox::lastText().contains(QLatin1String("in 1 day")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(h.vault.store->key(key.id)->secrets.at(1).isInGracePeriodAt(h.vault.clock.nowMs()));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(h.commands.endGracePeriod(regenerated->key));
    auto after = h.vault.store->key(key.id);
    QVERIFY(after);
    QVERIFY(after->secretsInGraceAt(h.vault.clock.nowMs()).isEmpty());
    QCOMPARE(h.changed.size(), 1);
    QVERIFY(h.messages.at(0).at(0).toString().contains(QLatin1String("no longer works")));
    auto found = h.vault.store->findSecret(key.secrets.at(0).hash);
    QVERIFY(found && found->has_value());
    QVERIFY((*found)->secret.isRetiredAt(h.vault.clock.nowMs()));
}

void TestCommands::regenerateWithGraceKeepsTwoSecrets()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Webhook signer"));
    QString token;
    ModalDriver driver;
    driver.on<RegenerateKeyDialog>([](RegenerateKeyDialog *dialog) {
        QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("grace24hRadio")),
                          Qt::LeftButton);
        QTest::mouseClick(button(dialog, "regenerateButton"), Qt::LeftButton);
    });
    driver.on<RevealKeyDialog>([&](RevealKeyDialog *reveal) {
        QCOMPARE(reveal->windowTitle(), QStringLiteral("Regenerated API Key"));
        copyAndClose (&token)(reveal);
    });
    QVERIFY(h.commands.regenerate(key));
    QCOMPARE(driver.pendingSteps(), 0);

    auto after = h.vault.store->key(key.id);
    QVERIFY(after);
    QCOMPARE(after->secrets.size(), 2);
    const qint64 now = h.vault.clock.nowMs();
    QVERIFY(!after->secrets.at(0).retiresAtMs);
    QCOMPARE(after->secrets.at(1).retiresAtMs, std::optional<qint64>(now + 24 * kHourMs));
    QCOMPARE(after->secrets.at(1).hash, key.secrets.at(0).hash);
    auto found = h.vault.store->findSecret(Sha256::hash(token.toUtf8()));
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->secret.id, after->secrets.at(0).id);
    // The status bar says what the details pane says, with the same function: "stops working
    // in 1 day" (not "works for 1 day more" beside the pane's "in 23 hours").
    const QString message = h.messages.at(0).at(0).toString();
    const qint64 retires = *after->secrets.at(1).retiresAtMs;
    QVERIFY2(message.contains(QLatin1String("regenerated")), qPrintable(message));
    QVERIFY2(
        message.contains(QStringLiteral("stops working ") + Formatting::relativeTime(retires, now)),
        qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("in 1 day")), qPrintable(message));
    // A little later the pane still reads the same deadline (rounded, not cut down to hours).
    h.vault.clock.advanceMs(30 * kSecondMs);
    QCOMPARE(Formatting::relativeTime(retires, h.vault.clock.nowMs()),
             Formatting::relativeTime(retires, now));
}

void TestCommands::regenerateExpiredKeyOffersDuplicate()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Old partner"), Environment::Production);
    h.vault.clock.advanceMs(91 * kDayMs);

    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!h.commands.regenerate(key));
    QVERIFY2(MessageBox::lastText().contains(QLatin1String("Duplicate")),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(h.failures.size(), 1);
    QCOMPARE(h.vault.store->key(key.id)->secrets.size(), 1);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    ModalDriver driver;
    driver.on<GenerateKeyDialog>([](GenerateKeyDialog *dialog) {
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Duplicate API Key"));
        QCOMPARE(dialog->request().name, QStringLiteral("Old partner (copy)"));
        QCOMPARE(dialog->request().environment, Environment::Production);
        dialog->reject();
    });
    QVERIFY(!h.commands.regenerate(key)); // Duplicate opened, then cancelled
    QCOMPARE(driver.pendingSteps(), 0);
    QCOMPARE(h.vault.store->key(key.id)->secrets.size(), 1);
}

// Duplicate is a key action of its own (menus, context menu): whoever may generate keys may
// duplicate the selected key.
void TestCommands::duplicateActionFollowsCreatePermission()
{
    KeyActions actions;
    QVERIFY(actions.keyActions().contains(actions.duplicate()));
    QCOMPARE(actions.duplicate()->objectName(), QStringLiteral("actionDuplicate"));
    QVERIFY(!actions.duplicate()->isEnabled()); // locked

    Member owner;
    owner.id = 1;
    owner.name = QStringLiteral("alice");
    owner.role = Role::Owner;
    ApiKey key;
    key.id = 7;
    key.name = QStringLiteral("Partner");
    key.role = Role::Developer;
    key.createdById = 2;
    actions.update(owner, nullptr);
    QVERIFY(!actions.duplicate()->isEnabled());
    QCOMPARE(actions.duplicate()->toolTip(), QStringLiteral("Select a key first."));
    actions.update(owner, &key);
    QVERIFY(actions.duplicate()->isEnabled());

    Member viewer = owner;
    viewer.role = Role::Viewer;
    actions.update(viewer, &key);
    QVERIFY(!actions.duplicate()->isEnabled());
    QCOMPARE(actions.duplicate()->toolTip(), Permissions::roleNeededMessage(KeyAction::Create));
}

// "An admin can raise the limit": the Edit dialog does it for Admins and Owners, and can count
// the usage from 0 again.
void TestCommands::editRaisesAndResetsUsageLimit()
{
    Harness h;
    NewKeyRequest request = h.vault.request(QStringLiteral("Metered"), Environment::Development);
    request.usageLimit = 5;
    auto issued = h.vault.store->createKey(request);
    QVERIFY(issued);
    const qint64 id = issued->key.id;
    QSqlQuery used(StoreDatabase::of(*h.vault.store));
    QVERIFY(used.exec(QStringLiteral("UPDATE api_keys SET usage_count = 5 WHERE id = %1").arg(id)));
    const ApiKey key = *h.vault.store->key(id);

    ModalDriver driver;
    driver.on<EditKeyDialog>([](EditKeyDialog *dialog) {
        auto *limit = dialog->findChild<QSpinBox *>(QStringLiteral("usageLimitSpin"));
        auto *reset = dialog->findChild<QCheckBox *>(QStringLiteral("resetUsageCheck"));
        QVERIFY(limit && reset);
        QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("usageLimitCheck"))->isChecked());
        QCOMPARE(limit->value(), 5);
        limit->setValue(50);
        QTest::mouseClick(reset, Qt::LeftButton);
        QTest::mouseClick(button(dialog, "saveButton"), Qt::LeftButton);
    });
    QVERIFY(h.commands.edit(key));
    QCOMPARE(driver.pendingSteps(), 0);
    auto after = h.vault.store->key(id);
    QCOMPARE(after->usageLimit, std::optional<qint64>(50));
    QCOMPARE(after->usageCount, 0);
    QCOMPARE(h.changed.size(), 1);
    const auto events = h.vault.store->auditEvents(id);
    QVERIFY(events);
    QStringList actions;
    for (const AuditEvent &event : *events)
        actions.append(event.action);
    QCOMPARE(actions.mid(0, 2),
             QStringList({QStringLiteral("key.usage_reset"), QStringLiteral("key.usage_limit")}));
}

void TestCommands::deactivateAsksFirst()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Nightly export"));
    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!h.commands.setActive(key, false));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Deactivate “Nightly export”?")));
    QCOMPARE(h.vault.store->key(key.id)->state, KeyState::Active);
    QCOMPARE(h.failures.size(), 0); // declining is not a failure

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(h.commands.setActive(key, false));
    const ApiKey inactive = *h.vault.store->key(key.id);
    QCOMPARE(inactive.state, KeyState::Inactive);

    // Activating takes nothing away: no question.
    QVERIFY(h.commands.setActive(inactive, true));
    QCOMPARE(h.vault.store->key(key.id)->state, KeyState::Active);
    QCOMPARE(h.changed.size(), 2);
}

void TestCommands::revokeKey()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Old integration"));
    ModalDriver driver;
    driver.on<ConfirmDestructiveDialog>([](ConfirmDestructiveDialog *dialog) {
        QCOMPARE(dialog->mode(), ConfirmDestructiveDialog::Mode::Revoke);
        QVERIFY(!dialog->needsTypedName()); // Development key
        QTest::mouseClick(button(dialog, "confirmButton"), Qt::LeftButton);
    });
    QVERIFY(h.commands.revoke(key));
    QCOMPARE(driver.pendingSteps(), 0);
    const ApiKey after = *h.vault.store->key(key.id);
    QCOMPARE(after.state, KeyState::Revoked);
    QVERIFY(after.revokedAtMs.has_value());
    QCOMPARE(h.messages.at(0).at(0).toString(), QStringLiteral("Key “Old integration” revoked."));

    // Revoked is permanent: a second revoke is refused before any dialog.
    ModalDriver none;
    none.on<QDialog>([](QDialog *dialog) { dialog->reject(); });
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(!h.commands.revoke(after));
    QCOMPARE(none.stepsRun(), 0);
    QVERIFY(MessageBox::lastText().contains(QLatin1String("permanent")));
}

void TestCommands::deleteProductionKeyNeedsItsName()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Payments live"), Environment::Production);
    bool disabledUntilExact = false;
    ModalDriver driver;
    driver.on<ConfirmDestructiveDialog>([&](ConfirmDestructiveDialog *dialog) {
        QPushButton *confirm = button(dialog, "confirmButton");
        auto *typed = dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"));
        bool ok = typed && !confirm->isEnabled();
        QTest::keyClicks(typed, QStringLiteral("Payments"));
        ok = ok && !confirm->isEnabled();
        QTest::keyClicks(typed, QStringLiteral(" LIVE"));
        ok = ok && !confirm->isEnabled();
        QTest::mouseClick(confirm, Qt::LeftButton); // disabled: nothing happens
        ok = ok && dialog->isVisible();
        typed->clear();
        QTest::keyClicks(typed, QStringLiteral("Payments live"));
        ok = ok && confirm->isEnabled();
        disabledUntilExact = ok;
        QTest::mouseClick(confirm, Qt::LeftButton);
    });
    QVERIFY(h.commands.remove(key));
    QCOMPARE(driver.pendingSteps(), 0);
    QVERIFY(disabledUntilExact);
    auto gone = h.vault.store->key(key.id);
    QVERIFY(!gone);
    QCOMPARE(gone.code(), ErrorCode::NotFound);
    QCOMPARE(h.changed.size(), 1);
    QCOMPARE(h.changed.at(0).at(0).toLongLong(), key.id);
    // The audit log keeps its history.
    auto history = h.vault.store->auditEvents(key.id);
    QVERIFY(history);
    QVERIFY(std::any_of(history->cbegin(), history->cend(), [](const AuditEvent &event) {
        return event.action == QLatin1String("key.delete");
    }));
}

QTEST_MAIN(TestCommands)
#include "test_commands.moc"
