#pragma once

#include "core/Environment.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Keyward::Verifyd {

class IniFile;

// What a forward-auth route asks of a key: /v1/auth/NAME uses [route.NAME], /v1/auth and
// /v1/auth/default [route.default] (or these defaults when that section is missing).
struct RouteConfig
{
    Environment environment = Environment::Production;
    QStringList grants;
    // A request header naming the customer the request acts for; empty: none.
    QByteArray customerHeader;
};

// keyward-verifyd's settings: an INI file (--config) read by IniFile, then the command
// line's overrides. See docs/verifyd.md for every key.
struct ServerConfig
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8087;

    // The vault: a file, or a PostgreSQL conninfo (db wins when both are given on the command
    // line, which is refused like keywardctl's --vault with --db).
    QString vaultPath;
    QString dbConninfo;
    // store/vault_pin: the vault file's fingerprint; a vault with another one (or none) is
    // refused. Unpinned, whoever can write the file can replace its root key too.
    QString vaultPin;

    int threads = 0; // 0: one per core
    int connectionLimit = 1024;
    int connectionTimeoutS = 10; // a connection with no request begun is closed after this
    int requestTimeoutS = 30; // a request must arrive whole within this of its first line: 408
    int headerLimitBytes = 16384; // the whole request head; more is answered 431
    int bodyLimitBytes = 16384; // more is answered 413
    int shutdownGraceMs = 5000; // SIGTERM: how long in-flight requests may take to finish

    // Peers whose X-Forwarded-For is believed (a reverse proxy on the same host, typically).
    QList<QPair<QHostAddress, int>> trustedProxies;
    // Whether X-Keyward-Environment, X-Keyward-Grants and X-Keyward-Customer may set what a
    // forward-auth request asks for. Only for gateways that set them (and strip them from
    // clients): otherwise a client could ask for less than the route needs.
    bool requestHeaders = false;
    RouteConfig defaultRoute;
    QHash<QString, RouteConfig> routes;

    // The verifier cache's change check: a revocation anywhere is honoured within this.
    int cacheCheckIntervalMs = 200;
    int usageFlushIntervalMs = 2000;

    const RouteConfig *route(const QString &name) const;
    bool isTrustedProxy(const QHostAddress &peer) const;
};

// Reads and checks the configuration. Every mistake is an error naming the file and key, so a
// service never starts on a half-understood configuration.
class ServerConfigLoader
{
    Q_DECLARE_TR_FUNCTIONS(ServerConfigLoader)
public:
    // path: an INI file (IniFile); empty: the defaults.
    static Result<ServerConfig> load(const QString &path);
    // "127.0.0.1:8087", "[::1]:8087", ":8087" (loopback) or "8087".
    static Result<void> parseListen(const QString &text, ServerConfig &config);
    static Result<QList<QPair<QHostAddress, int>>> parseSubnets(const QString &text);
    static Result<RouteConfig> parseRoute(const QString &environment, const QString &grants,
                                          const QString &customerHeader);

private:
    // Every section and key is one of ours: a misspelt one is an error, never ignored.
    static Result<void> checkNames(const IniFile &ini, const QString &path);
};

// The settings that differ between the two and take effect only with a restart, by their names
// in the configuration file ("server/header_limit_bytes", ...).
QStringList restartOnlyChanges(const ServerConfig &running, const ServerConfig &loaded);
// The loaded configuration with those settings as they are running: what a reload puts in effect.
ServerConfig reloadable(const ServerConfig &running, ServerConfig loaded);

} // namespace Keyward::Verifyd
