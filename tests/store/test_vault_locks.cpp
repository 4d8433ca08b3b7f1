// SQLite keeps a vault's WAL alive through POSIX locks, and closing ANY descriptor of the file
// drops all of the process's locks on it. Opening a vault that this process already holds must
// therefore not read its header through a second descriptor: another process closing the vault
// would then believe it is the last one, checkpoint and delete the WAL under our live
// connections. The other process here is this test binary started again with --peek VAULT.
#include "VaultFixture.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstring>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

// The other process: opens the vault with plain Qt SQL, reads, closes. On close SQLite deletes
// the WAL if it can lock the file exclusively, i.e. if nobody else holds it.
int peek(const QString &path)
{
    int rows = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        if (!db.open())
            return 2;
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT COUNT(*) FROM api_keys")) && q.next())
            rows = q.value(0).toInt();
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return rows >= 0 ? 0 : 3;
}

} // namespace

class TestVaultLocks : public QObject
{
    Q_OBJECT

private:
    static bool peekFromAnotherProcess(const QString &path)
    {
        QProcess other;
        other.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--peek"), path});
        return other.waitForFinished(30000) && other.exitStatus() == QProcess::NormalExit
            && other.exitCode() == 0;
    }

private Q_SLOTS:
    // The control: with our connection open, another process's close leaves the WAL alone.
    void anotherProcessLeavesTheWalOfAnOpenVault()
    {
        VaultFixture f;
        QVERIFY(f.store->createKey(f.request(QStringLiteral("k"))));
        const QString wal = f.path + QStringLiteral("-wal");
        QVERIFY(QFileInfo::exists(wal));
        QVERIFY(peekFromAnotherProcess(f.path));
        QVERIFY(QFileInfo::exists(wal));
    }

    void openingAVaultTwiceKeepsTheLocks()
    {
        VaultFixture f;
        QVERIFY(f.store->createKey(f.request(QStringLiteral("k"))));
        const QString wal = f.path + QStringLiteral("-wal");
        // A second store on the same file in this process (the GUI's second window, a verifier
        // next to the GUI's store), then the first one keeps working.
        auto second = f.openSecond(QString());
        QVERIFY(QFileInfo::exists(wal));
        QVERIFY(peekFromAnotherProcess(f.path));
        QVERIFY2(QFileInfo::exists(wal), "another process deleted the WAL: our locks were lost");
        QVERIFY(f.store->createKey(f.request(QStringLiteral("still writable"))));
        auto keys = second->listKeys();
        QVERIFY(keys);
        QCOMPARE(keys->size(), 2);
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--peek") == 0) {
        QCoreApplication app(argc, argv);
        return peek(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestVaultLocks test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_vault_locks.moc"
