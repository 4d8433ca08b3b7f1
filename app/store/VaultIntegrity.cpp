#include "VaultIntegrity.h"

#include "AuditLog.h"
#include "KeyStore.h"
#include "Migrations.h"
#include "SqlConnection.h"
#include "SqlErrors.h"
#include "SqlKeyStore.h"
#include "SqliteStatement.h"
#include "SqliteStop.h"
#include "VaultFile.h"
#include "VaultSigning.h"
#include "core/Permissions.h"
#include "core/Role.h"
#include "crypto/PassphraseHasher.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Keyward {

namespace {

constexpr int kMaxIntegrityRows = 100; // SQLite's own default

Result<QVector<VaultProblem>> checkOpen(QSqlDatabase &db, const QString &path)
{
    const QString cannotRead = VaultIntegrity::tr("Cannot read %1.").arg(path);
    QVector<VaultProblem> problems;
    SqlQuery q(db);
    q.setForwardOnly(true);
    auto failed = [&](const QString &check) -> Result<QVector<VaultProblem>> {
        const Error error = SqlErrors::fromQuery(q, cannotRead);
        if (error.code != ErrorCode::VaultCorrupt)
            return error;
        problems.append({check, error.message});
        return problems;
    };

    if (!q.exec(QStringLiteral("PRAGMA integrity_check(%1)").arg(kMaxIntegrityRows)))
        return failed(QStringLiteral("integrity"));
    while (q.next()) {
        const QString row = q.value(0).toString();
        if (row != QLatin1String("ok"))
            problems.append({QStringLiteral("integrity"), row});
    }
    if (q.lastError().type() != QSqlError::NoError)
        return failed(QStringLiteral("integrity"));
    if (!problems.isEmpty())
        return problems; // the rest would read damaged pages

    auto version = Migrations::currentVersion(db);
    if (!version)
        return version.error();
    if (*version == 0)
        return makeError(ErrorCode::NotAVault,
                         VaultIntegrity::tr("%1 is not a Keyward vault.").arg(path));
    if (*version > Migrations::latestVersion())
        return makeError(ErrorCode::VaultTooNew,
                         VaultIntegrity::tr("%1 was written by a newer Keyward (schema %2); "
                                            "update Keyward to check it.")
                             .arg(path)
                             .arg(*version));

    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return failed(QStringLiteral("foreign_keys"));
    while (q.next())
        problems.append(
            {QStringLiteral("foreign_keys"),
             VaultIntegrity::tr("Row %1 of %2 refers to a missing row of %3.")
                 .arg(q.value(1).toString(), q.value(0).toString(), q.value(2).toString())});

    if (!q.exec(QStringLiteral("SELECT value FROM vault_meta WHERE name = 'prefix'")))
        return failed(QStringLiteral("settings"));
    if (!q.next() || !Permissions::validatePrefix(q.value(0).toString()))
        problems.append({QStringLiteral("settings"),
                         VaultIntegrity::tr("The key prefix is missing or not valid.")});

    if (!q.exec(QStringLiteral("SELECT id, name, role, passphrase_hash FROM members")))
        return failed(QStringLiteral("members"));
    while (q.next()) {
        const QString name = q.value(1).toString();
        const QString phc = q.value(3).toString();
        if (!Permissions::validateMemberName(name) || name.contains(QChar::ReplacementCharacter)
            || !roleFromInt(q.value(2).toInt())
            || (!phc.isEmpty() && !PassphraseHasher::isWellFormed(phc)))
            problems.append({QStringLiteral("members"),
                             VaultIntegrity::tr("The record of member #%1 is damaged.")
                                 .arg(q.value(0).toLongLong())});
    }

    if (!q.exec(QStringLiteral("SELECT id FROM key_secrets WHERE typeof(hash) <> 'blob' OR "
                               "length(hash) <> 32 ORDER BY id LIMIT 100")))
        return failed(QStringLiteral("secrets"));
    while (q.next())
        problems.append(
            {QStringLiteral("secrets"),
             VaultIntegrity::tr("Secret #%1 has a damaged hash.").arg(q.value(0).toLongLong())});
    q.finish();

    auto audit = AuditLog::verify(db);
    if (!audit) {
        if (audit.error().code != ErrorCode::VaultCorrupt)
            return audit.error();
        problems.append({QStringLiteral("audit"), audit.errorMessage()});
    } else if (!audit->intact) {
        problems.append({QStringLiteral("audit"), audit->problem});
    }
    return problems;
}

// Runs `work` on a read-only connection of its own to the vault file, and leaves behind no -wal
// or -shm that this connection made. A file this process has open through SQLite is not
// inspected with plain reads (they would drop its locks): it was inspected when it was opened.
// openHereOut (may be null): which of the two it was. stop (may be null): when it turns true,
// the work's statement running or lock wait ends, and the result is an error saying so.
template<typename T, typename Work>
Result<T> onReadOnlyConnection(const QString &path, int busyTimeoutMs, Work work,
                               const std::atomic<bool> *stop, bool *openHereOut = nullptr)
{
    const bool openHere = SqlKeyStore::isVaultFileOpen(path);
    if (openHereOut)
        *openHereOut = openHere;
    if (!openHere) {
        if (auto inspected = VaultFile::inspect(path); !inspected)
            return inspected.error();
    }
    const bool walExisted = QFileInfo::exists(path + QStringLiteral("-wal"));
    const bool shmExisted = QFileInfo::exists(path + QStringLiteral("-shm"));
    Result<T> result = Error();
    {
        // Closed and removed however the work returns.
        SqlConnection connection(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        QSqlDatabase &db = connection.database();
        db.setDatabaseName(path);
        db.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1;QSQLITE_OPEN_READONLY").arg(busyTimeoutMs));
        if (!db.open()) {
            result = SqlErrors::fromSqlError(db.lastError(),
                                             VaultIntegrity::tr("Cannot open %1.").arg(path));
        } else {
            const SqliteStop stopper(sqliteHandle(db), stop, busyTimeoutMs);
            result = work(db);
            if (stopper.stopped())
                result = makeError(ErrorCode::StorageError,
                                   VaultIntegrity::tr("The check of %1 was stopped.").arg(path));
        }
    }
    // A read-only connection cannot remove its -wal and -shm on close.
    if (!openHere)
        VaultFile::removeLeftovers(path, walExisted, shmExisted);
    return result;
}

} // namespace

Result<QVector<VaultProblem>> VaultIntegrity::check(const QString &path, int busyTimeoutMs,
                                                    const std::atomic<bool> *stop)
{
    bool openHere = false;
    auto result = onReadOnlyConnection<QVector<VaultProblem>>(
        path, busyTimeoutMs, [&](QSqlDatabase &db) { return checkOpen(db, path); }, stop,
        &openHere);
    if (result && !result->isEmpty() && !openHere) {
        if (const QString detail = VaultFile::damageDetail(path); !detail.isEmpty())
            result->prepend({QStringLiteral("integrity"), detail});
    }
    return result;
}

Result<QVector<TamperedKey>> VaultIntegrity::tamperedKeys(const QString &path,
                                                          const QByteArray &acceptedRoot,
                                                          VerifiedSignatures *verified,
                                                          int busyTimeoutMs,
                                                          const std::atomic<bool> *stop)
{
    return onReadOnlyConnection<QVector<TamperedKey>>(
        path, busyTimeoutMs,
        [&](QSqlDatabase &db) -> Result<QVector<TamperedKey>> {
            if (!db.transaction())
                return SqlErrors::fromSqlError(db.lastError(), tr("Cannot read %1.").arg(path));
            // One snapshot: keys, signatures and member keys as of the same moment.
            struct EndRead
            {
                QSqlDatabase &db;
                ~EndRead() { db.rollback(); }
            } endRead {db};
            auto root = VaultSigning::readRootKey(db);
            if (!root)
                return root.error();
            auto rows = VaultSigning::readMemberKeys(db);
            if (!rows)
                return rows.error();
            const QByteArray trusted = acceptedRoot.isEmpty() ? *root : acceptedRoot;
            return VaultSigning::tamperedKeys(db, VaultTrust::fromRows(trusted, *rows), verified,
                                              stop);
        },
        stop);
}

} // namespace Keyward
