// Keyward at 200 % (QT_SCALE_FACTOR=2, as on a HiDPI screen): the key screen and every dialog
// lay out without a single-line label or button cut off, and render at twice the pixels. With
// KEYWARD_SCREENSHOT_DIR set, the main window is saved as main-window-200.png to look at.
#include "UiTestSupport.h"

#include "core/GrantCatalogue.h"
#include "ui/AddMemberDialog.h"
#include "ui/ConnectServerDialog.h"
#include "ui/EditKeyDialog.h"
#include "ui/GenerateKeyDialog.h"
#include "ui/MainWindow.h"
#include "ui/PasswordVault.h"
#include "ui/RegenerateKeyDialog.h"
#include "ui/SetPassphraseDialog.h"
#include "ui/Settings.h"
#include "ui/VaultSession.h"
#include "ui/WhyRejectedDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QTest>

using namespace Keyward;
using namespace Keyward::UiTest;

class TestScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scaleIsInEffect();
    void dialogsFitTheirTexts();
    void keyScreenFitsItsTexts();

private:
    // Shows the widget and checks its labels and buttons.
    void checkFits(QWidget *widget, const QString &name);

    QTemporaryDir m_home;
};

void TestScale::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
    QApplication::setStyle(QStringLiteral("Fusion"));
}

void TestScale::scaleIsInEffect()
{
    QWidget probe;
    probe.resize(200, 100);
    probe.show();
    QVERIFY(QTest::qWaitForWindowExposed(&probe));
    QCOMPARE(probe.devicePixelRatioF(), 2.0);
    QCOMPARE(probe.grab().size(), QSize(400, 200));
}

void TestScale::checkFits(QWidget *widget, const QString &name)
{
    widget->show();
    QVERIFY2(QTest::qWaitForWindowExposed(widget), qPrintable(name));
    QCoreApplication::processEvents();
    int checked = 0;
    const QStringList cut = cutOffLabels(widget, &checked);
    QVERIFY2(cut.isEmpty(),
             qPrintable(name + QStringLiteral(": cut off: ") + cut.join(QStringLiteral(" | "))));
    const auto buttons = widget->findChildren<QAbstractButton *>();
    for (const QAbstractButton *button : buttons) {
        if (!button->isVisible() || button->text().isEmpty())
            continue;
        ++checked;
        QVERIFY2(button->width() >= button->minimumSizeHint().width(),
                 qPrintable(name + QStringLiteral(": button cut off: ") + button->text()));
    }
    QVERIFY2(checked > 0, qPrintable(name + QStringLiteral(": nothing checked")));
}

void TestScale::dialogsFitTheirTexts()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const Member owner = *vault.store().currentMember();
    const ApiKey key = vault.createKey(QStringLiteral("Billing webhook"));

    GenerateKeyDialog generate(vault.store().grantCatalogue(), owner, vault.clock());
    checkFits(&generate, QStringLiteral("Generate"));
    EditKeyDialog edit(key, vault.store().grantCatalogue(), vault.clock());
    checkFits(&edit, QStringLiteral("Edit"));
    RegenerateKeyDialog regenerate(key, vault.clock());
    checkFits(&regenerate, QStringLiteral("Regenerate"));
    AddMemberDialog add(vault.store());
    checkFits(&add, QStringLiteral("Add member"));
    SetPassphraseDialog passphrase(vault.store(), owner);
    checkFits(&passphrase, QStringLiteral("Change passphrase"));
    WhyRejectedDialog why(vault.store(), vault.clock());
    checkFits(&why, QStringLiteral("Why rejected"));
    VaultSession session(vault.clock());
    PasswordVault keychain;
    ConnectServerDialog connect(session, keychain);
    checkFits(&connect, QStringLiteral("Connect to server"));
}

void TestScale::keyScreenFitsItsTexts()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    Settings settings(m_home.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, vault.clock());
    window.resize(1440, 900);
    window.show();
    window.start(vault.path());
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    QVERIFY(window.session().isUnlocked());
    checkFits(&window, QStringLiteral("Main window"));
    const QImage image = window.grab().toImage();
    QCOMPARE(image.width(), 2 * window.width());
    if (const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("main-window-200.png"))));
}

int main(int argc, char **argv)
{
    // Before the application exists: the scale is read once, at start-up.
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestScale test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_scale.moc"
