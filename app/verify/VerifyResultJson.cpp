#include "VerifyResultJson.h"

#include "VerifyResult.h"
#include "core/JsonObjectWriter.h"

namespace Keyward::VerifyResultJson {

void append(QByteArray &out, const VerifyResult &result)
{
    JsonObjectWriter object(out);
    object.add("outcome", result.code());
    object.add("http", result.httpStatus());
    object.add("caller_message", result.callerMessage());
    if (const auto seconds = result.retryAfterSeconds()) {
        object.add("retry_after_ms", *result.retryAfterMs);
        object.add("retry_after_s", *seconds);
    }
    if (result.hasKey()) {
        object.add("key_id", result.keyId);
        object.add("key_name", result.keyName);
    }
    if (result.usageLimit) {
        object.add("usage_limit", *result.usageLimit);
        object.add("usage_count", result.usageCount);
    }
    if (result.isValid()) {
        object.add("grants", result.grants);
        object.add("customer", result.customer);
        object.add("environment", environmentCode(result.environment));
    } else {
        object.add("reason", result.reason);
        if (!result.missingGrants.isEmpty())
            object.add("missing_grants", result.missingGrants);
    }
    object.finish();
}

void appendError(QByteArray &out, const QString &message)
{
    JsonObjectWriter object(out);
    object.add("outcome", QStringView(u"Error"));
    object.add("http", 503);
    object.add("reason", message);
    object.finish();
}

} // namespace Keyward::VerifyResultJson
