// The main window and every dialog on a real desktop: the xcb platform on an X server (Xvfb) with
// a window manager (openbox) that decorates, places and sizes windows, as a person's desktop
// does. The offscreen platform sizes windows at once and never refuses a size; a window manager
// answers later and keeps a window as it is when it does not ask to grow, which is where layouts
// broke unseen (a hint drawn over the grant list of "Why is this key rejected?").
//
// Each window is checked as it opens, at 800×600 (or its smallest size), and at full size, in
// the language of KEYWARD_TEST_LANGUAGE ("en" or "de"; one per process, as the app loads one):
// no two visible sibling widgets overlap, no single-line label or button is narrower or lower
// than it needs, no wrapped label is lower than its lines, no widget reaches outside its parent,
// and no scroll area hides content without a scroll bar.
//
// The desktop fixture (desktop_fixture.sh, a CTest fixture) starts the X server and the window
// manager and writes their DISPLAY and XAUTHORITY to $KEYWARD_DESKTOP_DIR/env; main() reads it
// before the application connects.
#include "FixtureDesktop.h"
#include "UiTestSupport.h"

#include "core/GrantCatalogue.h"
#include "core/Permissions.h"
#include "core/Translations.h"
#include "crypto/KeyToken.h"
#include "store/VaultBackup.h"
#include "ui/AddMemberDialog.h"
#include "ui/ApiKeysPage.h"
#include "ui/BackupCommands.h"
#include "ui/ChangeRoleDialog.h"
#include "ui/ClipboardGuard.h"
#include "ui/ConfirmDestructiveDialog.h"
#include "ui/ConnectServerDialog.h"
#include "ui/EditKeyDialog.h"
#include "ui/GenerateKeyDialog.h"
#include "ui/HistoryBanner.h"
#include "ui/KeyDetailsPane.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/PasswordVault.h"
#include "ui/PreferencesDialog.h"
#include "ui/RegenerateKeyDialog.h"
#include "ui/RevealKeyDialog.h"
#include "ui/SetPassphraseDialog.h"
#include "ui/Settings.h"
#include "ui/VaultCreatedDialog.h"
#include "ui/VaultMemory.h"
#include "ui/VaultSession.h"
#include "ui/WelcomeDialog.h"
#include "ui/WhyRejectedDialog.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

// A long name without spaces, the longest a name may be.
// Generous: under a loaded CI machine Xvfb and openbox can take seconds to map a window.
constexpr int kWindowTimeoutMs = 20000;
const QString kLongName = QStringLiteral("Integration-") + QString(188, QLatin1Char('X'));

QString describe(const QWidget *widget)
{
    QString text;
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        text = label->text();
    else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    if (text.size() > 40)
        text = text.left(39) + QChar(u'…');
    QString name = QString::fromLatin1(widget->metaObject()->className());
    if (!widget->objectName().isEmpty())
        name += QLatin1Char('#') + widget->objectName();
    if (!text.isEmpty())
        name += QStringLiteral(" \"") + text + QLatin1Char('"');
    return name;
}

// The widget shows part of a scroll area's content: it may be larger than its parent.
bool isScrolledContent(const QWidget *widget)
{
    const QWidget *parent = widget->parentWidget();
    const auto *area =
        parent ? qobject_cast<const QAbstractScrollArea *>(parent->parentWidget()) : nullptr;
    return area && area->viewport() == parent;
}

// Everything wrong with the layout below root, one line each; empty is good.
QStringList layoutProblems(const QWidget *root)
{
    QStringList problems;
    QList<const QWidget *> widgets {root};
    for (const QWidget *w : root->findChildren<QWidget *>())
        widgets.append(w);
    for (const QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible())
            continue;
        // Siblings: the visible child widgets of one parent must not overlap.
        QList<const QWidget *> children;
        for (QObject *object : widget->children()) {
            const auto *child = qobject_cast<const QWidget *>(object);
            if (child && !child->isWindow() && child->isVisible() && !child->geometry().isEmpty())
                children.append(child);
        }
        for (int i = 0; i < children.size(); ++i) {
            for (int j = i + 1; j < children.size(); ++j) {
                const QRect a = children.at(i)->geometry();
                const QRect b = children.at(j)->geometry();
                if (a.intersects(b))
                    problems.append(
                        QStringLiteral("overlap: %1 [%2,%3 %4x%5] and %6 [%7,%8 %9x%10]")
                            .arg(describe(children.at(i)))
                            .arg(a.x())
                            .arg(a.y())
                            .arg(a.width())
                            .arg(a.height())
                            .arg(describe(children.at(j)))
                            .arg(b.x())
                            .arg(b.y())
                            .arg(b.width())
                            .arg(b.height()));
            }
        }
        if (widget == root)
            continue;
        // Inside its parent, unless it is a scroll area's content.
        if (!widget->isWindow() && !isScrolledContent(widget)
            && !widget->parentWidget()->rect().contains(widget->geometry()))
            problems.append(QStringLiteral("outside its parent %1: %2")
                                .arg(describe(widget->parentWidget()), describe(widget)));
        // Content that no scroll bar reaches.
        if (const auto *area = qobject_cast<const QScrollArea *>(widget); area && area->widget()) {
            const QSize content = area->widget()->size();
            const QSize view = area->viewport()->size();
            if (content.width() > view.width() && !area->horizontalScrollBar()->isVisible())
                problems.append(QStringLiteral("cut off without a scroll bar: %1 is %2 wide in "
                                               "%3")
                                    .arg(describe(area->widget()))
                                    .arg(content.width())
                                    .arg(view.width()));
            if (content.height() > view.height() && !area->verticalScrollBar()->isVisible())
                problems.append(QStringLiteral("cut off without a scroll bar: %1 is %2 high in "
                                               "%3")
                                    .arg(describe(area->widget()))
                                    .arg(content.height())
                                    .arg(view.height()));
        }
        if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            if (label->text().isEmpty() || !label->pixmap().isNull())
                continue;
            const QSize need = label->minimumSizeHint();
            if (!label->wordWrap()
                && (label->width() < need.width() || label->height() < need.height()))
                problems.append(QStringLiteral("cut off: %1 is %2x%3, needs %4x%5")
                                    .arg(describe(label))
                                    .arg(label->width())
                                    .arg(label->height())
                                    .arg(need.width())
                                    .arg(need.height()));
            else if (label->wordWrap() && label->hasHeightForWidth()
                     && label->height() < label->heightForWidth(label->width()))
                problems.append(QStringLiteral("lines cut off: %1 is %2 high, needs %3")
                                    .arg(describe(label))
                                    .arg(label->height())
                                    .arg(label->heightForWidth(label->width())));
        } else if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            if (button->text().isEmpty())
                continue;
            const QSize need = button->minimumSizeHint();
            if (button->width() < need.width() || button->height() < need.height())
                problems.append(QStringLiteral("cut off: %1 is %2x%3, needs %4x%5")
                                    .arg(describe(button))
                                    .arg(button->width())
                                    .arg(button->height())
                                    .arg(need.width())
                                    .arg(need.height()));
        }
    }
    return problems;
}

} // namespace

class TestRealDesktop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindowFitsSmallScreens();
    void keyScreen();
    void signedVaultScreens();
    void lockScreen();
    void membersAndAuditPages();
    void keyDialogs();
    void whyRejectedWithAResult();
    void memberAndVaultDialogs();
    void fileMenuAndRestoreConfirmation();

private:
    // Shows the window (if it is not shown yet) and checks it as it opened, at 800×600 (a
    // dialog: fits on such a screen) and at full size; with atSmallest, also at the smallest
    // size a person can drag it to.
    void checkWindow(QWidget *window, const QString &name, bool atSmallest = false);
    void expectNoProblems(const QWidget *window, const QString &name);
    std::unique_ptr<MainWindow> signedInWindow(Vault &vault);
    // The window manager answers a resize later: wait until the size is what was asked (or,
    // when nothing particular was asked, stops changing) and layouts have run.
    bool settle(QWidget *window, const QSize &wanted = {});

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
    QString m_language;
};

void TestRealDesktop::initTestCase()
{
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
    QApplication::setStyle(QStringLiteral("Fusion"));
    m_language = qEnvironmentVariable("KEYWARD_TEST_LANGUAGE", QStringLiteral("en"));
    const QString used = Translations::install(*QCoreApplication::instance(), m_language);
    QVERIFY2(used.startsWith(m_language), qPrintable(used));

    // A window manager runs: it frames a window with a title bar.
    QWidget probe;
    probe.resize(300, 200);
    probe.show();
    QVERIFY(QTest::qWaitForWindowExposed(&probe, kWindowTimeoutMs));
    QTRY_VERIFY2(probe.frameGeometry().height() > probe.geometry().height(),
                 "no window manager decorates the windows");
    QVERIFY(QTest::qWaitForWindowActive(&probe, kWindowTimeoutMs));
}

bool TestRealDesktop::settle(QWidget *window, const QSize &wanted)
{
    QElapsedTimer timer;
    timer.start();
    QRect last;
    int unchanged = 0;
    while (timer.elapsed() < 5000) {
        QTest::qWait(25);
        const bool asked = wanted.isEmpty() || window->size() == wanted;
        if (window->geometry() == last && asked) {
            if (++unchanged >= 4)
                return true;
        } else {
            unchanged = 0;
            last = window->geometry();
        }
    }
    return false;
}

void TestRealDesktop::expectNoProblems(const QWidget *window, const QString &name)
{
    // Pictures to look at: KEYWARD_SCREENSHOT_DIR=/tmp/desktop keeps each state checked.
    if (const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QString file = m_language + QLatin1Char('-') + name.toLower();
        file.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        QDir().mkpath(dir);
        const_cast<QWidget *>(window)->grab().save(
            QDir(dir).filePath(file + QStringLiteral(".png")));
    }
    const QStringList problems = layoutProblems(window);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 (%2, %3x%4):\n  ")
                            .arg(name, m_language)
                            .arg(window->width())
                            .arg(window->height())
                        + problems.join(QStringLiteral("\n  "))));
}

void TestRealDesktop::checkWindow(QWidget *window, const QString &name, bool atSmallest)
{
    if (!window->isVisible())
        window->show();
    QVERIFY2(QTest::qWaitForWindowExposed(window, kWindowTimeoutMs), qPrintable(name));
    QVERIFY2(QTest::qWaitForWindowActive(window, kWindowTimeoutMs), qPrintable(name));
    QVERIFY(settle(window));
    expectNoProblems(window, name + QStringLiteral(" as opened"));
    if (QTest::currentTestFailed())
        return;

    const bool isMain = qobject_cast<MainWindow *>(window) != nullptr;
    if (isMain) {
        const QSize small(800, 600);
        QVERIFY2(window->minimumSizeHint().width() <= small.width()
                     && window->minimumSizeHint().height() <= small.height(),
                 qPrintable(QStringLiteral("%1 (%2) needs at least %3x%4")
                                .arg(name, m_language)
                                .arg(window->minimumSizeHint().width())
                                .arg(window->minimumSizeHint().height())));
        window->showNormal();
        window->resize(small);
        QVERIFY2(settle(window, small),
                 qPrintable(QStringLiteral("%1 (%2) cannot be made 800x600: it stays %3x%4")
                                .arg(name, m_language)
                                .arg(window->width())
                                .arg(window->height())));
        expectNoProblems(window, name + QStringLiteral(" at 800x600"));
    } else {
        // A dialog can be made to fit an 800×600 screen, frame and all (where the screen is
        // larger it may open larger).
        const QSize frame = window->frameGeometry().size() - window->size();
        const QSize least = window->minimumSize().expandedTo(window->minimumSizeHint()) + frame;
        QVERIFY2(least.width() <= 800 && least.height() <= 600,
                 qPrintable(QStringLiteral("%1 (%2) needs at least %3x%4 with its frame: more "
                                           "than an 800x600 screen")
                                .arg(name, m_language)
                                .arg(least.width())
                                .arg(least.height())));
        if (atSmallest) {
            window->resize(1, 1); // the layout's minimum wins
            QVERIFY(settle(window));
            expectNoProblems(window, name + QStringLiteral(" at its smallest"));
        }
    }
    if (QTest::currentTestFailed())
        return;
    window->showMaximized();
    QVERIFY(settle(window));
    expectNoProblems(window, name + QStringLiteral(" at full size"));
    if (isMain) {
        // Full size is the screen's (less the window manager's frame), not the window's wish.
        const QSize available = window->screen()->availableSize();
        QVERIFY2(window->frameGeometry().width() >= available.width() * 9 / 10,
                 qPrintable(name + QStringLiteral(" was not maximized")));
    }
    window->showNormal();
    QVERIFY(settle(window));
}

std::unique_ptr<MainWindow> TestRealDesktop::signedInWindow(Vault &vault)
{
    auto window = std::make_unique<MainWindow>(*m_settings, vault.clock());
    window->show();
    window->start(vault.path());
    // Each step says why it failed: on a loaded machine the window manager can take seconds.
    const auto fail = [](const char *why) {
        QTest::qFail(why, __FILE__, __LINE__);
        return nullptr;
    };
    if (!QTest::qWaitForWindowExposed(window.get(), kWindowTimeoutMs))
        return fail("the main window was not shown");
    QPointer<LoginDialog> login = window->loginDialog();
    if (!login || !QTest::qWaitForWindowExposed(login, kWindowTimeoutMs))
        return fail("the sign-in dialog was not shown");
    if (!submitLogin(*window, QStringLiteral("alice"), kOwnerPassphrase))
        return fail("the sign-in dialog could not be filled in");
    if (!window->session().isUnlocked())
        return fail(qPrintable(QStringLiteral("the sign-in failed: ")
                               + (login ? login->errorText() : QString())));
    return window;
}

void TestRealDesktop::mainWindowFitsSmallScreens()
{
    ManualClock clock;
    MainWindow window(*m_settings, clock);
    QVERIFY2(window.minimumSizeHint().width() <= 800 && window.minimumSizeHint().height() <= 600,
             qPrintable(QStringLiteral("the main window needs at least %1x%2 (%3)")
                            .arg(window.minimumSizeHint().width())
                            .arg(window.minimumSizeHint().height())
                            .arg(m_language)));
}

void TestRealDesktop::keyScreen()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    const ApiKey longKey = vault.createKey(kLongName, Environment::Production, Role::Developer,
                                           {QStringLiteral("billing:read")});
    QVERIFY(longKey.id > 0);
    vault.setLastUsed(longKey.id, vault.clock().nowMs() - kHourMs, QStringLiteral("10.0.4.12"));
    auto window = signedInWindow(vault);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    page->findChild<QCheckBox *>(QStringLiteral("showRevokedCheck"))->setChecked(true);
    const auto select = [page](const QString &name) {
        for (int row = 0; row < page->proxy()->rowCount(); ++row) {
            if (page->proxy()->index(row, 0).data().toString() == name)
                page->table()->selectRow(row);
        }
        return page->selectedKey() && page->selectedKey()->name == name;
    };
    // The long name, and a key in its grace period with two secrets and a history.
    QVERIFY(select(kLongName));
    checkWindow(window.get(), QStringLiteral("Keys, long name selected"));
    QVERIFY(select(QStringLiteral("CI deploy")));
    checkWindow(window.get(), QStringLiteral("Keys, CI deploy selected"));
}

void TestRealDesktop::signedVaultScreens()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    const ApiKey key = vault.createKey(kLongName);
    QVERIFY(vault.store().revokeKey(key.id, key.version));
    vault.closeStore();
    // Made valid again around Keyward: the window marks it "Tampered" and says why.
    QVERIFY(rawSql(vault.path(),
                   QStringLiteral("UPDATE api_keys SET state = 0, revoked_at = NULL WHERE id = ?"),
                   {key.id}));
    auto window = signedInWindow(vault);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    // As keyScreen(): every key listed. (With one hidden, "8 von 9 Schlüsseln angezeigt" does
    // not fit the filter bar at 800x600 in German.)
    page->findChild<QCheckBox *>(QStringLiteral("showRevokedCheck"))->setChecked(true);
    QTRY_VERIFY(!page->tamperedProblem(key.id).isEmpty());
    for (int row = 0; row < page->proxy()->rowCount(); ++row) {
        if (page->proxy()->index(row, 0).data().toString() == kLongName)
            page->table()->selectRow(row);
    }
    QVERIFY(page->selectedKey() && page->selectedKey()->id == key.id);
    // With the history banner above it, as after a history cut short.
    VaultMemory memory(*m_settings, vault.path());
    window->historyBanner()->showProblem(memory.describe(VaultMemory::History::Truncated));
    checkWindow(window.get(), QStringLiteral("Keys, tampered key and history banner"));
}

void TestRealDesktop::lockScreen()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    MainWindow window(*m_settings, vault.clock());
    window.show();
    window.start(vault.path());
    LoginDialog *login = window.loginDialog();
    QVERIFY(login);
    QVERIFY(QTest::qWaitForWindowExposed(login, kWindowTimeoutMs));
    checkWindow(login, QStringLiteral("Login"));
    login->findChild<QLineEdit *>(QStringLiteral("memberNameEdit"))
        ->setText(QStringLiteral("alice"));
    login->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))
        ->setText(QStringLiteral("wrong one"));
    login->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!login->isChecking(), 30000);
    QVERIFY(!login->errorText().isEmpty());
    checkWindow(login, QStringLiteral("Login failed"));
    login->reject();
    QTRY_VERIFY(!window.loginDialog());
    checkWindow(&window, QStringLiteral("Lock screen"));
}

void TestRealDesktop::membersAndAuditPages()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    vault.addMember(QStringLiteral("bob"), Role::Admin);
    auto window = signedInWindow(vault);
    QVERIFY(window);
    window->showPage(MainWindow::Page::Members);
    checkWindow(window.get(), QStringLiteral("Members"));
    window->showPage(MainWindow::Page::AuditLog);
    checkWindow(window.get(), QStringLiteral("Audit log"));
}

void TestRealDesktop::keyDialogs()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    const ApiKey longKey = vault.createKey(kLongName, Environment::Production);
    QVERIFY(longKey.id > 0);
    const Member owner = *vault.store().currentMember();
    const GrantCatalogue &catalogue = vault.store().grantCatalogue();

    {
        GenerateKeyDialog generate(catalogue, owner, vault.clock());
        checkWindow(&generate, QStringLiteral("Generate"));
    }
    {
        GenerateKeyDialog duplicate(catalogue, owner, vault.clock());
        duplicate.prefillFrom(longKey);
        checkWindow(&duplicate, QStringLiteral("Duplicate, long name"));
    }
    ClipboardGuard clipboard(QGuiApplication::clipboard(), vault.clock());
    {
        RevealKeyDialog reveal(KeyToken::generate(QStringLiteral("kw"), Environment::Production),
                               longKey, RevealKeyDialog::Occasion::Generated, clipboard,
                               vault.clock());
        checkWindow(&reveal, QStringLiteral("Reveal"));
    }
    {
        EditKeyDialog edit(longKey, catalogue, vault.clock());
        checkWindow(&edit, QStringLiteral("Edit, long name"));
    }
    {
        RegenerateKeyDialog regenerate(longKey, vault.clock());
        checkWindow(&regenerate, QStringLiteral("Regenerate"));
    }
    {
        ConfirmDestructiveDialog revoke(ConfirmDestructiveDialog::Mode::Revoke, longKey,
                                        vault.clock());
        checkWindow(&revoke, QStringLiteral("Confirm revoke"));
    }
    {
        ConfirmDestructiveDialog remove(ConfirmDestructiveDialog::Mode::Delete, longKey,
                                        vault.clock());
        checkWindow(&remove, QStringLiteral("Confirm delete"));
    }
    clipboard.clearNow();
}

void TestRealDesktop::whyRejectedWithAResult()
{
    Vault vault;
    QVERIFY(vault.isValid());
    NewKeyRequest request;
    request.name = kLongName;
    request.environment = Environment::Production;
    request.role = Role::Developer;
    request.grants = {QStringLiteral("licenses:read")};
    auto issued = vault.store().createKey(request);
    QVERIFY(issued);

    {
        WhyRejectedDialog before(vault.store(), vault.clock());
        checkWindow(&before, QStringLiteral("Why rejected, before a check"), true);
    }
    // As a person meets it: opened, then a key pasted and checked in the window as it is.
    WhyRejectedDialog dialog(vault.store(), vault.clock());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog, kWindowTimeoutMs));
    QVERIFY(QTest::qWaitForWindowActive(&dialog, kWindowTimeoutMs));
    QVERIFY(settle(&dialog));
    dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(issued->token.toQString());
    auto *grants = dialog.findChild<QListWidget *>(QStringLiteral("grantsList"));
    QVERIFY(grants && grants->count() > 1);
    for (int i = 0; i < grants->count(); ++i) {
        if (grants->item(i)->data(Qt::UserRole).toString() == QStringLiteral("billing:read"))
            grants->item(i)->setCheckState(Qt::Checked);
    }
    dialog.check();
    QVERIFY(dialog.result());
    QCOMPARE(dialog.result()->outcome, VerifyOutcome::InsufficientGrants);
    QVERIFY(settle(&dialog));
    expectNoProblems(&dialog, QStringLiteral("Why rejected, verdict just shown"));
    if (QTest::currentTestFailed())
        return;
    checkWindow(&dialog, QStringLiteral("Why rejected, verdict shown"), true);
}

void TestRealDesktop::memberAndVaultDialogs()
{
    Vault vault;
    QVERIFY(vault.isValid());
    {
        AddMemberDialog add(vault.store());
        checkWindow(&add, QStringLiteral("Add member"));
    }
    const Member bob = vault.addMember(QStringLiteral("bob"), Role::Admin);
    {
        ChangeRoleDialog change(vault.store(), bob);
        checkWindow(&change, QStringLiteral("Change role"));
    }
    {
        SetPassphraseDialog own(vault.store(), *vault.store().currentMember());
        checkWindow(&own, QStringLiteral("Change own passphrase"));
    }
    {
        SetPassphraseDialog other(vault.store(), bob);
        checkWindow(&other, QStringLiteral("Set a member's passphrase"));
    }
    {
        PreferencesDialog preferences(*m_settings);
        checkWindow(&preferences, QStringLiteral("Preferences"));
    }
    {
        m_settings->setPinnedFingerprint(vault.path(), vault.store().fingerprint());
        PreferencesDialog preferences(*m_settings, vault.path(), vault.store().fingerprint());
        checkWindow(&preferences, QStringLiteral("Preferences with a vault"));
    }
    {
        VaultCreatedDialog created(QStringLiteral("/home/alice/.local/share/keyward/vault.keyward"),
                                   vault.store().fingerprint());
        checkWindow(&created, QStringLiteral("Vault created"));
    }
    VaultSession session(vault.clock());
    {
        WelcomeDialog welcome(session, WelcomeDialog::Mode::FirstRun,
                              QStringLiteral("/home/alice/.local/share/keyward/vault.keyward"));
        checkWindow(&welcome, QStringLiteral("Welcome"));
    }
    {
        WelcomeDialog newVault(session, WelcomeDialog::Mode::NewVault,
                               QStringLiteral("/home/alice/Documents/team.keyward"));
        checkWindow(&newVault, QStringLiteral("New vault"));
    }
    {
        PasswordVault keychain;
        ConnectServerDialog connect(session, keychain);
        checkWindow(&connect, QStringLiteral("Connect to server"));
    }
}

void TestRealDesktop::fileMenuAndRestoreConfirmation()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(kLongName);
    auto window = signedInWindow(vault);
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowActive(window.get(), kWindowTimeoutMs));

    // The File menu as a person opens it, with Back Up, Restore and the calendar.
    QMenu *file = window->menuBar()->actions().constFirst()->menu();
    QVERIFY(file);
    file->popup(window->mapToGlobal(window->menuBar()->geometry().bottomLeft()));
    QVERIFY(QTest::qWaitForWindowExposed(file, kWindowTimeoutMs));
    QTest::qWait(200);
    if (const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        window->screen()->grabWindow(0).save(
            QDir(dir).filePath(m_language + QStringLiteral("-file-menu.png")));
    }
    QVERIFY(file->actions().contains(window->backupCommands()->restoreAction()));
    file->close();

    // The restore's confirmation: a real message box, checked as it opens, then declined.
    const QString backup = QDir(vault.directory()).filePath(QStringLiteral("vault.backup"));
    QVERIFY(VaultBackup::backup(vault.path(), backup));
    window->backupCommands()->setFileChooser(
        [backup](BackupCommands::FileQuestion, const QString &) { return backup; });
    const QStringList before = QDir(vault.directory()).entryList(QDir::Files);
    window->backupCommands()->restoreAction()->trigger();
    // Opened window-modal: the trigger has returned with it on screen.
    QMessageBox *box = findVisible<QMessageBox>(window.get());
    QVERIFY(box);
    checkWindow(box, QStringLiteral("Restore confirmation"));
    // Whatever the checks found, the box is declined so the test goes on.
    if (auto *keep = box->findChild<QAbstractButton *>(QStringLiteral("keepButton")))
        keep->click();
    else
        box->reject();
    QVERIFY(!box->isVisible());
    QVERIFY(!window->backupCommands()->isBusy());
    QCOMPARE(QDir(vault.directory()).entryList(QDir::Files), before);
}

int main(int argc, char **argv)
{
    if (!Keyward::Testing::useFixtureDesktop())
        return 1;
    QApplication app(argc, argv);
    TestRealDesktop test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_real_desktop.moc"
