// The clipboard promise of the threat model: a copied secret is marked for password managers,
// cleared after the timeout, and left alone when the user has copied something else since.

#include "UiTestSupportDialogs.h"

#include "ui/ClipboardGuard.h"
#include "ui/MessageBox.h"
#include "ui/RevealKeyDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Keyward;
using namespace Keyward::DialogTest;

namespace {

const QString kHintFormat = QStringLiteral("x-kde-passwordManagerHint");
const QString kSecret = QStringLiteral("kw_live_3ZqExampleExampleExampleExampleExampleExa1b2C3d");

QClipboard *clipboard()
{
    return QGuiApplication::clipboard();
}

QByteArray passwordManagerHint()
{
    const QMimeData *mime = clipboard()->mimeData(QClipboard::Clipboard);
    return mime ? mime->data(kHintFormat) : QByteArray();
}

} // namespace

class TestClipboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        clipboard()->clear();
        MessageBox::clearNextAnswer();
    }

    void copyMarksSecretForPasswordManagers();
    void clearsAfterTimeout();
    void leavesSomethingElseAlone();
    void timeoutIsConfigurable_data();
    void timeoutIsConfigurable();
    void clearNowForgetsTheSecret();
    void destructionClears();
    void timerDrivesTheCountdown();
    void revealCopiesThroughTheGuard();
    void revealDoesNotClearWhatTheUserCopiedSince();
    void revealTokenLeavesOnlyThroughTheGuard();
    void revealFocusedCloseClosesOnEnter();
};

void TestClipboard::copyMarksSecretForPasswordManagers()
{
    ManualClock clock;
    ClipboardGuard guard(clipboard(), clock);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QVERIFY(!guard.isArmed());
    guard.copySecret(kSecret);
    QCOMPARE(clipboard()->text(), kSecret);
    QCOMPARE(passwordManagerHint(), QByteArrayLiteral("secret"));
    QVERIFY(clipboard()->mimeData()->hasText());
    QVERIFY(guard.isArmed());
    QCOMPARE(guard.timeoutSeconds(), ClipboardGuard::kDefaultTimeoutSeconds);
    QCOMPARE(guard.secondsLeft(), 30);
    QCOMPARE(countdown.size(), 1);
    QCOMPARE(countdown.at(0).at(0).toInt(), 30);

    // An empty secret is no secret: nothing is copied or armed.
    guard.clearNow();
    clipboard()->setText(QStringLiteral("keep me"));
    guard.copySecret(QString());
    QVERIFY(!guard.isArmed());
    QCOMPARE(clipboard()->text(), QStringLiteral("keep me"));
}

void TestClipboard::clearsAfterTimeout()
{
    ManualClock clock;
    ClipboardGuard guard(clipboard(), clock);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(kSecret);

    clock.advanceMs(3 * kSecondMs);
    guard.tick();
    QCOMPARE(countdown.last().at(0).toInt(), 27);
    clock.advanceMs(26 * kSecondMs + 500);
    guard.tick();
    QCOMPARE(countdown.last().at(0).toInt(), 1); // rounds up until it is really gone
    QCOMPARE(clipboard()->text(), kSecret);
    QCOMPARE(cleared.size(), 0);

    clock.advanceMs(500);
    guard.tick();
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(cleared.at(0).at(0).toBool(), true);
    QVERIFY(clipboard()->text().isEmpty());
    QVERIFY(passwordManagerHint().isEmpty());
    QVERIFY(!guard.isArmed());
    QCOMPARE(guard.secondsLeft(), 0);

    guard.tick(); // nothing left to do, nothing reported twice
    QCOMPARE(cleared.size(), 1);
}

void TestClipboard::leavesSomethingElseAlone()
{
    ManualClock clock;
    ClipboardGuard guard(clipboard(), clock);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(kSecret);
    clock.advanceMs(10 * kSecondMs);
    clipboard()->setText(QStringLiteral("the user's own text"));
    // Noticed at once: a countdown for a secret that is no longer there would be a lie.
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(cleared.at(0).at(0).toBool(), false);
    QVERIFY(!guard.isArmed());

    clock.advanceMs(30 * kSecondMs);
    guard.tick();
    guard.clearNow();
    QCOMPARE(clipboard()->text(), QStringLiteral("the user's own text"));
    QCOMPARE(cleared.size(), 1);
}

void TestClipboard::timeoutIsConfigurable_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("effective");
    QTest::newRow("10 s") << 10 << 10;
    QTest::newRow("2 min") << 120 << 120;
    QTest::newRow("zero would never clear") << 0 << 30;
    QTest::newRow("negative") << -5 << 30;
    QTest::newRow("capped at an hour") << 100000 << 3600;
}

void TestClipboard::timeoutIsConfigurable()
{
    QFETCH(int, requested);
    QFETCH(int, effective);
    ManualClock clock;
    ClipboardGuard guard(clipboard(), clock);
    guard.setTimeoutSeconds(requested);
    QCOMPARE(guard.timeoutSeconds(), effective);
    guard.copySecret(kSecret);
    QCOMPARE(guard.secondsLeft(), effective);
    clock.advanceMs(qint64(effective) * kSecondMs - 1);
    guard.tick();
    QCOMPARE(clipboard()->text(), kSecret);
    clock.advanceMs(1);
    guard.tick();
    QVERIFY(clipboard()->text().isEmpty());
}

void TestClipboard::clearNowForgetsTheSecret()
{
    ManualClock clock;
    ClipboardGuard guard(clipboard(), clock);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(kSecret);
    guard.clearNow();
    QVERIFY(clipboard()->text().isEmpty());
    QCOMPARE(cleared.size(), 1);
    QVERIFY(!guard.isArmed());
    guard.clearNow();
    QCOMPARE(cleared.size(), 1);

    // Once forgotten, the same text copied by the user later is theirs, not ours.
    clipboard()->setText(kSecret);
    guard.clearNow();
    QCOMPARE(clipboard()->text(), kSecret);
}

void TestClipboard::destructionClears()
{
    ManualClock clock;
    {
        ClipboardGuard guard(clipboard(), clock);
        guard.copySecret(kSecret);
    }
    QVERIFY(clipboard()->text().isEmpty());
}

void TestClipboard::timerDrivesTheCountdown()
{
    ManualClock clock;
    ClipboardGuard guard(clipboard(), clock);
    guard.copySecret(kSecret);
    clock.advanceMs(31 * kSecondMs);
    // No tick() here: the guard's own one-second timer has to notice.
    QTRY_VERIFY_WITH_TIMEOUT(!guard.isArmed(), 3000);
    QVERIFY(clipboard()->text().isEmpty());
}

void TestClipboard::revealCopiesThroughTheGuard()
{
    Testing::VaultFixture vault;
    ClipboardGuard guard(clipboard(), vault.clock);
    auto issued = vault.store->createKey(vault.request(QStringLiteral("Billing sync")));
    QVERIFY2(issued, qPrintable(issued.errorMessage()));
    const QString token = issued->token.toQString();
    const ApiKey key = issued->key;
    RevealKeyDialog dialog(std::move(issued->token), key, RevealKeyDialog::Occasion::Generated,
                           guard, vault.clock);
    dialog.show();
    auto *countdown = dialog.findChild<QLabel *>(QStringLiteral("countdownLabel"));

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("copyButton")),
                      Qt::LeftButton);
    QCOMPARE(clipboard()->text(), token);
    QCOMPARE(passwordManagerHint(), QByteArrayLiteral("secret"));
    QCOMPARE(countdown->text(), QStringLiteral("Clipboard clears in 30 s"));
    vault.clock.advanceMs(3 * kSecondMs);
    guard.tick();
    QCOMPARE(countdown->text(), QStringLiteral("Clipboard clears in 27 s"));

    // Closing after copying asks nothing; the guard keeps counting without the dialog.
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QVERIFY(dialog.isTokenWiped());
    QCOMPARE(clipboard()->text(), token);
    vault.clock.advanceMs(27 * kSecondMs);
    guard.tick();
    QVERIFY(clipboard()->text().isEmpty());
    QCOMPARE(countdown->text(),
             QStringLiteral("Clipboard cleared. Copy again if you still need "
                            "the key."));
}

void TestClipboard::revealDoesNotClearWhatTheUserCopiedSince()
{
    Testing::VaultFixture vault;
    ClipboardGuard guard(clipboard(), vault.clock);
    auto issued = vault.store->createKey(vault.request(QStringLiteral("Telemetry uploader")));
    QVERIFY(issued);
    const ApiKey key = issued->key;
    RevealKeyDialog dialog(std::move(issued->token), key, RevealKeyDialog::Occasion::Generated,
                           guard, vault.clock);
    dialog.show();
    dialog.copyToClipboard();
    clipboard()->setText(QStringLiteral("meeting notes"));
    vault.clock.advanceMs(30 * kSecondMs);
    guard.tick();
    QCOMPARE(clipboard()->text(), QStringLiteral("meeting notes"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("countdownLabel"))
                ->text()
                .contains(QLatin1String("something else")));
    dialog.accept();
}

void TestClipboard::revealTokenLeavesOnlyThroughTheGuard()
{
    Testing::VaultFixture vault;
    ClipboardGuard guard(clipboard(), vault.clock);
    auto issued = vault.store->createKey(vault.request(QStringLiteral("Support desk")));
    QVERIFY(issued);
    const QString token = issued->token.toQString();
    const ApiKey key = issued->key;
    RevealKeyDialog dialog(std::move(issued->token), key, RevealKeyDialog::Occasion::Generated,
                           guard, vault.clock);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"));

    // Selecting with the mouse or the keyboard would feed X11's primary selection, which
    // nobody clears: it does not happen.
    QTest::mouseDClick(edit, Qt::LeftButton);
    QVERIFY(!edit->hasSelectedText());
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_End, Qt::ShiftModifier);
    QVERIFY(!edit->hasSelectedText());
    QVERIFY(!guard.isArmed());

    // Ctrl+C still works, through the guard, with the hint.
    QTest::keyClick(edit, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard()->text(), token);
    QCOMPARE(passwordManagerHint(), QByteArrayLiteral("secret"));
    QVERIFY(guard.isArmed());
    QVERIFY(dialog.hasCopied());
    dialog.accept();
    guard.clearNow();
}

void TestClipboard::revealFocusedCloseClosesOnEnter()
{
    Testing::VaultFixture vault;
    ClipboardGuard guard(clipboard(), vault.clock);
    auto issued = vault.store->createKey(vault.request(QStringLiteral("Backup agent")));
    QVERIFY(issued);
    const QString token = issued->token.toQString();
    const ApiKey key = issued->key;
    RevealKeyDialog dialog(std::move(issued->token), key, RevealKeyDialog::Occasion::Generated,
                           guard, vault.clock);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copyButton"));
    auto *close = dialog.findChild<QPushButton *>(QStringLiteral("closeButton"));

    // Enter copies while the focus is on the key or on Copy.
    QCOMPARE(QApplication::focusWidget(), copy);
    QTest::keyClick(copy, Qt::Key_Return);
    QCOMPARE(clipboard()->text(), token);
    clipboard()->setText(QStringLiteral("meeting notes"));

    // Tab to Close, Enter: the dialog closes, nothing is copied again.
    QTest::keyClick(copy, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), close);
    QVERIFY(close->isDefault());
    QTest::keyClick(close, Qt::Key_Return);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(clipboard()->text(), QStringLiteral("meeting notes"));
    guard.clearNow();
}

QTEST_MAIN(TestClipboard)
#include "test_clipboard.moc"
