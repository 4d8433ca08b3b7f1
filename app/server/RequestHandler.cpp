#include "RequestHandler.h"

#include "Metrics.h"
#include "RequestCredentials.h"
#include "Router.h"
#include "ServerConfig.h"
#include "VerifyService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringDecoder>

namespace Keyward::Verifyd {

namespace {

// The client's address as text for the request log: the peer's text, made once for many
// requests, unless a trusted proxy named another client.
QString addressText(const QHostAddress &client, const IncomingRequest &request)
{
    // QHostAddress's == ignores the scope id, which a forwarded address may add.
    if (!request.peerText.isEmpty() && client == request.peer
        && client.scopeId() == request.peer.scopeId())
        return request.peerText;
    return client.toString();
}

QStringList splitGrants(const QString &text)
{
    QStringList grants;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString grant = part.trimmed(); !grant.isEmpty())
            grants.append(grant);
    }
    return grants;
}

// Request header values are bytes; anything we read as text must be UTF-8.
std::optional<QString> headerText(QByteArrayView value)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(value);
    if (decoder.hasError())
        return std::nullopt;
    return text.trimmed();
}

} // namespace

RequestHandler::RequestHandler(VerifyService &service, Metrics &metrics)
    : m_service(service)
    , m_metrics(metrics)
{ }

HttpResponse RequestHandler::rejected(int status, const QString &message, bool json)
{
    m_metrics.countRejected(status);
    return ResponseBuilder::error(status, message, json);
}

HttpResponse RequestHandler::requestTimedOut(int seconds)
{
    return rejected(408, tr("The request did not arrive whole within %1 seconds.").arg(seconds),
                    true);
}

HttpResponse RequestHandler::bodyTooLarge(int limitBytes)
{
    return rejected(413, tr("The request body is larger than %1 bytes.").arg(limitBytes), true);
}

HttpResponse RequestHandler::missingHost()
{
    return rejected(400, tr("An HTTP/1.1 request needs a Host header."), false);
}

HttpResponse RequestHandler::headerTooLarge(int limitBytes)
{
    HttpResponse response =
        rejected(431, tr("The request head is larger than %1 bytes.").arg(limitBytes), false);
    response.addHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    return response;
}

void RequestHandler::observe(qint64 nanoseconds)
{
    m_metrics.observeLatency(nanoseconds);
}

HttpResponse RequestHandler::handle(const IncomingRequest &request, const ServerConfig &config)
{
    const Route route = Router::route(request.method, request.path);
    if (route.allow) {
        HttpResponse response =
            rejected(405, tr("Method not allowed; use %1.").arg(QLatin1String(route.allow)),
                     route.endpoint == Route::Endpoint::VerifyJson);
        response.addHeader(QByteArrayLiteral("Allow"), QByteArray(route.allow));
        return response;
    }
    switch (route.endpoint) {
    case Route::Endpoint::ForwardAuth:
        return forwardAuth(request, route.routeName, config);
    case Route::Endpoint::VerifyJson:
        return verifyJson(request, config);
    case Route::Endpoint::Health:
        return health();
    case Route::Endpoint::Metrics:
        return metrics();
    case Route::Endpoint::NotFound:
        break;
    }
    return rejected(404, tr("Not found."), false);
}

HttpResponse RequestHandler::forwardAuth(const IncomingRequest &request, const QString &routeName,
                                         const ServerConfig &config)
{
    const RouteConfig *route = config.route(routeName);
    if (!route)
        return rejected(404, tr("Unknown route \"%1\".").arg(routeName), false);
    const HeaderSource &headers = request.headers;
    const QByteArrayView token =
        RequestCredentials::key(headers.header("Authorization"), headers.header("X-API-Key"));
    if (token.isEmpty()) {
        m_metrics.countRejected(401);
        return ResponseBuilder::missingKey();
    }

    // Built whole: a default QHostAddress allocates, and this runs for every request. In
    // VerifyRequest's order: environment, required grants, customer, source, client address.
    const HeaderLines forwardedFor = headers.lines("X-Forwarded-For");
    VerifyRequest verify {
        route->environment, route->grants, QString(), QString(),
        RequestCredentials::clientAddress(request.peer, forwardedFor.text(), config)};
    verify.source = addressText(verify.clientAddress, request);
    // A header that names one thing must come once: a client's own line ahead of the gateway's
    // would otherwise be the one read (a customer of the client's choosing).
    const auto once = [&headers](const char *name) -> std::optional<QByteArrayView> {
        const HeaderLines lines = headers.lines(name);
        if (lines.count > 1)
            return std::nullopt;
        return lines.first;
    };
    const auto repeated = [this](const QString &name) {
        return rejected(400, tr("The header %1 appears more than once.").arg(name), false);
    };
    if (!route->customerHeader.isEmpty()) {
        const auto line = once(route->customerHeader.constData());
        if (!line)
            return repeated(QString::fromLatin1(route->customerHeader));
        const auto customer = headerText(*line);
        if (!customer)
            return rejected(400, tr("The customer header is not UTF-8."), false);
        verify.customer = *customer;
    }
    if (config.requestHeaders) {
        // Only from a gateway that sets these itself (see ServerConfig::requestHeaders).
        const auto env = once("X-Keyward-Environment");
        if (!env)
            return repeated(QStringLiteral("X-Keyward-Environment"));
        const auto customerLine = once("X-Keyward-Customer");
        if (!customerLine)
            return repeated(QStringLiteral("X-Keyward-Customer"));
        if (!env->isEmpty()) {
            const std::optional<Environment> parsed =
                environmentFromCode(QString::fromLatin1(*env).trimmed());
            if (!parsed)
                return rejected(400, tr("X-Keyward-Environment must be live, stg or dev."), false);
            verify.environment = *parsed;
        }
        // Added to the route's grants: a request can ask for more than the route, never less.
        const HeaderLines grantLines = headers.lines("X-Keyward-Grants");
        if (const QByteArrayView grants = grantLines.text(); !grants.isEmpty()) {
            const auto text = headerText(grants);
            if (!text)
                return rejected(400, tr("X-Keyward-Grants is not UTF-8."), false);
            verify.requiredGrants += splitGrants(*text);
        }
        if (verify.customer.isEmpty()) {
            const auto customer = headerText(*customerLine);
            if (!customer)
                return rejected(400, tr("X-Keyward-Customer is not UTF-8."), false);
            verify.customer = *customer;
        }
    }

    auto result = m_service.verify(token.data(), std::size_t(token.size()), verify);
    if (!result) {
        m_metrics.countStoreError(Metrics::Endpoint::ForwardAuth);
        return ResponseBuilder::storeError(result.errorMessage(), false);
    }
    m_metrics.countVerdict(Metrics::Endpoint::ForwardAuth, result->outcome);
    return ResponseBuilder::forwardAuth(*result);
}

HttpResponse RequestHandler::verifyJson(const IncomingRequest &request, const ServerConfig &config)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(request.body.data(), request.body.size()), &error);
    if (error.error == QJsonParseError::IllegalUTF8String)
        return rejected(400, tr("The request body is not valid UTF-8."), true);
    if (error.error != QJsonParseError::NoError)
        return rejected(400, tr("The request body is not valid JSON: %1.").arg(error.errorString()),
                        true);
    if (!document.isObject())
        return rejected(400, tr("The request body must be a JSON object."), true);
    const QJsonObject object = document.object();

    auto stringField = [&object](const char *name, QString &target) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isString())
            return false;
        target = value.toString();
        return true;
    };
    QString environment;
    VerifyRequest verify;
    if (!stringField("environment", environment) || !stringField("customer", verify.customer)
        || !stringField("source", verify.source))
        return rejected(400, tr("\"environment\", \"customer\" and \"source\" must be strings."),
                        true);
    if (environment.isEmpty())
        return rejected(400, tr("\"environment\" is required: live, stg or dev."), true);
    const std::optional<Environment> env = environmentFromCode(environment);
    if (!env)
        return rejected(
            400, tr("Unknown environment \"%1\"; use live, stg or dev.").arg(environment), true);
    verify.environment = *env;
    const QJsonValue grants = object.value(QLatin1String("grants"));
    if (grants.isString()) {
        verify.requiredGrants = splitGrants(grants.toString());
    } else if (grants.isArray()) {
        for (const QJsonValue &grant : grants.toArray()) {
            if (!grant.isString())
                return rejected(400, tr("\"grants\" must be strings."), true);
            verify.requiredGrants.append(grant.toString());
        }
    } else if (!grants.isUndefined() && !grants.isNull()) {
        return rejected(400, tr("\"grants\" must be an array of strings."), true);
    }
    const HeaderLines forwardedFor = request.headers.lines("X-Forwarded-For");
    verify.clientAddress =
        RequestCredentials::clientAddress(request.peer, forwardedFor.text(), config);
    if (verify.source.isEmpty())
        verify.source = addressText(verify.clientAddress, request);

    // The key: "key" in the body, else the Authorization or X-API-Key header.
    const QJsonValue keyValue = object.value(QLatin1String("key"));
    if (!keyValue.isUndefined() && !keyValue.isString())
        return rejected(400, tr("\"key\" must be a string."), true);
    // The UTF-16 copy is wiped too (its own: toString() of a JSON value is not shared).
    QString text = keyValue.toString();
    QByteArray token = text.toUtf8();
    text.fill(QChar(0));
    Result<VerifyResult> result = Error();
    if (!token.isEmpty()) {
        result = m_service.verify(token.constData(), std::size_t(token.size()), verify);
        token.fill('\0');
    } else {
        const QByteArrayView header = RequestCredentials::key(
            request.headers.header("Authorization"), request.headers.header("X-API-Key"));
        if (header.isEmpty())
            return rejected(400, tr("\"key\" is required."), true);
        result = m_service.verify(header.data(), std::size_t(header.size()), verify);
    }
    if (!result) {
        m_metrics.countStoreError(Metrics::Endpoint::VerifyJson);
        return ResponseBuilder::storeError(result.errorMessage(), true);
    }
    m_metrics.countVerdict(Metrics::Endpoint::VerifyJson, result->outcome);
    return ResponseBuilder::verifyJson(*result);
}

HttpResponse RequestHandler::health()
{
    if (auto answered = m_service.ping(); !answered) {
        HttpResponse response;
        response.status = 503;
        response.body = tr("The vault does not answer: %1").arg(answered.errorMessage()).toUtf8();
        response.body.append('\n');
        return response;
    }
    HttpResponse response;
    response.body = QByteArrayLiteral("ok\n");
    return response;
}

HttpResponse RequestHandler::metrics()
{
    HttpResponse response;
    response.contentType = QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
    response.body = m_metrics.render(m_service.gauges());
    return response;
}

} // namespace Keyward::Verifyd
