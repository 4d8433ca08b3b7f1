#pragma once

#include "CommandLine.h"
#include "ConfigHolder.h"
#include "Metrics.h"

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

#include <memory>

namespace Keyward {
class Clock;
} // namespace Keyward

namespace Keyward::Verifyd {

class HttpServer;
class RequestHandler;
class VerifyService;

// The service's life: start (vault checked, then listening, then READY=1 to systemd), reload on
// SIGHUP (routes and trusted proxies; RELOADING=1 ... READY=1), graceful stop on SIGTERM
// (STOPPING=1, no new connections, in-flight requests answered, usage saved, exit 0).
class Daemon : public QObject
{
    Q_OBJECT
public:
    Daemon(CommandLine commandLine, ServerConfig config, const Clock &clock);
    ~Daemon() override;

    Result<void> start();
    void reload();
    void stop();

Q_SIGNALS:
    void stopped();

private:
    static void notify(const char *state);

    CommandLine m_commandLine;
    ConfigHolder m_config;
    const Clock &m_clock;
    Metrics m_metrics;
    std::unique_ptr<VerifyService> m_service;
    std::unique_ptr<RequestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace Keyward::Verifyd
