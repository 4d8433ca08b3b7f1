// `keywardctl vault backup FILE` (issue 16 §5): an online copy of a vault file that other
// processes keep writing meanwhile, checked before it is kept; it never replaces a file and
// keeps nothing from a damaged vault. The built binary, real vault files, real processes.
#include "CliRunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliBackup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;
    QString m_vault;

    CliRunner::Run createKey(const QString &name, const QStringList &global = {})
    {
        return m_cli->run(global
                          + QStringList {QStringLiteral("key"), QStringLiteral("create"),
                                         QStringLiteral("--name"), name, QStringLiteral("--env"),
                                         QStringLiteral("dev"), QStringLiteral("--role"),
                                         QStringLiteral("developer")});
    }
    QStringList leftovers(const QString &folder)
    {
        return QDir(folder).entryList({QStringLiteral(".*partial*")},
                                      QDir::Files | QDir::Hidden | QDir::System);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_cli = CliRunner::ownerOfNewVault(m_home.path());
        QVERIFY(m_cli);
        m_vault = m_cli->defaultVaultPath();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(createKey(QStringLiteral("before %1").arg(i)).exitCode, 0);
    }

    // Two writers keep creating keys while the backup copies: it still completes, the copy
    // is a whole vault (keys, signatures, audit chain), and the vault itself is unharmed.
    void backupWhileOthersWrite()
    {
        const QString target = m_home.filePath(QStringLiteral("busy.keyward"));
        QList<QProcess *> writers;
        for (int w = 0; w < 2; ++w) {
            auto *writer = new QProcess(this);
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("KEYWARD_PASSPHRASE"), CliRunner::kOwnerPassphrase);
            environment.insert(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
            writer->setProcessEnvironment(environment);
            // A shell loop of real keywardctl processes, as cron jobs or scripts would run.
            writer->start(QStringLiteral("/bin/sh"),
                          {QStringLiteral("-c"),
                           QStringLiteral("for i in 1 2 3 4 5 6 7 8; do \"$0\" --vault \"$1\" key "
                                          "create --name w%1-$i --env dev --role developer "
                                          ">/dev/null || exit 1; done")
                               .arg(w),
                           QStringLiteral(KEYWARDCTL_PATH), m_vault});
            writers.append(writer);
        }
        QTest::qWait(150);
        const CliRunner::Run run = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("vault"), QStringLiteral("backup"), target});
        for (QProcess *writer : writers) {
            QVERIFY(writer->waitForFinished(120000));
            QCOMPARE(writer->exitCode(), 0);
        }
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("bytes")).toInteger(), QFileInfo(target).size());
        QCOMPARE(QFileInfo(target).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY(leftovers(m_home.path()).isEmpty());
        const QStringList onBackup = {QStringLiteral("--vault"), target};
        for (const QString &vault : {target, m_vault}) {
            const CliRunner::Run check =
                m_cli->run({QStringLiteral("--vault"), vault, QStringLiteral("vault"),
                            QStringLiteral("check")});
            QVERIFY2(check.exitCode == 0, check.describe().constData());
            const CliRunner::Run audit =
                m_cli->run({QStringLiteral("--vault"), vault, QStringLiteral("audit"),
                            QStringLiteral("verify")});
            QVERIFY2(audit.exitCode == 0, audit.describe().constData());
        }
        const int inBackup = int(
            m_cli->run(onBackup + CliRunner::args({"--json", "key", "list"})).jsonLines().size());
        const int inVault =
            int(m_cli->run(CliRunner::args({"--json", "key", "list"})).jsonLines().size());
        QCOMPARE(inVault, 3 + 16);
        QVERIFY2(inBackup >= 3 && inBackup <= inVault, qPrintable(QString::number(inBackup)));
        // The backup is a vault of its own: it takes new keys without touching the original.
        QCOMPARE(createKey(QStringLiteral("only in the backup"), onBackup).exitCode, 0);
        QCOMPARE(int(m_cli->run(CliRunner::args({"--json", "key", "list"})).jsonLines().size()),
                 inVault);
    }

    void existingFileIsNeverReplaced()
    {
        const QString target = m_home.filePath(QStringLiteral("precious.keyward"));
        {
            QFile file(target);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("an older backup");
        }
        const CliRunner::Run run =
            m_cli->run({QStringLiteral("vault"), QStringLiteral("backup"), target});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("already exists")),
                 run.describe().constData());
        QCOMPARE(fileBytes(target), QByteArray("an older backup"));
        const CliRunner::Run onto =
            m_cli->run({QStringLiteral("vault"), QStringLiteral("backup"), m_vault});
        QCOMPARE(onto.exitCode, 1);
    }

    // A vault with a damaged page: the copy fails its check and nothing is kept.
    void damagedVaultLeavesNoBackup()
    {
        QTemporaryDir folder;
        const QString damaged = folder.filePath(QStringLiteral("damaged.keyward"));
        QVERIFY(QFile::copy(m_vault, damaged));
        QByteArray bytes = fileBytes(damaged);
        QVERIFY(bytes.size() > 8 * 4096);
        // Page 5 onwards overwritten with a pattern: b-tree pages no longer parse.
        for (qsizetype at = 4 * 4096 + 8; at < 4 * 4096 + 2000; ++at)
            bytes[at] = char(0xA5);
        {
            QFile file(damaged);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(bytes), bytes.size());
        }
        const QString target = folder.filePath(QStringLiteral("copy.keyward"));
        const CliRunner::Run run =
            m_cli->run({QStringLiteral("--vault"), damaged, QStringLiteral("vault"),
                        QStringLiteral("backup"), target});
        QVERIFY2(run.exitCode == 3, run.describe().constData());
        QVERIFY2(run.errText().contains(QStringLiteral("damaged"))
                     || run.errText().contains(QStringLiteral("not whole")),
                 run.describe().constData());
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY2(leftovers(folder.path()).isEmpty(),
                 qPrintable(leftovers(folder.path()).join(u',')));
    }

    // Restore: the vault gets the backup's keys back; what was made since is only in the kept
    // file, which is the vault as it was, byte for byte the same content.
    void restorePutsTheBackupBackAndKeepsTheVault()
    {
        QTemporaryDir folder;
        auto owner = CliRunner::ownerOfNewVault(folder.path());
        QVERIFY(owner);
        CliRunner &cli = *owner;
        const QString vault = cli.defaultVaultPath();
        const auto create = [&](const char *name) {
            const CliRunner::Run run =
                cli.run({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--name"),
                         QString::fromLatin1(name), QStringLiteral("--env"), QStringLiteral("dev"),
                         QStringLiteral("--role"), QStringLiteral("developer")});
            return QString::fromUtf8(run.out).trimmed();
        };
        const auto names = [&](const QString &path) {
            QStringList result;
            for (const QJsonObject &key :
                 cli.run({QStringLiteral("--vault"), path, QStringLiteral("--json"),
                          QStringLiteral("key"), QStringLiteral("list")})
                     .jsonLines())
                result.append(key.value(QStringLiteral("name")).toString());
            return result;
        };
        const QString kept = create("kept");
        const QString backup = folder.filePath(QStringLiteral("monday.keyward"));
        QCOMPARE(cli.run({QStringLiteral("vault"), QStringLiteral("backup"), backup}).exitCode, 0);
        const QString later = create("made later");
        QCOMPARE(names(vault),
                 (QStringList {QStringLiteral("kept"), QStringLiteral("made later")}));

        // Not without a yes when nobody can be asked.
        const CliRunner::Run unconfirmed =
            cli.run({QStringLiteral("vault"), QStringLiteral("restore"), backup});
        QCOMPARE(unconfirmed.exitCode, 1);
        QVERIFY(unconfirmed.errText().contains(QStringLiteral("--yes")));
        QCOMPARE(names(vault).size(), 2);

        const CliRunner::Run run =
            cli.run({QStringLiteral("--json"), QStringLiteral("vault"), QStringLiteral("restore"),
                     backup, QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString keptPath = run.json().value(QStringLiteral("kept")).toString();
        QVERIFY(keptPath.startsWith(vault + QStringLiteral(".before-restore-")));
        QVERIFY(run.json().value(QStringLiteral("kept_checked")).toBool());
        QCOMPARE(names(vault), QStringList {QStringLiteral("kept")});
        // Read, not used: nothing is left beside the backup.
        for (const char *suffix : {"-wal", "-shm", "-journal"})
            QVERIFY2(!QFileInfo::exists(backup + QLatin1String(suffix)), suffix);
        QCOMPARE(names(keptPath),
                 (QStringList {QStringLiteral("kept"), QStringLiteral("made later")}));
        for (const QString &path : {vault, keptPath}) {
            const CliRunner::Run audit =
                cli.run({QStringLiteral("--vault"), path, QStringLiteral("audit"),
                         QStringLiteral("verify")});
            QVERIFY2(audit.exitCode == 0, audit.describe().constData());
        }
        // The restored vault verifies its own keys and goes on as a vault.
        const CliRunner::Run verified =
            cli.run(CliRunner::args({"verify", "--env", "dev", "-"}), kept.toUtf8());
        QVERIFY2(verified.exitCode == 0, verified.describe().constData());
        QCOMPARE(cli.run(CliRunner::args({"verify", "--env", "dev", "-"}), later.toUtf8()).exitCode,
                 1);
        QVERIFY(!create("after the restore").isEmpty());
        QCOMPARE(names(vault).size(), 2);
    }

    // The reason to restore: a damaged vault. It is kept as it was, and the backup takes over.
    void damagedVaultIsRestoredAndKeptByteForByte()
    {
        QTemporaryDir folder;
        auto owner = CliRunner::ownerOfNewVault(folder.path());
        QVERIFY(owner);
        CliRunner &cli = *owner;
        const QString vault = cli.defaultVaultPath();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(cli.run({QStringLiteral("key"), QStringLiteral("create"),
                              QStringLiteral("--name"), QStringLiteral("k%1").arg(i),
                              QStringLiteral("--env"), QStringLiteral("dev"),
                              QStringLiteral("--role"), QStringLiteral("developer")})
                         .exitCode,
                     0);
        const QString backup = folder.filePath(QStringLiteral("good.keyward"));
        QCOMPARE(cli.run({QStringLiteral("vault"), QStringLiteral("backup"), backup}).exitCode, 0);
        QByteArray bytes = fileBytes(vault);
        for (qsizetype at = 4 * 4096 + 8; at < 4 * 4096 + 2000; ++at)
            bytes[at] = char(0xA5);
        {
            QFile file(vault);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(bytes), bytes.size());
        }
        QCOMPARE(cli.run(CliRunner::args({"vault", "check"})).exitCode, 3);
        const CliRunner::Run run =
            cli.run({QStringLiteral("--json"), QStringLiteral("vault"), QStringLiteral("restore"),
                     backup, QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(!run.json().value(QStringLiteral("kept_checked")).toBool());
        QCOMPARE(fileBytes(run.json().value(QStringLiteral("kept")).toString()), bytes);
        const CliRunner::Run check = cli.run(CliRunner::args({"vault", "check"}));
        QVERIFY2(check.exitCode == 0, check.describe().constData());
        QCOMPARE(cli.run(CliRunner::args({"--json", "key", "list"})).jsonLines().size(), 3);
    }

    // Another vault's backup, or a damaged backup, changes nothing.
    void foreignOrDamagedBackupIsRefused()
    {
        QTemporaryDir other;
        auto stranger = CliRunner::ownerOfNewVault(other.path());
        QVERIFY(stranger);
        const QByteArray before = fileBytes(m_vault);
        const CliRunner::Run foreign =
            m_cli->run({QStringLiteral("vault"), QStringLiteral("restore"),
                        stranger->defaultVaultPath(), QStringLiteral("--yes")});
        QCOMPARE(foreign.exitCode, 1);
        QVERIFY2(foreign.errText().contains(QStringLiteral("another vault")),
                 foreign.describe().constData());

        const QString damaged = m_home.filePath(QStringLiteral("damaged-backup.keyward"));
        QCOMPARE(m_cli->run({QStringLiteral("vault"), QStringLiteral("backup"), damaged}).exitCode,
                 0);
        QByteArray bytes = fileBytes(damaged);
        for (qsizetype at = 4 * 4096 + 8; at < 4 * 4096 + 2000; ++at)
            bytes[at] = char(0xA5);
        {
            QFile file(damaged);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(bytes), bytes.size());
        }
        const CliRunner::Run refused = m_cli->run(
            {QStringLiteral("vault"), QStringLiteral("restore"), damaged, QStringLiteral("--yes")});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.errText().contains(QStringLiteral("not whole")),
                 refused.describe().constData());
        QCOMPARE(fileBytes(m_vault), before);
        QVERIFY(QFileInfo(m_vault)
                    .dir()
                    .entryList({QStringLiteral("*before-restore*")}, QDir::Files)
                    .isEmpty());
    }

    void badArgumentsAreUsageErrors()
    {
        QCOMPARE(m_cli->run(CliRunner::args({"vault", "backup"})).exitCode, 2);
        const CliRunner::Run missing =
            m_cli->run({QStringLiteral("--vault"), m_home.filePath(QStringLiteral("none.keyward")),
                        QStringLiteral("vault"), QStringLiteral("backup"),
                        m_home.filePath(QStringLiteral("x.keyward"))});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("x.keyward"))));
        // A server vault is backed up as a vault file copy (test_migrate): a taken name is
        // refused before any connection; restoring a server is migrate's work.
        const CliRunner::Run server =
            m_cli->run({QStringLiteral("--db"), QStringLiteral("host=127.0.0.1 dbname=none"),
                        QStringLiteral("vault"), QStringLiteral("backup"), m_vault});
        QCOMPARE(server.exitCode, 1);
        QVERIFY2(server.errText().contains(QStringLiteral("already exists")),
                 server.describe().constData());
        const CliRunner::Run restore = m_cli->run(
            {QStringLiteral("--db"), QStringLiteral("host=127.0.0.1 dbname=none"),
             QStringLiteral("vault"), QStringLiteral("restore"), m_vault, QStringLiteral("--yes")});
        QCOMPARE(restore.exitCode, 2);
        QVERIFY(restore.errText().contains(QStringLiteral("migrate")));
    }
};

QTEST_GUILESS_MAIN(TestCliBackup)
#include "test_cli_backup.moc"
