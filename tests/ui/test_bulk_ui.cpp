// Bulk actions in the key table (issue 16 §3): multi-selection, one confirmation that lists the
// keys (typed count for Production), one store change, a report of refused keys, and Export
// Selected. Real SQLite vaults, real dialogs opened with open() and driven as a person would.
#include "UiTestSupport.h"
#include "UiTestSupportDialogs.h"

#include "core/Translations.h"
#include "ui/ApiKeysPage.h"
#include "ui/BulkConfirmDialog.h"
#include "ui/BulkKeyCommands.h"
#include "ui/KeyActions.h"
#include "ui/KeyDetailsPane.h"
#include "ui/MainWindow.h"
#include "ui/MessageBox.h"
#include "ui/Settings.h"

#include <QAction>
#include <QDateEdit>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Keyward;
using namespace Keyward::DialogTest;

namespace {

QStringList column(const QTreeWidget *tree, int column)
{
    QStringList values;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        values.append(tree->topLevelItem(i)->text(column));
    return values;
}

struct Harness
{
    Testing::VaultFixture vault;
    BulkKeyCommands commands {*vault.store, vault.clock, nullptr};
    QSignalSpy messages {&commands, &BulkKeyCommands::message};
    QSignalSpy failures {&commands, &BulkKeyCommands::failed};
    QSignalSpy finished {&commands, &BulkKeyCommands::finished};
    int storeChanges = 0; // what the store's change channel reported (the window reloads)

    Harness()
    {
        vault.store->setChangeObserver([this](const StoreChange &) { ++storeChanges; });
    }
};

} // namespace

class TestBulkUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void revokeListsKeysAndNeedsTheProductionCount();
    void refusedKeysAreReportedWhileOthersGoThrough();
    void shortenExpiryAsksForTheDate();
    void nothingToChangeOpensNoConfirmation();
    void exportWritesTheChosenFormat();
    void tableSelectsManyAndActionsFollow();

private:
    QTemporaryDir m_home;
};

void TestBulkUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiTest::isolateUserDirectories(m_home.path());
    // English plurals ("3 keys", not "3 key(s)") come from the English catalogue.
    Translations::install(*qApp, QStringLiteral("en"));
}

void TestBulkUi::cleanup()
{
    MessageBox::clearNextAnswer();
}

void TestBulkUi::revokeListsKeysAndNeedsTheProductionCount()
{
    Harness h;
    const ApiKey live1 =
        createKey(h.vault, QStringLiteral("Payments live"), Environment::Production);
    const ApiKey live2 =
        createKey(h.vault, QStringLiteral("Billing live"), Environment::Production);
    const ApiKey dev = createKey(h.vault, QStringLiteral("Dev sandbox"));
    ApiKey revoked = createKey(h.vault, QStringLiteral("Old one"));
    revoked = *h.vault.store->revokeKey(revoked.id, revoked.version);

    const int changesBefore = h.storeChanges;
    h.commands.apply(BulkKeyAction::Revoke, {live1, live2, dev, revoked});
    BulkConfirmDialog *dialog = h.commands.openConfirmation();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(openDialog<BulkConfirmDialog>(), dialog);
    QVERIFY(h.finished.isEmpty()); // open() returned; nothing changed yet
    QCOMPARE(dialog->action(), BulkKeyAction::Revoke);
    QCOMPARE(column(dialog->keyList(), 0),
             (QStringList {QStringLiteral("Payments live"), QStringLiteral("Billing live"),
                           QStringLiteral("Dev sandbox")}));
    QVERIFY(dialog->leftOutList());
    QCOMPARE(column(dialog->leftOutList(), 0), QStringList {QStringLiteral("Old one")});
    QCOMPARE(column(dialog->leftOutList(), 1), QStringList {QStringLiteral("already revoked")});
    QCOMPARE(dialog->productionCount(), 2);
    QCOMPARE(buttonText(dialog->confirmButton()), QStringLiteral("Revoke 3 Keys"));
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QTest::keyClicks(dialog->countEdit(), QStringLiteral("3"));
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton); // disabled: nothing
    QVERIFY(dialog->isVisible());
    dialog->countEdit()->clear();
    QTest::keyClicks(dialog->countEdit(), QStringLiteral("2"));
    QVERIFY(dialog->confirmButton()->isEnabled());
    QCOMPARE(h.storeChanges, changesBefore);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QCOMPARE(h.finished.size(), 1);
    QCOMPARE(h.finished.at(0).at(0).toBool(), true);
    QVERIFY(!h.commands.openConfirmation());
    for (const ApiKey &key : {live1, live2, dev})
        QCOMPARE(h.vault.store->key(key.id)->state, KeyState::Revoked);
    QCOMPARE(h.storeChanges, changesBefore + 1); // one transaction, one reload
    QCOMPARE(h.messages.size(), 1);
    QCOMPARE(h.messages.at(0).at(0).toString(), QStringLiteral("Revoked 3 keys."));
    QVERIFY(h.failures.isEmpty());
}

// dave (Developer) selects his key and alice's: the confirmation leaves alice's out with the
// reason; a key someone else changes while the dialog is open is refused by the store and
// reported, while dave's own goes through.
void TestBulkUi::refusedKeysAreReportedWhileOthersGoThrough()
{
    Testing::VaultFixture vault;
    QVERIFY(addDeveloper(vault));
    const ApiKey alices = createKey(vault, QStringLiteral("Alice's key"));
    auto dave = vault.openSecond(kDeveloperName, kDeveloperPassphrase);
    const ApiKey davesA =
        dave->createKey(vault.request(QStringLiteral("Dave A"), Environment::Development))->key;
    const ApiKey davesB =
        dave->createKey(vault.request(QStringLiteral("Dave B"), Environment::Development))->key;
    BulkKeyCommands commands(*dave, vault.clock, nullptr);
    QSignalSpy failures(&commands, &BulkKeyCommands::failed);
    commands.apply(BulkKeyAction::Deactivate, {davesA, alices, davesB});
    BulkConfirmDialog *dialog = commands.openConfirmation();
    QVERIFY(dialog);
    QCOMPARE(column(dialog->keyList(), 0),
             (QStringList {QStringLiteral("Dave A"), QStringLiteral("Dave B")}));
    QCOMPARE(column(dialog->leftOutList(), 0), QStringList {QStringLiteral("Alice's key")});
    QVERIFY(column(dialog->leftOutList(), 1).constFirst().contains(QStringLiteral("created")));
    // Meanwhile alice deactivates Dave B.
    QVERIFY(vault.store->setKeyActive(davesB.id, davesB.version, false));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QCOMPARE(vault.store->key(davesA.id)->state, KeyState::Inactive);
    QCOMPARE(vault.store->key(alices.id)->state, KeyState::Active);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Dave B")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Deactivated 1 key.")));
    QCOMPARE(failures.size(), 1);
}

void TestBulkUi::shortenExpiryAsksForTheDate()
{
    Harness h;
    const ApiKey later = createKey(h.vault, QStringLiteral("Ninety days"));
    NewKeyRequest soonRequest =
        h.vault.request(QStringLiteral("Two days"), Environment::Development);
    soonRequest.expiresAtMs = h.vault.clock.nowMs() + 2 * kDayMs;
    const ApiKey soon = h.vault.store->createKey(soonRequest)->key;
    h.commands.apply(BulkKeyAction::ShortenExpiry, {later, soon});
    BulkConfirmDialog *dialog = h.commands.openConfirmation();
    QVERIFY(dialog);
    QVERIFY(dialog->expiryEdit());
    QVERIFY(!dialog->countEdit()); // shortening stops nothing today
    const QDate today = QDateTime::fromMSecsSinceEpoch(h.vault.clock.nowMs()).date();
    QCOMPARE(dialog->expiryEdit()->minimumDate(), today.addDays(1));
    dialog->expiryEdit()->setDate(today.addDays(10));
    const std::optional<qint64> chosen = dialog->expiresAtMs();
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QVERIFY(chosen);
    QCOMPARE(h.vault.store->key(later.id)->expiresAtMs, chosen);
    QCOMPARE(h.vault.store->key(soon.id)->expiresAtMs, soonRequest.expiresAtMs);
    QCOMPARE(h.messages.at(0).at(0).toString(), QStringLiteral("Shortened the expiry of 1 key."));
}

void TestBulkUi::nothingToChangeOpensNoConfirmation()
{
    Harness h;
    ApiKey a = createKey(h.vault, QStringLiteral("Off A"));
    a = *h.vault.store->setKeyActive(a.id, a.version, false);
    ApiKey b = createKey(h.vault, QStringLiteral("Off B"));
    b = *h.vault.store->setKeyActive(b.id, b.version, false);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    const int changesBefore = h.storeChanges;
    h.commands.apply(BulkKeyAction::Deactivate, {a, b});
    QVERIFY(!h.commands.openConfirmation());
    QVERIFY(!openDialog<BulkConfirmDialog>());
    QCOMPARE(h.finished.size(), 1);
    QCOMPARE(h.finished.at(0).at(0).toBool(), false);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("already inactive")));
    QCOMPARE(h.storeChanges, changesBefore);
}

void TestBulkUi::exportWritesTheChosenFormat()
{
    Harness h;
    const ApiKey a = createKey(h.vault, QStringLiteral("Export, \"A\""));
    const ApiKey b = createKey(h.vault, QStringLiteral("=B"));
    QString suggested;
    const QString jsonPath = h.vault.dir.filePath(QStringLiteral("chosen.json"));
    h.commands.setFileChooser([&](const QString &offered) {
        suggested = offered;
        return jsonPath;
    });
    QVERIFY(h.commands.exportKeys({a, b}));
    QVERIFY(suggested.endsWith(QLatin1String(".csv")));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray keys =
        QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys[0].toObject().value(QStringLiteral("name")).toString(), a.name);
    QCOMPARE(keys[1].toObject().value(QStringLiteral("hint")).toString(), b.hint());

    const QString csvPath = h.vault.dir.filePath(QStringLiteral("chosen.csv"));
    h.commands.setFileChooser([&](const QString &) { return csvPath; });
    QVERIFY(h.commands.exportKeys({a, b}));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QVERIFY(lines[0].startsWith("id,name,environment"));
    QVERIFY(lines[1].contains("\"Export, \"\"A\"\"\""));
    QVERIFY(lines[2].contains(",'=B,"));

    // A folder that cannot be written: a clear error, nothing claimed.
    h.commands.setFileChooser(
        [](const QString &) { return QStringLiteral("/proc/keyward-cannot-write.csv"); });
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(!h.commands.exportKeys({a}));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Cannot write")));
}

// The window: Ctrl+click style multi-selection, the actions on one key switch off, the
// details pane says how many, and Revoke asks once for all of them.
void TestBulkUi::tableSelectsManyAndActionsFollow()
{
    UiTest::Vault vault;
    QVector<qint64> ids;
    for (const char *name : {"First", "Second", "Third"})
        ids.append(vault.createKey(QString::fromLatin1(name), Environment::Development).id);
    vault.closeStore();
    Settings settings(m_home.filePath(QStringLiteral("bulk-settings.ini")));
    MainWindow window(settings, vault.clock());
    window.show();
    window.start(vault.path());
    QVERIFY(UiTest::submitLogin(window, QStringLiteral("alice"), UiTest::kOwnerPassphrase));
    ApiKeysPage *page = window.keysPage();
    page->selectKeys({ids[0], ids[2]});
    QCOMPARE(page->selectedKeys().size(), 2);
    QVERIFY(!page->selectedKey());
    KeyActions *actions = window.keyActions();
    QVERIFY(!actions->edit()->isEnabled());
    QCOMPARE(actions->edit()->toolTip(), QStringLiteral("Select a single key."));
    QVERIFY(actions->revoke()->isEnabled());
    QVERIFY(actions->shortenExpiry()->isEnabled());
    QVERIFY(actions->exportSelected()->isEnabled());
    QVERIFY(actions->toggleActive()->isEnabled());
    QVERIFY(page->details()->text().contains(QStringLiteral("2 keys selected")));

    actions->revoke()->trigger();
    BulkConfirmDialog *dialog = openDialog<BulkConfirmDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->isModal()); // window-modal: the table waits for the answer
    QCOMPARE(dialog->parentWidget()->window(), &window);
    QCOMPARE(column(dialog->keyList(), 0),
             (QStringList {QStringLiteral("First"), QStringLiteral("Third")}));
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QVERIFY(!openDialog<BulkConfirmDialog>());
    auto keys = window.session().store()->listKeys(true);
    QVERIFY(keys);
    for (const ApiKey &key : *keys)
        QCOMPARE(key.state,
                 key.name == QLatin1String("Second") ? KeyState::Active : KeyState::Revoked);
    // The reload kept both selected (revoked keys stay listed when shown).
    page->showRevokedAction()->setChecked(true);
    page->selectKeys({ids[0], ids[1]});
    QCOMPARE(page->selectedKeys().size(), 2);
    // One revoked, one active: Deactivate still applies to the active one.
    QVERIFY(actions->toggleActive()->isEnabled());
    QCOMPARE(actions->toggleActive()->text(), QStringLiteral("&Deactivate"));
}

QTEST_MAIN(TestBulkUi)
#include "test_bulk_ui.moc"
