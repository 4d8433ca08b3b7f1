// The .ics calendar of key expiries: which moments become events, reminders only ahead, and
// RFC 5545's escaping and line folding against hostile and long names. tests/cli's
// test_cli_calendar reads keywardctl's file with a real iCalendar parser.
#include "CoreTestSupport.h"

#include "core/Clock.h"
#include "core/ExpiryCalendar.h"

#include <QTest>

using namespace Keyward;

namespace {

const qint64 kNow = ManualClock().nowMs();

ApiKey keyExpiringIn(qint64 id, const QString &name, std::optional<qint64> inMs,
                     KeyState state = KeyState::Active)
{
    ApiKey key;
    key.id = id;
    key.name = name;
    key.state = state;
    key.environment = Environment::Production;
    if (inMs)
        key.expiresAtMs = kNow + *inMs;
    KeySecret secret;
    secret.id = id * 10;
    secret.hint = QStringLiteral("kw_live_abc…yz");
    key.secrets.append(secret);
    return key;
}

// RFC 5545 §3.1: unfold by removing every CRLF followed by one space.
QByteArray unfolded(const QByteArray &text)
{
    QByteArray result = text;
    result.replace("\r\n ", "");
    return result;
}

} // namespace

class TestExpiryCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyMomentsStillAheadBecomeEvents()
    {
        QVector<ApiKey> keys {
            keyExpiringIn(1, QStringLiteral("in ten days"), 10 * kDayMs),
            keyExpiringIn(2, QStringLiteral("never"), std::nullopt),
            keyExpiringIn(3, QStringLiteral("expired"), -kDayMs),
            keyExpiringIn(4, QStringLiteral("revoked"), 5 * kDayMs, KeyState::Revoked),
            keyExpiringIn(5, QStringLiteral("in a year"), 365 * kDayMs)};
        // A regenerated key: its previous secret's grace period ends in two days.
        KeySecret previous;
        previous.id = 99;
        previous.hint = QStringLiteral("kw_live_old…ld");
        previous.retiresAtMs = kNow + 2 * kDayMs;
        keys[1].secrets.append(previous);
        const ExpiryCalendar::File file =
            ExpiryCalendar::build(keys, kNow, QStringLiteral("ops"), QStringLiteral("fp"));
        QCOMPARE(file.events, 3);
        const QByteArray ics = unfolded(file.ics);
        QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        QVERIFY(ics.endsWith("END:VCALENDAR\r\n"));
        QCOMPARE(ics.count("BEGIN:VEVENT"), 3);
        QVERIFY(ics.contains("UID:key-1-expires-"));
        QVERIFY(ics.contains("UID:key-5-expires-"));
        QVERIFY(ics.contains("UID:key-2-secret-99-retires@fp"));
        QVERIFY(!ics.contains("\"expired\""));
        QVERIFY(!ics.contains("\"revoked\""));
        // Ten days ahead: the 7- and 1-day reminders, not the 30- and 14-day ones (they would
        // fire at once). A year ahead: all four. The grace period: a day and an hour before.
        QCOMPARE(ics.count("TRIGGER:-P30D"), 1);
        QCOMPARE(ics.count("TRIGGER:-P14D"), 1);
        QCOMPARE(ics.count("TRIGGER:-P7D"), 2);
        QCOMPARE(ics.count("TRIGGER:-P1D"), 3);
        QCOMPARE(ics.count("TRIGGER:-PT1H"), 1);
        // Never a secret: only the hints the table shows.
        QVERIFY(ics.contains("kw_live_old…ld"));
    }

    void hostileTextCannotStartAPropertyOfItsOwn()
    {
        QCOMPARE(ExpiryCalendar::escapeText(QStringLiteral("a,b;c\\d")),
                 QStringLiteral("a\\,b\\;c\\\\d"));
        QCOMPARE(ExpiryCalendar::escapeText(QStringLiteral("x\r\nBEGIN:VALARM\ny\rz")),
                 QStringLiteral("x\\nBEGIN:VALARM\\ny\\nz"));
        QCOMPARE(ExpiryCalendar::escapeText(QStringLiteral("bell\x07tab\tdel\x7f")),
                 QStringLiteral("belltabdel"));
        const ApiKey key =
            keyExpiringIn(7, QStringLiteral("evil\r\nEND:VEVENT\r\nBEGIN:VTODO"), 3 * kDayMs);
        const QByteArray ics =
            ExpiryCalendar::build({key}, kNow, QStringLiteral("v"), QStringLiteral("d")).ics;
        QCOMPARE(ics.count("\r\nEND:VEVENT\r\n"), 1);
        QVERIFY(!ics.contains("\r\nBEGIN:VTODO"));
        // Every line ends in CRLF: no bare line feed or carriage return anywhere.
        QByteArray withoutCrlf = ics;
        withoutCrlf.replace("\r\n", "");
        QVERIFY(!withoutCrlf.contains('\n'));
        QVERIFY(!withoutCrlf.contains('\r'));
    }

    void longLinesAreFoldedBetweenCharacters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << QString(300, QLatin1Char('a'));
        QTest::newRow("two-byte") << QString(200, QChar(0x00fc));
        QTest::newRow("three-byte") << QString(150, QChar(0x20ac));
        QTest::newRow("four-byte") << QString::fromUtf8(
            QByteArray("\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91"
                       "\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91"
                       "\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91"
                       "\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91"
                       "\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91"));
        QTest::newRow("mixed") << QStringLiteral("Schlüssel für € und 🔑 ").repeated(12);
    }
    void longLinesAreFoldedBetweenCharacters()
    {
        QFETCH(QString, text);
        const QByteArray line = "SUMMARY:" + text.toUtf8();
        const QByteArray folded = ExpiryCalendar::foldLine(line);
        QVERIFY(folded.endsWith("\r\n"));
        const QList<QByteArray> physical = folded.chopped(2).split('\n');
        QVERIFY(physical.size() > 1);
        for (QByteArray part : physical) {
            if (part.endsWith('\r'))
                part.chop(1);
            QVERIFY2(part.size() <= 75, part.constData());
            // Each physical line is valid UTF-8 on its own (no sequence cut in two).
            const QByteArray withoutSpace = part.startsWith(' ') ? part.mid(1) : part;
            QCOMPARE(QString::fromUtf8(withoutSpace).toUtf8(), withoutSpace);
        }
        QCOMPARE(unfolded(folded), line + "\r\n");
        // Short lines stay as they are.
        QCOMPARE(ExpiryCalendar::foldLine("VERSION:2.0"), QByteArray("VERSION:2.0\r\n"));
        QCOMPARE(ExpiryCalendar::foldLine(QByteArray(75, 'x')), QByteArray(75, 'x') + "\r\n");
    }
};

int runExpiryCalendarTests(int argc, char **argv)
{
    TestExpiryCalendar test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_expiry_calendar.moc"
