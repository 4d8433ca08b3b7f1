#pragma once

#include "ApiKey.h"
#include "Member.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <optional>

namespace Keyward {

// What the hygiene report looks for (issue 16 §2). Spans in milliseconds.
struct HygieneRules
{
    qint64 neverUsedAfterMs = 30LL * 24 * 3600 * 1000; // created this long ago, never used
    qint64 staleAfterMs = 90LL * 24 * 3600 * 1000; // last used this long ago
    qint64 longestValidityMs = 365LL * 24 * 3600 * 1000; // expiry this far after creation
    std::optional<qint64> maxSecretAgeMs; // the rotation policy; none: not checked
    qint64 graceEndingWithinMs = 24LL * 3600 * 1000; // previous secret still used this close
};

struct HygieneFinding
{
    // Stable codes, for --json and for the fixes.
    enum class Kind {
        NeverUsed,
        Stale,
        NoExpiry,
        LongValidity,
        RotationOverdue,
        ProductionFullAdmin,
        CreatorRemoved,
        CreatorDemoted,
        GraceEndingInUse,
    };
    // What fixes it, one click or one command away.
    enum class Fix { Deactivate, SetExpiry, Regenerate, Revoke, EndGracePeriodLater };

    qint64 keyId = 0;
    QString keyName;
    Environment environment = Environment::Development;
    Kind kind = Kind::Stale;
    Fix fix = Fix::Deactivate;
    QString reason; // translated, with the numbers that made it a finding

    static QString code(Kind kind); // "never-used", "stale", ...
    static QString fixCode(Fix fix); // "deactivate", ...
    static QString describeFix(Fix fix); // translated: "Deactivate"
};

// The checks themselves: pure, so the window, keywardctl and tests share one set of rules.
// Revoked keys have nothing to fix and are left out; deactivated ones only for what deactivating
// does not settle (their creator left or was demoted).
class HygieneReport
{
    Q_DECLARE_TR_FUNCTIONS(HygieneReport)
public:
    static QVector<HygieneFinding> findings(const QVector<ApiKey> &keys,
                                            const QVector<Member> &currentMembers, qint64 nowMs,
                                            const HygieneRules &rules = {});
};

} // namespace Keyward
