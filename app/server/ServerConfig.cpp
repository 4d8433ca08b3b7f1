#include "ServerConfig.h"

#include "core/IpAllowlist.h"
#include "crypto/SigningKey.h"

#include "IniFile.h"

#include <algorithm>
#include <iterator>

namespace Keyward::Verifyd {

namespace {

constexpr int kMaxTimeoutS = 86400;

// Every key the file may hold. Anything else is reported, not ignored: a misspelt vault_pin
// would have left the vault unpinned without a word.
constexpr const char *kServerKeys[] = {
    "server/listen",
    "server/threads",
    "server/connection_limit",
    "server/connection_timeout_s",
    "server/request_timeout_s",
    "server/header_limit_bytes",
    "server/body_limit_bytes",
    "server/shutdown_grace_ms",
    "server/trusted_proxies",
    "server/request_headers",
    "store/vault",
    "store/db",
    "store/vault_pin",
    "verify/cache_check_interval_ms",
    "verify/usage_flush_interval_ms",
};
constexpr const char *kSections[] = {"server", "store", "verify"};
constexpr const char *kRouteKeys[] = {"environment", "grants", "customer_header"};
const QLatin1String kRoutePrefix("route.");

bool isKnownKey(const QString &key)
{
    const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
    if (key.startsWith(kRoutePrefix) && slash > kRoutePrefix.size()) {
        const QStringView name = QStringView(key).mid(slash + 1);
        return std::any_of(std::begin(kRouteKeys), std::end(kRouteKeys),
                           [&name](const char *known) { return name == QLatin1String(known); });
    }
    return std::any_of(std::begin(kServerKeys), std::end(kServerKeys),
                       [&key](const char *known) { return key == QLatin1String(known); });
}

QStringList splitList(const QString &value)
{
    QStringList items;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            items.append(item);
    }
    return items;
}

} // namespace

const RouteConfig *ServerConfig::route(const QString &name) const
{
    if (name.isEmpty() || name == QLatin1String("default"))
        return &defaultRoute;
    const auto it = routes.constFind(name);
    return it == routes.constEnd() ? nullptr : &*it;
}

bool ServerConfig::isTrustedProxy(const QHostAddress &peer) const
{
    for (const auto &subnet : trustedProxies) {
        if (peer.isInSubnet(subnet))
            return true;
    }
    return false;
}

Result<void> ServerConfigLoader::parseListen(const QString &text, ServerConfig &config)
{
    const QString value = text.trimmed();
    QString host;
    QString port = value;
    if (value.startsWith(QLatin1Char('['))) {
        const qsizetype close = value.indexOf(QLatin1Char(']'));
        if (close < 0 || value.mid(close + 1, 1) != QLatin1String(":"))
            return makeError(ErrorCode::InvalidInput,
                             tr("Cannot read the listen address \"%1\"; use ADDRESS:PORT, "
                                "[IPv6]:PORT or PORT.")
                                 .arg(text));
        host = value.mid(1, close - 1);
        port = value.mid(close + 2);
    } else if (const qsizetype colon = value.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        host = value.left(colon);
        port = value.mid(colon + 1);
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    QHostAddress address(QHostAddress::LocalHost);
    if (!host.isEmpty() && !address.setAddress(host))
        ok = false;
    if (!ok || number > 65535) // 0: any free port (tests)
        return makeError(ErrorCode::InvalidInput,
                         tr("Cannot read the listen address \"%1\"; use ADDRESS:PORT, "
                            "[IPv6]:PORT or PORT.")
                             .arg(text));
    config.listenAddress = address;
    config.port = quint16(number);
    return {};
}

Result<QList<QPair<QHostAddress, int>>> ServerConfigLoader::parseSubnets(const QString &text)
{
    // The allowlists' own rules: Qt's parseSubnet() took "127" for 127.0.0.0/8, cleared the host
    // part of "10.1.2.3/8" without a word, and kept "::ffff:127.0.0.1" as IPv6, which no peer
    // (compared as IPv4) ever matched.
    const auto parsed = IpAllowlist::parse(splitList(text));
    if (!parsed)
        return makeError(ErrorCode::InvalidInput,
                         tr("A trusted proxy is not an IP address or CIDR range: %1")
                             .arg(parsed.errorMessage()));
    return QList<QPair<QHostAddress, int>>(parsed->ranges().cbegin(), parsed->ranges().cend());
}

Result<RouteConfig> ServerConfigLoader::parseRoute(const QString &environment,
                                                   const QString &grants,
                                                   const QString &customerHeader)
{
    RouteConfig route;
    if (!environment.isEmpty()) {
        const std::optional<Environment> env = environmentFromCode(environment);
        if (!env)
            return makeError(
                ErrorCode::InvalidInput,
                tr("Unknown environment \"%1\"; use live, stg or dev.").arg(environment));
        route.environment = *env;
    }
    route.grants = splitList(grants);
    route.customerHeader = customerHeader.trimmed().toLatin1();
    return route;
}

Result<void> ServerConfigLoader::checkNames(const IniFile &ini, const QString &path)
{
    for (const QString &section : ini.sections()) {
        if (section.startsWith(kRoutePrefix)) {
            if (section.mid(kRoutePrefix.size()).trimmed().isEmpty())
                return makeError(
                    ErrorCode::InvalidInput,
                    tr("%1, [%2]: a route needs a name, as in [route.orders].").arg(path, section));
        } else if (!std::any_of(
                       std::begin(kSections), std::end(kSections),
                       [&section](const char *known) { return section == QLatin1String(known); })) {
            return makeError(
                ErrorCode::InvalidInput,
                tr("%1, [%2]: no such section (docs/verifyd.md lists them).").arg(path, section));
        }
    }
    for (const QString &key : ini.keys()) {
        if (!isKnownKey(key))
            return makeError(
                ErrorCode::InvalidInput,
                tr("%1, %2: no such setting (docs/verifyd.md lists them).").arg(path, key));
    }
    return {};
}

Result<ServerConfig> ServerConfigLoader::load(const QString &path)
{
    ServerConfig config;
    if (path.isEmpty())
        return config;
    const auto ini = IniFile::read(path);
    if (!ini)
        return ini.error();
    if (auto named = checkNames(*ini, path); !named)
        return named.error();
    const auto text = [&ini](const QString &key, const QString &fallback = {}) {
        return ini->contains(key) ? ini->value(key) : fallback;
    };

    auto inFile = [&path](const QString &key, const Error &error) {
        return makeError(ErrorCode::InvalidInput, tr("%1, %2: %3").arg(path, key, error.message));
    };
    auto number = [&](const QString &key, int &target, int minimum) -> Result<void> {
        const QString value = text(key);
        if (value.isEmpty())
            return {};
        bool ok = false;
        const int parsed = value.toInt(&ok);
        if (!ok || parsed < minimum)
            return makeError(ErrorCode::InvalidInput,
                             tr("%1, %2: \"%3\" is not a whole number of at least %4.")
                                 .arg(path, key, value)
                                 .arg(minimum));
        target = parsed;
        return {};
    };

    if (const QString listen = text(QStringLiteral("server/listen")); !listen.isEmpty())
        if (auto parsed = parseListen(listen, config); !parsed)
            return inFile(QStringLiteral("server/listen"), parsed.error());
    const struct
    {
        const char *key;
        int *target;
        int minimum;
    } numbers[] = {
        {"server/threads", &config.threads, 0},
        {"server/connection_limit", &config.connectionLimit, 1},
        {"server/connection_timeout_s", &config.connectionTimeoutS, 1},
        {"server/request_timeout_s", &config.requestTimeoutS, 1},
        {"server/header_limit_bytes", &config.headerLimitBytes, 1024},
        {"server/body_limit_bytes", &config.bodyLimitBytes, 256},
        {"server/shutdown_grace_ms", &config.shutdownGraceMs, 0},
        {"verify/cache_check_interval_ms", &config.cacheCheckIntervalMs, 0},
        {"verify/usage_flush_interval_ms", &config.usageFlushIntervalMs, 100},
    };
    for (const auto &entry : numbers) {
        if (auto read = number(QLatin1String(entry.key), *entry.target, entry.minimum); !read)
            return read.error();
    }
    // Counted in milliseconds on the server: a day is more than any client should take.
    for (const auto &[key, seconds] :
         {std::pair {"server/connection_timeout_s", config.connectionTimeoutS},
          std::pair {"server/request_timeout_s", config.requestTimeoutS}}) {
        if (seconds > kMaxTimeoutS)
            return makeError(
                ErrorCode::InvalidInput,
                tr("%1, %2: at most %3 (a day).").arg(path, QLatin1String(key)).arg(kMaxTimeoutS));
    }
    // Revocations must reach a running server within a second.
    if (config.cacheCheckIntervalMs > 1000)
        return makeError(ErrorCode::InvalidInput,
                         tr("%1, verify/cache_check_interval_ms: at most 1000, so that a "
                            "revocation is honoured within a second.")
                             .arg(path));
    if (auto proxies = parseSubnets(text(QStringLiteral("server/trusted_proxies"))); proxies)
        config.trustedProxies = *proxies;
    else
        return inFile(QStringLiteral("server/trusted_proxies"), proxies.error());
    const QString headers = text(QStringLiteral("server/request_headers"), QStringLiteral("false"));
    if (headers != QLatin1String("true") && headers != QLatin1String("false"))
        return makeError(ErrorCode::InvalidInput,
                         tr("%1, server/request_headers: use true or false.").arg(path));
    config.requestHeaders = headers == QLatin1String("true");

    config.vaultPath = text(QStringLiteral("store/vault"));
    config.dbConninfo = text(QStringLiteral("store/db"));
    config.vaultPin = text(QStringLiteral("store/vault_pin"));
    if (!config.vaultPin.isEmpty() && SigningKey::normalisedFingerprint(config.vaultPin).isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("%1, store/vault_pin: \"%2\" is not a vault fingerprint (32 hex "
                            "digits in groups, as keywardctl init prints it).")
                             .arg(path, config.vaultPin));
    if (!config.vaultPath.isEmpty() && !config.dbConninfo.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("%1: give either store/vault or store/db, not both.").arg(path));

    for (const QString &section : ini->sections()) {
        if (!section.startsWith(kRoutePrefix))
            continue;
        const QString name = section.mid(kRoutePrefix.size()).trimmed();
        const QString prefix = section + QLatin1Char('/');
        auto route = parseRoute(text(prefix + QLatin1String("environment")),
                                text(prefix + QLatin1String("grants")),
                                text(prefix + QLatin1String("customer_header")));
        if (!route)
            return inFile(QStringLiteral("[%1]").arg(section), route.error());
        if (name == QLatin1String("default"))
            config.defaultRoute = *route;
        else
            config.routes.insert(name, *route);
    }
    return config;
}

namespace {

// Visits every setting the server, its listening socket, libmicrohttpd or the verification
// service took when it started, with its name in the configuration file.
template<typename Visit>
void forEachRestartOnlySetting(Visit &&visit)
{
    visit(&ServerConfig::listenAddress, "server/listen");
    visit(&ServerConfig::port, "server/listen");
    visit(&ServerConfig::threads, "server/threads");
    visit(&ServerConfig::connectionLimit, "server/connection_limit");
    visit(&ServerConfig::connectionTimeoutS, "server/connection_timeout_s");
    visit(&ServerConfig::requestTimeoutS, "server/request_timeout_s");
    visit(&ServerConfig::headerLimitBytes, "server/header_limit_bytes");
    visit(&ServerConfig::bodyLimitBytes, "server/body_limit_bytes");
    visit(&ServerConfig::vaultPath, "store/vault");
    visit(&ServerConfig::dbConninfo, "store/db");
    visit(&ServerConfig::vaultPin, "store/vault_pin");
    visit(&ServerConfig::cacheCheckIntervalMs, "verify/cache_check_interval_ms");
    visit(&ServerConfig::usageFlushIntervalMs, "verify/usage_flush_interval_ms");
}

} // namespace

QStringList restartOnlyChanges(const ServerConfig &running, const ServerConfig &loaded)
{
    QStringList changed;
    forEachRestartOnlySetting([&](auto member, const char *setting) {
        const QString name = QString::fromLatin1(setting);
        if (loaded.*member != running.*member && !changed.contains(name))
            changed.append(name);
    });
    return changed;
}

ServerConfig reloadable(const ServerConfig &running, ServerConfig loaded)
{
    forEachRestartOnlySetting([&](auto member, const char *) { loaded.*member = running.*member; });
    return loaded;
}

} // namespace Keyward::Verifyd
