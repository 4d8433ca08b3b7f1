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
            found.append({key.id, key.name, key.environment, kind, fix, reason});
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
        if (rules.maxSecretAgeMs && !key.secrets.isEmpty()) {
            const qint64 age = nowMs - key.secrets.constFirst().createdAtMs;
            if (age > *rules.maxSecretAgeMs)
                add(HygieneFinding::Kind::RotationOverdue, HygieneFinding::Fix::Regenerate,
                    tr("Its secret is %n day(s) old; the rotation policy allows %1.", nullptr,
                       days(age))
                        .arg(tr("%n day(s)", nullptr, days(*rules.maxSecretAgeMs))));
        }
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

} // namespace Keyward
