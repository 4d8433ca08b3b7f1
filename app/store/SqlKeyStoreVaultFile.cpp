#include "SqlKeyStore.h"

#include "Migrations.h"
#include "OpenVaultFiles.h"
#include "SqlConnection.h"
#include "SqlKeyStoreRows.h"
#include "VaultFile.h"
#include "VaultSeed.h"
#include "VaultSigning.h"
#include "crypto/PassphraseHasher.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

// SqlKeyStore's vault files: creating one, and the checks before one is opened (damage,
// version, pinned fingerprint), leaving a refused file as it was found.

namespace Keyward {

using namespace StoreRows;

bool SqlKeyStore::isVaultFileOpen(const QString &path)
{
    return OpenVaultFiles::contains(path);
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
    store->m_openFileKey = OpenVaultFiles::acquire(path);
    SqlQuery query(store->database());
    // Temporary tables, sorts and statement journals stay in memory, never in a file beside the
    // vault's (the usage writer's upserts of many rows each keep a statement journal; Debian's
    // SQLite defaults to files).
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys = ON"))
        || !query.exec(QStringLiteral("PRAGMA temp_store = MEMORY")))
        return SqlErrors::fromQuery(query, tr("Cannot open %1.").arg(path));
    return store;
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
        SqlQuery query(store->database());
        // application_id first, while still in rollback mode, so it lands in the main file.
        if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(VaultFile::kApplicationId))
            || !query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return SqlErrors::fromQuery(query, tr("Cannot prepare the new vault."));
        query.finish(); // a pragma's result row would keep the statement open past COMMIT
        if (auto migrated =
                Migrations::migrateIfBehind(store->database(), store->m_dialect, clock.nowMs());
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
        SqlQuery q(database());
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
        SqlQuery query(db);
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
    Result<void> ready = Migrations::migrateIfBehind(store->database(), store->m_dialect,
                                                     clock.nowMs(), options.upgradeBusyTimeoutMs);
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
    if (options.expectUnsigned && !store->fingerprint().isEmpty()) {
        const QString fingerprint = store->fingerprint();
        store.reset();
        return refused(makeError(ErrorCode::AuthenticationFailed,
                                 tr("%1 is signed now (fingerprint %2), but this process opened "
                                    "it unsigned: it may have been replaced. Restart to use its "
                                    "root key.")
                                     .arg(path, fingerprint)));
    }
    return store;
}

void VaultOptions::holdToRoot(const QByteArray &acceptedRoot)
{
    if (!pinnedFingerprint.isEmpty())
        return;
    if (acceptedRoot.isEmpty())
        expectUnsigned = true;
    else
        pinnedFingerprint = SigningKey::fingerprint(acceptedRoot);
}

Result<void> SqlKeyStore::checkBeforeOpening(const QString &path, VaultCheck check)
{
    // The first read: where SQLite, under its lock, compares the header's page count with the
    // file (and the WAL), and reports a cut-off file as damage. (QSqlDatabase::tables() below
    // would swallow that error and read as "no tables".)
    {
        SqlQuery first(database());
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

} // namespace Keyward
