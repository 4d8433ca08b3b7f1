// MigrationLogins::loginProblem: which members of a vault copied to a server cannot sign in with
// the login of their name (the name rule itself is Permissions::validateLoginName, tested in
// tests/core; here what the server already knows of a role of that name).
#include "store/MigrationLogins.h"

#include <QTest>

using namespace Keyward;

class TestMigrationLogins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void problems_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("exists");
        QTest::addColumn<bool>("canLogin");
        QTest::addColumn<bool>("isVerifier");
        QTest::addColumn<QString>("expected"); // a word of the problem, or empty: none
        QTest::newRow("new login")
            << QStringLiteral("alice") << false << false << false << QString();
        QTest::newRow("existing login")
            << QStringLiteral("alice") << true << true << false << QString();
        QTest::newRow("pg_ reserved") << QStringLiteral("pg_alice") << false << false << false
                                      << QStringLiteral("cannot be a login");
        QTest::newRow("the vault's group name") << QStringLiteral("keyward_owner") << true << false
                                                << false << QStringLiteral("cannot be a login");
        QTest::newRow("64 bytes") << QString(64, QLatin1Char('a')) << false << false << false
                                  << QStringLiteral("cannot be a login");
        QTest::newRow("a group role")
            << QStringLiteral("ops") << true << false << false << QStringLiteral("group role");
        QTest::newRow("a verifier") << QStringLiteral("gateway") << true << true << true
                                    << QStringLiteral("verifier login");
    }

    void problems()
    {
        QFETCH(QString, name);
        QFETCH(bool, exists);
        QFETCH(bool, canLogin);
        QFETCH(bool, isVerifier);
        QFETCH(QString, expected);
        const QString problem = MigrationLogins::loginProblem(name, QStringLiteral("keyward"),
                                                              exists, canLogin, isVerifier);
        if (expected.isEmpty()) {
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            return;
        }
        QVERIFY2(problem.contains(expected), qPrintable(problem));
        QVERIFY2(problem.contains(name), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestMigrationLogins)
#include "test_migration_logins.moc"
