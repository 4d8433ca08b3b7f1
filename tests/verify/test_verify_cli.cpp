// keywardctl verify --stdin and key usage, run as a separate process the way services and
// scripts run them.
#include "CliRunner.h"
#include "StoreDatabase.h"
#include "VerifyTestSupport.h"
#include "crypto/KeyToken.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Keyward;
using namespace Keyward::Testing;

class TestVerifyCli : public QObject
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
        // The vault's clock is "now", since keywardctl uses the real one.
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

    // 10,000 lines: valid keys, a revoked one, blank lines, garbage, a cut-off key, an unknown
    // key, CRLF line ends and one very long line; one answer per line, in order.
    void stdinTenThousandLines()
    {
        const IssuedToken live = issue(store(), QStringLiteral("Live"));
        KeyOptions limited;
        limited.usageLimit = 100;
        const IssuedToken metered = issue(store(), QStringLiteral("Metered"), limited);
        const IssuedToken revoked = issue(store(), QStringLiteral("Revoked"));
        QVERIFY(store().revokeKey(revoked.key.id, revoked.key.version));
        const QByteArray unknown =
            bytesOf(KeyToken::generate(QStringLiteral("kw"), Environment::Production));

        QByteArray input;
        QVector<VerifyOutcome> expected;
        int liveCount = 0;
        int meteredCount = 0;
        for (int i = 0; i < 10000; ++i) {
            switch (i % 10) {
            case 0:
            case 1:
            case 2:
                input += live.token + '\n';
                expected.append(VerifyOutcome::Valid);
                ++liveCount;
                break;
            case 3:
                input += metered.token + '\n';
                expected.append(++meteredCount <= 100 ? VerifyOutcome::Valid
                                                      : VerifyOutcome::UsageExceeded);
                break;
            case 4:
                input += revoked.token + '\n';
                expected.append(VerifyOutcome::Revoked);
                break;
            case 5:
                input += i % 20 == 5 ? QByteArray("\n") : QByteArray("   \t\n");
                expected.append(VerifyOutcome::Malformed);
                break;
            case 6:
                input += "DROP TABLE api_keys; -- " + QByteArray::number(i) + "\xff\xfe\n";
                expected.append(VerifyOutcome::Malformed);
                break;
            case 7:
                input += live.token.chopped(4) + '\n';
                expected.append(VerifyOutcome::Malformed);
                break;
            case 8:
                input += unknown + '\n';
                expected.append(VerifyOutcome::NotFound);
                break;
            case 9:
                if (i == 9999) {
                    input += QByteArray(100'000, 'k') + '\n';
                    expected.append(VerifyOutcome::Malformed);
                } else {
                    input += "  " + live.token + "\r\n"; // pasted with spaces, CRLF
                    expected.append(VerifyOutcome::Valid);
                    ++liveCount;
                }
                break;
            }
        }
        QElapsedTimer running;
        running.start();
        const CliRunner::Run run = m_cli->run(
            args({"--json", "verify", "--stdin", "--env", "live", "--source", "batch"}), input);
        const qint64 secondsSpanned = running.elapsed() / 1000 + 2;
        QVERIFY2(!run.crashed, run.describe().constData());
        QCOMPARE(run.exitCode, 1); // some lines were refused
        const QList<QByteArray> lines = run.out.split('\n');
        QCOMPARE(lines.size(), 10001); // the last newline leaves one empty piece
        QVERIFY(lines.constLast().isEmpty());
        const QVector<QJsonObject> objects = run.jsonLines();
        QCOMPARE(objects.size(), 10000);
        for (int i = 0; i < objects.size(); ++i) {
            const QString outcome = objects.at(i).value(QStringLiteral("outcome")).toString();
            if (outcome != verifyOutcomeCode(expected.at(i)))
                QFAIL(qPrintable(QStringLiteral("line %1: %2, expected %3")
                                     .arg(i + 1)
                                     .arg(outcome, verifyOutcomeCode(expected.at(i)))));
            QCOMPARE(objects.at(i).value(QStringLiteral("http")).toInt(),
                     verifyHttpStatus(expected.at(i)));
        }
        // The token never appears in the output.
        QVERIFY(!run.out.contains(live.token));
        QVERIFY(!run.err.contains(live.token));

        // Usage was saved at exit: every request that named a key, but no blank line.
        const ApiKey liveKey = *store().key(live.key.id);
        QCOMPARE(liveKey.usageCount, qint64(liveCount));
        QCOMPARE(liveKey.secrets.constFirst().lastUsedSource, QStringLiteral("batch"));
        QCOMPARE(store().key(metered.key.id)->usageCount, qint64(100));
        QCOMPARE(scalar(StoreDatabase::of(store()),
                        QStringLiteral("SELECT SUM(count) FROM key_usage_hourly WHERE key_id = ?"),
                        {metered.key.id}),
                 qint64(1000));
        QCOMPARE(scalar(StoreDatabase::of(store()),
                        QStringLiteral("SELECT SUM(count) FROM key_usage_hourly WHERE key_id = ? "
                                       "AND outcome = ?"),
                        {revoked.key.id, verifyOutcomeToInt(VerifyOutcome::Revoked)}),
                 qint64(1000));
        // The counts are exact, the request log a sample: the live key's 4000 valid requests are
        // logged at most five a second (UsageBatch::kDefaultRequestsPerSecond).
        const qint64 logged = scalar(
            StoreDatabase::of(store()),
            QStringLiteral("SELECT COUNT(*) FROM request_log WHERE key_id = ?"), {live.key.id});
        QVERIFY2(logged >= 5 && logged <= 5 * secondsSpanned,
                 QByteArray::number(logged).constData());
    }

    void stdinTextOutputAndEmptyInput()
    {
        const IssuedToken live = issue(store(), QStringLiteral("Live"));
        CliRunner::Run run =
            m_cli->run(args({"verify", "--stdin", "--env", "live"}), live.token + "\n\nxyz");
        QCOMPARE(run.exitCode, 1);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3); // the last line needs no newline
        QVERIFY2(lines.at(0).startsWith("Valid (200)"), run.describe().constData());
        QVERIFY2(lines.at(1).startsWith("Malformed (401)"), run.describe().constData());
        QVERIFY2(lines.at(2).startsWith("Malformed (401)"), run.describe().constData());

        run = m_cli->run(args({"verify", "--stdin", "--env", "live"}), live.token + "\n");
        QCOMPARE(run.exitCode, 0);
        run = m_cli->run(args({"verify", "--stdin", "--env", "live"}));
        QCOMPARE(run.exitCode, 0); // nothing to refuse
        QVERIFY(run.out.isEmpty());
    }

    void stdinBadCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("token and --stdin") << QStringList {
            QStringLiteral("verify"), QStringLiteral("--stdin"), QStringLiteral("--env"),
            QStringLiteral("live"), QStringLiteral("kw_live_x")};
        QTest::newRow("--stdin without env")
            << QStringList {QStringLiteral("verify"), QStringLiteral("--stdin")};
        QTest::newRow("neither") << QStringList {QStringLiteral("verify"), QStringLiteral("--env"),
                                                 QStringLiteral("live")};
    }

    void stdinBadCommandLines()
    {
        QFETCH(QStringList, arguments);
        const CliRunner::Run run =
            m_cli->run(QStringList {QStringLiteral("--vault"), m_vault->path} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
    }

    void rateLimitedJsonForCallers()
    {
        KeyOptions options;
        options.rateLimit = perMinute(1);
        const IssuedToken limited = issue(store(), QStringLiteral("Limited"), options);
        const CliRunner::Run run =
            m_cli->run(args({"--json", "verify", "--stdin", "--env", "live"}),
                       limited.token + '\n' + limited.token + '\n');
        const QVector<QJsonObject> objects = run.jsonLines();
        QCOMPARE(objects.size(), 2);
        const QJsonObject refused = objects.at(1);
        QCOMPARE(refused.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("RateLimited"));
        QCOMPARE(refused.value(QStringLiteral("http")).toInt(), 429);
        const qint64 retryMs = qint64(refused.value(QStringLiteral("retry_after_ms")).toDouble());
        QVERIFY(retryMs > 59'000 && retryMs <= 60'000);
        QCOMPARE(refused.value(QStringLiteral("retry_after_s")).toInt(), 60);
        QVERIFY(refused.value(QStringLiteral("caller_message"))
                    .toString()
                    .contains(QStringLiteral("Retry after 60 s")));
    }

    // A pipeline's look-ups share read snapshots; a lease from the shared bucket (a write on the
    // same connection) must still be taken in the vault, or the next process would start full.
    void pipelineLeasesFromTheSharedBucket()
    {
        KeyOptions options;
        options.rateLimit = perMinute(2);
        const IssuedToken limited = issue(store(), QStringLiteral("Limited"), options);
        const IssuedToken other = issue(store(), QStringLiteral("Other"));
        const QByteArray lines = limited.token + '\n' + other.token + '\n' + limited.token + '\n'
            + other.token + '\n' + limited.token + '\n';
        const QStringList outcomes = {QStringLiteral("Valid"), QStringLiteral("Valid"),
                                      QStringLiteral("Valid"), QStringLiteral("Valid"),
                                      QStringLiteral("RateLimited")};
        CliRunner::Run run =
            m_cli->run(args({"--json", "verify", "--stdin", "--env", "live"}), lines);
        QVector<QJsonObject> objects = run.jsonLines();
        QCOMPARE(objects.size(), outcomes.size());
        for (int i = 0; i < outcomes.size(); ++i)
            QCOMPARE(objects.at(i).value(QStringLiteral("outcome")).toString(), outcomes.at(i));
        QVERIFY2(!run.err.contains("lease") && !run.err.contains("transaction"),
                 run.describe().constData());
        // Another process: the bucket in the vault is empty.
        run = m_cli->run(args({"--json", "verify", "--stdin", "--env", "live"}),
                         limited.token + '\n');
        objects = run.jsonLines();
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects.at(0).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("RateLimited"));
    }

    void keyUsageShowsHoursAndRequests()
    {
        const IssuedToken live = issue(store(), QStringLiteral("Live"));
        CliRunner::Run run =
            m_cli->run(args({"verify", "--stdin", "--env", "live", "--source", "10.1.2.3"}),
                       live.token + '\n' + live.token + '\n' + live.token + '\n');
        QCOMPARE(run.exitCode, 0);
        run = m_cli->run(args({"verify", "--env", "stg", "--source", "ci", "-"}), live.token);
        QCOMPARE(run.exitCode, 1);

        run =
            m_cli->run(args({"--json", "key", "usage", QByteArray::number(live.key.id).constData(),
                             "--hours", "2", "--requests", "3"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject usage = run.json();
        QCOMPARE(usage.value(QStringLiteral("usage_count")).toInt(), 3);
        QVERIFY(usage.value(QStringLiteral("usage_limit")).isNull());
        const QJsonArray hours = usage.value(QStringLiteral("hours")).toArray();
        QCOMPARE(hours.size(), 1);
        const QJsonObject counts =
            hours.at(0).toObject().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("Valid")).toInt(), 3);
        QCOMPARE(counts.value(QStringLiteral("WrongEnvironment")).toInt(), 1);
        const QJsonArray requests = usage.value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).toObject().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("WrongEnvironment"));
        QCOMPARE(requests.at(0).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("ci"));
        // Last use is the last success (from 10.1.2.3); ci's refused attempt is told apart.
        const QJsonArray secrets = usage.value(QStringLiteral("secrets")).toArray();
        QCOMPARE(secrets.size(), 1);
        const QJsonObject secret = secrets.at(0).toObject();
        QCOMPARE(secret.value(QStringLiteral("last_used_source")).toString(),
                 QStringLiteral("10.1.2.3"));
        QVERIFY(secret.value(QStringLiteral("last_refused_at")).isString());
        QCOMPARE(secret.value(QStringLiteral("last_refused_outcome")).toString(),
                 QStringLiteral("WrongEnvironment"));

        run = m_cli->run(args({"key", "usage", QByteArray::number(live.key.id).constData()}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.contains(QStringLiteral("Valid 3, WrongEnvironment 1")),
                 run.describe().constData());
        QVERIFY2(text.contains(QStringLiteral("10.1.2.3")), run.describe().constData());
        QVERIFY2(text.contains(QStringLiteral("(WrongEnvironment)")), run.describe().constData());

        // A key only ever refused was never used, in `key show` too.
        KeyOptions staging;
        staging.environment = Environment::Staging;
        const IssuedToken stg = issue(store(), QStringLiteral("Staging"), staging);
        run = m_cli->run(args({"verify", "--env", "live", "-"}), stg.token);
        QCOMPARE(run.exitCode, 1);
        run =
            m_cli->run(args({"--json", "key", "show", QByteArray::number(stg.key.id).constData()}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject shown = run.json();
        QVERIFY(shown.value(QStringLiteral("last_used_at")).isNull());
        const QJsonObject stgSecret =
            shown.value(QStringLiteral("secrets")).toArray().at(0).toObject();
        QVERIFY(stgSecret.value(QStringLiteral("last_used_at")).isNull());
        QCOMPARE(stgSecret.value(QStringLiteral("last_refused_outcome")).toString(),
                 QStringLiteral("WrongEnvironment"));
        QVERIFY2(text.contains(live.key.secrets.constFirst().hint), run.describe().constData());
    }

    void keyUsageBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no id") << QStringList {} << 2;
        QTest::newRow("not a number") << QStringList {QStringLiteral("abc")} << 2;
        QTest::newRow("hours zero")
            << QStringList {QStringLiteral("1"), QStringLiteral("--hours"), QStringLiteral("0")}
            << 2;
        QTest::newRow("hours too many")
            << QStringList {QStringLiteral("1"), QStringLiteral("--hours"),
                            QStringLiteral("100000")}
            << 2;
        QTest::newRow("unknown key") << QStringList {QStringLiteral("4242")} << 1;
    }

    void keyUsageBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        issue(store(), QStringLiteral("Live"));
        const CliRunner::Run run =
            m_cli->run(QStringList {QStringLiteral("--vault"), m_vault->path, QStringLiteral("key"),
                                    QStringLiteral("usage")}
                       + arguments);
        QVERIFY2(run.exitCode == exitCode, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVerifyCli)
#include "test_verify_cli.moc"
