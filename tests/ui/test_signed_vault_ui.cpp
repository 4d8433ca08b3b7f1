// The signed vault in the window (issue 14 §3): the fingerprint shown at creation and in
// Preferences, pinned per vault file by this install and refused when it changes; a history cut
// short since the last look reported in a banner; keys written around Keyward (their signature
// does not hold) marked "Tampered" by a check on a worker thread, with only Revoke and Delete
// left. The attacker is a raw SQLite connection to the file, as a compromised service would be.
#include "RawVault.h"
#include "UiTestSupport.h"

#include "store/VaultFile.h"
#include "ui/ApiKeysPage.h"
#include "ui/HistoryBanner.h"
#include "ui/KeyActions.h"
#include "ui/KeyDetailsPane.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "ui/MainWindow.h"
#include "ui/PreferencesDialog.h"
#include "ui/Settings.h"
#include "ui/StatusBadgeDelegate.h"
#include "ui/VaultCreatedDialog.h"
#include "ui/VaultStatusPage.h"
#include "ui/WelcomeDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace Keyward;
using namespace Keyward::UiTest;
using Keyward::Testing::RawVault;

namespace {

QModelIndex rowOf(ApiKeysPage *page, const QString &name)
{
    const QAbstractItemModel *proxy = page->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, KeyTableModel::NameColumn);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

QString statusOf(ApiKeysPage *page, const QString &name)
{
    const QModelIndex index = rowOf(page, name);
    return index.isValid() ? index.siblingAtColumn(KeyTableModel::StatusColumn).data().toString()
                           : QString();
}

bool select(ApiKeysPage *page, const QString &name)
{
    const QModelIndex index = rowOf(page, name);
    if (!index.isValid())
        return false;
    page->table()->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return page->selectedKey() && page->selectedKey()->name == name;
}

} // namespace

class TestSignedVaultUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fingerprintShownAfterCreateAndPinned();
    void firstOpenPinsAndAnotherVaultIsRefused();
    void forgetPinLetsAReKeyedVaultOpen();
    void truncatedHistoryShowsBanner();
    void rewrittenHistoryShowsBanner();
    void tamperedKeyIsMarkedAndOnlyRevokeOrDelete();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &path, const Clock &clock,
                                           bool signInAlice = true);

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
};

void TestSignedVaultUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
}

void TestSignedVaultUi::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
}

void TestSignedVaultUi::cleanup()
{
    m_settings.reset();
}

std::unique_ptr<MainWindow> TestSignedVaultUi::openWindow(const QString &path, const Clock &clock,
                                                          bool signInAlice)
{
    auto window = std::make_unique<MainWindow>(*m_settings, clock);
    window->show();
    if (!window->openVault(path))
        return window;
    if (signInAlice) {
        if (!submitLogin(*window, QStringLiteral("alice"), kOwnerPassphrase))
            qWarning("no login dialog");
    }
    return window;
}

void TestSignedVaultUi::fingerprintShownAfterCreateAndPinned()
{
    const QString path = VaultFile::defaultPath();
    QFile::remove(path);
    ManualClock clock;
    MainWindow window(*m_settings, clock);
    window.show();
    window.start(path);
    WelcomeDialog *welcome = window.welcomeDialog();
    QVERIFY(welcome);
    QTRY_VERIFY(welcome->isVisible());
    welcome->findChild<QLineEdit *>(QStringLiteral("ownerNameEdit"))
        ->setText(QStringLiteral("olga"));
    welcome->findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"))->setText(kOwnerPassphrase);
    welcome->findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit"))
        ->setText(kOwnerPassphrase);
    QTest::mouseClick(welcome->findChild<QPushButton *>(QStringLiteral("createVaultButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(window.session().isUnlocked());

    const QString fingerprint = window.session().store()->fingerprint();
    QVERIFY(!fingerprint.isEmpty());
    VaultCreatedDialog *created = window.vaultCreatedDialog();
    QVERIFY(created);
    QTRY_VERIFY(created->isVisible());
    QCOMPARE(created->windowTitle(), QStringLiteral("Vault Created"));
    auto *edit = created->findChild<QLineEdit *>(QStringLiteral("fingerprintEdit"));
    QVERIFY(edit && edit->isVisible());
    QCOMPARE(edit->text(), fingerprint);
    QVERIFY(edit->isReadOnly()); // selectable, not editable
    QTest::mouseClick(created->findChild<QPushButton *>(QStringLiteral("copyFingerprintButton")),
                      Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), fingerprint);
    // Pinned by this install, for this file.
    QCOMPARE(m_settings->pinnedFingerprint(path), fingerprint);
    created->accept();
    QTRY_VERIFY(!window.vaultCreatedDialog());

    // Preferences shows it again, and what is pinned.
    window.showPreferences();
    PreferencesDialog *preferences = window.preferencesDialog();
    QVERIFY(preferences);
    QTRY_VERIFY(preferences->isVisible());
    QCOMPARE(preferences->findChild<QLineEdit *>(QStringLiteral("vaultFingerprintEdit"))->text(),
             fingerprint);
    QCOMPARE(preferences->findChild<QLabel *>(QStringLiteral("pinnedFingerprintLabel"))->text(),
             fingerprint);
    preferences->reject();
    window.close();
    QFile::remove(path);
}

void TestSignedVaultUi::firstOpenPinsAndAnotherVaultIsRefused()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const QString fingerprint = vault.store().fingerprint();
    vault.closeStore();
    QVERIFY(m_settings->pinnedFingerprint(vault.path()).isEmpty());
    {
        auto window = openWindow(vault.path(), vault.clock());
        QTRY_VERIFY(window->session().isUnlocked());
        QCOMPARE(m_settings->pinnedFingerprint(vault.path()), fingerprint);
    }

    // Someone with write access puts another vault (their own root key) in its place.
    Vault other;
    QVERIFY(other.isValid());
    const QString otherFingerprint = other.store().fingerprint();
    QVERIFY(otherFingerprint != fingerprint);
    other.closeStore();
    QVERIFY(QFile::remove(vault.path()));
    QVERIFY(QFile::copy(other.path(), vault.path()));

    MainWindow window(*m_settings, vault.clock());
    window.show();
    QVERIFY(!window.openVault(vault.path()));
    QCOMPARE(window.session().state(), VaultSession::State::Closed);
    QVERIFY(!window.loginDialog());
    const QString message = window.statusPage()->message();
    QVERIFY2(message.contains(fingerprint) && message.contains(otherFingerprint),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Forget Pinned Fingerprint")), qPrintable(message));
    // Refused, and still pinned to the vault this install knew.
    QCOMPARE(m_settings->pinnedFingerprint(vault.path()), fingerprint);
}

void TestSignedVaultUi::forgetPinLetsAReKeyedVaultOpen()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.closeStore();
    m_settings->setPinnedFingerprint(vault.path(),
                                     QStringLiteral("0000-1111-2222-3333-4444-5555-6666-7777"));
    MainWindow window(*m_settings, vault.clock());
    window.show();
    QVERIFY(!window.openVault(vault.path()));

    // Preferences offers to forget the pin of the vault just refused.
    window.showPreferences();
    PreferencesDialog *preferences = window.preferencesDialog();
    QVERIFY(preferences);
    QTRY_VERIFY(preferences->isVisible());
    auto *forget = preferences->findChild<QPushButton *>(QStringLiteral("forgetPinButton"));
    QVERIFY(forget && forget->isVisible() && forget->isEnabled());
    QTest::mouseClick(forget, Qt::LeftButton);
    QVERIFY(m_settings->pinnedFingerprint(vault.path()).isEmpty());
    QVERIFY(!forget->isEnabled());
    QVERIFY(!preferences->findChild<QLabel *>(QStringLiteral("pinnedFingerprintLabel"))
                 ->text()
                 .contains(QStringLiteral("0000-1111")));
    preferences->accept();

    QVERIFY(window.openVault(vault.path()));
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QTRY_VERIFY(window.session().isUnlocked());
    QCOMPARE(m_settings->pinnedFingerprint(vault.path()), window.session().store()->fingerprint());
}

void TestSignedVaultUi::truncatedHistoryShowsBanner()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("svc"));
    vault.closeStore();
    qint64 seen = 0;
    {
        auto window = openWindow(vault.path(), vault.clock());
        QTRY_VERIFY(window->session().isUnlocked());
        QVERIFY(!window->historyBanner()->isVisible());
        seen = m_settings->lastAuditSeen(vault.path()).id;
        QVERIFY(seen > 0);
    }
    // Opened again as it was left: the history continues, no banner.
    {
        auto window = openWindow(vault.path(), vault.clock(), false);
        QVERIFY(window->session().store());
        QVERIFY(!window->historyBanner()->isShowingProblem());
        QVERIFY(m_settings->lastAuditSeen(vault.path()).id >= seen);
        seen = m_settings->lastAuditSeen(vault.path()).id;
    }
    const QByteArray seenHash = m_settings->lastAuditSeen(vault.path()).hash;
    // The newest audit rows (the sign-ins since the key was made) deleted around Keyward.
    {
        RawVault raw(vault.path());
        const qint64 keyRow =
            raw.number(QStringLiteral("SELECT MAX(id) FROM audit_log WHERE key_id IS NOT NULL"));
        QVERIFY(keyRow > 0 && keyRow < seen);
        QVERIFY(
            raw.exec(QStringLiteral("DELETE FROM audit_signatures WHERE audit_id > ?"), {keyRow}));
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE id > ?"), {keyRow}));
    }
    vault.clock().advanceMs(kMinuteMs); // the next sign-in's row is not the deleted one again
    auto window = openWindow(vault.path(), vault.clock());
    HistoryBanner *banner = window->historyBanner();
    QVERIFY(banner->isShowingProblem());
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("#%1").arg(seen)), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("cut short")));
    QTRY_VERIFY(window->session().isUnlocked());
    // Still reported after signing in (and still news at the next open until dismissed).
    QVERIFY(banner->isVisible());
    QCOMPARE(m_settings->lastAuditSeen(vault.path()).id, seen);
    QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("dismissHistoryButton")),
                      Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    // Dismissed: the history as it is now is what was seen (the id may be reused by now).
    QVERIFY(m_settings->lastAuditSeen(vault.path()).hash != seenHash);
}

void TestSignedVaultUi::rewrittenHistoryShowsBanner()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("svc"));
    vault.closeStore();
    {
        auto window = openWindow(vault.path(), vault.clock());
        QTRY_VERIFY(window->session().isUnlocked());
    }
    const Settings::AuditMark seen = m_settings->lastAuditSeen(vault.path());
    QVERIFY(seen.id > 0);
    // The rows since the key deleted, then a history of the attacker's own written in their
    // place through Keyward (a valid chain): the row seen last now has another content.
    {
        RawVault raw(vault.path());
        const qint64 keyRow =
            raw.number(QStringLiteral("SELECT MAX(id) FROM audit_log WHERE key_id IS NOT NULL"));
        QVERIFY(
            raw.exec(QStringLiteral("DELETE FROM audit_signatures WHERE audit_id > ?"), {keyRow}));
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE id > ?"), {keyRow}));
    }
    vault.clock().advanceMs(kHourMs);
    {
        auto store = SqlKeyStore::openVault(vault.path(), vault.clock());
        QVERIFY(store);
        QVERIFY(store.value()->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
        auto hash = store.value()->auditHash(seen.id);
        QVERIFY(hash && *hash && **hash != seen.hash);
    }
    auto window = openWindow(vault.path(), vault.clock(), false);
    HistoryBanner *banner = window->historyBanner();
    QVERIFY(banner->isShowingProblem());
    QVERIFY2(banner->text().contains(QStringLiteral("rewritten")), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("#%1").arg(seen.id)));
}

void TestSignedVaultUi::tamperedKeyIsMarkedAndOnlyRevokeOrDelete()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("healthy"));
    const ApiKey revoked = vault.createKey(QStringLiteral("resurrected"));
    QVERIFY(vault.store().revokeKey(revoked.id, revoked.version));
    vault.closeStore();
    // A compromised service makes a revoked key valid again.
    {
        RawVault raw(vault.path());
        QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET state = 0, revoked_at = NULL "
                                        "WHERE id = ?"),
                         {revoked.id}));
    }

    auto window = openWindow(vault.path(), vault.clock());
    QTRY_VERIFY(window->session().isUnlocked());
    ApiKeysPage *page = window->keysPage();
    QTRY_COMPARE(statusOf(page, QStringLiteral("resurrected")), QStringLiteral("Tampered"));
    QCOMPARE(statusOf(page, QStringLiteral("healthy")), QStringLiteral("Active"));
    const QModelIndex status =
        rowOf(page, QStringLiteral("resurrected")).siblingAtColumn(KeyTableModel::StatusColumn);
    QCOMPARE(StatusBadgeDelegate::badgeTexts(status), QStringList {QStringLiteral("Tampered")});
    QCOMPARE(status.data(Qt::DecorationRole).value<QColor>(), StatusBadgeDelegate::tamperedColor());
    QVERIFY(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("outside Keyward")));

    // The status filter offers it.
    auto *filter = page->findChild<QComboBox *>(QStringLiteral("statusFilter"));
    const int tamperedItem = filter->findData(int(KeyFilterProxyModel::StatusFilter::Tampered));
    QVERIFY(tamperedItem > 0);
    QCOMPARE(filter->itemText(tamperedItem), QStringLiteral("Tampered"));
    filter->setCurrentIndex(tamperedItem);
    QCOMPARE(page->proxy()->rowCount(), 1);
    QVERIFY(rowOf(page, QStringLiteral("resurrected")).isValid());
    filter->setCurrentIndex(filter->findData(int(KeyFilterProxyModel::StatusFilter::Active)));
    QVERIFY(!rowOf(page, QStringLiteral("resurrected")).isValid());
    filter->setCurrentIndex(0);

    // The details explain it; only Revoke and Delete are left.
    QVERIFY(select(page, QStringLiteral("resurrected")));
    auto *explanation = page->details()->findChild<QLabel *>(QStringLiteral("tamperedExplanation"));
    QVERIFY(explanation);
    QTRY_VERIFY(explanation->isVisible()); // shown by its layout, queued
    QVERIFY(explanation->text().contains(QStringLiteral("not found")));
    KeyActions *actions = window->keyActions();
    for (QAction *action :
         {actions->edit(), actions->regenerate(), actions->duplicate(), actions->toggleActive()}) {
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QVERIFY2(action->toolTip().contains(QStringLiteral("only be revoked or deleted")),
                 qPrintable(action->toolTip()));
    }
    QVERIFY(actions->revoke()->isEnabled());
    QVERIFY(actions->remove()->isEnabled());
    // A healthy key keeps every action.
    QVERIFY(select(page, QStringLiteral("healthy")));
    QVERIFY(actions->edit()->isEnabled());
    QVERIFY(actions->regenerate()->isEnabled());
    QVERIFY(!page->details()->findChild<QLabel *>(QStringLiteral("tamperedExplanation")));

    // Revoking it signs the row as revoked: no longer tampered.
    const std::optional<ApiKey> resurrected = page->model()->keyById(revoked.id);
    QVERIFY(resurrected);
    QVERIFY(window->session().store()->revokeKey(resurrected->id, resurrected->version));
    QVERIFY(page->reload());
    page->findChild<QCheckBox *>(QStringLiteral("showRevokedCheck"))->setChecked(true);
    QTRY_COMPARE(statusOf(page, QStringLiteral("resurrected")), QStringLiteral("Revoked"));
}

QTEST_MAIN(TestSignedVaultUi)
#include "test_signed_vault_ui.moc"
