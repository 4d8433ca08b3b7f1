// keywardctl check-format: finds keys by their CRC32 check in text of any kind, offline, and
// never prints one. The built binary; keys from a real vault file and from KeyToken::generate.
#include "CliRunner.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Keyward;

namespace {

const QString kOwnerPassphrase = QStringLiteral("correct horse battery");
const QRegularExpression kTokenLine(QStringLiteral("^(kw_(live|stg|dev)_[0-9A-Za-z]{49})\\n$"));
const QString kBase62 =
    QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result.append(QString::fromUtf8(item));
    return result;
}

QString hintOf(const QString &token)
{
    const QByteArray bytes = token.toUtf8();
    return KeyToken::hint(SecretString(bytes.constData(), std::size_t(bytes.size())));
}

QString generated(const char *prefix, Environment env)
{
    const SecretString token = KeyToken::generate(QString::fromLatin1(prefix), env);
    return QString::fromLatin1(token.data(), qsizetype(token.size()));
}

// The same key with one character at `index` (negative: from the end) replaced by another of
// the alphabet.
QString changedAt(const QString &key, int index)
{
    const int at = index < 0 ? int(key.size()) + index : index;
    QString changed = key;
    const int digit = int(kBase62.indexOf(key.at(at)));
    changed[at] = kBase62.at((digit + 1) % 62);
    return changed;
}

// No 12 consecutive characters of the key's secret part may appear in what keywardctl printed.
bool leaksSecret(const QByteArray &printed, const QString &key)
{
    const QByteArray tail = key.toLatin1().mid(key.lastIndexOf(QLatin1Char('_')) + 1);
    for (int i = 0; i + 12 <= tail.size(); ++i) {
        if (printed.contains(tail.mid(i, 12)))
            return true;
    }
    return false;
}

} // namespace

class TestCliCheckFormat : public QObject
{
    Q_OBJECT

private:
    QString createKey(const char *env)
    {
        const CliRunner::Run run =
            m_cli->run(args({"key", "create", "--role", "developer", "--grant", "licenses:read",
                             "--name", "k", "--env", env}));
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        if (run.exitCode != 0 || !match.hasMatch()) {
            qWarning("%s", run.describe().constData());
            return {};
        }
        return match.captured(1);
    }

    CliRunner::Run check(const QByteArray &input, const QStringList &extra = {})
    {
        return m_cli->run(QStringList {QStringLiteral("check-format")} + extra, input);
    }

    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;
    QString m_live; // from the vault: what a leak looks like
    QString m_dev;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_cli = std::make_unique<CliRunner>(m_home.path());
        m_cli->setEnvironment(QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPassphrase);
        m_cli->setEnvironment(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        const CliRunner::Run run = m_cli->run(args({"init", "--owner", "alice"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        m_live = createKey("live");
        m_dev = createKey("dev");
        QVERIFY(!m_live.isEmpty() && !m_dev.isEmpty());
    }

    void listedInHelp()
    {
        CliRunner::Run run = m_cli->run(args({"--help"}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("\n  check-format "));
        run = m_cli->run(args({"check-format", "--help"}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("--prefix PREFIX") && run.out.contains("Exit 0"),
                 run.describe().constData());
    }

    void nothingFoundExitsZero()
    {
        const CliRunner::Run run =
            check("hello\nkw_live_\nkw_live_abc\nthe kw_ prefix\nPLACEHOLDER kw_live_...\n");
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QCOMPARE(check({}).exitCode, 0); // empty input
    }

    void keyFoundExitsOneWithHintOnly()
    {
        const QByteArray input = "# config\n\nAPI_KEY=" + m_live.toLatin1() + "\n";
        const CliRunner::Run run = check(input);
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        const QByteArray expected = "-:3:9: " + hintOf(m_live).toUtf8() + ": a Keyward key";
        QVERIFY2(run.out.startsWith(expected), run.describe().constData());
        QVERIFY2(run.err.contains("1 Keyward key"), run.describe().constData());
        QVERIFY(!leaksSecret(run.out + run.err, m_live));
    }

    void jsonOneObjectPerFinding()
    {
        const QByteArray input = "a " + m_live.toLatin1() + " b \"" + m_dev.toLatin1() + "\"\n"
            + changedAt(m_live, -1).toLatin1() + "\n";
        const CliRunner::Run run = check(input, args({"--json"}));
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        const QVector<QJsonObject> found = run.jsonLines();
        QCOMPARE(found.size(), 3);
        const QJsonObject first = found.at(0);
        QCOMPARE(first.value(QStringLiteral("file")).toString(), QStringLiteral("-"));
        QCOMPARE(first.value(QStringLiteral("line")).toInt(), 1);
        QCOMPARE(first.value(QStringLiteral("column")).toInt(), 3);
        QCOMPARE(first.value(QStringLiteral("finding")).toString(), QStringLiteral("key"));
        QCOMPARE(first.value(QStringLiteral("leak")).toBool(), true);
        QCOMPARE(first.value(QStringLiteral("prefix")).toString(), QStringLiteral("kw"));
        QCOMPARE(first.value(QStringLiteral("environment")).toString(), QStringLiteral("live"));
        QCOMPARE(first.value(QStringLiteral("hint")).toString(), hintOf(m_live));
        QCOMPARE(found.at(1).value(QStringLiteral("column")).toInt(), int(m_live.size()) + 7);
        QCOMPARE(found.at(1).value(QStringLiteral("environment")).toString(),
                 QStringLiteral("dev"));
        QCOMPARE(found.at(2).value(QStringLiteral("finding")).toString(),
                 QStringLiteral("checksum_mismatch"));
        QCOMPARE(found.at(2).value(QStringLiteral("leak")).toBool(), false);
        QCOMPARE(found.at(2).value(QStringLiteral("line")).toInt(), 2);
        QVERIFY(run.err.isEmpty()); // stdout holds the findings and nothing else
        QVERIFY(!leaksSecret(run.out, m_live) && !leaksSecret(run.out, m_dev));
    }

    void nearMissesAreNotesNotLeaks()
    {
        const QString live = m_live;
        const QString tail = live.mid(8);
        const QStringList notes {
            changedAt(live, -1), // a check character
            changedAt(live, 12), // a body character: the check no longer matches
            live.left(live.size() - 3), // cut short
            QStringLiteral("kw_prod_") + tail, // an environment keys never have
        };
        const QStringList ignored {
            live + QStringLiteral("x"), // longer: not a key
            QStringLiteral("x") + live, // inside a longer word
            QStringLiteral("MY_") + live,
            live + QStringLiteral("_old"),
            QStringLiteral("kw_live_") + tail.left(10), // too little left to be worth a note
            QStringLiteral("KW_LIVE_") + tail, // keys are lowercase up to the body
            QStringLiteral("ghp_") + tail.left(36), // other vendors
            QStringLiteral("sk_live_") + tail, // same shape, another prefix
            QStringLiteral("xoxb-") + tail.left(20),
            QStringLiteral("kw_live_") + QString(49, QLatin1Char('X')) + QStringLiteral("x"),
        };
        const QByteArray input = (notes + ignored).join(QLatin1Char('\n')).toLatin1() + '\n';
        const CliRunner::Run run = check(input, args({"--json"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QVector<QJsonObject> found = run.jsonLines();
        QCOMPARE(found.size(), notes.size());
        const QStringList kinds {QStringLiteral("checksum_mismatch"),
                                 QStringLiteral("checksum_mismatch"), QStringLiteral("truncated"),
                                 QStringLiteral("unknown_environment")};
        for (int i = 0; i < found.size(); ++i) {
            QCOMPARE(found.at(i).value(QStringLiteral("finding")).toString(), kinds.at(i));
            QCOMPARE(found.at(i).value(QStringLiteral("line")).toInt(), i + 1);
            QCOMPARE(found.at(i).value(QStringLiteral("leak")).toBool(), false);
            QCOMPARE(found.at(i).value(QStringLiteral("hint")).toString(), hintOf(notes.at(i)));
        }
        QVERIFY(!found.at(3).contains(QStringLiteral("environment")));
        QVERIFY(!leaksSecret(run.out + run.err, live));
        // In text, notes say so and do not end in the "found" summary.
        const CliRunner::Run text = check(input);
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out.count(": note: "), qsizetype(notes.size()));
        QVERIFY(text.err.isEmpty());
    }

    void prefixOption()
    {
        const QString acme = generated("acme", Environment::Staging);
        const QByteArray input = acme.toLatin1() + ' ' + m_dev.toLatin1() + '\n';
        CliRunner::Run run = check(input, args({"--json"}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.jsonLines().size(), 1); // only kw by default
        run = check(input, args({"--json", "--prefix", "acme"}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.jsonLines().size(), 1);
        QCOMPARE(run.json().value(QStringLiteral("prefix")).toString(), QStringLiteral("acme"));
        QCOMPARE(run.json().value(QStringLiteral("hint")).toString(), hintOf(acme));
        run = check(input, args({"--json", "--prefix", "acme", "--prefix", "kw"}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.jsonLines().size(), 2);
        run = check(m_dev.toLatin1(), args({"--prefix", "acme"}));
        QVERIFY2(run.exitCode == 0 && run.out.isEmpty(), run.describe().constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("uppercase prefix") << args({"check-format", "--prefix", "KW"});
        QTest::newRow("short prefix") << args({"check-format", "--prefix", "k"});
        QTest::newRow("prefix with underscore") << args({"check-format", "--prefix", "k_w"});
        QTest::newRow("missing prefix value") << args({"check-format", "--prefix"});
        QTest::newRow("unknown option") << args({"check-format", "--fix"});
        QTest::newRow("missing file") << args({"check-format", "/nonexistent/file.txt"});
        QTest::newRow("directory") << args({"check-format", "/"});
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        // A key on stdin does not matter: the command line is wrong, nothing is scanned.
        CliRunner::Run run = m_cli->run(arguments, m_live.toLatin1());
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        run = m_cli->run(QStringList {QStringLiteral("--json")} + arguments, m_live.toLatin1());
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QJsonDocument::fromJson(run.err).object().value(QStringLiteral("code")),
                 QStringLiteral("usage"));
    }

    void filesAndStdin()
    {
        QTemporaryDir dir;
        QFile clean(dir.filePath(QStringLiteral("clean.txt")));
        QVERIFY(clean.open(QIODevice::WriteOnly));
        clean.write("nothing here\n");
        clean.close();
        QFile leaky(dir.filePath(QStringLiteral("leaky.yaml")));
        QVERIFY(leaky.open(QIODevice::WriteOnly));
        // Columns count characters, not bytes: "é" and "€" are one each.
        leaky.write(QStringLiteral("x:\n  é€: %1\n").arg(m_dev).toUtf8());
        leaky.close();
        const CliRunner::Run run =
            m_cli->run(QStringList {QStringLiteral("check-format"), QStringLiteral("--json"),
                                    clean.fileName(), leaky.fileName(), QStringLiteral("-")},
                       m_live.toLatin1());
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        const QVector<QJsonObject> found = run.jsonLines();
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).value(QStringLiteral("file")).toString(), leaky.fileName());
        QCOMPARE(found.at(0).value(QStringLiteral("line")).toInt(), 2);
        QCOMPARE(found.at(0).value(QStringLiteral("column")).toInt(), 7);
        QCOMPARE(found.at(1).value(QStringLiteral("file")).toString(), QStringLiteral("-"));
        // Only the clean file: nothing.
        QCOMPARE(m_cli->run({QStringLiteral("check-format"), clean.fileName()}).exitCode, 0);
    }

    void hostileInput()
    {
        // NULs, broken UTF-8, control characters and CRs around and between keys.
        QByteArray input("\0\xff\xfe kw_live_\x80\x01\r\n", 16);
        input += QByteArray("\0", 1) + m_live.toLatin1() + QByteArray("\0\xc3", 2) + "\r\n";
        input += "\xe2\x82" + m_dev.toLatin1() + "\xa0\n"; // a key between broken sequences
        CliRunner::Run run = check(input, args({"--json"}));
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        QCOMPARE(run.jsonLines().size(), 2);
        QCOMPARE(run.jsonLines().at(0).value(QStringLiteral("line")).toInt(), 2);
        QCOMPARE(run.jsonLines().at(0).value(QStringLiteral("column")).toInt(), 2);

        // Many near-key words: every one judged, none printed in full, quickly.
        QByteArray many;
        const QByteArray fake = changedAt(m_live, -2).toLatin1();
        for (int i = 0; i < 20000; ++i)
            many += fake + (i % 7 == 0 ? "\n" : " ");
        QElapsedTimer timer;
        timer.start();
        run = check(many, args({"--json"}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.jsonLines().size(), 20000);
        QVERIFY(!leaksSecret(run.out, m_live));
        qInfo("20000 near-misses in %lld ms", qint64(timer.elapsed()));
    }

    void longLines()
    {
        // 8 MiB without a newline (a minified bundle), keys at the start, across a read-chunk
        // boundary (64 KiB) and at the very end; an over-long word hides nothing.
        QByteArray line(8 * 1024 * 1024, 'a');
        for (qsizetype i = 100; i < line.size(); i += 1000)
            line[i] = ';';
        const QByteArray key = m_live.toLatin1();
        const qsizetype across = 64 * 1024 - 20;
        line.replace(0, key.size(), key);
        line[key.size()] = ' ';
        line[across - 1] = '"';
        line.replace(across, key.size(), key);
        line[across + key.size()] = '"';
        line.replace(line.size() - key.size(), key.size(), key);
        line[line.size() - key.size() - 1] = '=';
        QElapsedTimer timer;
        timer.start();
        const CliRunner::Run run = check(line, args({"--json"}));
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        const QVector<QJsonObject> found = run.jsonLines();
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).value(QStringLiteral("column")).toInt(), 1);
        QCOMPARE(found.at(1).value(QStringLiteral("column")).toInteger(), across + 1);
        QCOMPARE(found.at(2).value(QStringLiteral("column")).toInteger(),
                 line.size() - key.size() + 1);
        for (const QJsonObject &object : found)
            QCOMPARE(object.value(QStringLiteral("line")).toInt(), 1);
        qInfo("8 MiB line in %lld ms", qint64(timer.elapsed()));
    }
};

QTEST_GUILESS_MAIN(TestCliCheckFormat)
#include "test_cli_check_format.moc"
