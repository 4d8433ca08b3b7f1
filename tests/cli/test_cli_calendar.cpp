// keywardctl's expiry view for cron jobs and calendars (issue 16 §1): `key list --expiring` and
// `key calendar`, whose .ics file is read back with a real iCalendar parser (Debian's
// python3-icalendar), not by string comparison.
#include "CliRunner.h"
#include "ICalendarReader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Commas, semicolons and backslashes are TEXT's special characters in RFC 5545.
const QString kHostileName = QStringLiteral("ops, nightly; \\ backup \"ü\"");

} // namespace

class TestCliCalendar : public QObject
{
    Q_OBJECT

private:
    QJsonObject createKey(const QString &name, const char *env, const char *expires)
    {
        const CliRunner::Run run = m_cli->run(QStringList {
            QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("create"),
            QStringLiteral("--env"), QString::fromLatin1(env), QStringLiteral("--role"),
            QStringLiteral("developer"), QStringLiteral("--name"), name, QStringLiteral("--grant"),
            QStringLiteral("licenses:read"), QStringLiteral("--expires"),
            QString::fromLatin1(expires)});
        if (run.exitCode != 0)
            qWarning("%s", run.describe().constData());
        return run.json();
    }
    qint64 expiresAtSeconds(qint64 id)
    {
        const CliRunner::Run run = m_cli->run({QStringLiteral("--json"), QStringLiteral("key"),
                                               QStringLiteral("show"), QString::number(id)});
        const QString at = run.json().value(QStringLiteral("expires_at")).toString();
        return QDateTime::fromString(at, Qt::ISODateWithMs).toSecsSinceEpoch();
    }
    QList<qint64> ids(const CliRunner::Run &run)
    {
        QList<qint64> result;
        for (const QJsonObject &key : run.jsonLines())
            result.append(key.value(QStringLiteral("id")).toInteger());
        return result;
    }

    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;
    qint64 m_soon = 0, m_later = 0, m_rotated = 0;
    QByteArray m_soonToken;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_cli = CliRunner::ownerOfNewVault(m_home.path());
        QVERIFY(m_cli);
        const QJsonObject soon = createKey(kHostileName, "live", "10d");
        m_soon = soon.value(QStringLiteral("id")).toInteger();
        m_soonToken = soon.value(QStringLiteral("token")).toString().toUtf8();
        m_later = createKey(QStringLiteral("billing"), "dev", "45d")
                      .value(QStringLiteral("id"))
                      .toInteger();
        QVERIFY(
            createKey(QStringLiteral("forever"), "dev", "never").contains(QStringLiteral("id")));
        const qint64 gone =
            createKey(QStringLiteral("gone"), "dev", "7d").value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_cli
                     ->run({QStringLiteral("key"), QStringLiteral("revoke"), QString::number(gone),
                            QStringLiteral("--yes")})
                     .exitCode,
                 0);
        m_rotated = createKey(QStringLiteral("rotated"), "dev", "20d")
                        .value(QStringLiteral("id"))
                        .toInteger();
        const CliRunner::Run regenerated = m_cli->run(
            {QStringLiteral("key"), QStringLiteral("regenerate"), QString::number(m_rotated),
             QStringLiteral("--grace"), QStringLiteral("3d")});
        QVERIFY2(regenerated.exitCode == 0, regenerated.describe().constData());
        QVERIFY(m_soon > 0 && m_later > 0 && m_rotated > 0);
    }

    // For cron: the keys that expire within the span, soonest first; nothing at all (and
    // success) when none do.
    void listExpiringIsForCron()
    {
        const CliRunner::Run month =
            m_cli->run(CliRunner::args({"--json", "key", "list", "--expiring", "30d"}));
        QVERIFY2(month.exitCode == 0, month.describe().constData());
        QCOMPARE(ids(month), (QList<qint64> {m_soon, m_rotated}));
        const CliRunner::Run quarter =
            m_cli->run(CliRunner::args({"key", "list", "--expiring", "90d"}));
        QVERIFY(quarter.out.contains("billing"));
        QVERIFY(!quarter.out.contains("forever") && !quarter.out.contains("gone"));
        const CliRunner::Run none =
            m_cli->run(CliRunner::args({"key", "list", "--expiring", "12h"}));
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.isEmpty() && none.err.isEmpty(), none.describe().constData());
        for (const char *bad : {"soon", "0", "-3d", "30"}) {
            const CliRunner::Run refused =
                m_cli->run({QStringLiteral("key"), QStringLiteral("list"),
                            QStringLiteral("--expiring"), QString::fromLatin1(bad)});
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.errText().contains(QStringLiteral("time span")),
                     refused.describe().constData());
        }
    }

    void calendarReadsBackInARealParser()
    {
        const QString path = m_home.filePath(QStringLiteral("keys.ics"));
        const CliRunner::Run written = m_cli->run(
            {QStringLiteral("key"), QStringLiteral("calendar"), QStringLiteral("--out"), path});
        QVERIFY2(written.exitCode == 0, written.describe().constData());
        QVERIFY2(written.errText().contains(QStringLiteral("4 event")),
                 written.describe().constData());

        const Keyward::Testing::ICalendarRead read = Keyward::Testing::readICalendar(path);
        QVERIFY2(read.error.isEmpty(), read.error.constData());
        const QJsonArray &events = read.events;
        QCOMPARE(events.size(), 4);
        QHash<QString, QJsonObject> bySummary;
        for (const QJsonValue &event : events)
            bySummary.insert(event[QStringLiteral("summary")].toString(), event.toObject());

        // The hostile name comes back exactly, and the event is at the key's expiry.
        const QString soonSummary =
            QStringLiteral("API key \"%1\" (Production) expires").arg(kHostileName);
        QVERIFY2(bySummary.contains(soonSummary), qPrintable(bySummary.keys().join(u'|')));
        const QJsonObject soon = bySummary.value(soonSummary);
        QCOMPARE(soon[QStringLiteral("start")].toInteger(), expiresAtSeconds(m_soon));
        QCOMPARE(soon[QStringLiteral("reminders_days")].toArray(), (QJsonArray {1, 7}));
        const QJsonObject later =
            bySummary.value(QStringLiteral("API key \"billing\" (Development) expires"));
        QCOMPARE(later[QStringLiteral("start")].toInteger(), expiresAtSeconds(m_later));
        QCOMPARE(later[QStringLiteral("reminders_days")].toArray(), (QJsonArray {1, 7, 14, 30}));
        QVERIFY(bySummary.contains(QStringLiteral("API key \"rotated\" (Development) expires")));
        const QString grace =
            QStringLiteral("Previous secret of API key \"rotated\" (Development) stops working");
        QVERIFY(bySummary.contains(grace));
        const qint64 graceEnd = bySummary.value(grace)[QStringLiteral("start")].toInteger();
        const qint64 inThreeDays = QDateTime::currentSecsSinceEpoch() + 3 * 24 * 3600;
        QVERIFY(qAbs(graceEnd - inThreeDays) < 600);
        // UIDs stay the same when the file is made again, so a calendar updates its events.
        QSet<QString> uids;
        for (const QJsonValue &event : events)
            uids.insert(event[QStringLiteral("uid")].toString());
        QCOMPARE(uids.size(), 4);
        const CliRunner::Run again = m_cli->run(CliRunner::args({"key", "calendar"}));
        QCOMPARE(again.exitCode, 0);
        for (const QString &uid : uids)
            QVERIFY2(again.out.contains(uid.toUtf8()), qPrintable(uid));
        // Metadata only: the hint, never the token.
        QVERIFY(m_soonToken.size() > 40);
        QVERIFY(!again.out.contains(m_soonToken.mid(8, 20)));
        QVERIFY(again.out.contains(m_soonToken.left(11)));
    }

    void unwritableFileIsAClearError()
    {
        const QString path = m_home.filePath(QStringLiteral("no/such/folder/keys.ics"));
        const CliRunner::Run run = m_cli->run(
            {QStringLiteral("key"), QStringLiteral("calendar"), QStringLiteral("--out"), path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(path), run.describe().constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCalendar)
#include "test_cli_calendar.moc"
