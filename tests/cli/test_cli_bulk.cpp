// `keywardctl key bulk` and `key export` (issue 16 §3) as scripts use them: the built binary,
// a real vault, exit codes, JSON, ids on stdin, and exports read back by real parsers.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kBobPassphrase = QStringLiteral("bob's long passphrase");

QJsonArray ids(std::initializer_list<qint64> list)
{
    QJsonArray array;
    for (qint64 id : list)
        array.append(double(id));
    return array;
}

} // namespace

class TestCliBulk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;

    struct Created
    {
        qint64 id = 0;
        QString token;
    };
    Created createKey(const QString &name, const char *env = "dev",
                      const QHash<QString, QString> &as = {})
    {
        const CliRunner::Run run = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("create"),
             QStringLiteral("--name"), name, QStringLiteral("--env"), QString::fromLatin1(env),
             QStringLiteral("--role"), QStringLiteral("developer")},
            {}, as);
        if (run.exitCode != 0)
            qWarning("%s", run.describe().constData());
        return {run.json().value(QStringLiteral("id")).toInteger(),
                run.json().value(QStringLiteral("token")).toString()};
    }
    QString status(qint64 id)
    {
        const CliRunner::Run run = m_cli->run({QStringLiteral("--json"), QStringLiteral("key"),
                                               QStringLiteral("show"), QString::number(id)});
        return run.json().value(QStringLiteral("status")).toString();
    }
    CliRunner::Run bulk(const QStringList &arguments, const QByteArray &input = {})
    {
        return m_cli->run(
            QStringList {QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("bulk")}
                + arguments,
            input);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_cli = CliRunner::ownerOfNewVault(m_home.path());
        QVERIFY(m_cli);
    }

    // Production keys are not stopped by a script that did not say --yes; nothing changes.
    void productionNeedsYesAndNothingChangesWithout()
    {
        const qint64 live = createKey(QStringLiteral("live one"), "live").id;
        const qint64 dev = createKey(QStringLiteral("dev one")).id;
        const QStringList both {QStringLiteral("revoke"), QString::number(live),
                                QString::number(dev)};
        CliRunner::Run run = bulk(both);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("--yes")), run.describe().constData());
        QCOMPARE(status(live), QStringLiteral("active"));
        QCOMPARE(status(dev), QStringLiteral("active"));
        run = bulk(both + QStringList {QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("action")).toString(), QStringLiteral("revoke"));
        QCOMPARE(run.json().value(QStringLiteral("changed")).toArray(), ids({live, dev}));
        QCOMPARE(status(live), QStringLiteral("revoked"));
        QCOMPARE(status(dev), QStringLiteral("revoked"));
        // Again: both were done already, which is no error.
        run = bulk(both);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("unchanged")).toArray(), ids({live, dev}));
    }

    void idsFromStdinAndBadIds()
    {
        const qint64 a = createKey(QStringLiteral("stdin a")).id;
        const qint64 b = createKey(QStringLiteral("stdin b")).id;
        CliRunner::Run run = bulk({QStringLiteral("deactivate"), QStringLiteral("--stdin")},
                                  QStringLiteral("%1,\n%2 %1\n").arg(a).arg(b).toUtf8());
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("changed")).toArray(), ids({a, b}));
        QCOMPARE(status(a), QStringLiteral("inactive"));
        // An unknown id: nothing at all changes (a typo must not half-run a cleanup).
        run = bulk({QStringLiteral("activate"), QString::number(a), QStringLiteral("99999")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(status(a), QStringLiteral("inactive"));
        for (const char *bad : {"7x", "-3", "0", "'; DROP TABLE api_keys; --"}) {
            run = bulk({QStringLiteral("activate"), QString::fromUtf8(bad)});
            QCOMPARE(run.exitCode, 2);
        }
        QCOMPARE(bulk({QStringLiteral("activate")}).exitCode, 2);
        QCOMPARE(bulk({QStringLiteral("explode"), QString::number(a)}).exitCode, 2);
        QCOMPARE(bulk({QStringLiteral("shorten-expiry"), QString::number(a)}).exitCode, 2);
        QCOMPARE(bulk({QStringLiteral("revoke"), QString::number(a), QStringLiteral("--expires"),
                       QStringLiteral("7d")})
                     .exitCode,
                 2);
        // "never" shortens nothing; an unreadable expiry is a usage error naming it.
        run = bulk({QStringLiteral("shorten-expiry"), QString::number(a),
                    QStringLiteral("--expires"), QStringLiteral("never")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("needs a date, not"), run.err.constData());
        run = bulk({QStringLiteral("shorten-expiry"), QString::number(a),
                    QStringLiteral("--expires"), QStringLiteral("soonish")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("Cannot read the expiry") && run.err.contains("soonish"),
                 run.err.constData());
        // A date in the past is refused as a whole.
        run = bulk({QStringLiteral("shorten-expiry"), QString::number(a),
                    QStringLiteral("--expires"), QStringLiteral("2020-01-01")});
        QCOMPARE(run.exitCode, 1);
    }

    // A Developer's bulk change goes through for their own keys and lists the others.
    void refusedKeysAreListedWhileOthersGoThrough()
    {
        const CliRunner::Run added =
            m_cli->run(CliRunner::args({"member", "add", "bob", "--role", "developer"}), {},
                       {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kBobPassphrase}});
        QVERIFY2(added.exitCode == 0, added.describe().constData());
        const QHash<QString, QString> asBob {
            {QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("bob")},
            {QStringLiteral("KEYWARD_PASSPHRASE"), kBobPassphrase}};
        const qint64 bobs = createKey(QStringLiteral("bob's"), "dev", asBob).id;
        const qint64 alices = createKey(QStringLiteral("alice's")).id;
        const CliRunner::Run run =
            m_cli->run({QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("bulk"),
                        QStringLiteral("shorten-expiry"), QString::number(bobs),
                        QString::number(alices), QStringLiteral("--expires"), QStringLiteral("3d")},
                       {}, asBob);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("changed")).toArray(), ids({bobs}));
        const QJsonArray refused = run.json().value(QStringLiteral("refused")).toArray();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused[0].toObject().value(QStringLiteral("id")).toInteger(), alices);
        QCOMPARE(refused[0].toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("alice's"));
        QVERIFY(!refused[0].toObject().value(QStringLiteral("reason")).toString().isEmpty());
    }

    // Names are anyone's text: the CSV must read back exactly through Python's csv module,
    // formulas must not run in a spreadsheet, and no secret may be in either export.
    void exportsReadBackAndHoldNoSecret()
    {
        const QStringList hostile {
            QStringLiteral("comma, \"quoted\""),
            QStringLiteral("=HYPERLINK(\"http://evil\",\"x\")"),
            QStringLiteral("+cmd|' /C calc'!A0"),
            QStringLiteral("@SUM(1+1)"),
            QStringLiteral("Grüße ✓"),
        };
        QList<Created> created;
        QStringList idArgs;
        for (const QString &name : hostile) {
            created.append(createKey(name));
            QVERIFY(created.constLast().id > 0);
            QVERIFY(!created.constLast().token.isEmpty());
            idArgs.append(QString::number(created.constLast().id));
        }
        // Notes may hold line breaks, commas and quotes.
        const QString notes = QStringLiteral("first line, \"quoted\"\nsecond line");
        QCOMPARE(m_cli
                     ->run({QStringLiteral("key"), QStringLiteral("edit"), idArgs.constFirst(),
                            QStringLiteral("--notes"), notes})
                     .exitCode,
                 0);
        const QString csvPath = m_home.filePath(QStringLiteral("keys.csv"));
        CliRunner::Run run =
            m_cli->run(QStringList {QStringLiteral("key"), QStringLiteral("export"),
                                    QStringLiteral("--out"), csvPath}
                       + idArgs);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QFile csvFile(csvPath);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csv = csvFile.readAll();
        QProcess python;
        python.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import csv, json, sys\n"
                            "rows = list(csv.DictReader(open(sys.argv[1], "
                            "newline='', encoding='utf-8')))\n"
                            "print(json.dumps([[r['name'], r['notes']] for r in rows]))\n"),
             csvPath});
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonArray names = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
        QCOMPARE(names.size(), hostile.size());
        for (int i = 0; i < hostile.size(); ++i) {
            const QString expected = QStringLiteral("=@+-").contains(hostile[i].front())
                ? QLatin1Char('\'') + hostile[i]
                : hostile[i];
            QCOMPARE(names[i].toArray()[0].toString(), expected);
            QCOMPARE(names[i].toArray()[1].toString(), i == 0 ? notes : QString());
        }

        run = m_cli->run(QStringList {QStringLiteral("key"), QStringLiteral("export"),
                                      QStringLiteral("--format"), QStringLiteral("json")}
                         + idArgs);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonArray keys =
            QJsonDocument::fromJson(run.out).object().value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), hostile.size());
        for (int i = 0; i < hostile.size(); ++i)
            QCOMPARE(keys[i].toObject().value(QStringLiteral("name")).toString(), hostile[i]);
        for (const Created &key : std::as_const(created)) {
            QVERIFY(!csv.contains(key.token.toUtf8()));
            QVERIFY(!run.out.contains(key.token.toUtf8()));
        }
        QCOMPARE(m_cli->run(CliRunner::args({"key", "export", "--format", "xml"})).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliBulk)
#include "test_cli_bulk.moc"
