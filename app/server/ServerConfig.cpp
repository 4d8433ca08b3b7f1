#include "ServerConfig.h"

#include "core/IpAllowlist.h"
#include "crypto/SigningKey.h"

#include <QFileInfo>
#include <QSettings>

namespace Keyward::Verifyd {

namespace {

// QSettings turns "a, b" into a string list: join it back so every value reads as written.
QString text(const QSettings &settings, const QString &key, const QString &fallback = {})
{
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return fallback;
    if (value.userType() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1Char(','));
    return value.toString().trimmed();
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

Result<ServerConfig> ServerConfigLoader::load(const QString &path)
{
    ServerConfig config;
    if (path.isEmpty())
        return config;
    if (!QFileInfo(path).isReadable())
        return makeError(ErrorCode::NotFound, tr("Cannot read the configuration %1.").arg(path));
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return makeError(ErrorCode::InvalidInput,
                         tr("The configuration %1 is not a valid INI file.").arg(path));

    auto inFile = [&path](const QString &key, const Error &error) {
        return makeError(ErrorCode::InvalidInput, tr("%1, %2: %3").arg(path, key, error.message));
    };
    auto number = [&](const QString &key, int &target, int minimum) -> Result<void> {
        const QString value = text(settings, key);
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

    if (const QString listen = text(settings, QStringLiteral("server/listen")); !listen.isEmpty())
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
    // Revocations must reach a running server within a second.
    if (config.cacheCheckIntervalMs > 1000)
        return makeError(ErrorCode::InvalidInput,
                         tr("%1, verify/cache_check_interval_ms: at most 1000, so that a "
                            "revocation is honoured within a second.")
                             .arg(path));
    if (auto proxies = parseSubnets(text(settings, QStringLiteral("server/trusted_proxies")));
        proxies)
        config.trustedProxies = *proxies;
    else
        return inFile(QStringLiteral("server/trusted_proxies"), proxies.error());
    const QString headers =
        text(settings, QStringLiteral("server/request_headers"), QStringLiteral("false"));
    if (headers != QLatin1String("true") && headers != QLatin1String("false"))
        return makeError(ErrorCode::InvalidInput,
                         tr("%1, server/request_headers: use true or false.").arg(path));
    config.requestHeaders = headers == QLatin1String("true");

    config.vaultPath = text(settings, QStringLiteral("store/vault"));
    config.dbConninfo = text(settings, QStringLiteral("store/db"));
    config.vaultPin = text(settings, QStringLiteral("store/vault_pin"));
    if (!config.vaultPin.isEmpty() && SigningKey::normalisedFingerprint(config.vaultPin).isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("%1, store/vault_pin: \"%2\" is not a vault fingerprint (32 hex "
                            "digits in groups, as keywardctl init prints it).")
                             .arg(path, config.vaultPin));
    if (!config.vaultPath.isEmpty() && !config.dbConninfo.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("%1: give either store/vault or store/db, not both.").arg(path));

    for (const QString &group : settings.childGroups()) {
        if (!group.startsWith(QLatin1String("route.")))
            continue;
        const QString name = group.mid(6);
        settings.beginGroup(group);
        auto route = parseRoute(text(settings, QStringLiteral("environment")),
                                text(settings, QStringLiteral("grants")),
                                text(settings, QStringLiteral("customer_header")));
        settings.endGroup();
        if (!route)
            return inFile(QStringLiteral("[%1]").arg(group), route.error());
        if (name == QLatin1String("default"))
            config.defaultRoute = *route;
        else
            config.routes.insert(name, *route);
    }
    return config;
}

} // namespace Keyward::Verifyd
