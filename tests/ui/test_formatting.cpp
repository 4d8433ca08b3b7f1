// Times and roles as people read them: relative times round to the nearest unit, a chosen
// expiry day is shown as that day, and a key's role is described as what the key may do.
#include "core/Clock.h"
#include "core/ExpiryPolicy.h"
#include "core/GrantCatalogue.h"
#include "ui/Formatting.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QtTest>

using namespace Keyward;

namespace {

// Keyward ships no English catalogue yet, so plurals read "3 day(s)"; compare the number and
// the unit whichever way the plural is spelled.
QString stem(QString text)
{
    static const QRegularExpression plural(
        QStringLiteral("\\b(minute|hour|day|month|year)(s|\\(s\\))?(?=\\W|$)"));
    return text.replace(plural, QStringLiteral("\\1"));
}

} // namespace

class TestFormatting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void relativeTimeRounds_data();
    void relativeTimeRounds();
    void freshKeyReadsItsFullTerm_data();
    void freshKeyReadsItsFullTerm();
    void chosenExpiryDayIsShownAsThatDay();
    void keyRoleDescribesTheKey();
};

void TestFormatting::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestFormatting::relativeTimeRounds_data()
{
    QTest::addColumn<qint64>("deltaMs");
    QTest::addColumn<QString>("expected");
    const qint64 s = kSecondMs;
    QTest::newRow("30 s") << 30 * s << QStringLiteral("just now");
    QTest::newRow("90 s") << 90 * s << QStringLiteral("in 2 minutes");
    QTest::newRow("89 s") << 89 * s << QStringLiteral("in 1 minute");
    QTest::newRow("59.5 min") << 59 * kMinuteMs + 30 * s << QStringLiteral("in 1 hour");
    QTest::newRow("23 h 59 min") << kDayMs - kMinuteMs << QStringLiteral("in 1 day");
    QTest::newRow("23 h 29 min") << 23 * kHourMs + 29 * kMinuteMs << QStringLiteral("in 23 hours");
    QTest::newRow("2 d 13 h") << 2 * kDayMs + 13 * kHourMs << QStringLiteral("in 3 days");
    QTest::newRow("2 d 11 h") << 2 * kDayMs + 11 * kHourMs << QStringLiteral("in 2 days");
    QTest::newRow("59 d 13 h") << 59 * kDayMs + 13 * kHourMs << QStringLiteral("in 2 months");
    QTest::newRow("364 d") << 364 * kDayMs << QStringLiteral("in 12 months");
    QTest::newRow("729 d") << 729 * kDayMs << QStringLiteral("in 2 years");
    QTest::newRow("past 2 d 13 h") << -(2 * kDayMs + 13 * kHourMs) << QStringLiteral("3 days ago");
    QTest::newRow("past 89 d 23 h") << -(90 * kDayMs - kHourMs) << QStringLiteral("3 months ago");
}

void TestFormatting::relativeTimeRounds()
{
    QFETCH(qint64, deltaMs);
    QFETCH(QString, expected);
    ManualClock clock;
    QCOMPARE(stem(Formatting::relativeTime(clock.nowMs() + deltaMs, clock.nowMs())),
             stem(expected));
}

void TestFormatting::freshKeyReadsItsFullTerm_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("expected");
    QTest::newRow("3 days") << 3 << QStringLiteral("in 3 days");
    QTest::newRow("7 days") << 7 << QStringLiteral("in 7 days");
    QTest::newRow("30 days") << 30 << QStringLiteral("in 30 days");
    QTest::newRow("90 days") << 90 << QStringLiteral("in 3 months");
    QTest::newRow("180 days") << 180 << QStringLiteral("in 6 months");
    QTest::newRow("365 days") << 365 << QStringLiteral("in 12 months");
}

// Right after creation the window's clock has moved on a little: the term still reads whole.
void TestFormatting::freshKeyReadsItsFullTerm()
{
    QFETCH(int, days);
    QFETCH(QString, expected);
    ManualClock clock;
    const std::optional<qint64> expires = ExpiryPolicy::days(days).expiresAtMs(clock.nowMs());
    QVERIFY(expires);
    clock.advanceMs(2 * kSecondMs);
    QCOMPARE(stem(Formatting::relativeTime(*expires, clock.nowMs())), stem(expected));
    clock.advanceMs(5 * kMinuteMs);
    QCOMPARE(stem(Formatting::relativeTime(*expires, clock.nowMs())), stem(expected));
}

void TestFormatting::chosenExpiryDayIsShownAsThatDay()
{
    const QDate chosen(2027, 3, 3);
    const std::optional<qint64> expires =
        ExpiryPolicy::onDate(chosen).expiresAtMs(0, Qt::LocalTime);
    QVERIFY(expires);
    // Stored as the first instant of the next day, so the key works through all of 3 Mar …
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(*expires).toLocalTime(),
             QDateTime(chosen.addDays(1), QTime(0, 0), Qt::LocalTime));
    // … and shown as the day that was chosen.
    QCOMPARE(
        Formatting::absoluteTime(*expires),
        QStringLiteral("%1, end of day").arg(QLocale().toString(chosen, QLocale::ShortFormat)));
    // Any other time is shown as it is.
    const qint64 noon = QDateTime(chosen, QTime(12, 30), Qt::LocalTime).toMSecsSinceEpoch();
    QVERIFY(!Formatting::absoluteTime(noon).contains(QLatin1String("end of day")));
}

void TestFormatting::keyRoleDescribesTheKey()
{
    const GrantCatalogue catalogue = GrantCatalogue::defaults();
    for (Role role : {Role::Viewer, Role::Developer, Role::Admin, Role::Owner}) {
        const QString text = Formatting::keyRoleDescription(role, catalogue);
        QVERIFY2(text != Formatting::roleDescription(role), qPrintable(text));
        for (const QString &grant : catalogue.roleGrants(role))
            QVERIFY2(text.contains(catalogue.label(grant)), qPrintable(text));
    }
    // A Viewer key cannot manage licenses, whatever a Viewer member may read.
    QVERIFY(!Formatting::keyRoleDescription(Role::Viewer, catalogue)
                 .contains(catalogue.label(QStringLiteral("licenses:manage"))));
}

QTEST_MAIN(TestFormatting)
#include "test_formatting.moc"
