// The real MainWindow driven from the keyboard, as a KDE or KeePassXC user would: Ctrl+F, Esc,
// F5, Ctrl+1/2/3, the Revoke shortcut, Help › Keyboard Shortcuts, the lock screen's Enter and
// Space, and the menus and toolbars that go with them.
#include "UiTestSupport.h"

#include "ui/ApiKeysPage.h"
#include "ui/KeyActions.h"
#include "ui/KeyDetailsPane.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/MessageBox.h"
#include "ui/Settings.h"
#include "ui/ShortcutsDialog.h"
#include "ui/VaultStatusPage.h"

#include <QAction>
#include <QCheckBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

bool selectByName(ApiKeysPage *page, const QString &name)
{
    const QAbstractItemModel *proxy = page->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, KeyTableModel::NameColumn);
        if (index.data().toString() == name) {
            page->table()->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return true;
        }
    }
    return false;
}

// Sends the key to whatever has the keyboard focus, the way a real key press arrives.
void press(QWidget *window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target ? target : window, key, modifiers);
}

QMenu *menuNamed(const QMainWindow &window, const QString &objectName)
{
    return window.menuBar()->findChild<QMenu *>(objectName);
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void ctrlFFocusesSearchAndEscClearsIt();
    void f5RefreshesAndCtrlNumbersSwitchPages();
    void revokeHasAShortcutAndNoShortcutIsTakenTwice();
    void shortcutsDialogListsEveryShortcut();
    void editAndViewMenusHoldTheirActions();
    void keyToolBarOnlyOnTheKeysPage();
    void lockScreenAnswersEnterAndShowsItsFocus();
    void lockClearsTheStatusBar();
    void noVaultOffersOpenVaultNotAnother();
    void confirmationButtonsNameTheirAction();
    void menusHaveUniqueAccelerators();

private:
    // A window signed in as alice over a vault with the given keys, active for key presses.
    std::unique_ptr<MainWindow> signedInWindow(Vault &vault, const QStringList &keys);

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
};

void TestKeyboard::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
}

void TestKeyboard::init()
{
    QFile::remove(m_home.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
}

void TestKeyboard::cleanup()
{
    MessageBox::clearNextAnswer();
    m_settings.reset();
}

std::unique_ptr<MainWindow> TestKeyboard::signedInWindow(Vault &vault, const QStringList &keys)
{
    for (const QString &name : keys)
        vault.createKey(name);
    auto window = std::make_unique<MainWindow>(*m_settings, vault.clock());
    window->show();
    window->start(vault.path());
    if (!submitLogin(*window, QStringLiteral("alice"), kOwnerPassphrase)
        || !window->session().isUnlocked())
        return nullptr;
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        return nullptr;
    return window;
}

void TestKeyboard::ctrlFFocusesSearchAndEscClearsIt()
{
    Vault vault;
    auto window = signedInWindow(vault, {QStringLiteral("Payments"), QStringLiteral("Reports")});
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    QCOMPARE(QApplication::focusWidget(), page->table());

    // Ctrl+F: letters typed next go to the search, not to the table's type-ahead.
    press(window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), page->searchEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Pay"));
    QCOMPARE(page->searchEdit()->text(), QStringLiteral("Pay"));
    QCOMPARE(page->proxy()->rowCount(), 1);

    // From another page too.
    window->showPage(MainWindow::Page::AuditLog);
    press(window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), MainWindow::Page::Keys);
    QCOMPARE(QApplication::focusWidget(), page->searchEdit());
    QVERIFY(page->searchEdit()->hasSelectedText()); // typing replaces the old search

    // Esc clears the search; Esc in an empty search goes back to the table.
    press(window.get(), Qt::Key_Escape);
    QVERIFY(page->searchEdit()->text().isEmpty());
    QCOMPARE(page->proxy()->rowCount(), 2);
    QCOMPARE(QApplication::focusWidget(), page->searchEdit());
    press(window.get(), Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), page->table());
}

void TestKeyboard::f5RefreshesAndCtrlNumbersSwitchPages()
{
    Vault vault;
    auto window = signedInWindow(vault, {QStringLiteral("Payments")});
    QVERIFY(window);
    QCOMPARE(window->keysPage()->model()->rowCount(), 1);

    // Another process adds a key (the test's store is a second connection); F5 shows it at
    // once, without waiting for the poll.
    vault.createKey(QStringLiteral("Added elsewhere"));
    press(window.get(), Qt::Key_F5);
    QCOMPARE(window->keysPage()->model()->rowCount(), 2);

    press(window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), MainWindow::Page::Members);
    QVERIFY(window->pageAction(MainWindow::Page::Members)->isChecked());
    press(window.get(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), MainWindow::Page::AuditLog);
    press(window.get(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), MainWindow::Page::Keys);
    QVERIFY(window->pageAction(MainWindow::Page::Keys)->isChecked());

    // Locked, the shortcuts do nothing.
    window->lock();
    QVERIFY(!window->refreshAction()->isEnabled());
    QVERIFY(!window->pageAction(MainWindow::Page::AuditLog)->isEnabled());
    QVERIFY(!window->findAction()->isEnabled());
}

void TestKeyboard::revokeHasAShortcutAndNoShortcutIsTakenTwice()
{
    Vault vault;
    auto window = signedInWindow(vault, {QStringLiteral("Payments")});
    QVERIFY(window);
    QVERIFY(selectByName(window->keysPage(), QStringLiteral("Payments")));
    QAction *revoke = window->keyActions()->revoke();
    QCOMPARE(revoke->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QVERIFY(revoke->isEnabled());
    QVERIFY(revoke->toolTip().contains(revoke->shortcut().toString(QKeySequence::NativeText)));

    // The key press opens the revoke confirmation; leave it with Esc.
    QSignalSpy triggered(revoke, &QAction::triggered);
    press(window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(triggered.count(), 1);
    // Opened window-modal (open()): the key press has returned with it on screen.
    QWidget *modal = QApplication::activeModalWidget();
    QVERIFY2(modal && !modal->objectName().isEmpty(), "no confirmation was shown");
    QTest::keyClick(modal, Qt::Key_Escape);
    QVERIFY(!modal->isVisible());
    QCOMPARE(window->keysPage()->selectedKey()->state, KeyState::Active);

    // An ambiguous shortcut fires nothing at all in Qt: every one must be unique.
    QHash<QKeySequence, QString> seen;
    const auto actions = window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        for (const QKeySequence &shortcut : action->shortcuts()) {
            const QString name = action->objectName();
            QVERIFY2(!seen.contains(shortcut),
                     qPrintable(shortcut.toString() + QStringLiteral(": ") + seen.value(shortcut)
                                + QStringLiteral(" and ") + name));
            seen.insert(shortcut, name);
        }
    }
}

void TestKeyboard::shortcutsDialogListsEveryShortcut()
{
    Vault vault;
    auto window = signedInWindow(vault, {QStringLiteral("Payments")});
    QVERIFY(window);
    QCOMPARE(window->shortcutsAction()->text(), QStringLiteral("&Keyboard Shortcuts"));
    QVERIFY(menuNamed(*window, QStringLiteral("helpMenu"))
                ->actions()
                .contains(window->shortcutsAction()));

    press(window.get(), Qt::Key_Slash, Qt::ControlModifier);
    auto *dialog = findVisible<ShortcutsDialog>(window.get());
    QVERIFY(dialog);
    QHash<QString, QString> listed;
    QTreeWidget *tree = dialog->tree();
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            listed.insert(group->child(i)->text(0), group->child(i)->text(1));
    }
    QCOMPARE(listed.value(QStringLiteral("Find")),
             QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText));
    QCOMPARE(listed.value(QStringLiteral("Revoke")),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R).toString(QKeySequence::NativeText));
    QCOMPARE(listed.value(QStringLiteral("Refresh")), QStringLiteral("F5"));
    QCOMPARE(listed.value(QStringLiteral("Clear Search")), QStringLiteral("Esc"));
    QCOMPARE(listed.value(QStringLiteral("Lock")), QStringLiteral("Ctrl+L"));

    // Built from the actions themselves: every menu action with a shortcut is there.
    const auto actions = window->menuBar()->findChildren<QMenu *>();
    for (const QMenu *menu : actions) {
        for (const QAction *action : menu->actions()) {
            if (action->menu() || action->shortcut().isEmpty())
                continue;
            QVERIFY2(listed.contains(ShortcutsDialog::plainText(action)),
                     qPrintable(action->text()));
        }
    }
    dialog->reject();
}

void TestKeyboard::editAndViewMenusHoldTheirActions()
{
    Vault vault;
    auto window = signedInWindow(vault, {QStringLiteral("Payments")});
    QVERIFY(window);
    QMenu *edit = menuNamed(*window, QStringLiteral("editMenu"));
    QMenu *view = menuNamed(*window, QStringLiteral("viewMenu"));
    QVERIFY(edit);
    QVERIFY(view);
    QVERIFY(edit->actions().contains(window->keyActions()->copyId()));
    QVERIFY(edit->actions().contains(window->findAction()));
    ApiKeysPage *page = window->keysPage();
    QAction *showRevoked = page->showRevokedAction();
    QAction *details = page->detailsPaneAction();
    for (QAction *action :
         {showRevoked, details, window->refreshAction(), window->pageAction(MainWindow::Page::Keys),
          window->pageAction(MainWindow::Page::AuditLog)})
        QVERIFY2(view->actions().contains(action), qPrintable(action->objectName()));

    // "Show revoked" in the menu and the check box above the table are one setting.
    auto *check = page->findChild<QCheckBox *>(QStringLiteral("showRevokedCheck"));
    QVERIFY(!showRevoked->isChecked());
    showRevoked->trigger();
    QVERIFY(check->isChecked());
    QVERIFY(page->proxy()->showRevoked());
    check->setChecked(false);
    QVERIFY(!showRevoked->isChecked());

    // The details pane can be put away and brought back.
    QVERIFY(selectByName(page, QStringLiteral("Payments")));
    QVERIFY(page->details()->isVisible());
    details->trigger();
    QVERIFY(!page->details()->isVisible());
    details->trigger();
    QVERIFY(page->details()->isVisible());

    // Put away, it stays away in the next session.
    details->trigger();
    window->close();
    window.reset();
    MainWindow next(*m_settings, vault.clock());
    QVERIFY(!next.keysPage()->detailsPaneAction()->isChecked());
}

void TestKeyboard::keyToolBarOnlyOnTheKeysPage()
{
    Vault vault;
    auto window = signedInWindow(vault, {QStringLiteral("Payments")});
    QVERIFY(window);
    QToolBar *keys = window->keyToolBar();
    QVERIFY(keys->isVisible());
    window->showPage(MainWindow::Page::Members);
    QVERIFY(!keys->isVisible());
    window->showPage(MainWindow::Page::AuditLog);
    QVERIFY(!keys->isVisible());
    // Lock stays reachable on every page.
    auto *lockButton = window->findChild<QToolBar *>(QStringLiteral("sessionToolBar"))
                           ->widgetForAction(window->lockAction());
    QVERIFY(lockButton && lockButton->isVisible());
    window->showPage(MainWindow::Page::Keys);
    QVERIFY(keys->isVisible());
    window->lock();
    QVERIFY(!keys->isVisible());
    QVERIFY(!window->findChild<QToolBar *>(QStringLiteral("sessionToolBar"))->isVisible());
}

void TestKeyboard::lockScreenAnswersEnterAndShowsItsFocus()
{
    // As in a real start: the window is up, showing "no vault", before the vault opens; the
    // page then remembers "Open Vault" as its focus.
    Vault vault;
    vault.createKey(QStringLiteral("Payments"));
    auto window = std::make_unique<MainWindow>(*m_settings, vault.clock());
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->start(vault.path());
    QVERIFY(submitLogin(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(window->isShowingVault());
    // The offscreen platform gives no window the activation back when the sign-in dialog closes
    // after the event loop ran (a window manager does: test_real_desktop checks it).
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    press(window.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(!window->isShowingVault());
    auto *unlock =
        window->statusPage()->findChild<QPushButton *>(QStringLiteral("unlockVaultButton"));
    QCOMPARE(QApplication::focusWidget(), unlock);
    // The focus is drawn: the style sees both the focus and keyboard navigation.
    QStyleOptionButton option;
    option.initFrom(unlock);
    QVERIFY(option.state.testFlag(QStyle::State_HasFocus));
    QVERIFY(option.state.testFlag(QStyle::State_KeyboardFocusChange));

    // Enter unlocks.
    press(window.get(), Qt::Key_Return);
    QVERIFY(window->loginDialog());
    QTRY_VERIFY(window->loginDialog()->isVisible());
    window->loginDialog()->reject();
    QTRY_VERIFY(!window->loginDialog());
    QTRY_COMPARE(QApplication::focusWidget(), unlock);

    // Space presses the focused button, which is Unlock, not "Open Another Vault".
    press(window.get(), Qt::Key_Space);
    QVERIFY(window->loginDialog());
    window->loginDialog()->reject();
    QTRY_VERIFY(!window->loginDialog());

    // Enter anywhere on the page is Unlock too.
    QTest::keyClick(window->statusPage(), Qt::Key_Enter);
    QVERIFY(window->loginDialog());
    QVERIFY(submitLogin(*window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(window->isShowingVault());
}

void TestKeyboard::lockClearsTheStatusBar()
{
    Vault vault;
    auto window = signedInWindow(vault, {QStringLiteral("Payments")});
    QVERIFY(window);
    QVERIFY(selectByName(window->keysPage(), QStringLiteral("Payments")));
    window->keyActions()->copyId()->trigger();
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("Payments")));
    window->lock();
    QCOMPARE(window->statusBar()->currentMessage(), QString());
}

void TestKeyboard::noVaultOffersOpenVaultNotAnother()
{
    MainWindow window(*m_settings, SystemClock::instance());
    window.show();
    auto *open = window.statusPage()->findChild<QPushButton *>(QStringLiteral("openAnotherButton"));
    QCOMPARE(window.statusPage()->mode(), VaultStatusPage::Mode::NoVault);
    QCOMPARE(open->text(), QStringLiteral("&Open Vault…"));
    QCOMPARE(window.statusPage()->primaryButton(), open);

    Vault vault;
    vault.closeStore();
    window.start(vault.path());
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    window.lock();
    QCOMPARE(open->text(), QStringLiteral("&Open Another Vault…"));
}

void TestKeyboard::confirmationButtonsNameTheirAction()
{
    Vault vault;
    auto window = signedInWindow(vault, {QStringLiteral("Payments")});
    QVERIFY(window);
    QVERIFY(selectByName(window->keysPage(), QStringLiteral("Payments")));

    // A real box: its buttons say "Deactivate" and "Keep Active", and Enter keeps the key.
    // Opened window-modal: the trigger has returned with it on screen.
    window->keyActions()->toggleActive()->trigger();
    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
    QVERIFY(box);
    QStringList buttons;
    for (const QAbstractButton *button : box->buttons())
        buttons << button->text();
    QTest::keyClick(box, Qt::Key_Return);
    QVERIFY(!box->isVisible());
    QCOMPARE(buttons.size(), 2);
    QVERIFY2(buttons.contains(QStringLiteral("&Deactivate")), qPrintable(buttons.join(u',')));
    QVERIFY2(buttons.contains(QStringLiteral("&Keep Active")), qPrintable(buttons.join(u',')));
    QCOMPARE(window->keysPage()->selectedKey()->state, KeyState::Active);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    window->keyActions()->toggleActive()->trigger();
    QCOMPARE(window->keysPage()->selectedKey()->state, KeyState::Inactive);
}

void TestKeyboard::menusHaveUniqueAccelerators()
{
    Vault vault;
    auto window = signedInWindow(vault, {QStringLiteral("Payments")});
    QVERIFY(window);
    const QStringList clashes = menuAcceleratorClashes(*window);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestKeyboard)
#include "test_keyboard.moc"
