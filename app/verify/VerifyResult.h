#pragma once

#include "VerifyOutcome.h"
#include "core/Environment.h"

#include <QString>
#include <QStringList>

namespace Keyward {

// The answer to one verification. Key fields are filled whenever the token matched a stored
// secret (so an admin can see *which* key was refused), and stay empty for Malformed/NotFound.
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

    bool isValid() const { return outcome == VerifyOutcome::Valid; }
    bool hasKey() const { return keyId != 0; }
    int httpStatus() const { return verifyHttpStatus(outcome); }
    QString code() const { return verifyOutcomeCode(outcome); }
};

} // namespace Keyward
