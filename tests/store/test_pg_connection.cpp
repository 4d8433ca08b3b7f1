// Connecting to a PostgreSQL vault: connection strings, where the password comes from, clear
// errors, a connection killed in the middle of a change, and change notifications.
#include "PgFixture.h"
#include "StoreDatabase.h"

#include "store/ChangeWatcher.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <thread>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

qint64 backendPid(SqlKeyStore &store)
{
    QSqlQuery q(StoreDatabase::of(store));
    return q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next() ? q.value(0).toLongLong()
                                                                         : 0;
}

// Sets an environment variable for one scope (libpq reads PGPASSFILE, PGSERVICEFILE, ...).
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

void writePrivateFile(const QString &path, const QString &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    file.close();
    // libpq ignores a password file that others can read.
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

} // namespace

class TestPgConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conninfoParses_data();
    void conninfoParses();
    void conninfoRefusesBadInput_data();
    void conninfoRefusesBadInput();
    void conninfoHidesPassword();
    void conninfoErrorHidesPassword_data();
    void conninfoErrorHidesPassword();
    void clientDefaultsKeepWhatTheUserSaid();
    void semicolonOptionRefused();

    void wrongPasswordRefused();
    void missingPasswordAsksForOne();
    void passwordFromPasswordFile();
    void serviceName();
    void unreachableServerReported();
    void databaseWithoutVaultRefused();
    void newerSchemaRefused();
    void signInMapsLoginToMember();

    void killedMidChangeSavesNothing_data();
    void killedMidChangeSavesNothing();
    void killedDuringCommitIsReportedNotSaved();

    void watcherHearsOtherWritersAtOnce();
    void watcherRecoversItsConnection();
};

void TestPgConnection::conninfoParses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("keywords") << QStringLiteral("host=db.example.com port=5432 dbname=keys")
                              << QStringLiteral("host=db.example.com port=5432 dbname=keys");
    QTest::newRow("spaces and quotes")
        << QStringLiteral("  host = db   dbname = 'my keys'  sslmode=verify-full ")
        << QStringLiteral("host=db dbname='my keys' sslmode=verify-full");
    QTest::newRow("escapes") << QStringLiteral("password='it\\'s \\\\ odd' user=a\\ b")
                             << QStringLiteral("password='it\\'s \\\\ odd' user='a b'");
    QTest::newRow("empty quoted value drops the keyword")
        << QStringLiteral("host='' dbname=k") << QStringLiteral("dbname=k");
    QTest::newRow("last one wins")
        << QStringLiteral("dbname=a dbname=b") << QStringLiteral("dbname=b");
    QTest::newRow("service") << QStringLiteral("service=keyward")
                             << QStringLiteral("service=keyward");
    QTest::newRow("uri") << QStringLiteral(
        "postgresql://alice:s%40cret@db.example.com:6543/keys?sslmode=require")
                         << QStringLiteral("host=db.example.com port=6543 user=alice "
                                           "password=s@cret dbname=keys sslmode=require");
    QTest::newRow("short uri, ipv6")
        << QStringLiteral("postgres://[::1]/keys") << QStringLiteral("host=::1 dbname=keys");
    QTest::newRow("empty: all from the environment") << QString() << QString();
}

void TestPgConnection::conninfoParses()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    auto parsed = PgConnInfo::parse(input);
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->toString(true), canonical);
    // The canonical form reads back to itself.
    QCOMPARE(PgConnInfo::parse(canonical)->toString(true), canonical);
}

void TestPgConnection::conninfoRefusesBadInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("no equals sign") << QStringLiteral("host db");
    QTest::newRow("no keyword") << QStringLiteral("=db");
    QTest::newRow("upper-case keyword") << QStringLiteral("Host=db");
    QTest::newRow("sql in keyword") << QStringLiteral("host';DROP=x");
    QTest::newRow("unterminated quote") << QStringLiteral("dbname='keys");
    QTest::newRow("several hosts in a uri") << QStringLiteral("postgresql://h1:1,h2:2/db");
}

void TestPgConnection::conninfoRefusesBadInput()
{
    QFETCH(QString, input);
    auto parsed = PgConnInfo::parse(input);
    QVERIFY(!parsed);
    QCOMPARE(parsed.code(), ErrorCode::InvalidInput);
    QVERIFY(!parsed.errorMessage().isEmpty());
}

void TestPgConnection::conninfoHidesPassword()
{
    auto parsed = PgConnInfo::parse(
        QStringLiteral("host=db.example.com port=5433 dbname=keys user=alice password=hunter22"));
    QVERIFY(parsed);
    QCOMPARE(parsed->toString(),
             QStringLiteral("host=db.example.com port=5433 dbname=keys user=alice"));
    QVERIFY(!parsed->displayName().contains(QStringLiteral("hunter22")));
    QCOMPARE(parsed->displayName(), QStringLiteral("keys@db.example.com:5433"));
    QCOMPARE(PgConnInfo::parse(QStringLiteral("service=prod"))->displayName(),
             QStringLiteral("service prod"));
}

// Found by tests/fuzz/fuzz_conninfo: QUrl's error text ends with "source was \"<the whole
// URI>\"", and a misspelt scheme made the whole URI one "keyword" that the message quoted, so a
// URI with a typo repeated its password in keywardctl's message and the logs.
void TestPgConnection::conninfoErrorHidesPassword_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("space in the host")
        << QStringLiteral("postgresql://alice:hunter22@db.exa mple.com/keys");
    QTest::newRow("bad host character")
        << QStringLiteral("postgresql://alice:hunter22@db.exemple.c&m:5433/keys");
    QTest::newRow("bad port") << QStringLiteral("postgres://alice:hunter22@db:54x2/keys");
    QTest::newRow("misspelt scheme")
        << QStringLiteral("postgressql://alice:hunter22@db.example.com/keys");
    QTest::newRow("one slash") << QStringLiteral("postgresql:/alice:hunter22@db.example.com/k");
}

void TestPgConnection::conninfoErrorHidesPassword()
{
    QFETCH(QString, input);
    auto parsed = PgConnInfo::parse(input);
    QVERIFY(!parsed);
    QCOMPARE(parsed.code(), ErrorCode::InvalidInput);
    QVERIFY2(!parsed.errorMessage().contains(QStringLiteral("hunter22")),
             qPrintable(parsed.errorMessage()));
    QVERIFY2(parsed.errorMessage().contains(QLatin1String("URI")),
             qPrintable(parsed.errorMessage()));
}

void TestPgConnection::clientDefaultsKeepWhatTheUserSaid()
{
    auto parsed = PgConnInfo::parse(
        QStringLiteral("host=db.example.com dbname=keys connect_timeout=3 keepalives_idle=5"));
    QVERIFY(parsed);
    const PgConnInfo info = parsed->withClientDefaults();
    QCOMPARE(info.value(QStringLiteral("connect_timeout")), QStringLiteral("3"));
    QCOMPARE(info.value(QStringLiteral("keepalives_idle")), QStringLiteral("5"));
    QCOMPARE(info.value(QStringLiteral("keepalives")), QStringLiteral("1"));
    QCOMPARE(info.value(QStringLiteral("tcp_user_timeout")), QStringLiteral("30000"));
    QCOMPARE(info.value(QStringLiteral("application_name")), QStringLiteral("keyward"));
    QCOMPARE(info.value(QStringLiteral("host")), QStringLiteral("db.example.com"));
    QCOMPARE(PgConnInfo().withClientDefaults(5).value(QStringLiteral("connect_timeout")),
             QStringLiteral("5"));
    // libpq accepts every one of them: a real connection with the defaults works.
    PgTestDatabase pg;
    QSqlDatabase db =
        QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("defaults"));
    QVERIFY(pg.conninfo().withClientDefaults().applyTo(db));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SHOW application_name")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("keyward"));
    q = QSqlQuery();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("defaults"));
}

void TestPgConnection::semicolonOptionRefused()
{
    // Qt joins connect options with ';': a ';' inside a value would silently split it.
    auto parsed = PgConnInfo::parse(QStringLiteral("options='-c search_path=a;b' dbname=x"));
    QVERIFY(parsed);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("semi"));
    auto applied = parsed->applyTo(db);
    QCOMPARE(applied.code(), ErrorCode::InvalidInput);
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("semi"));
    // A password may contain one: it does not travel as an option.
    auto store = SqlKeyStore::connectPostgres(
        QStringLiteral("host=127.0.0.1 port=1 dbname=x user=y connect_timeout=2 password='a;b'"),
        SystemClock::instance());
    QCOMPARE(store.code(), ErrorCode::ConnectionLost);
}

void TestPgConnection::wrongPasswordRefused()
{
    PgVaultFixture f;
    auto store = SqlKeyStore::connectPostgres(
        f.pg.conninfo(QStringLiteral("alice"), QStringLiteral("not-the-password")), f.clock);
    QVERIFY(!store);
    QCOMPARE(store.code(), ErrorCode::AuthenticationFailed);
    QVERIFY(!store.errorMessage().contains(QStringLiteral("not-the-password")));
    QVERIFY2(store.errorMessage().contains(QStringLiteral("alice")),
             qPrintable(store.errorMessage()));
}

void TestPgConnection::missingPasswordAsksForOne()
{
    PgVaultFixture f;
    QTemporaryDir dir;
    ScopedEnv passFile("PGPASSFILE", dir.filePath(QStringLiteral("none")).toUtf8());
    ScopedEnv password("PGPASSWORD", QByteArray());
    qunsetenv("PGPASSWORD");
    auto store = SqlKeyStore::connectPostgres(f.pg.conninfo(QStringLiteral("alice")), f.clock);
    QCOMPARE(store.code(), ErrorCode::AuthenticationFailed);
    QVERIFY2(store.errorMessage().contains(QStringLiteral("password")),
             qPrintable(store.errorMessage()));
}

void TestPgConnection::passwordFromPasswordFile()
{
    PgVaultFixture f;
    QTemporaryDir dir;
    const PgConnInfo info = f.pg.conninfo(QStringLiteral("alice"));
    const QString path = dir.filePath(QStringLiteral("pgpass"));
    writePrivateFile(path,
                     QStringLiteral("%1:%2:%3:alice:%4\n")
                         .arg(info.value(QStringLiteral("host")),
                              info.value(QStringLiteral("port")), f.pg.name(),
                              QLatin1String(kOwnerPassphrase)));
    ScopedEnv passFile("PGPASSFILE", path.toUtf8());
    QVERIFY(!info.contains(QStringLiteral("password")));
    auto store = SqlKeyStore::connectPostgres(info, f.clock);
    QVERIFY2(store, qPrintable(store.errorMessage()));
    auto member = (*store)->signIn(QString(), SecretString());
    QVERIFY2(member, qPrintable(member.errorMessage()));
    QCOMPARE(member->name, QStringLiteral("alice"));
    QCOMPARE(member->role, Role::Owner);
}

void TestPgConnection::serviceName()
{
    PgVaultFixture f;
    QTemporaryDir dir;
    const PgConnInfo info = f.pg.conninfo(QStringLiteral("alice"), QLatin1String(kOwnerPassphrase));
    const QString path = dir.filePath(QStringLiteral("pg_service.conf"));
    writePrivateFile(path,
                     QStringLiteral("[keyward-test]\nhost=%1\nport=%2\ndbname=%3\nuser=alice\n"
                                    "password=%4\n")
                         .arg(info.value(QStringLiteral("host")),
                              info.value(QStringLiteral("port")), f.pg.name(),
                              QLatin1String(kOwnerPassphrase)));
    ScopedEnv serviceFile("PGSERVICEFILE", path.toUtf8());
    auto store = SqlKeyStore::connectPostgres(QStringLiteral("service=keyward-test"), f.clock);
    QVERIFY2(store, qPrintable(store.errorMessage()));
    QCOMPARE((*store)->displayName(), QStringLiteral("service keyward-test"));
    QCOMPARE((*store)->serverLogin(), QStringLiteral("alice"));
    QVERIFY((*store)->listKeys());
}

void TestPgConnection::unreachableServerReported()
{
    QElapsedTimer timer;
    timer.start();
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    auto store = SqlKeyStore::connectPostgres(
        QStringLiteral("host=127.0.0.1 port=1 dbname=keys user=alice password=x"),
        SystemClock::instance());
    QVERIFY(!store);
    QCOMPARE(store.code(), ErrorCode::ConnectionLost);
    QVERIFY2(store.errorMessage().startsWith(QStringLiteral("Cannot connect to keys@127.0.0.1:1")),
             qPrintable(store.errorMessage()));
    QVERIFY(timer.elapsed() < 15000);
}

void TestPgConnection::databaseWithoutVaultRefused()
{
    PgTestDatabase pg;
    auto store = SqlKeyStore::connectPostgres(pg.conninfo(), SystemClock::instance());
    QVERIFY(!store);
    QCOMPARE(store.code(), ErrorCode::NotAVault);
    QVERIFY2(store.errorMessage().contains(QStringLiteral("db setup")),
             qPrintable(store.errorMessage()));
    auto missing = SqlKeyStore::connectPostgres(pg.conninfo().toString(true)
                                                    + QStringLiteral(" dbname=no_such_database"),
                                                SystemClock::instance());
    QCOMPARE(missing.code(), ErrorCode::NotAVault);
}

void TestPgConnection::newerSchemaRefused()
{
    PgVaultFixture f;
    QVERIFY(f.pg.admin().exec(
        QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)")));
    const QString before =
        f.pg.admin().scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toString();
    auto store = SqlKeyStore::connectPostgres(
        f.pg.conninfo(QStringLiteral("alice"), QLatin1String(kOwnerPassphrase)), f.clock);
    QVERIFY(!store);
    QCOMPARE(store.code(), ErrorCode::VaultTooNew);
    QVERIFY(store.errorMessage().contains(QStringLiteral("newer Keyward")));
    QCOMPARE(f.pg.admin().scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toString(),
             before);
}

void TestPgConnection::signInMapsLoginToMember()
{
    PgVaultFixture f;
    auto second = f.connect(QStringLiteral("alice"), kOwnerPassphrase);
    QCOMPARE(second->serverLogin(), QStringLiteral("alice"));
    QVERIFY(!second->currentMember());
    auto other = second->signIn(QStringLiteral("bob"), SecretString());
    QCOMPARE(other.code(), ErrorCode::AuthenticationFailed);
    QVERIFY2(other.errorMessage().contains(QStringLiteral("\"alice\"")),
             qPrintable(other.errorMessage()));
    QVERIFY(!second->currentMember());
    // The passphrase plays no part: the server has authenticated the login already.
    auto member = second->signIn(QStringLiteral("alice"), secret("anything at all"));
    QVERIFY2(member, qPrintable(member.errorMessage()));
    QCOMPARE(member->role, Role::Owner);
    // The sign-in is audited in the login's name.
    auto newest = second->auditEvents(std::nullopt, 1);
    QVERIFY2(newest && newest->size() == 1, qPrintable(newest.errorMessage()));
    QCOMPARE(newest->first().action, QStringLiteral("member.sign_in"));
    QCOMPARE(newest->first().actor, QStringLiteral("alice"));
    QVERIFY(second->verifyAudit()->intact);
    QCOMPARE(second->displayName(),
             f.pg.name() + QStringLiteral("@127.0.0.1:")
                 + f.pg.conninfo().value(QStringLiteral("port")));
}

void TestPgConnection::killedMidChangeSavesNothing_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("create key") << QStringLiteral("create");
    QTest::newRow("regenerate key (4 statements)") << QStringLiteral("regenerate");
    QTest::newRow("add member (login, grant, row)") << QStringLiteral("member");
    QTest::newRow("demote member (grants, role, keys)") << QStringLiteral("demote");
}

void TestPgConnection::killedMidChangeSavesNothing()
{
    QFETCH(QString, change);
    PgVaultFixture f;
    const QString adam = f.uniqueLogin(QStringLiteral("adam"));
    auto admin = f.store->addMember(adam, Role::Admin, secret("adam-password"));
    QVERIFY(admin);
    auto adamStore = f.openSecond(adam, "adam-password");
    auto issued = adamStore->createKey(
        f.request(QStringLiteral("admin key"), Environment::Production, Role::Admin));
    QVERIFY(issued);
    const QString newLogin = f.uniqueLogin(QStringLiteral("newbie"));
    PgConnection &super = f.pg.admin();
    auto snapshot = [&] {
        return super
            .scalar(
                QStringLiteral(
                    "SELECT concat_ws('|', (SELECT count(*) FROM api_keys), (SELECT count(*) FROM "
                    "key_secrets), (SELECT string_agg(id || ':' || version || ':' || state, ',' "
                    "ORDER BY id) FROM api_keys), (SELECT string_agg(id || ':' || role || ':' || "
                    "version, ',' ORDER BY id) FROM members), (SELECT count(*) FROM audit_log), "
                    "(SELECT value FROM vault_meta WHERE name = 'change_seq'), (SELECT count(*) "
                    "FROM "
                    "pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid WHERE r.rolname LIKE "
                    "'%1%%'), (SELECT count(*) FROM pg_roles WHERE rolname = '%2'))")
                    .arg(f.pg.rolePrefix(), newLogin))
            .toString();
    };
    const QString before = snapshot();

    const qint64 pid = backendPid(*f.store);
    QVERIFY(pid != 0);
    // Every statement of the change has run inside the transaction; now the server loses us.
    f.store->setBeforeCommitHook(
        [&] { super.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)); });
    Error error {ErrorCode::InvalidInput, QStringLiteral("the change went through")};
    auto keep = [&error](const auto &result) {
        if (!result)
            error = result.error();
    };
    if (change == QLatin1String("create"))
        keep(f.store->createKey(f.request(QStringLiteral("lost"))));
    else if (change == QLatin1String("regenerate"))
        keep(f.store->regenerateKey(issued->key.id, 1, kHourMs));
    else if (change == QLatin1String("member"))
        keep(f.store->addMember(newLogin, Role::Developer, secret("newbie-password")));
    else
        keep(f.store->setMemberRole(admin->id, admin->version, Role::Developer));
    QCOMPARE(error.code, ErrorCode::ConnectionLost);
    QVERIFY2(error.message.contains(QStringLiteral("Nothing was saved")),
             qPrintable(error.message));
    QVERIFY(!f.store->isConnected());
    QCOMPARE(snapshot(), before); // nothing partial

    // Back on its feet: the same change goes through once, and the chain is whole.
    f.store->setBeforeCommitHook({});
    QVERIFY(f.store->reconnect());
    QVERIFY(f.store->isConnected());
    QVERIFY(f.store->currentMember());
    if (change == QLatin1String("regenerate")) {
        auto again = f.store->regenerateKey(issued->key.id, 1, kHourMs);
        QVERIFY2(again, qPrintable(again.errorMessage()));
        QCOMPARE(again->key.secrets.size(), 2);
    } else if (change == QLatin1String("member")) {
        QVERIFY(f.store->addMember(newLogin, Role::Developer, secret("newbie-password")));
    } else if (change == QLatin1String("demote")) {
        QVERIFY(f.store->setMemberRole(admin->id, admin->version, Role::Developer));
        QCOMPARE(f.store->key(issued->key.id)->state, KeyState::Inactive);
    }
    QVERIFY(f.store->verifyAudit()->intact);
}

void TestPgConnection::killedDuringCommitIsReportedNotSaved()
{
    PgVaultFixture f;
    // A deferred trigger makes COMMIT itself slow, so the connection can die inside it.
    PgConnection &super = f.pg.admin();
    QVERIFY(super.exec(QStringLiteral(
        "CREATE FUNCTION test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM "
        "pg_sleep(3); RETURN NULL; END $$")));
    QVERIFY(super.exec(QStringLiteral(
        "CREATE CONSTRAINT TRIGGER test_slow_commit AFTER INSERT ON api_keys DEFERRABLE "
        "INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_slow_commit()")));
    const PgConnInfo superInfo = f.pg.conninfo();
    const qint64 pid = backendPid(*f.store);
    std::thread killer;
    f.store->setBeforeCommitHook([&] {
        killer = std::thread([superInfo, pid] {
            std::this_thread::sleep_for(std::chrono::milliseconds(800));
            PgConnection own(superInfo); // a connection belongs to its thread
            own.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid));
        });
    });
    auto lost = f.store->createKey(f.request(QStringLiteral("in flight")));
    killer.join();
    QVERIFY(!lost);
    QCOMPARE(lost.code(), ErrorCode::ConnectionLost);
    // The store found out by itself, over a new connection, that the change did not commit.
    QVERIFY2(lost.errorMessage().contains(QStringLiteral("It was not saved")),
             qPrintable(lost.errorMessage()));
    QVERIFY(f.store->isConnected());
    QCOMPARE(super.scalar(QStringLiteral("SELECT count(*) FROM api_keys")).toInt(), 0);
    QVERIFY(f.store->verifyAudit()->intact);
}

void TestPgConnection::watcherHearsOtherWritersAtOnce()
{
    PgVaultFixture f;
    ChangeWatcher watcher(*f.store);
    watcher.setPollIntervalMs(60'000); // so that only a notification can be quick
    QVERIFY2(watcher.start(), qPrintable(watcher.errorString()));
    QVERIFY(watcher.isListening());
    QSignalSpy changed(&watcher, &ChangeWatcher::changed);
    auto other = f.openSecond();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(other->createKey(f.request(QStringLiteral("elsewhere"))));
    QVERIFY(changed.wait(1000));
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(changed.last().first().toLongLong(), *other->changeCounter());
    // One change, one signal.
    QTest::qWait(100);
    QCOMPARE(changed.count(), 1);
}

void TestPgConnection::watcherRecoversItsConnection()
{
    PgVaultFixture f;
    ChangeWatcher watcher(*f.store);
    watcher.setPollIntervalMs(100);
    QVERIFY(watcher.start());
    QSignalSpy lost(&watcher, &ChangeWatcher::connectionLost);
    QSignalSpy restored(&watcher, &ChangeWatcher::connectionRestored);
    QSignalSpy changed(&watcher, &ChangeWatcher::changed);
    const QString listener = QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = '%1' "
                                            "AND query LIKE 'LISTEN%%'")
                                 .arg(f.pg.name());
    const qint64 pid = f.pg.admin().scalar(listener).toLongLong();
    QVERIFY(pid != 0);
    QVERIFY(f.pg.admin().exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
    QTRY_VERIFY_WITH_TIMEOUT(lost.count() >= 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(restored.count() >= 1, 5000);
    QVERIFY(watcher.isListening());
    QVERIFY(f.openSecond()->createKey(f.request(QStringLiteral("after the restart"))));
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 2000);
}

QTEST_GUILESS_MAIN(TestPgConnection)
#include "test_pg_connection.moc"
