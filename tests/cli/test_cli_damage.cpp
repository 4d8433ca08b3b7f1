// keywardctl and damage: a healthy vault in concurrent use is never called damaged, and a
// damaged one (bytes flipped in the secret-hash index, pages swapped, cut off) never answers a
// wrong verdict, is never written, and says so.
#include "CliRunner.h"
#include "OlderSchema.h"
#include "store/Migrations.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

namespace {

const QString kOwnerPassphrase = QStringLiteral("correct horse battery");
const QRegularExpression kTokenLine(QStringLiteral("^(kw_(live|stg|dev)_[0-9A-Za-z]{49})\\n$"));

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

QList<qsizetype> occurrences(const QByteArray &haystack, const QByteArray &needle)
{
    QList<qsizetype> found;
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
        found.append(at);
    return found;
}

// A vault with a few keys, closed; the token and the SHA-256 the vault stores for it.
struct DamageVault
{
    QTemporaryDir home;
    std::unique_ptr<CliRunner> cli;
    QString path;
    QString token;
    QString healthyToken; // another key's, whose look-up the damage does not touch
    QByteArray hash;
    qint64 keyId = 0;
};

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result.append(QString::fromUtf8(item));
    return result;
}

} // namespace

class TestCliDamage : public QObject
{
    Q_OBJECT

private:
    QString createKey(const CliRunner &cli, const QString &name)
    {
        const CliRunner::Run run = cli.run(
            QStringList {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--name"),
                         name, QStringLiteral("--env"), QStringLiteral("live"),
                         QStringLiteral("--role"), QStringLiteral("developer")});
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        if (run.exitCode != 0 || !match.hasMatch()) {
            qWarning("%s", run.describe().constData());
            return {};
        }
        return match.captured(1);
    }

    std::unique_ptr<CliRunner> newVault(QTemporaryDir &home)
    {
        auto cli = std::make_unique<CliRunner>(home.path());
        cli->setEnvironment(QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPassphrase);
        cli->setEnvironment(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        const CliRunner::Run run = cli->run(args({"init", "--prefix", "kw", "--owner", "alice"}));
        if (run.exitCode != 0)
            qWarning("%s", run.describe().constData());
        return cli;
    }

    // The vault after its last process closed: one file, no -wal or -shm.
    static bool isClosed(const QString &path)
    {
        return QFileInfo::exists(path) && !QFileInfo::exists(path + QStringLiteral("-wal"))
            && !QFileInfo::exists(path + QStringLiteral("-shm"));
    }

    // Runs `command` on the damaged vault at `path`: it must exit 3, say the vault is damaged,
    // name the file, change nothing and leave nothing beside it.
    void expectDamaged(const CliRunner &cli, const QString &path, const QStringList &command,
                       const QByteArray &input = {})
    {
        const QByteArray before = fileBytes(path);
        const CliRunner::Run run = cli.run(command, input);
        QVERIFY2(run.exitCode == 3, run.describe().constData());
        QVERIFY2(run.errText().contains(QStringLiteral("damaged")), run.describe().constData());
        QVERIFY2(run.errText().contains(path), run.describe().constData());
        QVERIFY2(!run.errText().contains(QStringLiteral("Wrong member name")),
                 run.describe().constData());
        QVERIFY2(fileBytes(path) == before, "the damaged vault was written");
        QVERIFY2(isClosed(path), "a -wal or -shm was left beside the damaged vault");
    }

    // Six keys; the one to damage is in the middle.
    void makeVault(DamageVault &vault)
    {
        vault.cli = newVault(vault.home);
        vault.path = vault.cli->defaultVaultPath();
        for (int i = 0; i < 6; ++i) {
            const QString token = createKey(*vault.cli, QStringLiteral("key %1").arg(i));
            QVERIFY(!token.isEmpty());
            if (i == 3)
                vault.token = token;
            else if (i == 0)
                vault.healthyToken = token;
        }
        vault.hash = QCryptographicHash::hash(vault.token.toUtf8(), QCryptographicHash::Sha256);
        const CliRunner::Run run = vault.cli->run(
            QStringList {QStringLiteral("--json"), QStringLiteral("verify"),
                         QStringLiteral("--env"), QStringLiteral("live"), vault.token});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        vault.keyId = run.json().value(QStringLiteral("key_id")).toInteger();
        QVERIFY(vault.keyId > 1);
        QVERIFY(isClosed(vault.path));
    }

    // Where the secret's hash is in the file: its row in key_secrets, and its index entry,
    // which is the copy followed by the row's id (a one-byte integer: small ids).
    static void locateHash(const DamageVault &vault, qsizetype *row, qsizetype *index)
    {
        const QByteArray bytes = fileBytes(vault.path);
        *row = *index = -1;
        for (qsizetype at : occurrences(bytes, vault.hash)) {
            if (quint8(bytes.at(at + vault.hash.size())) == quint8(vault.keyId))
                *index = at;
            else
                *row = at;
        }
    }

    static bool flip(const QString &path, qsizetype at, char mask = '\xff')
    {
        QByteArray bytes = fileBytes(path);
        bytes[at] = char(bytes.at(at) ^ mask);
        return writeBytes(path, bytes);
    }

    QStringList verifyCommand(const DamageVault &vault) const
    {
        return QStringList {QStringLiteral("verify"), QStringLiteral("--env"),
                            QStringLiteral("live"), vault.token};
    }

private Q_SLOTS:
    void concurrentUseIsNeverCalledDamaged();
    void flippedIndexByteIsDamageNotNotFound();
    void vaultCheckPassesAHealthyVaultAndChangesNothing();
    void usageOfEarlierKeysIsNotWrittenAfterDamage();
    void flippedIndexRowidIsDamageNotAnotherKey();
    void flippedTableHashIsDamage();
    void swappedPagesNameTheFileAndTheDamage();
    void damagedMemberRowIsDamageNotWrongPassphrase();
    void truncatedVaultIsDamageAndLeavesNothing();
    void aVerifyWaitsForAnUpgradeInProgress();
};

void TestCliDamage::concurrentUseIsNeverCalledDamaged()
{
    // Writers grow the file while verifiers open it: every process's last close checkpoints,
    // writing page 1 (the new page count) before the pages that grow the file. A check of the
    // header against the file size made without SQLite's locks caught that half-way and called
    // the vault damaged (exit 3) while integrity_check said ok. Bounded by counts, not time.
    QTemporaryDir home;
    auto cli = newVault(home);
    const QString token = createKey(*cli, QStringLiteral("probe"));
    QVERIFY(!token.isEmpty());

    constexpr int kWriters = 3;
    constexpr int kCreatesEach = 10;
    constexpr int kVerifyRuns = 40;
    QAtomicInteger<int> writersLeft = kWriters;
    QAtomicInteger<int> failures = 0;
    QStringList problems;
    QMutex problemsMutex;
    auto report = [&](const CliRunner::Run &run) {
        failures.fetchAndAddRelaxed(1);
        QMutexLocker lock(&problemsMutex);
        if (problems.size() < 5)
            problems.append(QString::fromUtf8(run.describe()));
    };
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            for (int i = 0; i < kCreatesEach; ++i) {
                const CliRunner::Run run = cli->run(QStringList {
                    QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--env"),
                    QStringLiteral("live"), QStringLiteral("--role"), QStringLiteral("developer"),
                    QStringLiteral("--name"),
                    QStringLiteral("w%1-%2 ").arg(w).arg(i) + QString(150, QLatin1Char('x'))});
                if (run.exitCode != 0 || run.crashed)
                    report(run);
            }
            writersLeft.fetchAndSubRelaxed(1);
        });
    }
    for (int v = 0; v < 2; ++v) {
        threads.emplace_back([&] {
            // At least kVerifyRuns, and on until the writers are done.
            for (int i = 0; i < kVerifyRuns || writersLeft.loadRelaxed() > 0; ++i) {
                const CliRunner::Run run = cli->run(args({"verify", "--env", "live", "-"}),
                                                    (token + QLatin1Char('\n')).toUtf8());
                if (run.exitCode != 0 || run.crashed)
                    report(run);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QVERIFY2(failures.loadRelaxed() == 0,
             qPrintable(QStringLiteral("%1 runs failed, e.g.\n").arg(failures.loadRelaxed())
                        + problems.join(QLatin1Char('\n'))));
}

void TestCliDamage::flippedIndexByteIsDamageNotNotFound()
{
    // One byte of the secret's index entry flipped: the look-up through the index misses a key
    // the table holds. That answered NotFound (401) and wrote a request-log row into the file.
    DamageVault vault;
    makeVault(vault);
    qsizetype row = -1;
    qsizetype index = -1;
    locateHash(vault, &row, &index);
    QVERIFY(row >= 0 && index >= 0);
    QVERIFY(flip(vault.path, index + 16));
    expectDamaged(*vault.cli, vault.path, verifyCommand(vault));
    expectDamaged(*vault.cli, vault.path, args({"verify", "--env", "live", "-"}),
                  (vault.token + u'\n').toUtf8());
    // Admin commands, which write, compare the secret index with its table on open (quick_check
    // does not): `key list` answered 0, and `key create` would have written into the file.
    expectDamaged(*vault.cli, vault.path, args({"key", "list"}));
    // The full check finds it too (integrity_check compares every index with its table).
    expectDamaged(*vault.cli, vault.path, args({"vault", "check"}));
    const CliRunner::Run json = vault.cli->run(args({"--json", "vault", "check"}));
    QCOMPARE(json.exitCode, 3);
    const QJsonObject report = json.jsonLines().value(0);
    QCOMPARE(report.value(QStringLiteral("intact")).toBool(true), false);
    const QJsonArray problems = report.value(QStringLiteral("problems")).toArray();
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.first().toObject().value(QStringLiteral("check")).toString(),
             QStringLiteral("integrity"));
}

void TestCliDamage::usageOfEarlierKeysIsNotWrittenAfterDamage()
{
    // A pipeline verifies a healthy key first (its usage waits in the usage writer, which has a
    // connection of its own), then meets the damaged index entry. The writer must not save the
    // earlier key's usage into the file the look-up found damaged.
    DamageVault vault;
    makeVault(vault);
    QVERIFY(!vault.healthyToken.isEmpty());
    qsizetype row = -1;
    qsizetype index = -1;
    locateHash(vault, &row, &index);
    QVERIFY(index >= 0);
    QVERIFY(flip(vault.path, index + 16));
    const QByteArray before = fileBytes(vault.path);
    const CliRunner::Run run = vault.cli->run(
        args({"verify", "--env", "live", "--stdin"}),
        (vault.healthyToken + u'\n' + vault.token + u'\n' + vault.healthyToken + u'\n').toUtf8());
    QVERIFY2(run.exitCode == 3, run.describe().constData());
    // The pipeline answers each line: the damage is the damaged key's verdict (503).
    QVERIFY2(QString::fromUtf8(run.out).contains(QStringLiteral("damaged")),
             run.describe().constData());
    QVERIFY2(fileBytes(vault.path) == before, "usage was written into the damaged vault");
    QVERIFY2(isClosed(vault.path), "a -wal or -shm was left beside the damaged vault");
}

void TestCliDamage::vaultCheckPassesAHealthyVaultAndChangesNothing()
{
    DamageVault vault;
    makeVault(vault);
    const QByteArray before = fileBytes(vault.path);
    // No sign-in: whoever can read the file can check it.
    const CliRunner::Run run = vault.cli->run(args({"vault", "check"}), {},
                                              {{QStringLiteral("KEYWARD_MEMBER"), QString()}});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QVERIFY(run.out.contains("no damage found"));
    const CliRunner::Run json = vault.cli->run(args({"--json", "vault", "check"}));
    QVERIFY2(json.exitCode == 0, json.describe().constData());
    QCOMPARE(json.json().value(QStringLiteral("intact")).toBool(), true);
    QCOMPARE(json.json().value(QStringLiteral("problems")).toArray().size(), 0);
    QCOMPARE(fileBytes(vault.path), before);
    QVERIFY(isClosed(vault.path));
}

void TestCliDamage::flippedIndexRowidIsDamageNotAnotherKey()
{
    // The index entry's row id flipped to the neighbouring key's: the look-up found the other
    // key's row and answered Valid with that key's id and grants.
    DamageVault vault;
    makeVault(vault);
    qsizetype row = -1;
    qsizetype index = -1;
    locateHash(vault, &row, &index);
    QVERIFY(index >= 0);
    QVERIFY(flip(vault.path, index + vault.hash.size(), char(vault.keyId ^ (vault.keyId - 1))));
    expectDamaged(*vault.cli, vault.path, verifyCommand(vault));
}

void TestCliDamage::flippedTableHashIsDamage()
{
    // The row's own copy of the hash flipped: the index still finds it, but the row no longer
    // belongs to this token.
    DamageVault vault;
    makeVault(vault);
    qsizetype row = -1;
    qsizetype index = -1;
    locateHash(vault, &row, &index);
    QVERIFY(row >= 0);
    QVERIFY(flip(vault.path, row + 5));
    expectDamaged(*vault.cli, vault.path, verifyCommand(vault));
}

void TestCliDamage::swappedPagesNameTheFileAndTheDamage()
{
    // vault_meta's page and the grants table's page swapped: each is a well-formed table page,
    // so SQLite reads on, and the vault's settings are simply not there. That said "Cannot read
    // the vault settings", naming neither the file nor the damage.
    DamageVault vault;
    makeVault(vault);
    int metaPage = 0;
    int grantsPage = 0;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("pages"));
        db.setDatabaseName(vault.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT name, rootpage FROM sqlite_schema WHERE name IN "
                                      "('vault_meta', 'grants')")));
        while (q.next())
            (q.value(0).toString() == QLatin1String("grants") ? grantsPage : metaPage) =
                q.value(1).toInt();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pages"));
    QFile::remove(vault.path + QStringLiteral("-wal"));
    QFile::remove(vault.path + QStringLiteral("-shm"));
    QVERIFY(metaPage > 1 && grantsPage > 1);
    QByteArray bytes = fileBytes(vault.path);
    constexpr int kPage = 4096;
    QCOMPARE(quint16((uchar(bytes.at(16)) << 8) | uchar(bytes.at(17))), quint16(kPage));
    const QByteArray meta = bytes.mid(qsizetype(metaPage - 1) * kPage, kPage);
    bytes.replace(qsizetype(metaPage - 1) * kPage, kPage,
                  bytes.mid(qsizetype(grantsPage - 1) * kPage, kPage));
    bytes.replace(qsizetype(grantsPage - 1) * kPage, kPage, meta);
    QVERIFY(writeBytes(vault.path, bytes));
    expectDamaged(*vault.cli, vault.path, verifyCommand(vault));
    expectDamaged(*vault.cli, vault.path, args({"key", "list"}));
}

void TestCliDamage::damagedMemberRowIsDamageNotWrongPassphrase()
{
    // A flipped byte in the Owner's passphrase hash: no passphrase can match it any more, and
    // "Wrong member name or passphrase" sent the Owner looking for a typo.
    DamageVault vault;
    makeVault(vault);
    const QList<qsizetype> phc = occurrences(fileBytes(vault.path), "$argon2id$v=19$");
    QCOMPARE(phc.size(), 1);
    QVERIFY(flip(vault.path, phc.constFirst() + 40));
    expectDamaged(*vault.cli, vault.path, args({"key", "list"}));
    // A member name that matches nobody is still just refused, but says so only when no
    // member's row is damaged.
    expectDamaged(*vault.cli, vault.path, args({"--member", "bob", "key", "list"}));
}

void TestCliDamage::truncatedVaultIsDamageAndLeavesNothing()
{
    DamageVault vault;
    makeVault(vault);
    QByteArray bytes = fileBytes(vault.path);
    QVERIFY(writeBytes(vault.path, bytes.left(bytes.size() / 2)));
    for (const QStringList &command : {verifyCommand(vault), args({"key", "list"})}) {
        expectDamaged(*vault.cli, vault.path, command);
        const CliRunner::Run run = vault.cli->run(command);
        QVERIFY2(run.errText().contains(QStringLiteral("truncated")), run.describe().constData());
    }
}

QTEST_GUILESS_MAIN(TestCliDamage)
// Another program upgrading a vault holds its write lock for seconds at a million keys (6.4 s to
// schema 8). A verify started meanwhile waits for it, longer than a write's 2 s busy timeout, and
// answers, where it failed as locked. Here a plain connection holds the lock of a schema-7 vault
// for 3 s; the verify then upgrades the vault itself.
void TestCliDamage::aVerifyWaitsForAnUpgradeInProgress()
{
    QTemporaryDir home;
    auto cli = newVault(home);
    const QString token = createKey(*cli, QStringLiteral("probe"));
    QVERIFY(!token.isEmpty());
    const QString connection = QStringLiteral("upgrader");
    CliRunner::Run run;
    bool held = false;
    bool committed = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(cli->defaultVaultPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *sql : Keyward::OlderSchema::kBackToSeven)
            QVERIFY2(q.exec(QLatin1String(sql)), sql);
        held = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        std::thread verifying([&] {
            run = cli->run(QStringList {QStringLiteral("verify"), QStringLiteral("--env"),
                                        QStringLiteral("live"), QStringLiteral("-")},
                           token.toUtf8());
        });
        QTest::qWait(3000);
        committed = q.exec(QStringLiteral("COMMIT"));
        verifying.join(); // before any check can return
        QVERIFY(q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Keyward::Migrations::latestVersion());
    }
    QSqlDatabase::removeDatabase(connection);
    QVERIFY(held && committed);
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QVERIFY2(run.out.startsWith("Valid (200)"), run.describe().constData());
}

#include "test_cli_damage.moc"
