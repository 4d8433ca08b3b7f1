// KeyCommands end to end: permission first, the real dialogs opened window-modal and driven as a
// person would (each is open when the call that opened it returns), the real SQLite vault changed
// (or, when refused, left exactly as it was).

#include "StoreDatabase.h"
#include "UiTestSupportDialogs.h"

#include "core/Permissions.h"
#include "core/Translations.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"
#include "ui/ClipboardGuard.h"
#include "ui/ConfirmDestructiveDialog.h"
#include "ui/EditKeyDialog.h"
#include "ui/Formatting.h"
#include "ui/GenerateKeyDialog.h"
#include "ui/KeyActions.h"
#include "ui/KeyCommands.h"
#include "ui/KeyDetailsPane.h"
#include "ui/MessageBox.h"
#include "ui/RegenerateKeyDialog.h"
#include "ui/RevealKeyDialog.h"
#include "verify/UsageSource.h"

#include "crypto/Sha256.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
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

// The one flow that ended since the last look: did it change the store? False when none or
// several ended.
bool flowEnded(QSignalSpy &ended, bool changed)
{
    if (ended.size() != 1)
        return false;
    return ended.takeFirst().at(0).toBool() == changed;
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
    // The key to select afterwards; the change itself goes through the store's channel.
    QSignalSpy changed {&commands, &KeyCommands::actedOn};
    QSignalSpy messages {&commands, &KeyCommands::message};
    QSignalSpy failures {&commands, &KeyCommands::failed};
    QSignalSpy ended {&commands, &KeyCommands::finished};
    int storeChanges = 0; // what the store's change channel reported (the window reloads)
    StoreChange lastChange;

    bool endedChanging() { return flowEnded(ended, true); }
    bool endedUnchanged() { return flowEnded(ended, false); }

    Harness()
    {
        vault.store->setChangeObserver([this](const StoreChange &change) {
            ++storeChanges;
            lastChange = change;
        });
    }
};

// Usage as a verifier records it: one Valid (or refused) request per entry, at now - ago.
struct Use
{
    qint64 agoMs;
    qint64 secretId;
    VerifyOutcome outcome;
    QString source;
};

bool recordUsage(Testing::VaultFixture &vault, qint64 keyId, const QVector<Use> &uses)
{
    const qint64 now = vault.clock.nowMs();
    UsageBatch batch;
    for (const Use &use : uses) {
        UsageEvent event;
        event.atMs = now - use.agoMs;
        event.keyId = keyId;
        event.secretId = use.secretId;
        event.outcome = verifyOutcomeToInt(use.outcome);
        event.consumesCredit = use.outcome == VerifyOutcome::Valid;
        event.source = use.source;
        batch.add(event);
    }
    return bool(vault.store->usageRepository()->write(batch, UsageRetention {}, now));
}

// Clicks the preselected grace period's Regenerate, then copies and closes the new key.
void regenerateAsOffered(FlowScript &driver, qint64 *graceShown, QString *token)
{
    driver.on<RegenerateKeyDialog>([graceShown](RegenerateKeyDialog *dialog) {
        *graceShown = dialog->graceMs();
        QTest::mouseClick(button(dialog, "regenerateButton"), Qt::LeftButton);
    });
    driver.on<RevealKeyDialog>(copyAndClose(token));
}

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // English plural forms ("3 requests", "1 hour ago") from the embedded catalogue, as users see.
    void initTestCase() { Translations::install(*qApp, QStringLiteral("en")); }
    void init()
    {
        MessageBox::clearNextAnswer();
        QGuiApplication::clipboard()->clear();
    }
    void cleanup() { MessageBox::clearNextAnswer(); }

    void generateCreatesKeyEndToEnd();
    void generateCancelledChangesNothing();
    void generateNeedsSignIn();
    void generateShowsStoreRefusalInPlace();
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
    void revokeShowsImpactAndOffersRegenerate();
    void deleteOfUnusedKeyOffersNoRegenerate();
    void deactivateStillInUseOffersRegenerate();
    void endGraceShowsThePreviousSecretsImpact();
    void rotationViewListsEverySourceOfThePreviousSecret();
    void aFlowReturnsWithItsDialogOpen();
    void realQuestionsContinueTheFlow();
};

void TestCommands::generateCreatesKeyEndToEnd()
{
    Harness h;
    const QString hostile = QStringLiteral("Robert'); DROP TABLE api_keys;-- <b>x</b>");
    QString token;
    FlowScript driver;
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

    driver.run([&] { h.commands.generate(); });
    QVERIFY(h.endedChanging());
    QCOMPARE(driver.pendingSteps(), 0);

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
    QCOMPARE(h.storeChanges, 1);
    // A key, not a member, with the counter the commit set.
    QVERIFY(!h.lastChange.members);
    QCOMPARE(h.lastChange.counter, *h.vault.store->changeCounter());
    QCOMPARE(h.messages.size(), 1);
    QVERIFY(h.messages.at(0).at(0).toString().contains(QLatin1String("generated")));
    QCOMPARE(h.failures.size(), 0);
}

void TestCommands::generateCancelledChangesNothing()
{
    Harness h;
    const qint64 auditBefore = auditCount(*h.vault.store);
    FlowScript driver;
    driver.on<GenerateKeyDialog>([](GenerateKeyDialog *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                         QStringLiteral("never mind"));
        QTest::mouseClick(button(dialog, "cancelButton"), Qt::LeftButton);
    });
    driver.run([&] { h.commands.generate(); });
    QVERIFY(h.endedUnchanged());
    QCOMPARE(driver.pendingSteps(), 0);
    QCOMPARE(h.vault.store->listKeys()->size(), 0);
    QCOMPARE(auditCount(*h.vault.store), auditBefore);
    QCOMPARE(h.changed.size(), 0);
    QCOMPARE(h.storeChanges, 0);
    QCOMPARE(h.failures.size(), 0);
}

void TestCommands::generateNeedsSignIn()
{
    Harness h;
    h.vault.store->signOut();
    FlowScript driver;
    driver.on<QDialog>([](QDialog *dialog) { dialog->reject(); }); // must not be needed
    MessageBox::setNextAnswer(QMessageBox::Ok);
    driver.run([&] { h.commands.generate(); });
    QVERIFY(h.endedUnchanged());
    QCOMPARE(driver.stepsRun(), 0);
    QCOMPARE(h.failures.size(), 1);
    QCOMPARE(MessageBox::lastText(), h.failures.at(0).at(0).toString());
}

// The store's refusal (here: signed out while the form was open) is said in the dialog, which
// keeps its input; once the cause is gone, the same button generates the key. No message box,
// no second dialog.
void TestCommands::generateShowsStoreRefusalInPlace()
{
    Harness h;
    QString token;
    QString shownWhileRefused;
    bool stayedOpen = false;
    bool inputKept = false;
    FlowScript driver;
    driver.on<GenerateKeyDialog>([&](GenerateKeyDialog *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        QTest::keyClicks(name, QStringLiteral("refused first"));
        h.vault.store->signOut();
        QTest::mouseClick(button(dialog, "generateButton"), Qt::LeftButton);
        stayedOpen = dialog->isVisible();
        inputKept = name->text() == QStringLiteral("refused first");
        shownWhileRefused = dialog->findChild<QLabel *>(QStringLiteral("validationLabel"))->text();
        if (!h.vault.store->signIn(QStringLiteral("alice"),
                                   Testing::secret(Testing::kOwnerPassphrase)))
            return;
        QTest::mouseClick(button(dialog, "generateButton"), Qt::LeftButton);
    });
    driver.on<RevealKeyDialog>(copyAndClose(&token));

    driver.run([&] { h.commands.generate(); });
    QVERIFY(h.endedChanging());
    QCOMPARE(driver.pendingSteps(), 0);
    QVERIFY(stayedOpen);
    QVERIFY(inputKept);
    QCOMPARE(shownWhileRefused, QStringLiteral("Sign in first."));
    QCOMPARE(h.failures.size(), 1); // the refusal, for the status bar
    QCOMPARE(h.failures.at(0).at(0).toString(), shownWhileRefused);
    auto keys = h.vault.store->listKeys();
    QVERIFY(keys);
    QCOMPARE(keys->size(), 1);
    QCOMPARE(keys->constFirst().name, QStringLiteral("refused first"));
    QVERIFY(!token.isEmpty());
    QCOMPARE(h.storeChanges, 1);
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
    QSignalSpy changed(&commands, &KeyCommands::actedOn);
    QSignalSpy ended(&commands, &KeyCommands::finished);
    int storeChanges = 0;
    daveStore->setChangeObserver([&storeChanges](const StoreChange &) { ++storeChanges; });
    FlowScript driver;
    driver.on<QDialog>([](QDialog *dialog) { dialog->reject(); }); // no dialog may open

    MessageBox::setNextAnswer(QMessageBox::Ok);
    driver.run([&] {
        if (action == QLatin1String("edit"))
            commands.edit(alicesKey);
        else if (action == QLatin1String("regenerate"))
            commands.regenerate(alicesKey);
        else if (action == QLatin1String("deactivate"))
            commands.setActive(alicesKey, false);
        else if (action == QLatin1String("revoke"))
            commands.revoke(alicesKey);
        else
            commands.remove(alicesKey);
    });

    QVERIFY(flowEnded(ended, false));
    QCOMPARE(driver.stepsRun(), 0);
    QCOMPARE(failures.size(), 1);
    const QString refusal = failures.at(0).at(0).toString();
    QVERIFY2(refusal.contains(QLatin1String("Developers can only change keys they created")),
             qPrintable(refusal));
    QCOMPARE(MessageBox::lastText(), refusal); // shown, not only signalled
    QCOMPARE(changed.size(), 0);
    QCOMPARE(storeChanges, 0); // a refusal changed nothing to show

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
    QSignalSpy ended(&commands, &KeyCommands::finished);
    QString token;
    FlowScript driver;
    driver.on<GenerateKeyDialog>([](GenerateKeyDialog *dialog) {
        // The role picker stops at Developer for a Developer.
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("roleCombo"))->count(), 2);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                         QStringLiteral("Dave's key"));
        QTest::mouseClick(button(dialog, "generateButton"), Qt::LeftButton);
    });
    driver.on<RevealKeyDialog>(copyAndClose(&token));
    driver.run([&] { commands.generate(); });
    QVERIFY(flowEnded(ended, true));
    QCOMPARE(driver.pendingSteps(), 0);
    auto keys = daveStore->listKeys();
    QCOMPARE(keys->size(), 1);

    FlowScript revokeDriver;
    revokeDriver.on<ConfirmDestructiveDialog>([](ConfirmDestructiveDialog *dialog) {
        QTest::mouseClick(button(dialog, "confirmButton"), Qt::LeftButton);
    });
    revokeDriver.run([&] { commands.revoke(keys->constFirst()); });
    QVERIFY(flowEnded(ended, true));
    QCOMPARE(daveStore->key(keys->constFirst().id)->state, KeyState::Revoked);
}

void TestCommands::editSaves()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Old name"));
    FlowScript driver;
    driver.on<EditKeyDialog>([](EditKeyDialog *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("New name"));
        dialog->findChild<QComboBox *>(QStringLiteral("expiryCombo"))->setCurrentIndex(1);
        QTest::mouseClick(button(dialog, "saveButton"), Qt::LeftButton);
    });
    driver.run([&] { h.commands.edit(key); });
    QVERIFY(h.endedChanging());
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
    FlowScript driver;
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
    driver.run([&] { h.commands.edit(key); });
    QVERIFY(h.endedChanging());
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

    FlowScript driver;
    driver.on<EditKeyDialog>([](EditKeyDialog *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("My name"));
        QTest::mouseClick(button(dialog, "saveButton"), Qt::LeftButton);
    });
    MessageBox::setNextAnswer(QMessageBox::Ok); // acknowledges the warning
    const int storeChangesBefore = h.storeChanges;
    driver.run([&] { h.commands.edit(seen); });
    QVERIFY(h.endedUnchanged());
    QCOMPARE(driver.pendingSteps(), 0);

    QCOMPARE(h.failures.size(), 1);
    const QString text = h.failures.at(0).at(0).toString();
    QVERIFY2(text.contains(QLatin1String("changed by someone else")), qPrintable(text));
    QCOMPARE(MessageBox::lastText(), text);
    // The store's change channel tells the window to reload; the command selects nothing.
    QCOMPARE(h.storeChanges, storeChangesBefore + 1);
    QCOMPARE(h.changed.size(), 0);
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
    h.commands.endGracePeriod(regenerated->key);
    QVERIFY(h.endedUnchanged());
    QVERIFY2(MessageBox::lastText().contains(key.hint()), qPrintable(MessageBox::lastText()));
    QVERIFY2(MessageBox::lastText().contains(QLatin1String("in 1 day")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(h.vault.store->key(key.id)->secrets.at(1).isInGracePeriodAt(h.vault.clock.nowMs()));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    h.commands.endGracePeriod(regenerated->key);
    QVERIFY(h.endedChanging());
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
    FlowScript driver;
    driver.on<RegenerateKeyDialog>([](RegenerateKeyDialog *dialog) {
        QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("grace24hRadio")),
                          Qt::LeftButton);
        QTest::mouseClick(button(dialog, "regenerateButton"), Qt::LeftButton);
    });
    driver.on<RevealKeyDialog>([&](RevealKeyDialog *reveal) {
        QCOMPARE(reveal->windowTitle(), QStringLiteral("Regenerated API Key"));
        copyAndClose (&token)(reveal);
    });
    driver.run([&] { h.commands.regenerate(key); });
    QVERIFY(h.endedChanging());
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
    h.commands.regenerate(key);
    QVERIFY(h.endedUnchanged());
    QVERIFY2(MessageBox::lastText().contains(QLatin1String("Duplicate")),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(h.failures.size(), 1);
    QCOMPARE(h.vault.store->key(key.id)->secrets.size(), 1);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    FlowScript driver;
    driver.on<GenerateKeyDialog>([](GenerateKeyDialog *dialog) {
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Duplicate API Key"));
        QCOMPARE(dialog->request().name, QStringLiteral("Old partner (copy)"));
        QCOMPARE(dialog->request().environment, Environment::Production);
        dialog->reject();
    });
    driver.run([&] { h.commands.regenerate(key); }); // Duplicate opened, then cancelled
    QVERIFY(h.endedUnchanged());
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
    QVERIFY(used.exec(
        QStringLiteral("INSERT INTO key_usage (key_id, usage_count) VALUES (%1, 5)").arg(id)));
    const ApiKey key = *h.vault.store->key(id);

    FlowScript driver;
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
    driver.run([&] { h.commands.edit(key); });
    QVERIFY(h.endedChanging());
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
    h.commands.setActive(key, false);
    QVERIFY(h.endedUnchanged());
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Deactivate “Nightly export”?")));
    QCOMPARE(h.vault.store->key(key.id)->state, KeyState::Active);
    QCOMPARE(h.failures.size(), 0); // declining is not a failure

    MessageBox::setNextAnswer(QMessageBox::Yes);
    h.commands.setActive(key, false);
    QVERIFY(h.endedChanging());
    const ApiKey inactive = *h.vault.store->key(key.id);
    QCOMPARE(inactive.state, KeyState::Inactive);

    // Activating takes nothing away: no question.
    h.commands.setActive(inactive, true);
    QVERIFY(h.endedChanging());
    QCOMPARE(h.vault.store->key(key.id)->state, KeyState::Active);
    QCOMPARE(h.changed.size(), 2);
}

void TestCommands::revokeKey()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Old integration"));
    FlowScript driver;
    driver.on<ConfirmDestructiveDialog>([](ConfirmDestructiveDialog *dialog) {
        QCOMPARE(dialog->mode(), ConfirmDestructiveDialog::Mode::Revoke);
        QVERIFY(!dialog->needsTypedName()); // Development key
        QTest::mouseClick(button(dialog, "confirmButton"), Qt::LeftButton);
    });
    driver.run([&] { h.commands.revoke(key); });
    QVERIFY(h.endedChanging());
    QCOMPARE(driver.pendingSteps(), 0);
    const ApiKey after = *h.vault.store->key(key.id);
    QCOMPARE(after.state, KeyState::Revoked);
    QVERIFY(after.revokedAtMs.has_value());
    QCOMPARE(h.messages.at(0).at(0).toString(), QStringLiteral("Key “Old integration” revoked."));

    // Revoked is permanent: a second revoke is refused before any dialog.
    FlowScript none;
    none.on<QDialog>([](QDialog *dialog) { dialog->reject(); });
    MessageBox::setNextAnswer(QMessageBox::Ok);
    none.run([&] { h.commands.revoke(after); });
    QVERIFY(h.endedUnchanged());
    QCOMPARE(none.stepsRun(), 0);
    QVERIFY(MessageBox::lastText().contains(QLatin1String("permanent")));
}

void TestCommands::deleteProductionKeyNeedsItsName()
{
    Harness h;
    const ApiKey key = createKey(h.vault, QStringLiteral("Payments live"), Environment::Production);
    bool disabledUntilExact = false;
    FlowScript driver;
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
    driver.run([&] { h.commands.remove(key); });
    QVERIFY(h.endedChanging());
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

// The confirmation reads the impact fresh from the store: the last 7 days by outcome and every
// source with its secret; a key still in use offers "Regenerate with Grace Period", which runs
// the regenerate flow with 24 hours preselected and leaves the key active.
void TestCommands::revokeShowsImpactAndOffersRegenerate()
{
    Harness h;
    StoreUsageSource usage(*h.vault.store);
    h.commands.setUsageSource(&usage);
    const ApiKey key = createKey(h.vault, QStringLiteral("Billing sync"));
    const qint64 secret = key.secrets.at(0).id;
    QVERIFY(recordUsage(
        h.vault, key.id,
        {{9 * kDayMs, secret, VerifyOutcome::Valid, QStringLiteral("old-host")},
         {3 * kHourMs, secret, VerifyOutcome::Valid, QStringLiteral("billing")},
         {2 * kHourMs, secret, VerifyOutcome::InsufficientGrants, QStringLiteral("crm")},
         {1 * kHourMs, secret, VerifyOutcome::Valid, QStringLiteral("billing")}}));

    QString impact;
    bool offered = false;
    qint64 grace = 0;
    QString token;
    FlowScript driver;
    driver.on<ConfirmDestructiveDialog>([&](ConfirmDestructiveDialog *dialog) {
        auto *label = dialog->findChild<QLabel *>(QStringLiteral("impactLabel"));
        impact = label ? label->text() : QString();
        QPushButton *instead = button(dialog, "regenerateInsteadButton");
        offered = instead && instead->isVisible()
            && dialog->findChild<QLabel *>(QStringLiteral("suggestRegenerateLabel"));
        QVERIFY(clashingAccelerators(dialog).isEmpty());
        QTest::mouseClick(instead, Qt::LeftButton);
    });
    regenerateAsOffered(driver, &grace, &token);
    driver.run([&] { h.commands.revoke(key); });
    QVERIFY(h.endedChanging());
    QCOMPARE(driver.pendingSteps(), 0);

    QVERIFY2(impact.contains(QLatin1String(" in the last 7 days: Valid 2, ")), qPrintable(impact));
    QVERIFY2(impact.startsWith(QLatin1String("3 request")), qPrintable(impact));
    QVERIFY2(
        impact.contains(QLatin1String("billing: last 1 hour ago, current secret ") + key.hint()),
        qPrintable(impact));
    QVERIFY2(impact.contains(QLatin1String("crm: last 2 hours ago")), qPrintable(impact));
    QVERIFY2(impact.contains(QLatin1String("old-host: last 9 days ago")), qPrintable(impact));
    QVERIFY2(impact.contains(QLatin1String("Still in use: 2 source")), qPrintable(impact));
    QVERIFY(offered);
    QCOMPARE(grace, KeyCommands::kSuggestedGraceMs);
    const ApiKey after = *h.vault.store->key(key.id);
    QCOMPARE(after.state, KeyState::Active); // regenerated, not revoked
    QCOMPARE(after.secrets.size(), 2);
    QCOMPARE(after.secrets.at(1).retiresAtMs,
             std::optional<qint64>(h.vault.clock.nowMs() + KeyCommands::kSuggestedGraceMs));
    QVERIFY(!token.isEmpty());
}

void TestCommands::deleteOfUnusedKeyOffersNoRegenerate()
{
    Harness h;
    StoreUsageSource usage(*h.vault.store);
    h.commands.setUsageSource(&usage);
    const ApiKey key = createKey(h.vault, QStringLiteral("Forgotten"));
    QVERIFY(recordUsage(
        h.vault, key.id,
        {{8 * kDayMs, key.secrets.at(0).id, VerifyOutcome::Valid, QStringLiteral("gone")}}));
    QString impact;
    bool offered = true;
    FlowScript driver;
    driver.on<ConfirmDestructiveDialog>([&](ConfirmDestructiveDialog *dialog) {
        impact = dialog->findChild<QLabel *>(QStringLiteral("impactLabel"))->text();
        offered = button(dialog, "regenerateInsteadButton") != nullptr;
        QTest::mouseClick(button(dialog, "confirmButton"), Qt::LeftButton);
    });
    driver.run([&] { h.commands.remove(key); });
    QVERIFY(h.endedChanging());
    QVERIFY(!offered);
    // The request of 8 days ago is a source seen, not a request of the last 7 days.
    QVERIFY2(impact.startsWith(QLatin1String("No requests in the last 7 days.")),
             qPrintable(impact));
    QVERIFY2(impact.contains(QLatin1String("gone: last 8 days ago")), qPrintable(impact));
    QVERIFY2(impact.endsWith(QLatin1String("Not used in the last 7 days.")), qPrintable(impact));
}

void TestCommands::deactivateStillInUseOffersRegenerate()
{
    Harness h;
    StoreUsageSource usage(*h.vault.store);
    h.commands.setUsageSource(&usage);
    const ApiKey key = createKey(h.vault, QStringLiteral("Nightly export"));
    QVERIFY(recordUsage(
        h.vault, key.id,
        {{kHourMs, key.secrets.at(0).id, VerifyOutcome::Valid, QStringLiteral("exporter")}}));
    MessageBox::setNextAnswer(QMessageBox::No);
    h.commands.setActive(key, false);
    QVERIFY(h.endedUnchanged());
    QCOMPARE(
        MessageBox::lastButtons(),
        QStringList({QStringLiteral("&Deactivate"), QStringLiteral("Regenerate with &Grace Period"),
                     QStringLiteral("&Keep Active")}));
    QVERIFY2(MessageBox::lastText().contains(QLatin1String("exporter: last 1 hour ago")),
             qPrintable(MessageBox::lastText()));

    qint64 grace = 0;
    QString token;
    FlowScript driver;
    regenerateAsOffered(driver, &grace, &token);
    MessageBox::setNextAnswer(QMessageBox::Apply);
    driver.run([&] { h.commands.setActive(key, false); });
    QVERIFY(h.endedChanging());
    QCOMPARE(driver.pendingSteps(), 0);
    const ApiKey after = *h.vault.store->key(key.id);
    QCOMPARE(after.state, KeyState::Active);
    QCOMPARE(after.secrets.size(), 2);
    QCOMPARE(grace, KeyCommands::kSuggestedGraceMs);
}

// The same impact as keywardctl key end-grace prints, for the previous secret alone.
void TestCommands::endGraceShowsThePreviousSecretsImpact()
{
    Harness h;
    StoreUsageSource usage(*h.vault.store);
    h.commands.setUsageSource(&usage);
    const ApiKey key = createKey(h.vault, QStringLiteral("Webhook signer"));
    auto regenerated = h.vault.store->regenerateKey(key.id, key.version, 24 * kHourMs);
    QVERIFY(regenerated);
    const ApiKey &rotated = regenerated->key;
    QVERIFY(recordUsage(
        h.vault, key.id,
        {{2 * kHourMs, rotated.secrets.at(1).id, VerifyOutcome::Valid, QStringLiteral("shop")},
         {kHourMs, rotated.secrets.at(0).id, VerifyOutcome::Valid, QStringLiteral("web")}}));
    MessageBox::setNextAnswer(QMessageBox::No);
    h.commands.endGracePeriod(rotated);
    QVERIFY(h.endedUnchanged());
    const QString text = MessageBox::lastText();
    QVERIFY2(text.contains(QLatin1String("would stop working in 1 day")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("1 request presented ") + rotated.secrets.at(1).hint),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("shop: last 2 hours ago, previous secret")),
             qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("web")), qPrintable(text)); // moved to the new secret
}

// While the previous secret is in its grace period, the details pane lists every source that
// has presented it since the regeneration, each with its last time, not only the latest.
void TestCommands::rotationViewListsEverySourceOfThePreviousSecret()
{
    Harness h;
    StoreUsageSource usage(*h.vault.store);
    const ApiKey key = createKey(h.vault, QStringLiteral("Webhook signer"));
    const qint64 oldSecret = key.secrets.at(0).id;
    QVERIFY(recordUsage(
        h.vault, key.id,
        {{3 * kDayMs, oldSecret, VerifyOutcome::Valid, QStringLiteral("retired-box")}}));
    auto regenerated = h.vault.store->regenerateKey(key.id, key.version, 3 * kDayMs);
    QVERIFY(regenerated);
    h.vault.clock.advanceMs(3 * kHourMs);
    QVERIFY(recordUsage(
        h.vault, key.id,
        {{2 * kHourMs, oldSecret, VerifyOutcome::Valid, QStringLiteral("shop")},
         {kHourMs, oldSecret, VerifyOutcome::RateLimited, QStringLiteral("crm")},
         {30 * kMinuteMs, oldSecret, VerifyOutcome::Valid, QStringLiteral("backup-job")},
         {10 * kMinuteMs, regenerated->key.secrets.at(0).id, VerifyOutcome::Valid,
          QStringLiteral("web")}}));
    KeyDetailsPane pane(h.vault.clock);
    pane.setStore(h.vault.store.get(), &usage);
    pane.showKey(*h.vault.store->key(key.id), h.vault.store->grantCatalogue(), {});
    auto *list = pane.findChild<QLabel *>(QStringLiteral("previousSecretSources"));
    QVERIFY(list);
    const QString text = list->text();
    QVERIFY2(text.startsWith(QLatin1String("Still presenting the previous secret (3 sources):")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("backup-job, last 30 minutes ago")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("crm, last 1 hour ago")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("shop, last 2 hours ago")), qPrintable(text));
    // Switched already, or used before the regeneration only: not listed.
    QVERIFY2(!text.contains(QLatin1String("web")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("retired-box")), qPrintable(text));
    QVERIFY(text.indexOf(QLatin1String("backup-job")) < text.indexOf(QLatin1String("shop")));
}

// No flow blocks: the call returns with its dialog open and window-modal, a second command
// meanwhile only raises it, and commands that go away (the vault closed) take the dialog along
// and change nothing.
void TestCommands::aFlowReturnsWithItsDialogOpen()
{
    Testing::VaultFixture vault;
    const ApiKey key = createKey(vault, QStringLiteral("Open flow"));
    ClipboardGuard guard(QGuiApplication::clipboard(), vault.clock);
    QWidget window;
    auto commands = std::make_unique<KeyCommands>(*vault.store, vault.clock, guard, &window);
    QSignalSpy ended(commands.get(), &KeyCommands::finished);

    commands->revoke(key);
    QPointer<QDialog> confirm = commands->openDialog();
    QVERIFY(qobject_cast<ConfirmDestructiveDialog *>(confirm));
    QVERIFY(confirm->isVisible());
    QCOMPARE(confirm->windowModality(), Qt::WindowModal);
    QCOMPARE(confirm->parentWidget(), &window);
    QCOMPARE(ended.size(), 0);

    commands->edit(key);
    QCOMPARE(commands->openDialog(), confirm.data());
    QVERIFY(!openDialog<EditKeyDialog>());
    QCOMPARE(ended.size(), 0);

    commands.reset();
    QVERIFY(!confirm);
    QCOMPARE(ended.size(), 0);
    QCOMPARE(vault.store->key(key.id)->state, KeyState::Active);
    QCOMPARE(vault.store->key(key.id)->version, key.version);
}

// Without prepared answers: the real boxes open, the call returns, and the button clicked
// continues the flow, into the next dialog.
void TestCommands::realQuestionsContinueTheFlow()
{
    Harness h;
    StoreUsageSource usage(*h.vault.store);
    h.commands.setUsageSource(&usage);
    const ApiKey used = createKey(h.vault, QStringLiteral("Nightly export"));
    QVERIFY(recordUsage(
        h.vault, used.id,
        {{kHourMs, used.secrets.at(0).id, VerifyOutcome::Valid, QStringLiteral("exporter")}}));

    // Deactivate a key in use: "Regenerate with Grace Period" leads to the regeneration.
    h.commands.setActive(used, false);
    auto *box = qobject_cast<QMessageBox *>(h.commands.openDialog());
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(h.ended.size(), 0);
    h.commands.revoke(used); // only raises the open question
    QCOMPARE(h.commands.openDialog(), box);
    QTest::mouseClick(button(box, "alternativeButton"), Qt::LeftButton);
    auto *regenerate = qobject_cast<RegenerateKeyDialog *>(h.commands.openDialog());
    QVERIFY(regenerate);
    QCOMPARE(regenerate->graceMs(), KeyCommands::kSuggestedGraceMs);
    QTest::mouseClick(button(regenerate, "regenerateButton"), Qt::LeftButton);
    auto *reveal = qobject_cast<RevealKeyDialog *>(h.commands.openDialog());
    QVERIFY(reveal);
    QString token;
    copyAndClose (&token)(reveal);
    QVERIFY(h.endedChanging());
    QCOMPARE(h.vault.store->key(used.id)->secrets.size(), 2);
    QCOMPARE(h.vault.store->key(used.id)->state, KeyState::Active);

    // Regenerate an expired key: "Duplicate Key" opens Generate, prefilled.
    const ApiKey old = createKey(h.vault, QStringLiteral("Old partner"), Environment::Production);
    h.vault.clock.advanceMs(91 * kDayMs);
    h.commands.regenerate(*h.vault.store->key(old.id));
    box = qobject_cast<QMessageBox *>(h.commands.openDialog());
    QVERIFY(box);
    QTest::mouseClick(button(box, "confirmButton"), Qt::LeftButton);
    auto *generate = qobject_cast<GenerateKeyDialog *>(h.commands.openDialog());
    QVERIFY(generate);
    QCOMPARE(generate->request().name, QStringLiteral("Old partner (copy)"));
    generate->reject();
    QVERIFY(h.endedUnchanged());
    QVERIFY(!h.commands.openDialog());

    // End the grace period: Keep changes nothing, and ends the flow.
    const ApiKey rotated = *h.vault.store->key(used.id);
    h.vault.clock.advanceMs(-91 * kDayMs); // back inside the grace period
    h.commands.endGracePeriod(rotated);
    box = qobject_cast<QMessageBox *>(h.commands.openDialog());
    QVERIFY(box);
    QTest::keyClick(box, Qt::Key_Escape);
    QVERIFY(h.endedUnchanged());
    QCOMPARE(h.vault.store->key(used.id)->version, rotated.version);
}

QTEST_MAIN(TestCommands)
#include "test_commands.moc"
