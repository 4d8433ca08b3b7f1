#include "SqlKeyStore.h"

#include "AuditLog.h"
#include "Migrations.h"
#include "OpenVaultFiles.h"
#include "SecretLookup.h"
#include "SharedLimitRepository.h"
#include "SqlConnection.h"
#include "SqlKeyStoreRows.h"
#include "SqliteStatement.h"
#include "UsageRepository.h"
#include "VaultSigning.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <atomic>

// SqlKeyStore's facade: the connection and its write transactions (lost commits included), the
// audit rows every change appends, and the counters windows and verifiers poll. The rest of the
// class lives by job in SqlKeyStore*.cpp.

namespace Keyward {

using namespace StoreRows;

SqlKeyStore::SqlKeyStore(SqlEngine engine, const Clock &clock)
    : m_connection(std::make_unique<SqlConnection>(
        engine == SqlEngine::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"),
        QStringLiteral("store")))
    , m_dialect(engine)
    , m_clock(clock)
{ }

QSqlDatabase &SqlKeyStore::database()
{
    return m_connection->database();
}

const QSqlDatabase &SqlKeyStore::database() const
{
    return m_connection->database();
}

QString SqlKeyStore::connectionName() const
{
    return m_connection->name();
}

std::unique_ptr<UsageRepository> SqlKeyStore::usageRepository()
{
    return std::make_unique<UsageRepository>(database(), engine());
}

std::unique_ptr<SharedLimitRepository> SqlKeyStore::sharedLimitRepository()
{
    return std::make_unique<SharedLimitRepository>(database(), engine(),
                                                   [this] { releaseReadSnapshot(); });
}

namespace {

std::atomic<quint64> &newerDataEpoch()
{
    static std::atomic<quint64> epoch {0};
    return epoch;
}

} // namespace

void SqlKeyStore::noteNewerData()
{
    newerDataEpoch().fetch_add(1, std::memory_order_acq_rel);
}

void SqlKeyStore::shareReadSnapshots(bool share)
{
    // Only in WAL mode, where a reader holds up no writer (every vault file is made so).
    bool wal = false;
    if (share && m_dialect.isSqlite()) {
        QSqlQuery q(database());
        wal = q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next()
            && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
    }
    m_shareReadSnapshots = wal;
    if (!m_shareReadSnapshots)
        releaseReadSnapshot();
}

bool SqlKeyStore::enterSharedReadSnapshot()
{
    if (!m_shareReadSnapshots)
        return false;
    if (m_readSnapshot
        && (++m_snapshotLookups > kLookupsPerSnapshot
            || m_snapshotEpoch != newerDataEpoch().load(std::memory_order_acquire)
            || m_readSnapshot->connection() != sqliteHandle(database())))
        releaseReadSnapshot();
    if (!m_readSnapshot) {
        // Read before it begins: newer data noted from now on ends it.
        m_snapshotEpoch = newerDataEpoch().load(std::memory_order_acquire);
        m_readSnapshot = std::make_unique<SqliteReadTransaction>(sqliteHandle(database()));
        m_snapshotLookups = 1;
        ++m_snapshotSerial;
        m_snapshotAge.start();
    }
    return true;
}

quint64 SqlKeyStore::sharedReadSnapshotSerial() const
{
    if (!m_readSnapshot)
        return 0;
    // A snapshot that began nothing (a transaction was open already) is no snapshot of its own.
    sqlite3 *db = sqliteHandle(database());
    if (m_readSnapshot->connection() != db || sqlite3_get_autocommit(db))
        return 0;
    return m_snapshotSerial;
}

quint64 SqlKeyStore::serialForOwnSnapshot()
{
    releaseReadSnapshot();
    return ++m_snapshotSerial;
}

void SqlKeyStore::releaseReadSnapshotOlderThan(int ms)
{
    if (m_readSnapshot && m_snapshotAge.hasExpired(ms))
        releaseReadSnapshot();
}

void SqlKeyStore::releaseReadSnapshot()
{
    if (!m_readSnapshot)
        return;
    // The connection it began on was closed meanwhile (and its transaction with it), or it
    // began nothing (a transaction was open already).
    if (m_readSnapshot->connection() != sqliteHandle(database()))
        m_readSnapshot->abandon();
    m_readSnapshot.reset();
}

SqlKeyStore::~SqlKeyStore()
{
    if (!m_openFileKey.isEmpty())
        OpenVaultFiles::release(m_openFileKey);
    releaseReadSnapshot();
    m_secretLookup.reset(); // its statements before their connection
    m_connection.reset();
}

std::optional<SignedVaultFile> SqlKeyStore::signedVaultFile() const
{
    if (!m_dialect.isSqlite() || !isSignedVault())
        return std::nullopt;
    return SignedVaultFile {m_location, m_rootKey};
}

QString SqlKeyStore::displayName() const
{
    return m_location;
}

void SqlKeyStore::setPageCacheKiB(int kib)
{
    if (!m_dialect.isSqlite() || kib <= 0)
        return;
    // Only a cache size: if it cannot be set, look-ups are slower, not wrong.
    QSqlQuery(database()).exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kib));
}

Result<std::unique_ptr<SqlKeyStore>> SqlKeyStore::connectPostgres(const QString &conninfo,
                                                                  const Clock &clock)
{
    auto parsed = PgConnInfo::parse(conninfo);
    if (!parsed)
        return parsed.error();
    return connectPostgres(*parsed, clock);
}

Result<std::unique_ptr<SqlKeyStore>> SqlKeyStore::connectPostgres(const PgConnInfo &conninfo,
                                                                  const Clock &clock)
{
    // Timeouts and keepalives (an unreachable server or a silently dead network fails in
    // seconds, not minutes), and our name in pg_stat_activity.
    const PgConnInfo info = conninfo.withClientDefaults();

    std::unique_ptr<SqlKeyStore> store(new SqlKeyStore(SqlEngine::Postgres, clock));
    store->m_location = info.displayName();
    if (!store->m_connection->isValid())
        return SqlConnection::driverMissing(QStringLiteral("QPSQL"));
    if (auto applied = info.applyTo(store->database()); !applied)
        return applied.error();
    if (!store->database().open())
        return SqlErrors::fromConnectError(store->database().lastError(), store->m_location);
    if (auto session = store->initPostgresSession(); !session)
        return session.error();

    auto version = Migrations::currentVersion(store->database());
    if (!version)
        return version.error();
    if (*version == 0)
        return makeError(ErrorCode::NotAVault,
                         tr("The database %1 holds no Keyward vault. Its owner sets one up once "
                            "with \"keywardctl --db ... db setup\".")
                             .arg(store->m_location));
    if (*version > Migrations::latestVersion())
        return makeError(ErrorCode::VaultTooNew,
                         tr("The vault in %1 was set up by a newer Keyward (schema %2; this one "
                            "knows up to %3). Update Keyward to use it.")
                             .arg(store->m_location)
                             .arg(*version)
                             .arg(Migrations::latestVersion()));
    if (*version < Migrations::latestVersion())
        return makeError(ErrorCode::VaultTooNew,
                         tr("The vault in %1 needs a schema upgrade (from %2 to %3) that only "
                            "the database owner can run: \"keywardctl --db ... db setup\".")
                             .arg(store->m_location)
                             .arg(*version)
                             .arg(Migrations::latestVersion()));
    if (auto loaded = store->loadVaultSettings(); !loaded)
        return loaded.error();
    return store;
}

Result<void> SqlKeyStore::initPostgresSession()
{
    SqlQuery q(database());
    // A writer waits at most this long for another writer's lock, then reports "busy".
    // Server NOTICEs would go to stderr through libpq, in the middle of CLI output.
    if (!q.exec(QStringLiteral("SET lock_timeout = '10s'"))
        || !q.exec(QStringLiteral("SET client_min_messages = warning"))
        || !q.exec(QStringLiteral("SELECT current_user")) || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot start the session on %1.").arg(m_location));
    m_serverLogin = q.value(0).toString();
    return {};
}

bool SqlKeyStore::isConnected() const
{
    return database().isOpen();
}

Result<void> SqlKeyStore::reconnect()
{
    if (m_dialect.isSqlite() && database().isOpen())
        return {};
    if (m_secretLookup)
        m_secretLookup->connectionReplaced(); // its server-side statement dies with it
    database().close();
    if (!database().open())
        return SqlErrors::fromConnectError(database().lastError(), m_location);
    if (m_dialect.isSqlite()) {
        SqlQuery q(database());
        // As the first open set them (openSqlite): they belong to the connection.
        if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON"))
            || !q.exec(QStringLiteral("PRAGMA temp_store = MEMORY")))
            return SqlErrors::fromQuery(q, tr("Cannot open %1.").arg(m_location));
        m_reconnects.fetch_add(1, std::memory_order_relaxed);
        return {};
    }
    const QString previousLogin = m_serverLogin;
    if (auto session = initPostgresSession(); !session)
        return session;
    if (m_member && m_serverLogin != previousLogin)
        m_member.reset(); // cannot happen with the same settings; never keep a stale identity
    m_reconnects.fetch_add(1, std::memory_order_relaxed);
    return {};
}

Result<void> SqlKeyStore::loadVaultSettings()
{
    SqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT value FROM vault_meta WHERE name = 'prefix'")))
        return SqlErrors::fromQuery(q, tr("Cannot read the vault settings."));
    // Every vault has its prefix from the start: a vault without one lost pages (or had pages of
    // another table put in their place).
    if (!q.next()) {
        if (q.lastError().type() != QSqlError::NoError)
            return SqlErrors::fromQuery(q, tr("Cannot read the vault settings."));
        if (m_dialect.isSqlite())
            return makeError(
                ErrorCode::VaultCorrupt,
                tr("%1 is damaged: its settings (the key prefix) are missing.").arg(m_location));
        return makeError(ErrorCode::StorageError,
                         tr("Cannot read the vault settings: the key prefix is missing."));
    }
    m_prefix = q.value(0).toString();
    if (auto valid = Permissions::validatePrefix(m_prefix); !valid)
        return makeError(ErrorCode::VaultCorrupt,
                         tr("%1 is damaged: its key prefix \"%2\" is not valid.")
                             .arg(m_location, m_prefix.left(20)));
    if (m_dialect.isSqlite()) {
        auto root = VaultSigning::readRootKey(database());
        if (!root)
            return root.error();
        m_rootKey = *root;
    }

    GrantCatalogue catalogue;
    if (!q.exec(
            QStringLiteral("SELECT id, label, description FROM grants ORDER BY sort_order, id")))
        return SqlErrors::fromQuery(q, tr("Cannot read the grant catalogue."));
    while (q.next())
        catalogue.addGrant({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    QHash<int, QStringList> roleGrants;
    if (!q.exec(QStringLiteral("SELECT r.role, r.grant_id FROM role_grants r JOIN grants g ON "
                               "g.id = r.grant_id ORDER BY g.sort_order")))
        return SqlErrors::fromQuery(q, tr("Cannot read the grant catalogue."));
    while (q.next())
        roleGrants[q.value(0).toInt()].append(q.value(1).toString());
    for (Role role : kAllRoles)
        catalogue.setRoleGrants(role, roleGrants.value(roleToInt(role)));
    m_catalogue = catalogue;
    return {};
}

Result<void> SqlKeyStore::inWriteTransaction(const std::function<Result<void>()> &work,
                                             ChangeSeq changeSeq)
{
    Result<void> result = runWriteTransaction(work, changeSeq);
    // A refused write that found someone else's change is news to show as well.
    const bool changed =
        result || result.code() == ErrorCode::StaleVersion || result.code() == ErrorCode::NotFound;
    if (changeSeq != ChangeSeq::Keep && changed)
        noteChange({result ? m_committedCounter : -1, changeSeq == ChangeSeq::BumpMembers});
    return result;
}

Result<void> SqlKeyStore::runWriteTransaction(const std::function<Result<void>()> &work,
                                              ChangeSeq changeSeq)
{
    SqlQuery q(database());
    m_lastAuditHash.clear();
    m_committedCounter = -1;
    m_signedNow.clear();
    auto failed = [&](Error error) -> Result<void> {
        if (database().isOpen())
            QSqlQuery(database()).exec(QStringLiteral("ROLLBACK"));
        if (error.code == ErrorCode::ConnectionLost)
            error.message += QLatin1Char(' ') + tr("Nothing was saved.");
        return error;
    };
    // Damage found by a read: writing more into the file could only spread it.
    if (auto damage = m_damage->damage())
        return *damage;
    releaseReadSnapshot(); // a write begins on the newest data
    if (!q.exec(m_dialect.beginWrite()))
        return failed(SqlErrors::fromQuery(q, tr("Could not start the change.")));
    if (const QString lock = m_dialect.lockWriters(); !lock.isEmpty() && !q.exec(lock))
        return failed(SqlErrors::fromQuery(q, tr("Could not start the change.")));
    if (m_dialect.isSqlite()) {
        // Under the write lock: a root that changed since this store read it is not followed.
        auto root = VaultSigning::readRootKey(database());
        if (!root)
            return failed(root.error());
        if (!m_rootKey.isEmpty() && *root != m_rootKey)
            return failed(
                makeError(ErrorCode::VaultCorrupt,
                          tr("The fingerprint of %1 changed while it was open: someone rewrote the "
                             "vault's root key. Nothing was changed.")
                              .arg(m_location)));
        if (m_rootKey.isEmpty() && !root->isEmpty()) {
            m_rootKey = *root; // signed meanwhile by another process; sign in again to sign
            m_signer.reset();
        }
    }
    Result<void> result = work();
    if (result)
        result = attestSignedKeys();
    if (!result)
        return failed(result.error());
    if (m_beforeCommitHook)
        m_beforeCommitHook();
    qint64 counter = -1;
    if (changeSeq != ChangeSeq::Keep) {
        // RETURNING: the change channel says the new counter without another round trip.
        if (!q.exec(QStringLiteral("UPDATE vault_meta SET value = CAST(CAST(value AS BIGINT) + 1 "
                                   "AS TEXT) WHERE name = 'change_seq' RETURNING value")))
            return failed(SqlErrors::fromQuery(q, tr("Could not save the change.")));
        if (q.next())
            counter = q.value(0).toLongLong();
        q.finish();
        if (const QString notify = m_dialect.notifyChanged(); !notify.isEmpty() && !q.exec(notify))
            return failed(SqlErrors::fromQuery(q, tr("Could not save the change.")));
    }
    if (m_dialect.isSqlite()) {
        if (!q.exec(QStringLiteral("COMMIT")))
            return failed(SqlErrors::fromQuery(q, tr("Could not save the change.")));
        m_committedCounter = counter;
        return {};
    }
    // QSqlDatabase::commit(), not a plain "COMMIT": the driver also notices a COMMIT that the
    // server turned into a ROLLBACK.
    if (!database().commit()) {
        const Error error =
            SqlErrors::fromSqlError(database().lastError(), tr("Could not save the change."));
        if (error.code == ErrorCode::ConnectionLost || !database().isOpen())
            return resolveLostCommit();
        return failed(error);
    }
    m_committedCounter = counter;
    return {};
}

Result<void> SqlKeyStore::resolveLostCommit()
{
    const Error unknown = makeError(
        ErrorCode::ConnectionLost,
        tr("The connection to the database was lost while the change was being saved, and "
           "whether it was saved is not known. Reconnect and check before you try again."));
    const QByteArray hash = m_lastAuditHash;
    if (hash.isEmpty())
        return unknown;
    if (auto reconnected = reconnect(); !reconnected)
        return unknown;
    SqlQuery q(database());
    // By id (the primary key) and hash: another writer may have taken the id meanwhile.
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE id = ? AND hash = ?"));
    q.addBindValue(m_lastAuditId);
    q.addBindValue(hash);
    if (!q.exec() || !q.next())
        return unknown;
    if (q.value(0).toInt() > 0)
        return {}; // it committed; only the answer was lost
    return makeError(ErrorCode::ConnectionLost,
                     tr("The connection to the database was lost while the change was being "
                        "saved. It was not saved; try again."));
}

Result<void> SqlKeyStore::appendAudit(const QString &action, std::optional<qint64> keyId,
                                      const QString &details)
{
    AuditEvent event;
    event.atMs = m_clock.nowMs();
    event.actor = m_member ? m_member->name : QStringLiteral("system");
    event.action = action;
    event.keyId = keyId;
    event.details = details;
    auto appended = AuditLog::append(database(), event);
    if (!appended)
        return appended;
    m_lastAuditId = event.id;
    m_lastAuditHash = event.hash;
    if (!m_dialect.isSqlite() || m_rootKey.isEmpty())
        return {};
    if (!m_signer) {
        if (VaultSigning::auditMayBeUnsigned(action))
            return {};
        return VaultSigning::notCertifiedError();
    }
    const QByteArray signature = m_signer->sign(VaultSigning::auditMessage(event));
    SqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO audit_signatures (audit_id, signed_by, signature) VALUES (?, ?, ?)"));
    q.addBindValue(event.id);
    q.addBindValue(m_signerKeyId);
    q.addBindValue(signature);
    if (signature.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not sign the change."));
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Could not write the audit log."));
    return {};
}

Result<QVector<AuditEvent>> SqlKeyStore::auditEvents(std::optional<qint64> keyId, int limit)
{
    SqlQuery q(database());
    QString sql = QStringLiteral("SELECT id, at, actor, action, key_id, details, prev_hash, hash "
                                 "FROM audit_log");
    if (keyId)
        sql += QStringLiteral(" WHERE key_id = ?");
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    q.prepare(sql);
    if (keyId)
        q.addBindValue(*keyId);
    q.addBindValue(qMax(1, limit));
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the audit log."));
    QVector<AuditEvent> events;
    while (q.next()) {
        AuditEvent event;
        event.id = q.value(0).toLongLong();
        event.atMs = q.value(1).toLongLong();
        event.actor = q.value(2).toString();
        event.action = q.value(3).toString();
        event.keyId = optionalInt(q.value(4));
        event.details = q.value(5).toString();
        event.prevHash = q.value(6).toByteArray();
        event.hash = q.value(7).toByteArray();
        events.append(event);
    }
    return events;
}

Result<std::optional<QByteArray>> SqlKeyStore::auditHash(qint64 id)
{
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the audit log."));
    if (!q.next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(q.value(0).toByteArray());
}

Result<AuditVerification> SqlKeyStore::verifyAudit()
{
    auto verified = AuditLog::verify(database());
    if (!verified || !m_dialect.isSqlite())
        return verified;
    AuditVerification result = *verified;
    if (auto checked = VaultSigning::checkSignatures(database(), result); !checked)
        return checked.error();
    return result;
}

Result<std::optional<SecretMatch>> SqlKeyStore::findSecret(const QByteArray &hash)
{
    if (!m_secretLookup)
        m_secretLookup = std::make_unique<SecretLookup>(*this);
    return m_secretLookup->find(hash);
}

Result<void> SqlKeyStore::forEachSecretIn(SecretIdRange range, const SecretVisitor &visit)
{
    if (!m_secretLookup)
        m_secretLookup = std::make_unique<SecretLookup>(*this);
    return m_secretLookup->scan(range, visit);
}

Result<std::optional<SecretIdBounds>> SqlKeyStore::secretIdBounds()
{
    // Two subqueries: each reads one end of the primary key, where MIN and MAX together in one
    // SELECT make SQLite read the whole table.
    SqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT (SELECT MIN(id) FROM key_secrets), (SELECT MAX(id) FROM "
                               "key_secrets)"))
        || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot read the vault."));
    if (q.value(0).isNull())
        return std::optional<SecretIdBounds>();
    return std::optional<SecretIdBounds>(
        SecretIdBounds {q.value(0).toLongLong(), q.value(1).toLongLong()});
}

Result<qint64> SqlKeyStore::countSecretsUpTo(qint64 limit)
{
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM key_secrets LIMIT ?) s"));
    q.addBindValue(limit);
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot read the vault."));
    return q.value(0).toLongLong();
}

Result<qint64> SqlKeyStore::changeCounter()
{
    // The poll that tells caches to forget revoked keys: never from a shared snapshot, which
    // cached answers alone (no look-ups) would otherwise keep open and old. Noted before the
    // caller empties a cache: another thread's older snapshot must not fill it again.
    releaseReadSnapshot();
    auto counter =
        readCounter(QStringLiteral("SELECT value FROM vault_meta WHERE name = 'change_seq'"));
    noteNewerData();
    return counter;
}

Result<qint64> SqlKeyStore::usageCounter()
{
    return readCounter(QStringLiteral("SELECT value FROM vault_meta WHERE name = 'usage_seq'"));
}

// Constant SQL, no values: verifier caches run the change counter's every few hundred ms, and a
// prepare per call would cost more than the read.
Result<qint64> SqlKeyStore::readCounter(const QString &sql)
{
    SqlQuery q(database());
    if (!q.exec(sql) || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot read the vault."));
    return q.value(0).toString().toLongLong();
}

} // namespace Keyward
