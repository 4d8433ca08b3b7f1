// The tray's alerts: which thresholds a key has crossed, only the tightest one, each shown once,
// a later expiry warning again, and notices that say nothing of a secret.
#include "CoreTestSupport.h"

#include "core/Clock.h"
#include "core/ExpiryAlerts.h"

#include <QTest>

using namespace Keyward;

namespace {

const qint64 kNow = ManualClock().nowMs();

ApiKey key(qint64 id, std::optional<qint64> expiresInMs, KeyState state = KeyState::Active)
{
    ApiKey key;
    key.id = id;
    key.name = QStringLiteral("Billing export %1").arg(id);
    key.environment = Environment::Production;
    key.state = state;
    if (expiresInMs)
        key.expiresAtMs = kNow + *expiresInMs;
    KeySecret secret;
    secret.id = id * 10;
    secret.hint = QStringLiteral("kw_live_SECRETHINT");
    key.secrets.append(secret);
    return key;
}

QStringList tagsOf(const QVector<ExpiryAlert> &alerts)
{
    QStringList tags;
    for (const ExpiryAlert &alert : alerts)
        tags.append(alert.tag);
    return tags;
}

} // namespace

class TestExpiryAlerts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tightestThresholdOnly_data()
    {
        QTest::addColumn<qint64>("leftMs");
        QTest::addColumn<int>("threshold");
        QTest::newRow("31 days") << 31 * kDayMs << 0;
        QTest::newRow("exactly 30 days") << 30 * kDayMs << 30;
        QTest::newRow("20 days") << 20 * kDayMs << 30;
        QTest::newRow("14 days") << 14 * kDayMs << 14;
        QTest::newRow("5 days") << 5 * kDayMs << 7;
        QTest::newRow("one hour") << kHourMs << 1;
    }
    void tightestThresholdOnly()
    {
        QFETCH(qint64, leftMs);
        QFETCH(int, threshold);
        const QVector<ExpiryAlert> alerts = ExpiryAlerts::due({key(1, leftMs)}, kNow);
        if (threshold == 0) {
            QVERIFY(alerts.isEmpty());
            return;
        }
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].kind, ExpiryAlert::Kind::KeyExpires);
        QCOMPARE(alerts[0].threshold, threshold);
        QCOMPARE(alerts[0].dueAtMs, kNow + leftMs);
        QCOMPARE(alerts[0].keyId, 1);
    }

    void keysThatStopNothingWarnOfNothing()
    {
        const QVector<ApiKey> keys {key(1, 3 * kDayMs, KeyState::Revoked),
                                    key(2, 3 * kDayMs, KeyState::Inactive),
                                    key(3, -kHourMs), // already expired
                                    key(4, std::nullopt)}; // never expires
        QVERIFY(ExpiryAlerts::due(keys, kNow).isEmpty());
    }

    void eachThresholdShownOnce()
    {
        ShownAlerts shown;
        ApiKey k = key(7, 20 * kDayMs);
        QCOMPARE(shown.takeNew(ExpiryAlerts::due({k}, kNow)).size(), 1);
        // The next check, an hour later: nothing new.
        QVERIFY(shown.takeNew(ExpiryAlerts::due({k}, kNow + kHourMs)).isEmpty());
        // Seven days later the 14-day threshold is crossed: one new alert, 14 days.
        const auto later = shown.takeNew(ExpiryAlerts::due({k}, kNow + 7 * kDayMs));
        QCOMPARE(later.size(), 1);
        QCOMPARE(later[0].threshold, 14);
        // The remembered tags are only the current ones.
        QCOMPARE(shown.tags().size(), 1);
    }

    void laterExpiryWarnsAgain()
    {
        ShownAlerts shown;
        ApiKey k = key(7, 5 * kDayMs);
        QCOMPARE(shown.takeNew(ExpiryAlerts::due({k}, kNow)).size(), 1);
        // Extended by 20 days: 25 days left, a new "30 days" alert for the new date.
        k.expiresAtMs = *k.expiresAtMs + 20 * kDayMs;
        const auto extended = shown.takeNew(ExpiryAlerts::due({k}, kNow));
        QCOMPARE(extended.size(), 1);
        QCOMPARE(extended[0].threshold, 30);
        QCOMPARE(extended[0].dueAtMs, *k.expiresAtMs);
    }

    void graceEndAndUsage()
    {
        ApiKey k = key(3, std::nullopt);
        KeySecret previous;
        previous.id = 99;
        previous.retiresAtMs = kNow + 12 * kHourMs;
        k.secrets.append(previous);
        KeySecret retired;
        retired.id = 98;
        retired.retiresAtMs = kNow - kHourMs; // over: no alert
        k.secrets.append(retired);
        k.usageLimit = 1000;
        k.usageCount = 899;
        QVector<ExpiryAlert> alerts = ExpiryAlerts::due({k}, kNow);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].kind, ExpiryAlert::Kind::GraceEnds);
        QCOMPARE(alerts[0].threshold, 1);
        QCOMPARE(alerts[0].dueAtMs, kNow + 12 * kHourMs);

        k.usageCount = 900; // exactly 90 %
        alerts = ExpiryAlerts::due({k}, kNow);
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts[1].kind, ExpiryAlert::Kind::UsageSpent);
        QCOMPARE(alerts[1].used, 900);
        QCOMPARE(alerts[1].limit, 1000);
        // A raised limit is a new alert once it is 90 % spent again.
        ShownAlerts shown;
        QCOMPARE(shown.takeNew(alerts).size(), 2);
        k.usageLimit = 2000;
        k.usageCount = 1900;
        const QStringList tags = tagsOf(shown.takeNew(ExpiryAlerts::due({k}, kNow)));
        QCOMPARE(tags, QStringList {QStringLiteral("usage/3/2000/90")});
    }

    void noticesSayNothingSecret()
    {
        ApiKey k = key(5, 6 * kDayMs);
        k.name = QStringLiteral("Payments <b>\"x\"</b>");
        const ExpiryAlert alert = ExpiryAlerts::due({k}, kNow).constFirst();
        const QString title = ExpiryAlerts::title(alert);
        const QString body = ExpiryAlerts::body(alert, QStringLiteral("team.keyward"));
        QVERIFY2(title.contains(k.name), qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("7 day")),
                 qPrintable(title)); // no translator here: "day(s)"
        QVERIFY(title.contains(QStringLiteral("Production")));
        QVERIFY(body.contains(QStringLiteral("team.keyward")));
        QVERIFY(!title.contains(QStringLiteral("SECRETHINT")));
        QVERIFY(!body.contains(QStringLiteral("SECRETHINT")));
    }
};

int runExpiryAlertsTests(int argc, char **argv)
{
    TestExpiryAlerts test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_expiry_alerts.moc"
