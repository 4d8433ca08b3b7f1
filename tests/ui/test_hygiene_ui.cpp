// The Hygiene page in the real window over real vault files (issue 16 §2): it lists findings,
// fixes one through KeyCommands and many through the key table's bulk confirmation (Production
// keys included, their number typed), dismisses with a reason and
// restores, follows the rotation policy an Owner sets, and the key table badges keys whose
// secret the policy finds too old.
#include "UiTestSupport.h"
#include "UiTestSupportDialogs.h"

#include "ui/ApiKeysPage.h"
#include "ui/BulkConfirmDialog.h"
#include "ui/HygieneActions.h"
#include "ui/HygieneDismissDialog.h"
#include "ui/HygieneFilterProxyModel.h"
#include "ui/HygieneModel.h"
#include "ui/HygienePage.h"
#include "ui/KeyDetailsPane.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "ui/MainWindow.h"
#include "ui/MessageBox.h"
#include "ui/Settings.h"
#include "ui/StatusBadgeDelegate.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Keyward;
using namespace Keyward::UiTest;
using Keyward::DialogTest::openDialog;

using Kind = HygieneFinding::Kind;

class TestHygieneUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pageListsFindingsAndTableBadgesRotation();
    void fixOneKeyThroughKeyCommands();
    void lockingDuringAFixEndsNothing();
    void fixManyKeysAfterOneConfirmation();
    void revokeManyIncludesProductionKeysWithTheTypedCount();
    void dismissHidesAndRestoreShows();
    void ownerSetsThePolicyViewerCannot();

private:
    std::unique_ptr<MainWindow> openWindow(Vault &vault,
                                           const QString &member = QStringLiteral("alice"),
                                           const QString &passphrase = kOwnerPassphrase);
    // Shows the page and waits for its answer.
    static HygienePage *showHygiene(MainWindow &window);
    static bool shows(HygienePage *page, qint64 keyId, Kind kind);

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
};

void TestHygieneUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
}

void TestHygieneUi::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
}

void TestHygieneUi::cleanup()
{
    MessageBox::clearNextAnswer();
    m_settings.reset();
}

std::unique_ptr<MainWindow> TestHygieneUi::openWindow(Vault &vault, const QString &member,
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

HygienePage *TestHygieneUi::showHygiene(MainWindow &window)
{
    window.showPage(MainWindow::Page::Hygiene);
    HygienePage *page = window.hygienePage();
    if (window.currentPage() != MainWindow::Page::Hygiene)
        return nullptr;
    if (!QTest::qWaitFor([&] { return !page->isRefreshing(); }, 10000))
        return nullptr;
    return page;
}

bool TestHygieneUi::shows(HygienePage *page, qint64 keyId, Kind kind)
{
    const int row = page->model()->rowOf(keyId, kind);
    return row >= 0 && page->proxy()->mapFromSource(page->model()->index(row, 0)).isValid();
}

void TestHygieneUi::pageListsFindingsAndTableBadgesRotation()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey forever =
        vault.createKey(QStringLiteral("Forever"), Environment::Staging, Role::Developer, {}, 0);
    const ApiKey old = vault.createKey(QStringLiteral("Old secret"), Environment::Development,
                                       Role::Developer, {}, 365 * kDayMs);
    vault.setLastUsed(old.id, vault.clock().nowMs(), QStringLiteral("10.0.0.1"));
    vault.clock().advanceMs(40 * kDayMs);
    vault.setLastUsed(old.id, vault.clock().nowMs(), QStringLiteral("10.0.0.1"));
    QVERIFY(vault.store().setRotationPolicy(30));
    auto window = openWindow(vault);
    QVERIFY(window);

    // The key table badges the key whose secret is older than 30 days (both are).
    KeyTableModel *keys = window->keysPage()->model();
    const QModelIndex status = keys->index(keys->rowForId(old.id), KeyTableModel::StatusColumn);
    QVERIFY(status.data(KeyTableModel::RotationOverdueRole).toBool());
    QVERIFY(StatusBadgeDelegate::badgeTexts(status).contains(QStringLiteral("Rotation overdue")));
    QVERIFY(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("rotation policy")));
    // The details pane carries the same badge, and says why and what to do where the secrets are.
    window->keysPage()->selectKey(old.id);
    KeyDetailsPane *details = window->keysPage()->details();
    QCOMPARE(details->keyId(), old.id);
    auto *overdue = details->findChild<QLabel *>(QStringLiteral("rotationOverdueNote"));
    QVERIFY(overdue);
    // The suite loads no translation, so English plurals read "day(s)".
    QVERIFY2(overdue->text().contains(QStringLiteral("secret is 40 day"))
                 && overdue->text().contains(QStringLiteral("policy allows 30 day")),
             qPrintable(overdue->text()));
    auto *badges = details->findChild<QWidget *>(QStringLiteral("detailsBadges"));
    QVERIFY(badges);
    QVERIFY2(badges->accessibleName().contains(QStringLiteral("Rotation overdue")),
             qPrintable(badges->accessibleName()));
    window->keysPage()->selectKey(forever.id); // both are overdue; the note follows the key
    QVERIFY(details->findChild<QLabel *>(QStringLiteral("rotationOverdueNote")));
    window->keysPage()->selectKey(old.id);

    HygienePage *page = showHygiene(*window);
    QVERIFY(page);
    QAbstractItemModelTester tester(page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(shows(page, forever.id, Kind::NoExpiry));
    QVERIFY(shows(page, forever.id, Kind::NeverUsed));
    QVERIFY(shows(page, old.id, Kind::RotationOverdue));
    QVERIFY(!shows(page, old.id, Kind::NeverUsed)); // it was used
    const int row = page->model()->rowOf(old.id, Kind::RotationOverdue);
    QCOMPARE(page->model()->index(row, HygieneModel::KeyColumn).data().toString(),
             QStringLiteral("Old secret"));
    QCOMPARE(page->model()->index(row, HygieneModel::EnvironmentColumn).data().toString(),
             QStringLiteral("Development"));
    QCOMPARE(page->model()->index(row, HygieneModel::FindingColumn).data().toString(),
             QStringLiteral("Rotation overdue"));
    QVERIFY(page->model()
                ->index(row, HygieneModel::ReasonColumn)
                .data()
                .toString()
                .contains(QStringLiteral("is 40 day")));
    QVERIFY(page->countLabel()->text().contains(QStringLiteral("finding")));

    // A change elsewhere (keywardctl, another window) reaches the open page.
    QVERIFY(vault.store().setRotationPolicy(std::nullopt));
    QTRY_VERIFY_WITH_TIMEOUT(!shows(page, old.id, Kind::RotationOverdue), 10000);
    QTRY_VERIFY(!keys->index(keys->rowForId(old.id), KeyTableModel::StatusColumn)
                     .data(KeyTableModel::RotationOverdueRole)
                     .toBool());
    QTRY_VERIFY(!details->findChild<QLabel *>(QStringLiteral("rotationOverdueNote")));
    QCOMPARE(details->keyId(), old.id);
    QVERIFY(!details->findChild<QWidget *>(QStringLiteral("detailsBadges"))
                 ->accessibleName()
                 .contains(QStringLiteral("Rotation overdue")));
}

// A fix's question is open when the vault locks: it goes with the commands, the fix does not
// happen, and nothing reads the store that was let go (a server vault's is already gone then).
void TestHygieneUi::lockingDuringAFixEndsNothing()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey idle = vault.createKey(QStringLiteral("Idle"), Environment::Development);
    vault.clock().advanceMs(31 * kDayMs);
    auto window = openWindow(vault);
    QVERIFY(window);
    HygienePage *page = showHygiene(*window);
    QVERIFY(page);
    auto *actions = page->findChild<HygieneActions *>();
    QVERIFY(actions);
    QSignalSpy finished(actions, &HygieneActions::finished);
    QVERIFY(page->selectFinding(idle.id, Kind::NeverUsed));
    QTest::mouseClick(page->fixButton(), Qt::LeftButton);
    QPointer<QMessageBox> question = DialogTest::openDialog<QMessageBox>();
    QVERIFY(question);

    window->session().lock();
    QVERIFY(!question);
    QCOMPARE(finished.size(), 0);
    QVERIFY(!shows(page, idle.id, Kind::NeverUsed));
    QTest::qWait(200); // a check still running must not bring the findings back
    QVERIFY(!shows(page, idle.id, Kind::NeverUsed));
    QCOMPARE(vault.store().key(idle.id)->state, KeyState::Active);
}

void TestHygieneUi::fixOneKeyThroughKeyCommands()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey idle = vault.createKey(QStringLiteral("Idle"), Environment::Development);
    vault.clock().advanceMs(31 * kDayMs);
    auto window = openWindow(vault);
    QVERIFY(window);
    HygienePage *page = showHygiene(*window);
    QVERIFY(page);
    QVERIFY(page->selectFinding(idle.id, Kind::NeverUsed));
    QVERIFY(page->fixButton()->isEnabled());
    QVERIFY(page->fixButton()->text().contains(QStringLiteral("Deactivate")));
    MessageBox::setNextAnswer(QMessageBox::Yes); // KeyCommands' own confirmation
    QTest::mouseClick(page->fixButton(), Qt::LeftButton);
    QVERIFY(
        MessageBox::lastButtons().join(QLatin1Char(' ')).contains(QStringLiteral("Deactivate")));
    auto key = vault.store().key(idle.id);
    QVERIFY(key);
    QCOMPARE(key->state, KeyState::Inactive);
    QTRY_VERIFY_WITH_TIMEOUT(!shows(page, idle.id, Kind::NeverUsed), 10000);
}

void TestHygieneUi::fixManyKeysAfterOneConfirmation()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey a =
        vault.createKey(QStringLiteral("Forever A"), Environment::Staging, Role::Developer, {}, 0);
    const ApiKey b = vault.createKey(QStringLiteral("Forever B"), Environment::Development,
                                     Role::Developer, {}, 0);
    const ApiKey c = vault.createKey(QStringLiteral("Short"), Environment::Development,
                                     Role::Developer, {}, 10 * kDayMs);
    auto window = openWindow(vault);
    QVERIFY(window);
    HygienePage *page = showHygiene(*window);
    QVERIFY(page);
    QVERIFY(page->selectFinding(a.id, Kind::NoExpiry));
    QVERIFY(page->selectFinding(b.id, Kind::NoExpiry, true));
    QCOMPARE(page->selectedFindings().size(), 2);
    QVERIFY(!shows(page, c.id, Kind::NoExpiry));

    // Cancelled: nothing changes.
    page->fixSelected();
    BulkConfirmDialog *dialog = openDialog<BulkConfirmDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->action(), BulkKeyAction::ShortenExpiry);
    QCOMPARE(dialog->keyList()->topLevelItemCount(), 2);
    dialog->reject();
    QVERIFY(!vault.store().key(a.id)->expiresAtMs);

    // The bulk confirmation, its date starting at the page's "90 days".
    page->fixSelected();
    dialog = openDialog<BulkConfirmDialog>();
    QVERIFY(dialog);
    const QDate in90 = QDateTime::fromMSecsSinceEpoch(vault.clock().nowMs() + 90 * kDayMs).date();
    QCOMPARE(dialog->expiryEdit()->date(), in90);
    QVERIFY(!dialog->countEdit()); // nothing stops today
    const std::optional<qint64> chosen = dialog->expiresAtMs();
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QVERIFY(chosen);
    for (qint64 id : {a.id, b.id}) {
        auto key = vault.store().key(id);
        QVERIFY(key);
        QCOMPARE(key->expiresAtMs, chosen);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        !shows(page, a.id, Kind::NoExpiry) && !shows(page, b.id, Kind::NoExpiry), 10000);
    auto verified = vault.store().verifyAudit();
    QVERIFY(verified && verified->intact);
}

// A removed member's keys are to be revoked; a Production key among them goes through the key
// table's bulk confirmation with the rest, once the number of Production keys is typed.
void TestHygieneUi::revokeManyIncludesProductionKeysWithTheTypedCount()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const Member bob = vault.addMember(QStringLiteral("bob"), Role::Developer);
    auto bobs = SqlKeyStore::openVault(vault.path(), vault.clock());
    QVERIFY(bobs);
    QVERIFY((*bobs)->signIn(QStringLiteral("bob"), secret(kMemberPassphrase)));
    NewKeyRequest request;
    request.name = QStringLiteral("Bob dev");
    request.environment = Environment::Development;
    request.role = Role::Developer;
    request.grants = {QStringLiteral("licenses:read")};
    auto dev = (*bobs)->createKey(request);
    QVERIFY2(dev, qPrintable(dev.errorMessage()));
    request.name = QStringLiteral("Bob live");
    request.environment = Environment::Production;
    auto live = (*bobs)->createKey(request);
    QVERIFY(live);
    bobs->reset();
    QVERIFY(vault.store().removeMember(bob.id));

    auto window = openWindow(vault);
    QVERIFY(window);
    HygienePage *page = showHygiene(*window);
    QVERIFY(page);
    QVERIFY(page->selectFinding(dev->key.id, Kind::CreatorRemoved));
    QVERIFY(page->selectFinding(live->key.id, Kind::CreatorRemoved, true));
    QVERIFY(page->fixButton()->text().contains(QStringLiteral("Revoke")));
    page->fixSelected();
    BulkConfirmDialog *dialog = openDialog<BulkConfirmDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->action(), BulkKeyAction::Revoke);
    QStringList names;
    for (int i = 0; i < dialog->keyList()->topLevelItemCount(); ++i)
        names.append(dialog->keyList()->topLevelItem(i)->text(0));
    names.sort();
    QCOMPARE(names, (QStringList {QStringLiteral("Bob dev"), QStringLiteral("Bob live")}));
    QCOMPARE(dialog->productionCount(), 1);
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QTest::keyClicks(dialog->countEdit(), QStringLiteral("2"));
    QVERIFY(!dialog->confirmButton()->isEnabled());
    dialog->countEdit()->clear();
    QTest::keyClicks(dialog->countEdit(), QStringLiteral("1"));
    QVERIFY(dialog->confirmButton()->isEnabled());
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QCOMPARE(vault.store().key(dev->key.id)->state, KeyState::Revoked);
    QCOMPARE(vault.store().key(live->key.id)->state, KeyState::Revoked);
    QTRY_VERIFY_WITH_TIMEOUT(!shows(page, dev->key.id, Kind::CreatorRemoved)
                                 && !shows(page, live->key.id, Kind::CreatorRemoved),
                             10000);
    auto verified = vault.store().verifyAudit();
    QVERIFY(verified && verified->intact);
}

void TestHygieneUi::dismissHidesAndRestoreShows()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey forever = vault.createKey(QStringLiteral("Break glass"), Environment::Staging,
                                           Role::Developer, {}, 0);
    auto window = openWindow(vault);
    QVERIFY(window);
    HygienePage *page = showHygiene(*window);
    QVERIFY(page);
    QVERIFY(page->selectFinding(forever.id, Kind::NoExpiry));
    QVERIFY(page->dismissButton()->isEnabled());
    QVERIFY(!page->restoreButton()->isEnabled());
    QTest::mouseClick(page->dismissButton(), Qt::LeftButton);
    HygieneDismissDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findVisible<HygieneDismissDialog>(window.get())));
    QVERIFY(!dialog->dismissButton()->isEnabled()); // a reason is required
    dialog->reasonEdit()->setText(QStringLiteral("line one\u202Eevil"));
    QVERIFY(!dialog->dismissButton()->isEnabled());
    dialog->reasonEdit()->setText(QStringLiteral("Kept in the safe <b>only</b>"));
    QVERIFY(dialog->dismissButton()->isEnabled());
    QTest::mouseClick(dialog->dismissButton(), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!shows(page, forever.id, Kind::NoExpiry), 10000);
    auto dismissals = vault.store().hygieneDismissals();
    QVERIFY(dismissals);
    QCOMPARE(dismissals->size(), 1);
    QCOMPARE(dismissals->first().reason, QStringLiteral("Kept in the safe <b>only</b>"));
    QVERIFY(page->countLabel()->text().contains(QStringLiteral("1 dismissed")));

    page->showDismissedBox()->setChecked(true);
    QVERIFY(shows(page, forever.id, Kind::NoExpiry));
    const int row = page->model()->rowOf(forever.id, Kind::NoExpiry);
    QVERIFY(page->model()->index(row, 0).data(HygieneModel::DismissedRole).toBool());
    QVERIFY(page->model()
                ->index(row, HygieneModel::ReasonColumn)
                .data()
                .toString()
                .contains(QStringLiteral("Dismissed by alice: Kept in the safe")));
    QVERIFY(page->selectFinding(forever.id, Kind::NoExpiry));
    QVERIFY(page->restoreButton()->isEnabled());
    QVERIFY(!page->dismissButton()->isEnabled());
    QTest::mouseClick(page->restoreButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->model()
                                  ->index(page->model()->rowOf(forever.id, Kind::NoExpiry), 0)
                                  .data(HygieneModel::DismissedRole)
                                  .toBool(),
                             10000);
    page->showDismissedBox()->setChecked(false);
    QVERIFY(shows(page, forever.id, Kind::NoExpiry));
    QVERIFY(vault.store().hygieneDismissals()->isEmpty());
}

void TestHygieneUi::ownerSetsThePolicyViewerCannot()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Fresh"), Environment::Development);
    vault.addMember(QStringLiteral("vic"), Role::Viewer);
    {
        auto window = openWindow(vault);
        QVERIFY(window);
        HygienePage *page = showHygiene(*window);
        QVERIFY(page);
        QVERIFY(page->policyBox()->isEnabled());
        QVERIFY(!page->policyBox()->isChecked());
        QVERIFY(!page->applyPolicyButton()->isEnabled()); // nothing to apply yet
        page->policyBox()->setChecked(true);
        page->policyDaysBox()->setValue(30);
        QVERIFY(page->applyPolicyButton()->isEnabled());
        QTest::mouseClick(page->applyPolicyButton(), Qt::LeftButton);
        auto policy = vault.store().rotationPolicy();
        QVERIFY(policy);
        QCOMPARE(policy->maxSecretAgeDays, std::optional<int>(30));
        QTRY_VERIFY(!page->applyPolicyButton()->isEnabled());
    }
    auto window = openWindow(vault, QStringLiteral("vic"), kMemberPassphrase);
    QVERIFY(window);
    HygienePage *page = showHygiene(*window);
    QVERIFY(page);
    QVERIFY(page->policyBox()->isChecked()); // Viewers see the policy...
    QCOMPARE(page->policyDaysBox()->value(), 30);
    QVERIFY(!page->policyBox()->isEnabled()); // ...but cannot change it
    QVERIFY(!page->applyPolicyButton()->isEnabled());
    QVERIFY(page->applyPolicyButton()->toolTip().contains(QStringLiteral("Only Owners")));
    QCOMPARE(page->proxy()->rowCount(), 0);
    QVERIFY(!page->dismissButton()->isEnabled());
}

QTEST_MAIN(TestHygieneUi)
#include "test_hygiene_ui.moc"
