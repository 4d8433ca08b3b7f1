// The database enforces the roles for anyone who bypasses Keyward: raw SQL as each role, the way
// psql would send it, against a vault made by PostgresSetup.
#include "OlderSchema.h"
#include "PgFixture.h"

#include "crypto/Sha256.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"
#include "verify/VerifyOutcome.h"

#include <QtTest>

#include <map>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

constexpr const char *kMemberPassword = "member-password";

} // namespace

class TestPgRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rawSqlAsEachRole_data();
    void rawSqlAsEachRole();
    void superuserCannotRewriteAudit();
    void outsiderCannotConnect();
    void verifierLoginVerifiesButManagesNothing();
    void ownerAddsVerifierLogin();
    void removedMemberLosesDatabaseAccess();
    void demotionTakesDatabasePowerAway();
    void setupReportsWhatItDid();
    void setupRunsAgainWithoutChangingData();
    void setupUpgradesASchemaSevenDatabase();
    void setupRefusesBadInput_data();
    void setupRefusesBadInput();

private:
    // The test's own login for a symbolic name (dave, vic, adam, verifier, outsider; alice is
    // alice): logins are cluster-wide, so each run of this suite uses fresh ones.
    QString login(const QString &name) const;
    PgConnection &as(const QString &name);
    QString expand(QString sql) const;

    std::unique_ptr<PgVaultFixture> m_f;
    std::map<QString, std::unique_ptr<PgConnection>> m_connections;
    qint64 m_aliceKey = 0; // created by alice (Owner), role Developer
    qint64 m_daveKey = 0; // created by dave (Developer)
    qint64 m_revokedKey = 0;
    QString m_daveToken;
    qint64 m_aliceId = 0;
    qint64 m_daveId = 0;
    qint64 m_vicId = 0;
};

void TestPgRoles::initTestCase()
{
    m_f = std::make_unique<PgVaultFixture>();
    SqlKeyStore &alice = *m_f->store;
    m_aliceId = alice.currentMember()->id;
    auto dave =
        alice.addMember(login(QStringLiteral("dave")), Role::Developer, secret(kMemberPassword));
    auto vic = alice.addMember(login(QStringLiteral("vic")), Role::Viewer, secret(kMemberPassword));
    QVERIFY2(dave && vic, qPrintable(dave.errorMessage() + vic.errorMessage()));
    QVERIFY(alice.addMember(login(QStringLiteral("adam")), Role::Admin, secret(kMemberPassword)));
    m_daveId = dave->id;
    m_vicId = vic->id;
    QVERIFY(PostgresSetup::addVerifierLogin(m_f->pg.admin().db(), login(QStringLiteral("verifier")),
                                            secret(kMemberPassword)));

    auto aliceKey = alice.createKey(m_f->request(QStringLiteral("alice's")));
    auto revoked = alice.createKey(m_f->request(QStringLiteral("revoked")));
    QVERIFY(aliceKey && revoked);
    QVERIFY(alice.revokeKey(revoked->key.id, 1));
    m_aliceKey = aliceKey->key.id;
    m_revokedKey = revoked->key.id;
    auto daveStore = m_f->openSecond(login(QStringLiteral("dave")), kMemberPassword);
    auto daveKey = daveStore->createKey(
        m_f->request(QStringLiteral("dave's"), Environment::Development, Role::Developer));
    QVERIFY2(daveKey, qPrintable(daveKey.errorMessage()));
    m_daveKey = daveKey->key.id;
    m_daveToken = daveKey->token.toQString();

    // A login the vault does not know at all.
    QVERIFY(m_f->pg.admin().exec(
        QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'")
            .arg(login(QStringLiteral("outsider")), QLatin1String(kMemberPassword))));
}

void TestPgRoles::cleanupTestCase()
{
    m_connections.clear();
    m_f.reset();
}

QString TestPgRoles::login(const QString &name) const
{
    return name == QLatin1String("alice") ? name : m_f->uniqueLogin(name);
}

PgConnection &TestPgRoles::as(const QString &name)
{
    auto &connection = m_connections[name];
    if (!connection) {
        const QString password = name == QLatin1String("alice")
            ? QString::fromLatin1(kOwnerPassphrase)
            : QString::fromLatin1(kMemberPassword);
        connection = std::make_unique<PgConnection>(m_f->pg.conninfo(login(name), password));
    }
    return *connection;
}

QString TestPgRoles::expand(QString sql) const
{
    sql.replace(QLatin1String("$ALICE_KEY"), QString::number(m_aliceKey));
    sql.replace(QLatin1String("$DAVE_KEY"), QString::number(m_daveKey));
    sql.replace(QLatin1String("$REVOKED_KEY"), QString::number(m_revokedKey));
    sql.replace(QLatin1String("$ALICE"), QString::number(m_aliceId));
    sql.replace(QLatin1String("$DAVE"), QString::number(m_daveId));
    sql.replace(QLatin1String("$VIC"), QString::number(m_vicId));
    sql.replace(QLatin1String("@dave"), login(QStringLiteral("dave")));
    sql.replace(QLatin1String("@vic"), login(QStringLiteral("vic")));
    sql.replace(QLatin1String("@verifier"), login(QStringLiteral("verifier")));
    return sql;
}

void TestPgRoles::rawSqlAsEachRole_data()
{
    // changed: succeeds and touches at least one row; ok: succeeds; nothing: succeeds but
    // row-level security hides every row; denied: refused (SQLSTATE 42501).
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *login, const char *sql, const char *expected) {
        QTest::newRow(name) << QString::fromLatin1(login) << QString::fromLatin1(sql)
                            << QString::fromLatin1(expected);
    };
    const char *insertKey =
        "INSERT INTO api_keys (name, environment, role, grants, state, created_by, created_at, "
        "updated_at) VALUES ('raw', 0, %1, 'licenses:read', 0, %2, 0, 0)";
    const QByteArray ownKey =
        QString::fromLatin1(insertKey).arg(1).arg(QLatin1String("$DAVE")).toLatin1();
    const QByteArray othersKey =
        QString::fromLatin1(insertKey).arg(1).arg(QLatin1String("$ALICE")).toLatin1();
    const QByteArray adminKey =
        QString::fromLatin1(insertKey).arg(2).arg(QLatin1String("$DAVE")).toLatin1();
    const QByteArray vicKey =
        QString::fromLatin1(insertKey).arg(0).arg(QLatin1String("$VIC")).toLatin1();
    const char *appendAs =
        "INSERT INTO audit_log (id, at, actor, action, details, prev_hash, hash) "
        "VALUES (9999, 0, '%1', 'forged', '', '\\x00', '\\x00')";
    const QByteArray forged = QString::fromLatin1(appendAs).arg(QLatin1String("alice")).toLatin1();
    const QByteArray ownName = QString::fromLatin1(appendAs).arg(QLatin1String("@dave")).toLatin1();
    const QByteArray vicName = QString::fromLatin1(appendAs).arg(QLatin1String("@vic")).toLatin1();
    const char *signInAs =
        "INSERT INTO audit_log (id, at, actor, action, details, prev_hash, hash) "
        "VALUES (9999, 0, '%1', 'member.sign_in', '', '\\x00', '\\x00')";
    const QByteArray vicSignIn =
        QString::fromLatin1(signInAs).arg(QLatin1String("@vic")).toLatin1();
    const QByteArray vicSignInAsDave =
        QString::fromLatin1(signInAs).arg(QLatin1String("@dave")).toLatin1();

    // Developer: own keys only, immutable columns stay immutable, history stays history.
    row("dev reads keys", "dave", "SELECT count(*) FROM api_keys", "ok");
    row("dev renames own key", "dave", "UPDATE api_keys SET name = 'x' WHERE id = $DAVE_KEY",
        "changed");
    row("dev renames other's key", "dave", "UPDATE api_keys SET name = 'x' WHERE id = $ALICE_KEY",
        "nothing");
    row("dev revokes other's key", "dave", "UPDATE api_keys SET state = 2 WHERE id = $ALICE_KEY",
        "nothing");
    row("dev deletes other's key", "dave", "DELETE FROM api_keys WHERE id = $ALICE_KEY", "nothing");
    row("dev deletes own key", "dave", "DELETE FROM api_keys WHERE id = $DAVE_KEY", "changed");
    row("dev changes own grants", "dave",
        "UPDATE api_keys SET grants = 'licenses:manage' WHERE id = $DAVE_KEY", "denied");
    row("dev changes own role", "dave", "UPDATE api_keys SET role = 0 WHERE id = $DAVE_KEY",
        "denied");
    row("dev changes creator", "dave",
        "UPDATE api_keys SET created_by = $ALICE WHERE id = $DAVE_KEY", "denied");
    row("dev inserts own key", "dave", ownKey.constData(), "changed");
    row("dev inserts key as alice", "dave", othersKey.constData(), "denied");
    row("dev inserts key above role", "dave", adminKey.constData(), "denied");
    row("dev adds secret to other's key", "dave",
        "INSERT INTO key_secrets (key_id, hash, hint, created_at) VALUES ($ALICE_KEY, "
        "'\\x01', 'h', 0)",
        "denied");
    row("dev retires other's secret", "dave",
        "UPDATE key_secrets SET retires_at = 1 WHERE key_id = $ALICE_KEY", "nothing");
    row("dev writes last use", "dave",
        "INSERT INTO secret_usage (secret_id, last_used_at) SELECT id, 1 FROM key_secrets WHERE "
        "key_id = $DAVE_KEY",
        "denied");
    row("dev appends audit as alice", "dave", forged.constData(), "denied");
    row("dev appends audit as self", "dave", ownName.constData(), "changed");
    row("dev edits audit", "dave", "UPDATE audit_log SET actor = 'x'", "denied");
    row("dev deletes audit", "dave", "DELETE FROM audit_log", "denied");
    row("dev truncates audit", "dave", "TRUNCATE audit_log", "denied");
    row("dev promotes self", "dave", "UPDATE members SET role = 3 WHERE name = '@dave'", "denied");
    row("dev reads passphrase hashes", "dave", "SELECT passphrase_hash FROM members", "denied");
    row("dev adds member", "dave", "SELECT keyward_member_add('eve', 3, NULL, 0)", "denied");
    row("dev changes prefix", "dave", "UPDATE vault_meta SET value = 'zz' WHERE name = 'prefix'",
        "nothing");
    row("dev creates table", "dave", "CREATE TABLE mine (i int)", "denied");
    row("dev bumps counter", "dave", "UPDATE vault_meta SET value = '99' WHERE name = 'change_seq'",
        "changed");
    row("dev breaks counter", "dave", "UPDATE vault_meta SET value = 'x' WHERE name = 'change_seq'",
        "denied");
    row("dev reads usage", "dave", "SELECT count(*) FROM key_usage, secret_usage", "ok");
    row("dev writes usage", "dave",
        "INSERT INTO key_usage (key_id, usage_count) VALUES ($DAVE_KEY, 5)", "denied");
    row("dev moves usage epoch", "dave",
        "UPDATE key_usage SET usage_epoch = usage_epoch + 1 WHERE key_id = $DAVE_KEY", "denied");
    row("dev raises own usage limit", "dave",
        "UPDATE api_keys SET usage_limit = 1000 WHERE id = $DAVE_KEY", "denied");
    row("dev adds secret to own key", "dave",
        "INSERT INTO key_secrets (key_id, hash, hint, created_at) VALUES ($DAVE_KEY, '\\x02', "
        "'h', 0)",
        "changed");
    // An expired key gets no new secret, even from a client that skips Keyward's own check.
    row("dev adds secret to own expired key", "dave",
        "INSERT INTO key_secrets (key_id, hash, hint, created_at) VALUES ($DAVE_KEY, '\\x03', "
        "'h', 9000000000000000)",
        "denied");

    // Viewer: reads, writes nothing.
    row("viewer reads keys", "vic", "SELECT count(*) FROM api_keys", "ok");
    row("viewer reads audit", "vic", "SELECT count(*) FROM audit_log", "ok");
    row("viewer inserts key", "vic", vicKey.constData(), "denied");
    row("viewer renames key", "vic", "UPDATE api_keys SET name = 'x' WHERE id = $DAVE_KEY",
        "denied");
    row("viewer deletes key", "vic", "DELETE FROM api_keys WHERE id = $DAVE_KEY", "denied");
    row("viewer appends audit", "vic", vicName.constData(), "denied");
    row("viewer appends own sign-in", "vic", vicSignIn.constData(), "changed");
    row("viewer appends sign-in as dave", "vic", vicSignInAsDave.constData(), "denied");
    row("viewer bumps counter", "vic",
        "UPDATE vault_meta SET value = '1' WHERE name = 'change_seq'", "denied");
    row("viewer retires secret", "vic", "UPDATE key_secrets SET retires_at = 1", "denied");
    row("viewer reads usage", "vic", "SELECT count(*) FROM key_usage, secret_usage", "ok");
    row("viewer resets usage", "vic",
        "INSERT INTO key_usage (key_id, usage_count) VALUES ($DAVE_KEY, 0)", "denied");

    // Admin: every key, but the rules that hold for everyone still hold.
    row("admin renames dev's key", "adam", "UPDATE api_keys SET name = 'x' WHERE id = $DAVE_KEY",
        "changed");
    row("admin unrevokes key", "adam", "UPDATE api_keys SET state = 0 WHERE id = $REVOKED_KEY",
        "denied");
    row("admin removes expiry", "adam",
        "UPDATE api_keys SET expires_at = NULL WHERE id = $DAVE_KEY", "denied");
    row("admin extends expiry", "adam",
        "UPDATE api_keys SET expires_at = expires_at + 1 WHERE id = $DAVE_KEY", "denied");
    row("admin shortens expiry", "adam",
        "UPDATE api_keys SET expires_at = expires_at - 1 WHERE id = $DAVE_KEY", "changed");
    row("admin raises usage limit", "adam",
        "UPDATE api_keys SET usage_limit = 1000 WHERE id = $DAVE_KEY", "changed");
    row("admin resets usage", "adam",
        "INSERT INTO key_usage (key_id, usage_count, usage_epoch) VALUES ($DAVE_KEY, 0, 1) ON "
        "CONFLICT (key_id) DO UPDATE SET usage_count = 0, usage_epoch = key_usage.usage_epoch + 1",
        "changed");
    row("admin records last use", "adam",
        "INSERT INTO secret_usage (secret_id, last_used_at) SELECT id, 1 FROM key_secrets WHERE "
        "key_id = $DAVE_KEY",
        "denied");
    row("admin changes grants", "adam",
        "UPDATE api_keys SET grants = 'admin:full' WHERE id = $DAVE_KEY", "denied");
    row("admin edits audit", "adam", "UPDATE audit_log SET details = ''", "denied");
    row("admin adds member", "adam", "SELECT keyward_member_add('eve', 3, NULL, 0)", "denied");

    // Owner: may manage members through the functions, but not history.
    row("owner deletes audit", "alice", "DELETE FROM audit_log WHERE id = 1", "denied");
    row("owner edits audit", "alice", "UPDATE audit_log SET actor = 'x' WHERE id = 1", "denied");
    row("owner edits members directly", "alice", "UPDATE members SET role = 0 WHERE id = $DAVE",
        "denied");
    row("owner plaintext password", "alice",
        "SELECT keyward_member_add('kw_test_eve', 1, 'plain-password', 0)", "invalid");
    row("owner adds verifier as member", "alice",
        "SELECT keyward_member_add('@verifier', 1, NULL, 0)", "invalid");

    // Verifier: what verification needs, and usage.
    row("verifier reads keys", "verifier",
        "SELECT k.id, m.name FROM api_keys k JOIN members m ON m.id = k.created_by", "ok");
    row("verifier reads secrets", "verifier", "SELECT hash FROM key_secrets", "ok");
    row("verifier reads settings", "verifier",
        "SELECT value FROM vault_meta, grants, role_grants, schema_version", "ok");
    row("verifier counts use", "verifier",
        "INSERT INTO key_usage (key_id, usage_count) VALUES ($DAVE_KEY, 1) ON CONFLICT (key_id) DO "
        "UPDATE SET usage_count = key_usage.usage_count + 1",
        "changed");
    row("verifier locks a count", "verifier",
        "SELECT u.usage_count FROM key_usage u JOIN api_keys k ON k.id = u.key_id FOR UPDATE OF u",
        "ok");
    // The epoch only moves with a reset: a verifier could otherwise make the others drop their
    // reserved credits.
    row("verifier moves usage epoch", "verifier",
        "UPDATE key_usage SET usage_epoch = usage_epoch + 1 WHERE key_id = $DAVE_KEY", "denied");
    row("verifier starts a row with an epoch", "verifier",
        "INSERT INTO key_usage (key_id, usage_epoch) VALUES ($ALICE_KEY, 7)", "denied");
    row("verifier writes a key row", "verifier",
        "UPDATE api_keys SET usage_limit = NULL WHERE id = $DAVE_KEY", "denied");
    row("verifier records last use", "verifier",
        "INSERT INTO secret_usage (secret_id, last_used_at, last_used_source) SELECT id, 1, 'api' "
        "FROM key_secrets WHERE key_id = $DAVE_KEY ON CONFLICT (secret_id) DO UPDATE SET "
        "last_used_at = excluded.last_used_at, last_used_source = excluded.last_used_source",
        "changed");
    row("verifier rewrites a secret row", "verifier",
        "UPDATE key_secrets SET retires_at = 1 WHERE key_id = $DAVE_KEY", "denied");
    row("verifier counts hour", "verifier",
        "INSERT INTO key_usage_hourly (key_id, hour, outcome, count) VALUES ($DAVE_KEY, 1, 0, 1) "
        "ON CONFLICT (key_id, hour, outcome) DO UPDATE SET count = key_usage_hourly.count + 1",
        "changed");
    row("verifier logs request", "verifier",
        "INSERT INTO request_log (at, key_id, source, outcome) VALUES (1, $DAVE_KEY, 'api', 0)",
        "changed");
    row("verifier renames key", "verifier", "UPDATE api_keys SET name = 'x' WHERE id = $DAVE_KEY",
        "denied");
    row("verifier revokes key", "verifier", "UPDATE api_keys SET state = 2 WHERE id = $DAVE_KEY",
        "denied");
    row("verifier retires secret", "verifier", "UPDATE key_secrets SET retires_at = 1", "denied");
    row("verifier deletes key", "verifier", "DELETE FROM api_keys", "denied");
    row("verifier inserts key", "verifier", ownKey.constData(), "denied");
    row("verifier reads audit", "verifier", "SELECT count(*) FROM audit_log", "denied");
    row("verifier trims request log", "verifier", "DELETE FROM request_log WHERE at < 0", "ok");
    row("verifier trims hourly counts", "verifier", "DELETE FROM key_usage_hourly WHERE hour < 0",
        "ok");
    row("verifier reads member roles", "verifier", "SELECT role FROM members", "denied");
    row("verifier appends audit", "verifier", forged.constData(), "denied");
    row("verifier adds member", "verifier", "SELECT keyward_member_add('eve', 3, NULL, 0)",
        "denied");
}

void TestPgRoles::rawSqlAsEachRole()
{
    QFETCH(QString, login);
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    PgConnection &connection = as(login);
    QVERIFY2(connection.isOpen(), qPrintable(connection.lastError()));
    // Each statement runs in a transaction that is rolled back, so rows never affect each other.
    QVERIFY(connection.exec(QStringLiteral("BEGIN")));
    QString state;
    int rows = -1;
    const bool ok = connection.exec(expand(sql), &state, &rows);
    connection.exec(QStringLiteral("ROLLBACK"));
    if (expected == QLatin1String("denied")) {
        QVERIFY2(!ok, "the database allowed it");
        QCOMPARE(state, QStringLiteral("42501"));
    } else if (expected == QLatin1String("invalid")) {
        QVERIFY2(!ok, "the database allowed it");
        QCOMPARE(state, QStringLiteral("22023"));
    } else {
        QVERIFY2(ok, qPrintable(QStringLiteral("refused with SQLSTATE %1").arg(state)));
        if (expected == QLatin1String("changed"))
            QVERIFY2(rows >= 1, qPrintable(QStringLiteral("%1 rows").arg(rows)));
        else if (expected == QLatin1String("nothing"))
            QCOMPARE(rows, 0);
    }
}

void TestPgRoles::superuserCannotRewriteAudit()
{
    // Not even the table owner or a superuser, short of dropping the trigger.
    PgConnection &admin = m_f->pg.admin();
    QString state;
    QVERIFY(!admin.exec(QStringLiteral("UPDATE audit_log SET actor = 'x' WHERE id = 1"), &state));
    QCOMPARE(state, QStringLiteral("42501"));
    QVERIFY(!admin.exec(QStringLiteral("DELETE FROM audit_log"), &state));
    QVERIFY(!admin.exec(QStringLiteral("TRUNCATE audit_log"), &state));
    QCOMPARE(state, QStringLiteral("42501"));
    QVERIFY(m_f->store->verifyAudit()->intact);
}

void TestPgRoles::outsiderCannotConnect()
{
    PgConnection outsider(
        m_f->pg.conninfo(login(QStringLiteral("outsider")), QLatin1String(kMemberPassword)));
    QVERIFY(!outsider.isOpen());
    QVERIFY2(outsider.lastError().contains(QStringLiteral("permission denied")),
             qPrintable(outsider.lastError()));
    auto store = SqlKeyStore::connectPostgres(
        m_f->pg.conninfo(login(QStringLiteral("outsider")), QLatin1String(kMemberPassword)),
        m_f->clock);
    QVERIFY(!store);
    QCOMPARE(store.code(), ErrorCode::PermissionDenied);
}

void TestPgRoles::verifierLoginVerifiesButManagesNothing()
{
    // The store as a service opens it: no member, read access to what verification needs.
    auto verifier = m_f->connect(login(QStringLiteral("verifier")), kMemberPassword);
    auto found = verifier->findSecret(Sha256::hash(SecretString::fromQString(m_daveToken)));
    QVERIFY2(found, qPrintable(found.errorMessage()));
    QVERIFY(found->has_value());
    QCOMPARE(found->value().key.id, m_daveKey);
    QVERIFY(!found->value().key.name.isEmpty());
    QVERIFY(verifier->changeCounter());
    auto signIn = verifier->signIn(QString(), SecretString());
    QCOMPARE(signIn.code(), ErrorCode::AuthenticationFailed);
    QVERIFY2(signIn.errorMessage().contains(login(QStringLiteral("verifier"))),
             qPrintable(signIn.errorMessage()));
    QCOMPARE(verifier->createKey(m_f->request(QStringLiteral("nope"))).code(),
             ErrorCode::PermissionDenied);
    auto audit = verifier->auditEvents();
    QCOMPARE(audit.code(), ErrorCode::PermissionDenied);
}

void TestPgRoles::ownerAddsVerifierLogin()
{
    PgVaultFixture f;
    const QString service = f.uniqueLogin(QStringLiteral("billing_api"));
    const QString dev = f.uniqueLogin(QStringLiteral("dev"));
    QVERIFY(f.store->addMember(dev, Role::Developer, secret(kMemberPassword)));
    auto devStore = f.openSecond(dev, kMemberPassword);
    QCOMPARE(devStore->addVerifierLogin(service, secret(kMemberPassword)).code(),
             ErrorCode::PermissionDenied);
    auto added = f.store->addVerifierLogin(service, secret(kMemberPassword));
    QVERIFY2(added, qPrintable(added.errorMessage()));
    QCOMPARE(f.store->auditEvents(std::nullopt, 1)->first().action, QStringLiteral("verifier.add"));
    auto verifier = f.connect(service, kMemberPassword);
    QVERIFY(verifier->listKeys());
    QCOMPARE(verifier->signIn(QString(), SecretString()).code(), ErrorCode::AuthenticationFailed);
    // A member's login cannot double as a service login, nor the other way round.
    QCOMPARE(f.store->addVerifierLogin(dev, SecretString()).code(), ErrorCode::InvalidInput);
    auto member = f.store->addMember(service, Role::Viewer, SecretString());
    QCOMPARE(member.code(), ErrorCode::InvalidInput);
    QVERIFY2(member.errorMessage().contains(QStringLiteral("verifier login")),
             qPrintable(member.errorMessage()));
    // A name PostgreSQL keeps for itself, or longer than a login can be, is refused before the
    // server is asked, with the login rule's reason.
    for (const QString &bad : {QStringLiteral("pg_verifier"), QString(64, QLatin1Char('v'))}) {
        const auto refused = f.store->addVerifierLogin(bad, secret(kMemberPassword));
        QCOMPARE(refused.code(), ErrorCode::InvalidInput);
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("cannot be a login")),
                 qPrintable(refused.errorMessage()));
    }
    QVERIFY(f.store->verifyAudit()->intact);
}

void TestPgRoles::removedMemberLosesDatabaseAccess()
{
    PgVaultFixture f;
    const QString doraLogin = f.uniqueLogin(QStringLiteral("dora"));
    auto dora = f.store->addMember(doraLogin, Role::Developer, secret(kMemberPassword));
    QVERIFY(dora);
    PgConnection before(f.pg.conninfo(doraLogin, QLatin1String(kMemberPassword)));
    QVERIFY(before.isOpen());
    QVERIFY(f.store->removeMember(dora->id));
    QString state;
    // Already connected: every write and read is refused now. (Qualified: without USAGE on the
    // schema, a search path PostgreSQL recomputes leaves "public" out, and "api_keys" would not
    // exist rather than be refused. SqlKeyStore::requireMember() reads its gate the same way.)
    QVERIFY(!before.exec(QStringLiteral("SELECT count(*) FROM public.api_keys"), &state));
    QCOMPARE(state, QStringLiteral("42501"));
    // And no new connection.
    PgConnection after(f.pg.conninfo(doraLogin, QLatin1String(kMemberPassword)));
    QVERIFY(!after.isOpen());
    // The login itself is left for the DBA: it may be used elsewhere.
    QCOMPARE(
        f.pg.admin()
            .scalar(
                QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(doraLogin))
            .toInt(),
        1);
}

void TestPgRoles::demotionTakesDatabasePowerAway()
{
    PgVaultFixture f;
    const QString adamLogin = f.uniqueLogin(QStringLiteral("adam"));
    auto adam = f.store->addMember(adamLogin, Role::Admin, secret(kMemberPassword));
    QVERIFY(adam);
    auto key = f.store->createKey(f.request(QStringLiteral("alice's")));
    QVERIFY(key);
    PgConnection adamSql(f.pg.conninfo(adamLogin, QLatin1String(kMemberPassword)));
    const QString rename =
        QStringLiteral("UPDATE api_keys SET name = 'by adam' WHERE id = %1").arg(key->key.id);
    int rows = -1;
    QVERIFY(adamSql.exec(rename, nullptr, &rows));
    QCOMPARE(rows, 1);
    QVERIFY(f.store->setMemberRole(adam->id, adam->version, Role::Viewer));
    QString state;
    QVERIFY(!adamSql.exec(rename, &state));
    QCOMPARE(state, QStringLiteral("42501"));
    // Group membership follows the members table.
    const QString groups =
        QStringLiteral("SELECT string_agg(r.rolname, ',') FROM pg_auth_members a JOIN pg_roles r "
                       "ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member WHERE m.rolname "
                       "= '%1' AND r.rolname LIKE '%2\\_%'")
            .arg(adamLogin, f.pg.rolePrefix());
    QCOMPARE(f.pg.admin().scalar(groups).toString(), f.pg.rolePrefix() + QStringLiteral("_viewer"));
}

void TestPgRoles::setupReportsWhatItDid()
{
    PgTestDatabase pg;
    ManualClock clock;
    PostgresSetupOptions options;
    options.rolePrefix = pg.rolePrefix();
    options.owner = QStringLiteral("alice");
    auto report = PostgresSetup::run(pg.admin().db(), options, secret(kOwnerPassphrase), clock);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QVERIFY(report->actions.size() >= 5);
    QVERIFY(report->actions.first().contains(QStringLiteral("Created the Keyward schema")));
    QVERIFY(report->actions.last().contains(QStringLiteral("alice")));
    const QString all = report->statements.join(QLatin1Char('\n'));
    QVERIFY(all.contains(QStringLiteral("ENABLE ROW LEVEL SECURITY")));
    QVERIFY(all.contains(pg.rolePrefix() + QStringLiteral("_verifier")));
    QVERIFY(!all.contains(QStringLiteral("{{P}}")));
    // The dry-run listing is the same text.
    QCOMPARE(*PostgresSetup::securityStatements(pg.rolePrefix()), report->statements);
    // Row-level security is on for every table a member writes.
    QCOMPARE(pg.admin()
                 .scalar(QStringLiteral("SELECT count(*) FROM pg_class WHERE relrowsecurity AND "
                                        "relname IN ('api_keys', 'key_secrets', 'audit_log', "
                                        "'vault_meta')"))
                 .toInt(),
             4);
}

void TestPgRoles::setupRunsAgainWithoutChangingData()
{
    PgVaultFixture f;
    QVERIFY(f.store->createKey(f.request(QStringLiteral("kept"))));
    const int auditRows = int(f.store->auditEvents()->size());
    PostgresSetupOptions options;
    options.rolePrefix = f.pg.rolePrefix();
    options.owner = QStringLiteral("alice");
    auto again = PostgresSetup::run(f.pg.admin().db(), options, SecretString(), f.clock);
    QVERIFY2(again, qPrintable(again.errorMessage()));
    QVERIFY(again->actions.first().contains(QStringLiteral("current")));
    QVERIFY(again->actions.last().contains(QStringLiteral("already a member")));
    QCOMPARE(f.store->listKeys()->size(), 1);
    QCOMPARE(int(f.store->auditEvents()->size()), auditRows);
    QVERIFY(f.store->verifyAudit()->intact);
    // A second Owner added by the DBA through the same setup gets an audit row.
    options.owner = f.uniqueLogin(QStringLiteral("olga"));
    auto withOlga =
        PostgresSetup::run(f.pg.admin().db(), options, secret(kMemberPassword), f.clock);
    QVERIFY2(withOlga, qPrintable(withOlga.errorMessage()));
    QCOMPARE(int(f.store->auditEvents()->size()), auditRows + 1);
    auto olga = f.openSecond(options.owner, kMemberPassword);
    QCOMPARE(olga->currentMember()->role, Role::Owner);
    options.rolePrefix = QStringLiteral("other");
    QCOMPARE(PostgresSetup::run(f.pg.admin().db(), options, SecretString(), f.clock).code(),
             ErrorCode::InvalidInput);
}

// A database a previous Keyward set up (schema 7: use kept in the key and secret rows, with the
// verifier's grants on those columns) opens only after the owner runs the setup again. That moves
// the use into the usage tables, and then the verifier login records use and an Owner resets a
// count under the new privileges.
void TestPgRoles::setupUpgradesASchemaSevenDatabase()
{
    PgVaultFixture f;
    NewKeyRequest metered = f.request(QStringLiteral("metered"));
    metered.usageLimit = 10;
    auto issued = f.store->createKey(metered);
    QVERIFY2(issued, qPrintable(issued.errorMessage()));
    const qint64 id = issued->key.id;
    f.store.reset();
    PgConnection &owner = f.pg.admin();
    for (const char *sql : OlderSchema::kBackToSeven)
        QVERIFY2(owner.exec(QLatin1String(sql)), qPrintable(owner.lastError()));
    for (const QString &sql :
         {QStringLiteral("GRANT UPDATE (usage_count) ON api_keys TO $P_verifier"),
          QStringLiteral("GRANT UPDATE (last_used_at, last_used_source, last_refused_at, "
                         "last_refused_outcome, usage_seq) ON key_secrets TO $P_verifier"),
          QStringLiteral("UPDATE api_keys SET usage_count = 3, usage_epoch = 2 WHERE id = $K"),
          QStringLiteral("UPDATE key_secrets SET last_used_at = 1700000000000, last_used_source = "
                         "'ci', usage_seq = 4 WHERE key_id = $K"),
          QStringLiteral("UPDATE vault_meta SET value = '4' WHERE name = 'usage_seq'")}) {
        const QString expanded = QString(sql)
                                     .replace(QLatin1String("$P"), f.pg.rolePrefix())
                                     .replace(QLatin1String("$K"), QString::number(id));
        QString state;
        QVERIFY2(owner.exec(expanded, &state), qPrintable(expanded + QLatin1Char(' ') + state));
    }
    const PgConnInfo alice =
        f.pg.conninfo(QStringLiteral("alice"), QLatin1String(kOwnerPassphrase));
    QCOMPARE(SqlKeyStore::connectPostgres(alice, f.clock).code(), ErrorCode::VaultTooNew);

    PostgresSetupOptions options;
    options.rolePrefix = f.pg.rolePrefix();
    options.owner = QStringLiteral("alice");
    auto upgraded = PostgresSetup::run(owner.db(), options, SecretString(), f.clock);
    QVERIFY2(upgraded, qPrintable(upgraded.errorMessage()));
    QVERIFY2(upgraded->actions.first().contains(QStringLiteral("from version 7 to 8")),
             qPrintable(upgraded->actions.first()));
    QCOMPARE(owner
                 .scalar(QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE "
                                        "table_name IN ('api_keys', 'key_secrets') AND "
                                        "column_name IN ('usage_count', 'usage_epoch', "
                                        "'last_used_at', 'usage_seq')"))
                 .toInt(),
             0);
    f.store = f.openSecond();
    auto key = f.store->key(id);
    QVERIFY2(key, qPrintable(key.errorMessage()));
    QCOMPARE(key->usageCount, qint64(3));
    QCOMPARE(key->secrets.constFirst().lastUsedAtMs, std::optional<qint64>(1700000000000));
    QCOMPARE(key->secrets.constFirst().lastUsedSource, QStringLiteral("ci"));
    QCOMPARE(f.store->usageSince(3)->keys.size(), 1);

    // The verifier login counts a use into the moved row, as a verifier's writer does.
    const QString service = f.uniqueLogin(QStringLiteral("api"));
    QVERIFY(f.store->addVerifierLogin(service, secret(kMemberPassword)));
    auto verifier = f.connect(service, kMemberPassword);
    UsageEvent event;
    event.atMs = f.clock.nowMs();
    event.keyId = id;
    event.secretId = key->secrets.constFirst().id;
    event.outcome = verifyOutcomeToInt(VerifyOutcome::Valid);
    event.consumesCredit = true;
    event.readsBackUsage = true;
    UsageBatch batch;
    batch.add(event);
    auto written = verifier->usageRepository()->write(batch, UsageRetention(), f.clock.nowMs());
    QVERIFY2(written, qPrintable(written.errorMessage()));
    QCOMPARE(written->constFirst().usageCount, qint64(4));
    QCOMPARE(written->constFirst().usageEpoch, qint64(2));
    key = f.store->key(id);
    QCOMPARE(key->usageCount, qint64(4));
    QCOMPARE(key->secrets.constFirst().lastUsedAtMs, std::optional<qint64>(f.clock.nowMs()));

    // An Owner's reset: count 0, the next epoch.
    auto reset = f.store->resetUsage(id, key->version);
    QVERIFY2(reset, qPrintable(reset.errorMessage()));
    QCOMPARE(reset->usageCount, qint64(0));
    QCOMPARE(
        owner.scalar(QStringLiteral("SELECT usage_epoch FROM key_usage WHERE key_id = %1").arg(id))
            .toLongLong(),
        qint64(3));
}

void TestPgRoles::setupRefusesBadInput_data()
{
    QTest::addColumn<QString>("keyPrefix");
    QTest::addColumn<QString>("rolePrefix");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<bool>("foreignTable");
    QTest::newRow("bad key prefix") << QStringLiteral("KW!") << QString() << QString() << false;
    QTest::newRow("role prefix with quote")
        << QStringLiteral("kw") << QStringLiteral("a\"; DROP ROLE x; --") << QString() << false;
    QTest::newRow("role prefix upper case")
        << QStringLiteral("kw") << QStringLiteral("Keyward") << QString() << false;
    QTest::newRow("role prefix too long")
        << QStringLiteral("kw") << QString(41, QLatin1Char('a')) << QString() << false;
    QTest::newRow("owner with newline")
        << QStringLiteral("kw") << QString() << QStringLiteral("a\nb") << false;
    QTest::newRow("reserved owner name")
        << QStringLiteral("kw") << QString() << QStringLiteral("pg_evil") << false;
    QTest::newRow("database not empty") << QStringLiteral("kw") << QString() << QString() << true;
}

void TestPgRoles::setupRefusesBadInput()
{
    QFETCH(QString, keyPrefix);
    QFETCH(QString, rolePrefix);
    QFETCH(QString, owner);
    QFETCH(bool, foreignTable);
    PgTestDatabase pg;
    ManualClock clock;
    if (foreignTable)
        QVERIFY(pg.admin().exec(QStringLiteral("CREATE TABLE customers (id int)")));
    PostgresSetupOptions options;
    options.keyPrefix = keyPrefix;
    options.rolePrefix = rolePrefix.isEmpty() ? pg.rolePrefix() : rolePrefix;
    options.owner = owner.isEmpty() ? QStringLiteral("alice") : owner;
    auto report = PostgresSetup::run(pg.admin().db(), options, secret(kOwnerPassphrase), clock);
    QVERIFY(!report);
    QVERIFY(!report.errorMessage().isEmpty());
    // Refused before anything was written.
    QCOMPARE(pg.admin()
                 .scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename IN "
                                        "('members', 'vault_meta', 'schema_version')"))
                 .toInt(),
             0);
}

QTEST_GUILESS_MAIN(TestPgRoles)
#include "test_pg_roles.moc"
