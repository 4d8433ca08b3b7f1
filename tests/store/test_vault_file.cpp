// Opening, refusing and creating vault files: refused files stay byte-identical.
#include "OlderSchema.h"
#include "StoreDatabase.h"
#include "VaultFixture.h"

#include "crypto/KeyToken.h"
#include "crypto/SecureRandom.h"
#include "crypto/Sha256.h"
#include "store/Migrations.h"
#include "store/SqlDialect.h"
#include "store/SqliteProcess.h"
#include "store/SqliteStatement.h"
#include "store/VaultFile.h"
#include "store/VaultIntegrity.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QtEndian>
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

// Runs statements on a plain Qt SQL connection, as a foreign program would.
class RawConnection
{
public:
    explicit RawConnection(const QString &path, const QString &name = QStringLiteral("raw"))
        : m_name(name)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=100"));
        if (!m_db.open())
            qFatal("raw open failed");
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        const bool ok = q.exec(sql);
        if (!ok)
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return ok;
    }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

QString closedVault(QTemporaryDir &dir, ManualClock &clock, int keys = 0)
{
    const QString path = dir.filePath(QStringLiteral("v.keyward"));
    auto store = SqlKeyStore::createVault(path, QStringLiteral("kw"), QStringLiteral("alice"),
                                          secret(kOwnerPassphrase), clock);
    if (!store)
        qFatal("create failed");
    for (int i = 0; i < keys; ++i) {
        NewKeyRequest r;
        r.name = QStringLiteral("key %1 ").arg(i) + QString(180, QLatin1Char('n'));
        r.role = Role::Developer;
        r.grants = QStringList {QStringLiteral("licenses:read")};
        if (!store.value()->createKey(r))
            qFatal("createKey failed");
    }
    return path;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

} // namespace

class TestVaultFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // As main() does, before this process's first SQLite connection.
        m_configuredFirst = SqliteProcess::configure();
    }
    void newVaultHasSchemaAndPrivateMode();
    void reopenKeepsData();
    void createRefusesExistingFileAndBadInput();
    void refusedFilesStayByteIdentical_data();
    void refusedFilesStayByteIdentical();
    void newerSchemaRefused();
    void versionOneVaultIsUpgraded();
    void versionTwoVaultIsUpgraded();
    void versionSevenVaultMovesUseIntoItsOwnTables();
    void truncatedVaultRefused();
    void checkpointCaughtHalfWayIsNotDamage_data();
    void checkpointCaughtHalfWayIsNotDamage();
    void lockedVaultRefusedOnOpen();
    void aStoppedCheckEndsItsStatement();
    void aStoppedCheckEndsItsWaitForALock();
    void writeBlockedByAnotherWriterReportsLocked();
    void openingACurrentVaultTakesNoWriteLock();
    void anUpgradeWaitsForAnotherProgramsUpgrade();
    void noSecretsInVaultFiles();
    void defaultPathIsInAppData();
    void readTransactionReadsOneSnapshot();
    void sqliteKeepsNoMemoryStatistics();
    void sharedReadSnapshotsSeeChangesOnceReleased();
    void aSharedSnapshotReadsTheChangeCounterOnce();
    void aOneSecretKeyIsCheckedFromItsLookUp();

private:
    bool m_configuredFirst = false;
};

void TestVaultFile::newVaultHasSchemaAndPrivateMode()
{
    VaultFixture f;
    auto version = Migrations::currentVersion(StoreDatabase::of(*f.store));
    QVERIFY(version);
    QCOMPARE(*version, Migrations::latestVersion());
    const QStringList tables = StoreDatabase::of(*f.store).tables();
    for (const char *table : {"schema_version", "vault_meta", "members", "grants", "role_grants",
                              "api_keys", "key_secrets", "audit_log"})
        QVERIFY2(tables.contains(QLatin1String(table)), table);
    QSqlQuery q(StoreDatabase::of(*f.store));
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(QFile::permissions(f.path)
                 & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE(f.store->prefix(), QStringLiteral("kw"));
    QVERIFY(!f.store->grantCatalogue().isEmpty());
}

// A vault written by the previous Keyward (schema 1: no usage feed, no refusals) opens, is
// upgraded in place and keeps its keys and their last use.
void TestVaultFile::versionOneVaultIsUpgraded()
{
    QTemporaryDir dir;
    ManualClock clock(1'800'000'000'000);
    const QString path = closedVault(dir, clock, 1);
    {
        RawConnection raw(path);
        for (const char *sql : OlderSchema::kBackToSeven)
            QVERIFY(raw.exec(QLatin1String(sql)));
        QVERIFY(raw.exec(QStringLiteral("UPDATE key_secrets SET last_used_at = 1700000000000, "
                                        "last_used_source = 'ci'")));
        QVERIFY(raw.exec(QStringLiteral("DROP INDEX key_secrets_usage_seq")));
        for (const char *column : {"usage_seq", "last_refused_at", "last_refused_outcome"})
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE key_secrets DROP COLUMN ")
                             + QLatin1String(column)));
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM vault_meta WHERE name = 'usage_seq'")));
        QVERIFY(raw.exec(QStringLiteral("ALTER TABLE api_keys DROP COLUMN allowed_ips")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE rate_buckets"))); // schema 4
        for (const char *sql : {"ALTER TABLE api_keys DROP COLUMN usage_epoch", // schema 7
                                "DROP TABLE signature_attestations", "DROP TABLE key_signatures",
                                "DROP TABLE audit_signatures", "DROP TABLE member_keys",
                                "DELETE FROM vault_meta WHERE name = 'root_key'"})
            QVERIFY(raw.exec(QLatin1String(sql))); // schema 5
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM schema_version WHERE version > 1")));
    }
    auto store = SqlKeyStore::openVault(path, clock);
    QVERIFY2(store, qPrintable(store.errorMessage()));
    auto version = Migrations::currentVersion(StoreDatabase::of(**store));
    QVERIFY(version);
    QCOMPARE(*version, Migrations::latestVersion());
    QCOMPARE(*(*store)->usageCounter(), qint64(0));
    auto keys = (*store)->listKeys();
    QVERIFY(keys);
    QCOMPARE(keys->size(), 1);
    const KeySecret &secret = keys->constFirst().secrets.constFirst();
    QCOMPARE(secret.lastUsedAtMs, std::optional<qint64>(1700000000000));
    QCOMPARE(secret.lastUsedSource, QStringLiteral("ci"));
    QVERIFY(!secret.lastRefusedAtMs);
    auto nothing = (*store)->usageSince(0);
    QVERIFY(nothing);
    QVERIFY(nothing->keys.isEmpty());
}

// A vault of schema 2 (no IP allowlists) is upgraded in place: its keys stay open to any
// address, and an allowlist can be set and read back afterwards.
void TestVaultFile::versionTwoVaultIsUpgraded()
{
    QTemporaryDir dir;
    ManualClock clock(1'800'000'000'000);
    const QString path = closedVault(dir, clock, 2);
    {
        RawConnection raw(path);
        for (const char *sql : OlderSchema::kBackToSeven)
            QVERIFY(raw.exec(QLatin1String(sql)));
        QVERIFY(raw.exec(QStringLiteral("ALTER TABLE api_keys DROP COLUMN allowed_ips")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE rate_buckets"))); // schema 4
        for (const char *sql : {"ALTER TABLE api_keys DROP COLUMN usage_epoch", // schema 7
                                "DROP TABLE signature_attestations", "DROP TABLE key_signatures",
                                "DROP TABLE audit_signatures", "DROP TABLE member_keys",
                                "DELETE FROM vault_meta WHERE name = 'root_key'"})
            QVERIFY(raw.exec(QLatin1String(sql))); // schema 5
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM schema_version WHERE version > 2")));
    }
    auto store = SqlKeyStore::openVault(path, clock);
    QVERIFY2(store, qPrintable(store.errorMessage()));
    auto version = Migrations::currentVersion(StoreDatabase::of(**store));
    QVERIFY(version);
    QCOMPARE(*version, 8);
    QCOMPARE(*version, Migrations::latestVersion());
    auto keys = (*store)->listKeys();
    QVERIFY(keys);
    QCOMPARE(keys->size(), 2);
    QVERIFY(keys->constFirst().allowedIps.isEmpty());
    QVERIFY((*store)->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
    const ApiKey &key = keys->constFirst();
    KeyEdit edit {key.name, key.notes, key.rateLimit, key.expiresAtMs};
    edit.allowedIps = *IpAllowlist::parseText(QStringLiteral("10.0.0.0/8"));
    auto edited = (*store)->editKey(key.id, key.version, edit);
    QVERIFY2(edited, qPrintable(edited.errorMessage()));
    QCOMPARE((*store)->key(key.id)->allowedIps.toStored(), QStringLiteral("10.0.0.0/8"));
}

// Schema 8 moves use out of the key and secret rows into tables of its own: what a schema-7 vault
// recorded (counts, epochs, last use and refusal, the window's sequence) is all still there, and
// the old columns and their index are gone.
void TestVaultFile::versionSevenVaultMovesUseIntoItsOwnTables()
{
    QTemporaryDir dir;
    ManualClock clock(1'800'000'000'000);
    const QString path = closedVault(dir, clock, 2);
    {
        RawConnection raw(path);
        for (const char *sql : OlderSchema::kBackToSeven)
            QVERIFY(raw.exec(QLatin1String(sql)));
        QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET usage_count = 4, usage_epoch = 2, "
                                        "usage_limit = 10 WHERE id = 1")));
        QVERIFY(raw.exec(QStringLiteral(
            "UPDATE key_secrets SET last_used_at = 1700000000000, last_used_source = 'ci', "
            "last_refused_at = 1700000001000, last_refused_outcome = 3, usage_seq = 5 WHERE "
            "key_id = 1")));
        QVERIFY(raw.exec(QStringLiteral("UPDATE vault_meta SET value = '5' WHERE name = "
                                        "'usage_seq'")));
    }
    auto store = SqlKeyStore::openVault(path, clock);
    QVERIFY2(store, qPrintable(store.errorMessage()));
    QSqlDatabase &db = StoreDatabase::of(**store);
    QCOMPARE(*Migrations::currentVersion(db), Migrations::latestVersion());
    for (const char *column : {"usage_count", "usage_epoch"})
        QVERIFY2(!db.record(QStringLiteral("api_keys")).contains(QLatin1String(column)), column);
    for (const char *column : {"last_used_at", "last_used_source", "last_refused_at",
                               "last_refused_outcome", "usage_seq"})
        QVERIFY2(!db.record(QStringLiteral("key_secrets")).contains(QLatin1String(column)), column);
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_schema WHERE name = "
                                  "'key_secrets_usage_seq'"))
            && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    // Only the key that had use has usage rows; the other reads as never used.
    QVERIFY(q.exec(QStringLiteral("SELECT key_id, usage_count, usage_epoch FROM key_usage"))
            && q.next());
    QCOMPARE(q.value(0).toLongLong(), qint64(1));
    QCOMPARE(q.value(1).toLongLong(), qint64(4));
    QCOMPARE(q.value(2).toLongLong(), qint64(2));
    QVERIFY(!q.next());
    q.finish();

    auto keys = (*store)->listKeys();
    QVERIFY(keys);
    QCOMPARE(keys->size(), 2);
    const ApiKey &used = keys->at(0);
    QCOMPARE(used.usageCount, qint64(4));
    const KeySecret &secret = used.secrets.constFirst();
    QCOMPARE(secret.lastUsedAtMs, std::optional<qint64>(1700000000000));
    QCOMPARE(secret.lastUsedSource, QStringLiteral("ci"));
    QCOMPARE(secret.lastRefusedAtMs, std::optional<qint64>(1700000001000));
    QCOMPARE(secret.lastRefusedOutcome, 3);
    const ApiKey &unused = keys->at(1);
    QCOMPARE(unused.usageCount, qint64(0));
    QVERIFY(!unused.secrets.constFirst().lastUsedAtMs);
    QCOMPARE(unused.secrets.constFirst().lastUsedSource, QString());

    // The window's feed still finds the key by the sequence it was stamped with.
    auto since = (*store)->usageSince(4);
    QVERIFY2(since, qPrintable(since.errorMessage()));
    QCOMPARE(since->keys.size(), 1);
    QCOMPARE(since->keys.constFirst().keyId, qint64(1));
    QCOMPARE(since->keys.constFirst().usageCount, qint64(4));
    QVERIFY((*store)->usageSince(5)->keys.isEmpty());
}

void TestVaultFile::reopenKeepsData()
{
    QTemporaryDir dir;
    ManualClock clock;
    const QString path = closedVault(dir, clock, 3);
    auto reopened = SqlKeyStore::openVault(path, clock);
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    QCOMPARE(reopened.value()->listKeys()->size(), 3);
    QCOMPARE(reopened.value()->prefix(), QStringLiteral("kw"));
    QVERIFY(reopened.value()->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
}

void TestVaultFile::createRefusesExistingFileAndBadInput()
{
    QTemporaryDir dir;
    ManualClock clock;
    const QString path = closedVault(dir, clock);
    const QByteArray before = fileDigest(path);
    auto again = SqlKeyStore::createVault(path, QStringLiteral("kw"), QStringLiteral("bob"),
                                          secret(kOwnerPassphrase), clock);
    QCOMPARE(again.code(), ErrorCode::VaultExists);
    QCOMPARE(fileDigest(path), before);
    const QString other = dir.filePath(QStringLiteral("other.keyward"));
    QCOMPARE(SqlKeyStore::createVault(other, QStringLiteral("KW!"), QStringLiteral("bob"),
                                      secret(kOwnerPassphrase), clock)
                 .code(),
             ErrorCode::InvalidInput);
    QCOMPARE(SqlKeyStore::createVault(other, QStringLiteral("kw"), QStringLiteral("bob"),
                                      secret("short"), clock)
                 .code(),
             ErrorCode::InvalidInput);
    QVERIFY(!QFile::exists(other));
}

void TestVaultFile::refusedFilesStayByteIdentical_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("expectedCode");
    QTest::newRow("missing") << QStringLiteral("missing") << int(ErrorCode::VaultNotFound);
    QTest::newRow("empty file") << QStringLiteral("empty") << int(ErrorCode::NotAVault);
    QTest::newRow("random bytes") << QStringLiteral("random") << int(ErrorCode::NotAVault);
    QTest::newRow("text file") << QStringLiteral("text") << int(ErrorCode::NotAVault);
    QTest::newRow("foreign sqlite") << QStringLiteral("foreign") << int(ErrorCode::NotAVault);
    QTest::newRow("damaged pages") << QStringLiteral("damaged") << int(ErrorCode::VaultCorrupt);
}

void TestVaultFile::refusedFilesStayByteIdentical()
{
    QFETCH(QString, kind);
    QFETCH(int, expectedCode);
    QTemporaryDir dir;
    ManualClock clock;
    QString path = dir.filePath(QStringLiteral("x.keyward"));
    if (kind == QLatin1String("empty")) {
        writeFile(path, {});
    } else if (kind == QLatin1String("random")) {
        writeFile(path, SecureRandom::bytes(8192));
    } else if (kind == QLatin1String("text")) {
        writeFile(path, "name,key\nfoo,bar\n");
    } else if (kind == QLatin1String("foreign")) {
        RawConnection raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO notes (body) VALUES ('hello')")));
    } else if (kind == QLatin1String("damaged")) {
        path = closedVault(dir, clock, 40);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        // Overwrite the middle of the file (b-tree pages) with garbage, keep the header.
        const qint64 size = file.size();
        QVERIFY(size > 16384);
        file.seek(4096);
        file.write(QByteArray(int(size - 8192), '\xA5'));
    }
    const bool existed = QFile::exists(path);
    const QByteArray before = fileDigest(path);
    auto opened = SqlKeyStore::openVault(path, clock);
    QVERIFY(!opened);
    QCOMPARE(int(opened.code()), expectedCode);
    QVERIFY(!opened.errorMessage().isEmpty());
    QCOMPARE(QFile::exists(path), existed);
    QCOMPARE(fileDigest(path), before);
    // Nothing left beside it either: refused connections once left an empty -wal and a -shm.
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
}

void TestVaultFile::newerSchemaRefused()
{
    QTemporaryDir dir;
    ManualClock clock;
    const QString path = closedVault(dir, clock, 1);
    {
        RawConnection raw(path);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_version VALUES (99, 0)")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray before = fileDigest(path);
    auto opened = SqlKeyStore::openVault(path, clock);
    QCOMPARE(opened.code(), ErrorCode::VaultTooNew);
    QVERIFY(opened.errorMessage().contains(QStringLiteral("newer")));
    QCOMPARE(fileDigest(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
}

void TestVaultFile::truncatedVaultRefused()
{
    QTemporaryDir dir;
    ManualClock clock;
    const QString path = closedVault(dir, clock, 60);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() / 2));
    file.close();
    const QByteArray before = fileDigest(path);
    auto opened = SqlKeyStore::openVault(path, clock);
    QCOMPARE(opened.code(), ErrorCode::VaultCorrupt);
    QVERIFY2(opened.errorMessage().contains(QStringLiteral("truncated")),
             qPrintable(opened.errorMessage()));
    QVERIFY(opened.errorMessage().contains(path));
    QCOMPARE(fileDigest(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
}

void TestVaultFile::checkpointCaughtHalfWayIsNotDamage_data()
{
    QTest::addColumn<int>("check");
    QTest::newRow("whole file") << int(VaultCheck::WholeFile);
    QTest::newRow("header") << int(VaultCheck::Header);
}

void TestVaultFile::checkpointCaughtHalfWayIsNotDamage()
{
    // A checkpoint copies the WAL's pages into the file in page order: page 1, which holds the
    // new page count, before the pages that grow the file. Another process opening the vault
    // then sees a header that promises more pages than the file has, while the vault is
    // healthy (SQLite reads those pages from the WAL). Built here exactly: a copy of a vault
    // and its WAL, with the WAL's newest page 1 already written into the file.
    QFETCH(int, check);
    VaultFixture f;
    QSqlQuery q(StoreDatabase::of(*f.store));
    QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    q.finish();
    for (int i = 0; i < 40; ++i)
        QVERIFY(
            f.store->createKey(f.request(QStringLiteral("key %1 ").arg(i) + QString(150, u'n'))));
    const QString copy = f.dir.filePath(QStringLiteral("copy.keyward"));
    QVERIFY(QFile::copy(f.path, copy));
    QVERIFY(QFile::copy(f.path + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
    QFile wal(copy + QStringLiteral("-wal"));
    QVERIFY(wal.open(QIODevice::ReadOnly));
    const QByteArray frames = wal.readAll();
    wal.close();
    const quint32 pageSize = qFromBigEndian<quint32>(frames.constData() + 8);
    QByteArray pageOne;
    for (qsizetype at = 32; at + 24 + pageSize <= quint32(frames.size()); at += 24 + pageSize) {
        if (qFromBigEndian<quint32>(frames.constData() + at) == 1)
            pageOne = frames.mid(at + 24, pageSize);
    }
    QCOMPARE(quint32(pageOne.size()), pageSize);
    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.write(pageOne) == pageOne.size());
    file.close();
    // The half-way state: by plain reads, the file is shorter than its header says.
    QVERIFY(!VaultFile::damageDetail(copy).isEmpty());

    VaultOptions options;
    options.check = VaultCheck(check);
    auto opened = SqlKeyStore::openVault(copy, f.clock, options);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QVERIFY(opened.value()->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
    QCOMPARE(opened.value()->listKeys()->size(), 40);
}

void TestVaultFile::lockedVaultRefusedOnOpen()
{
    QTemporaryDir dir;
    ManualClock clock;
    const QString path = closedVault(dir, clock, 1);
    const QByteArray before = fileDigest(path);
    {
        // Another program holds the vault exclusively (locking_mode=EXCLUSIVE keeps readers out).
        RawConnection raw(path, QStringLiteral("locker"));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
        QVERIFY(raw.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(
            raw.exec(QStringLiteral("UPDATE vault_meta SET value = value WHERE name = 'prefix'")));
        VaultOptions options;
        options.busyTimeoutMs = 200;
        auto opened = SqlKeyStore::openVault(path, clock, options);
        QCOMPARE(opened.code(), ErrorCode::VaultLocked);
        QVERIFY(opened.errorMessage().contains(QStringLiteral("locked")));
        QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
    }
    QCOMPARE(fileDigest(path), before);
}

// A window leaving a large vault stops its full check (IntegrityCheckRun) rather than waiting
// seconds for a verdict nobody wants.
void TestVaultFile::aStoppedCheckEndsItsStatement()
{
    QTemporaryDir dir;
    ManualClock clock;
    const QString path = closedVault(dir, clock, 1);
    {
        // Enough rows (and an index to compare them with) for integrity_check to take a while.
        RawConnection raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE ballast (b BLOB)")));
        QVERIFY(raw.exec(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
            "INSERT INTO ballast SELECT randomblob(64) FROM n")));
        QVERIFY(raw.exec(QStringLiteral("CREATE INDEX ballast_b ON ballast (b)")));
    }
    const QByteArray before = fileDigest(path);
    std::atomic<bool> stop {false};
    QElapsedTimer timer;
    timer.start();
    const auto whole = VaultIntegrity::check(path, 5000, &stop);
    const qint64 wholeMs = timer.elapsed();
    QVERIFY2(whole, qPrintable(whole.errorMessage()));
    QVERIFY(whole->isEmpty());

    // Stopped while integrity_check runs (the flag set from another thread, as the window does).
    std::thread stopper([&stop, wholeMs] {
        std::this_thread::sleep_for(std::chrono::milliseconds(wholeMs / 10));
        stop = true;
    });
    timer.restart();
    const auto stopped = VaultIntegrity::check(path, 5000, &stop);
    const qint64 stoppedMs = timer.elapsed();
    stopper.join();
    QVERIFY(!stopped);
    QCOMPARE(stopped.code(), ErrorCode::StorageError);
    QVERIFY2(stopped.errorMessage().contains(QStringLiteral("was stopped")),
             qPrintable(stopped.errorMessage()));
    // It ended with the statement, not after the rest of the check.
    QVERIFY2(stoppedMs < wholeMs / 2,
             qPrintable(QStringLiteral("%1 ms stopped, %2 ms whole").arg(stoppedMs).arg(wholeMs)));
    QCOMPARE(fileDigest(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
}

void TestVaultFile::aStoppedCheckEndsItsWaitForALock()
{
    QTemporaryDir dir;
    ManualClock clock;
    const QString path = closedVault(dir, clock, 1);
    RawConnection raw(path, QStringLiteral("locker"));
    QVERIFY(raw.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
    QVERIFY(raw.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    QVERIFY(raw.exec(QStringLiteral("UPDATE vault_meta SET value = value WHERE name = 'prefix'")));
    std::atomic<bool> stop {false};
    std::thread stopper([&stop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        stop = true;
    });
    QElapsedTimer timer;
    timer.start();
    // Without the stop it would wait the whole minute for the lock.
    const auto checked = VaultIntegrity::check(path, 60000, &stop);
    stopper.join();
    QVERIFY(!checked);
    QVERIFY2(checked.errorMessage().contains(QStringLiteral("was stopped")),
             qPrintable(checked.errorMessage()));
    QVERIFY(timer.elapsed() < 30000);
    QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
    // Unstopped, a short wait for the same lock still ends as "locked".
    QVERIFY(raw.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    QVERIFY(raw.exec(QStringLiteral("UPDATE vault_meta SET value = value WHERE name = 'prefix'")));
    const auto locked = VaultIntegrity::check(path, 200);
    QCOMPARE(locked.code(), ErrorCode::VaultLocked);
    QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
}

void TestVaultFile::writeBlockedByAnotherWriterReportsLocked()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("k")));
    QVERIFY(issued);
    VaultOptions shortWait;
    shortWait.busyTimeoutMs = 150;
    auto second = SqlKeyStore::openVault(f.path, f.clock, shortWait);
    QVERIFY(second);
    QVERIFY(second.value()->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
    RawConnection raw(f.path, QStringLiteral("writer"));
    QVERIFY(raw.exec(QStringLiteral("BEGIN IMMEDIATE")));
    auto blocked = second.value()->revokeKey(issued->key.id, 1);
    QCOMPARE(blocked.code(), ErrorCode::VaultLocked);
    QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
    QCOMPARE(f.store->key(issued->key.id)->state, KeyState::Active); // nothing written
    QVERIFY(second.value()->revokeKey(issued->key.id, 1)); // and it works once free
}

// Opening a vault whose schema is current only reads: while another program holds the write lock
// (busy verifiers recording usage), it opens and verifies instead of failing as locked.
void TestVaultFile::openingACurrentVaultTakesNoWriteLock()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("k")));
    QVERIFY(issued);
    VaultOptions shortWait;
    shortWait.busyTimeoutMs = 150;
    shortWait.upgradeBusyTimeoutMs = 150;
    RawConnection raw(f.path, QStringLiteral("writer"));
    QVERIFY(raw.exec(QStringLiteral("BEGIN IMMEDIATE")));
    auto opened = SqlKeyStore::openVault(f.path, f.clock, shortWait);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    auto found = opened.value()->findSecret(Sha256::hash(issued->token));
    QVERIFY(found && found->has_value());
    QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));

    // A vault behind the schema still upgrades, under the write lock.
    for (const char *sql : OlderSchema::kBackToSeven)
        QVERIFY(raw.exec(QLatin1String(sql)));
    opened.value().reset();
    QVERIFY(raw.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QCOMPARE(SqlKeyStore::openVault(f.path, f.clock, shortWait).code(), ErrorCode::VaultLocked);
    QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
    opened = SqlKeyStore::openVault(f.path, f.clock, shortWait);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QSqlDatabase &db = StoreDatabase::of(*opened.value());
    QCOMPARE(*Migrations::currentVersion(db), Migrations::latestVersion());
    QVERIFY(db.record(QStringLiteral("key_usage")).contains(QStringLiteral("usage_epoch")));
}

// Opening a vault behind the schema while another program upgrades it (6.5 s for 1,000,000 keys):
// the open waits for that program's write lock, longer than a write's busy timeout, instead of
// failing every verify started meanwhile as "locked"; then it finds the upgrade done and does
// not apply it again, and its busy timeout is the write's again.
void TestVaultFile::anUpgradeWaitsForAnotherProgramsUpgrade()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("k")));
    QVERIFY(issued);
    f.store.reset();
    RawConnection raw(f.path, QStringLiteral("upgrader"));
    for (const char *sql : OlderSchema::kBackToSeven)
        QVERIFY(raw.exec(QLatin1String(sql)));
    QVERIFY(raw.exec(QStringLiteral("BEGIN IMMEDIATE")));
    const qint64 upgradedAt = 12345; // the other program's clock, in schema_version
    const auto upgraded =
        Migrations::applyPending(raw.db(), SqlDialect(SqlEngine::Sqlite), upgradedAt);
    QVERIFY2(upgraded, qPrintable(upgraded.errorMessage()));
    VaultOptions options;
    options.busyTimeoutMs = 150;
    options.upgradeBusyTimeoutMs = 20000;
    // The store is opened, looked at and closed in the thread: a connection belongs to one.
    QString problem = QStringLiteral("not run");
    int version = 0;
    QVariantList appliedAt;
    int busyTimeoutAfter = 0;
    bool keyFound = false;
    std::atomic<bool> done {false};
    std::thread opening([&] {
        auto opened = SqlKeyStore::openVault(f.path, f.clock, options);
        done = true;
        if (!opened) {
            problem = opened.errorMessage();
            return;
        }
        problem.clear();
        QSqlDatabase &db = StoreDatabase::of(*opened.value());
        const auto current = Migrations::currentVersion(db);
        version = current ? *current : 0;
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT applied_at FROM schema_version WHERE version = %1")
                   .arg(Migrations::latestVersion()));
        while (q.next())
            appliedAt.append(q.value(0));
        busyTimeoutAfter =
            q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next() ? q.value(0).toInt() : -1;
        q.finish();
        auto found = opened.value()->findSecret(Sha256::hash(issued->token));
        keyFound = found && found->has_value();
    });
    QTest::qWait(600); // four times the busy timeout
    const bool waited = !done;
    const bool committed = raw.exec(QStringLiteral("COMMIT"));
    opening.join(); // before any check can return: a joinable thread would end the process
    QVERIFY(committed);
    QVERIFY2(waited, "the open did not wait for the upgrade");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(version, Migrations::latestVersion());
    QCOMPARE(appliedAt.size(), 1); // applied once: by the other program, at its time
    QCOMPARE(appliedAt.at(0).toLongLong(), upgradedAt);
    QCOMPARE(busyTimeoutAfter, 150);
    QVERIFY(keyFound);
}

void TestVaultFile::noSecretsInVaultFiles()
{
    QTemporaryDir dir;
    ManualClock clock;
    const QString path = dir.filePath(QStringLiteral("s.keyward"));
    QList<QByteArray> tokens;
    QByteArray someHash;
    {
        auto store = SqlKeyStore::createVault(path, QStringLiteral("kw"), QStringLiteral("alice"),
                                              secret(kOwnerPassphrase), clock);
        QVERIFY(store);
        for (int i = 0; i < 100; ++i) {
            NewKeyRequest r;
            r.name = QStringLiteral("key %1").arg(i);
            r.environment = kAllEnvironments[i % 3];
            r.role = Role::Developer;
            r.grants = QStringList {QStringLiteral("licenses:read")};
            auto issued = store.value()->createKey(r);
            QVERIFY(issued);
            tokens.append(QByteArray(issued->token.data(), int(issued->token.size())));
            someHash = Sha256::hash(issued->token);
        }
        // Leave the WAL in place too: it is part of what a thief would copy.
        QByteArray all;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile file(path + suffix);
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        QVERIFY(all.contains(someHash)); // proves the search can see stored bytes
        for (const QByteArray &token : tokens) {
            QVERIFY(!all.contains(token));
            QVERIFY(!all.contains(token.mid(token.lastIndexOf('_') + 1, 20))); // no body fragment
        }
        QVERIFY(!all.contains(QByteArray(kOwnerPassphrase)));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray closed = file.readAll();
    QVERIFY(closed.contains(someHash));
    for (const QByteArray &token : tokens)
        QVERIFY(!closed.contains(token));
    QVERIFY(!closed.contains(QByteArray(kOwnerPassphrase)));
}

void TestVaultFile::defaultPathIsInAppData()
{
    const QString path = VaultFile::defaultPath();
    QVERIFY(path.endsWith(QStringLiteral("/keyward/vault.keyward")));
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)));
}

// A verifier's look-up and its check of the signed row run in one SqliteReadTransaction: they
// read one snapshot, whatever another process commits meanwhile, and it ends when it goes. Inside
// a transaction someone else began it begins and ends nothing.
void TestVaultFile::readTransactionReadsOneSnapshot()
{
    VaultFixture f;
    QSqlDatabase &db = StoreDatabase::of(*f.store);
    auto changeSeq = SqliteStatement::prepare(
        sqliteHandle(db), "SELECT value FROM vault_meta WHERE name = 'change_seq'", false);
    QVERIFY(changeSeq);
    const auto read = [&]() {
        const QString value = changeSeq->step() ? changeSeq->text(0) : QString();
        changeSeq->reset();
        return value;
    };
    auto other = f.openSecond();
    QString before;
    {
        const SqliteReadTransaction snapshot(sqliteHandle(db));
        before = read();
        QVERIFY(other->createKey(makeRequest(*other, f.clock, QStringLiteral("meanwhile"))));
        QCOMPARE(read(), before); // still the snapshot
    }
    QVERIFY(read() != before); // ended: the other process's change is seen
    QSqlQuery outer(db);
    QVERIFY(outer.exec(QStringLiteral("BEGIN")));
    {
        const SqliteReadTransaction nested(sqliteHandle(db));
        QVERIFY(!read().isEmpty());
    }
    QVERIFY2(outer.exec(QStringLiteral("COMMIT")), qPrintable(outer.lastError().text()));
    // A null connection (another engine) begins nothing.
    const SqliteReadTransaction none(nullptr);
}

// A pipeline's look-ups share read snapshots (SqlKeyStore::shareReadSnapshots). Another process's
// change is seen once the snapshot is released, by the caller or after kLookupsPerSnapshot
// look-ups; a write on the sharing store itself ends the snapshot rather than failing in it.
void TestVaultFile::sharedReadSnapshotsSeeChangesOnceReleased()
{
    VaultFixture f;
    auto issued = f.store->createKey(makeRequest(*f.store, f.clock, QStringLiteral("shared")));
    QVERIFY(issued);
    const QByteArray hash = Sha256::hash(issued->token);
    auto verifier = f.openSecond();
    QVERIFY(verifier);
    const auto stateSeen = [&]() -> std::optional<KeyState> {
        auto found = verifier->findSecret(hash);
        if (!found || !found->has_value())
            return std::nullopt;
        return (*found)->key.state;
    };
    verifier->shareReadSnapshots(true);
    QCOMPARE(stateSeen(), std::optional(KeyState::Active));
    auto changed = f.store->setKeyActive(issued->key.id, issued->key.version, false);
    QVERIFY(changed);
    QCOMPARE(stateSeen(), std::optional(KeyState::Active)); // the same snapshot
    verifier->releaseReadSnapshot();
    QCOMPARE(stateSeen(), std::optional(KeyState::Inactive));

    // The change counter, which caches poll to forget changed keys, reads the newest data: with
    // every answer cached, no look-up would end the snapshot.
    changed = f.store->setKeyActive(issued->key.id, changed->version, true);
    QVERIFY(changed);
    QCOMPARE(stateSeen(), std::optional(KeyState::Inactive));
    auto counter = verifier->changeCounter();
    QVERIFY(counter);
    QCOMPARE(*counter, *f.store->changeCounter());
    QCOMPARE(stateSeen(), std::optional(KeyState::Active));

    // Without either, the snapshot ends after kLookupsPerSnapshot look-ups.
    changed = f.store->setKeyActive(issued->key.id, changed->version, false);
    QVERIFY(changed);
    int stale = 0;
    while (stateSeen() == std::optional(KeyState::Active))
        QVERIFY(++stale <= SqlKeyStore::kLookupsPerSnapshot);
    QVERIFY(stale >= SqlKeyStore::kLookupsPerSnapshot - 1);
    QCOMPARE(stateSeen(), std::optional(KeyState::Inactive));

    // Its own change, inside a shared snapshot: written, and then seen.
    auto current = verifier->key(issued->key.id);
    QVERIFY(current);
    auto revoked = verifier->revokeKey(issued->key.id, current->version);
    QVERIFY2(revoked, qPrintable(revoked.errorMessage()));
    QCOMPARE(stateSeen(), std::optional(KeyState::Revoked));
    verifier->shareReadSnapshots(false);
}

namespace {

// The statements a connection runs (sqlite3_trace_v2), counted by what their SQL contains.
class StatementCounter
{
public:
    explicit StatementCounter(sqlite3 *db)
        : m_db(db)
    {
        sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &StatementCounter::onStatement, this);
    }
    ~StatementCounter() { sqlite3_trace_v2(m_db, 0, nullptr, nullptr); }
    int count(const char *needle) const
    {
        return int(std::count_if(m_statements.cbegin(), m_statements.cend(),
                                 [needle](const QByteArray &sql) { return sql.contains(needle); }));
    }

private:
    static int onStatement(unsigned, void *context, void *statement, void *)
    {
        auto *self = static_cast<StatementCounter *>(context);
        self->m_statements.append(QByteArray(sqlite3_sql(static_cast<sqlite3_stmt *>(statement))));
        return 0;
    }

    sqlite3 *m_db;
    QVector<QByteArray> m_statements;
};

} // namespace

// Every first look-up of a signed vault checks the key's signature under the vault's trust,
// reloaded when the change counter moved. Within one shared snapshot the counter cannot move, so
// it is read once per snapshot, not once per key; a new snapshot reads it again, and sees a
// change another process made.
void TestVaultFile::aSharedSnapshotReadsTheChangeCounterOnce()
{
    VaultFixture f;
    QVector<QByteArray> hashes;
    ApiKey last;
    for (int i = 0; i < 4; ++i) {
        auto issued =
            f.store->createKey(makeRequest(*f.store, f.clock, QStringLiteral("key %1").arg(i)));
        QVERIFY(issued);
        hashes.append(Sha256::hash(issued->token));
        last = issued->key;
    }
    auto verifier = f.openSecond();
    QVERIFY(verifier);
    const StatementCounter statements(sqliteHandle(StoreDatabase::of(*verifier)));
    const auto counterReads = [&statements] {
        return statements.count("name = 'change_seq'");
    };
    const auto found = [&](const QByteArray &hash) {
        auto match = verifier->findSecret(hash);
        return match && match->has_value();
    };
    verifier->shareReadSnapshots(true);
    for (const QByteArray &hash : std::as_const(hashes))
        QVERIFY(found(hash));
    QCOMPARE(counterReads(), 1);

    // Another process revokes the last key: the next snapshot reads the counter again.
    QVERIFY(f.store->revokeKey(last.id, last.version));
    verifier->releaseReadSnapshot();
    QVERIFY(found(hashes.constFirst()));
    QCOMPARE(counterReads(), 2);
    auto revoked = verifier->findSecret(hashes.constLast());
    QVERIFY(revoked && revoked->has_value());
    QCOMPARE((*revoked)->key.state, KeyState::Revoked);
    QCOMPARE(counterReads(), 2);

    // Without shared snapshots, each check reads it (its own snapshot each time).
    verifier->shareReadSnapshots(false);
    QVERIFY(found(hashes.at(1)));
    QVERIFY(found(hashes.at(2)));
    QCOMPARE(counterReads(), 4);
}

// A first verification reads what the key's signature covers in the look-up's own statement
// when the key has one secret: no statement of the signature check's own for the key row or its
// secrets. A key with two secrets (regenerated, in its grace period) has them read apart. Both
// verify.
void TestVaultFile::aOneSecretKeyIsCheckedFromItsLookUp()
{
    VaultFixture f;
    auto single = f.store->createKey(makeRequest(*f.store, f.clock, QStringLiteral("single")));
    QVERIFY(single);
    auto issued = f.store->createKey(makeRequest(*f.store, f.clock, QStringLiteral("double")));
    QVERIFY(issued);
    auto regenerated = f.store->regenerateKey(issued->key.id, issued->key.version, kDayMs);
    QVERIFY(regenerated);
    auto verifier = f.openSecond();
    QVERIFY(verifier);
    const StatementCounter statements(sqliteHandle(StoreDatabase::of(*verifier)));
    const char keyRow[] = "WHERE k.id = ?";
    const char secrets[] = "FROM key_secrets WHERE key_id = ?";
    Verifier verify(*verifier, f.clock);
    const auto outcome = [&](const SecretString &token) {
        auto result = verify.verify(token, Environment::Production, {}, QString());
        return result ? result->outcome : VerifyOutcome::NotFound;
    };
    QCOMPARE(outcome(single->token), VerifyOutcome::Valid);
    QCOMPARE(statements.count("WHERE s.hash = ?"), 1);
    QCOMPARE(statements.count(keyRow), 0);
    QCOMPARE(statements.count(secrets), 0);

    QCOMPARE(outcome(regenerated->token), VerifyOutcome::Valid);
    QCOMPARE(outcome(issued->token), VerifyOutcome::Valid); // the old secret, in its grace period
    QCOMPARE(statements.count("WHERE s.hash = ?"), 3);
    QCOMPARE(statements.count(keyRow), 2);
    QCOMPARE(statements.count(secrets), 2);
}

// The process-wide settings main() makes: memory statistics off (their global mutex was a tenth of
// a pipeline's CPU), and once SQLite is in use, no later call changes anything.
void TestVaultFile::sqliteKeepsNoMemoryStatistics()
{
    QVERIFY(m_configuredFirst);
    VaultFixture f;
    QVERIFY(f.store->createKey(makeRequest(*f.store, f.clock, QStringLiteral("stats"))));
    QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0)); // counted only with statistics on
    QVERIFY(!SqliteProcess::configure());
    QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
}

QTEST_GUILESS_MAIN(TestVaultFile)
#include "test_vault_file.moc"
