#include "OutcomeText.h"

#include "StatusBadgeDelegate.h"

#include <climits>

namespace Keyward {

OutcomeText::Group OutcomeText::group(VerifyOutcome outcome)
{
    switch (verifyHttpStatus(outcome)) {
    case 200:
        return Group::Valid;
    case 403:
        return Group::Forbidden;
    case 429:
        return Group::TooManyRequests;
    default:
        return Group::Unauthorized;
    }
}

QString OutcomeText::name(VerifyOutcome outcome)
{
    switch (outcome) {
    case VerifyOutcome::Valid:
        return tr("Valid");
    case VerifyOutcome::Malformed:
        return tr("Malformed");
    case VerifyOutcome::NotFound:
        return tr("Unknown key");
    case VerifyOutcome::WrongEnvironment:
        return tr("Wrong environment");
    case VerifyOutcome::Inactive:
        return tr("Inactive");
    case VerifyOutcome::Revoked:
        return tr("Revoked");
    case VerifyOutcome::Expired:
        return tr("Expired");
    case VerifyOutcome::IpNotAllowed:
        return tr("Address not allowed");
    case VerifyOutcome::WrongCustomer:
        return tr("Wrong customer");
    case VerifyOutcome::InsufficientGrants:
        return tr("Missing grant");
    case VerifyOutcome::RateLimited:
        return tr("Rate limited");
    case VerifyOutcome::UsageExceeded:
        return tr("Usage limit reached");
    }
    return verifyOutcomeCode(outcome);
}

QString OutcomeText::nameWithStatus(VerifyOutcome outcome)
{
    return tr("%1 (%2)").arg(name(outcome)).arg(verifyHttpStatus(outcome));
}

QString OutcomeText::groupName(Group group)
{
    switch (group) {
    case Group::Valid:
        return tr("Valid (200)");
    case Group::Unauthorized:
        return tr("Unauthorized (401)");
    case Group::Forbidden:
        return tr("Forbidden (403)");
    case Group::TooManyRequests:
        return tr("Too many requests (429)");
    }
    return {};
}

QString OutcomeText::groupCount(Group group, qint64 count)
{
    const int n = int(qMin<qint64>(count, INT_MAX));
    switch (group) {
    case Group::Valid:
        return tr("%Ln valid", nullptr, n);
    case Group::Unauthorized:
        return tr("%Ln unauthorized (401)", nullptr, n);
    case Group::Forbidden:
        return tr("%Ln forbidden (403)", nullptr, n);
    case Group::TooManyRequests:
        return tr("%Ln too many (429)", nullptr, n);
    }
    return {};
}

QColor OutcomeText::groupColor(Group group)
{
    switch (group) {
    case Group::Valid:
        return StatusBadgeDelegate::statusColor(KeyStatus::Active);
    case Group::Unauthorized:
        return StatusBadgeDelegate::statusColor(KeyStatus::Revoked);
    case Group::Forbidden:
        return StatusBadgeDelegate::statusColor(KeyStatus::Expired);
    case Group::TooManyRequests:
        // The "Grace period" badge's blue: a wait, not a refusal of the key itself.
        return QColor(0x29, 0x80, 0xb9);
    }
    return {};
}

} // namespace Keyward
