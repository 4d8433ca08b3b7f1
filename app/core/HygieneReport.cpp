#include "HygieneReport.h"

#include "Clock.h"

#include <QDateTime>
#include <QHash>

namespace Keyward {

namespace {

int days(qint64 ms)
{
    return int(ms / kDayMs);
}

QString date(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace

QString HygieneFinding::code(Kind kind)
{
    switch (kind) {
    case Kind::NeverUsed:
        return QStringLiteral("never-used");
    case Kind::Stale:
        return QStringLiteral("stale");
    case Kind::NoExpiry:
        return QStringLiteral("no-expiry");
    case Kind::LongValidity:
        return QStringLiteral("long-validity");
    case Kind::RotationOverdue:
        return QStringLiteral("rotation-overdue");
    case Kind::ProductionFullAdmin:
        return QStringLiteral("production-full-admin");
    case Kind::CreatorRemoved:
        return QStringLiteral("creator-removed");
    case Kind::CreatorDemoted:
        return QStringLiteral("creator-demoted");
    case Kind::GraceEndingInUse:
        return QStringLiteral("grace-ending-in-use");
    }
    return {};
}

std::optional<HygieneFinding::Kind> HygieneFinding::kindFromCode(const QString &code)
{
    for (Kind kind : allKinds()) {
        if (HygieneFinding::code(kind) == code)
            return kind;
    }
    return std::nullopt;
}

QVector<HygieneFinding::Kind> HygieneFinding::allKinds()
{
    return {Kind::NeverUsed,      Kind::Stale,           Kind::NoExpiry,
            Kind::LongValidity,   Kind::RotationOverdue, Kind::ProductionFullAdmin,
            Kind::CreatorRemoved, Kind::CreatorDemoted,  Kind::GraceEndingInUse};
}

QString HygieneFinding::describeKind(Kind kind)
{
    switch (kind) {
    case Kind::NeverUsed:
        return HygieneReport::tr("Never used");
    case Kind::Stale:
        return HygieneReport::tr("Stale");
    case Kind::NoExpiry:
        return HygieneReport::tr("No expiry");
    case Kind::LongValidity:
        return HygieneReport::tr("Valid over a year");
    case Kind::RotationOverdue:
        return HygieneReport::tr("Rotation overdue");
    case Kind::ProductionFullAdmin:
        return HygieneReport::tr("Production full admin");
    case Kind::CreatorRemoved:
        return HygieneReport::tr("Creator removed");
    case Kind::CreatorDemoted:
        return HygieneReport::tr("Creator demoted");
    case Kind::GraceEndingInUse:
        return HygieneReport::tr("Old secret still in use");
    }
    return {};
}

std::optional<qint64> RotationPolicy::maxSecretAgeMs() const
{
    if (!maxSecretAgeDays)
        return std::nullopt;
    return qint64(*maxSecretAgeDays) * kDayMs;
}

QString HygieneFinding::fixCode(Fix fix)
{
    switch (fix) {
    case Fix::Deactivate:
        return QStringLiteral("deactivate");
    case Fix::SetExpiry:
        return QStringLiteral("set-expiry");
    case Fix::Regenerate:
        return QStringLiteral("regenerate");
    case Fix::Revoke:
        return QStringLiteral("revoke");
    case Fix::EndGracePeriodLater:
        return QStringLiteral("contact-integrations");
    }
    return {};
}

QString HygieneFinding::describeFix(Fix fix)
{
    switch (fix) {
    case Fix::Deactivate:
        return HygieneReport::tr("Deactivate");
    case Fix::SetExpiry:
        return HygieneReport::tr("Set an expiry (90 days)");
    case Fix::Regenerate:
        return HygieneReport::tr("Regenerate with a grace period");
    case Fix::Revoke:
        return HygieneReport::tr("Revoke");
    case Fix::EndGracePeriodLater:
        return HygieneReport::tr("Tell the integration to switch secrets");
    }
    return {};
}

QVector<HygieneFinding> HygieneReport::findings(const QVector<ApiKey> &keys,
                                                const QVector<Member> &currentMembers, qint64 nowMs,
                                                const HygieneRules &rules)
{
    QHash<qint64, Role> roleOf;
    for (const Member &member : currentMembers)
        roleOf.insert(member.id, member.role);
    QVector<HygieneFinding> found;
    for (const ApiKey &key : keys) {
        if (key.state == KeyState::Revoked)
            continue;
        auto add = [&](HygieneFinding::Kind kind, HygieneFinding::Fix fix, const QString &reason) {
            HygieneFinding finding;
            finding.keyId = key.id;
            finding.keyName = key.name;
            finding.environment = key.environment;
            finding.kind = kind;
            finding.fix = fix;
            finding.reason = reason;
            finding.secretCreatedAtMs =
                key.secrets.isEmpty() ? 0 : key.secrets.constFirst().createdAtMs;
            found.append(std::move(finding));
        };
        const bool active = key.state == KeyState::Active;
        const bool expired = key.expiresAtMs && *key.expiresAtMs <= nowMs;
        // Who made it: a removed member's keys are the ones nobody looks after any more.
        if (!roleOf.contains(key.createdById)) {
            add(HygieneFinding::Kind::CreatorRemoved, HygieneFinding::Fix::Revoke,
                tr("Created by %1, who is no longer a member.").arg(key.createdByName));
        } else if (key.flagged || roleToInt(key.role) > roleToInt(roleOf.value(key.createdById))) {
            add(HygieneFinding::Kind::CreatorDemoted, HygieneFinding::Fix::Revoke,
                tr("Created by %1 with more power than their role has now.")
                    .arg(key.createdByName));
        }
        if (!active || expired)
            continue;
        const std::optional<qint64> lastUsed = key.lastUsedAtMs();
        if (!lastUsed) {
            if (nowMs - key.createdAtMs >= rules.neverUsedAfterMs)
                add(HygieneFinding::Kind::NeverUsed, HygieneFinding::Fix::Deactivate,
                    tr("Never used in the %n day(s) since it was created.", nullptr,
                       days(nowMs - key.createdAtMs)));
        } else if (nowMs - *lastUsed >= rules.staleAfterMs) {
            add(HygieneFinding::Kind::Stale, HygieneFinding::Fix::Deactivate,
                tr("Not used for %n day(s) (last on %1).", nullptr, days(nowMs - *lastUsed))
                    .arg(date(*lastUsed)));
        }
        if (!key.expiresAtMs) {
            add(HygieneFinding::Kind::NoExpiry, HygieneFinding::Fix::SetExpiry,
                tr("Never expires."));
        } else if (*key.expiresAtMs - key.createdAtMs > rules.longestValidityMs) {
            add(HygieneFinding::Kind::LongValidity, HygieneFinding::Fix::SetExpiry,
                tr("Valid for %n day(s) in all (until %1).", nullptr,
                   days(*key.expiresAtMs - key.createdAtMs))
                    .arg(date(*key.expiresAtMs)));
        }
        if (isRotationOverdue(key, nowMs, rules.maxSecretAgeMs))
            add(HygieneFinding::Kind::RotationOverdue, HygieneFinding::Fix::Regenerate,
                rotationOverdueReason(key, nowMs, *rules.maxSecretAgeMs));
        if (key.environment == Environment::Production
            && key.grants.contains(QStringLiteral("admin:full")))
            add(HygieneFinding::Kind::ProductionFullAdmin, HygieneFinding::Fix::Revoke,
                tr("A Production key with Full Administration: one leak opens everything."));
        // A previous secret that integrations still present, shortly before it stops working.
        for (const KeySecret &secret : key.secrets) {
            if (!secret.isInGracePeriodAt(nowMs)
                || *secret.retiresAtMs - nowMs > rules.graceEndingWithinMs)
                continue;
            const qint64 replacedAt = key.secrets.constFirst().createdAtMs;
            if (secret.lastUsedAtMs && *secret.lastUsedAtMs >= replacedAt)
                add(HygieneFinding::Kind::GraceEndingInUse,
                    HygieneFinding::Fix::EndGracePeriodLater,
                    tr("The previous secret %1 stops working on %2 but was still used since it "
                       "was replaced (last by %3).")
                        .arg(secret.hint,
                             QDateTime::fromMSecsSinceEpoch(*secret.retiresAtMs, Qt::UTC)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                             secret.lastUsedSource.isEmpty() ? tr("an unknown source")
                                                             : secret.lastUsedSource));
        }
    }
    return found;
}

void HygieneReport::markDismissed(QVector<HygieneFinding> &findings,
                                  const QVector<HygieneDismissal> &dismissals)
{
    if (dismissals.isEmpty())
        return;
    QHash<QPair<qint64, int>, const HygieneDismissal *> byFinding;
    for (const HygieneDismissal &dismissal : dismissals)
        byFinding.insert({dismissal.keyId, int(dismissal.kind)}, &dismissal);
    for (HygieneFinding &finding : findings) {
        const HygieneDismissal *dismissal = byFinding.value({finding.keyId, int(finding.kind)});
        if (!dismissal)
            continue;
        const bool aboutSecrets = finding.kind == HygieneFinding::Kind::RotationOverdue
            || finding.kind == HygieneFinding::Kind::GraceEndingInUse;
        if (aboutSecrets && finding.secretCreatedAtMs > dismissal->atMs)
            continue; // regenerated since: the old "leave it" was about another secret
        finding.dismissed = true;
        finding.dismissedBy = dismissal->actor;
        finding.dismissReason = dismissal->reason;
        finding.dismissedAtMs = dismissal->atMs;
    }
}

bool HygieneReport::isRotationOverdue(const ApiKey &key, qint64 nowMs,
                                      std::optional<qint64> maxSecretAgeMs)
{
    // Only a key that works can be overdue: an expired or stopped one needs no new secret.
    if (!maxSecretAgeMs || key.secrets.isEmpty() || key.state != KeyState::Active
        || (key.expiresAtMs && *key.expiresAtMs <= nowMs))
        return false;
    return nowMs - key.secrets.constFirst().createdAtMs > *maxSecretAgeMs;
}

QString HygieneReport::rotationOverdueReason(const ApiKey &key, qint64 nowMs, qint64 maxSecretAgeMs)
{
    const qint64 age = key.secrets.isEmpty() ? 0 : nowMs - key.secrets.constFirst().createdAtMs;
    return tr("Its secret is %n day(s) old; the rotation policy allows %1.", nullptr, days(age))
        .arg(tr("%n day(s)", nullptr, days(maxSecretAgeMs)));
}

Result<QString> HygieneReport::validateDismissReason(const QString &reason)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("Say why the finding is dismissed: the reason is kept in the audit "
                            "log for whoever looks next."));
    if (trimmed.size() > kMaxReasonLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("A reason has at most %1 characters.").arg(kMaxReasonLength));
    for (const QChar c : trimmed) {
        const ushort u = c.unicode();
        const bool bidiControl = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069)
            || u == 0x200E || u == 0x200F || u == 0x061C;
        if (c.category() == QChar::Other_Control || bidiControl || u == 0x2028 || u == 0x2029)
            return makeError(ErrorCode::InvalidInput,
                             tr("A reason is one line of text, without control characters."));
    }
    return trimmed;
}

Result<void> HygieneReport::validateRotationDays(std::optional<int> days)
{
    if (days && (*days < 1 || *days > RotationPolicy::kMaxDays))
        return makeError(
            ErrorCode::InvalidInput,
            tr("The maximum secret age is 1 to %1 days, or none.").arg(RotationPolicy::kMaxDays));
    return {};
}

} // namespace Keyward
