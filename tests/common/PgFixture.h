#pragma once

// PostgreSQL test support: the throwaway cluster started by tests/pg/pg_fixture.sh (ctest
// fixture "pg"), a fresh database per test, and a vault fixture with the same shape as
// VaultFixture so that store suites can run against both engines.

#include "VaultFixture.h"
#include "store/PgConnInfo.h"
#include "store/PostgresSetup.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <memory>

namespace Keyward::Testing {

// The cluster superuser's conninfo. Without a cluster the test dies loudly, never skips.
inline PgConnInfo pgServerConninfo()
{
    QString text = qEnvironmentVariable("KEYWARD_PG_CONNINFO");
    if (text.isEmpty()) {
        const QString path = qEnvironmentVariable("KEYWARD_PG_CONNINFO_FILE");
        QFile file(path);
        if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
            qFatal("No PostgreSQL test cluster. Run this test through ctest (fixture \"pg\", "
                   "tests/pg/pg_fixture.sh, which needs the postgresql package) or set "
                   "KEYWARD_PG_CONNINFO to a superuser conninfo. KEYWARD_PG_CONNINFO_FILE='%s'",
                   qPrintable(path));
        text = QString::fromUtf8(file.readAll()).trimmed();
    }
    auto parsed = PgConnInfo::parse(text);
    if (!parsed || parsed->isEmpty())
        qFatal("Bad PostgreSQL test conninfo: %s", qPrintable(parsed.errorMessage()));
    return *parsed;
}

inline QString randomToken(int length = 10)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]);
    return out;
}

// A plain Qt SQL connection, no Keyward logic: for creating databases, tampering, and acting as
// a role the way psql would.
class PgConnection
{
public:
    explicit PgConnection(const PgConnInfo &info)
    {
        static std::atomic<int> counter {0};
        m_name = QStringLiteral("keyward-test-pg-%1").arg(counter++);
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        if (info.applyTo(m_db) && m_db.open())
            exec(QStringLiteral("SET client_min_messages = warning")); // no NOTICE noise
    }
    ~PgConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }
    QString lastError() const { return m_db.lastError().text(); }
    // Runs one statement; on failure returns false and leaves the SQLSTATE in *state.
    bool exec(const QString &sql, QString *state = nullptr, int *rowsAffected = nullptr)
    {
        QSqlQuery q(m_db);
        const bool ok = q.exec(sql);
        if (state)
            *state = ok ? QString() : q.lastError().nativeErrorCode();
        if (rowsAffected)
            *rowsAffected = ok ? q.numRowsAffected() : -1;
        return ok;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// A database of its own (random name) on the test cluster, dropped with its group roles at the
// end. Its vault uses a role prefix of the same random name, so tests never share groups.
class PgTestDatabase
{
public:
    PgTestDatabase()
        : m_server(pgServerConninfo())
        , m_name(QStringLiteral("kwt_") + randomToken())
    {
        PgConnection maintenance(m_server);
        if (!maintenance.isOpen())
            qFatal("Cannot reach the PostgreSQL test cluster: %s",
                   qPrintable(maintenance.lastError()));
        if (!maintenance.exec(QStringLiteral("CREATE DATABASE ") + m_name))
            qFatal("CREATE DATABASE %s failed", qPrintable(m_name));
        m_admin = std::make_unique<PgConnection>(conninfo());
        if (!m_admin->isOpen())
            qFatal("Cannot connect to %s: %s", qPrintable(m_name),
                   qPrintable(m_admin->lastError()));
    }
    ~PgTestDatabase()
    {
        m_admin.reset();
        PgConnection maintenance(m_server);
        maintenance.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
        for (const char *group : {"owner", "admin", "developer", "viewer", "verifier"})
            maintenance.exec(
                QStringLiteral("DROP ROLE IF EXISTS %1_%2").arg(m_name, QLatin1String(group)));
    }
    PgTestDatabase(const PgTestDatabase &) = delete;
    PgTestDatabase &operator=(const PgTestDatabase &) = delete;

    QString name() const { return m_name; }
    QString rolePrefix() const { return m_name; }
    // The cluster superuser by default, else the given login (and password, if any).
    PgConnInfo conninfo(const QString &login = QString(), const QString &password = QString()) const
    {
        PgConnInfo info = m_server;
        info.setValue(QStringLiteral("dbname"), m_name);
        if (!login.isEmpty()) {
            info.setValue(QStringLiteral("user"), login);
            info.setValue(QStringLiteral("password"), password);
        }
        return info;
    }
    // Superuser: bypasses privileges and row-level security (not triggers).
    PgConnection &admin() { return *m_admin; }

private:
    PgConnInfo m_server;
    QString m_name;
    std::unique_ptr<PgConnection> m_admin;
};

// A fresh PostgreSQL vault (PostgresSetup) whose Owner "alice" is signed in, on a ManualClock:
// the PostgreSQL twin of VaultFixture. Members are server logins; their passphrase is their
// password. Logins are cluster-wide and an existing login keeps its password, so every suite
// must use the same password for a given login name (alice: kOwnerPassphrase), or a name of its
// own from uniqueLogin().
struct PgVaultFixture
{
    ManualClock clock;
    PgTestDatabase pg;
    std::unique_ptr<SqlKeyStore> store;

    explicit PgVaultFixture(const QString &prefix = QStringLiteral("kw"))
    {
        PostgresSetupOptions options;
        options.keyPrefix = prefix;
        options.rolePrefix = pg.rolePrefix();
        options.owner = QStringLiteral("alice");
        auto report = PostgresSetup::run(pg.admin().db(), options, secret(kOwnerPassphrase), clock);
        if (!report)
            qFatal("PostgresSetup failed: %s", qPrintable(report.errorMessage()));
        store = openSecond();
    }

    // A store connected as a login, not signed in.
    std::unique_ptr<SqlKeyStore> connect(const QString &login, const char *password)
    {
        auto connected =
            SqlKeyStore::connectPostgres(pg.conninfo(login, QString::fromUtf8(password)), clock);
        if (!connected)
            qFatal("connectPostgres as %s failed: %s", qPrintable(login),
                   qPrintable(connected.errorMessage()));
        return std::move(connected).value();
    }

    // Another connection, as another process would have; signed in as member unless empty
    // (then connected as alice, signed out).
    std::unique_ptr<SqlKeyStore> openSecond(const QString &member = QStringLiteral("alice"),
                                            const char *passphrase = kOwnerPassphrase)
    {
        if (member.isEmpty())
            return connect(QStringLiteral("alice"), kOwnerPassphrase);
        auto second = connect(member, passphrase);
        if (auto signedIn = second->signIn(member, SecretString()); !signedIn)
            qFatal("signIn as %s failed: %s", qPrintable(member),
                   qPrintable(signedIn.errorMessage()));
        return second;
    }

    NewKeyRequest request(const QString &name, Environment env = Environment::Production,
                          Role role = Role::Developer) const
    {
        return makeRequest(*store, clock, name, env, role);
    }

    // A login name no other test uses ("dave_k3j...").
    QString uniqueLogin(const QString &base) const
    {
        return base + QLatin1Char('_') + pg.name().mid(4);
    }

    // A superuser connection with triggers off: a DBA editing history behind Keyward's back.
    QSqlDatabase &tamperDatabase()
    {
        pg.admin().exec(QStringLiteral("SET session_replication_role = replica"));
        return pg.admin().db();
    }
};

} // namespace Keyward::Testing
