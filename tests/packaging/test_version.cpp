// --version of every shipped program prints "NAME VERSION" with the version of CMake's
// project(), the one the packages and the man pages carry.
#include "HelpText.h"

#include <QTest>

class TestVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsProjectVersion_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("name");
        QTest::newRow("keywardctl") << QStringLiteral(KEYWARDCTL_PATH) << "keywardctl";
        QTest::newRow("keyward-verifyd")
            << QStringLiteral(KEYWARD_VERIFYD_PATH) << "keyward-verifyd";
#ifdef KEYWARD_GUI_PATH
        QTest::newRow("keyward") << QStringLiteral(KEYWARD_GUI_PATH) << "keyward";
#endif
    }

    void printsProjectVersion()
    {
        QFETCH(QString, program);
        QFETCH(QString, name);
        const QString expected = name + QLatin1Char(' ') + QStringLiteral(KEYWARD_PROJECT_VERSION);
        QVERIFY(!QStringLiteral(KEYWARD_PROJECT_VERSION).isEmpty());
        QCOMPARE(HelpText::run(program, {QStringLiteral("--version")}).trimmed(), expected);
    }
};

QTEST_GUILESS_MAIN(TestVersion)
#include "test_version.moc"
