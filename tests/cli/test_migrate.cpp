// keywardctl migrate: a vault file copied to PostgreSQL and back, with its ids, hashes, usage and
// audit chain; tokens issued before keep working on both copies; targets that are not empty are
// refused, and a copy that fails leaves its target as it was.
#include "CliRunner.h"
#include "PgFixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

const QString kOwnerPass = QStringLiteral("owner passphrase 1");
const QString kDevPass = QStringLiteral("developer passphrase 1");
const QString kLoginPass = QStringLiteral("server login password 1");
const QString kVerifierPass = QStringLiteral("verifier password 1");
const QString kFinalPass = QStringLiteral("passphrase in the final copy");
// The address verifications come from: on key C's allowlist (key A has none).
const QString kClientIp = QStringLiteral("127.0.0.1");
const QRegularExpression kTokenLine(QStringLiteral("^(kw_(live|stg|dev)_[0-9A-Za-z]{49})\\n$"));

// The rows that must survive a copy unchanged, as text (hashes in hex), in the same SQL on both
// engines. Passphrase hashes differ by design (a server keeps none) and are left out.
struct VaultDump
{
    QStringList meta, members, keys, keyUsage, secrets, secretUsage, audit, usage, requests;
    bool operator==(const VaultDump &other) const
    {
        return meta == other.meta && members == other.members && keys == other.keys
            && keyUsage == other.keyUsage && secrets == other.secrets
            && secretUsage == other.secretUsage && audit == other.audit && usage == other.usage
            && requests == other.requests;
    }
};

QStringList rows(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        qFatal("dump failed: %s", qPrintable(sql));
    QStringList out;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i) {
            const QVariant value = q.value(i);
            if (value.isNull())
                cells.append(QStringLiteral("NULL"));
            else if (value.typeId() == QMetaType::QByteArray)
                cells.append(QString::fromLatin1(value.toByteArray().toHex()));
            else
                cells.append(value.toString());
        }
        out.append(cells.join(QLatin1Char('|')));
    }
    return out;
}

VaultDump dump(QSqlDatabase &db)
{
    VaultDump d;
    // A copy starts unsigned (schema 5): the root key is the source's alone.
    d.meta = rows(db,
                  QStringLiteral("SELECT name, value FROM vault_meta WHERE name NOT IN "
                                 "('pg_role_prefix', 'root_key') ORDER BY name"));
    d.members = rows(db,
                     QStringLiteral("SELECT id, name, role, created_at, removed_at, version "
                                    "FROM members ORDER BY id"));
    d.keys = rows(db,
                  QStringLiteral("SELECT id, name, notes, environment, role, grants, state, "
                                 "expires_at, rate_count, rate_unit, usage_limit, customer, "
                                 "created_by, created_at, updated_at, revoked_at, flagged, "
                                 "version, allowed_ips FROM api_keys ORDER BY id"));
    d.keyUsage = rows(db,
                      QStringLiteral("SELECT key_id, usage_count, usage_epoch FROM key_usage "
                                     "ORDER BY key_id"));
    d.secrets = rows(db,
                     QStringLiteral("SELECT id, key_id, hash, hint, created_at, retires_at "
                                    "FROM key_secrets ORDER BY id"));
    d.secretUsage = rows(db,
                         QStringLiteral("SELECT secret_id, usage_seq, last_used_at, "
                                        "last_used_source, last_refused_at, last_refused_outcome "
                                        "FROM secret_usage ORDER BY secret_id"));
    d.audit = rows(db,
                   QStringLiteral("SELECT id, at, actor, action, key_id, details, prev_hash, "
                                  "hash FROM audit_log ORDER BY id"));
    d.usage = rows(db,
                   QStringLiteral("SELECT key_id, hour, outcome, count FROM key_usage_hourly "
                                  "ORDER BY key_id, hour, outcome"));
    d.requests = rows(db,
                      QStringLiteral("SELECT id, at, key_id, secret_id, source, outcome FROM "
                                     "request_log ORDER BY id"));
    return d;
}

VaultDump dumpFile(const QString &path)
{
    const QString name = QStringLiteral("test-dump-") + QString::number(qHash(path));
    VaultDump d;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        d = dump(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return d;
}

QString describe(const VaultDump &a, const VaultDump &b)
{
    QString out;
    auto section = [&](const char *what, const QStringList &x, const QStringList &y) {
        if (x != y)
            out += QString::fromLatin1(what) + QStringLiteral(":\n  ")
                + x.join(QStringLiteral("\n  ")) + QStringLiteral("\nvs\n  ")
                + y.join(QStringLiteral("\n  ")) + QLatin1Char('\n');
    };
    section("meta", a.meta, b.meta);
    section("members", a.members, b.members);
    section("keys", a.keys, b.keys);
    section("key usage", a.keyUsage, b.keyUsage);
    section("secrets", a.secrets, b.secrets);
    section("secret usage", a.secretUsage, b.secretUsage);
    section("audit", a.audit, b.audit);
    section("usage", a.usage, b.usage);
    section("requests", a.requests, b.requests);
    return out;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 publicRelations(PgTestDatabase &pg)
{
    return pg.admin()
        .scalar(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class c JOIN "
                               "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
                               "n.nspname = 'public'"))
        .toLongLong();
}

} // namespace

class TestMigrate : public QObject
{
    Q_OBJECT

private:
    // A conninfo without its password (that travels in PGPASSWORD); the superuser when empty.
    static QString conninfo(PgTestDatabase &pg, const QString &login = QString())
    {
        PgConnInfo info = pg.conninfo(login);
        info.setValue(QStringLiteral("password"), QString());
        return info.toString();
    }
    static QString superuserPassword()
    {
        return pgServerConninfo().value(QStringLiteral("password"));
    }
    CliRunner::Run onFile(const QString &path, const QStringList &arguments, const QString &member,
                          const QString &passphrase, const QByteArray &input = {}) const
    {
        return m_cli->run(QStringList {QStringLiteral("--vault"), path} + arguments, input,
                          {{QStringLiteral("KEYWARD_MEMBER"), member},
                           {QStringLiteral("KEYWARD_PASSPHRASE"), passphrase}});
    }
    CliRunner::Run onServer(const QString &login, const QString &password,
                            const QStringList &arguments, const QByteArray &input = {},
                            QHash<QString, QString> overrides = {}) const
    {
        overrides.insert(QStringLiteral("PGPASSWORD"), password);
        return m_cli->run(QStringList {QStringLiteral("--db"), conninfo(*m_pg, login)} + arguments,
                          input, overrides);
    }
    QString createKey(const QString &name, const QString &env)
    {
        const CliRunner::Run run = onFile(
            m_original,
            {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--name"), name,
             QStringLiteral("--env"), env, QStringLiteral("--role"), QStringLiteral("developer")},
            m_owner, kOwnerPass);
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        if (run.exitCode != 0 || !match.hasMatch())
            qWarning("%s", run.describe().constData());
        return match.captured(1);
    }
    static int verifyHttp(const CliRunner::Run &run)
    {
        return run.json().value(QStringLiteral("http")).toInt();
    }
    CliRunner::Run verifyOnServer(const QString &token, const QString &env) const
    {
        return onServer(m_verifier, kVerifierPass,
                        {QStringLiteral("--json"), QStringLiteral("verify"),
                         QStringLiteral("--env"), env, QStringLiteral("--ip"), kClientIp,
                         QStringLiteral("-")},
                        token.toUtf8());
    }
    CliRunner::Run verifyOnFile(const QString &path, const QString &token, const QString &env) const
    {
        return m_cli->run({QStringLiteral("--vault"), path, QStringLiteral("--json"),
                           QStringLiteral("verify"), QStringLiteral("--env"), env,
                           QStringLiteral("--ip"), kClientIp, QStringLiteral("-")},
                          token.toUtf8());
    }

    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;
    std::unique_ptr<PgTestDatabase> m_pg; // the PostgreSQL copy
    QString m_owner;
    QString m_dev;
    QString m_verifier;
    QString m_original;
    QString m_final;
    QString m_tokenA; // live, key 1
    QString m_tokenOldC; // dev, key 2, retiring in an hour
    QString m_tokenNewC;
    VaultDump m_originalDump;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_cli = std::make_unique<CliRunner>(m_home.path());
        m_pg = std::make_unique<PgTestDatabase>();
        // Members become server logins, which are cluster-wide: names of this run's own.
        const QString suffix = m_pg->name().mid(4);
        m_owner = QStringLiteral("mowner_") + suffix;
        m_dev = QStringLiteral("mdev_") + suffix;
        m_verifier = QStringLiteral("mservice_") + suffix;
        m_original = m_home.filePath(QStringLiteral("original.keyward"));
        m_final = m_home.filePath(QStringLiteral("final.keyward"));

        CliRunner::Run run =
            onFile(m_original, {QStringLiteral("init"), QStringLiteral("--owner"), m_owner},
                   m_owner, kOwnerPass);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = m_cli->run({QStringLiteral("--vault"), m_original, QStringLiteral("member"),
                          QStringLiteral("add"), m_dev, QStringLiteral("--role"),
                          QStringLiteral("developer")},
                         {},
                         {{QStringLiteral("KEYWARD_MEMBER"), m_owner},
                          {QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPass},
                          {QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kDevPass}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        m_tokenA = createKey(QStringLiteral("A"), QStringLiteral("live"));
        m_tokenOldC = createKey(QStringLiteral("C"), QStringLiteral("dev"));
        // The newest key deleted: only the audit log still knows its id, which must never be
        // handed out again, in any copy.
        QVERIFY(!createKey(QStringLiteral("B"), QStringLiteral("stg")).isEmpty());
        QVERIFY(!m_tokenA.isEmpty() && !m_tokenOldC.isEmpty());
        run = onFile(m_original, args({"key", "delete", "3", "--yes"}), m_owner, kOwnerPass);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = onFile(m_original, args({"key", "regenerate", "2", "--grace", "1h"}), m_owner,
                     kOwnerPass);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        m_tokenNewC = kTokenLine.match(QString::fromUtf8(run.out)).captured(1);
        QVERIFY(!m_tokenNewC.isEmpty());
        // An IP allowlist to copy: the copies must keep it and enforce it (kClientIp is on it).
        run = onFile(m_original, args({"key", "edit", "2", "--allow-ip", "127.0.0.0/8, ::1"}),
                     m_owner, kOwnerPass);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        // Some usage to copy.
        QCOMPARE(verifyHttp(verifyOnFile(m_original, m_tokenA, QStringLiteral("live"))), 200);
        m_originalDump = dumpFile(m_original);
        QCOMPARE(m_originalDump.keys.size(), 2);
        QCOMPARE(m_originalDump.secrets.size(), 3);
        QVERIFY(!m_originalDump.usage.isEmpty() && !m_originalDump.requests.isEmpty());
        QCOMPARE(m_originalDump.keyUsage.size(), 1); // key A's count
        QCOMPARE(m_originalDump.secretUsage.size(), 1); // and its secret's last use
    }

    void fileToPostgres()
    {
        const CliRunner::Run run = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--from"),
             m_original, QStringLiteral("--to"), conninfo(*m_pg), QStringLiteral("--role-prefix"),
             m_pg->rolePrefix(), QStringLiteral("--create-logins")},
            {},
            {{QStringLiteral("KEYWARD_MEMBER"), m_owner},
             {QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPass},
             {QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kLoginPass},
             {QStringLiteral("PGPASSWORD"), superuserPassword()}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject report = run.json();
        QCOMPARE(report.value(QStringLiteral("keys")).toInt(), 2);
        QCOMPARE(report.value(QStringLiteral("members")).toInt(), 2);
        QCOMPARE(report.value(QStringLiteral("audit_rows")).toInt(),
                 int(m_originalDump.audit.size()));
        QCOMPARE(report.value(QStringLiteral("audit_head")).toString(),
                 m_originalDump.audit.constLast().section(QLatin1Char('|'), -1));
        QCOMPARE(report.value(QStringLiteral("logins_created")).toArray(),
                 QJsonArray({m_owner, m_dev}));

        const VaultDump copy = dump(m_pg->admin().db());
        QVERIFY2(copy == m_originalDump, qPrintable(describe(m_originalDump, copy)));
        // The source is read, never written.
        const VaultDump after = dumpFile(m_original);
        QVERIFY2(after == m_originalDump, qPrintable(describe(m_originalDump, after)));
    }

    void postgresCopyWorks()
    {
        // The members are logins now, in their groups; the old passphrase plays no part.
        CliRunner::Run run = onServer(m_owner, kLoginPass, args({"audit", "verify"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = onServer(m_dev, kLoginPass, args({"key", "list"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = onServer(m_owner, kLoginPass,
                       {QStringLiteral("db"), QStringLiteral("add-verifier"), m_verifier}, {},
                       {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kVerifierPass}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        // Tokens issued by the original, including the old secret still in its grace period.
        for (const auto &[token, env] : {std::pair {m_tokenA, QStringLiteral("live")},
                                         std::pair {m_tokenNewC, QStringLiteral("dev")},
                                         std::pair {m_tokenOldC, QStringLiteral("dev")}}) {
            run = verifyOnServer(token, env);
            QVERIFY2(run.exitCode == 0 && verifyHttp(run) == 200, run.describe().constData());
        }
        // Key C's copied allowlist is enforced on the server.
        run = onServer(m_verifier, kVerifierPass,
                       args({"--json", "verify", "--env", "dev", "--ip", "192.0.2.1", "-"}),
                       m_tokenNewC.toUtf8());
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("IpNotAllowed"));
    }

    void postgresToFile()
    {
        const VaultDump server = dump(m_pg->admin().db());
        const CliRunner::Run run = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--from"),
             conninfo(*m_pg, m_owner), QStringLiteral("--to"), m_final},
            {},
            {{QStringLiteral("PGPASSWORD"), kLoginPass},
             {QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kFinalPass}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("members_without_passphrase")).toArray(),
                 QJsonArray({m_dev}));
        const VaultDump copy = dumpFile(m_final);
        QVERIFY2(copy == server, qPrintable(describe(server, copy)));
        // From the original through the server: the same keys, secrets and history, plus what
        // happened on the server since (one audit row, usage).
        auto column = [](const QStringList &table, int index) {
            QStringList values;
            for (const QString &row : table)
                values.append(row.section(QLatin1Char('|'), index, index));
            return values;
        };
        QCOMPARE(column(copy.keys, 0), column(m_originalDump.keys, 0));
        QCOMPARE(column(copy.secrets, 2), column(m_originalDump.secrets, 2)); // the hashes
        QCOMPARE(copy.audit.mid(0, m_originalDump.audit.size()), m_originalDump.audit);
        // On the server since: the members' audited sign-ins, and one change.
        QStringList changes;
        for (const QString &row : copy.audit.mid(m_originalDump.audit.size())) {
            if (!row.contains(QStringLiteral("member.sign_in")))
                changes.append(row);
        }
        QCOMPARE(changes.size(), 1);
        QVERIFY(changes.constLast().contains(QStringLiteral("verifier.add")));

        CliRunner::Run check = onFile(m_final, args({"audit", "verify"}), m_owner, kFinalPass);
        QVERIFY2(check.exitCode == 0, check.describe().constData());
        check = verifyOnFile(m_final, m_tokenA, QStringLiteral("live"));
        QVERIFY2(check.exitCode == 0 && verifyHttp(check) == 200, check.describe().constData());
        check = verifyOnFile(m_final, m_tokenNewC, QStringLiteral("dev"));
        QVERIFY2(check.exitCode == 0 && verifyHttp(check) == 200, check.describe().constData());
        // Only the Owner who made the copy has a passphrase in it.
        check = onFile(m_final, args({"key", "list"}), m_dev, kDevPass);
        QCOMPARE(check.exitCode, 1);
    }

    // vault backup of a server vault: a signed vault file with the server's keys, secrets,
    // usage and audit chain (plus the rows of the copy's own signing), checked like any backup.
    void backupOfServerVault()
    {
        const VaultDump server = dump(m_pg->admin().db());
        const QString target = m_home.filePath(QStringLiteral("server.backup"));
        const CliRunner::Run run = onServer(
            m_owner, kLoginPass,
            {QStringLiteral("--json"), QStringLiteral("vault"), QStringLiteral("backup"), target},
            {}, {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kFinalPass}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject report = run.json();
        QCOMPARE(report.value(QStringLiteral("keys")).toInt(), 2);
        QCOMPARE(report.value(QStringLiteral("bytes")).toInteger(), QFileInfo(target).size());
        QCOMPARE(report.value(QStringLiteral("members_without_passphrase")).toArray(),
                 QJsonArray({m_dev}));
        const QString fingerprint = report.value(QStringLiteral("fingerprint")).toString();
        QVERIFY(!fingerprint.isEmpty());
        QCOMPARE(QFileInfo(target).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
        QCOMPARE(QDir(m_home.path())
                     .entryList(QDir::Hidden | QDir::Files)
                     .filter(QStringLiteral("partial")),
                 QStringList());
        // The server is read, never written: not even a sign-in row.
        const VaultDump after = dump(m_pg->admin().db());
        QVERIFY2(after == server, qPrintable(describe(server, after)));

        VaultDump copy = dumpFile(target);
        QCOMPARE(copy.keys, server.keys);
        QCOMPARE(copy.secrets, server.secrets);
        QCOMPARE(copy.keyUsage, server.keyUsage);
        QCOMPARE(copy.secretUsage, server.secretUsage);
        QCOMPARE(copy.members, server.members);
        QCOMPARE(copy.usage, server.usage);
        QCOMPARE(copy.requests, server.requests);
        QCOMPARE(copy.audit.mid(0, server.audit.size()), server.audit);
        // Then only the Owner's sign-in to the copy, which made it signed.
        const QStringList added = copy.audit.mid(server.audit.size());
        QVERIFY2(!added.isEmpty() && added.filter(QStringLiteral("vault.sign")).size() == 1,
                 qPrintable(added.join(QLatin1Char('\n'))));
        for (const QString &row : added)
            QVERIFY2(row.contains(m_owner), qPrintable(row));

        CliRunner::Run check = m_cli->run(
            {QStringLiteral("--vault"), target, QStringLiteral("vault"), QStringLiteral("check")});
        QVERIFY2(check.exitCode == 0, check.describe().constData());
        check = onFile(target, args({"audit", "verify"}), m_owner, kFinalPass);
        QVERIFY2(check.exitCode == 0, check.describe().constData());
        // Pinned to the fingerprint it reported: the signatures bind.
        check = m_cli->run({QStringLiteral("--vault"), target, QStringLiteral("--pin"), fingerprint,
                            QStringLiteral("key"), QStringLiteral("list")},
                           {},
                           {{QStringLiteral("KEYWARD_MEMBER"), m_owner},
                            {QStringLiteral("KEYWARD_PASSPHRASE"), kFinalPass}});
        QVERIFY2(check.exitCode == 0, check.describe().constData());
        check = verifyOnFile(target, m_tokenA, QStringLiteral("live"));
        QVERIFY2(check.exitCode == 0 && verifyHttp(check) == 200, check.describe().constData());
        // Never over a file.
        const QByteArray before = fileBytes(target);
        const CliRunner::Run again = onServer(
            m_owner, kLoginPass, {QStringLiteral("vault"), QStringLiteral("backup"), target}, {},
            {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kFinalPass}});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.errText().contains(QStringLiteral("already exists")),
                 again.describe().constData());
        QCOMPARE(fileBytes(target), before);
    }

    void serverBackupBadTargets()
    {
        const QHash<QString, QString> env {{QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kFinalPass}};
        // An existing folder.
        const QString folder = m_home.filePath(QStringLiteral("a-folder"));
        QVERIFY(QDir().mkpath(folder));
        CliRunner::Run run =
            onServer(m_owner, kLoginPass,
                     {QStringLiteral("vault"), QStringLiteral("backup"), folder}, {}, env);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.errText().contains(QStringLiteral("already exists")),
                 run.describe().constData());
        QVERIFY(QDir(folder).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
        // A folder that does not exist, and one nobody may write to.
        run = onServer(m_owner, kLoginPass,
                       {QStringLiteral("vault"), QStringLiteral("backup"),
                        m_home.filePath(QStringLiteral("missing/server.backup"))},
                       {}, env);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.errText().contains(QStringLiteral("No such file")),
                 run.describe().constData());
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("missing"))));
        // A folder nobody may write to (root may write anywhere but in sysfs).
        const QString locked = ::geteuid() == 0 ? QStringLiteral("/sys")
                                                : m_home.filePath(QStringLiteral("read-only"));
        if (::geteuid() != 0) {
            QVERIFY(QDir().mkpath(locked));
            QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        }
        const QStringList before =
            QDir(locked).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        const QString target = locked + QStringLiteral("/keyward-server.backup");
        run = onServer(m_owner, kLoginPass,
                       {QStringLiteral("vault"), QStringLiteral("backup"), target}, {}, env);
        if (::geteuid() != 0)
            QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.errText().contains(target)
                     && run.errText().contains(QStringLiteral("Permission denied")),
                 run.describe().constData());
        QCOMPARE(QDir(locked).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 before);
    }

    // The server drops the connection while the copy reads: a clear error, and no file.
    void serverBackupConnectionDropped()
    {
        PgConnection &admin = m_pg->admin();
        // The copy reads request_log last: held here, it waits there until its backend is
        // terminated, which is then certain to be mid-copy.
        QVERIFY(admin.exec(QStringLiteral("BEGIN")));
        QVERIFY(admin.exec(QStringLiteral("LOCK TABLE request_log IN ACCESS EXCLUSIVE MODE")));
        const QString target = m_home.filePath(QStringLiteral("dropped.backup"));
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const auto &[name, value] :
             {std::pair {"HOME", m_home.path()},
              std::pair {"XDG_DATA_HOME", m_home.filePath(QStringLiteral("data"))},
              std::pair {"XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config"))},
              std::pair {"LC_ALL", QStringLiteral("C.UTF-8")}, std::pair {"PGPASSWORD", kLoginPass},
              std::pair {"KEYWARD_NEW_PASSPHRASE", kFinalPass}})
            environment.insert(QString::fromLatin1(name), value);
        environment.remove(QStringLiteral("KEYWARD_MEMBER"));
        environment.remove(QStringLiteral("KEYWARD_PASSPHRASE"));
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral(KEYWARDCTL_PATH),
                  {QStringLiteral("--db"), conninfo(*m_pg, m_owner), QStringLiteral("vault"),
                   QStringLiteral("backup"), target});
        QVERIFY(cli.waitForStarted(10000));
        // pg_stat_activity is read once per transaction unless its snapshot is cleared.
        auto waitingPid = [&admin] {
            admin.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"));
            return admin
                .scalar(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = "
                                       "current_database() AND wait_event_type = 'Lock' AND pid "
                                       "<> pg_backend_pid()"))
                .toInt();
        };
        QTRY_VERIFY_WITH_TIMEOUT(waitingPid() > 0, 20000);
        QVERIFY(admin.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(waitingPid())));
        QVERIFY(admin.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(cli.waitForFinished(30000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY(cli.exitCode() != 0);
        QVERIFY2(err.contains(QStringLiteral("could not be copied"))
                     && err.contains(QStringLiteral("connection"), Qt::CaseInsensitive),
                 qPrintable(err));
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(QDir(m_home.path())
                     .entryList(QDir::Hidden | QDir::Files)
                     .filter(QStringLiteral("partial")),
                 QStringList());
    }

    void idsContinueAfterTheSource()
    {
        // Key 3 was deleted in the original; the copies must not hand its id out again.
        CliRunner::Run run = onServer(m_owner, kLoginPass,
                                      args({"--json", "key", "create", "--name", "D", "--env",
                                            "dev", "--role", "developer"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("id")).toInt(), 4);
        run = onFile(
            m_final,
            args({"--json", "key", "create", "--name", "D", "--env", "dev", "--role", "developer"}),
            m_owner, kFinalPass);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("id")).toInt(), 4);
        run = onFile(m_final, args({"audit", "verify"}), m_owner, kFinalPass);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
    }

    void refusesTargetsThatAreNotEmpty()
    {
        const VaultDump server = dump(m_pg->admin().db());
        CliRunner::Run run = m_cli->run({QStringLiteral("migrate"), QStringLiteral("--from"),
                                         m_original, QStringLiteral("--to"), conninfo(*m_pg),
                                         QStringLiteral("--role-prefix"), m_pg->rolePrefix()},
                                        {},
                                        {{QStringLiteral("KEYWARD_MEMBER"), m_owner},
                                         {QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPass},
                                         {QStringLiteral("PGPASSWORD"), superuserPassword()}});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errText().contains(QStringLiteral("not empty")), run.describe().constData());
        QVERIFY2(dump(m_pg->admin().db()) == server, "the server vault changed");

        const QByteArray before = fileDigest(m_final);
        run = m_cli->run({QStringLiteral("migrate"), QStringLiteral("--from"),
                          conninfo(*m_pg, m_owner), QStringLiteral("--to"), m_final},
                         {},
                         {{QStringLiteral("PGPASSWORD"), kLoginPass},
                          {QStringLiteral("KEYWARD_NEW_PASSPHRASE"), kFinalPass}});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errText().contains(QStringLiteral("already exists")),
                 run.describe().constData());
        QCOMPARE(fileDigest(m_final), before);
    }

    void failedCopyLeavesTargetAsItWas()
    {
        // The developer's login is a verifier of the second vault: --create-logins must refuse
        // it late in the copy, after the schema and every row were written; all of it goes.
        PgTestDatabase other;
        const QString verifierGroup = other.rolePrefix() + QStringLiteral("_verifier");
        QVERIFY(other.admin().exec(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(verifierGroup)));
        QVERIFY(other.admin().exec(QStringLiteral("GRANT %1 TO %2").arg(verifierGroup, m_dev)));
        CliRunner::Run run =
            m_cli->run({QStringLiteral("migrate"), QStringLiteral("--from"), m_original,
                        QStringLiteral("--to"), conninfo(other), QStringLiteral("--role-prefix"),
                        other.rolePrefix(), QStringLiteral("--create-logins"),
                        QStringLiteral("--no-password")},
                       {},
                       {{QStringLiteral("KEYWARD_MEMBER"), m_owner},
                        {QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPass},
                        {QStringLiteral("PGPASSWORD"), superuserPassword()}});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.errText().contains(QStringLiteral("verifier login")),
                 run.describe().constData());
        QCOMPARE(publicRelations(other), 0);

        // A new file is not even created when the copy cannot start.
        const QString path = m_home.filePath(QStringLiteral("never.keyward"));
        run = m_cli->run({QStringLiteral("migrate"), QStringLiteral("--from"),
                          conninfo(*m_pg, m_owner), QStringLiteral("--to"), path},
                         {},
                         {{QStringLiteral("PGPASSWORD"), kLoginPass},
                          {QStringLiteral("KEYWARD_NEW_PASSPHRASE"), QStringLiteral("short")}});
        QVERIFY(run.exitCode != 0);
        QVERIFY(!QFileInfo::exists(path));
    }

    void withoutCreateLoginsSaysWhatToDo()
    {
        PgTestDatabase other;
        const CliRunner::Run run =
            m_cli->run({QStringLiteral("--json"), QStringLiteral("migrate"),
                        QStringLiteral("--from"), m_original, QStringLiteral("--to"),
                        conninfo(other), QStringLiteral("--role-prefix"), other.rolePrefix()},
                       {},
                       {{QStringLiteral("KEYWARD_MEMBER"), m_owner},
                        {QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPass},
                        {QStringLiteral("PGPASSWORD"), superuserPassword()}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        // The logins exist (made by the first copy) but are not in this vault's groups.
        const QJsonArray missing = run.json().value(QStringLiteral("missing_logins")).toArray();
        QCOMPARE(missing.size(), 2);
        QCOMPARE(missing.at(0).toObject().value(QStringLiteral("name")).toString(), m_owner);
        QCOMPARE(missing.at(0).toObject().value(QStringLiteral("group")).toString(),
                 other.rolePrefix() + QStringLiteral("_owner"));
        QVERIFY(missing.at(0).toObject().value(QStringLiteral("exists")).toBool());
        QCOMPARE(run.json().value(QStringLiteral("dba_statements")).toArray(),
                 QJsonArray(
                     {QStringLiteral("GRANT %1_owner TO %2;").arg(other.rolePrefix(), m_owner),
                      QStringLiteral("GRANT %1_developer TO %2;").arg(other.rolePrefix(), m_dev)}));
        QVERIFY2(dump(other.admin().db()) == m_originalDump,
                 qPrintable(describe(m_originalDump, dump(other.admin().db()))));
        // Until a DBA runs them, the member cannot use the copy.
        PgConnInfo login = other.conninfo(m_owner);
        const CliRunner::Run refused = m_cli->run({QStringLiteral("--db"), login.toString(),
                                                   QStringLiteral("key"), QStringLiteral("list")},
                                                  {}, {{QStringLiteral("PGPASSWORD"), kLoginPass}});
        QCOMPARE(refused.exitCode, 1);
    }

    void badCommandLines()
    {
        const QHash<QString, QString> owner {{QStringLiteral("KEYWARD_MEMBER"), m_owner},
                                             {QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPass}};
        CliRunner::Run run = m_cli->run(
            {QStringLiteral("migrate"), QStringLiteral("--from"), m_original}, {}, owner);
        QCOMPARE(run.exitCode, 2);
        run = m_cli->run({QStringLiteral("migrate"), QStringLiteral("--from"), m_original,
                          QStringLiteral("--to"), m_home.filePath(QStringLiteral("x.keyward")),
                          QStringLiteral("--create-logins")},
                         {}, owner);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("x.keyward"))));
        // Only an Owner copies a vault: a Developer holds neither every hash nor the log's say.
        run = m_cli->run({QStringLiteral("migrate"), QStringLiteral("--from"), m_original,
                          QStringLiteral("--to"), m_home.filePath(QStringLiteral("x.keyward"))},
                         {},
                         {{QStringLiteral("KEYWARD_MEMBER"), m_dev},
                          {QStringLiteral("KEYWARD_PASSPHRASE"), kDevPass}});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.errText().contains(QStringLiteral("Owner")), run.describe().constData());
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("x.keyward"))));
    }

    void cleanupTestCase()
    {
        m_cli.reset();
        m_pg.reset();
    }

private:
    static QStringList args(std::initializer_list<const char *> list)
    {
        QStringList result;
        for (const char *item : list)
            result.append(QString::fromUtf8(item));
        return result;
    }
};

QTEST_GUILESS_MAIN(TestMigrate)
#include "test_migrate.moc"
