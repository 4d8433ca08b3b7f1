#pragma once

#include <QString>

#include <array>
#include <optional>

namespace Keyward {

// What a verification concluded. The order is the order of the checks; the codes are stable
// (scripts and logs match on them), the reasons shown to admins are translated separately.
enum class VerifyOutcome {
    Valid,
    Malformed,
    NotFound,
    WrongEnvironment,
    Inactive,
    Revoked,
    Expired,
    IpNotAllowed,
    WrongCustomer,
    InsufficientGrants,
    RateLimited,
    UsageExceeded,
};

constexpr std::array<VerifyOutcome, 12> kAllVerifyOutcomes = {
    VerifyOutcome::Valid,         VerifyOutcome::Malformed,
    VerifyOutcome::NotFound,      VerifyOutcome::WrongEnvironment,
    VerifyOutcome::Inactive,      VerifyOutcome::Revoked,
    VerifyOutcome::Expired,       VerifyOutcome::IpNotAllowed,
    VerifyOutcome::WrongCustomer, VerifyOutcome::InsufficientGrants,
    VerifyOutcome::RateLimited,   VerifyOutcome::UsageExceeded};

// The HTTP status an API should answer: 200, 401 (who are you?), 403 (not allowed), 429 (slow
// down).
int verifyHttpStatus(VerifyOutcome outcome);
// "Valid", "Malformed", ... : never translated.
QString verifyOutcomeCode(VerifyOutcome outcome);
std::optional<VerifyOutcome> verifyOutcomeFromCode(const QString &code);
// The integer stored in key_usage_hourly.outcome and request_log.outcome. Fixed per outcome (not
// the enum's position), so reordering the enum never rewrites history.
int verifyOutcomeToInt(VerifyOutcome outcome);
std::optional<VerifyOutcome> verifyOutcomeFromInt(int value);

} // namespace Keyward
