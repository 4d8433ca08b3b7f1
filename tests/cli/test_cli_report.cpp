// `keywardctl report hygiene` (issue 16 §2) as CI runs it: exit 0 when every key is looked
// after, 1 with one JSON object per finding, 2 for a bad span. The rules themselves are in
// test_core (TestHygieneReport); here a real vault, real members and the built binary.
#include "CliRunner.h"

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
