#pragma once

#include <QByteArray>
#include <QString>

namespace Keyward {

struct VerifyResult;

// The verify result object, in one place for everyone who prints it: `keywardctl verify --json`
// (one per line) and the verification server's POST /v1/keys/verify. Appended to `out` as
// compact JSON, without a newline:
//   {"outcome":"Valid","http":200,"caller_message":"OK","key_id":7,"key_name":"...",
//    "grants":[...],"customer":"...","environment":"live"}
// For the API client: http, retry_after_ms/_s, caller_message. For logs and admins only:
// reason, key_*, missing_grants, usage_*; the grants and customer of a valid key are for the
// service to authorise the request.
namespace VerifyResultJson {

void append(QByteArray &out, const VerifyResult &result);
// When the store could not answer: {"outcome":"Error","http":503,"reason":"..."}; 503 so the
// service answers "try again later", not "your key is bad".
void appendError(QByteArray &out, const QString &message);

} // namespace VerifyResultJson

} // namespace Keyward
