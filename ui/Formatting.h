#pragma once

#include "core/ApiKey.h"
#include "core/ExpiryPolicy.h"
#include "core/KeyStatus.h"
#include "core/RateLimit.h"
#include "core/Role.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Keyward {

class GrantCatalogue;

// Every enum and time as people read it in the GUI, translated in one place. The plain names of
// environments, roles and statuses are shared with keywardctl: core/DisplayNames.
class Formatting
{
    Q_DECLARE_TR_FUNCTIONS(Formatting)
public:
    static QString roleDescription(Role role); // one line: what a member with the role may do
    // One line: what a key with the role may be allowed to do (the role's grants).
    static QString keyRoleDescription(Role role, const GrantCatalogue &catalogue);
    static QString rateLimit(const RateLimit &limit); // "100 per minute", "Unlimited"
    static QString usageLimit(const std::optional<qint64> &limit, qint64 used);
    static QString expiryChoice(ExpiryPolicy::Choice choice); // "90 days (recommended)"
    // "License Management, Customer Read" — readable labels of grant ids.
    static QString grantsSummary(const QStringList &grants, const GrantCatalogue &catalogue,
                                 int maxShown = 2);
    static QString grantsList(const QStringList &grants, const GrantCatalogue &catalogue);

    // "3 days ago", "in 12 days", "just now", rounded to the nearest unit as people read it
    // (a 90-day key is "in 3 months" right after creation, not "in 2"); nullopt gives "Never".
    static QString relativeTime(qint64 atMs, qint64 nowMs);
    static QString relativeOrNever(const std::optional<qint64> &atMs, qint64 nowMs);
    // Absolute local time for tooltips: "2026-11-26 14:03". Exactly midnight is shown as the end
    // of the day before ("3 Mar 2027, end of day"): that is how a chosen expiry day is stored.
    static QString absoluteTime(qint64 atMs);
    static QString absoluteOrNever(const std::optional<qint64> &atMs);
    static QString duration(qint64 ms); // "1 hour", "3 days", "none"
};

} // namespace Keyward
