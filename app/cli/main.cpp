// keywardctl: the command line for Keyward vaults. Thin on purpose: the work is in Application
// and the command classes, the rules in keyward_core.
#include "Application.h"
#include "Output.h"
#include "core/Clock.h"
#include "crypto/CryptoSelfTest.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keywardctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Keyward"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYWARD_VERSION));

    // English plural forms underneath, then the user's language where a catalogue exists.
    QTranslator english;
    if (english.load(QLocale(QLocale::English), QStringLiteral("keyward"), QStringLiteral("_"),
                     QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&english);
    QTranslator translator;
    if (QLocale().language() != QLocale::English
        && translator.load(QLocale(), QStringLiteral("keyward"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    Keyward::Cli::Output output;
    // Refuse to touch keys with broken cryptography.
    const QString selfTest = Keyward::CryptoSelfTest::run();
    if (!selfTest.isEmpty())
        return int(output.error(Keyward::Cli::ExitCode::VaultError, selfTest));

    Keyward::Cli::Application cli(output, Keyward::SystemClock::instance());
    return int(cli.run(QCoreApplication::arguments()));
}
