#include "Daemon.h"

#include "HttpServer.h"
#include "RequestHandler.h"
#include "VerifyService.h"
#include "store/PgConnInfo.h"
#include "store/SqlKeyStore.h"

#include <systemd/sd-daemon.h>

#include <ctime>

namespace Keyward::Verifyd {

namespace {

StoreSettings storeSettings(const ServerConfig &config)
{
    StoreSettings settings;
    settings.vaultPath = config.vaultPath;
    settings.dbConninfo = config.dbConninfo;
    settings.cacheCheckIntervalMs = config.cacheCheckIntervalMs;
    settings.usageFlushIntervalMs = config.usageFlushIntervalMs;
    settings.vaultPin = config.vaultPin;
    return settings; // acceptedRoot: set once the first connection is open
}

QString describe(const ServerConfig &config)
{
    if (config.dbConninfo.isEmpty())
        return config.vaultPath;
    // Never the password a conninfo may hold.
    auto info = PgConnInfo::parse(config.dbConninfo);
    return QStringLiteral("PostgreSQL %1").arg(info ? info->displayName() : QString());
}

} // namespace

Daemon::Daemon(CommandLine commandLine, ServerConfig config, const Clock &clock)
    : m_commandLine(std::move(commandLine))
    , m_config(std::move(config))
    , m_clock(clock)
{ }

Daemon::~Daemon()
{
    m_server.reset(); // threads first: their workers use the service
    m_handler.reset();
    m_service.reset();
}

void Daemon::notify(const char *state)
{
    sd_notify(0, state); // a no-op outside systemd
}

Result<void> Daemon::start()
{
    const std::shared_ptr<const ServerConfig> config = m_config.get();
    const StoreSettings settings = storeSettings(*config);
    // Refuse to start on a vault that cannot be opened: better than answering 503 forever.
    auto service = VerifyService::open(settings, m_clock);
    if (!service)
        return service.error();
    m_service = std::move(service).value();
    m_handler = std::make_unique<RequestHandler>(*m_service, m_metrics);
    m_server = std::make_unique<HttpServer>(m_config, *m_handler);
    if (auto started = m_server->start(); !started)
        return started;
    qInfo("keyward-verifyd: listening on %s port %u with %d threads, vault %s",
          qPrintable(config->listenAddress.toString()), unsigned(m_server->port()),
          m_server->threadCount(), qPrintable(describe(*config)));
    notify("READY=1");
    return {};
}

void Daemon::reload()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    const QByteArray reloading = "RELOADING=1\nMONOTONIC_USEC="
        + QByteArray::number(qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000);
    notify(reloading.constData());
    auto loaded = m_commandLine.load();
    if (!loaded) {
        qWarning("keyward-verifyd: reload failed, keeping the running configuration: %s",
                 qPrintable(loaded.errorMessage()));
    } else {
        const std::shared_ptr<const ServerConfig> old = m_config.get();
        if (const QStringList kept = restartOnlyChanges(*old, *loaded); !kept.isEmpty())
            qWarning("keyward-verifyd: %s change only with a restart; routes, trusted proxies, "
                     "request headers and the shutdown grace were reloaded",
                     qPrintable(kept.join(QStringLiteral(", "))));
        // What is in effect: the next reload compares with it, not with this file.
        m_config.set(reloadable(*old, *loaded));
        qInfo("keyward-verifyd: configuration reloaded (%lld routes)",
              qint64(loaded->routes.size()));
    }
    notify("READY=1");
}

void Daemon::stop()
{
    notify("STOPPING=1");
    qInfo("keyward-verifyd: stopping: answering requests in flight, saving usage");
    if (m_server)
        m_server->drain(m_config.get()->shutdownGraceMs);
    m_server.reset();
    m_handler.reset();
    m_service.reset();
    qInfo("keyward-verifyd: stopped");
    Q_EMIT stopped();
}

} // namespace Keyward::Verifyd
