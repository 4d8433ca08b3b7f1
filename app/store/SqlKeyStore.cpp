#include "SqlKeyStore.h"

#include "AuditLog.h"
#include "KeyRows.h"
#include "Migrations.h"
#include "PostgresSetup.h"
#include "SecretLookup.h"
#include "SharedLimitRepository.h"
#include "SqlConnection.h"
#include "SqlErrors.h"
#include "SqliteStatement.h"
#include "StringPool.h"
#include "UsageRepository.h"
#include "VaultFile.h"
#include "VaultSeed.h"
#include "VaultSigning.h"
#include "core/Permissions.h"
#include "crypto/KeyToken.h"
#include "crypto/PassphraseHasher.h"
#include "crypto/Sha256.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <utility>

namespace Keyward {

namespace {

QVariant nullableInt(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

// Qt SQL binds a null QString as NULL; text columns are NOT NULL, so bind "" instead.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const QString kKeyColumns = QStringLiteral(
    "k.id, k.name, k.notes, k.environment, k.role, k.grants, k.state, k.expires_at, "
    "k.rate_count, k.rate_unit, k.usage_limit, k.usage_count, k.customer, k.created_by, m.name, "
    "k.created_at, k.updated_at, k.revoked_at, k.flagged, k.version, k.allowed_ips");
constexpr int kKeyColumnCount = 21;
const QString kKeyFrom = QStringLiteral(" FROM api_keys k JOIN members m ON m.id = k.created_by");
const QString kSecretColumns =
    QStringLiteral("s.id, s.key_id, s.hash, s.hint, s.created_at, s.retires_at, s.last_used_at, "
                   "s.last_used_source, s.last_refused_at, s.last_refused_outcome");

ApiKey keyFromRow(QSqlQuery &q)
{
    return readKeyColumns(QueryRow(q));
}

KeySecret secretFromRow(QSqlQuery &q, int first)
{
    return readSecretColumns(QueryRow(q), first);
}

Member memberFromRow(const QSqlQuery &q)
{
    Member member;
    member.id = q.value(0).toLongLong();
    member.name = q.value(1).toString();
    member.role = roleFromInt(q.value(2).toInt()).value_or(Role::Viewer);
    member.createdAtMs = q.value(3).toLongLong();
    member.version = q.value(4).toLongLong();
    return member;
}

const QString kMemberColumns = QStringLiteral("id, name, role, created_at, version");

Error staleError()
{
    return makeError(ErrorCode::StaleVersion,
                     SqlKeyStore::tr("The key was changed by someone else. It has been reloaded; "
                                     "check it and try again."));
}

} // namespace

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
    return std::make_unique<SharedLimitRepository>(database(), engine());
}

namespace {

// Vault files this process holds open through SQLite, with a count per file. Closing any other
// descriptor of such a file drops the process's POSIX locks on it (a POSIX rule SQLite works
// around only for its own descriptors), so the raw header check must not reopen it.
QHash<QString, int> &openVaultFiles()
{
    static QHash<QString, int> files;
    return files;
}

QMutex &openVaultFilesMutex()
{
    static QMutex mutex;
    return mutex;
}

QString vaultFileKey(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical;
}

} // namespace

bool SqlKeyStore::isVaultFileOpen(const QString &path)
{
    QMutexLocker lock(&openVaultFilesMutex());
    return openVaultFiles().value(vaultFileKey(path)) > 0;
}

SqlKeyStore::~SqlKeyStore()
{
    if (!m_openFileKey.isEmpty()) {
        QMutexLocker lock(&openVaultFilesMutex());
        if (--openVaultFiles()[m_openFileKey] <= 0)
            openVaultFiles().remove(m_openFileKey);
    }
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

Result<std::unique_ptr<SqlKeyStore>> SqlKeyStore::openSqlite(const QString &path,
                                                             const Clock &clock,
                                                             const VaultOptions &options,
                                                             bool readOnly)
{
    std::unique_ptr<SqlKeyStore> store(new SqlKeyStore(SqlEngine::Sqlite, clock));
    store->m_location = path;
    if (!store->m_connection->isValid())
        return SqlConnection::driverMissing(QStringLiteral("QSQLITE"));
    store->database().setDatabaseName(path);
    QString options_ = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    if (readOnly)
        options_ += QStringLiteral(";QSQLITE_OPEN_READONLY");
    store->database().setConnectOptions(options_);
    if (!store->database().open())
        return SqlErrors::fromSqlError(store->database().lastError(),
                                       tr("Cannot open %1.").arg(path));
    {
        QMutexLocker lock(&openVaultFilesMutex());
        store->m_openFileKey = vaultFileKey(path);
        ++openVaultFiles()[store->m_openFileKey];
    }
    QSqlQuery query(store->database());
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return SqlErrors::fromQuery(query, tr("Cannot open %1.").arg(path));
    return store;
}

void SqlKeyStore::setPageCacheKiB(int kib)
{
    if (!m_dialect.isSqlite() || kib <= 0)
        return;
    // Only a cache size: if it cannot be set, look-ups are slower, not wrong.
    QSqlQuery(database()).exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kib));
}

Result<std::unique_ptr<SqlKeyStore>>
SqlKeyStore::createVault(const QString &path, const QString &prefix, const QString &ownerName,
                         const SecretString &passphrase, const Clock &clock, VaultOptions options)
{
    if (auto valid = Permissions::validatePrefix(prefix); !valid)
        return valid.error();
    if (auto valid = Permissions::validateMemberName(ownerName); !valid)
        return valid.error();
    if (auto valid = Permissions::validatePassphraseLength(int(passphrase.size())); !valid)
        return valid.error();
    if (auto created = VaultFile::createEmpty(path); !created)
        return created.error();

    auto opened = openSqlite(path, clock, options, false);
    if (!opened) {
        QFile::remove(path);
        return opened.error();
    }
    std::unique_ptr<SqlKeyStore> store = std::move(opened).value();
    auto setUp = [&]() -> Result<void> {
        QSqlQuery query(store->database());
        // application_id first, while still in rollback mode, so it lands in the main file.
        if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(VaultFile::kApplicationId))
            || !query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return SqlErrors::fromQuery(query, tr("Cannot prepare the new vault."));
        query.finish(); // a pragma's result row would keep the statement open past COMMIT
        if (auto migrated = Migrations::migrate(store->database(), store->m_dialect, clock.nowMs());
            !migrated)
            return migrated;
        return store->seedNewVault(prefix, ownerName, passphrase);
    };
    if (auto done = setUp(); !done) {
        store.reset();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return done.error();
    }
    return store;
}

Result<void> SqlKeyStore::seedNewVault(const QString &prefix, const QString &ownerName,
                                       const SecretString &passphrase)
{
    const QString phc = PassphraseHasher::hash(passphrase);
    if (phc.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not hash the passphrase."));
    std::optional<SigningKey> ownerKey = SigningKey::generate();
    const QByteArray sealed = ownerKey ? ownerKey->seal(passphrase) : QByteArray();
    if (sealed.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not make the Owner's signing key."));
    const GrantCatalogue catalogue = GrantCatalogue::defaults();
    const qint64 now = m_clock.nowMs();
    std::optional<Member> owner;
    auto seeded = inWriteTransaction([&]() -> Result<void> {
        if (auto seeded = VaultSeed::write(database(), prefix, catalogue); !seeded)
            return seeded;
        QSqlQuery q(database());
        q.prepare(QStringLiteral("INSERT INTO members (name, role, passphrase_hash, created_at) "
                                 "VALUES (?, ?, ?, ?) RETURNING id"));
        q.addBindValue(ownerName);
        q.addBindValue(roleToInt(Role::Owner));
        q.addBindValue(phc);
        q.addBindValue(now);
        if (!q.exec() || !q.next())
            return SqlErrors::fromQuery(q, tr("Cannot add the owner."));
        owner = Member {q.value(0).toLongLong(), ownerName, Role::Owner, now, 1};
        m_member = owner;
        // The Owner's key is the vault's root: it certifies itself, and signs from the first row.
        auto keyId = insertMemberKey(owner->id, Role::Owner, *ownerKey, sealed, false);
        if (!keyId)
            return keyId.error();
        MemberKeyRow root {*keyId, owner->id, ownerKey->publicKey(), Role::Owner, false,
                           *keyId, {}};
        root.certificate = ownerKey->sign(VaultSigning::certificateMessage(root));
        q.prepare(QStringLiteral("UPDATE member_keys SET certified_by = ?, certificate = ? WHERE "
                                 "id = ?"));
        q.addBindValue(*keyId);
        q.addBindValue(root.certificate);
        q.addBindValue(*keyId);
        if (root.certificate.isEmpty() || !q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot add the owner."));
        q.prepare(QStringLiteral("INSERT INTO vault_meta (name, value) VALUES ('root_key', ?)"));
        q.addBindValue(QString::fromLatin1(ownerKey->publicKey().toBase64()));
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot add the owner."));
        m_rootKey = ownerKey->publicKey();
        m_signerKeyId = *keyId;
        m_signer = std::move(ownerKey);
        return appendAudit(
            QStringLiteral("vault.create"), std::nullopt,
            toJson({{QStringLiteral("prefix"), prefix}, {QStringLiteral("owner"), ownerName}}));
    });
    if (!seeded)
        return seeded;
    return loadVaultSettings();
}

Result<void> SqlKeyStore::checkWholeFile(QSqlDatabase &db, const QString &path)
{
    // quick_check reads every page but compares no index with its table; the secret-hash index
    // decides verdicts, so it is compared in full (integrity_check of key_secrets alone, in
    // proportion to the keys, not to the usage history).
    for (const QString &check : {QStringLiteral("PRAGMA quick_check"),
                                 QStringLiteral("PRAGMA integrity_check(key_secrets)")}) {
        QSqlQuery query(db);
        if (!query.exec(check) || !query.next()) {
            const Error error = SqlErrors::fromQuery(query, tr("Cannot read %1.").arg(path));
            if (error.code == ErrorCode::VaultLocked)
                return makeError(ErrorCode::VaultLocked,
                                 tr("%1 is locked by another program. Close it there, or wait "
                                    "and try again.")
                                     .arg(path));
            return makeError(ErrorCode::VaultCorrupt,
                             tr("%1 is damaged and cannot be read.").arg(path));
        }
        if (query.value(0).toString() != QLatin1String("ok"))
            return makeError(ErrorCode::VaultCorrupt,
                             tr("%1 is damaged: %2").arg(path, query.value(0).toString()));
    }
    return {};
}

Result<std::unique_ptr<SqlKeyStore>> SqlKeyStore::openVault(const QString &path, const Clock &clock,
                                                            VaultOptions options)
{
    // A file this process already has open was checked when it was first opened; reading it
    // again through another descriptor would release this process's SQLite locks on it.
    const bool openHere = isVaultFileOpen(path);
    if (!openHere) {
        if (auto inspected = VaultFile::inspect(path); !inspected)
            return inspected.error();
    }
    const bool walExisted = QFileInfo::exists(path + QStringLiteral("-wal"));
    const bool shmExisted = QFileInfo::exists(path + QStringLiteral("-shm"));
    auto refused = [&](const Error &error) -> Error {
        // Plain reads of a file this process has open through SQLite would drop its locks.
        if (openHere || isVaultFileOpen(path))
            return error;
        // A refused vault is left as it was found: no -wal or -shm of ours beside it.
        VaultFile::removeLeftovers(path, walExisted, shmExisted);
        return damageNamed(error, path);
    };

    // Look before touching: a read-only connection checks integrity (VaultCheck) and version
    // first.
    {
        auto probe = openSqlite(path, clock, options, true);
        if (!probe)
            return refused(probe.error());
        auto checked = probe.value()->checkBeforeOpening(path, options.check);
        probe.value().reset(); // closed before its leftovers are removed
        if (!checked)
            return refused(checked.error());
    }

    auto opened = openSqlite(path, clock, options, false);
    if (!opened)
        return refused(opened.error());
    std::unique_ptr<SqlKeyStore> store = std::move(opened).value();
    Result<void> ready = Migrations::migrate(store->database(), store->m_dialect, clock.nowMs());
    if (ready)
        ready = store->loadVaultSettings();
    if (!ready) {
        store.reset(); // closed before its leftovers are removed
        return refused(ready.error());
    }
    if (!options.pinnedFingerprint.isEmpty()) {
        const QString expected = SigningKey::normalisedFingerprint(options.pinnedFingerprint);
        Result<void> pinned;
        if (store->fingerprint().isEmpty())
            pinned = makeError(ErrorCode::AuthenticationFailed,
                               tr("%1 is not signed, but its fingerprint was pinned to %2: it "
                                  "may have been replaced. Refusing to use it.")
                                   .arg(path, options.pinnedFingerprint));
        else if (expected.isEmpty() || store->fingerprint() != expected)
            pinned = makeError(ErrorCode::AuthenticationFailed,
                               tr("%1 has the fingerprint %2, not the pinned %3: it is not the "
                                  "vault you expect, or someone rewrote its root key. Refusing "
                                  "to use it.")
                                   .arg(path, store->fingerprint(), options.pinnedFingerprint));
        if (!pinned) {
            store.reset();
            return refused(pinned.error());
        }
    }
    return store;
}

Result<void> SqlKeyStore::checkBeforeOpening(const QString &path, VaultCheck check)
{
    // The first read: where SQLite, under its lock, compares the header's page count with the
    // file (and the WAL), and reports a cut-off file as damage. (QSqlDatabase::tables() below
    // would swallow that error and read as "no tables".)
    {
        QSqlQuery first(database());
        if (!first.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_schema")) || !first.next())
            return SqlErrors::fromQuery(first, tr("Cannot read %1.").arg(path));
    }
    if (check == VaultCheck::WholeFile) {
        if (auto checked = checkWholeFile(database(), path); !checked)
            return checked;
    }
    auto version = Migrations::currentVersion(database());
    if (!version)
        return version.error();
    if (*version > Migrations::latestVersion())
        return makeError(ErrorCode::VaultTooNew,
                         tr("%1 was written by a newer Keyward (schema %2; this one knows up "
                            "to %3). Update Keyward to open it.")
                             .arg(path)
                             .arg(*version)
                             .arg(Migrations::latestVersion()));
    if (*version == 0)
        return makeError(ErrorCode::NotAVault, tr("%1 is not a Keyward vault.").arg(path));
    return {};
}

Error SqlKeyStore::damageNamed(Error error, const QString &path)
{
    if (error.code != ErrorCode::VaultCorrupt)
        return error;
    // SQLite found the damage; say which file, and what plain reads add (a cut-off file).
    if (const QString detail = VaultFile::damageDetail(path); !detail.isEmpty())
        error.message = tr("%1 is damaged: %2.").arg(path, detail);
    else if (!error.message.startsWith(path))
        error.message = tr("%1 is damaged: %2").arg(path, error.message);
    return error;
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
    QSqlQuery q(database());
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
        QSqlQuery q(database());
        if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
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
    QSqlQuery q(database());
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
    QSqlQuery q(database());
    m_lastAuditHash.clear();
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
    if (!result)
        return failed(result.error());
    if (m_beforeCommitHook)
        m_beforeCommitHook();
    if (changeSeq == ChangeSeq::Bump) {
        if (!q.exec(QStringLiteral("UPDATE vault_meta SET value = CAST(CAST(value AS BIGINT) + 1 "
                                   "AS TEXT) WHERE name = 'change_seq'")))
            return failed(SqlErrors::fromQuery(q, tr("Could not save the change.")));
        if (const QString notify = m_dialect.notifyChanged(); !notify.isEmpty() && !q.exec(notify))
            return failed(SqlErrors::fromQuery(q, tr("Could not save the change.")));
    }
    if (m_dialect.isSqlite()) {
        if (!q.exec(QStringLiteral("COMMIT")))
            return failed(SqlErrors::fromQuery(q, tr("Could not save the change.")));
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
    QSqlQuery q(database());
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
    QSqlQuery q(database());
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

Result<void> SqlKeyStore::signKey(qint64 keyId, bool auditFollows)
{
    if (!m_dialect.isSqlite() || m_rootKey.isEmpty())
        return {};
    if (!m_signer)
        return VaultSigning::notCertifiedError();
    auto fields = VaultSigning::readKey(database(), keyId);
    if (!fields)
        return fields.error();
    if (auditFollows) {
        // The change's own audit row comes next, in this transaction (which holds the lock).
        QSqlQuery next(database());
        if (!next.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log"))
            || !next.next())
            return SqlErrors::fromQuery(next, tr("Could not read the audit log."));
        fields->auditId = next.value(0).toLongLong();
    }
    const QByteArray signature = m_signer->sign(VaultSigning::keyMessage(*fields));
    if (signature.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not sign the change."));
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO key_signatures (key_id, signed_by, signature) VALUES "
                             "(?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET signed_by = "
                             "excluded.signed_by, signature = excluded.signature"));
    q.addBindValue(keyId);
    q.addBindValue(m_signerKeyId);
    q.addBindValue(signature);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot sign the key."));
    return {};
}

Result<qint64> SqlKeyStore::insertMemberKey(qint64 memberId, Role role, const SigningKey &key,
                                            const QByteArray &sealed, bool certify)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO member_keys (member_id, public_key, sealed_key, role) "
                             "VALUES (?, ?, ?, ?) RETURNING id"));
    q.addBindValue(memberId);
    q.addBindValue(key.publicKey());
    q.addBindValue(sealed);
    q.addBindValue(roleToInt(role));
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot store the member's key."));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (certify) {
        if (auto done = recertify({id, memberId, key.publicKey(), role, false, {}, {}}); !done)
            return done.error();
    }
    return id;
}

Result<void> SqlKeyStore::recertify(const MemberKeyRow &row)
{
    if (!m_signer)
        return VaultSigning::notCertifiedError();
    MemberKeyRow certified = row;
    certified.certifiedBy = m_signerKeyId;
    const QByteArray certificate = m_signer->sign(VaultSigning::certificateMessage(certified));
    if (certificate.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not sign the change."));
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE member_keys SET role = ?, retired = ?, certified_by = ?, "
                             "certificate = ? WHERE id = ?"));
    q.addBindValue(roleToInt(row.role));
    q.addBindValue(row.retired ? 1 : 0);
    q.addBindValue(m_signerKeyId);
    q.addBindValue(certificate);
    q.addBindValue(row.id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot certify the member's key."));
    return {};
}

Result<void> SqlKeyStore::reanchor(qint64 memberKeyId, const QSet<qint64> &forged)
{
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
    for (const MemberKeyRow &row : *rows) {
        if (row.id != memberKeyId && row.certifiedBy == memberKeyId && trust.key(row.id)) {
            if (auto done = recertify(row); !done)
                return done;
        }
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT key_id FROM key_signatures WHERE signed_by = ?"));
    q.addBindValue(memberKeyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the key signatures."));
    QVector<qint64> keys;
    while (q.next())
        keys.append(q.value(0).toLongLong());
    for (qint64 keyId : keys) {
        // A row changed behind Keyward's back keeps its broken signature: signing it again
        // would make the forgery good.
        if (forged.contains(keyId))
            continue;
        if (auto signedAgain = signKey(keyId, false); !signedAgain)
            return signedAgain;
    }
    return {};
}

Result<QSet<qint64>> SqlKeyStore::forgedKeysOf(qint64 memberId)
{
    QSet<qint64> forged;
    if (!m_dialect.isSqlite() || m_rootKey.isEmpty())
        return forged;
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT k.id FROM api_keys k LEFT JOIN key_signatures s ON s.key_id "
                             "= k.id LEFT JOIN member_keys m ON m.id = s.signed_by WHERE "
                             "k.created_by = ? OR m.member_id = ?"));
    q.addBindValue(memberId);
    q.addBindValue(memberId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the member's keys."));
    QVector<qint64> keys;
    while (q.next())
        keys.append(q.value(0).toLongLong());
    q.finish();
    for (qint64 keyId : keys) {
        auto verdict = checkStoredKey(database(), trust, keyId);
        if (!verdict)
            return verdict.error();
        if (*verdict != VaultTrust::KeyVerdict::Good)
            forged.insert(keyId);
    }
    return forged;
}

Result<void> SqlKeyStore::refuseTampered(const ApiKey &key)
{
    if (!m_dialect.isSqlite() || m_rootKey.isEmpty())
        return {};
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    auto verdict = checkStoredKey(database(), VaultTrust::fromRows(m_rootKey, *rows), key.id);
    if (!verdict)
        return verdict.error();
    if (*verdict == VaultTrust::KeyVerdict::Good)
        return {};
    return makeError(ErrorCode::PermissionDenied,
                     tr("Key %1 (\"%2\") was tampered with: %3. Signing it again would make the "
                        "forged row trusted, so it can only be revoked or deleted. Nothing was "
                        "changed.")
                         .arg(key.id)
                         .arg(key.name, VaultTrust::describe(*verdict)));
}

Result<void> SqlKeyStore::refuseRootMember(qint64 memberId, const QString &message)
{
    if (m_rootKey.isEmpty())
        return {};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM member_keys WHERE member_id = ? AND "
                             "public_key = ?"));
    q.addBindValue(memberId);
    q.addBindValue(m_rootKey);
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot read the members' keys."));
    if (q.value(0).toInt() > 0)
        return makeError(ErrorCode::InvalidInput, message);
    return {};
}

Result<void> SqlKeyStore::retireKeysOf(qint64 memberId, const QSet<qint64> &forged)
{
    if (!m_dialect.isSqlite() || m_rootKey.isEmpty())
        return {};
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
    for (MemberKeyRow row : *rows) {
        if (row.memberId != memberId || row.retired)
            continue;
        if (!trust.key(row.id)) {
            // Never certified: nothing signed by it counts; just keep it from being used.
            QSqlQuery q(database());
            q.prepare(QStringLiteral("UPDATE member_keys SET retired = 1 WHERE id = ?"));
            q.addBindValue(row.id);
            if (!q.exec())
                return SqlErrors::fromQuery(q, tr("Cannot retire the member's key."));
            continue;
        }
        row.retired = true;
        if (auto done = recertify(row); !done)
            return done;
        if (auto done = reanchor(row.id, forged); !done)
            return done;
    }
    return {};
}

Result<void> SqlKeyStore::signVault(qint64 memberKeyId, SigningKey key)
{
    const QByteArray publicKey = key.publicKey();
    m_signer = std::move(key);
    m_signerKeyId = memberKeyId;
    auto written = inWriteTransaction([&]() -> Result<void> {
        if (!m_rootKey.isEmpty())
            return makeError(ErrorCode::StaleVersion,
                             tr("Another Owner signed the vault meanwhile."));
        MemberKeyRow root {memberKeyId, m_member->id, publicKey, Role::Owner, false, {}, {}};
        m_rootKey = publicKey;
        if (auto certified = recertify(root); !certified)
            return certified;
        QSqlQuery q(database());
        q.prepare(QStringLiteral("INSERT INTO vault_meta (name, value) VALUES ('root_key', ?)"));
        q.addBindValue(QString::fromLatin1(publicKey.toBase64()));
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot sign the vault."));
        QVector<qint64> keys;
        if (!q.exec(QStringLiteral("SELECT id FROM api_keys ORDER BY id")))
            return SqlErrors::fromQuery(q, tr("Cannot read the keys."));
        while (q.next())
            keys.append(q.value(0).toLongLong());
        for (qint64 keyId : keys) {
            if (auto signedKey = signKey(keyId, false); !signedKey)
                return signedKey;
        }
        return appendAudit(QStringLiteral("vault.sign"), std::nullopt,
                           toJson({{QStringLiteral("fingerprint"), fingerprint()},
                                   {QStringLiteral("keys"), double(keys.size())}}));
    });
    if (!written) {
        m_signer.reset();
        m_signerKeyId = 0;
        auto root = VaultSigning::readRootKey(database());
        m_rootKey = root ? *root : QByteArray();
    }
    return written;
}

void SqlKeyStore::adoptSigningKey(const Member &member, std::optional<SigningKey> key, qint64 keyId,
                                  const SecretString &passphrase)
{
    m_signer.reset();
    m_signerKeyId = 0;
    if (!m_dialect.isSqlite() || !m_auditsSignIns)
        return;
    if (!key) {
        // The first sign-in since schema 5: a key pair of their own, sealed with the passphrase.
        key = SigningKey::generate();
        const QByteArray sealed = key ? key->seal(passphrase) : QByteArray();
        if (sealed.isEmpty()) {
            qWarning("Keyward: could not make a signing key for the member.");
            return;
        }
        auto inserted = inWriteTransaction(
            [&]() -> Result<void> {
                auto id = insertMemberKey(member.id, member.role, *key, sealed, false);
                if (!id)
                    return id.error();
                keyId = *id;
                return appendAudit(
                    QStringLiteral("member.key_pending"), std::nullopt,
                    toJson({{QStringLiteral("member"), member.name},
                            {QStringLiteral("key"), SigningKey::fingerprint(key->publicKey())}}));
            },
            ChangeSeq::Keep);
        if (!inserted) {
            qWarning("Keyward: could not store the member's signing key: %s",
                     qPrintable(inserted.errorMessage()));
            return;
        }
    }
    if (m_rootKey.isEmpty()) {
        if (member.role != Role::Owner)
            return;
        if (auto signedVault = signVault(keyId, std::move(*key)); !signedVault)
            qWarning("Keyward: could not sign the vault: %s",
                     qPrintable(signedVault.errorMessage()));
        return;
    }
    auto trust = VaultTrust::load(database());
    if (!trust)
        return;
    const MemberKeyRow *current = trust->currentKeyOf(member.id);
    if (current && current->id == keyId && current->publicKey == key->publicKey()) {
        m_signer = std::move(key);
        m_signerKeyId = keyId;
    }
}

QString SqlKeyStore::fingerprint() const
{
    return m_rootKey.isEmpty() ? QString() : SigningKey::fingerprint(m_rootKey);
}

// ---- session ---------------------------------------------------------------------------------

void SqlKeyStore::auditSignIn(bool succeeded, const std::optional<QString> &memberName)
{
    if (!m_auditsSignIns)
        return;
    QJsonObject details;
    if (memberName && !succeeded)
        details.insert(QStringLiteral("member"), *memberName);
    // A failed attempt is nobody's ("system"), whoever was signed in on this connection before.
    const std::optional<Member> signedIn =
        succeeded ? m_member : std::exchange(m_member, std::nullopt);
    // No change counter: a sign-in changes nothing a window or a verifier's cache shows, and
    // every keywardctl command signs in.
    const Result<void> written = inWriteTransaction(
        [&]() -> Result<void> {
            return appendAudit(succeeded ? QStringLiteral("member.sign_in")
                                         : QStringLiteral("member.sign_in_failed"),
                               std::nullopt, toJson(details));
        },
        ChangeSeq::Keep);
    m_member = signedIn;
    if (!written)
        qWarning("Keyward: the sign-in could not be audited: %s",
                 qPrintable(written.errorMessage()));
}

Result<Member> SqlKeyStore::signIn(const QString &memberName, const SecretString &passphrase)
{
    if (!m_dialect.isSqlite())
        return signInPostgres(memberName);
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns
              + QStringLiteral(", passphrase_hash FROM members WHERE lower(name) = lower(?) AND "
                               "removed_at IS NULL"));
    q.addBindValue(memberName);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    const Error refused =
        makeError(ErrorCode::AuthenticationFailed, tr("Wrong member name or passphrase."));
    if (!q.next()) {
        // Spend the same time as a real check so timing does not reveal member names. A fixed
        // hash with the real parameters: computing one here would cost a second Argon2 run.
        static const QString dummy =
            QStringLiteral("$argon2id$v=19$m=65536,t=3,p=1$qko9WguMzSFHcPoQx17WDQ$"
                           "OVk35LaCYQPRnYVv3r3J3Ert5dWdJ09ZPQOEoQmKVx4");
        PassphraseHasher::verify(passphrase, dummy);
        q.finish();
        // A name no member has is usually a typo; but when a member's row is damaged, the
        // honest answer is that the vault is.
        if (auto damaged = damagedMember(); !damaged)
            return damaged.error();
        auditSignIn(false, std::nullopt);
        return refused;
    }
    const Member member = memberFromRow(q);
    const QString phc = q.value(5).toString();
    const bool roleKnown = roleFromInt(q.value(2).toInt()).has_value();
    q.finish();
    // (No hash at all is a member who never set a passphrase here, e.g. copied from a server.)
    if (!roleKnown || (!phc.isEmpty() && !PassphraseHasher::isWellFormed(phc)))
        return memberDamaged(member.id);
    // A member with a key proves the passphrase by unsealing it: one Argon2id run, as before.
    std::optional<SigningKey> key;
    qint64 keyId = 0;
    q.prepare(QStringLiteral("SELECT id, public_key, sealed_key FROM member_keys WHERE "
                             "member_id = ? AND retired = 0 AND sealed_key IS NOT NULL ORDER BY "
                             "id DESC LIMIT 1"));
    q.addBindValue(member.id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    if (q.next()) {
        keyId = q.value(0).toLongLong();
        const QByteArray publicKey = q.value(1).toByteArray();
        const QByteArray sealed = q.value(2).toByteArray();
        q.finish();
        key = SigningKey::unseal(sealed, passphrase, publicKey);
        if (!key) {
            auditSignIn(false, member.name);
            return refused;
        }
    } else {
        q.finish();
        if (!PassphraseHasher::verify(passphrase, phc)) {
            auditSignIn(false, member.name);
            return refused;
        }
    }
    m_signer.reset(); // the previous member's, if this connection had one
    m_signerKeyId = 0;
    m_member = member;
    auditSignIn(true, member.name);
    adoptSigningKey(member, std::move(key), keyId, passphrase);
    return member;
}

Error SqlKeyStore::memberDamaged(qint64 memberId) const
{
    return makeError(ErrorCode::VaultCorrupt,
                     tr("%1 is damaged: the record of member #%2 cannot be read, so no "
                        "passphrase can be checked against it. Restore the vault from a backup.")
                         .arg(m_location)
                         .arg(memberId));
}

Result<void> SqlKeyStore::damagedMember() const
{
    // Members are few: reading them all costs nothing next to the Argon2 check just spent.
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, role, passphrase_hash FROM members WHERE "
                               "removed_at IS NULL")))
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    while (q.next()) {
        const QString phc = q.value(3).toString();
        const QString name = q.value(1).toString();
        // (U+FFFD: bytes that were not UTF-8, which Keyward never stores.)
        if (!Permissions::validateMemberName(name) || name.contains(QChar::ReplacementCharacter)
            || !roleFromInt(q.value(2).toInt())
            || (!phc.isEmpty() && !PassphraseHasher::isWellFormed(phc)))
            return memberDamaged(q.value(0).toLongLong());
    }
    return {};
}

Result<Member> SqlKeyStore::signInPostgres(const QString &memberName)
{
    if (!memberName.isEmpty() && memberName != m_serverLogin)
        return makeError(ErrorCode::AuthenticationFailed,
                         tr("You are connected to %1 as \"%2\". On a server vault you act as "
                            "your database login: connect as \"%3\" to act as that member.")
                             .arg(m_location, m_serverLogin, memberName));
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns
              + QStringLiteral(" FROM members WHERE name = ? AND removed_at IS NULL"));
    q.addBindValue(m_serverLogin);
    if (!q.exec()) {
        const Error error = SqlErrors::fromQuery(q, tr("Cannot read the members."));
        if (error.code != ErrorCode::PermissionDenied)
            return error;
    } else if (q.next()) {
        m_member = memberFromRow(q);
        q.finish();
        auditSignIn(true, m_member->name);
        return *m_member;
    }
    return makeError(ErrorCode::AuthenticationFailed,
                     tr("The database login \"%1\" is not a member of the Keyward vault in %2. "
                        "An Owner can add it.")
                         .arg(m_serverLogin, m_location));
}

void SqlKeyStore::signOut()
{
    m_member.reset();
    m_signer.reset();
    m_signerKeyId = 0;
}

Result<Member> SqlKeyStore::requireMember() const
{
    if (!m_member)
        return makeError(ErrorCode::PermissionDenied, tr("Sign in first."));
    // Re-read the role: another Owner may have demoted or removed this member meanwhile.
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns
              + QStringLiteral(" FROM members WHERE id = ? AND removed_at IS NULL"));
    q.addBindValue(m_member->id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    if (!q.next())
        return makeError(ErrorCode::PermissionDenied,
                         tr("Your membership of this vault was removed."));
    return memberFromRow(q);
}

// ---- keys ------------------------------------------------------------------------------------

Result<QVector<ApiKey>> SqlKeyStore::listKeys(bool includeRevoked)
{
    QString keysSql = QStringLiteral("SELECT ") + kKeyColumns + kKeyFrom;
    if (!includeRevoked)
        keysSql += QStringLiteral(" WHERE k.state <> 2");
    keysSql += QStringLiteral(" ORDER BY k.id");
    const QString secretsSql = QStringLiteral("SELECT ") + kSecretColumns
        + QStringLiteral(" FROM key_secrets s ORDER BY s.id DESC");
    const QString what = tr("Cannot read the keys.");

    // Sized up front: growing a vector of 100,000 keys by doubling briefly holds both copies,
    // which showed as the app's peak memory. (Counted first: QPSQL drops the rest of a running
    // result when another query starts.)
    QVector<ApiKey> keys;
    {
        QSqlQuery count(database());
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM api_keys")) && count.next())
            keys.reserve(count.value(0).toLongLong());
    }
    StringPool pool;
    // A vault file through the sqlite3 API: Qt SQL's QVariant per column and row was most of
    // the key table's load time (profiled).
    if (sqlite3 *db = m_dialect.isSqlite() ? sqliteHandle(database()) : nullptr) {
        auto keyRows = SqliteStatement::prepare(db, keysSql.toUtf8(), false);
        auto secretRows = SqliteStatement::prepare(db, secretsSql.toUtf8(), false);
        if (!keyRows || !secretRows)
            return makeError(ErrorCode::StorageError, what);
        readKeys(*keyRows, keys, pool);
        if (keyRows->failed())
            return keyRows->error(what);
        keyRows.reset(); // ends its read before the next one starts
        attachSecrets(*secretRows, keys, pool);
        if (secretRows->failed())
            return secretRows->error(what);
        return keys;
    }
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(keysSql))
        return SqlErrors::fromQuery(q, what);
    QueryRow keyRows(q);
    readKeys(keyRows, keys, pool);
    if (!q.exec(secretsSql))
        return SqlErrors::fromQuery(q, what);
    QueryRow secretRows(q);
    attachSecrets(secretRows, keys, pool);
    return keys;
}

Result<ApiKey> SqlKeyStore::loadKey(qint64 id)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kKeyColumns + kKeyFrom
              + QStringLiteral(" WHERE k.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the key."));
    if (!q.next())
        return makeError(ErrorCode::NotFound, tr("There is no key with id %1.").arg(id));
    ApiKey key = keyFromRow(q);
    q.prepare(QStringLiteral("SELECT ") + kSecretColumns
              + QStringLiteral(" FROM key_secrets s WHERE s.key_id = ? ORDER BY s.id DESC"));
    q.addBindValue(id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the key."));
    while (q.next())
        key.secrets.append(secretFromRow(q, 0));
    return key;
}

Result<ApiKey> SqlKeyStore::key(qint64 id)
{
    return loadKey(id);
}

Result<qint64> SqlKeyStore::insertSecret(qint64 keyId, const SecretString &token)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO key_secrets (key_id, hash, hint, created_at) VALUES "
                             "(?, ?, ?, ?) RETURNING id"));
    q.addBindValue(keyId);
    q.addBindValue(Sha256::hash(token));
    q.addBindValue(KeyToken::hint(token));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot store the new secret."));
    return q.value(0).toLongLong();
}

Result<IssuedKey> SqlKeyStore::createKey(const NewKeyRequest &request)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    QStringList grants = request.grants;
    const QString customer = request.customer.trimmed();
    grants.removeDuplicates();
    grants.sort();
    const qint64 now = m_clock.nowMs();
    for (const Result<void> &check :
         {Permissions::mayCreateKey(*actor, request.role, grants, m_catalogue),
          Permissions::validateKeyName(request.name), Permissions::validateNotes(request.notes),
          Permissions::validateCustomer(customer),
          Permissions::validateNewExpiry(request.expiresAtMs, now),
          Permissions::validateUsageLimit(request.usageLimit)}) {
        if (!check)
            return check.error();
    }

    qint64 keyId = 0;
    SecretString token = KeyToken::generate(m_prefix, request.environment);
    if (token.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not generate a key."));
    auto written = inWriteTransaction([&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(QStringLiteral(
            "INSERT INTO api_keys (name, notes, environment, role, grants, state, expires_at, "
            "rate_count, rate_unit, usage_limit, customer, allowed_ips, created_by, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        q.addBindValue(request.name);
        q.addBindValue(nonNull(request.notes));
        q.addBindValue(environmentToInt(request.environment));
        q.addBindValue(roleToInt(request.role));
        q.addBindValue(grants.join(QLatin1Char(' ')));
        q.addBindValue(nullableInt(request.expiresAtMs));
        q.addBindValue(request.rateLimit.isUnlimited() ? 0 : request.rateLimit.count);
        q.addBindValue(static_cast<int>(request.rateLimit.unit));
        q.addBindValue(nullableInt(request.usageLimit));
        q.addBindValue(nonNull(customer));
        q.addBindValue(nonNull(request.allowedIps.toStored()));
        q.addBindValue(actor->id);
        q.addBindValue(now);
        q.addBindValue(now);
        if (!q.exec() || !q.next())
            return SqlErrors::fromQuery(q, tr("Cannot store the new key."));
        keyId = q.value(0).toLongLong();
        if (auto secret = insertSecret(keyId, token); !secret)
            return secret.error();
        if (auto signedKey = signKey(keyId); !signedKey)
            return signedKey;
        QJsonObject details {
            {QStringLiteral("name"), request.name},
            {QStringLiteral("environment"), environmentCode(request.environment)},
            {QStringLiteral("role"), roleCode(request.role)},
            {QStringLiteral("grants"), QJsonArray::fromStringList(grants)},
            {QStringLiteral("expires_at"),
             request.expiresAtMs ? QJsonValue(double(*request.expiresAtMs)) : QJsonValue()},
            {QStringLiteral("hint"), KeyToken::hint(token)}};
        // Scope only when there is one, so unscoped keys' entries read as before.
        if (!customer.isEmpty())
            details.insert(QStringLiteral("customer"), customer);
        if (!request.allowedIps.isEmpty())
            details.insert(QStringLiteral("allowed_ips"),
                           QJsonArray::fromStringList(request.allowedIps.entries()));
        return appendAudit(QStringLiteral("key.create"), keyId, toJson(details));
    });
    if (!written)
        return written.error();
    auto created = loadKey(keyId);
    if (!created)
        return created.error();
    return IssuedKey {std::move(created).value(), std::move(token)};
}

Result<void> SqlKeyStore::updateKeyRow(const ApiKey &before, const QString &assignments,
                                       const QVariantList &values)
{
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("UPDATE api_keys SET ") + assignments
        + QStringLiteral(", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    for (const QVariant &value : values)
        q.addBindValue(value);
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(before.id);
    q.addBindValue(before.version);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot change the key."));
    if (q.numRowsAffected() != 1)
        return staleError();
    return {};
}

namespace {

// Loads the key inside the transaction and checks the caller saw the current version.
Result<ApiKey> currentKey(Result<ApiKey> loaded, qint64 expectedVersion)
{
    if (!loaded)
        return loaded;
    if (loaded->version != expectedVersion)
        return staleError();
    return loaded;
}

} // namespace

Result<ApiKey> SqlKeyStore::editKey(qint64 id, qint64 expectedVersion, const KeyEdit &edit)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    auto written = inWriteTransaction([&]() -> Result<void> {
        auto before = currentKey(loadKey(id), expectedVersion);
        if (!before)
            return before.error();
        for (const Result<void> &check :
             {Permissions::mayActOnKey(*actor, *before, KeyAction::Edit), refuseTampered(*before),
              Permissions::validateKeyName(edit.name), Permissions::validateNotes(edit.notes),
              Permissions::mayChangeExpiry(*before, edit.expiresAtMs, m_clock.nowMs())}) {
            if (!check)
                return check.error();
        }
        // Every key entry names the key: a rename as [old, new], otherwise the name alone, so a
        // notes-only edit does not read "Key 7".
        QJsonObject changes;
        if (edit.name != before->name)
            changes.insert(QStringLiteral("name"), QJsonArray {before->name, edit.name});
        if (edit.notes != before->notes)
            changes.insert(QStringLiteral("notes"), true);
        if (edit.rateLimit != before->rateLimit)
            changes.insert(QStringLiteral("rate_limit"),
                           QJsonArray {before->rateLimit.toCode(), edit.rateLimit.toCode()});
        if (edit.expiresAtMs != before->expiresAtMs)
            changes.insert(QStringLiteral("expires_at"), double(*edit.expiresAtMs));
        const IpAllowlist allowedIps = edit.allowedIps.value_or(before->allowedIps);
        if (allowedIps != before->allowedIps)
            changes.insert(QStringLiteral("allowed_ips"),
                           QJsonArray {QJsonArray::fromStringList(before->allowedIps.entries()),
                                       QJsonArray::fromStringList(allowedIps.entries())});
        if (changes.isEmpty())
            return {};
        if (!changes.contains(QStringLiteral("name")))
            changes.insert(QStringLiteral("name"), before->name);
        if (auto updated = updateKeyRow(
                *before,
                QStringLiteral(
                    "name = ?, notes = ?, rate_count = ?, rate_unit = ?, expires_at = ?, "
                    "allowed_ips = ?"),
                {edit.name, nonNull(edit.notes),
                 edit.rateLimit.isUnlimited() ? 0 : edit.rateLimit.count,
                 static_cast<int>(edit.rateLimit.unit), nullableInt(edit.expiresAtMs),
                 nonNull(allowedIps.toStored())});
            !updated)
            return updated;
        if (auto signedKey = signKey(id); !signedKey)
            return signedKey;
        return appendAudit(QStringLiteral("key.edit"), id, toJson(changes));
    });
    if (!written)
        return written.error();
    return loadKey(id);
}

Result<ApiKey> SqlKeyStore::setKeyActive(qint64 id, qint64 expectedVersion, bool active)
{
    return changeKeyState(id, expectedVersion, active ? KeyAction::Activate : KeyAction::Deactivate,
                          QStringLiteral("state = ?, flagged = 0"),
                          {keyStateToInt(active ? KeyState::Active : KeyState::Inactive)},
                          active ? QStringLiteral("key.activate")
                                 : QStringLiteral("key.deactivate"));
}

Result<ApiKey> SqlKeyStore::revokeKey(qint64 id, qint64 expectedVersion)
{
    return changeKeyState(
        id, expectedVersion, KeyAction::Revoke, QStringLiteral("state = ?, revoked_at = ?"),
        {keyStateToInt(KeyState::Revoked), m_clock.nowMs()}, QStringLiteral("key.revoke"));
}

Result<ApiKey> SqlKeyStore::changeKeyState(qint64 id, qint64 expectedVersion, KeyAction action,
                                           const QString &assignments, const QVariantList &values,
                                           const QString &auditAction)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    auto written = inWriteTransaction([&]() -> Result<void> {
        auto before = currentKey(loadKey(id), expectedVersion);
        if (!before)
            return before.error();
        if (auto allowed = Permissions::mayActOnKey(*actor, *before, action); !allowed)
            return allowed;
        // Revoking a forged row is always safe: it can never answer Valid again.
        if (action != KeyAction::Revoke) {
            if (auto untouched = refuseTampered(*before); !untouched)
                return untouched;
        }
        if (auto updated = updateKeyRow(*before, assignments, values); !updated)
            return updated;
        if (auto signedKey = signKey(id); !signedKey)
            return signedKey;
        return appendAudit(auditAction, id, toJson({{QStringLiteral("name"), before->name}}));
    });
    if (!written)
        return written.error();
    return loadKey(id);
}

Result<void> SqlKeyStore::deleteKey(qint64 id, qint64 expectedVersion)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    return inWriteTransaction([&]() -> Result<void> {
        auto before = currentKey(loadKey(id), expectedVersion);
        if (!before)
            return before.error();
        if (auto allowed = Permissions::mayActOnKey(*actor, *before, KeyAction::Delete); !allowed)
            return allowed;
        QSqlQuery q(database());
        q.prepare(QStringLiteral("DELETE FROM api_keys WHERE id = ? AND version = ?"));
        q.addBindValue(id);
        q.addBindValue(expectedVersion);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot delete the key."));
        if (q.numRowsAffected() != 1)
            return staleError();
        return appendAudit(QStringLiteral("key.delete"), id,
                           toJson({{QStringLiteral("name"), before->name},
                                   {QStringLiteral("hint"), before->hint()}}));
    });
}

Result<IssuedKey> SqlKeyStore::regenerateKey(qint64 id, qint64 expectedVersion, qint64 graceMs)
{
    return regenerate(id, expectedVersion, graceMs, true);
}

Result<IssuedKey> SqlKeyStore::regenerateKeyKeepingOld(qint64 id, qint64 expectedVersion,
                                                       qint64 graceMs)
{
    return regenerate(id, expectedVersion, graceMs, false);
}

Result<IssuedKey> SqlKeyStore::regenerate(qint64 id, qint64 expectedVersion, qint64 graceMs,
                                          bool retireOldNow)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (graceMs < 0 || graceMs > 7 * kDayMs)
        return makeError(ErrorCode::InvalidInput,
                         tr("The grace period must be between none and 7 days."));
    SecretString token;
    qint64 secretId = 0;
    auto written = inWriteTransaction([&]() -> Result<void> {
        auto before = currentKey(loadKey(id), expectedVersion);
        if (!before)
            return before.error();
        if (auto allowed = Permissions::mayActOnKey(*actor, *before, KeyAction::Regenerate);
            !allowed)
            return allowed;
        if (auto allowed = Permissions::mayRegenerateAt(*before, m_clock.nowMs()); !allowed)
            return allowed;
        if (auto untouched = refuseTampered(*before); !untouched)
            return untouched;
        token = KeyToken::generate(m_prefix, before->environment);
        if (token.isEmpty())
            return makeError(ErrorCode::CryptoFailure, tr("Could not generate a key."));
        auto secret = insertSecret(id, token);
        if (!secret)
            return secret.error();
        secretId = *secret;
        if (retireOldNow) {
            if (auto retired = retireSecretsExcept(id, secretId, m_clock.nowMs() + graceMs);
                !retired)
                return retired;
        }
        if (auto updated = updateKeyRow(*before, QStringLiteral("flagged = flagged"), {}); !updated)
            return updated;
        if (auto signedKey = signKey(id); !signedKey)
            return signedKey;
        QJsonObject details {{QStringLiteral("name"), before->name},
                             {QStringLiteral("grace_ms"), double(graceMs)},
                             {QStringLiteral("old_hint"), before->hint()},
                             {QStringLiteral("hint"), KeyToken::hint(token)}};
        // The old secrets retire in a "key.retire_secrets" entry of their own, once the new
        // secret has been shown.
        if (!retireOldNow)
            details.insert(QStringLiteral("retire_when_shown"), true);
        return appendAudit(QStringLiteral("key.regenerate"), id, toJson(details));
    });
    if (!written)
        return written.error();
    auto loaded = loadKey(id);
    if (!loaded)
        return loaded.error();
    return IssuedKey {std::move(loaded).value(), std::move(token), secretId};
}

Result<void> SqlKeyStore::retireSecretsExcept(qint64 id, qint64 keptSecretId, qint64 retiresAt)
{
    QSqlQuery q(database());
    // Secrets already in a grace period keep their earlier deadline.
    q.prepare(QStringLiteral("UPDATE key_secrets SET retires_at = ? WHERE key_id = ? AND id <> ? "
                             "AND (retires_at IS NULL OR retires_at > ?)"));
    q.addBindValue(retiresAt);
    q.addBindValue(id);
    q.addBindValue(keptSecretId);
    q.addBindValue(retiresAt);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot retire the old secret."));
    return {};
}

Result<ApiKey> SqlKeyStore::retireReplacedSecrets(qint64 id, qint64 keptSecretId, qint64 graceMs)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (graceMs < 0 || graceMs > 7 * kDayMs)
        return makeError(ErrorCode::InvalidInput,
                         tr("The grace period must be between none and 7 days."));
    auto written = inWriteTransaction([&]() -> Result<void> {
        // Any version: the key may have been edited since its new secret was stored.
        auto before = loadKey(id);
        if (!before)
            return before.error();
        if (auto allowed = Permissions::mayActOnKey(*actor, *before, KeyAction::Regenerate);
            !allowed)
            return allowed;
        if (auto untouched = refuseTampered(*before); !untouched)
            return untouched;
        if (auto retired = retireSecretsExcept(id, keptSecretId, m_clock.nowMs() + graceMs);
            !retired)
            return retired;
        if (auto updated = updateKeyRow(*before, QStringLiteral("flagged = flagged"), {}); !updated)
            return updated;
        if (auto signedKey = signKey(id); !signedKey)
            return signedKey;
        return appendAudit(QStringLiteral("key.retire_secrets"), id,
                           toJson({{QStringLiteral("name"), before->name},
                                   {QStringLiteral("grace_ms"), double(graceMs)},
                                   {QStringLiteral("hint"), before->hint()}}));
    });
    if (!written)
        return written.error();
    return loadKey(id);
}

Result<ApiKey> SqlKeyStore::endGracePeriod(qint64 id, qint64 expectedVersion)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    auto written = inWriteTransaction([&]() -> Result<void> {
        auto before = currentKey(loadKey(id), expectedVersion);
        if (!before)
            return before.error();
        const qint64 now = m_clock.nowMs();
        if (auto allowed = Permissions::mayEndGracePeriod(*actor, *before, now); !allowed)
            return allowed;
        if (auto untouched = refuseTampered(*before); !untouched)
            return untouched;
        QJsonArray ended;
        for (const KeySecret &secret : before->secretsInGraceAt(now))
            ended.append(secret.hint);
        if (auto retired = retireSecretsExcept(id, before->secrets.constFirst().id, now); !retired)
            return retired;
        if (auto updated = updateKeyRow(*before, QStringLiteral("flagged = flagged"), {}); !updated)
            return updated;
        if (auto signedKey = signKey(id); !signedKey)
            return signedKey;
        return appendAudit(
            QStringLiteral("key.end_grace"), id,
            toJson({{QStringLiteral("name"), before->name}, {QStringLiteral("ended"), ended}}));
    });
    if (!written)
        return written.error();
    return loadKey(id);
}

Result<ApiKey> SqlKeyStore::setUsageLimit(qint64 id, qint64 expectedVersion,
                                          std::optional<qint64> usageLimit)
{
    if (auto valid = Permissions::validateUsageLimit(usageLimit); !valid)
        return valid.error();
    return changeUsage(
        id, expectedVersion, QStringLiteral("usage_limit = ?"), {nullableInt(usageLimit)},
        QStringLiteral("key.usage_limit"), [&](const ApiKey &before) {
            const auto code = [](const std::optional<qint64> &limit) {
                return limit ? QJsonValue(double(*limit)) : QJsonValue();
            };
            return QJsonObject {{QStringLiteral("name"), before.name},
                                {QStringLiteral("usage_limit"),
                                 QJsonArray {code(before.usageLimit), code(usageLimit)}},
                                {QStringLiteral("used"), double(before.usageCount)}};
        });
}

Result<ApiKey> SqlKeyStore::resetUsage(qint64 id, qint64 expectedVersion)
{
    return changeUsage(id, expectedVersion, QStringLiteral("usage_count = 0"), {},
                       QStringLiteral("key.usage_reset"), [](const ApiKey &before) {
                           return QJsonObject {{QStringLiteral("name"), before.name},
                                               {QStringLiteral("used"), double(before.usageCount)}};
                       });
}

Result<ApiKey> SqlKeyStore::changeUsage(qint64 id, qint64 expectedVersion,
                                        const QString &assignments, const QVariantList &values,
                                        const QString &auditAction,
                                        const std::function<QJsonObject(const ApiKey &)> &details)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    auto written = inWriteTransaction([&]() -> Result<void> {
        auto before = currentKey(loadKey(id), expectedVersion);
        if (!before)
            return before.error();
        if (auto allowed = Permissions::mayChangeUsageLimit(*actor, *before); !allowed)
            return allowed;
        if (auto untouched = refuseTampered(*before); !untouched)
            return untouched;
        if (auto updated = updateKeyRow(*before, assignments, values); !updated)
            return updated;
        if (auto signedKey = signKey(id); !signedKey)
            return signedKey;
        return appendAudit(auditAction, id, toJson(details(*before)));
    });
    if (!written)
        return written.error();
    return loadKey(id);
}

// ---- members ---------------------------------------------------------------------------------

Result<QVector<Member>> SqlKeyStore::listMembers()
{
    QSqlQuery q(database());
    if (!q.exec(
            QStringLiteral("SELECT ") + kMemberColumns
            + QStringLiteral(" FROM members WHERE removed_at IS NULL ORDER BY role DESC, name")))
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    QVector<Member> members;
    while (q.next())
        members.append(memberFromRow(q));
    return members;
}

Result<Member> SqlKeyStore::addMember(const QString &name, Role role,
                                      const SecretString &passphrase)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    // A server login may authenticate without a password (peer, certificate): none is fine.
    const bool needsPassphrase = m_dialect.isSqlite() || !passphrase.isEmpty();
    for (const Result<void> &check :
         {Permissions::mayManageMembers(*actor), Permissions::validateMemberName(name),
          needsPassphrase ? Permissions::validatePassphraseLength(int(passphrase.size()))
                          : Result<void>()}) {
        if (!check)
            return check.error();
    }
    QString phc;
    std::optional<SigningKey> memberKey;
    QByteArray sealed;
    if (m_dialect.isSqlite()) {
        phc = PassphraseHasher::hash(passphrase);
        if (phc.isEmpty())
            return makeError(ErrorCode::CryptoFailure, tr("Could not hash the passphrase."));
        // On a signed vault the new member gets a certified key now, sealed with the passphrase
        // the Owner chose for them.
        if (isSignedVault()) {
            if (!m_signer)
                return VaultSigning::notCertifiedError();
            memberKey = SigningKey::generate();
            sealed = memberKey ? memberKey->seal(passphrase) : QByteArray();
            if (sealed.isEmpty())
                return makeError(ErrorCode::CryptoFailure,
                                 tr("Could not make the member's signing key."));
        }
    }
    Member added;
    auto written = inWriteTransaction([&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM members WHERE lower(name) = lower(?)"));
        q.addBindValue(name);
        if (!q.exec() || !q.next())
            return SqlErrors::fromQuery(q, tr("Cannot read the members."));
        if (q.value(0).toInt() > 0)
            return makeError(ErrorCode::InvalidInput,
                             tr("A member called \"%1\" already exists (or existed).").arg(name));
        const qint64 now = m_clock.nowMs();
        if (m_dialect.isSqlite()) {
            q.prepare(QStringLiteral("INSERT INTO members (name, role, passphrase_hash, "
                                     "created_at) VALUES (?, ?, ?, ?) RETURNING id"));
            q.addBindValue(name);
            q.addBindValue(roleToInt(role));
            q.addBindValue(phc);
            q.addBindValue(now);
            if (!q.exec() || !q.next())
                return SqlErrors::fromQuery(q, tr("Cannot add the member."));
            added = Member {q.value(0).toLongLong(), name, role, now, 1};
            q.finish();
            if (memberKey) {
                if (auto keyId = insertMemberKey(added.id, role, *memberKey, sealed, true); !keyId)
                    return keyId.error();
            }
        } else {
            auto id = PostgresSetup::addMemberLogin(database(), name, role, passphrase, now);
            if (!id)
                return id.error();
            added = Member {*id, name, role, now, 1};
        }
        return appendAudit(
            QStringLiteral("member.add"), std::nullopt,
            toJson({{QStringLiteral("member"), name}, {QStringLiteral("role"), roleCode(role)}}));
    });
    if (!written)
        return written.error();
    return added;
}

Result<void> SqlKeyStore::addVerifierLogin(const QString &login, const SecretString &password)
{
    if (m_dialect.isSqlite())
        return makeError(ErrorCode::InvalidInput,
                         tr("A local vault has no logins: services open the vault file to "
                            "verify keys."));
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto allowed = Permissions::mayManageMembers(*actor); !allowed)
        return allowed;
    return inWriteTransaction([&]() -> Result<void> {
        if (auto added = PostgresSetup::addVerifierLogin(database(), login, password); !added)
            return added;
        return appendAudit(QStringLiteral("verifier.add"), std::nullopt,
                           toJson({{QStringLiteral("login"), login}}));
    });
}

Result<qint64> SqlKeyStore::addMemberLoginByDatabaseOwner(const QString &login, Role role,
                                                          const SecretString &password)
{
    return PostgresSetup::addMemberLogin(database(), login, role, password, m_clock.nowMs());
}

Result<void> SqlKeyStore::addVerifierLoginByDatabaseOwner(const QString &login,
                                                          const SecretString &password)
{
    return PostgresSetup::addVerifierLogin(database(), login, password);
}

Result<void> SqlKeyStore::appendDatabaseOwnerAudit(AuditEvent &event)
{
    return AuditLog::append(database(), event);
}

Result<void> SqlKeyStore::deactivateKeysAbove(const Member &member, std::optional<Role> ceiling,
                                              const QString &reason, const QSet<qint64> &forged)
{
    QSqlQuery q(database());
    QString sql =
        QStringLiteral("SELECT id, name FROM api_keys WHERE created_by = ? AND state = 0");
    if (ceiling)
        sql += QStringLiteral(" AND role > ?");
    q.prepare(sql);
    q.addBindValue(member.id);
    if (ceiling)
        q.addBindValue(roleToInt(*ceiling));
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the member's keys."));
    QVector<QPair<qint64, QString>> affected;
    while (q.next())
        affected.append({q.value(0).toLongLong(), q.value(1).toString()});
    for (const auto &[keyId, keyName] : affected) {
        QSqlQuery update(database());
        update.prepare(QStringLiteral("UPDATE api_keys SET state = 1, flagged = 1, updated_at = ?, "
                                      "version = version + 1 WHERE id = ?"));
        update.addBindValue(m_clock.nowMs());
        update.addBindValue(keyId);
        if (!update.exec())
            return SqlErrors::fromQuery(update, tr("Cannot deactivate the member's keys."));
        // Deactivated, but a forged row is not signed (it stays not found for verifiers).
        if (!forged.contains(keyId)) {
            if (auto signedKey = signKey(keyId); !signedKey)
                return signedKey;
        }
        if (auto audited = appendAudit(
                QStringLiteral("key.deactivate"), keyId,
                toJson({{QStringLiteral("name"), keyName}, {QStringLiteral("reason"), reason}}));
            !audited)
            return audited;
    }
    return {};
}

namespace {

Result<int> countOwners(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("SELECT COUNT(*) FROM members WHERE role = 3 AND removed_at IS NULL"))
        || !q.next())
        return SqlErrors::fromQuery(q, SqlKeyStore::tr("Cannot read the members."));
    return q.value(0).toInt();
}

} // namespace

Result<Member> SqlKeyStore::setMemberRole(qint64 memberId, qint64 expectedVersion, Role role)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto allowed = Permissions::mayManageMembers(*actor); !allowed)
        return allowed.error();
    Member changed;
    auto written = inWriteTransaction([&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("SELECT ") + kMemberColumns
                  + QStringLiteral(" FROM members WHERE id = ? AND removed_at IS NULL"));
        q.addBindValue(memberId);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot read the members."));
        if (!q.next())
            return makeError(ErrorCode::NotFound, tr("There is no such member."));
        const Member before = memberFromRow(q);
        q.finish();
        if (before.version != expectedVersion)
            return makeError(ErrorCode::StaleVersion,
                             tr("The member was changed by someone else. Reload and try again."));
        if (role != Role::Owner && m_dialect.isSqlite()) {
            if (auto refused = refuseRootMember(
                    memberId,
                    tr("%1 holds the vault's root key (its fingerprint) and stays an Owner.")
                        .arg(before.name));
                !refused)
                return refused;
        }
        if (before.role == Role::Owner && role != Role::Owner) {
            auto owners = countOwners(database());
            if (!owners)
                return owners.error();
            if (*owners <= 1)
                return makeError(ErrorCode::InvalidInput,
                                 tr("A vault needs at least one Owner. Make someone else an Owner "
                                    "first."));
        }
        if (m_dialect.isSqlite()) {
            q.prepare(QStringLiteral("UPDATE members SET role = ?, version = version + 1 WHERE "
                                     "id = ? AND version = ?"));
            q.addBindValue(roleToInt(role));
            q.addBindValue(memberId);
            q.addBindValue(expectedVersion);
        } else {
            // Also moves the login to the new role's group, in this transaction.
            q.prepare(QStringLiteral("SELECT keyward_member_set_role(?, ?, ?)"));
            q.addBindValue(memberId);
            q.addBindValue(expectedVersion);
            q.addBindValue(roleToInt(role));
        }
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot change the member."));
        if (!m_dialect.isSqlite() && (!q.next() || q.value(0).isNull()))
            return makeError(ErrorCode::StaleVersion,
                             tr("The member was changed by someone else. Reload and try again."));
        changed = before;
        changed.role = role;
        changed.version = before.version + 1;
        // Before the member's key is certified anew: afterwards their good rows would not check.
        // Only a demotion uses them (to re-anchor and to deactivate keys above the new role);
        // finding them verifies every key the member made, which a promotion need not pay for.
        const bool demotion = !roleAtLeast(role, before.role);
        auto forged = demotion ? forgedKeysOf(memberId) : Result<QSet<qint64>>(QSet<qint64>());
        if (!forged)
            return forged.error();
        if (m_dialect.isSqlite() && isSignedVault()) {
            auto rows = VaultSigning::readMemberKeys(database());
            if (!rows)
                return rows.error();
            const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
            if (const MemberKeyRow *current = trust.currentKeyOf(memberId)) {
                MemberKeyRow row = *current;
                row.role = role;
                if (auto done = recertify(row); !done)
                    return done;
                if (before.role == Role::Owner && role != Role::Owner) {
                    if (auto done = reanchor(row.id, *forged); !done)
                        return done;
                }
            }
        }
        if (auto audited = appendAudit(QStringLiteral("member.role"), std::nullopt,
                                       toJson({{QStringLiteral("member"), before.name},
                                               {QStringLiteral("from"), roleCode(before.role)},
                                               {QStringLiteral("to"), roleCode(role)}}));
            !audited)
            return audited;
        // A demoted member keeps no power through keys above the new role. (A promoted one made
        // none above it: only a forged row could be, and it stays as it is, refused.)
        if (!demotion)
            return {};
        return deactivateKeysAbove(before, role, QStringLiteral("creator demoted"), *forged);
    });
    if (!written)
        return written.error();
    return changed;
}

Result<void> SqlKeyStore::removeMember(qint64 memberId)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto allowed = Permissions::mayManageMembers(*actor); !allowed)
        return allowed.error();
    return inWriteTransaction([&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("SELECT ") + kMemberColumns
                  + QStringLiteral(" FROM members WHERE id = ? AND removed_at IS NULL"));
        q.addBindValue(memberId);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot read the members."));
        if (!q.next())
            return makeError(ErrorCode::NotFound, tr("There is no such member."));
        const Member member = memberFromRow(q);
        q.finish();
        if (member.role == Role::Owner) {
            auto owners = countOwners(database());
            if (!owners)
                return owners.error();
            if (*owners <= 1)
                return makeError(ErrorCode::InvalidInput, tr("The last Owner cannot be removed."));
        }
        auto forged = forgedKeysOf(memberId);
        if (!forged)
            return forged.error();
        if (m_dialect.isSqlite()) {
            if (auto refused = refuseRootMember(
                    memberId,
                    tr("%1 holds the vault's root key (its fingerprint) and cannot be removed.")
                        .arg(member.name));
                !refused)
                return refused;
            if (auto retired = retireKeysOf(memberId, *forged); !retired)
                return retired;
        }
        if (m_dialect.isSqlite()) {
            q.prepare(QStringLiteral("UPDATE members SET removed_at = ?, passphrase_hash = NULL, "
                                     "version = version + 1 WHERE id = ?"));
            q.addBindValue(m_clock.nowMs());
            q.addBindValue(memberId);
        } else {
            // Also revokes the login's groups; the login itself is the DBA's to drop.
            q.prepare(QStringLiteral("SELECT keyward_member_remove(?, ?)"));
            q.addBindValue(memberId);
            q.addBindValue(m_clock.nowMs());
        }
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot remove the member."));
        if (auto audited = appendAudit(QStringLiteral("member.remove"), std::nullopt,
                                       toJson({{QStringLiteral("member"), member.name}}));
            !audited)
            return audited;
        return deactivateKeysAbove(member, std::nullopt, QStringLiteral("creator removed"),
                                   *forged);
    });
}

namespace {

Result<Member> readCurrentMember(QSqlDatabase &db, qint64 memberId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns
              + QStringLiteral(" FROM members WHERE id = ? AND removed_at IS NULL"));
    q.addBindValue(memberId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, SqlKeyStore::tr("Cannot read the members."));
    if (!q.next())
        return makeError(ErrorCode::NotFound, SqlKeyStore::tr("There is no such member."));
    return memberFromRow(q);
}

// The PHC string sign-in checks against; empty for NULL (a member copied from a server).
Result<QString> readPassphraseHash(QSqlDatabase &db, qint64 memberId)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT passphrase_hash FROM members WHERE id = ? AND removed_at IS NULL"));
    q.addBindValue(memberId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, SqlKeyStore::tr("Cannot read the members."));
    if (!q.next())
        return makeError(ErrorCode::NotFound, SqlKeyStore::tr("There is no such member."));
    return q.value(0).toString();
}

Error serverKeepsPasswords()
{
    return makeError(ErrorCode::InvalidInput,
                     SqlKeyStore::tr("On a server vault the database server checks the "
                                     "passwords; Keyward keeps none. Change it on the server: "
                                     "with \\password in psql for your own login, or a database "
                                     "administrator with ALTER ROLE … PASSWORD."));
}

} // namespace

Result<void> SqlKeyStore::setMemberPassphrase(qint64 memberId, const SecretString &newPassphrase)
{
    if (!m_dialect.isSqlite())
        return serverKeepsPasswords();
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    auto target = readCurrentMember(database(), memberId);
    if (!target)
        return target.error();
    // Being signed in is not proof enough for one's own: the screen may have been left alone.
    if (target->id == actor->id)
        return makeError(ErrorCode::AuthenticationFailed,
                         tr("Enter your current passphrase to change your own."));
    for (const Result<void> &check :
         {Permissions::mayChangePassphrase(*actor, *target),
          Permissions::validatePassphraseLength(int(newPassphrase.size()))}) {
        if (!check)
            return check.error();
    }
    if (!isSignedVault())
        return writePassphrase(*target, newPassphrase, std::nullopt, {});
    // A reset replaces the member's key: the old one is retired (what it signed is signed
    // again by this Owner) and a new one, sealed with the new passphrase, certified.
    if (!m_signer)
        return VaultSigning::notCertifiedError();
    if (auto refused = refuseRootMember(
            target->id,
            tr("%1 holds the vault's root key: only they can change their passphrase.")
                .arg(target->name));
        !refused)
        return refused;
    std::optional<SigningKey> key = SigningKey::generate();
    const QByteArray sealed = key ? key->seal(newPassphrase) : QByteArray();
    if (sealed.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not make the member's signing key."));
    return writePassphrase(*target, newPassphrase, std::nullopt, [&]() -> Result<void> {
        auto forged = forgedKeysOf(target->id);
        if (!forged)
            return forged.error();
        if (auto retired = retireKeysOf(target->id, *forged); !retired)
            return retired;
        auto keyId = insertMemberKey(target->id, target->role, *key, sealed, true);
        if (!keyId)
            return keyId.error();
        return {};
    });
}

Result<void> SqlKeyStore::changeOwnPassphrase(const SecretString &currentPassphrase,
                                              const SecretString &newPassphrase)
{
    if (!m_dialect.isSqlite())
        return serverKeepsPasswords();
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    // Checked first: a new passphrase that cannot be used is no reason to spend an Argon2 run.
    if (auto valid = Permissions::validatePassphraseLength(int(newPassphrase.size())); !valid)
        return valid.error();
    auto stored = readPassphraseHash(database(), actor->id);
    if (!stored)
        return stored.error();
    // Argon2 in constant time, as at sign-in; a NULL hash (none yet) matches nothing.
    if (!PassphraseHasher::verify(currentPassphrase, *stored))
        return makeError(ErrorCode::AuthenticationFailed,
                         tr("Wrong current passphrase. Your passphrase was not changed."));
    // The member's key, sealed again with the new passphrase (the same key pair).
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT id, public_key, sealed_key FROM member_keys WHERE "
                             "member_id = ? AND retired = 0 AND sealed_key IS NOT NULL ORDER BY "
                             "id DESC LIMIT 1"));
    q.addBindValue(actor->id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    if (!q.next())
        return writePassphrase(*actor, newPassphrase, *stored, {});
    const qint64 keyId = q.value(0).toLongLong();
    const QByteArray publicKey = q.value(1).toByteArray();
    const QByteArray oldSealed = q.value(2).toByteArray();
    q.finish();
    QByteArray sealed;
    if (m_signer && m_signerKeyId == keyId) {
        sealed = m_signer->seal(newPassphrase);
    } else if (auto key = SigningKey::unseal(oldSealed, currentPassphrase, publicKey)) {
        sealed = key->seal(newPassphrase);
    }
    if (sealed.isEmpty())
        return makeError(ErrorCode::CryptoFailure,
                         tr("Could not seal your signing key with the new passphrase. Your "
                            "passphrase was not changed."));
    return writePassphrase(*actor, newPassphrase, *stored, [&]() -> Result<void> {
        QSqlQuery update(database());
        update.prepare(QStringLiteral("UPDATE member_keys SET sealed_key = ? WHERE id = ?"));
        update.addBindValue(sealed);
        update.addBindValue(keyId);
        if (!update.exec())
            return SqlErrors::fromQuery(update, tr("Cannot change the passphrase."));
        return {};
    });
}

Result<void> SqlKeyStore::writePassphrase(const Member &target, const SecretString &newPassphrase,
                                          const std::optional<QString> &expectedHash,
                                          const std::function<Result<void>()> &keyWork)
{
    // Hashed before the transaction: Argon2 takes a moment, and other writers should not wait.
    const QString phc = PassphraseHasher::hash(newPassphrase);
    if (phc.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not hash the passphrase."));
    auto written = inWriteTransaction([&]() -> Result<void> {
        // Removed meanwhile? Then nobody should be able to sign in as them again.
        auto current = readCurrentMember(database(), target.id);
        if (!current)
            return current.error();
        QSqlQuery q(database());
        // With the hash the current passphrase was checked against: an Owner's reset in between
        // is not silently undone by a check against the passphrase it replaced.
        q.prepare(QStringLiteral("UPDATE members SET passphrase_hash = ?, version = version + 1 "
                                 "WHERE id = ? AND removed_at IS NULL")
                  + (expectedHash ? QStringLiteral(" AND passphrase_hash = ?") : QString()));
        q.addBindValue(phc);
        q.addBindValue(target.id);
        if (expectedHash)
            q.addBindValue(*expectedHash);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot change the passphrase."));
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::StaleVersion,
                             tr("Your passphrase was changed by someone else meanwhile. Nothing "
                                "was changed."));
        if (keyWork) {
            if (auto done = keyWork(); !done)
                return done;
        }
        // Who set it is the row's actor; the passphrase and its hash stay out of the log.
        return appendAudit(QStringLiteral("member.passphrase"), std::nullopt,
                           toJson({{QStringLiteral("member"), current->name}}));
    });
    if (!written)
        return written;
    if (m_member && m_member->id == target.id)
        ++m_member->version;
    return {};
}

Result<QPair<QString, bool>> SqlKeyStore::memberKeyFingerprint(qint64 memberId)
{
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
    for (auto it = rows->crbegin(); it != rows->crend(); ++it) {
        if (it->memberId == memberId && !it->retired)
            return qMakePair(SigningKey::fingerprint(it->publicKey), trust.key(it->id) != nullptr);
    }
    return makeError(ErrorCode::NotFound,
                     tr("The member has no signing key yet: it is made when they next sign in."));
}

Result<void> SqlKeyStore::certifyMember(qint64 memberId)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto allowed = Permissions::mayManageMembers(*actor); !allowed)
        return allowed;
    if (!isSignedVault())
        return makeError(ErrorCode::InvalidInput,
                         tr("This vault is not signed: there is nothing to certify."));
    if (!m_signer)
        return VaultSigning::notCertifiedError();
    return inWriteTransaction([&]() -> Result<void> {
        auto member = readCurrentMember(database(), memberId);
        if (!member)
            return member.error();
        auto rows = VaultSigning::readMemberKeys(database());
        if (!rows)
            return rows.error();
        const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
        for (auto it = rows->crbegin(); it != rows->crend(); ++it) {
            if (it->memberId != memberId || it->retired)
                continue;
            if (trust.key(it->id))
                return makeError(ErrorCode::InvalidInput,
                                 tr("The key of %1 is already certified.").arg(member->name));
            MemberKeyRow row = *it;
            row.role = member->role;
            if (auto done = recertify(row); !done)
                return done;
            return appendAudit(
                QStringLiteral("member.certify"), std::nullopt,
                toJson({{QStringLiteral("member"), member->name},
                        {QStringLiteral("key"), SigningKey::fingerprint(row.publicKey)}}));
        }
        return makeError(
            ErrorCode::NotFound,
            tr("%1 has no signing key yet: it is made when they next sign in.").arg(member->name));
    });
}

// ---- audit, verification support -------------------------------------------------------------

Result<QVector<AuditEvent>> SqlKeyStore::auditEvents(std::optional<qint64> keyId, int limit)
{
    QSqlQuery q(database());
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
    QSqlQuery q(database());
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

Result<qint64> SqlKeyStore::changeCounter()
{
    return readCounter(QStringLiteral("SELECT value FROM vault_meta WHERE name = 'change_seq'"));
}

Result<qint64> SqlKeyStore::usageCounter()
{
    return readCounter(QStringLiteral("SELECT value FROM vault_meta WHERE name = 'usage_seq'"));
}

// Constant SQL, no values: verifier caches run the change counter's every few hundred ms, and a
// prepare per call would cost more than the read.
Result<qint64> SqlKeyStore::readCounter(const QString &sql)
{
    QSqlQuery q(database());
    if (!q.exec(sql) || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot read the vault."));
    return q.value(0).toString().toLongLong();
}

Result<UsageUpdates> SqlKeyStore::usageSince(qint64 counter)
{
    // The counter first: rows stamped after it are read now and again next time, never missed.
    auto current = usageCounter();
    if (!current)
        return current.error();
    UsageUpdates updates;
    updates.counter = *current;
    if (*current <= counter)
        return updates;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.key_id, k.usage_count, s.id, s.last_used_at, "
                             "s.last_used_source, s.last_refused_at, s.last_refused_outcome FROM "
                             "key_secrets s JOIN api_keys k ON k.id = s.key_id WHERE s.key_id IN "
                             "(SELECT key_id FROM key_secrets WHERE usage_seq > ?) ORDER BY "
                             "s.key_id, s.id DESC"));
    q.addBindValue(counter);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the usage of the keys."));
    while (q.next()) {
        const qint64 keyId = q.value(0).toLongLong();
        if (updates.keys.isEmpty() || updates.keys.constLast().keyId != keyId)
            updates.keys.append(KeyUsageUpdate {keyId, q.value(1).toLongLong(), {}});
        KeySecret secret;
        secret.id = q.value(2).toLongLong();
        secret.keyId = keyId;
        if (!q.isNull(3))
            secret.lastUsedAtMs = q.value(3).toLongLong();
        secret.lastUsedSource = q.value(4).toString();
        if (!q.isNull(5))
            secret.lastRefusedAtMs = q.value(5).toLongLong();
        secret.lastRefusedOutcome = q.value(6).toInt();
        updates.keys.last().secrets.append(secret);
    }
    q.finish(); // an SQLite statement left open would hold its read snapshot
    return updates;
}

} // namespace Keyward
