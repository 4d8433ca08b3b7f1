// What the window says about use must be true and fresh: usage recorded by another process (the
// real keywardctl, as a service would run it) reaches the table, the details pane and every
// confirmation without a click; refused attempts are never shown as use; every action reloads
// once and leaves the selection on the key acted on, or on nothing.
#include "UiTestSupport.h"
#include "UiTestSupportDialogs.h"

#include "ui/ApiKeysPage.h"
#include "ui/ConfirmDestructiveDialog.h"
#include "ui/KeyActions.h"
#include "ui/KeyDetailsPane.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "ui/LastUseText.h"
#include "ui/MainWindow.h"
#include "ui/MessageBox.h"
#include "ui/RegenerateKeyDialog.h"
#include "ui/Settings.h"
#include "ui/UsageChartView.h"
#include "ui/VaultSession.h"
#include "verify/VerifyOutcome.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

// Runs `keywardctl verify` as its own process; true when it answered Valid.
bool verifyInAnotherProcess(const QString &vaultPath, const SecretString &token,
                            const QString &environment)
{
    QProcess process;
    process.start(QStringLiteral(KEYWARDCTL_PATH),
                  {QStringLiteral("--vault"), vaultPath, QStringLiteral("verify"),
                   QStringLiteral("--env"), environment, QStringLiteral("--source"),
                   QStringLiteral("billing-service"), QStringLiteral("-")});
    process.write(QByteArray(token.data(), qsizetype(token.size())) + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        qWarning("keywardctl verify did not finish");
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString lastUsedCell(ApiKeysPage *page, qint64 keyId)
{
    const int row = page->model()->rowForId(keyId);
    return page->model()->index(row, KeyTableModel::LastUsedColumn).data().toString();
}

QString lastUsedToolTip(ApiKeysPage *page, qint64 keyId)
{
    const int row = page->model()->rowForId(keyId);
    return page->model()
        ->index(row, KeyTableModel::LastUsedColumn)
        .data(Qt::ToolTipRole)
        .toString();
}

} // namespace

class TestUsageChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void usageFromAnotherProcessReachesTheWindow();
    void refusedAttemptsAreNotUse();
    void usageMovesNoRow();
    void confirmationsReadUsageFresh();
    void anActionReloadsOnce();
    void revokedAndHiddenLeavesNothingSelected();
    void filterChangeKeepsOrClearsTheSelection();

private:
    std::unique_ptr<MainWindow> openWindow(Vault &vault, int pollMs = 200);
    IssuedKey issue(Vault &vault, const QString &name, Environment environment);

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
};

void TestUsageChannel::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
    qRegisterMetaType<QVector<qint64>>();
}

void TestUsageChannel::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
}

void TestUsageChannel::cleanup()
{
    MessageBox::clearNextAnswer();
    m_settings.reset();
}

std::unique_ptr<MainWindow> TestUsageChannel::openWindow(Vault &vault, int pollMs)
{
    auto window = std::make_unique<MainWindow>(*m_settings, vault.clock());
    window->session().setChangePollIntervalMs(pollMs);
    window->show();
    window->start(vault.path());
    if (!submitLogin(*window, QStringLiteral("alice"), kOwnerPassphrase))
        return nullptr;
    return window;
}

IssuedKey TestUsageChannel::issue(Vault &vault, const QString &name, Environment environment)
{
    NewKeyRequest request;
    request.name = name;
    request.environment = environment;
    request.role = Role::Developer;
    request.grants = vault.store().grantCatalogue().roleGrants(Role::Developer);
    request.expiresAtMs = vault.clock().nowMs() + 90 * kDayMs;
    auto issued = vault.store().createKey(request);
    if (!issued)
        qWarning("createKey failed: %s", qPrintable(issued.errorMessage()));
    return std::move(issued).value();
}

void TestUsageChannel::usageFromAnotherProcessReachesTheWindow()
{
    // keywardctl records with the real clock: the window's clock must be near it.
    Vault vault(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(vault.isValid());
    IssuedKey billing = issue(vault, QStringLiteral("Billing sync"), Environment::Production);
    const ApiKey other = issue(vault, QStringLiteral("Reports"), Environment::Production).key;
    auto window = openWindow(vault);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    page->selectKey(billing.key.id);
    QCOMPARE(page->details()->keyId(), billing.key.id);
    QCOMPARE(lastUsedCell(page, billing.key.id), QStringLiteral("Never"));
    QSignalSpy reloads(page, &ApiKeysPage::reloaded);
    QSignalSpy updates(page, &ApiKeysPage::usageUpdated);

    for (int i = 0; i < 3; ++i)
        QVERIFY(verifyInAnotherProcess(vault.path(), billing.token, QStringLiteral("live")));

    // Within 2 s, without a click: the table, the pane's secrets and its chart agree.
    QTRY_VERIFY_WITH_TIMEOUT(lastUsedCell(page, billing.key.id) != QLatin1String("Never"), 2000);
    QCOMPARE(lastUsedCell(page, billing.key.id), QStringLiteral("just now"));
    QVERIFY2(lastUsedToolTip(page, billing.key.id).contains(QLatin1String("billing-service")),
             qPrintable(lastUsedToolTip(page, billing.key.id)));
    QTRY_COMPARE_WITH_TIMEOUT(page->details()->usageChart()->total(), qint64(3), 2000);
    QVERIFY2(
        page->details()->text().contains(QLatin1String("Last used just now from billing-service")),
        qPrintable(page->details()->text()));
    // Only the used key changed, and nothing was reloaded wholesale for it.
    QCOMPARE(reloads.size(), 0);
    QVERIFY(!updates.isEmpty());
    for (const QList<QVariant> &update : std::as_const(updates))
        QCOMPARE(update.at(0).value<QVector<qint64>>(), QVector<qint64>({billing.key.id}));
    QCOMPARE(lastUsedCell(page, other.id), QStringLiteral("Never"));
}

void TestUsageChannel::refusedAttemptsAreNotUse()
{
    Vault vault(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(vault.isValid());
    IssuedKey staging = issue(vault, QStringLiteral("Staging only"), Environment::Staging);
    auto window = openWindow(vault);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    page->selectKey(staging.key.id);

    // Presented to Production only: refused every time.
    QVERIFY(!verifyInAnotherProcess(vault.path(), staging.token, QStringLiteral("live")));
    QTRY_VERIFY_WITH_TIMEOUT(
        lastUsedCell(page, staging.key.id).startsWith(QLatin1String("Never (refused")), 2000);
    QCOMPARE(lastUsedCell(page, staging.key.id), QStringLiteral("Never (refused just now)"));
    const QString tip = lastUsedToolTip(page, staging.key.id);
    QVERIFY2(tip.contains(QLatin1String("Never used successfully"))
                 && tip.contains(QLatin1String("Wrong environment")),
             qPrintable(tip));
    const ApiKey stored = *vault.store().key(staging.key.id);
    QVERIFY(!stored.lastUsedAtMs());
    QCOMPARE(
        LastUseText::sentence(stored, vault.clock().nowMs()),
        QStringLiteral("Last used: never successfully. Last refused just now: Wrong environment."));
    QTRY_VERIFY_WITH_TIMEOUT(
        page->details()->text().contains(QLatin1String("Never used successfully")), 2000);

    // A success afterwards is the news; the older refusal is no longer mentioned.
    QVERIFY(verifyInAnotherProcess(vault.path(), staging.token, QStringLiteral("stg")));
    QTRY_COMPARE_WITH_TIMEOUT(lastUsedCell(page, staging.key.id), QStringLiteral("just now"), 2000);
    const ApiKey used = *vault.store().key(staging.key.id);
    QVERIFY(used.lastUsedAtMs());
    QVERIFY2(!LastUseText::sentence(used, vault.clock().nowMs()).contains(QLatin1String("refused")),
             qPrintable(LastUseText::sentence(used, vault.clock().nowMs())));
}

// Sorted by Last used, a key used by a service shows its new time where it is; rows do not
// jump under the admin's pointer until the next sort or reload.
void TestUsageChannel::usageMovesNoRow()
{
    Vault vault(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(vault.isValid());
    issue(vault, QStringLiteral("Alpha"), Environment::Production);
    issue(vault, QStringLiteral("Beta"), Environment::Production);
    IssuedKey gamma = issue(vault, QStringLiteral("Gamma"), Environment::Production);
    auto window = openWindow(vault);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    page->table()->sortByColumn(KeyTableModel::LastUsedColumn, Qt::DescendingOrder);
    const auto order = [page] {
        QStringList names;
        for (int row = 0; row < page->proxy()->rowCount(); ++row)
            names.append(page->proxy()->index(row, KeyTableModel::NameColumn).data().toString());
        return names;
    };
    const QStringList before = order();
    QCOMPARE(before.size(), 3);

    QVERIFY(verifyInAnotherProcess(vault.path(), gamma.token, QStringLiteral("live")));
    const int gammaRow = int(before.indexOf(QStringLiteral("Gamma")));
    QTRY_COMPARE_WITH_TIMEOUT(
        page->proxy()->index(gammaRow, KeyTableModel::LastUsedColumn).data().toString(),
        QStringLiteral("just now"), 2000);
    QCOMPARE(order(), before);
    // A sort puts it first.
    page->table()->sortByColumn(KeyTableModel::LastUsedColumn, Qt::DescendingOrder);
    page->proxy()->invalidate();
    QCOMPARE(order().constFirst(), QStringLiteral("Gamma"));
}

void TestUsageChannel::confirmationsReadUsageFresh()
{
    Vault vault(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(vault.isValid());
    IssuedKey key = issue(vault, QStringLiteral("Payments live"), Environment::Production);
    // The watcher is slow here on purpose: only a fresh read can know about the use.
    auto window = openWindow(vault, 60 * 60 * 1000);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    page->selectKey(key.key.id);
    QVERIFY(verifyInAnotherProcess(vault.path(), key.token, QStringLiteral("live")));
    QCOMPARE(lastUsedCell(page, key.key.id), QStringLiteral("Never")); // the table is behind

    QString revokeText;
    DialogTest::FlowScript revoke;
    revoke.on<ConfirmDestructiveDialog>([&](ConfirmDestructiveDialog *dialog) {
        revokeText = dialog->findChild<QLabel *>(QStringLiteral("lastUsedLabel"))->text();
        dialog->reject();
    });
    revoke.run([&] { window->keyActions()->revoke()->trigger(); });
    QCOMPARE(revoke.pendingSteps(), 0);
    QVERIFY2(revokeText.startsWith(QLatin1String("Last used just now")), qPrintable(revokeText));

    QString regenerateText;
    DialogTest::FlowScript regenerate;
    regenerate.on<RegenerateKeyDialog>([&](RegenerateKeyDialog *dialog) {
        regenerateText = dialog->findChild<QLabel *>(QStringLiteral("currentSecretLabel"))->text();
        dialog->reject();
    });
    regenerate.run([&] { window->keyActions()->regenerate()->trigger(); });
    QCOMPARE(regenerate.pendingSteps(), 0);
    QVERIFY2(regenerateText.contains(QLatin1String("was last used just now")),
             qPrintable(regenerateText));

    MessageBox::setNextAnswer(QMessageBox::No);
    window->keyActions()->toggleActive()->trigger();
    QVERIFY2(MessageBox::lastText().contains(QLatin1String("Last used just now")),
             qPrintable(MessageBox::lastText()));
}

void TestUsageChannel::anActionReloadsOnce()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey key = issue(vault, QStringLiteral("Reports"), Environment::Development).key;
    auto window = openWindow(vault, 50);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    page->selectKey(key.id);
    QSignalSpy reloads(page, &ApiKeysPage::reloaded);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    window->keyActions()->toggleActive()->trigger();
    QCOMPARE(page->selectedKey()->state, KeyState::Inactive);
    QCOMPARE(reloads.size(), 1);
    // The window's own write is no news to its watcher either.
    QTest::qWait(300);
    QCOMPARE(reloads.size(), 1);
    QCOMPARE(page->selectedKey()->id, key.id);
}

void TestUsageChannel::revokedAndHiddenLeavesNothingSelected()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey first = issue(vault, QStringLiteral("Payments live"), Environment::Production).key;
    const ApiKey second = issue(vault, QStringLiteral("Refunds live"), Environment::Production).key;
    auto window = openWindow(vault);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    auto *showRevoked = page->findChild<QCheckBox *>(QStringLiteral("showRevokedCheck"));
    QVERIFY(showRevoked && !showRevoked->isChecked());
    page->selectKey(first.id);

    DialogTest::FlowScript driver;
    driver.on<ConfirmDestructiveDialog>([](ConfirmDestructiveDialog *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit")),
                         QStringLiteral("Payments live"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
    });
    driver.run([&] { window->keyActions()->revoke()->trigger(); });
    QCOMPARE(driver.pendingSteps(), 0);
    QCOMPARE(vault.store().key(first.id)->state, KeyState::Revoked);
    // Not the other Production key: nothing.
    QVERIFY(!page->selectedKey());
    QVERIFY(!page->table()->selectionModel()->currentIndex().isValid());
    QCOMPARE(page->details()->keyId(), qint64(0));
    QVERIFY(!window->keyActions()->revoke()->isEnabled());
    Q_UNUSED(second);
}

void TestUsageChannel::filterChangeKeepsOrClearsTheSelection()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey payments = issue(vault, QStringLiteral("Payments"), Environment::Production).key;
    issue(vault, QStringLiteral("Payroll"), Environment::Production);
    issue(vault, QStringLiteral("Reports"), Environment::Production);
    auto window = openWindow(vault);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    page->selectKey(payments.id);

    // Still visible: still selected.
    QTest::keyClicks(page->searchEdit(), QStringLiteral("Pay"));
    QCOMPARE(page->proxy()->rowCount(), 2);
    QVERIFY(page->selectedKey());
    QCOMPARE(page->selectedKey()->id, payments.id);

    // Filtered out: nothing selected, not the neighbour.
    QTest::keyClicks(page->searchEdit(), QStringLiteral("r"));
    QCOMPARE(page->proxy()->rowCount(), 1);
    QVERIFY(!page->selectedKey());
    QCOMPARE(page->details()->keyId(), qint64(0));

    // And it does not come back by itself when the filter widens again.
    page->searchEdit()->clear();
    QCOMPARE(page->proxy()->rowCount(), 3);
    QVERIFY(!page->selectedKey());
}

QTEST_MAIN(TestUsageChannel)
#include "test_usage_channel.moc"
