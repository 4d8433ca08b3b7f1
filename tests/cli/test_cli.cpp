// keywardctl end to end: the built binary, a real vault file, exit codes and output streams.
#include "CliRunner.h"
#include "core/Permissions.h"
#include "crypto/KeyToken.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kOwnerPassphrase = QStringLiteral("correct horse battery");
const QString kViewerPassphrase = QStringLiteral("viewer passphrase");
const QRegularExpression kTokenLine(QStringLiteral("^(kw_(live|stg|dev)_[0-9A-Za-z]{49})\\n$"));

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result.append(QString::fromUtf8(item));
    return result;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    // Creates a key as the Owner; returns its token (stdout must be that token alone).
    QString createKey(const QStringList &extra, const QString &env = QStringLiteral("live"))
    {
        const CliRunner::Run run = m_cli->run(
            QStringList {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--env"),
                         env, QStringLiteral("--role"), QStringLiteral("developer")}
            + extra);
        if (run.exitCode != 0 || run.crashed) {
            qWarning("%s", run.describe().constData());
            return {};
        }
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        if (!match.hasMatch()) {
            qWarning("stdout is not exactly one token line: %s", run.describe().constData());
            return {};
        }
        if (run.err.contains(match.captured(1).toUtf8())) {
            qWarning("the token leaked to stderr");
            return {};
        }
        return match.captured(1);
    }

    CliRunner::Run verify(const QString &token, const QString &env = QStringLiteral("live"),
                          const QStringList &extra = {})
    {
        return m_cli->run(QStringList {QStringLiteral("--json"), QStringLiteral("verify"),
                                       QStringLiteral("--env"), env}
                          + extra + QStringList {token});
    }

    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_cli = std::make_unique<CliRunner>(m_home.path());
        m_cli->setEnvironment(QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPassphrase);
        m_cli->setEnvironment(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        const CliRunner::Run run = m_cli->run(args({"init", "--prefix", "kw", "--owner", "alice"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        // No --vault: the default under XDG_DATA_HOME, private to the user.
        const QFileInfo vault(m_cli->defaultVaultPath());
        QVERIFY2(vault.exists(), qPrintable(vault.filePath()));
        QCOMPARE(vault.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    }

    void initRefusesAnExistingVault()
    {
        const CliRunner::Run run = m_cli->run(args({"init", "--owner", "mallory"}));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errText().contains(QStringLiteral("already exists")),
                 run.describe().constData());
    }

    void keyLifecycle()
    {
        const QString token = createKey(args(
            {"--name", "Billing sync", "--grant", "licenses:read", "--grant", "customers:read"}));
        QVERIFY(!token.isEmpty());

        CliRunner::Run run = verify(token, QStringLiteral("live"),
                                    args({"--grant", "licenses:read", "--source", "10.0.0.1"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QJsonObject result = run.json();
        QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("Valid"));
        QCOMPARE(result.value(QStringLiteral("http")).toInt(), 200);
        QCOMPARE(result.value(QStringLiteral("grants")).toArray(),
                 QJsonArray({QStringLiteral("customers:read"), QStringLiteral("licenses:read")}));
        const QString id = QString::number(result.value(QStringLiteral("key_id")).toInt());
        QVERIFY(id != QLatin1String("0"));

        run = m_cli->run({QStringLiteral("key"), QStringLiteral("deactivate"), id});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = verify(token);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("Inactive"));
        QCOMPARE(run.json().value(QStringLiteral("http")).toInt(), 401);
        QVERIFY(!run.json().value(QStringLiteral("reason")).toString().isEmpty());

        run = m_cli->run({QStringLiteral("key"), QStringLiteral("activate"), id});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = verify(token);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("http")).toInt(), 200);

        // A Production key is not revoked without confirmation, and stdin is no terminal here.
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("revoke"), id});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("--yes")), run.describe().constData());
        QCOMPARE(verify(token).exitCode, 0);

        run = m_cli->run(
            {QStringLiteral("key"), QStringLiteral("revoke"), id, QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = verify(token);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("Revoked"));
        QCOMPARE(run.json().value(QStringLiteral("http")).toInt(), 401);

        // Without --json the answer is one line for people, still with the exit code.
        run = m_cli->run(args({"verify", "--env", "live"}) + QStringList {token});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.startsWith("Revoked (401)"), run.describe().constData());

        run = m_cli->run(args({"audit", "verify"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains("intact"), run.describe().constData());

        // The vault's fingerprint, pinned: the right one is accepted, another refused.
        run = m_cli->run(args({"--json", "audit", "verify"}));
        const QString fingerprint = run.json().value(QStringLiteral("fingerprint")).toString();
        QVERIFY2(!fingerprint.isEmpty(), run.describe().constData());
        run = m_cli->run(args({"audit", "verify", "--pin"}) + QStringList {fingerprint});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = m_cli->run(args({"audit", "verify"}), {},
                         {{QStringLiteral("KEYWARD_VAULT_PIN"),
                           QStringLiteral("0000-0000-0000-0000-0000-0000-0000-0000")}});
        QVERIFY2(run.exitCode != 0 && run.errText().contains(fingerprint),
                 run.describe().constData());

        // A revoked key made active again behind Keyward's back stays refused, and is named.
        QVariant revokedAt;
        {
            QSqlDatabase raw =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            raw.setDatabaseName(m_cli->defaultVaultPath());
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("SELECT revoked_at FROM api_keys")) && q.next());
            revokedAt = q.value(0);
            q.finish();
            QVERIFY(q.exec(QStringLiteral("UPDATE api_keys SET state = 0, revoked_at = NULL")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        run = verify(token);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("NotFound"));
        run = m_cli->run(args({"audit", "verify"}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("Tampered: key %1").arg(id)),
                 run.describe().constData());
        {
            QSqlDatabase raw =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("untamper"));
            raw.setDatabaseName(m_cli->defaultVaultPath());
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            q.prepare(QStringLiteral("UPDATE api_keys SET state = 2, revoked_at = ?"));
            q.addBindValue(revokedAt);
            QVERIFY(q.exec());
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("untamper"));

        run = m_cli->run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("list"),
                          QStringLiteral("--key"), id});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QStringList actions;
        for (const QJsonObject &event : run.jsonLines())
            actions.append(event.value(QStringLiteral("action")).toString());
        QCOMPARE(actions,
                 QStringList({QStringLiteral("key.revoke"), QStringLiteral("key.activate"),
                              QStringLiteral("key.deactivate"), QStringLiteral("key.create")}));
        // The audit log never holds the token.
        QVERIFY(!run.out.contains(token.toUtf8()));
    }

    void viewerCannotCreate()
    {
        CliRunner::Run run =
            m_cli->run(args({"member", "add", "victor", "--role", "viewer"}), {},
                       {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kViewerPassphrase}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());

        run = m_cli->run(
            args({"key", "create", "--name", "nope", "--env", "dev", "--role", "viewer"}), {},
            {{QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("victor")},
             {QStringLiteral("KEYWARD_PASSPHRASE"), kViewerPassphrase}});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errText().contains(QStringLiteral("Developers")), run.describe().constData());
    }

    void longNameIsRefused()
    {
        // Names are capped in core: the command line gets the same rule and words as the GUI.
        const QString tooLong(Keyward::Permissions::kMaxNameLength + 1, QLatin1Char('n'));
        CliRunner::Run run = m_cli->run(
            args({"key", "create", "--env", "dev", "--role", "developer", "--name"}) << tooLong);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(
            run.errText().contains(Keyward::Permissions::validateKeyName(tooLong).errorMessage()),
            run.describe().constData());
        const QString longest(Keyward::Permissions::kMaxNameLength, QLatin1Char('n'));
        run = m_cli->run(args({"key", "create", "--env", "dev", "--role", "developer", "--name"})
                         << longest);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
    }

    void memberPassphrase()
    {
        const QString first = QStringLiteral("paula first passphrase");
        const QString second = QStringLiteral("paula second passphrase");
        const auto as = [](const QString &member, const QString &passphrase) {
            return QHash<QString, QString> {{QStringLiteral("KEYWARD_MEMBER"), member},
                                            {QStringLiteral("KEYWARD_PASSPHRASE"), passphrase}};
        };
        CliRunner::Run run = m_cli->run(args({"member", "add", "paula", "--role", "developer"}), {},
                                        {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), first}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());

        // The Owner sets it; names are found ignoring case, as everywhere.
        run = m_cli->run(args({"--json", "member", "passphrase", "Paula"}), {},
                         {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), second}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("name")).toString(), QStringLiteral("paula"));
        QCOMPARE(run.json().value(QStringLiteral("role")).toString(), QStringLiteral("developer"));
        QVERIFY(!run.out.contains(second.toUtf8()) && !run.err.contains(second.toUtf8()));

        run = m_cli->run(args({"member", "list"}), {}, as(QStringLiteral("paula"), second));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = m_cli->run(args({"member", "list"}), {}, as(QStringLiteral("paula"), first));
        QCOMPARE(run.exitCode, 1);

        // Not an Owner: refused before any new passphrase is asked for (there is none here).
        run = m_cli->run(args({"member", "passphrase", "alice"}), {},
                         as(QStringLiteral("paula"), second));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("Only Owners")), run.describe().constData());
        // Her own, but too short: refused, and the old one still works afterwards (below).
        QHash<QString, QString> tooShort = as(QStringLiteral("paula"), second);
        tooShort.insert(QStringLiteral("KEYWARD_NEW_PASSPHRASE"), QStringLiteral("short"));
        run = m_cli->run(args({"member", "passphrase", "paula"}), {}, tooShort);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("at least 8")), run.describe().constData());
        // No new passphrase and no terminal to ask on: a usage error at once, not a hang.
        run = m_cli->run(args({"member", "passphrase", "paula"}), {},
                         as(QStringLiteral("paula"), second));
        QCOMPARE(run.exitCode, 2);
        run = m_cli->run(args({"member", "passphrase", "nobody"}), {},
                         {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), second}});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("no member called")),
                 run.describe().constData());

        // Every command signs in, and sign-ins are audited: the newest change is the newest
        // entry that is not a sign-in.
        const auto newestChange = [](const CliRunner::Run &audit) {
            for (const QJsonObject &event : audit.jsonLines()) {
                if (!event.value(QStringLiteral("action"))
                         .toString()
                         .startsWith(QLatin1String("member.sign_in")))
                    return event;
            }
            return QJsonObject();
        };
        run = m_cli->run(args({"--json", "audit", "list", "--limit", "10"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject newest = newestChange(run);
        QCOMPARE(newest.value(QStringLiteral("action")).toString(),
                 QStringLiteral("member.passphrase"));
        QCOMPARE(newest.value(QStringLiteral("actor")).toString(), QStringLiteral("alice"));
        QVERIFY(!run.out.contains(second.toUtf8()));

        // Her own: the passphrase she signs in with is the proof the store asks for, and there
        // is no other way in. A wrong one stops at sign-in and changes nothing.
        const QString third = QStringLiteral("paula third passphrase");
        QHash<QString, QString> own = as(QStringLiteral("paula"), first);
        own.insert(QStringLiteral("KEYWARD_NEW_PASSPHRASE"), third);
        run = m_cli->run(args({"member", "passphrase", "paula"}), {}, own);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("Wrong member name or passphrase")),
                 run.describe().constData());
        // The failed sign-in is audited, naming the member and never the passphrase.
        run = m_cli->run(args({"--json", "audit", "list", "--limit", "2"}));
        QCOMPARE(run.jsonLines().value(0).value(QStringLiteral("action")).toString(),
                 QStringLiteral("member.sign_in"));
        QCOMPARE(run.jsonLines().value(0).value(QStringLiteral("actor")).toString(),
                 QStringLiteral("alice"));
        const QJsonObject failed = run.jsonLines().value(1);
        QCOMPARE(failed.value(QStringLiteral("action")).toString(),
                 QStringLiteral("member.sign_in_failed"));
        QCOMPARE(failed.value(QStringLiteral("actor")).toString(), QStringLiteral("system"));
        QVERIFY2(run.out.contains("paula") && !run.out.contains(first.toUtf8())
                     && !run.out.contains(third.toUtf8()),
                 run.describe().constData());
        own.insert(QStringLiteral("KEYWARD_PASSPHRASE"), second);
        run = m_cli->run(args({"member", "passphrase", "paula"}), {}, own);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(!run.out.contains(third.toUtf8()) && !run.err.contains(third.toUtf8()));
        run = m_cli->run(args({"member", "list"}), {}, as(QStringLiteral("paula"), second));
        QCOMPARE(run.exitCode, 1);
        run = m_cli->run(args({"--json", "audit", "list", "--limit", "10"}), {},
                         as(QStringLiteral("paula"), third));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(newestChange(run).value(QStringLiteral("actor")).toString(),
                 QStringLiteral("paula"));
        QCOMPARE(newestChange(run).value(QStringLiteral("action")).toString(),
                 QStringLiteral("member.passphrase"));
    }

    void tokenFromStdin()
    {
        const QString token = createKey(args({"--name", "stdin reader"}), QStringLiteral("dev"));
        QVERIFY(!token.isEmpty());
        // Pasted with spaces and a Windows line end: trimmed, then valid.
        CliRunner::Run run = m_cli->run(args({"verify", "--json", "--env", "dev", "-"}),
                                        "  " + token.toUtf8() + " \r\n");
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("Valid"));
        // Only the first line is the token.
        run = m_cli->run(args({"verify", "--json", "--env", "dev", "-"}),
                         token.toUtf8() + "\nkw_dev_garbage\n");
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        // Nothing on stdin is "no key", not a hang.
        run = m_cli->run(args({"verify", "--json", "--env", "dev", "-"}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("Malformed"));
    }

    void malformedToken()
    {
        const QString token = createKey(args({"--name", "cut short"}));
        QVERIFY(!token.isEmpty());
        CliRunner::Run run = verify(token.chopped(3));
        QCOMPARE(run.exitCode, 1);
        QJsonObject result = run.json();
        QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("Malformed"));
        QCOMPARE(result.value(QStringLiteral("http")).toInt(), 401);
        QVERIFY2(result.value(QStringLiteral("reason"))
                     .toString()
                     .contains(QStringLiteral("not copied in full")),
                 run.describe().constData());
        QVERIFY(!result.contains(QStringLiteral("key_id")));

        run = m_cli->run(args({"verify", "--env", "live"}) + QStringList {token.chopped(3)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("not copied in full"), run.describe().constData());
    }

    void verifyOutcomes()
    {
        const QString token = createKey(args({"--name", "scoped", "--grant", "licenses:read"}),
                                        QStringLiteral("stg"));
        QVERIFY(!token.isEmpty());
        CliRunner::Run run = verify(token, QStringLiteral("live"));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("WrongEnvironment"));
        run = verify(token, QStringLiteral("stg"), args({"--grant", "licenses:manage"}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("InsufficientGrants"));
        QCOMPARE(run.json().value(QStringLiteral("http")).toInt(), 403);
        QCOMPARE(run.json().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Missing grant licenses:manage"));
        // A well-formed key this vault never issued.
        const Keyward::SecretString stranger =
            Keyward::KeyToken::generate(QStringLiteral("kw"), Keyward::Environment::Production);
        run = verify(stranger.toQString());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("NotFound"));
        QCOMPARE(run.json().value(QStringLiteral("http")).toInt(), 401);
    }

    // --customer and --ip reach the verifier; --allow-ip on create and edit, shown and cleared.
    void customerAndIpScope()
    {
        const QString token =
            createKey(args({"--name", "scoped to acme", "--customer", "acme", "--allow-ip",
                            "10.0.0.0/8", "--allow-ip", "2001:db8::/32,192.0.2.7"}));
        QVERIFY(!token.isEmpty());
        CliRunner::Run run = verify(token, QStringLiteral("live"),
                                    args({"--customer", "globex", "--ip", "10.1.2.3"}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("WrongCustomer"));
        QCOMPARE(run.json().value(QStringLiteral("http")).toInt(), 403);
        run = verify(token, QStringLiteral("live"),
                     args({"--customer", "acme", "--ip", "198.51.100.1"}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("IpNotAllowed"));
        QCOMPARE(run.json().value(QStringLiteral("http")).toInt(), 403);
        // No --ip: the address is unknown, and a key with a list fails closed.
        run = verify(token, QStringLiteral("live"), args({"--customer", "acme"}));
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("IpNotAllowed"));
        QVERIFY2(run.json()
                     .value(QStringLiteral("reason"))
                     .toString()
                     .contains(QStringLiteral("unknown")),
                 run.describe().constData());
        run = verify(token, QStringLiteral("live"),
                     args({"--customer", "acme", "--ip", "::ffff:10.9.9.9"}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("customer")).toString(), QStringLiteral("acme"));

        // The id of the key just made, its list in key show and key list --json.
        run = m_cli->run(args({"key", "list", "--json"}));
        QCOMPARE(run.exitCode, 0);
        QJsonObject created;
        for (const QJsonObject &key : run.jsonLines()) {
            if (key.value(QStringLiteral("name")).toString() == QStringLiteral("scoped to acme"))
                created = key;
        }
        QCOMPARE(created.value(QStringLiteral("allowed_ips")).toArray(),
                 (QJsonArray {QStringLiteral("10.0.0.0/8"), QStringLiteral("2001:db8::/32"),
                              QStringLiteral("192.0.2.7")}));
        const QString id = QString::number(created.value(QStringLiteral("id")).toInteger());
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("show"), id});
        QVERIFY2(QString::fromUtf8(run.out).contains(
                     QStringLiteral("Allowed IPs: 10.0.0.0/8, 2001:db8::/32, 192.0.2.7")),
                 run.describe().constData());

        // Edit: a bad entry changes nothing; a new list replaces the old; --any-ip clears it.
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("edit"), id,
                          QStringLiteral("--allow-ip"), QStringLiteral("10.0.0.0/33")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(QStringLiteral("0 to 32")), run.describe().constData());
        run = m_cli->run({QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("edit"),
                          id, QStringLiteral("--allow-ip"), QStringLiteral("198.51.100.0/24")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("allowed_ips")).toArray(),
                 QJsonArray {QStringLiteral("198.51.100.0/24")});
        run = verify(token, QStringLiteral("live"), args({"--ip", "198.51.100.1"}));
        QCOMPARE(run.exitCode, 0);
        run = m_cli->run({QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("edit"),
                          id, QStringLiteral("--any-ip")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("allowed_ips")).toArray(), QJsonArray());
        run = verify(token, QStringLiteral("live"));
        QCOMPARE(run.exitCode, 0);

        // Audited.
        run = m_cli->run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("list"),
                          QStringLiteral("--limit"), QStringLiteral("2")});
        QVERIFY2(run.out.contains("allowed_ips"), run.describe().constData());
    }

    void hostileNamesStayData()
    {
        const QStringList names {
            QStringLiteral("Robert \"Bobby\" O'Brien"),
            QStringLiteral("'; DROP TABLE api_keys; --"),
            QStringLiteral("<b>html</b> & <script>alert(1)</script>"),
            QStringLiteral("-starts with a dash %1 %n \\ \u00e9\u00e8 \U0001F511"),
            QString(Keyward::Permissions::kMaxNameLength, QLatin1Char('x')), // the longest
        };
        for (const QString &name : names) {
            const QString token =
                createKey({QStringLiteral("--name"), name, QStringLiteral("--notes"), name,
                           QStringLiteral("--customer"), name.left(200)});
            QVERIFY2(!token.isEmpty(), qPrintable(name.left(60)));
        }
        CliRunner::Run run = m_cli->run(args({"key", "list", "--json"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QSet<QString> listedNames;
        const QVector<QJsonObject> keys = run.jsonLines();
        for (const QJsonObject &key : keys) {
            QVERIFY(!key.isEmpty()); // every line is a JSON object
            const QString name = key.value(QStringLiteral("name")).toString();
            listedNames.insert(name);
            if (names.contains(name)) {
                QCOMPARE(key.value(QStringLiteral("notes")).toString(), name);
                QCOMPARE(key.value(QStringLiteral("customer")).toString(), name.left(200));
            }
        }
        for (const QString &name : names)
            QVERIFY2(listedNames.contains(name), qPrintable(name.left(60)));
        // Revoked keys are hidden unless --all; the table exists, the human list works.
        run = m_cli->run(args({"key", "list"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.out.contains("DROP TABLE"));
        QVERIFY(!run.out.contains(
            QString(Keyward::Permissions::kMaxNameLength, QLatin1Char('x')).toUtf8())); // elided
    }

    void revokedKeysOnlyWithAll()
    {
        CliRunner::Run run = m_cli->run(args({"key", "list", "--json", "--all"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        int revokedWithAll = 0;
        for (const QJsonObject &key : run.jsonLines())
            revokedWithAll +=
                key.value(QStringLiteral("state")).toString() == QLatin1String("revoked");
        QVERIFY(revokedWithAll >= 1); // from keyLifecycle
        run = m_cli->run(args({"key", "list", "--json"}));
        for (const QJsonObject &key : run.jsonLines())
            QVERIFY(key.value(QStringLiteral("state")).toString() != QLatin1String("revoked"));
    }

    void regenerateWithGrace()
    {
        const QString oldToken = createKey(args({"--name", "rotating"}));
        QVERIFY(!oldToken.isEmpty());
        CliRunner::Run run = verify(oldToken);
        const QString id = QString::number(run.json().value(QStringLiteral("key_id")).toInt());
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("regenerate"), id,
                          QStringLiteral("--grace"), QStringLiteral("1h")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        QVERIFY2(match.hasMatch(), run.describe().constData());
        const QString newToken = match.captured(1);
        QVERIFY(newToken != oldToken);
        QVERIFY(!run.err.contains(newToken.toUtf8()));
        for (const QString &token : {oldToken, newToken}) {
            run = verify(token);
            QVERIFY2(run.exitCode == 0, run.describe().constData());
            QCOMPARE(QString::number(run.json().value(QStringLiteral("key_id")).toInt()), id);
        }
    }

    // key end-grace: the previous secret stops at once; a Production key needs --yes when
    // nobody can be asked, and the refusal says when the old secret was last used.
    void endGraceStopsThePreviousSecret()
    {
        const QString oldToken = createKey(args({"--name", "ending"}));
        QVERIFY(!oldToken.isEmpty());
        CliRunner::Run run = verify(oldToken, QStringLiteral("live"));
        const QString id = QString::number(run.json().value(QStringLiteral("key_id")).toInt());
        run = m_cli->run(args({"key", "end-grace"}) << id);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QLatin1String("no previous secret")),
                 run.describe().constData());
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("regenerate"), id,
                          QStringLiteral("--grace"), QStringLiteral("1h")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString newToken = kTokenLine.match(QString::fromUtf8(run.out)).captured(1);
        QVERIFY(!newToken.isEmpty());
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("end-grace"), id});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QLatin1String("--yes")), run.describe().constData());
        // The previous secret's impact alone, before the refusal: its request and source.
        QVERIFY2(run.errText().contains(QLatin1String("1 request presented")),
                 run.describe().constData());
        QVERIFY2(run.errText().contains(QLatin1String("previous secret")),
                 run.describe().constData());
        QCOMPARE(verify(oldToken).exitCode, 0); // nothing changed
        run = m_cli->run({QStringLiteral("--json"), QStringLiteral("key"),
                          QStringLiteral("end-grace"), id, QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonArray impacts = run.json().value(QStringLiteral("impact")).toArray();
        QCOMPARE(impacts.size(), 1);
        // The first verify and the one that checked nothing had changed.
        QCOMPARE(impacts.at(0).toObject().value(QStringLiteral("total")), QJsonValue(2));
        QCOMPARE(verify(oldToken).exitCode, 1);
        QCOMPARE(verify(newToken).exitCode, 0);
        run =
            m_cli->run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("list")});
        QVERIFY2(run.out.contains("key.end_grace"), run.describe().constData());
    }

    // Deactivate, revoke and delete print the key's impact first (and carry it in --json):
    // the last 7 days by outcome, every source with its last time and the secret it presented.
    void impactBeforeEveryCut()
    {
        const QString token = createKey(args({"--name", "impact", "--grant", "licenses:read"}));
        QVERIFY(!token.isEmpty());
        CliRunner::Run run = verify(token, QStringLiteral("live"),
                                    args({"--source", "billing-sync", "--grant", "licenses:read"}));
        QCOMPARE(run.exitCode, 0);
        const QString id = QString::number(run.json().value(QStringLiteral("key_id")).toInt());
        QCOMPARE(verify(token, QStringLiteral("live"), args({"--source", "ci-runner"})).exitCode,
                 0);
        QCOMPARE(verify(token, QStringLiteral("live"),
                        args({"--source", "ci-runner", "--grant", "customers:manage"}))
                     .exitCode,
                 1);

        run = m_cli->run({QStringLiteral("key"), QStringLiteral("deactivate"), id});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString err = run.errText();
        for (const char *expected :
             {"Impact of key", "3 requests in the last 7 days: Valid 2, InsufficientGrants 1.",
              "billing-sync: last ", "ci-runner: last ", "current secret",
              "Still in use: 2 sources presented it in the last 7 days."})
            QVERIFY2(err.contains(QLatin1String(expected)), run.describe().constData());
        QVERIFY2(err.indexOf(QLatin1String("Impact")) < err.indexOf(QLatin1String("Deactivated")),
                 run.describe().constData());

        QCOMPARE(m_cli->run({QStringLiteral("key"), QStringLiteral("activate"), id}).exitCode, 0);
        // Refused without --yes: the impact came first all the same.
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("revoke"), id});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QLatin1String("Still in use")), run.describe().constData());
        run = m_cli->run({QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("revoke"),
                          id, QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject impact = run.json().value(QStringLiteral("impact")).toObject();
        QCOMPARE(impact.value(QStringLiteral("total")).toInt(), 3);
        QCOMPARE(impact.value(QStringLiteral("requests")).toObject().value(QStringLiteral("Valid")),
                 QJsonValue(2));
        QCOMPARE(impact.value(QStringLiteral("still_in_use")), QJsonValue(true));
        const QJsonArray sources = impact.value(QStringLiteral("sources")).toArray();
        QCOMPARE(sources.size(), 2);
        QCOMPARE(sources.at(0).toObject().value(QStringLiteral("secret")),
                 QJsonValue(QStringLiteral("current")));

        run = m_cli->run({QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("delete"),
                          id, QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.json().value(QStringLiteral("impact")).isObject());
    }

    void unknownAndStaleIds()
    {
        const QString token = createKey(args({"--name", "short-lived"}), QStringLiteral("dev"));
        QVERIFY(!token.isEmpty());
        CliRunner::Run run = verify(token, QStringLiteral("dev"));
        const QString id = QString::number(run.json().value(QStringLiteral("key_id")).toInt());
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("delete"), id});
        QVERIFY2(run.exitCode == 0, run.describe().constData()); // not Production: no confirmation
        QCOMPARE(verify(token, QStringLiteral("dev")).json().value(QStringLiteral("outcome")),
                 QJsonValue(QStringLiteral("NotFound")));

        for (const QString &command : {QStringLiteral("show"), QStringLiteral("deactivate")}) {
            run = m_cli->run({QStringLiteral("key"), command, id});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.errText().contains(QStringLiteral("no key with id")),
                     run.describe().constData());
        }
        run = m_cli->run(args({"key", "regenerate", "999999"}));
        QCOMPARE(run.exitCode, 1);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("nothing") << QStringList();
        QTest::newRow("unknown command") << args({"frobnicate"});
        QTest::newRow("unknown key command") << args({"key", "steal"});
        QTest::newRow("key without command") << args({"key"});
        QTest::newRow("unknown global option") << args({"--colour", "key", "list"});
        QTest::newRow("unknown option") << args({"key", "list", "--bogus"});
        QTest::newRow("missing value") << args({"--vault"});
        QTest::newRow("create without name")
            << args({"key", "create", "--env", "dev", "--role", "developer"});
        QTest::newRow("create with bad env")
            << args({"key", "create", "--name", "n", "--env", "moon", "--role", "developer"});
        QTest::newRow("create with bad expiry")
            << args({"key", "create", "--name", "n", "--env", "dev", "--role", "developer",
                     "--expires", "soonish"});
        QTest::newRow("show without id") << args({"key", "show"});
        QTest::newRow("show with a word") << args({"key", "show", "first"});
        QTest::newRow("extra argument") << args({"key", "show", "1", "2"});
        QTest::newRow("bad grace") << args({"key", "regenerate", "1", "--grace", "forever"});
        QTest::newRow("verify without env") << args({"verify", "kw_live_x"});
        QTest::newRow("verify without token") << args({"verify", "--env", "live"});
        QTest::newRow("verify with a bad address")
            << args({"verify", "--env", "live", "--ip", "10.0.0.300", "kw_live_x"});
        QTest::newRow("create with a bad range")
            << args({"key", "create", "--name", "n", "--env", "dev", "--role", "developer",
                     "--allow-ip", "10.0.0.0/33"});
        QTest::newRow("create with an empty entry")
            << args({"key", "create", "--name", "n", "--env", "dev", "--role", "developer",
                     "--allow-ip", "10.0.0.1,,10.0.0.2"});
        QTest::newRow("edit with both ip options")
            << args({"key", "edit", "1", "--allow-ip", "10.0.0.1", "--any-ip"});
        QTest::newRow("edit with a blank list") << args({"key", "edit", "1", "--allow-ip", " "});
        QTest::newRow("member add without role") << args({"member", "add", "zed"});
        QTest::newRow("member role unknown") << args({"member", "role", "alice", "emperor"});
        QTest::newRow("member passphrase without name") << args({"member", "passphrase"});
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const CliRunner::Run run = m_cli->run(arguments);
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("keywardctl: "), run.describe().constData());
        QVERIFY2(run.errText().contains(QStringLiteral("--help")), run.describe().constData());
    }

    void helpPerCommand()
    {
        const CliRunner::Run run = m_cli->run(args({"key", "create", "--help"}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("--name") && run.out.contains("--grant"),
                 run.describe().constData());
        QCOMPARE(m_cli->run(args({"--help"})).exitCode, 0);
    }

    void memberIsRequired()
    {
        const CliRunner::Run run =
            m_cli->run(args({"key", "list"}), {}, {{QStringLiteral("KEYWARD_MEMBER"), QString()}});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(QStringLiteral("KEYWARD_MEMBER")),
                 run.describe().constData());
    }

    void noPassphraseAndNoTerminalFailsAtOnce()
    {
        const CliRunner::Run run = m_cli->run(args({"key", "list"}), {},
                                              {{QStringLiteral("KEYWARD_PASSPHRASE"), QString()}});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(QStringLiteral("KEYWARD_PASSPHRASE")),
                 run.describe().constData());
    }

    void wrongPassphrase()
    {
        const CliRunner::Run run =
            m_cli->run(args({"key", "list"}), {},
                       {{QStringLiteral("KEYWARD_PASSPHRASE"), QStringLiteral("not the one")}});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errText().contains(QStringLiteral("Wrong member name or passphrase")),
                 run.describe().constData());
    }

    void vaultErrors()
    {
        const QString notAVault = m_home.filePath(QStringLiteral("notes.txt"));
        QFile file(notAVault);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();

        CliRunner::Run run = m_cli->run(
            {QStringLiteral("--vault"), notAVault, QStringLiteral("key"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errText().contains(QStringLiteral("not a Keyward vault")),
                 run.describe().constData());
        // verify needs no login, but still a vault.
        run = m_cli->run({QStringLiteral("verify"), QStringLiteral("--env"), QStringLiteral("live"),
                          QStringLiteral("--vault"), notAVault, QStringLiteral("kw_live_x")});
        QCOMPARE(run.exitCode, 3);
        // The file is refused, not modified.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray(4096, 'x'));
        file.close();

        run = m_cli->run({QStringLiteral("--vault"),
                          m_home.filePath(QStringLiteral("missing.keyward")), QStringLiteral("key"),
                          QStringLiteral("list")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errText().contains(QStringLiteral("There is no vault")),
                 run.describe().constData());
    }

    // "--expires 2027-01-31" works through the end of that day and says so, instead of
    // "expiring 2027-02-01 00:00 UTC".
    void expiryDateReadsAsTheDayChosen()
    {
        const QDate day = QDateTime::currentDateTimeUtc().date().addDays(40);
        const QString date = day.toString(Qt::ISODate);
        CliRunner::Run run = m_cli->run(args({"key", "create", "--env", "dev", "--role",
                                              "developer", "--name", "dated", "--expires"})
                                        + QStringList {date});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString said = run.errText();
        QVERIFY2(said.contains(QStringLiteral("expiring %1 end of day UTC").arg(date)),
                 run.describe().constData());
        QVERIFY2(!said.contains(day.addDays(1).toString(Qt::ISODate)), run.describe().constData());
        const QString id = QString::number(
            verify(kTokenLine.match(QString::fromUtf8(run.out)).captured(1), QStringLiteral("dev"))
                .json()
                .value(QStringLiteral("key_id"))
                .toInt());
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("show"), id});
        QVERIFY2(run.out.contains(QStringLiteral("%1 end of day UTC").arg(date).toUtf8()),
                 run.describe().constData());
        // JSON keeps the exact instant: the first moment the key no longer works.
        run = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("show"), id});
        QCOMPARE(run.json().value(QStringLiteral("expires_at")).toString(),
                 QDateTime(day.addDays(1), QTime(0, 0), Qt::UTC).toString(Qt::ISODateWithMs));
    }

    // An inactive key answers 401 to every secret: regenerate must not promise otherwise.
    void regenerateInactiveKeySaysWhatHappens()
    {
        const QString token = createKey(args({"--name", "dormant"}));
        QVERIFY(!token.isEmpty());
        const QString id =
            QString::number(verify(token).json().value(QStringLiteral("key_id")).toInt());
        QCOMPARE(m_cli->run({QStringLiteral("key"), QStringLiteral("deactivate"), id}).exitCode, 0);
        CliRunner::Run run = m_cli->run({QStringLiteral("key"), QStringLiteral("regenerate"), id,
                                         QStringLiteral("--grace"), QStringLiteral("1h")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(!run.errText().contains(QStringLiteral("keeps working")),
                 run.describe().constData());
        QVERIFY2(run.errText().contains(QStringLiteral("inactive")), run.describe().constData());
        QVERIFY2(run.errText().contains(QStringLiteral("keywardctl key activate %1").arg(id)),
                 run.describe().constData());
        // And that is what really happens: the old secret answers Inactive, not Valid.
        QCOMPARE(verify(token).json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("Inactive"));
    }

    // UsageExceeded says an admin can raise the limit: `key edit --usage-limit` and
    // `key reset-usage` do it, for Admins and Owners only, audited.
    void usageLimitCanBeRaisedAndReset()
    {
        const QString token = createKey(args({"--name", "metered", "--usage-limit", "1"}));
        QVERIFY(!token.isEmpty());
        CliRunner::Run run = verify(token);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString id = QString::number(run.json().value(QStringLiteral("key_id")).toInt());
        QCOMPARE(verify(token).json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("UsageExceeded"));

        run = m_cli->run({QStringLiteral("--json"), QStringLiteral("key"), QStringLiteral("edit"),
                          id, QStringLiteral("--usage-limit"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("usage_limit")).toInt(), 2);
        QCOMPARE(verify(token).json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("Valid"));
        QCOMPARE(verify(token).json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("UsageExceeded"));

        run = m_cli->run({QStringLiteral("key"), QStringLiteral("reset-usage"), id});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.errText().contains(QStringLiteral("2 used before")),
                 run.describe().constData());
        QCOMPARE(verify(token).json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("Valid"));

        run = m_cli->run({QStringLiteral("key"), QStringLiteral("edit"), id,
                          QStringLiteral("--usage-limit"), QStringLiteral("0")});
        QCOMPARE(run.exitCode, 2);

        // A Developer cannot lift a limit, not even on a key of their own.
        const QString devPassphrase = QStringLiteral("devon passphrase");
        run = m_cli->run(args({"member", "add", "devon", "--role", "developer"}), {},
                         {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), devPassphrase}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QHash<QString, QString> devon {
            {QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("devon")},
            {QStringLiteral("KEYWARD_PASSPHRASE"), devPassphrase}};
        run = m_cli->run(args({"key", "create", "--env", "dev", "--role", "developer", "--name",
                               "devon's", "--usage-limit", "3"}),
                         {}, devon);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString devonId = QString::number(
            verify(kTokenLine.match(QString::fromUtf8(run.out)).captured(1), QStringLiteral("dev"))
                .json()
                .value(QStringLiteral("key_id"))
                .toInt());
        run = m_cli->run({QStringLiteral("key"), QStringLiteral("edit"), devonId,
                          QStringLiteral("--usage-limit"), QStringLiteral("none")},
                         {}, devon);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("Admins and Owners")),
                 run.describe().constData());
        run =
            m_cli->run({QStringLiteral("key"), QStringLiteral("reset-usage"), devonId}, {}, devon);
        QCOMPARE(run.exitCode, 1);

        run = m_cli->run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("list"),
                          QStringLiteral("--key"), id});
        QStringList actions;
        for (const QJsonObject &event : run.jsonLines())
            actions.append(event.value(QStringLiteral("action")).toString());
        QVERIFY2(actions.mid(0, 2)
                     == QStringList(
                         {QStringLiteral("key.usage_reset"), QStringLiteral("key.usage_limit")}),
                 qPrintable(actions.join(QLatin1Char(' '))));
    }

    // Sign-ins are audited, failed ones too; a name that is no member's is not recorded (it may
    // be a passphrase typed into the name field), and no passphrase ever is.
    void signInsAreAudited()
    {
        const QString typedAsName = QStringLiteral("hunter2 my secret");
        CliRunner::Run run =
            m_cli->run(args({"key", "list"}), {},
                       {{QStringLiteral("KEYWARD_MEMBER"), typedAsName},
                        {QStringLiteral("KEYWARD_PASSPHRASE"), QStringLiteral("also secret")}});
        QCOMPARE(run.exitCode, 1);
        run = m_cli->run(args({"--json", "audit", "list", "--limit", "3"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QVector<QJsonObject> events = run.jsonLines();
        QCOMPARE(events.value(0).value(QStringLiteral("action")).toString(),
                 QStringLiteral("member.sign_in"));
        QCOMPARE(events.value(0).value(QStringLiteral("actor")).toString(),
                 QStringLiteral("alice"));
        QCOMPARE(events.value(1).value(QStringLiteral("action")).toString(),
                 QStringLiteral("member.sign_in_failed"));
        QVERIFY2(!run.out.contains("hunter2") && !run.out.contains("also secret"),
                 run.describe().constData());
        // Sign-ins are history, not changes: `audit verify` still finds the chain intact.
        run = m_cli->run(args({"audit", "verify"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
    }

    // With --json, an error is one JSON object on stderr, like results on stdout.
    void jsonErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("exit");
        QTest::newRow("not found")
            << args({"--json", "key", "show", "999999"}) << QStringLiteral("not_found") << 1;
        QTest::newRow("json after command")
            << args({"key", "show", "999999", "--json"}) << QStringLiteral("not_found") << 1;
        QTest::newRow("usage") << args({"--json", "key", "show"}) << QStringLiteral("usage") << 2;
        QTest::newRow("unknown option")
            << args({"key", "list", "--json", "--bogus"}) << QStringLiteral("usage") << 2;
        QTest::newRow("unknown command")
            << args({"--json", "frobnicate"}) << QStringLiteral("usage") << 2;
    }

    void jsonErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        QFETCH(int, exit);
        const CliRunner::Run run = m_cli->run(arguments);
        QCOMPARE(run.exitCode, exit);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.endsWith('\n') && run.err.count('\n') == 1, run.describe().constData());
        QJsonParseError parseError;
        const QJsonObject error = QJsonDocument::fromJson(run.err, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, run.describe().constData());
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(error.value(QStringLiteral("exit")).toInt(), exit);
        QVERIFY(!error.value(QStringLiteral("error")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
