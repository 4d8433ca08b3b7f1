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
    static QString roleDescription(Role role); // one line: what the role may do
    static QString rateLimit(const RateLimit &limit); // "100 per minute", "Unlimited"
    static QString usageLimit(const std::optional<qint64> &limit, qint64 used);
    static QString expiryChoice(ExpiryPolicy::Choice choice); // "90 days (recommended)"
    // "License Management, Customer Read" — readable labels of grant ids.
    static QString grantsSummary(const QStringList &grants, const GrantCatalogue &catalogue,
                                 int maxShown = 2);
    static QString grantsList(const QStringList &grants, const GrantCatalogue &catalogue);

    // "3 days ago", "in 12 days", "just now"; nullopt gives the given fallback ("Never").
    static QString relativeTime(qint64 atMs, qint64 nowMs);
    static QString relativeOrNever(const std::optional<qint64> &atMs, qint64 nowMs);
    // Absolute local time for tooltips: "2026-11-26 14:03".
    static QString absoluteTime(qint64 atMs);
    static QString absoluteOrNever(const std::optional<qint64> &atMs);
    static QString duration(qint64 ms); // "1 hour", "3 days", "none"
};

} // namespace Keyward
