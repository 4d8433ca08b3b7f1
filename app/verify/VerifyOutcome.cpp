#include "VerifyOutcome.h"

namespace Keyward {

int verifyHttpStatus(VerifyOutcome outcome)
{
    switch (outcome) {
    case VerifyOutcome::Valid:
        return 200;
    case VerifyOutcome::Malformed:
    case VerifyOutcome::NotFound:
    case VerifyOutcome::WrongEnvironment:
    case VerifyOutcome::Inactive:
    case VerifyOutcome::Revoked:
    case VerifyOutcome::Expired:
        return 401;
    case VerifyOutcome::IpNotAllowed:
    case VerifyOutcome::WrongCustomer:
    case VerifyOutcome::InsufficientGrants:
        return 403;
    case VerifyOutcome::RateLimited:
    case VerifyOutcome::UsageExceeded:
        return 429;
    }
    return 401;
}

QString verifyOutcomeCode(VerifyOutcome outcome)
{
    switch (outcome) {
    case VerifyOutcome::Valid:
        return QStringLiteral("Valid");
    case VerifyOutcome::Malformed:
        return QStringLiteral("Malformed");
    case VerifyOutcome::NotFound:
        return QStringLiteral("NotFound");
    case VerifyOutcome::WrongEnvironment:
        return QStringLiteral("WrongEnvironment");
    case VerifyOutcome::Inactive:
        return QStringLiteral("Inactive");
    case VerifyOutcome::Revoked:
        return QStringLiteral("Revoked");
    case VerifyOutcome::Expired:
        return QStringLiteral("Expired");
    case VerifyOutcome::IpNotAllowed:
        return QStringLiteral("IpNotAllowed");
    case VerifyOutcome::WrongCustomer:
        return QStringLiteral("WrongCustomer");
    case VerifyOutcome::InsufficientGrants:
        return QStringLiteral("InsufficientGrants");
    case VerifyOutcome::RateLimited:
        return QStringLiteral("RateLimited");
    case VerifyOutcome::UsageExceeded:
        return QStringLiteral("UsageExceeded");
    }
    return {};
}

std::optional<VerifyOutcome> verifyOutcomeFromCode(const QString &code)
{
    for (VerifyOutcome outcome : kAllVerifyOutcomes) {
        if (verifyOutcomeCode(outcome) == code)
            return outcome;
    }
    return std::nullopt;
}

int verifyOutcomeToInt(VerifyOutcome outcome)
{
    switch (outcome) {
    case VerifyOutcome::Valid:
        return 0;
    case VerifyOutcome::Malformed:
        return 1;
    case VerifyOutcome::NotFound:
        return 2;
    case VerifyOutcome::WrongEnvironment:
        return 3;
    case VerifyOutcome::Inactive:
        return 4;
    case VerifyOutcome::Revoked:
        return 5;
    case VerifyOutcome::Expired:
        return 6;
    case VerifyOutcome::InsufficientGrants:
        return 7;
    case VerifyOutcome::RateLimited:
        return 8;
    case VerifyOutcome::UsageExceeded:
        return 9;
    // Added in schema 3; a number once stored is never given to another outcome.
    case VerifyOutcome::WrongCustomer:
        return 10;
    case VerifyOutcome::IpNotAllowed:
        return 11;
    }
    return 1;
}

std::optional<VerifyOutcome> verifyOutcomeFromInt(int value)
{
    for (VerifyOutcome outcome : kAllVerifyOutcomes) {
        if (verifyOutcomeToInt(outcome) == value)
            return outcome;
    }
    return std::nullopt;
}

} // namespace Keyward
