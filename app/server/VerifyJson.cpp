#include "VerifyJson.h"

#include "verify/VerifyResult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Keyward::Verifyd {

QByteArray VerifyJson::result(const VerifyResult &result)
{
    // For the API client: http, retry_after_*, caller_message. For the calling service only:
    // reason, key_*, missing_grants, usage_*; grants and customer to authorise the request.
    QJsonObject object {{QStringLiteral("outcome"), result.code()},
                        {QStringLiteral("http"), result.httpStatus()},
                        {QStringLiteral("caller_message"), result.callerMessage()}};
    if (const auto seconds = result.retryAfterSeconds()) {
        object.insert(QStringLiteral("retry_after_ms"), double(*result.retryAfterMs));
        object.insert(QStringLiteral("retry_after_s"), double(*seconds));
    }
    if (result.hasKey()) {
        object.insert(QStringLiteral("key_id"), double(result.keyId));
        object.insert(QStringLiteral("key_name"), result.keyName);
    }
    if (result.usageLimit) {
        object.insert(QStringLiteral("usage_limit"), double(*result.usageLimit));
        object.insert(QStringLiteral("usage_count"), double(result.usageCount));
    }
    if (result.isValid()) {
        object.insert(QStringLiteral("grants"), QJsonArray::fromStringList(result.grants));
        object.insert(QStringLiteral("customer"), result.customer);
        object.insert(QStringLiteral("environment"), environmentCode(result.environment));
    } else {
        object.insert(QStringLiteral("reason"), result.reason);
        if (!result.missingGrants.isEmpty())
            object.insert(QStringLiteral("missing_grants"),
                          QJsonArray::fromStringList(result.missingGrants));
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray VerifyJson::storeError(const QString &message)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("outcome"), QStringLiteral("Error")},
                                      {QStringLiteral("http"), 503},
                                      {QStringLiteral("reason"), message}})
        .toJson(QJsonDocument::Compact);
}

QByteArray VerifyJson::error(const QString &message)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("error"), message}})
        .toJson(QJsonDocument::Compact);
}

} // namespace Keyward::Verifyd
