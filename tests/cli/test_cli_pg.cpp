// keywardctl against PostgreSQL (--db), end to end: the built binary as its own process, a fresh
// database on the throwaway cluster, the server authenticating every login.
#include "CliRunner.h"
#include "PgFixture.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

const QString kOwnerPassword = QStringLiteral("owner password 1");
const QString kViewerPassword = QStringLiteral("viewer password 1");
const QString kVerifierPassword = QStringLiteral("verifier password 1");
const QRegularExpression kTokenLine(QStringLiteral("^(kw_(live|stg|dev)_[0-9A-Za-z]{49})\\n$"));

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result.append(QString::fromUtf8(item));
    return result;
}

} // namespace

class TestCliPg : public QObject
{
    Q_OBJECT

private:
    // The conninfo of a login without its password: the password travels in PGPASSWORD, as it
    // would from ~/.pgpass, so no run warns about it.
    QString db(const QString &login = QString()) const
    {
        PgConnInfo info = m_pg->conninfo(login);
        info.setValue(QStringLiteral("password"), QString());
        return info.toString();
    }
    QString superuserPassword() const
    {
        return pgServerConninfo().value(QStringLiteral("password"));
    }
    // One run as a login: --db first, the password in the environment.
    CliRunner::Run as(const QString &login, const QString &password, const QStringList &arguments,
                      const QByteArray &input = {}, QHash<QString, QString> overrides = {}) const
    {
        overrides.insert(QStringLiteral("PGPASSWORD"), password);
        return m_cli->run(QStringList {QStringLiteral("--db"), db(login)} + arguments, input,
                          overrides);
    }
    CliRunner::Run asSuperuser(const QStringList &arguments,
                               const QHash<QString, QString> &overrides = {}) const
    {
        return as(QString(), superuserPassword(), arguments, {}, overrides);
    }
    CliRunner::Run verifyAsService(const QString &token) const
    {
        return as(m_verifier, kVerifierPassword, args({"--json", "verify", "--env", "live", "-"}),
                  token.toUtf8() + '\n');
    }

    std::unique_ptr<PgTestDatabase> m_pg;
    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;
    QString m_owner;
    QString m_viewer;
    QString m_verifier;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_pg = std::make_unique<PgTestDatabase>();
        m_cli = std::make_unique<CliRunner>(m_home.path());
        // Logins are cluster-wide: names of this run's own.
        const QString suffix = m_pg->name().mid(4);
        m_owner = QStringLiteral("owner_") + suffix;
        m_viewer = QStringLiteral("viewer_") + suffix;
        m_verifier = QStringLiteral("service_") + suffix;
    }

    void setupPrintsWhatItDid()
    {
        // Dry run: the statements for review, no connection needed.
        CliRunner::Run run =
            m_cli->run({QStringLiteral("db"), QStringLiteral("setup"), QStringLiteral("--dry-run"),
                        QStringLiteral("--role-prefix"), m_pg->rolePrefix()});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.out.contains("ENABLE ROW LEVEL SECURITY"));
        QVERIFY(run.out.contains(QByteArray(m_pg->rolePrefix().toUtf8() + "_verifier")));

        // Without --owner nothing happens.
        run = asSuperuser({QStringLiteral("db"), QStringLiteral("setup"),
                           QStringLiteral("--role-prefix"), m_pg->rolePrefix()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(QStringLiteral("--owner")), run.describe().constData());
        QCOMPARE(m_pg->admin()
                     .scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = "
                                            "'public'"))
                     .toLongLong(),
                 0);

        run = asSuperuser({QStringLiteral("db"), QStringLiteral("setup"), QStringLiteral("--owner"),
                           m_owner, QStringLiteral("--role-prefix"), m_pg->rolePrefix(),
                           QStringLiteral("--verbose")},
                          {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kOwnerPassword}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString out = QString::fromUtf8(run.out);
        for (const QString &expected :
             {QStringLiteral("Created the Keyward schema"), QStringLiteral("row-level security"),
              QStringLiteral("append-only"),
              QStringLiteral("Added the login %1 as the first Owner").arg(m_owner),
              QStringLiteral("CREATE POLICY"), QStringLiteral("GRANT")})
            QVERIFY2(out.contains(expected), qPrintable(expected + QLatin1Char('\n') + out));
        QVERIFY(!run.out.contains(kOwnerPassword.toUtf8()));

        // Again, as JSON: nothing new to create, and it says so.
        run = asSuperuser({QStringLiteral("--json"), QStringLiteral("db"), QStringLiteral("setup"),
                           QStringLiteral("--owner"), m_owner, QStringLiteral("--role-prefix"),
                           m_pg->rolePrefix(), QStringLiteral("--no-password")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonArray actions = run.json().value(QStringLiteral("actions")).toArray();
        QVERIFY(actions.contains(QStringLiteral("%1 is already a member (owner).").arg(m_owner)));

        // A DBA (not a member) maps more logins; the audit log says who did it.
        run = asSuperuser({QStringLiteral("db"), QStringLiteral("add-login"), m_viewer,
                           QStringLiteral("--role"), QStringLiteral("viewer")},
                          {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kViewerPassword}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = asSuperuser({QStringLiteral("db"), QStringLiteral("add-verifier"), m_verifier},
                          {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kVerifierPassword}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        // No password source and no terminal: refused before anything is created.
        run = asSuperuser({QStringLiteral("db"), QStringLiteral("add-login"),
                           QStringLiteral("nobody_") + m_pg->name().mid(4),
                           QStringLiteral("--role"), QStringLiteral("viewer")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(QStringLiteral("--no-password")),
                 run.describe().constData());
    }

    void createVerifyRevokeThroughDb()
    {
        // The owner is the login: no KEYWARD_MEMBER, no KEYWARD_PASSPHRASE, no prompt.
        CliRunner::Run run = as(m_owner, kOwnerPassword,
                                args({"key", "create", "--name", "Billing sync", "--env", "live",
                                      "--role", "developer"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        QVERIFY2(match.hasMatch(), run.describe().constData());
        const QString token = match.captured(1);

        run = verifyAsService(token);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("http")).toInt(), 200);
        const QString id = QString::number(run.json().value(QStringLiteral("key_id")).toInt());

        run = as(m_owner, kOwnerPassword,
                 {QStringLiteral("key"), QStringLiteral("revoke"), id, QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = verifyAsService(token);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("http")).toInt(), 401);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("Revoked"));

        run = as(m_owner, kOwnerPassword, args({"--json", "audit", "list"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QStringList actors;
        for (const QJsonObject &event : run.jsonLines())
            actors.append(event.value(QStringLiteral("actor")).toString());
        QVERIFY2(actors.contains(m_owner)
                     && actors.contains(pgServerConninfo().value(QStringLiteral("user"))),
                 qPrintable(actors.join(QLatin1Char(','))));
        run = as(m_owner, kOwnerPassword, args({"audit", "verify"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
    }

    // Customer scope and the IP allowlist through the database: created and edited by a member
    // login (the column grant), enforced for a service's verifier login.
    void scopeThroughDb()
    {
        CliRunner::Run run =
            as(m_owner, kOwnerPassword,
               args({"key", "create", "--name", "Scoped", "--env", "live", "--role", "developer",
                     "--customer", "acme", "--allow-ip", "10.0.0.0/8"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        QVERIFY2(match.hasMatch(), run.describe().constData());
        const QString token = match.captured(1);
        const auto verifyFrom = [&](const char *ip, const char *customer) {
            return as(m_verifier, kVerifierPassword,
                      args({"--json", "verify", "--env", "live", "--ip", ip, "--customer", customer,
                            "-"}),
                      token.toUtf8() + '\n');
        };
        run = verifyFrom("10.2.3.4", "acme");
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString id = QString::number(run.json().value(QStringLiteral("key_id")).toInt());
        run = verifyFrom("192.0.2.1", "acme");
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("IpNotAllowed"));
        run = verifyFrom("10.2.3.4", "globex");
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("WrongCustomer"));

        run = as(m_owner, kOwnerPassword,
                 {QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("edit"), id,
                  QStringLiteral("--allow-ip"), QStringLiteral("192.0.2.0/24")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("allowed_ips")).toArray(),
                 QJsonArray {QStringLiteral("192.0.2.0/24")});
        run = verifyFrom("192.0.2.1", "acme");
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = verifyFrom("10.2.3.4", "acme");
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("IpNotAllowed"));
        // A Viewer sees the list but cannot change it.
        run = as(m_viewer, kViewerPassword, {QStringLiteral("key"), QStringLiteral("show"), id});
        QVERIFY2(run.out.contains("192.0.2.0/24"), run.describe().constData());
        run = as(m_viewer, kViewerPassword,
                 {QStringLiteral("key"), QStringLiteral("edit"), id, QStringLiteral("--any-ip")});
        QCOMPARE(run.exitCode, 1);
    }

    // verify --stdin --threads on PostgreSQL: each thread logs in as the service did, and the
    // answers are those of one thread, in order.
    void verifyOnThreadsThroughDb()
    {
        CliRunner::Run run = as(
            m_owner, kOwnerPassword,
            args({"key", "create", "--name", "Threads", "--env", "live", "--role", "developer"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QByteArray token = run.out.trimmed();
        QByteArray input;
        for (int i = 0; i < 300; ++i)
            input += (i % 3 == 0 ? token : i % 3 == 1 ? token.chopped(2) : QByteArray()) + '\n';
        const QStringList verify = args({"--json", "verify", "--stdin", "--env", "live"});
        const CliRunner::Run one = as(m_verifier, kVerifierPassword, verify, input);
        const CliRunner::Run three =
            as(m_verifier, kVerifierPassword,
               verify + QStringList {QStringLiteral("--threads"), QStringLiteral("3")}, input);
        QVERIFY2(one.exitCode == 1, one.describe().constData());
        QVERIFY2(three.exitCode == 1, three.describe().constData());
        QCOMPARE(three.out.count('\n'), qsizetype(300));
        QCOMPARE(three.out, one.out);
        QCOMPARE(three.jsonLines().constFirst().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("Valid"));
    }

    void viewerCannotCreate()
    {
        CliRunner::Run run =
            as(m_viewer, kViewerPassword,
               args({"key", "create", "--name", "nope", "--env", "dev", "--role", "viewer"}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errText().contains(QStringLiteral("Only Developers, Admins and Owners")),
                 run.describe().constData());
        // Reading is what a Viewer may do.
        run = as(m_viewer, kViewerPassword, args({"key", "list", "--all"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.out.contains("Billing sync"));
        // --member must name the login itself: nobody acts as someone else.
        run = as(
            m_viewer, kViewerPassword,
            {QStringLiteral("--member"), m_owner, QStringLiteral("key"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(m_viewer), run.describe().constData());
    }

    void vaultAndDbAreExclusive()
    {
        CliRunner::Run run = m_cli->run(
            {QStringLiteral("--vault"), m_home.filePath(QStringLiteral("v.keyward")),
             QStringLiteral("--db"), db(m_owner), QStringLiteral("key"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(QStringLiteral("not both")), run.describe().constData());
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("list"), QStringLiteral("--db"),
                          db(m_owner), QStringLiteral("--vault"),
                          m_home.filePath(QStringLiteral("v.keyward"))});
        QCOMPARE(run.exitCode, 2);

        // KEYWARD_DB stands in for --db; an explicit --vault beats it.
        const QHash<QString, QString> environment {{QStringLiteral("KEYWARD_DB"), db(m_owner)},
                                                   {QStringLiteral("PGPASSWORD"), kOwnerPassword}};
        run = m_cli->run(args({"key", "list", "--all"}), {}, environment);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.out.contains("Billing sync"));
        run = m_cli->run(
            {QStringLiteral("--vault"), m_home.filePath(QStringLiteral("none.keyward")),
             QStringLiteral("--member"), m_owner, QStringLiteral("key"), QStringLiteral("list")},
            {}, environment);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errText().contains(QStringLiteral("There is no vault")),
                 run.describe().constData());
        // init makes files; a server vault comes from db setup.
        run = m_cli->run(args({"init", "--owner", "x"}), {}, environment);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(QStringLiteral("db setup")), run.describe().constData());
    }

    void badConninfo_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const PgConnInfo server = pgServerConninfo();
        PgConnInfo unreachable = server;
        unreachable.setValue(QStringLiteral("port"), QStringLiteral("1"));
        PgConnInfo noDatabase = m_pg->conninfo();
        noDatabase.setValue(QStringLiteral("dbname"), QStringLiteral("no_such_database_kw"));
        PgConnInfo noVault = server; // dbname=postgres: a database, but no vault in it
        PgConnInfo wrongPassword = m_pg->conninfo(m_owner, QStringLiteral("not the password"));
        QTest::newRow("unclosed quote")
            << QStringLiteral("host=127.0.0.1 dbname='keys") << 3
            << QStringLiteral("not a valid PostgreSQL connection string");
        QTest::newRow("not keyword=value") << QStringLiteral("host 127.0.0.1") << 3
                                           << QStringLiteral("not a valid PostgreSQL connection");
        QTest::newRow("bad URI") << QStringLiteral("postgresql://[::1") << 3
                                 << QStringLiteral("not a valid PostgreSQL connection");
        QTest::newRow("unreachable")
            << unreachable.toString(true) << 3 << QStringLiteral("Cannot connect to");
        QTest::newRow("no such database")
            << noDatabase.toString(true) << 3 << QStringLiteral("no such database");
        QTest::newRow("no vault in it")
            << noVault.toString(true) << 3 << QStringLiteral("holds no Keyward vault");
        QTest::newRow("wrong password")
            << wrongPassword.toString(true) << 1 << QStringLiteral("did not accept the login");
    }

    void badConninfo()
    {
        QFETCH(QString, conninfo);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRunner::Run run = m_cli->run(
            {QStringLiteral("--db"), conninfo, QStringLiteral("key"), QStringLiteral("list")}, {},
            {{QStringLiteral("PGPASSWORD"), QString()}});
        QVERIFY2(!run.crashed, run.describe().constData());
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.errText().contains(message), run.describe().constData());
        QVERIFY(run.out.isEmpty());
        // A password typed into the conninfo is warned about and never echoed.
        const auto parsed = PgConnInfo::parse(conninfo);
        const QString password = parsed ? parsed->value(QStringLiteral("password")) : QString();
        if (!password.isEmpty()) {
            QVERIFY2(run.errText().contains(QStringLiteral("warning")), run.describe().constData());
            QVERIFY2(!run.err.contains(password.toUtf8()), run.describe().constData());
        }
    }

    void cleanupTestCase()
    {
        m_cli.reset();
        m_pg.reset();
    }
};

QTEST_GUILESS_MAIN(TestCliPg)
#include "test_cli_pg.moc"
