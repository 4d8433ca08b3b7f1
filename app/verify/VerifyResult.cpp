#include "VerifyResult.h"

namespace Keyward {

std::optional<qint64> VerifyResult::retryAfterSeconds() const
{
    if (!retryAfterMs)
        return std::nullopt;
    return qMax<qint64>(1, (*retryAfterMs + 999) / 1000);
}

QString VerifyResult::callerMessage() const
{
    switch (outcome) {
    case VerifyOutcome::Valid:
        return QStringLiteral("OK");
    case VerifyOutcome::Malformed:
        // Only about the string the caller holds, so safe to say, and the most common trouble.
        return QStringLiteral("The API key is malformed or was not copied in full.");
    case VerifyOutcome::NotFound:
    case VerifyOutcome::WrongEnvironment:
    case VerifyOutcome::Inactive:
    case VerifyOutcome::Revoked:
    case VerifyOutcome::Expired:
        return QStringLiteral("The API key is not valid.");
    case VerifyOutcome::IpNotAllowed:
        // The caller knows its own address; the allowlist itself is not told.
        return QStringLiteral("The API key may not be used from this address.");
    case VerifyOutcome::WrongCustomer:
        return QStringLiteral("The API key is not valid for this customer.");
    case VerifyOutcome::InsufficientGrants:
        return QStringLiteral("The API key is not allowed to do this. Missing: %1.")
            .arg(missingGrants.join(QStringLiteral(", ")));
    case VerifyOutcome::RateLimited:
        return QStringLiteral("Too many requests. Retry after %1 s.")
            .arg(retryAfterSeconds().value_or(1));
    case VerifyOutcome::UsageExceeded:
        return QStringLiteral("The usage limit of this API key is used up.");
    }
    return QStringLiteral("The API key is not valid.");
}

} // namespace Keyward
