// keywardctl verify as a service's pipeline: what its open reads, its JSON lines, its buffering
// with a co-process, and --threads. Runs the built keywardctl as a separate process.
#include "CliRunner.h"
#include "VaultDamage.h"
#include "VerifyTestSupport.h"
#include "crypto/KeyToken.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlError>
#include <QTemporaryFile>
#include <QTest>

using namespace Keyward;
using namespace Keyward::Testing;

class TestVerifyPipeline : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<VaultFixture> m_vault;
    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;

    SqlKeyStore &store() { return *m_vault->store; }
    QStringList args(std::initializer_list<const char *> words) const
    {
        QStringList list {QStringLiteral("--vault"), m_vault->path};
        for (const char *word : words)
            list.append(QString::fromUtf8(word));
        return list;
    }

private Q_SLOTS:
    void init()
    {
        m_vault = std::make_unique<VaultFixture>();
        m_vault->clock.setNowMs(SystemClock::instance().nowMs());
        m_cli = std::make_unique<CliRunner>(m_home.path());
        m_cli->setEnvironment(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        m_cli->setEnvironment(QStringLiteral("KEYWARD_PASSPHRASE"),
                              QString::fromLatin1(kOwnerPassphrase));
    }
    void cleanup()
    {
        m_cli.reset();
        m_vault.reset();
    }

    // verify reads what it looks up, not the whole file (its start-up must not grow with the
    // vault); admin commands and a store opened the default way still check every page.
    void verifyDoesNotReadTheWholeFile()
    {
        const IssuedToken live = issue(store(), QStringLiteral("Live"));
        m_vault->store.reset();
        appendFillerPages(m_vault->path);
        damageLastPages(m_vault->path, 4);

        CliRunner::Run run =
            m_cli->run(args({"--json", "verify", "--env", "live", "-"}), live.token);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("Valid"));

        run = m_cli->run(args({"key", "list"}));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errText().contains(QStringLiteral("damaged")), run.describe().constData());
        QVERIFY(run.out.isEmpty());

        const QByteArray before = fileDigest(m_vault->path);
        QCOMPARE(SqlKeyStore::openVault(m_vault->path, m_vault->clock).code(),
                 ErrorCode::VaultCorrupt);
        QCOMPARE(fileDigest(m_vault->path), before);
        VaultOptions verifierOptions;
        verifierOptions.check = VaultCheck::Header;
        QVERIFY(SqlKeyStore::openVault(m_vault->path, m_vault->clock, verifierOptions));
    }

    // Damage verify does meet, a truncated vault and a file that is no vault: a clean refusal
    // (exit 3, a message on stderr, nothing on stdout), never a crash.
    void verifyRefusesBrokenVaultsCleanly_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("damaged everywhere") << QStringLiteral("damaged");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("not a vault") << QStringLiteral("text");
    }

    void verifyRefusesBrokenVaultsCleanly()
    {
        QFETCH(QString, kind);
        const IssuedToken live = issue(store(), QStringLiteral("Live"));
        for (int i = 0; i < 40; ++i)
            issue(store(), QStringLiteral("Key %1 ").arg(i) + QString(180, QLatin1Char('n')));
        m_vault->store.reset();
        {
            // Everything into the main file, as after a clean close.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kind);
            db.setDatabaseName(m_vault->path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(kind);
        QFile file(m_vault->path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        if (kind == QLatin1String("damaged")) {
            QVERIFY(file.seek(4096));
            file.write(QByteArray(int(size - 4096), '\xA5'));
        } else if (kind == QLatin1String("truncated")) {
            QVERIFY(file.resize(size / 2));
        } else {
            QVERIFY(file.resize(0));
            file.write("name,key\nfoo,bar\n");
        }
        file.close();

        for (const QStringList &arguments :
             {args({"verify", "--env", "live", "-"}), args({"verify", "--stdin", "--env", "live"}),
              args({"--json", "verify", "--stdin", "--env", "live"})}) {
            const CliRunner::Run run = m_cli->run(arguments, live.token + '\n');
            QVERIFY2(!run.crashed, run.describe().constData());
            QVERIFY2(run.exitCode == 3, run.describe().constData());
            QVERIFY2(!run.err.isEmpty(), run.describe().constData());
            QVERIFY(!run.err.contains(live.token));
            // Refused at open, or each line answered "Error" (503): never a verdict on the key.
            QVERIFY2(!run.out.contains("Valid") && !run.out.contains("NotFound"),
                     run.describe().constData());
        }
        const CliRunner::Run run = m_cli->run(args({"key", "list"}));
        QCOMPARE(run.exitCode, 3);
    }

    // A service talking to keywardctl as a co-process: one line in, wait for one answer, next.
    // Output is held back only while more input is ready, so each answer comes without the
    // input being closed.
    void coProcessGetsEachAnswerAtOnce_data()
    {
        QTest::addColumn<bool>("json");
        QTest::addColumn<QString>("threads");
        QTest::newRow("json") << true << QStringLiteral("1");
        QTest::newRow("text") << false << QStringLiteral("1");
        QTest::newRow("json, 3 threads") << true << QStringLiteral("3");
    }

    void coProcessGetsEachAnswerAtOnce()
    {
        QFETCH(bool, json);
        QFETCH(QString, threads);
        const IssuedToken live = issue(store(), QStringLiteral("Live"));
        const IssuedToken revoked = issue(store(), QStringLiteral("Revoked"));
        QVERIFY(store().revokeKey(revoked.key.id, revoked.key.version));

        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(environment);
        QStringList arguments = args({"verify", "--stdin", "--env", "live", "--threads"});
        arguments.append(threads);
        if (json)
            arguments.prepend(QStringLiteral("--json"));
        process.start(QStringLiteral(KEYWARDCTL_PATH), arguments);
        QVERIFY(process.waitForStarted(10000));

        const QList<QPair<QByteArray, QByteArray>> exchanges = {{live.token, "Valid"},
                                                                {revoked.token, "Revoked"},
                                                                {"nonsense", "Malformed"},
                                                                {live.token, "Valid"}};
        for (const auto &[token, outcome] : exchanges) {
            process.write(token + '\n');
            // The answer must come while stdin is still open (30 s: a slow machine, not a wait
            // that passes by timing).
            QByteArray answer;
            while (!answer.endsWith('\n')) {
                if (process.bytesAvailable() == 0 && !process.waitForReadyRead(30000))
                    QFAIL("no answer while the input stays open");
                answer += process.readLine();
            }
            if (json) {
                const QJsonObject object = QJsonDocument::fromJson(answer).object();
                QCOMPARE(object.value(QStringLiteral("outcome")).toString().toUtf8(), outcome);
            } else {
                QVERIFY2(answer.startsWith(outcome), answer.constData());
            }
            QCOMPARE(process.bytesAvailable(), qint64(0)); // one answer per line, no more
        }
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1); // one line was refused
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }

    // --threads 4 answers exactly as --threads 1, line by line in input order; a usage limit
    // still holds exactly across the threads, and every use is recorded.
    void threadsAnswerAsOneThread()
    {
        const IssuedToken live = issue(store(), QStringLiteral("Live"));
        KeyOptions staging;
        staging.environment = Environment::Staging;
        const IssuedToken stg = issue(store(), QStringLiteral("Staging \"quoted\" 🔑"), staging);
        const IssuedToken revoked = issue(store(), QStringLiteral("Revoked"));
        QVERIFY(store().revokeKey(revoked.key.id, revoked.key.version));
        KeyOptions limited;
        limited.usageLimit = 2000; // more than the four runs use: the answers stay Valid
        const IssuedToken metered = issue(store(), QStringLiteral("Metered"), limited);
        const QByteArray unknown =
            bytesOf(KeyToken::generate(QStringLiteral("kw"), Environment::Production));
        QByteArray input;
        int meteredLines = 0;
        for (int i = 0; i < 3000; ++i) {
            switch (i % 8) {
            case 0:
                input += live.token;
                break;
            case 1:
                input += stg.token; // WrongEnvironment
                break;
            case 2:
                input += revoked.token;
                break;
            case 3:
                input += i % 16 == 3 ? QByteArray() : QByteArray("  \t");
                break;
            case 4:
                input += live.token.chopped(3);
                break;
            case 5:
                input += unknown;
                break;
            case 6:
                input += metered.token;
                ++meteredLines;
                break;
            case 7:
                input += "\xff\xfe garbage " + QByteArray::number(i);
                break;
            }
            input += '\n';
        }
        for (const bool json : {true, false}) {
            QStringList one =
                args({"verify", "--stdin", "--env", "live", "--grant", "licenses:read"});
            if (json)
                one.prepend(QStringLiteral("--json"));
            const CliRunner::Run single = m_cli->run(one, input);
            const CliRunner::Run four = m_cli->run(
                one + QStringList {QStringLiteral("--threads"), QStringLiteral("4")}, input);
            QVERIFY2(single.exitCode == 1 && !single.crashed, single.describe().constData());
            QVERIFY2(four.exitCode == 1 && !four.crashed, four.describe().constData());
            // usage_count differs between runs (the count so far); all else is identical.
            QByteArray a = single.out;
            QByteArray b = four.out;
            static const QRegularExpression count(QStringLiteral("\"usage_count\":[0-9]+"));
            a = QString::fromUtf8(a).remove(count).toUtf8();
            b = QString::fromUtf8(b).remove(count).toUtf8();
            QCOMPARE(a.count('\n'), qsizetype(3000));
            const QList<QByteArray> linesA = a.split('\n');
            const QList<QByteArray> linesB = b.split('\n');
            for (qsizetype i = 0; i < linesA.size(); ++i)
                QCOMPARE(linesB.value(i), linesA.at(i));
        }
        // Four runs of the metered key's lines, each use counted once.
        QCOMPARE(store().key(metered.key.id)->usageCount, qint64(4 * meteredLines));

        // The limit holds across threads: exactly the remaining credits are Valid.
        const QByteArray many = QByteArray(metered.token + '\n').repeated(1200);
        const CliRunner::Run run = m_cli->run(
            args({"--json", "verify", "--stdin", "--env", "live", "--threads", "3"}), many);
        const QVector<QJsonObject> objects = run.jsonLines();
        QCOMPARE(objects.size(), 1200);
        int valid = 0;
        for (const QJsonObject &object : objects)
            valid += object.value(QStringLiteral("outcome")).toString() == QLatin1String("Valid");
        QCOMPARE(valid, 2000 - 4 * meteredLines);
        QCOMPARE(store().key(metered.key.id)->usageCount, qint64(2000));
    }

    // From a file, whose size tells how many lines wait, the verifying threads read ranges of
    // their cache's pass themselves (VerifyCommand's PassHelp) instead of looking each key up:
    // the answers are exactly those of the same lines through a pipe, where they do not, and
    // every use is recorded once.
    void aFileOnStdinAnswersAsAPipe()
    {
        QList<IssuedToken> keys;
        for (int i = 0; i < 300; ++i)
            keys.append(issue(store(), QStringLiteral("Key %1 \"q\" \u00e9").arg(i)));
        for (int i = 0; i < 300; i += 50)
            QVERIFY(store().revokeKey(keys[i].key.id, keys[i].key.version));
        QByteArray input;
        int valid = 0;
        quint32 seed = 12345;
        for (int line = 0; line < 12000; ++line) {
            seed = seed * 1103515245u + 12345u;
            const int pick = int((seed >> 8) % 300);
            if (line % 5 == 4) {
                // Mistyped: its last character changed, so its check fails.
                const QByteArray &token = keys[pick].token;
                input += token.chopped(1) + (token.endsWith('a') ? 'b' : 'a');
            } else {
                input += keys[pick].token;
                valid += pick % 50 != 0;
            }
            input += '\n';
        }
        QTemporaryFile file;
        QVERIFY(file.open());
        QCOMPARE(file.write(input), qint64(input.size()));
        QVERIFY(file.flush());
        const QStringList verify = args({"--json", "verify", "--stdin", "--env", "live"});
        const CliRunner::Run fromFile = m_cli->runFromFile(verify, file.fileName());
        const CliRunner::Run piped = m_cli->run(verify, input);
        QVERIFY2(fromFile.exitCode == 1 && !fromFile.crashed, fromFile.describe().constData());
        QVERIFY2(piped.exitCode == 1 && !piped.crashed, piped.describe().constData());
        QCOMPARE(fromFile.out.count('\n'), qsizetype(12000));
        const QList<QByteArray> a = fromFile.out.split('\n');
        const QList<QByteArray> b = piped.out.split('\n');
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            QCOMPARE(a.at(i), b.at(i));
        // --threads from a file: its threads help the pass too, and answer the same.
        const CliRunner::Run threads = m_cli->runFromFile(
            verify + QStringList {QStringLiteral("--threads"), QStringLiteral("3")},
            file.fileName());
        QVERIFY2(threads.exitCode == 1 && !threads.crashed, threads.describe().constData());
        QCOMPARE(threads.out, fromFile.out);
        QCOMPARE(fromFile.out.count("\"outcome\":\"Valid\""), qsizetype(valid));
        QCOMPARE(scalar(m_vault->tamperDatabase(),
                        QStringLiteral("SELECT COALESCE(SUM(count), 0) FROM key_usage_hourly "
                                       "WHERE outcome = 0")),
                 qint64(3 * valid));
    }

    void threadsBadValues_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("zero") << QStringList {QStringLiteral("--stdin"),
                                              QStringLiteral("--threads"), QStringLiteral("0")};
        QTest::newRow("not a number") << QStringList {
            QStringLiteral("--stdin"), QStringLiteral("--threads"), QStringLiteral("many")};
        QTest::newRow("too many") << QStringList {
            QStringLiteral("--stdin"), QStringLiteral("--threads"), QStringLiteral("100000")};
        QTest::newRow("without --stdin") << QStringList {
            QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("kw_live_x")};
    }

    void threadsBadValues()
    {
        QFETCH(QStringList, arguments);
        const CliRunner::Run run = m_cli->run(args({"verify", "--env", "live"}) + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVerifyPipeline)
#include "test_verify_pipeline.moc"
