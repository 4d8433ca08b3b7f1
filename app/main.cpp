// The GUI entry point: translations, the crypto self-test, then the main window.
#include "core/Clock.h"
#include "core/ProcessHardening.h"
#include "core/Translations.h"
#include "crypto/CryptoSelfTest.h"
#include "store/SqliteProcess.h"
#include "store/VaultFile.h"
#include "ui/Icons.h"
#include "ui/MainWindow.h"
#include "ui/Settings.h"
#include "ui/TrayIcon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

using namespace Keyward;

namespace {

// The vault named on the command line, else the one used last, else the default location
// (whose absence means first run).
QString initialVault(const QCommandLineParser &parser, const Settings &settings)
{
    if (!parser.positionalArguments().isEmpty())
        return QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath();
    const QString last = settings.lastVault();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    return VaultFile::defaultPath();
}

} // namespace

int main(int argc, char **argv)
{
    // Before anything can hold a key: no core dump will contain one.
    ProcessHardening::disableCoreDumps();
    SqliteProcess::configure(); // before any connection
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Keyward"));
    QApplication::setApplicationName(QStringLiteral("keyward"));
    QApplication::setApplicationVersion(QStringLiteral(KEYWARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.keyward.Keyward"));

    Settings settings;
    Translations::install(app, settings.language());
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Keyward"));
    QApplication::setWindowIcon(Icons::app());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Keyward: generate, rotate, revoke and audit API keys."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption inTray(
        QStringLiteral("tray"),
        QApplication::translate("main",
                                "Start in the system tray, without the window (as at "
                                "login), and warn of keys about to expire."));
    parser.addOption(inTray);
    parser.addPositionalArgument(QStringLiteral("vault"),
                                 QApplication::translate("main", "The vault file to open."),
                                 QStringLiteral("[vault]"));
    parser.process(app);

    // Refuse to run with broken cryptography rather than issue weak keys.
    const QString selfTest = CryptoSelfTest::run();
    if (!selfTest.isEmpty()) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Keyward cannot start"),
                              QApplication::translate("main",
                                                      "A self-test of Keyward's cryptography "
                                                      "failed, so no key can be trusted:\n\n%1")
                                  .arg(selfTest));
        return 1;
    }

    MainWindow window(settings, SystemClock::instance());
    QObject::connect(&window, &MainWindow::quitRequested, &app, &QApplication::quit);
    TrayIcon tray(settings, SystemClock::instance(), window);
    // In the tray only when there is one: a desktop without a tray gets the window.
    if (parser.isSet(inTray) && tray.isActive())
        return app.exec();
    window.show();
    window.start(initialVault(parser, settings));
    return app.exec();
}
