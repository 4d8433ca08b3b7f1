#include "VerifyJson.h"

#include "core/JsonObjectWriter.h"
#include "verify/VerifyResultJson.h"

namespace Keyward::Verifyd {

QByteArray VerifyJson::result(const VerifyResult &result)
{
    QByteArray out;
    VerifyResultJson::append(out, result);
    return out;
}

QByteArray VerifyJson::storeError(const QString &message)
{
    QByteArray out;
    VerifyResultJson::appendError(out, message);
    return out;
}

QByteArray VerifyJson::error(const QString &message)
{
    QByteArray out;
    JsonObjectWriter object(out);
    object.add("error", message);
    object.finish();
    return out;
}

} // namespace Keyward::Verifyd
