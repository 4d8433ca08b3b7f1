#include "PgBenchVault.h"

#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"
#include "crypto/Sha256.h"
#include "store/PostgresSetup.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Keyward::Bench {

namespace {

const QString kOwnerLogin = QStringLiteral("keyward_bench_owner");
const QString kVerifierLogin = QStringLiteral("keyward_bench_verifier");
const QString kVerifierPassword = QStringLiteral("bench verifier password");
const char *const kGroups[] = {"owner", "admin", "developer", "viewer", "verifier"};
constexpr int kRowsPerInsert = 500;

Error sqlError(const QSqlQuery &q)
{
    return makeError(ErrorCode::StorageError, q.lastError().text());
}

// A one-off maintenance connection to `database` on the server.
template<typename Work>
Result<void> withConnection(const PgConnInfo &server, const QString &database, Work work)
{
    const QString name = QStringLiteral("keyward-bench-maintenance");
    Result<void> outcome;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        PgConnInfo info = server;
        info.setValue(QStringLiteral("dbname"), database);
        if (auto applied = info.applyTo(db); !applied)
            outcome = applied.error();
        else if (!db.open())
            outcome = makeError(ErrorCode::StorageError, db.lastError().text());
        else
            outcome = work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

} // namespace

PgBenchVault::PgBenchVault(const PgConnInfo &server)
    : m_server(server)
    , m_database(QStringLiteral("kwbench_%1").arg(QRandomGenerator::global()->generate()))
{ }

Result<std::unique_ptr<PgBenchVault>> PgBenchVault::create(const PgConnInfo &server, int keyCount,
                                                           const Clock &clock)
{
    std::unique_ptr<PgBenchVault> vault(new PgBenchVault(server));
    const QString maintenance = server.value(QStringLiteral("dbname")).isEmpty()
        ? QStringLiteral("postgres")
        : server.value(QStringLiteral("dbname"));
    auto created = withConnection(server, maintenance, [&](QSqlDatabase &db) -> Result<void> {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE DATABASE ") + vault->m_database))
            return sqlError(q);
        return {};
    });
    if (!created)
        return created.error();
    if (auto seeded = vault->seed(keyCount, clock); !seeded)
        return seeded.error();
    return vault;
}

Result<void> PgBenchVault::seed(int keyCount, const Clock &clock)
{
    return withConnection(m_server, m_database, [&](QSqlDatabase &db) -> Result<void> {
        PostgresSetupOptions options;
        options.keyPrefix = QStringLiteral("kw");
        options.rolePrefix = m_database;
        options.owner = kOwnerLogin; // never the superuser: the setup sets the owner's password
        auto setUp =
            PostgresSetup::run(db, options, SecretString("benchmark passphrase", 20), clock);
        if (!setUp)
            return setUp.error();
        if (auto added = PostgresSetup::addVerifierLogin(
                db, kVerifierLogin,
                SecretString(kVerifierPassword.toUtf8().constData(),
                             std::size_t(kVerifierPassword.toUtf8().size())));
            !added)
            return added.error();
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT min(id) FROM members")) || !q.next())
            return sqlError(q);
        const qint64 owner = q.value(0).toLongLong();
        const qint64 now = clock.nowMs();
        const QString grants = QStringLiteral("customers:read licenses:read telemetry:write");
        m_tokens.reserve(std::size_t(keyCount));
        m_hashes.reserve(std::size_t(keyCount));
        if (!q.exec(QStringLiteral("BEGIN")))
            return sqlError(q);
        // Multi-row INSERTs of kRowsPerInsert keys and their secrets: the same columns as the
        // SQLite bench vault (BenchVault), in a few hundred round trips instead of 200,000.
        for (int first = 1; first <= keyCount; first += kRowsPerInsert) {
            const int last = std::min(keyCount, first + kRowsPerInsert - 1);
            QStringList keyRows;
            QStringList secretRows;
            for (int i = first; i <= last; ++i) {
                keyRows << QStringLiteral("(?, ?, ?, 0, 1, ?, 0, ?, 0, 1, NULL, ?, ?, ?, ?, NULL, "
                                          "0, 1)");
                secretRows << QStringLiteral("(?, ?, ?, ?, ?, NULL)");
            }
            QSqlQuery keys(db);
            keys.prepare(
                QStringLiteral("INSERT INTO api_keys (id, name, notes, environment, role, grants, "
                               "state, expires_at, rate_count, rate_unit, usage_limit, customer, "
                               "created_by, created_at, updated_at, revoked_at, flagged, version) "
                               "VALUES ")
                + keyRows.join(QLatin1Char(',')));
            QSqlQuery secrets(db);
            secrets.prepare(QStringLiteral("INSERT INTO key_secrets (id, key_id, hash, hint, "
                                           "created_at, retires_at) VALUES ")
                            + secretRows.join(QLatin1Char(',')));
            for (int i = first; i <= last; ++i) {
                const SecretString token =
                    KeyToken::generate(QStringLiteral("kw"), Environment::Production);
                const QByteArray hash = Sha256::hash(token);
                const qint64 at = now - qint64(i % 1000) * kHourMs;
                for (const QVariant &value :
                     {QVariant(i), QVariant(QStringLiteral("Integration %1").arg(i)),
                      QVariant(QStringLiteral("")), QVariant(grants),
                      QVariant(now + qint64(30 + i % 300) * kDayMs),
                      QVariant(QStringLiteral("customer-%1").arg(i % 500)), QVariant(owner),
                      QVariant(at), QVariant(at)})
                    keys.addBindValue(value);
                for (const QVariant &value : {QVariant(i), QVariant(i), QVariant(hash),
                                              QVariant(KeyToken::hint(token)), QVariant(at)})
                    secrets.addBindValue(value);
                m_tokens.emplace_back(token.data(), token.size());
                m_hashes.push_back(hash);
            }
            if (!keys.exec())
                return sqlError(keys);
            if (!secrets.exec())
                return sqlError(secrets);
        }
        // Identity columns continue after the explicit ids, as after a migration.
        for (const char *table : {"api_keys", "key_secrets"}) {
            if (!q.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                       "(SELECT max(id) FROM %1))")
                            .arg(QLatin1String(table))))
                return sqlError(q);
        }
        if (!q.exec(QStringLiteral("COMMIT")) || !q.exec(QStringLiteral("ANALYZE")))
            return sqlError(q);
        return {};
    });
}

PgConnInfo PgBenchVault::verifierConninfo() const
{
    PgConnInfo info = m_server;
    info.setValue(QStringLiteral("dbname"), m_database);
    info.setValue(QStringLiteral("user"), kVerifierLogin);
    info.setValue(QStringLiteral("password"), kVerifierPassword);
    return info;
}

PgBenchVault::~PgBenchVault()
{
    const QString maintenance = m_server.value(QStringLiteral("dbname")).isEmpty()
        ? QStringLiteral("postgres")
        : m_server.value(QStringLiteral("dbname"));
    // Best effort: a destructor has nobody to tell, and a leftover database names itself.
    (void)withConnection(m_server, maintenance, [&](QSqlDatabase &db) -> Result<void> {
        QSqlQuery q(db);
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database));
        for (const char *group : kGroups)
            q.exec(
                QStringLiteral("DROP ROLE IF EXISTS %1_%2").arg(m_database, QLatin1String(group)));
        for (const QString &login : {kVerifierLogin, kOwnerLogin})
            q.exec(QStringLiteral("DROP ROLE IF EXISTS ") + login);
        return {};
    });
}

} // namespace Keyward::Bench
