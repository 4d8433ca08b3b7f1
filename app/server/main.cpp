// keyward-verifyd: verifies API keys over HTTP for API gateways and services. The work is in
// Daemon (life cycle), HttpServer (libmicrohttpd) and RequestHandler; the rules in keyward_core.
#include "CommandLine.h"
#include "Daemon.h"
#include "SignalWatcher.h"
#include "core/Clock.h"
#include "core/Translations.h"
#include "crypto/CryptoSelfTest.h"
#include "store/SqliteProcess.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "keyward-verifyd: %s\n", message.toLocal8Bit().constData());
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    // Before any thread exists: the signal mask is inherited by every thread started later.
    const bool blocked = Keyward::Verifyd::SignalWatcher::blockInThisThread();
    Keyward::SqliteProcess::configure(); // before any connection

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keyward-verifyd"));
    QCoreApplication::setOrganizationName(QStringLiteral("Keyward"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYWARD_VERSION));

    Keyward::Translations::install(app, QString()); // the system locale

    Keyward::Verifyd::SignalWatcher signalWatcher;
    if (!blocked || !signalWatcher.isValid())
        return fail(1, QCoreApplication::translate("main", "Cannot watch for signals."));
    const QString selfTest = Keyward::CryptoSelfTest::run();
    if (!selfTest.isEmpty())
        return fail(3, selfTest);

    auto commandLine = Keyward::Verifyd::CommandLine::parse(QCoreApplication::arguments());
    if (!commandLine)
        return fail(2, commandLine.errorMessage());
    if (commandLine->done)
        return 0;
    auto config = commandLine->load();
    if (!config)
        return fail(2, config.errorMessage());

    Keyward::Verifyd::Daemon daemon(*commandLine, *config, Keyward::SystemClock::instance());
    if (auto started = daemon.start(); !started)
        return fail(3, started.errorMessage());
    if (commandLine->checkConfig) {
        daemon.stop();
        return 0;
    }
    QObject::connect(&signalWatcher, &Keyward::Verifyd::SignalWatcher::reloadRequested, &daemon,
                     &Keyward::Verifyd::Daemon::reload);
    QObject::connect(&signalWatcher, &Keyward::Verifyd::SignalWatcher::stopRequested, &daemon,
                     &Keyward::Verifyd::Daemon::stop);
    QObject::connect(&daemon, &Keyward::Verifyd::Daemon::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}
