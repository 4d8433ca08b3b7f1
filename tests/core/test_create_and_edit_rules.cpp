// Creating a key (role ceiling, grants within the role) and changing its expiry.
#include "CoreTestSupport.h"

#include "core/Clock.h"
#include "core/GrantCatalogue.h"

#include <QTest>

using namespace Keyward;
using CoreTestSupport::Outcome;

class TestCreateAndEditRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createKey_data();
    void createKey();
    void everyRoleMayUseAllItsDefaultGrants_data();
    void everyRoleMayUseAllItsDefaultGrants();
    void defaultGrantsNestByRole();
    void defaultGrantsAreKnownAndLabelled();
    void changeExpiry_data();
    void changeExpiry();
};

void TestCreateAndEditRules::createKey_data()
{
    QTest::addColumn<Role>("actorRole");
    QTest::addColumn<Role>("keyRole");
    QTest::addColumn<QStringList>("grants");
    QTest::addColumn<Outcome>("expected");
    const QStringList read {QStringLiteral("licenses:read")};

    QTest::newRow("viewer may not create")
        << Role::Viewer << Role::Viewer << read << Outcome::Denied;
    QTest::newRow("developer, developer key")
        << Role::Developer << Role::Developer << QStringList {QStringLiteral("licenses:manage")}
        << Outcome::Allowed;
    QTest::newRow("developer, viewer key")
        << Role::Developer << Role::Viewer << read << Outcome::Allowed;
    QTest::newRow("developer, admin key: above creator")
        << Role::Developer << Role::Admin << read << Outcome::Denied;
    QTest::newRow("developer, owner key: above creator")
        << Role::Developer << Role::Owner << read << Outcome::Denied;
    QTest::newRow("admin, owner key: above creator")
        << Role::Admin << Role::Owner << read << Outcome::Denied;
    QTest::newRow("admin, admin key")
        << Role::Admin << Role::Admin
        << QStringList {QStringLiteral("customers:write"), QStringLiteral("licenses:read")}
        << Outcome::Allowed;
    QTest::newRow("owner, owner key, admin:full")
        << Role::Owner << Role::Owner << QStringList {QStringLiteral("admin:full")}
        << Outcome::Allowed;
    QTest::newRow("owner, viewer key")
        << Role::Owner << Role::Viewer << QStringList {QStringLiteral("billing:read")}
        << Outcome::Allowed;
    // Grants must be a subset of the key role's grants, whatever the creator may hold.
    QTest::newRow("developer key with customers:write")
        << Role::Developer << Role::Developer << QStringList {QStringLiteral("customers:write")}
        << Outcome::Denied;
    QTest::newRow("owner makes viewer key with telemetry:write")
        << Role::Owner << Role::Viewer << QStringList {QStringLiteral("telemetry:write")}
        << Outcome::Denied;
    QTest::newRow("admin key with admin:full")
        << Role::Admin << Role::Admin << QStringList {QStringLiteral("admin:full")}
        << Outcome::Denied;
    QTest::newRow("one good, one above role")
        << Role::Developer << Role::Developer
        << QStringList {QStringLiteral("licenses:read"), QStringLiteral("customers:write")}
        << Outcome::Denied;
    QTest::newRow("unknown grant")
        << Role::Owner << Role::Owner << QStringList {QStringLiteral("nuclear:launch")}
        << Outcome::Invalid;
    QTest::newRow("one good, one unknown")
        << Role::Developer << Role::Developer
        << QStringList {QStringLiteral("licenses:read"), QStringLiteral("unknown")}
        << Outcome::Invalid;
    QTest::newRow("grant ids are case-sensitive")
        << Role::Owner << Role::Owner << QStringList {QStringLiteral("Licenses:Read")}
        << Outcome::Invalid;
    QTest::newRow("empty grant id")
        << Role::Owner << Role::Owner << QStringList {QString()} << Outcome::Invalid;
    QTest::newRow("no grants") << Role::Owner << Role::Developer << QStringList()
                               << Outcome::Invalid;
}

void TestCreateAndEditRules::createKey()
{
    QFETCH(Role, actorRole);
    QFETCH(Role, keyRole);
    QFETCH(QStringList, grants);
    QFETCH(Outcome, expected);
    KW_COMPARE_OUTCOME(Permissions::mayCreateKey(CoreTestSupport::member(1, actorRole), keyRole,
                                                 grants, GrantCatalogue::defaults()),
                       expected);
}

void TestCreateAndEditRules::everyRoleMayUseAllItsDefaultGrants_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("owner") << Role::Owner << Outcome::Allowed;
    QTest::newRow("admin") << Role::Admin << Outcome::Allowed;
    QTest::newRow("developer") << Role::Developer << Outcome::Allowed;
    QTest::newRow("viewer") << Role::Viewer << Outcome::Denied; // Viewers create no keys at all
}

void TestCreateAndEditRules::everyRoleMayUseAllItsDefaultGrants()
{
    QFETCH(Role, role);
    QFETCH(Outcome, expected);
    const GrantCatalogue catalogue = GrantCatalogue::defaults();
    KW_COMPARE_OUTCOME(Permissions::mayCreateKey(CoreTestSupport::member(1, role), role,
                                                 catalogue.roleGrants(role), catalogue),
                       expected);
}

// Each role holds everything the role below it holds, and something more.
void TestCreateAndEditRules::defaultGrantsNestByRole()
{
    const GrantCatalogue catalogue = GrantCatalogue::defaults();
    const Role lowestFirst[] = {Role::Viewer, Role::Developer, Role::Admin, Role::Owner};
    for (int i = 1; i < 4; ++i) {
        const QStringList lower = catalogue.roleGrants(lowestFirst[i - 1]);
        const QStringList higher = catalogue.roleGrants(lowestFirst[i]);
        QVERIFY(!lower.isEmpty());
        QVERIFY(higher.size() > lower.size());
        for (const QString &grant : lower)
            QVERIFY2(higher.contains(grant), qPrintable(grant));
    }
}

void TestCreateAndEditRules::defaultGrantsAreKnownAndLabelled()
{
    const GrantCatalogue catalogue = GrantCatalogue::defaults();
    for (const QString &grant : catalogue.roleGrants(Role::Owner)) {
        QVERIFY2(catalogue.contains(grant), qPrintable(grant));
        QVERIFY(catalogue.label(grant) != grant);
        QVERIFY(!catalogue.description(grant).isEmpty());
    }
    QCOMPARE(catalogue.label(QStringLiteral("licenses:manage")),
             QStringLiteral("License Management"));
    QCOMPARE(catalogue.label(QStringLiteral("no:such")), QStringLiteral("no:such"));
}

void TestCreateAndEditRules::changeExpiry_data()
{
    QTest::addColumn<std::optional<qint64>>("current");
    QTest::addColumn<std::optional<qint64>>("requested");
    QTest::addColumn<Outcome>("expected");
    const qint64 now = ManualClock().nowMs();
    const std::optional<qint64> never;
    const std::optional<qint64> in10Days = now + 10 * kDayMs;

    QTest::newRow("shorter") << in10Days << std::optional<qint64>(now + 5 * kDayMs)
                             << Outcome::Allowed;
    QTest::newRow("one ms shorter")
        << in10Days << std::optional<qint64>(*in10Days - 1) << Outcome::Allowed;
    QTest::newRow("unchanged") << in10Days << in10Days << Outcome::Allowed;
    QTest::newRow("unchanged never") << never << never << Outcome::Allowed;
    QTest::newRow("longer") << in10Days << std::optional<qint64>(now + 20 * kDayMs)
                            << Outcome::Denied;
    QTest::newRow("one ms longer")
        << in10Days << std::optional<qint64>(*in10Days + 1) << Outcome::Denied;
    QTest::newRow("never to a date")
        << never << std::optional<qint64>(now + 30 * kDayMs) << Outcome::Allowed;
    QTest::newRow("date to never") << in10Days << never << Outcome::Denied;
    QTest::newRow("into the past")
        << in10Days << std::optional<qint64>(now - kDayMs) << Outcome::Invalid;
    QTest::newRow("exactly now") << in10Days << std::optional<qint64>(now) << Outcome::Invalid;
    QTest::newRow("never to the past")
        << never << std::optional<qint64>(now - 1) << Outcome::Invalid;
    QTest::newRow("one ms from now")
        << in10Days << std::optional<qint64>(now + 1) << Outcome::Allowed;
}

void TestCreateAndEditRules::changeExpiry()
{
    QFETCH(std::optional<qint64>, current);
    QFETCH(std::optional<qint64>, requested);
    QFETCH(Outcome, expected);
    ApiKey key = CoreTestSupport::key(1, Role::Developer);
    key.expiresAtMs = current;
    KW_COMPARE_OUTCOME(Permissions::mayChangeExpiry(key, requested, ManualClock().nowMs()),
                       expected);
}

int runCreateAndEditRulesTests(int argc, char **argv)
{
    TestCreateAndEditRules test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_create_and_edit_rules.moc"
