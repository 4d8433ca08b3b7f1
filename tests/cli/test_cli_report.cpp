// `keywardctl report hygiene` (issue 16 §2) as CI runs it: exit 0 when every key is looked
// after, 1 with one JSON object per finding, 2 for a bad span. The rules themselves are in
// test_core (TestHygieneReport); here a real vault, real members and the built binary.
#include "CliRunner.h"
#include "RawVault.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kBobPassphrase = QStringLiteral("bob's long passphrase");

} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;

    qint64 createKey(const QString &name, const char *expires,
                     const QHash<QString, QString> &as = {})
    {
        const CliRunner::Run run = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("create"),
             QStringLiteral("--name"), name, QStringLiteral("--env"), QStringLiteral("dev"),
             QStringLiteral("--role"), QStringLiteral("developer"), QStringLiteral("--expires"),
             QString::fromLatin1(expires)},
            {}, as);
        if (run.exitCode != 0)
            qWarning("%s", run.describe().constData());
        return run.json().value(QStringLiteral("id")).toInteger();
    }
    QList<QPair<qint64, QString>> findings()
    {
        const CliRunner::Run run = m_cli->run(CliRunner::args({"--json", "report", "hygiene"}));
        QList<QPair<qint64, QString>> result;
        for (const QJsonObject &finding : run.jsonLines())
            result.append({finding.value(QStringLiteral("key_id")).toInteger(),
                           finding.value(QStringLiteral("finding")).toString()});
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_cli = CliRunner::ownerOfNewVault(m_home.path());
        QVERIFY(m_cli);
    }

    void lookedAfterVaultPassesCi()
    {
        QVERIFY(createKey(QStringLiteral("tidy"), "30d") > 0);
        const CliRunner::Run run = m_cli->run(CliRunner::args({"report", "hygiene"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.errText().contains(QStringLiteral("No findings")));
    }

    void findingsFailCiWithTheirFix()
    {
        const qint64 forever = createKey(QStringLiteral("forever"), "never");
        QVERIFY(forever > 0);
        const CliRunner::Run run = m_cli->run(CliRunner::args({"--json", "report", "hygiene"}));
        QCOMPARE(run.exitCode, 1);
        const QVector<QJsonObject> lines = run.jsonLines();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.constFirst().value(QStringLiteral("key_id")).toInteger(), forever);
        QCOMPARE(lines.constFirst().value(QStringLiteral("finding")).toString(),
                 QStringLiteral("no-expiry"));
        QCOMPARE(lines.constFirst().value(QStringLiteral("fix")).toString(),
                 QStringLiteral("set-expiry"));
        const CliRunner::Run text = m_cli->run(CliRunner::args({"report", "hygiene"}));
        QCOMPARE(text.exitCode, 1);
        QVERIFY(text.out.contains("forever") && text.out.contains("Never expires."));
        // Fixed the way the report says: the finding is gone.
        QCOMPARE(m_cli
                     ->run({QStringLiteral("key"), QStringLiteral("edit"), QString::number(forever),
                            QStringLiteral("--expires"), QStringLiteral("90d")})
                     .exitCode,
                 0);
        QVERIFY(findings().isEmpty());
    }

    // A removed member's keys: deactivated with them, and listed until someone revokes them.
    void removedMembersKeysAreListed()
    {
        QHash<QString, QString> asBob {{QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("bob")},
                                       {QStringLiteral("KEYWARD_PASSPHRASE"), kBobPassphrase}};
        const CliRunner::Run added =
            m_cli->run(CliRunner::args({"member", "add", "bob", "--role", "developer"}), {},
                       {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kBobPassphrase}});
        QVERIFY2(added.exitCode == 0, added.describe().constData());
        const qint64 bobs = createKey(QStringLiteral("bob's"), "30d", asBob);
        QVERIFY(bobs > 0);
        QVERIFY(findings().isEmpty());
        QCOMPARE(m_cli->run(CliRunner::args({"member", "remove", "bob"})).exitCode, 0);
        QCOMPARE(findings(),
                 (QList<QPair<qint64, QString>> {{bobs, QStringLiteral("creator-removed")}}));
        QCOMPARE(
            m_cli->run({QStringLiteral("key"), QStringLiteral("revoke"), QString::number(bobs)})
                .exitCode,
            0);
        QVERIFY(findings().isEmpty());
    }

    // A dismissed finding no longer fails CI, shows with --include-dismissed, and is back
    // after report restore; both are audited.
    void dismissHidesUntilRestored()
    {
        const qint64 forever = createKey(QStringLiteral("break glass"), "never");
        QVERIFY(forever > 0);
        QCOMPARE(findings(),
                 (QList<QPair<qint64, QString>> {{forever, QStringLiteral("no-expiry")}}));
        const QString id = QString::number(forever);
        const CliRunner::Run dismissed =
            m_cli->run({QStringLiteral("report"), QStringLiteral("dismiss"), id,
                        QStringLiteral("no-expiry"), QStringLiteral("--reason"),
                        QStringLiteral("In the safe; '); DROP TABLE api_keys; --")});
        QVERIFY2(dismissed.exitCode == 0, dismissed.describe().constData());
        QVERIFY(findings().isEmpty());
        const CliRunner::Run quiet = m_cli->run(CliRunner::args({"report", "hygiene"}));
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY(quiet.errText().contains(QStringLiteral("1 dismissed")));

        const CliRunner::Run all =
            m_cli->run(CliRunner::args({"--json", "report", "hygiene", "--include-dismissed"}));
        QCOMPARE(all.exitCode, 0); // dismissed findings do not fail CI
        QCOMPARE(all.jsonLines().size(), 1);
        const QJsonObject mark =
            all.jsonLines().constFirst().value(QStringLiteral("dismissed")).toObject();
        QCOMPARE(mark.value(QStringLiteral("by")).toString(), QStringLiteral("alice"));
        QCOMPARE(mark.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("In the safe; '); DROP TABLE api_keys; --"));
        const CliRunner::Run text =
            m_cli->run(CliRunner::args({"report", "hygiene", "--include-dismissed"}));
        QVERIFY2(text.out.contains("[dismissed by alice: In the safe"),
                 text.describe().constData());

        const CliRunner::Run audit = m_cli->run(CliRunner::args({"audit", "list"}));
        QVERIFY(audit.out.contains("hygiene.dismiss"));
        QCOMPARE(m_cli
                     ->run({QStringLiteral("report"), QStringLiteral("restore"), id,
                            QStringLiteral("no-expiry")})
                     .exitCode,
                 0);
        QCOMPARE(findings(),
                 (QList<QPair<qint64, QString>> {{forever, QStringLiteral("no-expiry")}}));
        const CliRunner::Run again = m_cli->run(
            {QStringLiteral("report"), QStringLiteral("restore"), id, QStringLiteral("no-expiry")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.errText().contains(QStringLiteral("not dismissed")));
        QCOMPARE(m_cli->run(CliRunner::args({"audit", "verify"})).exitCode, 0);
        QCOMPARE(m_cli
                     ->run({QStringLiteral("key"), QStringLiteral("edit"), id,
                            QStringLiteral("--expires"), QStringLiteral("90d")})
                     .exitCode,
                 0);
        QVERIFY(findings().isEmpty());
    }

    void dismissRefusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, std::initializer_list<const char *> args, int code,
                            const char *message) {
            QTest::newRow(name) << CliRunner::args(args) << code << QString::fromUtf8(message);
        };
        row("unknown kind", {"report", "dismiss", "1", "dusty", "--reason", "x"}, 2,
            "not a kind of finding");
        row("no reason", {"report", "dismiss", "1", "stale"}, 2, "--reason");
        row("blank reason", {"report", "dismiss", "1", "stale", "--reason", "  "}, 2, "Say why");
        row("two lines", {"report", "dismiss", "1", "stale", "--reason", "a\nb"}, 2, "one line");
        row("bad id", {"report", "dismiss", "one", "stale", "--reason", "x"}, 2, "");
        row("unknown key", {"report", "dismiss", "9999", "stale", "--reason", "x"}, 1,
            "no key with id 9999");
        row("restore unknown kind", {"report", "restore", "1", "dusty"}, 2,
            "not a kind of finding");
    }

    void dismissRefusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRunner::Run run = m_cli->run(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.errText().contains(message), run.describe().constData());
    }

    // The rotation policy: shown to anyone, set by Owners, fed into report hygiene.
    void rotationPolicyFeedsTheReport()
    {
        const CliRunner::Run shown = m_cli->run(CliRunner::args({"vault", "policy"}));
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains("none"));
        QCOMPARE(
            m_cli->run(CliRunner::args({"vault", "policy", "--max-secret-age", "0d"})).exitCode, 2);
        QCOMPARE(
            m_cli->run(CliRunner::args({"vault", "policy", "--max-secret-age", "soon"})).exitCode,
            2);
        const CliRunner::Run added =
            m_cli->run(CliRunner::args({"member", "add", "vic", "--role", "viewer"}), {},
                       {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kBobPassphrase}});
        QVERIFY2(added.exitCode == 0, added.describe().constData());
        const CliRunner::Run refused =
            m_cli->run(CliRunner::args({"vault", "policy", "--max-secret-age", "30d"}), {},
                       {{QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("vic")},
                        {QStringLiteral("KEYWARD_PASSPHRASE"), kBobPassphrase}});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errText().contains(QStringLiteral("Only Owners")),
                 refused.describe().constData());
        const CliRunner::Run vicDismiss =
            m_cli->run(CliRunner::args({"report", "dismiss", "1", "stale", "--reason", "x"}), {},
                       {{QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("vic")},
                        {QStringLiteral("KEYWARD_PASSPHRASE"), kBobPassphrase}});
        QCOMPARE(vicDismiss.exitCode, 1);

        const qint64 aging = createKey(QStringLiteral("aging"), "90d");
        QVERIFY(aging > 0);
        const CliRunner::Run set =
            m_cli->run(CliRunner::args({"--json", "vault", "policy", "--max-secret-age", "30d"}));
        QVERIFY2(set.exitCode == 0, set.describe().constData());
        QCOMPARE(set.json().value(QStringLiteral("max_secret_age_days")).toInt(), 30);
        QCOMPARE(set.json().value(QStringLiteral("set_by")).toString(), QStringLiteral("alice"));
        QVERIFY(findings().isEmpty()); // a secret made today is not overdue
        {
            // 31 days older: the secret's creation time is not part of the key's signature.
            Keyward::Testing::RawVault raw(m_cli->defaultVaultPath());
            QVERIFY(raw.exec(QStringLiteral("UPDATE key_secrets SET created_at = created_at - ? "
                                            "WHERE key_id = ?"),
                             {31LL * 24 * 3600 * 1000, aging}));
        }
        QCOMPARE(findings(),
                 (QList<QPair<qint64, QString>> {{aging, QStringLiteral("rotation-overdue")}}));
        QCOMPARE(
            m_cli->run(CliRunner::args({"vault", "policy", "--max-secret-age", "none"})).exitCode,
            0);
        QVERIFY(findings().isEmpty());
        // --rotation still overrides for one run.
        QCOMPARE(m_cli->run(CliRunner::args({"report", "hygiene", "--rotation", "7d"})).exitCode,
                 1);
        QCOMPARE(m_cli->run(CliRunner::args({"audit", "verify"})).exitCode, 0);
    }

    void badSpansAreUsageErrors()
    {
        for (const char *option : {"--stale", "--unused", "--rotation"}) {
            const CliRunner::Run run =
                m_cli->run({QStringLiteral("report"), QStringLiteral("hygiene"),
                            QString::fromLatin1(option), QStringLiteral("soon")});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.errText().contains(QStringLiteral("time span")),
                     run.describe().constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "test_cli_report.moc"
