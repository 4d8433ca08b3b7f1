#include "VaultBackup.h"

#include "Migrations.h"
#include "SqlConnection.h"
#include "SqlDialect.h"
#include "SqlKeyStore.h"
#include "SqliteStatement.h"
#include "VaultFile.h"
#include "VaultIntegrity.h"
#include "VaultMigrator.h"
#include "crypto/SigningKey.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

#include <sqlite3.h>

#include <utility>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Keyward {

namespace {

// A sqlite3 connection closed however backup() returns.
class Connection
{
public:
    ~Connection() { sqlite3_close_v2(m_db); }
    int open(const QString &path, int flags)
    {
        return sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
    }
    sqlite3 *get() const { return m_db; }
    int close() { return sqlite3_close_v2(std::exchange(m_db, nullptr)); }
    QString errorMessage() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
    }

private:
    sqlite3 *m_db = nullptr;
};

void removeWithJournals(const QString &path)
{
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

// A working copy that restore() removes however it returns, once it has made it: a name that
// another restore took first is never removed (adopt() only after the copy is published).
class ScratchFile
{
public:
    ScratchFile() = default;
    ~ScratchFile()
    {
        if (!m_path.isEmpty())
            removeWithJournals(m_path);
    }
    ScratchFile(const ScratchFile &) = delete;
    ScratchFile &operator=(const ScratchFile &) = delete;
    void adopt(const QString &path) { m_path = path; }

private:
    QString m_path;
};

// The copy under a temporary name beside the target, removed unless it is kept.
class PartialFile
{
public:
    explicit PartialFile(const QString &targetPath)
    {
        const QFileInfo target(targetPath);
        m_path = target.dir().filePath(QStringLiteral(".%1.partial-%2")
                                           .arg(target.fileName())
                                           .arg(QCoreApplication::applicationPid()));
    }
    ~PartialFile()
    {
        if (!m_kept)
            removeWithJournals(m_path);
    }
    // Made here, owner-only: the copy holds the same hashes and audit trail as the vault.
    bool create()
    {
        const int fd = ::open(QFile::encodeName(m_path).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return false;
        ::close(fd);
        return true;
    }
    bool sync() const
    {
        const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        const bool synced = ::fsync(fd) == 0;
        ::close(fd);
        return synced;
    }
    // link() fails when the target exists: no check-then-rename race can replace a file.
    int publishAs(const QString &targetPath)
    {
        if (::link(QFile::encodeName(m_path).constData(), QFile::encodeName(targetPath).constData())
            != 0)
            return errno;
        ::unlink(QFile::encodeName(m_path).constData());
        m_kept = true;
        return 0;
    }
    const QString &path() const { return m_path; }

private:
    QString m_path;
    bool m_kept = false;
};

// Gives the checked copy its name, never over a file that appeared meanwhile.
Result<void> publish(PartialFile &partial, const QString &targetPath, const QString &cannotWrite)
{
    if (const int error = partial.publishAs(targetPath); error != 0) {
        if (error == EEXIST)
            return makeError(ErrorCode::InvalidInput,
                             VaultBackup::tr("%1 was created by someone else meanwhile; the "
                                             "backup was not written over it.")
                                 .arg(targetPath));
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromLocal8Bit(strerror(error))));
    }
    return {};
}

// Copies every page of the vault file at sourcePath into the open database `into` (SQLite's
// backup API). Returns the number of pages.
Result<int> copyPages(const QString &sourcePath, sqlite3 *into, int busyTimeoutMs)
{
    Connection source;
    if (source.open(sourcePath, SQLITE_OPEN_READONLY) != SQLITE_OK)
        return makeError(
            ErrorCode::StorageError,
            VaultBackup::tr("Cannot read %1: %2.").arg(sourcePath, source.errorMessage()));
    sqlite3_busy_timeout(source.get(), busyTimeoutMs);
    sqlite3_busy_timeout(into, busyTimeoutMs);
    sqlite3_backup *backup = sqlite3_backup_init(into, "main", source.get(), "main");
    if (!backup)
        return makeError(ErrorCode::StorageError,
                         VaultBackup::tr("Cannot copy %1: %2.")
                             .arg(sourcePath, QString::fromUtf8(sqlite3_errmsg(into))));
    // A few pages at a time, so writers of the vault are never held up for long; a write in
    // between makes SQLite start the copy over, which is why there is an overall time limit.
    QElapsedTimer waited;
    waited.start();
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (waited.elapsed() > busyTimeoutMs)
                break;
            sqlite3_sleep(10);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    const int pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc == SQLITE_DONE)
        return pages;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return makeError(ErrorCode::VaultLocked,
                         VaultBackup::tr("%1 stayed locked by another program for %2 seconds; "
                                         "nothing was changed. Try again.")
                             .arg(sourcePath)
                             .arg(busyTimeoutMs / 1000));
    if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
        return makeError(ErrorCode::VaultCorrupt,
                         VaultBackup::tr("%1 is damaged (%2). Run \"keywardctl vault check\".")
                             .arg(sourcePath, QString::fromUtf8(sqlite3_errstr(rc))));
    return makeError(ErrorCode::StorageError,
                     VaultBackup::tr("Cannot copy %1: %2.")
                         .arg(sourcePath, QString::fromUtf8(sqlite3_errstr(rc))));
}

// A read-only SQLite connection cannot remove the -wal and -shm it made beside a WAL file when
// it closes: this does it once every connection here is closed (declared before them), unless
// this process has the file open itself (its own locks would not keep the removal off).
class LeftoverGuard
{
public:
    explicit LeftoverGuard(const QString &path)
        : m_path(path)
        , m_skip(SqlKeyStore::isVaultFileOpen(path))
        , m_walExisted(QFileInfo::exists(path + QStringLiteral("-wal")))
        , m_shmExisted(QFileInfo::exists(path + QStringLiteral("-shm")))
    { }
    ~LeftoverGuard()
    {
        if (!m_skip)
            VaultFile::removeLeftovers(m_path, m_walExisted, m_shmExisted);
    }
    LeftoverGuard(const LeftoverGuard &) = delete;
    LeftoverGuard &operator=(const LeftoverGuard &) = delete;

private:
    QString m_path;
    bool m_skip;
    bool m_walExisted;
    bool m_shmExisted;
};

// A vault_meta value read with the C API (empty when the file cannot say).
QString metaValue(sqlite3 *db, const char *name)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT value FROM vault_meta WHERE name = ?", -1, &statement,
                           nullptr)
        != SQLITE_OK)
        return {};
    sqlite3_bind_text(statement, 1, name, -1, SQLITE_STATIC);
    QString value;
    if (sqlite3_step(statement) == SQLITE_ROW) {
        if (const auto *text = sqlite3_column_text(statement, 0))
            value = QString::fromUtf8(reinterpret_cast<const char *>(text));
    }
    sqlite3_finalize(statement);
    return value;
}

// Moves a change counter past `atLeast`, so every process that watches it sees news.
bool advanceCounter(sqlite3 *db, const char *name, qint64 atLeast)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db,
                           "UPDATE vault_meta SET value = CAST(MAX(CAST(value AS INTEGER), ?) + 1 "
                           "AS TEXT) WHERE name = ?",
                           -1, &statement, nullptr)
        != SQLITE_OK)
        return false;
    sqlite3_bind_int64(statement, 1, atLeast);
    sqlite3_bind_text(statement, 2, name, -1, SQLITE_STATIC);
    const bool done = sqlite3_step(statement) == SQLITE_DONE;
    sqlite3_finalize(statement);
    return done;
}

// The restored usage counts forget the credits running verifiers reserved since the backup, as a
// reset does: every key's usage epoch moves past any it had (the restore's time is later than
// every epoch an earlier restore set, and a reset only adds one), so verifiers drop them. Every
// key gets a usage row for it: one without counts as epoch 0, which verifiers may hold credits in.
bool advanceUsageEpochs(sqlite3 *db, qint64 nowMs)
{
    const auto statement = SqliteStatement::prepare(
        db,
        "INSERT INTO key_usage (key_id, usage_epoch) SELECT id, ?1 FROM api_keys WHERE true ON "
        "CONFLICT (key_id) DO UPDATE SET usage_epoch = MAX(key_usage.usage_epoch + 1, "
        "excluded.usage_epoch)",
        false);
    if (!statement)
        return false;
    statement->bindInteger(1, nowMs);
    statement->step();
    return !statement->failed();
}

// The schema version a vault file was written by (0 before versions were recorded).
int schemaVersionOf(sqlite3 *db)
{
    const auto statement =
        SqliteStatement::prepare(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version", false);
    if (!statement)
        return 0;
    return statement->step() ? int(statement->integer(0)) : 0;
}

// AUTOINCREMENT's high-water marks (table name, last id given out).
using Sequences = QList<QPair<QString, qint64>>;

Sequences sequencesOf(sqlite3 *db)
{
    Sequences sequences;
    const auto statement =
        SqliteStatement::prepare(db, "SELECT name, seq FROM sqlite_sequence", false);
    while (statement && statement->step())
        sequences.append({statement->text(0), statement->integer(1)});
    return sequences;
}

// The restored vault gives out no id the vault had given out before it: a key, secret, member
// or request created after the restore would otherwise take a deleted one's id, and with it
// what running verifiers still hold under that id (credits, cached rows) and the audit rows
// that name it.
bool keepSequencesAhead(sqlite3 *db, const Sequences &before)
{
    for (const auto &[table, seq] : before) {
        const auto raise = SqliteStatement::prepare(
            db, "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", false);
        if (!raise)
            return false;
        raise->bindInteger(1, seq);
        raise->bindText(2, table);
        raise->step();
        if (raise->failed())
            return false;
        if (sqlite3_changes(db) > 0)
            continue;
        // The backup never gave out an id for this table: its row starts at the vault's.
        const auto insert = SqliteStatement::prepare(
            db,
            "INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE EXISTS "
            "(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?)",
            false);
        if (!insert)
            return false;
        insert->bindText(1, table);
        insert->bindInteger(2, seq);
        insert->bindText(3, table);
        insert->step();
        if (insert->failed())
            return false;
    }
    return true;
}

// What running processes must see of a restore, in one transaction: the change counters move
// forward, never back (so caches reload), usage epochs move on, and ids are not given out again.
// Empty when done, else what SQLite said.
QString markRestored(sqlite3 *db, qint64 changeSeq, qint64 usageSeq, qint64 nowMs,
                     const Sequences &sequences)
{
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(db));
    if (advanceCounter(db, "change_seq", changeSeq) && advanceCounter(db, "usage_seq", usageSeq)
        && advanceUsageEpochs(db, nowMs) && keepSequencesAhead(db, sequences)
        && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK)
        return {};
    const QString error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return error;
}

// A backup written by an older Keyward is upgraded before it goes in: processes that have the
// vault open prepared their statements for this schema and would not migrate it again.
Result<void> upgradeToThisSchema(const QString &path, qint64 nowMs, int busyTimeoutMs)
{
    SqlConnection connection(QStringLiteral("QSQLITE"), QStringLiteral("restore"));
    if (!connection.isValid())
        return SqlConnection::driverMissing(QStringLiteral("QSQLITE"));
    QSqlDatabase &db = connection.database();
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open())
        return makeError(ErrorCode::StorageError,
                         VaultBackup::tr("Cannot open %1: %2.").arg(path, db.lastError().text()));
    auto migrated = Migrations::migrate(db, SqlDialect(SqlEngine::Sqlite), nowMs);
    db.close();
    return migrated;
}

QString freeName(const QString &base)
{
    QString name = base;
    for (int n = 2; QFileInfo::exists(name); ++n)
        name = base + QStringLiteral("-%1").arg(n);
    return name;
}

// A checked copy of an older backup beside the vault, upgraded to this schema, and read back:
// it must still be the backup's vault at this schema when it goes in. Its path, or why not.
Result<QString> upgradedCopy(const QString &backupPath, const QString &vaultPath,
                             const QString &backupRoot, qint64 nowMs, int busyTimeoutMs)
{
    const QFileInfo vault(vaultPath);
    const QString path =
        freeName(vault.dir().filePath(QStringLiteral(".%1.upgrading-%2")
                                          .arg(vault.fileName())
                                          .arg(QCoreApplication::applicationPid())));
    if (auto copied = VaultBackup::backup(backupPath, path, busyTimeoutMs); !copied)
        return makeError(copied.error().code,
                         VaultBackup::tr("Cannot make a copy of %1 to upgrade (%2); nothing was "
                                         "changed.")
                             .arg(backupPath, copied.errorMessage()));
    ScratchFile owned;
    owned.adopt(path);
    if (auto done = upgradeToThisSchema(path, nowMs, busyTimeoutMs); !done)
        return makeError(done.error().code,
                         VaultBackup::tr("Cannot upgrade %1 to this version's schema (%2); "
                                         "nothing was changed.")
                             .arg(backupPath, done.errorMessage()));
    Connection check;
    if (check.open(path, SQLITE_OPEN_READONLY) != SQLITE_OK
        || schemaVersionOf(check.get()) != Migrations::latestVersion()
        || metaValue(check.get(), "root_key") != backupRoot)
        return makeError(ErrorCode::StorageError,
                         VaultBackup::tr("The upgraded copy of %1 changed under this restore; "
                                         "nothing was changed.")
                             .arg(backupPath));
    check.close();
    owned.adopt(QString()); // the caller's now
    return path;
}

} // namespace

Result<BackupSummary> VaultBackup::backup(const QString &vaultPath, const QString &targetPath,
                                          int busyTimeoutMs)
{
    if (!QFileInfo(vaultPath).isFile())
        return makeError(ErrorCode::VaultNotFound,
                         tr("There is no vault file at %1.").arg(vaultPath));
    if (QFileInfo(targetPath).exists())
        return makeError(ErrorCode::InvalidInput,
                         tr("%1 already exists. A backup never replaces a file: choose a new "
                            "name.")
                             .arg(targetPath));
    if (QFileInfo(targetPath).absoluteFilePath() == QFileInfo(vaultPath).absoluteFilePath())
        return makeError(ErrorCode::InvalidInput, tr("A vault cannot be backed up onto itself."));
    const QString cannotWrite = tr("Cannot write the backup %1: %2.");
    const LeftoverGuard sourceLeftovers(vaultPath);
    PartialFile partial(targetPath);
    if (!partial.create())
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromLocal8Bit(strerror(errno))));

    Connection copy;
    if (copy.open(partial.path(), SQLITE_OPEN_READWRITE) != SQLITE_OK)
        return makeError(ErrorCode::StorageError, cannotWrite.arg(targetPath, copy.errorMessage()));
    auto copied = copyPages(vaultPath, copy.get(), busyTimeoutMs);
    if (!copied)
        return copied.error();
    BackupSummary summary;
    summary.pages = *copied;
    if (copy.close() != SQLITE_OK || !partial.sync())
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromLocal8Bit(strerror(errno))));

    // The copy must be a vault that opens and is whole, or it is no backup.
    auto problems = VaultIntegrity::check(partial.path(), busyTimeoutMs);
    if (!problems)
        return problems.error();
    if (!problems->isEmpty())
        return makeError(
            ErrorCode::VaultCorrupt,
            tr("The copy of %1 is not whole (%2: %3), so it was not kept. Run "
               "\"keywardctl vault check\" on the vault.")
                .arg(vaultPath, problems->constFirst().check, problems->constFirst().detail));
    summary.bytes = QFileInfo(partial.path()).size();
    if (auto published = publish(partial, targetPath, cannotWrite); !published)
        return published.error();
    return summary;
}

Result<ServerBackupSummary> VaultBackup::backupServer(SqlKeyStore &source,
                                                      const QString &targetPath,
                                                      const SecretString &newPassphrase,
                                                      const Clock &clock)
{
    const std::optional<Member> owner = source.currentMember();
    if (source.engine() != SqlEngine::Postgres || !owner)
        return makeError(ErrorCode::InvalidInput,
                         tr("Only a vault on a PostgreSQL server, signed in, is copied this way."));
    if (QFileInfo(targetPath).exists())
        return makeError(ErrorCode::InvalidInput,
                         tr("%1 already exists. A backup never replaces a file: choose a new "
                            "name.")
                             .arg(targetPath));
    const QString cannotWrite = tr("Cannot write the backup %1: %2.");
    if (!QFileInfo(targetPath).absoluteDir().exists())
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromLocal8Bit(strerror(ENOENT))));
    PartialFile partial(targetPath);
    // Tried first so that an unwritable folder is named with the backup's name, not the
    // temporary one; the copy makes the file again itself (it wants a path that is free).
    if (!partial.create())
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromLocal8Bit(strerror(errno))));
    QFile::remove(partial.path());

    MigrationOptions copyOptions;
    copyOptions.newPassphrase = SecretString(newPassphrase.data(), newPassphrase.size());
    auto copied = VaultMigrator::copyToSqlite(source, partial.path(), copyOptions, clock);
    copyOptions.newPassphrase.clear();
    if (!copied)
        return makeError(
            copied.error().code,
            tr("The vault on the server could not be copied: %1").arg(copied.errorMessage()));
    ServerBackupSummary summary;
    summary.keys = copied->keys;
    summary.auditRows = copied->auditRows;
    summary.membersWithoutPassphrase = copied->membersWithoutPassphrase;

    // A server vault is not signed (schema 5 signs files only): its Owner's first sign-in to
    // the copy makes their key the root, signs every key row and seals the history so far.
    {
        // Header only: the full check follows once the copy is signed.
        VaultOptions options;
        options.check = VaultCheck::Header;
        auto opened = SqlKeyStore::openVault(partial.path(), clock, options);
        if (!opened)
            return opened.error();
        if (auto signedIn = (*opened)->signIn(owner->name, newPassphrase); !signedIn)
            return signedIn.error();
        if (!(*opened)->isSignedVault())
            return makeError(ErrorCode::CryptoFailure,
                             tr("The copy of the server's vault could not be signed, so it was "
                                "not kept."));
        summary.fingerprint = (*opened)->fingerprint();
    }
    Result<QVector<VaultProblem>> problems = QVector<VaultProblem>();
    {
        const LeftoverGuard copyLeftovers(partial.path());
        problems = VaultIntegrity::check(partial.path());
    }
    if (!problems)
        return problems.error();
    if (!problems->isEmpty())
        return makeError(ErrorCode::VaultCorrupt,
                         tr("The copy of the server's vault is not whole (%1: %2), so it was not "
                            "kept.")
                             .arg(problems->constFirst().check, problems->constFirst().detail));
    if (!partial.sync())
        return makeError(ErrorCode::StorageError,
                         cannotWrite.arg(targetPath, QString::fromLocal8Bit(strerror(errno))));
    summary.bytes = QFileInfo(partial.path()).size();
    if (auto published = publish(partial, targetPath, cannotWrite); !published)
        return published.error();
    return summary;
}

Result<RestoreSummary> VaultBackup::restore(const QString &vaultPath, const QString &backupPath,
                                            qint64 nowMs, int busyTimeoutMs)
{
    if (!QFileInfo(vaultPath).isFile())
        return makeError(ErrorCode::VaultNotFound,
                         tr("There is no vault file at %1.").arg(vaultPath));
    if (!QFileInfo(backupPath).isFile())
        return makeError(ErrorCode::NotFound, tr("There is no backup at %1.").arg(backupPath));
    if (QFileInfo(backupPath).absoluteFilePath() == QFileInfo(vaultPath).absoluteFilePath())
        return makeError(ErrorCode::InvalidInput, tr("A vault cannot be restored from itself."));
    const LeftoverGuard backupLeftovers(backupPath);
    // The backup first, in full: a damaged one would only replace a vault with another.
    auto problems = VaultIntegrity::check(backupPath, busyTimeoutMs);
    if (!problems)
        return problems.error();
    if (!problems->isEmpty())
        return makeError(
            ErrorCode::VaultCorrupt,
            tr("The backup %1 is not whole (%2: %3); nothing was changed.")
                .arg(backupPath, problems->constFirst().check, problems->constFirst().detail));
    Connection backup;
    if (backup.open(backupPath, SQLITE_OPEN_READONLY) != SQLITE_OK)
        return makeError(ErrorCode::StorageError,
                         tr("Cannot read %1: %2.").arg(backupPath, backup.errorMessage()));
    const QString backupRoot = metaValue(backup.get(), "root_key");
    const int backupVersion = schemaVersionOf(backup.get()); // a newer one failed the check
    backup.close();

    // What the vault says now, as far as it can (a damaged one may say nothing).
    Connection live;
    if (live.open(vaultPath, SQLITE_OPEN_READWRITE) != SQLITE_OK)
        return makeError(ErrorCode::StorageError,
                         tr("Cannot open %1: %2.").arg(vaultPath, live.errorMessage()));
    sqlite3_busy_timeout(live.get(), busyTimeoutMs);
    const QString liveRoot = metaValue(live.get(), "root_key");
    const qint64 changeSeq = metaValue(live.get(), "change_seq").toLongLong();
    const qint64 usageSeq = metaValue(live.get(), "usage_seq").toLongLong();
    if (!liveRoot.isEmpty() && backupRoot.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            tr("%1 is not signed (it was made before vaults were signed), and this vault is: it "
               "cannot be told apart from another vault's backup, and restoring it would drop "
               "this vault's signatures and fingerprint; nothing was changed. Open the backup "
               "as a vault of its own to read it.")
                .arg(backupPath));
    if (!liveRoot.isEmpty() && liveRoot != backupRoot)
        return makeError(
            ErrorCode::InvalidInput,
            tr("%1 is a backup of another vault (fingerprint %2, this vault's is %3); nothing "
               "was changed.")
                .arg(backupPath,
                     SigningKey::fingerprint(QByteArray::fromBase64(backupRoot.toLatin1())),
                     SigningKey::fingerprint(QByteArray::fromBase64(liveRoot.toLatin1()))));

    // An older backup goes in through an upgraded copy of itself; the backup stays as it was.
    ScratchFile scratch;
    QString source = backupPath;
    if (backupVersion < Migrations::latestVersion()) {
        auto upgraded = upgradedCopy(backupPath, vaultPath, backupRoot, nowMs, busyTimeoutMs);
        if (!upgraded)
            return upgraded.error();
        scratch.adopt(*upgraded);
        source = *upgraded;
    }

    // Keep the vault as it is: checked like any backup, or byte for byte when it is damaged.
    RestoreSummary summary;
    summary.keptPath = freeName(vaultPath + QStringLiteral(".before-restore-")
                                + QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC)
                                      .toString(QStringLiteral("yyyyMMdd-HHmmss")));
    if (auto kept = VaultBackup::backup(vaultPath, summary.keptPath, busyTimeoutMs); !kept) {
        summary.keptChecked = false;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            if (QFileInfo::exists(vaultPath + suffix)
                && !QFile::copy(vaultPath + suffix, summary.keptPath + suffix))
                return makeError(ErrorCode::StorageError,
                                 tr("Cannot keep a copy of %1 as %2; nothing was changed.")
                                     .arg(vaultPath, summary.keptPath));
            QFile::setPermissions(summary.keptPath + suffix,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }

    // In place, through SQLite: processes that have the vault open see a change as from any
    // other writer, and a failure rolls back.
    // Read last, just before the copy: ids given out while the backup was checked, upgraded and
    // the vault kept count too.
    const Sequences sequences = sequencesOf(live.get());
    auto copied = copyPages(source, live.get(), busyTimeoutMs);
    if (!copied) {
        if (copied.error().code != ErrorCode::VaultCorrupt)
            return copied.error();
        // The vault is too damaged to be written through SQLite: a checked copy of the backup
        // takes its place (nobody can be using a damaged vault: every Keyward refuses it).
        live.close();
        const QString incoming = freeName(vaultPath + QStringLiteral(".restoring"));
        if (auto made = VaultBackup::backup(source, incoming, busyTimeoutMs); !made)
            return made.error();
        for (const char *suffix : {"-wal", "-shm"})
            QFile::remove(vaultPath + QLatin1String(suffix));
        if (::rename(QFile::encodeName(incoming).constData(),
                     QFile::encodeName(vaultPath).constData())
            != 0)
            return makeError(ErrorCode::StorageError,
                             tr("Cannot put the backup in place of %1: %2.")
                                 .arg(vaultPath, QString::fromLocal8Bit(strerror(errno))));
        if (live.open(vaultPath, SQLITE_OPEN_READWRITE) != SQLITE_OK)
            return makeError(ErrorCode::StorageError,
                             tr("Cannot open %1: %2.").arg(vaultPath, live.errorMessage()));
    }
    if (const QString failed = markRestored(live.get(), changeSeq, usageSeq, nowMs, sequences);
        !failed.isEmpty())
        return makeError(ErrorCode::StorageError,
                         tr("The backup was restored, but open windows and services may not "
                            "notice until they open %1 again: %2.")
                             .arg(vaultPath, failed));
    return summary;
}

} // namespace Keyward
