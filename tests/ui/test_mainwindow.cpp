// The real MainWindow over real vault files: first run, sign-in, role gating, actions per
// selection, refresh on outside changes, locking and persisted window settings.
#include "UiTestSupport.h"

#include "core/Permissions.h"
#include "store/VaultFile.h"
#include "ui/ApiKeysPage.h"
#include "ui/KeyActions.h"
#include "ui/KeyDetailsPane.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/MessageBox.h"
#include "ui/Settings.h"
#include "ui/VaultSession.h"
#include "ui/VaultStatusPage.h"
#include "ui/WelcomeDialog.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

QModelIndex proxyRowOf(ApiKeysPage *page, const QString &name)
{
    const QAbstractItemModel *proxy = page->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, KeyTableModel::NameColumn);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

bool selectByName(ApiKeysPage *page, const QString &name)
{
    const QModelIndex index = proxyRowOf(page, name);
    if (!index.isValid())
        return false;
    page->table()->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return page->selectedKey() && page->selectedKey()->name == name;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void firstRunCreatesVaultThroughWelcomeDialog();
    void welcomeDialogRefusesBadInput();
    void wrongPassphraseThenRetrySucceeds();
    void damagedIndexFoundInTheBackgroundClosesTheVault();
    void aSignInBeforeTheFullCheckEndsHearsItsVerdict();
    void unreadableVaultShowsTheReason();
    void viewerSeesGenerateDisabledWithReason();
    void actionsFollowSelectionAndRole();
    void developerCannotTouchOthersKeys();
    void refreshesWhenAnotherProcessChangesTheVault();
    void refreshKeepsTheSelection();
    void oneChangeChannelForOwnAndOthersWrites();
    void lockClearsTheTableAndAsksAgain();
    void autoLockAfterIdleTime();
    void settingsPersist();
    void emptyVaultShowsFriendlyEmptyState();
    void detailsPaneShowsSecretsAndHistory();
    void toolbarActionRunsCommandAndKeepsSelection();

private:
    std::unique_ptr<MainWindow> makeWindow(Vault &vault);
    bool signIn(MainWindow &window, const QString &member, const QString &passphrase);

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
}

void TestMainWindow::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
}

void TestMainWindow::cleanup()
{
    m_settings.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow(Vault &vault)
{
    auto window = std::make_unique<MainWindow>(*m_settings, vault.clock());
    window->show();
    return window;
}

bool TestMainWindow::signIn(MainWindow &window, const QString &member, const QString &passphrase)
{
    if (!submitLogin(window, member, passphrase))
        return false;
    return window.session().isUnlocked();
}

void TestMainWindow::firstRunCreatesVaultThroughWelcomeDialog()
{
    const QString path = VaultFile::defaultPath();
    QVERIFY2(path.startsWith(m_home.path()), qPrintable(path));
    QVERIFY(!QFile::exists(path));

    ManualClock clock;
    MainWindow window(*m_settings, clock);
    window.show();
    window.start(path);
    QVERIFY(!window.isShowingVault());
    WelcomeDialog *welcome = window.welcomeDialog();
    QVERIFY(welcome);
    QTRY_VERIFY(welcome->isVisible());
    QCOMPARE(welcome->path(), path);

    auto *create = welcome->findChild<QPushButton *>(QStringLiteral("createVaultButton"));
    auto *prefix = welcome->findChild<QLineEdit *>(QStringLiteral("prefixEdit"));
    QCOMPARE(prefix->text(), QStringLiteral("kw"));
    welcome->findChild<QLineEdit *>(QStringLiteral("ownerNameEdit"))
        ->setText(QStringLiteral("olga"));
    welcome->findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"))->setText(kOwnerPassphrase);
    QVERIFY(!create->isEnabled()); // repeat still empty
    welcome->findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit"))
        ->setText(kOwnerPassphrase);
    QVERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);

    QTRY_VERIFY(window.session().isUnlocked());
    QTRY_VERIFY(!window.welcomeDialog());
    QVERIFY(QFile::exists(path));
    QVERIFY(window.isShowingVault());
    QCOMPARE(window.session().member()->role, Role::Owner);
    QVERIFY(window.windowTitle().contains(QStringLiteral("vault.keyward")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("olga (Owner)")));
    QCOMPARE(m_settings->lastVault(), path);
    QVERIFY(window.keyActions()->generate()->isEnabled());
    QCOMPARE(window.keysPage()->currentStatePage(), window.keysPage()->emptyStatePage());
    window.close();
    QFile::remove(path);
}

void TestMainWindow::welcomeDialogRefusesBadInput()
{
    ManualClock clock;
    VaultSession session(clock);
    const QString path = m_home.filePath(QStringLiteral("bad.keyward"));
    WelcomeDialog dialog(session, WelcomeDialog::Mode::NewVault, path);
    auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createVaultButton"));
    dialog.findChild<QLineEdit *>(QStringLiteral("ownerNameEdit"))->setText(QStringLiteral("olga"));
    dialog.findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"))
        ->setText(QStringLiteral("short"));
    dialog.findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit"))
        ->setText(QStringLiteral("short"));
    QVERIFY(!create->isEnabled());
    QVERIFY(create->toolTip().contains(QStringLiteral("at least 8")));

    dialog.findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"))->setText(kOwnerPassphrase);
    dialog.findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit"))
        ->setText(QStringLiteral("different one"));
    QVERIFY(!create->isEnabled());
    dialog.findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit"))
        ->setText(kOwnerPassphrase);
    QVERIFY(create->isEnabled());

    // The validator stops capitals; a one-letter prefix is refused by the rule.
    auto *prefix = dialog.findChild<QLineEdit *>(QStringLiteral("prefixEdit"));
    prefix->clear();
    QTest::keyClicks(prefix, QStringLiteral("K"));
    QCOMPARE(prefix->text(), QString());
    prefix->setText(QStringLiteral("k"));
    QVERIFY(!create->isEnabled());
    dialog.accept();
    QVERIFY(dialog.errorText().contains(QStringLiteral("prefix")));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!session.isUnlocked());
}

void TestMainWindow::wrongPassphraseThenRetrySucceeds()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    vault.closeStore();

    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(window->loginDialog());
    QTRY_VERIFY(window->loginDialog()->isVisible());
    QCOMPARE(window->statusPage()->mode(), VaultStatusPage::Mode::Locked);
    QVERIFY(window->windowTitle().contains(QStringLiteral("locked")));

    QVERIFY(submitLogin(*window, QStringLiteral("alice"), QStringLiteral("wrong passphrase")));
    QVERIFY(!window->session().isUnlocked());
    LoginDialog *dialog = window->loginDialog();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("Wrong member name or passphrase")),
             qPrintable(dialog->errorText()));
    QCOMPARE(dialog->failedAttempts(), 1);
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))->text().isEmpty());
    QCOMPARE(window->keysPage()->model()->rowCount(), 0);

    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QTRY_VERIFY(!window->loginDialog());
    QVERIFY(window->isShowingVault());
    QCOMPARE(window->keysPage()->model()->rowCount(), 1);
    QCOMPARE(m_settings->lastMember(vault.path()), QStringLiteral("alice"));
}

// A closed vault of three keys with one flipped byte in the secret-hash index, which the open's
// quick_check does not see (it does not compare indexes with tables); the file's bytes after.
static QByteArray vaultWithDamagedIndex(Vault &vault)
{
    for (int i = 0; i < 3; ++i)
        vault.createKey(QStringLiteral("Key %1").arg(i));
    const KeySecret secret = vault.store().key(2)->secrets.constFirst();
    vault.closeStore();
    QByteArray bytes = [&] {
        QFile f(vault.path());
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    qsizetype index = -1;
    for (qsizetype at = bytes.indexOf(secret.hash); at >= 0;
         at = bytes.indexOf(secret.hash, at + 1)) {
        if (quint8(bytes.at(at + 32)) == quint8(secret.id)) // the index entry: hash, row id
            index = at;
    }
    if (secret.hash.size() != 32 || index <= 0)
        return {};
    bytes[index + 10] = char(bytes.at(index + 10) ^ 0xff);
    QFile f(vault.path());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return {};
    return bytes;
}

static QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestMainWindow::damagedIndexFoundInTheBackgroundClosesTheVault()
{
    // The window ran integrity_check after opening (off the UI thread); it reports the damage
    // and closes the vault, which stays unwritten.
    Vault vault;
    QVERIFY(vault.isValid());
    const QByteArray bytes = vaultWithDamagedIndex(vault);
    QVERIFY(!bytes.isEmpty());

    auto window = makeWindow(vault);
    window->start(vault.path());
    QTRY_COMPARE(window->statusPage()->mode(), VaultStatusPage::Mode::Error);
    QVERIFY2(window->statusPage()->message().contains(QStringLiteral("damaged")),
             qPrintable(window->statusPage()->message()));
    QVERIFY(window->statusPage()->message().contains(vault.path()));
    QVERIFY(!window->session().isUnlocked());
    window.reset();
    QVERIFY(fileBytes(vault.path()) == bytes);
}

void TestMainWindow::aSignInBeforeTheFullCheckEndsHearsItsVerdict()
{
    // An audit entry rewritten behind Keyward's back: only the full check after the open sees it
    // (the audit chain). Unlock pressed at once: the passphrase check, on its own thread, ends
    // after the full check, which has left its verdict to the sign-in. The sign-in says the vault
    // is damaged and writes nothing (not even its audit entry).
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    vault.closeStore();
    QVERIFY(rawSql(vault.path(),
                   QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE id = "
                                  "(SELECT MAX(id) FROM audit_log)")));
    const QByteArray bytes = fileBytes(vault.path());

    auto window = makeWindow(vault);
    window->start(vault.path());
    QPointer<LoginDialog> dialog = window->loginDialog();
    QVERIFY(dialog);
    QVERIFY(submitLogin(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(!window->session().isUnlocked());
    QVERIFY(!window->session().isSigningIn());
    QVERIFY(dialog);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("damaged")),
             qPrintable(dialog->errorText()));
    window.reset();
    QVERIFY(fileBytes(vault.path()) == bytes);
}

void TestMainWindow::unreadableVaultShowsTheReason()
{
    ManualClock clock;
    const QString path = m_home.filePath(QStringLiteral("notes.keyward"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("just some notes, not a vault\n");
    file.close();
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();

    MainWindow window(*m_settings, clock);
    window.show();
    window.start(path);
    QCOMPARE(window.statusPage()->mode(), VaultStatusPage::Mode::Error);
    QVERIFY2(window.statusPage()->message().contains(QStringLiteral("not a Keyward vault")),
             qPrintable(window.statusPage()->message()));
    QVERIFY(!window.loginDialog());
    QVERIFY(window.statusPage()
                ->findChild<QPushButton *>(QStringLiteral("openAnotherButton"))
                ->isVisible());
    QVERIFY(window.statusPage()
                ->findChild<QPushButton *>(QStringLiteral("newVaultButton"))
                ->isVisible());
    QVERIFY(!window.statusPage()
                 ->findChild<QPushButton *>(QStringLiteral("unlockVaultButton"))
                 ->isVisible());
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);

    // A recent vault that disappeared says so, rather than offering to create it.
    window.start(m_home.filePath(QStringLiteral("gone.keyward")));
    QCOMPARE(window.statusPage()->mode(), VaultStatusPage::Mode::Error);
    QVERIFY(window.statusPage()->message().contains(QStringLiteral("There is no vault")));
    QVERIFY(!window.welcomeDialog());
}

void TestMainWindow::viewerSeesGenerateDisabledWithReason()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.addMember(QStringLiteral("vera"), Role::Viewer);
    vault.createKey(QStringLiteral("Payments"));
    vault.closeStore();

    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("vera"), kMemberPassphrase));
    QVERIFY(window->windowTitle().contains(QStringLiteral("vera (Viewer)")));

    QAction *generate = window->keyActions()->generate();
    QVERIFY(!generate->isEnabled());
    QCOMPARE(generate->toolTip(), Permissions::roleNeededMessage(KeyAction::Create));
    QVERIFY(generate->toolTip().contains(QStringLiteral("Developers, Admins and Owners")));

    // Viewers read: the key is listed and selectable, but nothing can change it.
    QVERIFY(selectByName(window->keysPage(), QStringLiteral("Payments")));
    for (QAction *action : {window->keyActions()->edit(), window->keyActions()->regenerate(),
                            window->keyActions()->toggleActive(), window->keyActions()->revoke(),
                            window->keyActions()->remove()}) {
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QVERIFY2(!action->toolTip().isEmpty(), qPrintable(action->objectName()));
    }
    QVERIFY(window->keyActions()->copyId()->isEnabled());
    // Members management is the Owner's.
    bool membersVisible = false;
    for (int i = 0; i < window->navigation()->count(); ++i) {
        QListWidgetItem *item = window->navigation()->item(i);
        if (item->text() == QStringLiteral("Members"))
            membersVisible = !item->isHidden();
    }
    QVERIFY(!membersVisible);
}

void TestMainWindow::actionsFollowSelectionAndRole()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    vault.closeStore();

    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    KeyActions *actions = window->keyActions();
    ApiKeysPage *page = window->keysPage();

    QVERIFY(actions->generate()->isEnabled());
    QVERIFY(!page->selectedKey());
    QVERIFY(!actions->edit()->isEnabled());
    QCOMPARE(actions->edit()->toolTip(), QStringLiteral("Select a key first."));
    QVERIFY(!actions->copyId()->isEnabled());

    QVERIFY(selectByName(page, QStringLiteral("Billing webhook")));
    for (QAction *action : {actions->edit(), actions->regenerate(), actions->toggleActive(),
                            actions->revoke(), actions->remove(), actions->copyId()})
        QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    QCOMPARE(actions->toggleActive()->text(), QStringLiteral("&Deactivate"));

    QVERIFY(selectByName(page, QStringLiteral("Support dashboard")));
    QCOMPARE(actions->toggleActive()->text(), QStringLiteral("&Activate"));
    QVERIFY(actions->toggleActivates());
    QVERIFY(actions->toggleActive()->isEnabled());

    // Revoked: permanent, only Delete remains; the tooltip says why.
    QVERIFY(!proxyRowOf(page, QStringLiteral("Old partner integration")).isValid());
    page->proxy()->setShowRevoked(true);
    QVERIFY(selectByName(page, QStringLiteral("Old partner integration")));
    QVERIFY(!actions->edit()->isEnabled());
    QVERIFY(actions->edit()->toolTip().contains(QStringLiteral("revoked")));
    QVERIFY(!actions->regenerate()->isEnabled());
    QVERIFY(!actions->revoke()->isEnabled());
    QVERIFY(actions->remove()->isEnabled());

    // Away from the keys page the key actions rest.
    window->showPage(MainWindow::Page::AuditLog);
    QVERIFY(!actions->edit()->isEnabled());
    QVERIFY(actions->generate()->isEnabled());
    window->showPage(MainWindow::Page::Keys);
    QVERIFY(actions->remove()->isEnabled());

    // Copy key ID copies the id, never the secret.
    actions->copyId()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::number(page->selectedKey()->id));
}

void TestMainWindow::developerCannotTouchOthersKeys()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.addMember(QStringLiteral("dev"), Role::Developer);
    vault.createKey(QStringLiteral("Alice's key"));
    vault.closeStore();

    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("dev"), kMemberPassphrase));
    QVERIFY(window->keyActions()->generate()->isEnabled());
    QVERIFY(selectByName(window->keysPage(), QStringLiteral("Alice's key")));
    QAction *edit = window->keyActions()->edit();
    QVERIFY(!edit->isEnabled());
    QVERIFY2(edit->toolTip().contains(QStringLiteral("only change keys they created")),
             qPrintable(edit->toolTip()));
    QVERIFY(!window->keyActions()->remove()->isEnabled());
}

void TestMainWindow::refreshesWhenAnotherProcessChangesTheVault()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("First"));

    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QCOMPARE(window->keysPage()->model()->rowCount(), 1);

    // The test's own store is a second connection, like keywardctl in another process.
    vault.createKey(QStringLiteral("Made elsewhere"));
    QTRY_COMPARE_WITH_TIMEOUT(window->keysPage()->model()->rowCount(), 2, 3000);
    QVERIFY(proxyRowOf(window->keysPage(), QStringLiteral("Made elsewhere")).isValid());
}

void TestMainWindow::refreshKeepsTheSelection()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey first = vault.createKey(QStringLiteral("First"));
    const ApiKey second = vault.createKey(QStringLiteral("Second"));

    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(selectByName(window->keysPage(), QStringLiteral("Second")));

    KeyEdit edit {QStringLiteral("First, renamed"), QString(), first.rateLimit, first.expiresAtMs};
    QVERIFY(vault.store().editKey(first.id, first.version, edit));
    QTRY_VERIFY_WITH_TIMEOUT(
        proxyRowOf(window->keysPage(), QStringLiteral("First, renamed")).isValid(), 3000);
    QCOMPARE(window->keysPage()->selectedKey()->id, second.id);
    QCOMPARE(window->keysPage()->details()->keyId(), second.id);

    // The selected key deleted elsewhere: the selection and details go with it.
    const ApiKey current = *vault.store().key(second.id);
    QVERIFY(vault.store().deleteKey(current.id, current.version));
    QTRY_COMPARE_WITH_TIMEOUT(window->keysPage()->model()->rowCount(), 1, 3000);
    QVERIFY(!window->keysPage()->selectedKey());
    QCOMPARE(window->keysPage()->details()->keyId(), 0);
    QVERIFY(!window->keyActions()->edit()->isEnabled());
}

// Every change reaches the window through VaultSession::vaultChanged(): the session's own writes
// at once and once each (not again when the watcher polls), a loop of writes in a ChangeBatch
// once, a write refused because someone else changed the key too, a refused bad input never,
// and someone else's write through the watcher.
void TestMainWindow::oneChangeChannelForOwnAndOthersWrites()
{
    Vault vault;
    QVERIFY(vault.isValid());
    VaultSession session(vault.clock());
    session.setChangePollIntervalMs(20);
    QVERIFY(session.open(vault.path()));
    QVERIFY(session.signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
    QSignalSpy changed(&session, &VaultSession::vaultChanged);
    SqlKeyStore &store = *session.store();
    const auto request = [&](const QString &name) {
        return Testing::makeRequest(store, vault.clock(), name);
    };

    auto made = store.createKey(request(QStringLiteral("Ours")));
    QVERIFY(made);
    QCOMPARE(changed.size(), 1); // at once, before the call returned
    QTest::qWait(200); // ten polls of the watcher: ours is no news to it
    QCOMPARE(changed.size(), 1);

    {
        const KeyStore::ChangeBatch oneChange(store);
        for (const QString &name : {QStringLiteral("B1"), QStringLiteral("B2")})
            QVERIFY(store.createKey(request(name)));
        QCOMPARE(changed.size(), 1);
    }
    QCOMPARE(changed.size(), 2);

    // Bad input changes nothing: nothing to show.
    QVERIFY(!store.createKey(request(QStringLiteral("  "))));
    QCOMPARE(changed.size(), 2);

    // Someone else renames the key; our edit of the version we saw is refused, and the window
    // hears the news with the refusal.
    const ApiKey seen = made->key;
    QVERIFY(vault.store().editKey(
        seen.id, seen.version,
        {QStringLiteral("Theirs"), QString(), seen.rateLimit, seen.expiresAtMs}));
    auto stale =
        store.editKey(seen.id, seen.version,
                      {QStringLiteral("Mine"), QString(), seen.rateLimit, seen.expiresAtMs});
    QCOMPARE(stale.code(), ErrorCode::StaleVersion);
    QCOMPARE(changed.size(), 3);
    QTest::qWait(200); // already shown: the watcher stays quiet
    QCOMPARE(changed.size(), 3);

    // Someone else's write arrives through the watcher.
    QVERIFY(vault.store().createKey(
        Testing::makeRequest(vault.store(), vault.clock(), QStringLiteral("Elsewhere"))));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 4, 3000);
}

void TestMainWindow::lockClearsTheTableAndAsksAgain()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    vault.closeStore();

    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(selectByName(window->keysPage(), QStringLiteral("Payments")));
    QVERIFY(window->lockAction()->isEnabled());
    QCOMPARE(window->lockAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));

    window->lockAction()->trigger();
    QVERIFY(!window->session().isUnlocked());
    QCOMPARE(window->keysPage()->model()->rowCount(), 0);
    QCOMPARE(window->keysPage()->details()->keyId(), 0);
    QVERIFY(!window->isShowingVault());
    QCOMPARE(window->statusPage()->mode(), VaultStatusPage::Mode::Locked);
    QVERIFY(!window->keyActions()->generate()->isEnabled());
    QVERIFY(!window->lockAction()->isEnabled());

    // Unlock from the lock screen.
    QTest::mouseClick(
        window->statusPage()->findChild<QPushButton *>(QStringLiteral("unlockVaultButton")),
        Qt::LeftButton);
    QVERIFY(window->loginDialog());
    QCOMPARE(window->loginDialog()->memberName(), QStringLiteral("alice"));
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QCOMPARE(window->keysPage()->model()->rowCount(), 1);
}

void TestMainWindow::autoLockAfterIdleTime()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    vault.closeStore();
    QCOMPARE(m_settings->autoLockMinutes(), 10);

    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));

    vault.clock().advanceMs(9 * kMinuteMs);
    window->session().tick();
    QVERIFY(window->session().isUnlocked());
    // Input anywhere in the application counts as activity.
    QTest::keyClick(window->keysPage()->searchEdit(), Qt::Key_A);
    vault.clock().advanceMs(9 * kMinuteMs);
    window->session().tick();
    QVERIFY(window->session().isUnlocked());

    vault.clock().advanceMs(kMinuteMs + 1);
    window->session().tick();
    QVERIFY(!window->session().isUnlocked());
    QCOMPARE(window->keysPage()->model()->rowCount(), 0);
    QVERIFY(window->loginDialog());
    QTRY_VERIFY(window->loginDialog()->isVisible());
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QCOMPARE(window->keysPage()->model()->rowCount(), 1);
}

void TestMainWindow::settingsPersist()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    vault.closeStore();
    {
        auto window = makeWindow(vault);
        window->start(vault.path());
        QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
        window->resize(1100, 700);
        QHeaderView *header = window->keysPage()->table()->horizontalHeader();
        header->resizeSection(KeyTableModel::NameColumn, 321);
        window->keysPage()->table()->sortByColumn(KeyTableModel::ExpiresColumn,
                                                  Qt::DescendingOrder);
        window->close();
    }
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
    QCOMPARE(m_settings->recentVaults().value(0), vault.path());
    QCOMPARE(m_settings->lastMember(vault.path()), QStringLiteral("alice"));
    {
        auto window = makeWindow(vault);
        QCOMPARE(window->size(), QSize(1100, 700));
        QHeaderView *header = window->keysPage()->table()->horizontalHeader();
        QCOMPARE(header->sectionSize(KeyTableModel::NameColumn), 321);
        QCOMPARE(header->sortIndicatorSection(), int(KeyTableModel::ExpiresColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(window->keysPage()->proxy()->sortColumn(), int(KeyTableModel::ExpiresColumn));
        window->start(vault.path());
        QVERIFY(window->loginDialog());
        QCOMPARE(window->loginDialog()->memberName(), QStringLiteral("alice"));
    }
}

void TestMainWindow::emptyVaultShowsFriendlyEmptyState()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.closeStore();
    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    ApiKeysPage *page = window->keysPage();
    QCOMPARE(page->currentStatePage(), page->emptyStatePage());
    auto *button =
        page->emptyStatePage()->findChild<QToolButton *>(QStringLiteral("emptyGenerateButton"));
    QVERIFY(button && button->isVisible() && button->isEnabled());
    QCOMPARE(button->defaultAction(), window->keyActions()->generate());

    // With keys, a search that matches nothing offers to clear it.
    Vault &v = vault;
    auto other = SqlKeyStore::openVault(v.path(), v.clock());
    QVERIFY(other);
    QVERIFY((*other)->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
    NewKeyRequest request;
    request.name = QStringLiteral("Payments");
    request.role = Role::Viewer;
    request.grants = {QStringLiteral("licenses:read")};
    QVERIFY((*other)->createKey(request));
    QTRY_COMPARE_WITH_TIMEOUT(page->currentStatePage(), page->tablePage(), 3000);
    page->searchEdit()->setText(QStringLiteral("zzz"));
    QCOMPARE(page->currentStatePage(), page->noMatchPage());
    QTest::mouseClick(
        page->noMatchPage()->findChild<QPushButton *>(QStringLiteral("clearFiltersButton")),
        Qt::LeftButton);
    QVERIFY(page->searchEdit()->text().isEmpty());
    QCOMPARE(page->currentStatePage(), page->tablePage());
}

void TestMainWindow::detailsPaneShowsSecretsAndHistory()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    vault.closeStore();
    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(selectByName(window->keysPage(), QStringLiteral("CI deploy")));
    const QString text = window->keysPage()->details()->text();
    QVERIFY2(text.contains(QStringLiteral("Current secret")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("grace period")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("from ci-runner-03")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Regenerated key by alice")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Generated key by alice")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("kept working for 1 day")), qPrintable(text));
}

void TestMainWindow::toolbarActionRunsCommandAndKeepsSelection()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    vault.createKey(QStringLiteral("Reports"));
    vault.closeStore();
    auto window = makeWindow(vault);
    window->start(vault.path());
    QVERIFY(signIn(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(selectByName(window->keysPage(), QStringLiteral("Reports")));
    const qint64 id = window->keysPage()->selectedKey()->id;

    // Declining the question changes nothing.
    MessageBox::setNextAnswer(QMessageBox::No);
    window->keyActions()->toggleActive()->trigger();
    QCOMPARE(window->keysPage()->selectedKey()->state, KeyState::Active);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    window->keyActions()->toggleActive()->trigger();
    QCOMPARE(window->keysPage()->selectedKey()->id, id);
    QCOMPARE(window->keysPage()->selectedKey()->state, KeyState::Inactive);
    QCOMPARE(window->keyActions()->toggleActive()->text(), QStringLiteral("&Activate"));
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("deactivated")));
    QVERIFY(
        window->keysPage()->details()->text().contains(QStringLiteral("Deactivated key by alice")));

    window->keyActions()->toggleActive()->trigger();
    QCOMPARE(window->keysPage()->selectedKey()->state, KeyState::Active);
    MessageBox::clearNextAnswer();
}

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
