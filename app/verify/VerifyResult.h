#pragma once

#include "VerifyOutcome.h"
#include "core/Environment.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Keyward {

// The answer to one verification. Key fields are filled whenever the token matched a stored
// secret (so an admin can see *which* key was refused), and stay empty for Malformed/NotFound.
//
// Who may see what: httpStatus(), retryAfterSeconds() and callerMessage() are for the API
// client that presented the key. Everything else (reason, key id and name, missing grants,
// usage) is for the service's logs and the admin: a 401 must not tell a caller whether the key
// exists, was revoked or expired.
struct VerifyResult
{
    VerifyOutcome outcome = VerifyOutcome::Malformed;
    QString reason; // translated, for admins and logs; never contains the token

    qint64 keyId = 0; // 0: no key matched
    QString keyName;
    qint64 secretId = 0;
    Environment environment = Environment::Development;
    QStringList grants; // the key's grants
    QString customer; // the key's customer scope, empty when unscoped
    QStringList missingGrants; // for InsufficientGrants

    // RateLimited: when the next request would pass (ms, > 0). Empty for every other outcome;
    // UsageExceeded has none because credits do not come back by waiting.
    std::optional<qint64> retryAfterMs;
    // The key's usage limit and its use so far (this process's unsaved use included), when the
    // key has a limit.
    std::optional<qint64> usageLimit;
    qint64 usageCount = 0;

    bool isValid() const { return outcome == VerifyOutcome::Valid; }
    bool hasKey() const { return keyId != 0; }
    int httpStatus() const { return verifyHttpStatus(outcome); }
    QString code() const { return verifyOutcomeCode(outcome); }
    // For an HTTP Retry-After header: whole seconds, rounded up (never 0 when limited).
    std::optional<qint64> retryAfterSeconds() const;
    // What a service may answer the caller: the same text for every 401 except Malformed, so it
    // reveals nothing about the vault. English on purpose: it goes to API clients, whose
    // language the server does not know, and stays stable across server locales.
    QString callerMessage() const;
};

} // namespace Keyward
