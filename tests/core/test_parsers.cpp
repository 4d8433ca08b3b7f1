// Text the CLI and dialogs accept: expiry, rate limit, environment and role codes.
#include "CoreTestSupport.h"

#include "core/Clock.h"
#include "core/Environment.h"
#include "core/ExpiryPolicy.h"
#include "core/RateLimit.h"
#include "core/Role.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace Keyward;

Q_DECLARE_METATYPE(Keyward::RateLimit::Unit)

namespace {

enum class ExpiryKind { Invalid, Days, Date, Never };

} // namespace

Q_DECLARE_METATYPE(ExpiryKind)

class TestParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expiryParse_data();
    void expiryParse();
    void expiryArithmetic();
    void expiryChoices();
    void rateLimitParse_data();
    void rateLimitParse();
    void rateLimitRoundTrip();
    void rateLimitPeriods();
    void environmentCodes_data();
    void environmentCodes();
    void environmentRoundTrips();
    void roleCodes_data();
    void roleCodes();
    void roleRoundTripsAndOrder();
};

void TestParsers::expiryParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ExpiryKind>("kind");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDate>("date");
    QTest::newRow("7d") << QStringLiteral("7d") << ExpiryKind::Days << 7 << QDate();
    QTest::newRow("90d") << QStringLiteral("90d") << ExpiryKind::Days << 90 << QDate();
    QTest::newRow("upper case, spaces")
        << QStringLiteral(" 30D ") << ExpiryKind::Days << 30 << QDate();
    QTest::newRow("1d") << QStringLiteral("1d") << ExpiryKind::Days << 1 << QDate();
    QTest::newRow("never") << QStringLiteral("never") << ExpiryKind::Never << 0 << QDate();
    QTest::newRow("NEVER") << QStringLiteral("NEVER") << ExpiryKind::Never << 0 << QDate();
    QTest::newRow("date") << QStringLiteral("2027-01-31") << ExpiryKind::Date << 0
                          << QDate(2027, 1, 31);
    QTest::newRow("leap day") << QStringLiteral("2028-02-29") << ExpiryKind::Date << 0
                              << QDate(2028, 2, 29);
    QTest::newRow("garbage") << QStringLiteral("garbage") << ExpiryKind::Invalid << 0 << QDate();
    QTest::newRow("empty") << QString() << ExpiryKind::Invalid << 0 << QDate();
    QTest::newRow("0d") << QStringLiteral("0d") << ExpiryKind::Invalid << 0 << QDate();
    QTest::newRow("-5d") << QStringLiteral("-5d") << ExpiryKind::Invalid << 0 << QDate();
    QTest::newRow("+5d") << QStringLiteral("+5d") << ExpiryKind::Invalid << 0 << QDate();
    QTest::newRow("d alone") << QStringLiteral("d") << ExpiryKind::Invalid << 0 << QDate();
    QTest::newRow("90 without unit") << QStringLiteral("90") << ExpiryKind::Invalid << 0 << QDate();
    QTest::newRow("weeks") << QStringLiteral("2w") << ExpiryKind::Invalid << 0 << QDate();
    QTest::newRow("huge days") << QStringLiteral("99999999d") << ExpiryKind::Invalid << 0
                               << QDate();
    QTest::newRow("31 February") << QStringLiteral("2027-02-31") << ExpiryKind::Invalid << 0
                                 << QDate();
    QTest::newRow("day first") << QStringLiteral("31.01.2027") << ExpiryKind::Invalid << 0
                               << QDate();
}

void TestParsers::expiryParse()
{
    QFETCH(QString, text);
    QFETCH(ExpiryKind, kind);
    QFETCH(int, days);
    QFETCH(QDate, date);
    const std::optional<ExpiryPolicy> policy = ExpiryPolicy::parse(text);
    QCOMPARE(policy.has_value(), kind != ExpiryKind::Invalid);
    if (!policy)
        return;
    QCOMPARE(policy->isNever(), kind == ExpiryKind::Never);
    QCOMPARE(policy->date(), date);
    if (kind == ExpiryKind::Days)
        QCOMPARE(policy->days(), days);
}

void TestParsers::expiryArithmetic()
{
    ManualClock clock;
    const qint64 start = clock.nowMs();
    QCOMPARE(ExpiryPolicy::days(7).expiresAtMs(clock.nowMs()),
             std::optional<qint64>(start + 7 * 86'400'000LL));
    QCOMPARE(ExpiryPolicy::parse(QStringLiteral("90d"))->expiresAtMs(clock.nowMs()),
             std::optional<qint64>(start + 90 * 86'400'000LL));
    clock.advanceMs(kHourMs);
    QCOMPARE(ExpiryPolicy::days(1).expiresAtMs(clock.nowMs()),
             std::optional<qint64>(start + kHourMs + 86'400'000LL));
    QCOMPARE(ExpiryPolicy::never().expiresAtMs(clock.nowMs()), std::optional<qint64>());
    // A date expires at the end of that day, UTC: 2027-02-01T00:00:00Z, whatever the clock says.
    const std::optional<qint64> endOf31January = 1'801'440'000'000LL;
    QCOMPARE(ExpiryPolicy::parse(QStringLiteral("2027-01-31"))->expiresAtMs(clock.nowMs()),
             endOf31January);
    QCOMPARE(ExpiryPolicy::onDate(QDate(2027, 1, 31)).expiresAtMs(0), endOf31January);
}

void TestParsers::expiryChoices()
{
    QCOMPARE(ExpiryPolicy::kDefault, ExpiryPolicy::Choice::Days90);
    QCOMPARE(ExpiryPolicy::fromChoice(ExpiryPolicy::kDefault).days(), 90);
    QCOMPARE(ExpiryPolicy::choiceDays(ExpiryPolicy::Choice::Days7), 7);
    QCOMPARE(ExpiryPolicy::choiceDays(ExpiryPolicy::Choice::Days365), 365);
    QVERIFY(ExpiryPolicy::fromChoice(ExpiryPolicy::Choice::Never).isNever());
    const ExpiryPolicy custom =
        ExpiryPolicy::fromChoice(ExpiryPolicy::Choice::CustomDate, QDate(2030, 6, 1));
    QCOMPARE(custom.date(), QDate(2030, 6, 1));
    QVERIFY(!custom.isNever());
}

void TestParsers::rateLimitParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("count");
    QTest::addColumn<RateLimit::Unit>("unit");
    using U = RateLimit::Unit;
    QTest::newRow("100/min") << QStringLiteral("100/min") << true << 100 << U::Minute;
    QTest::newRow("5/s") << QStringLiteral("5/s") << true << 5 << U::Second;
    QTest::newRow("1000/hour") << QStringLiteral("1000/hour") << true << 1000 << U::Hour;
    QTest::newRow("upper case, spaces") << QStringLiteral(" 60/MIN ") << true << 60 << U::Minute;
    QTest::newRow("10/h") << QStringLiteral("10/h") << true << 10 << U::Hour;
    QTest::newRow("none") << QStringLiteral("none") << true << 0 << U::Minute;
    QTest::newRow("unlimited") << QStringLiteral("unlimited") << true << 0 << U::Minute;
    QTest::newRow("empty") << QString() << true << 0 << U::Minute;
    QTest::newRow("abc") << QStringLiteral("abc") << false << 0 << U::Minute;
    QTest::newRow("10/year") << QStringLiteral("10/year") << false << 0 << U::Minute;
    QTest::newRow("-1/min") << QStringLiteral("-1/min") << false << 0 << U::Minute;
    QTest::newRow("no count") << QStringLiteral("/min") << false << 0 << U::Minute;
    QTest::newRow("no unit") << QStringLiteral("100/") << false << 0 << U::Minute;
    QTest::newRow("number only") << QStringLiteral("100") << false << 0 << U::Minute;
    QTest::newRow("fraction") << QStringLiteral("1.5/s") << false << 0 << U::Minute;
    QTest::newRow("too many") << QStringLiteral("99999999999/s") << false << 0 << U::Minute;
}

void TestParsers::rateLimitParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, count);
    QFETCH(RateLimit::Unit, unit);
    const std::optional<RateLimit> limit = RateLimit::parse(text);
    QCOMPARE(limit.has_value(), valid);
    if (!limit)
        return;
    QCOMPARE(limit->count, count);
    QCOMPARE(limit->isUnlimited(), count == 0);
    if (count > 0)
        QCOMPARE(limit->unit, unit);
}

void TestParsers::rateLimitRoundTrip()
{
    for (const char *text : {"100/min", "5/s", "1000/hour", "none"}) {
        const std::optional<RateLimit> limit = RateLimit::parse(QLatin1String(text));
        QVERIFY2(limit, text);
        QCOMPARE(limit->toCode(), QLatin1String(text));
        QCOMPARE(RateLimit::parse(limit->toCode()), limit);
    }
}

void TestParsers::rateLimitPeriods()
{
    QCOMPARE(RateLimit::parse(QStringLiteral("1/s"))->periodMs(), 1000);
    QCOMPARE(RateLimit::parse(QStringLiteral("1/min"))->periodMs(), 60'000);
    QCOMPARE(RateLimit::parse(QStringLiteral("1/hour"))->periodMs(), 3'600'000);
}

void TestParsers::environmentCodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Environment>("environment");
    QTest::newRow("live") << QStringLiteral("live") << true << Environment::Production;
    QTest::newRow("LIVE") << QStringLiteral("LIVE") << true << Environment::Production;
    QTest::newRow("production") << QStringLiteral("production") << true << Environment::Production;
    QTest::newRow("stg") << QStringLiteral("stg") << true << Environment::Staging;
    QTest::newRow("Staging") << QStringLiteral("Staging") << true << Environment::Staging;
    QTest::newRow("dev") << QStringLiteral("dev") << true << Environment::Development;
    QTest::newRow(" dev ") << QStringLiteral(" dev ") << true << Environment::Development;
    QTest::newRow("test") << QStringLiteral("test") << false << Environment::Development;
    QTest::newRow("empty") << QString() << false << Environment::Development;
}

void TestParsers::environmentCodes()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(Environment, environment);
    const std::optional<Environment> parsed = environmentFromCode(text);
    QCOMPARE(parsed.has_value(), valid);
    if (parsed)
        QCOMPARE(*parsed, environment);
}

void TestParsers::environmentRoundTrips()
{
    QCOMPARE(environmentCode(Environment::Production), QStringLiteral("live"));
    QCOMPARE(environmentCode(Environment::Staging), QStringLiteral("stg"));
    QCOMPARE(environmentCode(Environment::Development), QStringLiteral("dev"));
    for (Environment env : kAllEnvironments) {
        QCOMPARE(environmentFromCode(environmentCode(env)), std::optional<Environment>(env));
        QCOMPARE(environmentFromInt(environmentToInt(env)), std::optional<Environment>(env));
    }
    QVERIFY(!environmentFromInt(-1));
    QVERIFY(!environmentFromInt(3));
}

void TestParsers::roleCodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Role>("role");
    QTest::newRow("owner") << QStringLiteral("owner") << true << Role::Owner;
    QTest::newRow("OWNER") << QStringLiteral("OWNER") << true << Role::Owner;
    QTest::newRow("Admin") << QStringLiteral("Admin") << true << Role::Admin;
    QTest::newRow("dEvElOpEr") << QStringLiteral("dEvElOpEr") << true << Role::Developer;
    QTest::newRow(" viewer ") << QStringLiteral(" viewer ") << true << Role::Viewer;
    QTest::newRow("root") << QStringLiteral("root") << false << Role::Viewer;
    QTest::newRow("dev") << QStringLiteral("dev") << false << Role::Viewer;
    QTest::newRow("empty") << QString() << false << Role::Viewer;
}

void TestParsers::roleCodes()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(Role, role);
    const std::optional<Role> parsed = roleFromCode(text);
    QCOMPARE(parsed.has_value(), valid);
    if (parsed)
        QCOMPARE(*parsed, role);
}

void TestParsers::roleRoundTripsAndOrder()
{
    for (Role role : kAllRoles) {
        QCOMPARE(roleFromCode(roleCode(role)), std::optional<Role>(role));
        QCOMPARE(roleFromCode(roleCode(role).toUpper()), std::optional<Role>(role));
        QCOMPARE(roleFromInt(roleToInt(role)), std::optional<Role>(role));
    }
    QVERIFY(!roleFromInt(-1));
    QVERIFY(!roleFromInt(4));
    QVERIFY(roleAtLeast(Role::Owner, Role::Admin));
    QVERIFY(roleAtLeast(Role::Admin, Role::Developer));
    QVERIFY(roleAtLeast(Role::Developer, Role::Viewer));
    QVERIFY(roleAtLeast(Role::Admin, Role::Admin));
    QVERIFY(!roleAtLeast(Role::Viewer, Role::Developer));
    QVERIFY(!roleAtLeast(Role::Admin, Role::Owner));
}

int runParsersTests(int argc, char **argv)
{
    TestParsers test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_parsers.moc"
