#pragma once

#include "ApiKey.h"
#include "Member.h"
#include "Result.h"

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
    // When the key's current secret was made: a regeneration after a dismissal of a finding
    // about secrets (rotation overdue, grace ending in use) is a new situation, not covered.
    qint64 secretCreatedAtMs = 0;
    // Set when a member dismissed this finding (HygieneReport::markDismissed).
    bool dismissed = false;
    QString dismissedBy;
    QString dismissReason;
    qint64 dismissedAtMs = 0;

    static QString code(Kind kind); // "never-used", "stale", ...
    static std::optional<Kind> kindFromCode(const QString &code);
    static QVector<Kind> allKinds();
    static QString describeKind(Kind kind); // translated: "Never used"
    static QString fixCode(Fix fix); // "deactivate", ...
    static QString describeFix(Fix fix); // translated: "Deactivate"
};

// A finding a member looked at and decided to leave (with why), until someone restores it.
// Recorded as signed audit rows (hygiene.dismiss / hygiene.restore), so the list of dismissals is
// the history itself, not a table anyone with write access could edit unnoticed.
struct HygieneDismissal
{
    qint64 keyId = 0;
    HygieneFinding::Kind kind = HygieneFinding::Kind::Stale;
    QString reason;
    QString actor;
    qint64 atMs = 0;
};

// The vault's rotation policy (an Owner setting): the oldest a key's current secret may be.
struct RotationPolicy
{
    std::optional<int> maxSecretAgeDays; // none: not checked
    QString setBy; // empty: never set
    qint64 setAtMs = 0;

    std::optional<qint64> maxSecretAgeMs() const;
    static constexpr int kMaxDays = 3650;
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
    // Marks the findings that a current dismissal covers (same key and kind; for the findings
    // about secrets, only while the secret is the one dismissed about).
    static void markDismissed(QVector<HygieneFinding> &findings,
                              const QVector<HygieneDismissal> &dismissals);
    // The current secret of an active, unexpired key is older than the policy allows (the
    // table's badge, and the RotationOverdue finding).
    static bool isRotationOverdue(const ApiKey &key, qint64 nowMs,
                                  std::optional<qint64> maxSecretAgeMs);
    // Why such a key is overdue, in one sentence ("Its secret is 120 days old; the rotation
    // policy allows 90 days."): the finding's reason and the details pane's note.
    static QString rotationOverdueReason(const ApiKey &key, qint64 nowMs, qint64 maxSecretAgeMs);
    // A dismissal's reason: said in words (1 to kMaxReasonLength characters after trimming), on
    // one line, without control or bidirectional-override characters that would make it read
    // differently in a table, a terminal or the audit log than what was typed.
    static Result<QString> validateDismissReason(const QString &reason);
    static Result<void> validateRotationDays(std::optional<int> days);
    static constexpr int kMaxReasonLength = 500;
};

} // namespace Keyward
