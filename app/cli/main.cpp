// keywardctl: the command line for Keyward vaults. Thin on purpose: the work is in Application
// and the command classes, the rules in keyward_core.
#include "Application.h"
#include "Output.h"
#include "core/Clock.h"
#include "core/ProcessHardening.h"
#include "core/Translations.h"
#include "crypto/CryptoSelfTest.h"
#include "store/SqliteProcess.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    // Before anything can hold a key: no core dump will contain one.
    Keyward::ProcessHardening::disableCoreDumps();
    Keyward::SqliteProcess::configure(); // before any connection
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keywardctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Keyward"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYWARD_VERSION));

    Keyward::Translations::install(app, QString()); // the system locale

    Keyward::Cli::Output output;
    // Refuse to touch keys with broken cryptography.
    const QString selfTest = Keyward::CryptoSelfTest::run();
    if (!selfTest.isEmpty())
        return int(output.error(Keyward::Cli::ExitCode::VaultError, selfTest));

    Keyward::Cli::Application cli(output, Keyward::SystemClock::instance());
    Keyward::Cli::ExitCode code = cli.run(QCoreApplication::arguments());
    // Results that could not be written (a full disk) are not a success: a script must not take
    // missing answers for "all valid".
    output.flush();
    if (output.outFailed() && code == Keyward::Cli::ExitCode::Success)
        code = output.error(
            Keyward::Cli::ExitCode::VaultError,
            QCoreApplication::translate("main", "Could not write the results to standard output."));
    return int(code);
}
