// The effective status (Revoked > Inactive > Expired > Active) and the "expires soon" badge.
#include "CoreTestSupport.h"

#include "core/ApiKey.h"
#include "core/Clock.h"
#include "core/KeyStatus.h"

#include <QTest>

using namespace Keyward;

namespace {

QString statusName(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return QStringLiteral("Active");
    case KeyStatus::Inactive:
        return QStringLiteral("Inactive");
    case KeyStatus::Expired:
        return QStringLiteral("Expired");
    case KeyStatus::Revoked:
        return QStringLiteral("Revoked");
    }
    return {};
}

const qint64 kNow = ManualClock().nowMs();

} // namespace

class TestKeyStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void effectiveStatus_data();
    void effectiveStatus();
    void statusFollowsTheClock();
    void expiresSoon_data();
    void expiresSoon();
    void stateIntegers();
    void previousSecretInGrace();
};

void TestKeyStatus::effectiveStatus_data()
{
    QTest::addColumn<KeyState>("state");
    QTest::addColumn<std::optional<qint64>>("expiresAt");
    QTest::addColumn<KeyStatus>("expected");
    const std::optional<qint64> never;
    const std::optional<qint64> past = kNow - kDayMs;
    const std::optional<qint64> future = kNow + kDayMs;

    QTest::newRow("active, never expires") << KeyState::Active << never << KeyStatus::Active;
    QTest::newRow("active, future") << KeyState::Active << future << KeyStatus::Active;
    QTest::newRow("active, past") << KeyState::Active << past << KeyStatus::Expired;
    QTest::newRow("expires exactly now")
        << KeyState::Active << std::optional<qint64>(kNow) << KeyStatus::Expired;
    QTest::newRow("expires 1 ms from now")
        << KeyState::Active << std::optional<qint64>(kNow + 1) << KeyStatus::Active;
    QTest::newRow("expired 1 ms ago")
        << KeyState::Active << std::optional<qint64>(kNow - 1) << KeyStatus::Expired;
    QTest::newRow("inactive, never") << KeyState::Inactive << never << KeyStatus::Inactive;
    QTest::newRow("inactive, future") << KeyState::Inactive << future << KeyStatus::Inactive;
    QTest::newRow("inactive and expired") << KeyState::Inactive << past << KeyStatus::Inactive;
    QTest::newRow("revoked, never") << KeyState::Revoked << never << KeyStatus::Revoked;
    QTest::newRow("revoked, future") << KeyState::Revoked << future << KeyStatus::Revoked;
    QTest::newRow("revoked and expired") << KeyState::Revoked << past << KeyStatus::Revoked;
}

void TestKeyStatus::effectiveStatus()
{
    QFETCH(KeyState, state);
    QFETCH(std::optional<qint64>, expiresAt);
    QFETCH(KeyStatus, expected);
    QCOMPARE(statusName(Keyward::effectiveStatus(state, expiresAt, kNow)), statusName(expected));
    ApiKey key = CoreTestSupport::key(1, Role::Developer, state);
    key.expiresAtMs = expiresAt;
    QCOMPARE(statusName(Keyward::effectiveStatus(key, kNow)), statusName(expected));
}

// The boundary seen from the clock's side: active until the expiry instant, expired from it.
void TestKeyStatus::statusFollowsTheClock()
{
    ManualClock clock;
    ApiKey key = CoreTestSupport::key(1, Role::Developer);
    key.expiresAtMs = clock.nowMs() + kHourMs;
    clock.advanceMs(kHourMs - 1);
    QCOMPARE(statusName(Keyward::effectiveStatus(key, clock.nowMs())), QStringLiteral("Active"));
    clock.advanceMs(1);
    QCOMPARE(statusName(Keyward::effectiveStatus(key, clock.nowMs())), QStringLiteral("Expired"));
}

void TestKeyStatus::expiresSoon_data()
{
    QTest::addColumn<KeyState>("state");
    QTest::addColumn<std::optional<qint64>>("expiresAt");
    QTest::addColumn<bool>("soon");
    const qint64 sevenDays = 7 * kDayMs;
    QTest::newRow("exactly 7 days")
        << KeyState::Active << std::optional<qint64>(kNow + sevenDays) << true;
    QTest::newRow("7 days + 1 ms")
        << KeyState::Active << std::optional<qint64>(kNow + sevenDays + 1) << false;
    QTest::newRow("7 days - 1 ms")
        << KeyState::Active << std::optional<qint64>(kNow + sevenDays - 1) << true;
    QTest::newRow("1 ms left") << KeyState::Active << std::optional<qint64>(kNow + 1) << true;
    QTest::newRow("90 days") << KeyState::Active << std::optional<qint64>(kNow + 90 * kDayMs)
                             << false;
    QTest::newRow("never") << KeyState::Active << std::optional<qint64>() << false;
    QTest::newRow("already expired") << KeyState::Active << std::optional<qint64>(kNow) << false;
    QTest::newRow("inactive, 1 day")
        << KeyState::Inactive << std::optional<qint64>(kNow + kDayMs) << false;
    QTest::newRow("revoked, 1 day")
        << KeyState::Revoked << std::optional<qint64>(kNow + kDayMs) << false;
}

void TestKeyStatus::expiresSoon()
{
    QFETCH(KeyState, state);
    QFETCH(std::optional<qint64>, expiresAt);
    QFETCH(bool, soon);
    ApiKey key = CoreTestSupport::key(1, Role::Developer, state);
    key.expiresAtMs = expiresAt;
    QCOMPARE(Keyward::expiresSoon(key, kNow), soon);
}

void TestKeyStatus::stateIntegers()
{
    for (KeyState state : {KeyState::Active, KeyState::Inactive, KeyState::Revoked})
        QCOMPARE(keyStateFromInt(keyStateToInt(state)), std::optional<KeyState>(state));
    QCOMPARE(keyStateToInt(KeyState::Revoked), 2); // stored in the database: must not move
    QVERIFY(!keyStateFromInt(-1));
    QVERIFY(!keyStateFromInt(3));
}

// The secret a regeneration replaced counts only while its grace period lasts; the newest secret
// and older ones never do.
void TestKeyStatus::previousSecretInGrace()
{
    ApiKey key;
    QVERIFY(!key.previousSecretInGraceAt(kNow));
    key.secrets.append(KeySecret {1, 1, QByteArray(32, 'a'), QStringLiteral("aaaa"), kNow});
    QVERIFY(!key.previousSecretInGraceAt(kNow)); // only the current one

    KeySecret previous {2, 1, QByteArray(32, 'b'), QStringLiteral("bbbb"), kNow - 1000};
    previous.retiresAtMs = kNow + 60'000;
    KeySecret older {3, 1, QByteArray(32, 'c'), QStringLiteral("cccc"), kNow - 2000};
    older.retiresAtMs = kNow + 120'000; // still accepted, but not the one last replaced
    key.secrets << previous << older;
    QVERIFY(key.previousSecretInGraceAt(kNow));
    QCOMPARE(key.previousSecretInGraceAt(kNow)->id, 2);
    QCOMPARE(key.previousSecretInGraceAt(kNow + 59'999)->id, 2);
    QVERIFY(!key.previousSecretInGraceAt(kNow + 60'000)); // retired at that instant
    QCOMPARE(key.secretsInGraceAt(kNow + 60'000).size(), 1);
}

int runKeyStatusTests(int argc, char **argv)
{
    TestKeyStatus test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_key_status.moc"
