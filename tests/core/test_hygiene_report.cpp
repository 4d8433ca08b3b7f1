// The hygiene report's rules (issue 16 §2): each finding at its threshold and not before, and
// what is left out (revoked keys; the usage findings of keys already stopped).
#include "CoreTestSupport.h"

#include "core/Clock.h"
#include "core/HygieneReport.h"

#include <QTest>

using namespace Keyward;

namespace {

const qint64 kNow = ManualClock().nowMs();

Member member(qint64 id, Role role)
{
    Member m;
    m.id = id;
    m.role = role;
    return m;
}

// A healthy key: made 10 days ago by member 1 (a Developer), used yesterday, expiring in 80 days.
ApiKey healthyKey(qint64 id = 1)
{
    ApiKey key;
    key.id = id;
    key.name = QStringLiteral("key %1").arg(id);
    key.environment = Environment::Production;
    key.role = Role::Developer;
    key.createdById = 1;
    key.createdByName = QStringLiteral("alice");
    key.createdAtMs = kNow - 10 * kDayMs;
    key.expiresAtMs = kNow + 80 * kDayMs;
    KeySecret secret;
    secret.id = id * 10;
    secret.createdAtMs = key.createdAtMs;
    secret.lastUsedAtMs = kNow - kDayMs;
    secret.hint = QStringLiteral("kw_live_abc…yz");
    key.secrets.append(secret);
    return key;
}

QStringList codes(const QVector<HygieneFinding> &findings)
{
    QStringList result;
    for (const HygieneFinding &finding : findings)
        result.append(HygieneFinding::code(finding.kind));
    return result;
}

const QVector<Member> kMembers {member(1, Role::Developer), member(2, Role::Owner)};

} // namespace

class TestHygieneReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyKeyHasNoFindings()
    {
        QVERIFY(HygieneReport::findings({healthyKey()}, kMembers, kNow).isEmpty());
    }

    void usageFindingsAtTheirThresholds()
    {
        ApiKey unused = healthyKey();
        unused.secrets.first().lastUsedAtMs.reset();
        QVERIFY(HygieneReport::findings({unused}, kMembers, kNow).isEmpty()); // 10 days: fine
        unused.createdAtMs = unused.secrets.first().createdAtMs = kNow - 30 * kDayMs;
        QCOMPARE(codes(HygieneReport::findings({unused}, kMembers, kNow)),
                 QStringList {QStringLiteral("never-used")});

        ApiKey stale = healthyKey();
        stale.secrets.first().lastUsedAtMs = kNow - 89 * kDayMs;
        QVERIFY(HygieneReport::findings({stale}, kMembers, kNow).isEmpty());
        stale.secrets.first().lastUsedAtMs = kNow - 90 * kDayMs;
        const auto found = HygieneReport::findings({stale}, kMembers, kNow);
        QCOMPARE(codes(found), QStringList {QStringLiteral("stale")});
        QCOMPARE(found.constFirst().fix, HygieneFinding::Fix::Deactivate);
        QVERIFY(found.constFirst().reason.contains(QStringLiteral("90")));
        // Shorter spans by choice (keywardctl --stale).
        HygieneRules rules;
        rules.staleAfterMs = 7 * kDayMs;
        ApiKey week = healthyKey();
        week.secrets.first().lastUsedAtMs = kNow - 8 * kDayMs;
        QCOMPARE(codes(HygieneReport::findings({week}, kMembers, kNow, rules)),
                 QStringList {QStringLiteral("stale")});
    }

    void expiryAndRotationFindings()
    {
        ApiKey forever = healthyKey();
        forever.expiresAtMs.reset();
        QCOMPARE(codes(HygieneReport::findings({forever}, kMembers, kNow)),
                 QStringList {QStringLiteral("no-expiry")});
        ApiKey longLived = healthyKey();
        longLived.expiresAtMs = longLived.createdAtMs + 366 * kDayMs;
        QCOMPARE(codes(HygieneReport::findings({longLived}, kMembers, kNow)),
                 QStringList {QStringLiteral("long-validity")});
        longLived.expiresAtMs = longLived.createdAtMs + 365 * kDayMs;
        QVERIFY(HygieneReport::findings({longLived}, kMembers, kNow).isEmpty());

        HygieneRules policy;
        policy.maxSecretAgeMs = 7 * kDayMs;
        const auto overdue = HygieneReport::findings({healthyKey()}, kMembers, kNow, policy);
        QCOMPARE(codes(overdue), QStringList {QStringLiteral("rotation-overdue")});
        QCOMPARE(overdue.constFirst().fix, HygieneFinding::Fix::Regenerate);
        // Without a policy, secret age is nobody's business.
        QVERIFY(HygieneReport::findings({healthyKey()}, kMembers, kNow).isEmpty());
    }

    void dismissalOfRotationEndsWithARegeneration()
    {
        HygieneRules policy;
        policy.maxSecretAgeMs = 7 * kDayMs;
        ApiKey key = healthyKey();
        key.expiresAtMs.reset(); // also "no expiry", a finding no regeneration changes
        HygieneDismissal rotation {key.id, HygieneFinding::Kind::RotationOverdue,
                                   QStringLiteral("rotated by the vendor"), QStringLiteral("alice"),
                                   kNow - kDayMs};
        HygieneDismissal noExpiry {key.id, HygieneFinding::Kind::NoExpiry,
                                   QStringLiteral("service account"), QStringLiteral("alice"),
                                   kNow - kDayMs};
        auto found = HygieneReport::findings({key}, kMembers, kNow, policy);
        HygieneReport::markDismissed(found, {rotation, noExpiry});
        QCOMPARE(found.size(), 2);
        QVERIFY(found[0].dismissed && found[1].dismissed);

        // Regenerated after the dismissal, and overdue again 8 days later: the dismissal was
        // about the old secret, so the finding is back; "no expiry" stays dismissed.
        KeySecret fresh = key.secrets.constFirst();
        fresh.id = 99;
        fresh.createdAtMs = kNow;
        key.secrets.prepend(fresh);
        found = HygieneReport::findings({key}, kMembers, kNow + 8 * kDayMs, policy);
        HygieneReport::markDismissed(found, {rotation, noExpiry});
        for (const HygieneFinding &finding : found) {
            if (finding.kind == HygieneFinding::Kind::RotationOverdue)
                QVERIFY(!finding.dismissed);
            else
                QVERIFY(finding.dismissed);
        }
        QVERIFY(codes(found).contains(QStringLiteral("rotation-overdue")));
    }

    void powerAndOwnershipFindings()
    {
        ApiKey admin = healthyKey();
        admin.grants = {QStringLiteral("admin:full"), QStringLiteral("billing:read")};
        QCOMPARE(codes(HygieneReport::findings({admin}, kMembers, kNow)),
                 QStringList {QStringLiteral("production-full-admin")});
        admin.environment = Environment::Staging;
        QVERIFY(HygieneReport::findings({admin}, kMembers, kNow).isEmpty());

        ApiKey orphan = healthyKey();
        orphan.createdById = 9; // not a current member
        orphan.createdByName = QStringLiteral("mallory");
        const auto removed = HygieneReport::findings({orphan}, kMembers, kNow);
        QCOMPARE(codes(removed), QStringList {QStringLiteral("creator-removed")});
        QVERIFY(removed.constFirst().reason.contains(QStringLiteral("mallory")));
        // Deactivated with its creator: still listed (revoke it), but not as unused or stale.
        orphan.state = KeyState::Inactive;
        orphan.flagged = true;
        orphan.secrets.first().lastUsedAtMs = kNow - 200 * kDayMs;
        QCOMPARE(codes(HygieneReport::findings({orphan}, kMembers, kNow)),
                 QStringList {QStringLiteral("creator-removed")});

        ApiKey aboveCreator = healthyKey();
        aboveCreator.role = Role::Admin; // made when member 1 was an Admin
        QCOMPARE(codes(HygieneReport::findings({aboveCreator}, kMembers, kNow)),
                 QStringList {QStringLiteral("creator-demoted")});

        ApiKey revoked = healthyKey();
        revoked.state = KeyState::Revoked;
        revoked.expiresAtMs.reset();
        revoked.createdById = 9;
        QVERIFY(HygieneReport::findings({revoked}, kMembers, kNow).isEmpty());
    }

    void previousSecretStillInUseNearTheEndOfItsGrace()
    {
        ApiKey rotated = healthyKey();
        KeySecret fresh;
        fresh.id = 99;
        fresh.createdAtMs = kNow - 2 * kDayMs;
        fresh.hint = QStringLiteral("kw_live_new…ew");
        rotated.secrets.prepend(fresh);
        KeySecret &previous = rotated.secrets[1];
        previous.retiresAtMs = kNow + 3 * kHourMs;
        previous.lastUsedAtMs = kNow - kHourMs;
        previous.lastUsedSource = QStringLiteral("10.0.0.7");
        const auto found = HygieneReport::findings({rotated}, kMembers, kNow);
        QCOMPARE(codes(found), QStringList {QStringLiteral("grace-ending-in-use")});
        QVERIFY(found.constFirst().reason.contains(QStringLiteral("10.0.0.7")));
        // Not used since the new secret came: the integrations have switched.
        previous.lastUsedAtMs = kNow - 3 * kDayMs;
        QVERIFY(HygieneReport::findings({rotated}, kMembers, kNow).isEmpty());
        // Used, but the grace period has days left: not yet a finding.
        previous.lastUsedAtMs = kNow - kHourMs;
        previous.retiresAtMs = kNow + 3 * kDayMs;
        QVERIFY(HygieneReport::findings({rotated}, kMembers, kNow).isEmpty());
    }
};

int runHygieneReportTests(int argc, char **argv)
{
    TestHygieneReport test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_hygiene_report.moc"
