// keyward-verifyd's configuration file, read by IniFile and checked by ServerConfigLoader: what
// the shipped example means, the INI subset's rules, and every mistake refused with the file,
// the line or the key named.
#include "IniFile.h"
#include "ServerConfig.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Keyward;
using namespace Keyward::Verifyd;

class TestServerConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QByteArray &text, const QString &name = QStringLiteral("verifyd.conf"))
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(text) != text.size())
            return {};
        return path;
    }

    // The error message of loading `text`, empty when it loaded.
    QString refusal(const QByteArray &text)
    {
        const auto loaded = ServerConfigLoader::load(write(text));
        return loaded ? QString() : loaded.errorMessage();
    }

private Q_SLOTS:
    void theShippedExampleMeansWhatItSays()
    {
        const auto loaded = ServerConfigLoader::load(QStringLiteral(KEYWARD_CONF_EXAMPLE));
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        QCOMPARE(loaded->listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(loaded->port, quint16(8087));
        QCOMPARE(loaded->connectionTimeoutS, 10);
        QCOMPARE(loaded->requestTimeoutS, 30);
        QCOMPARE(loaded->vaultPath, QStringLiteral("/var/lib/keyward/vault.keyward"));
        QVERIFY(loaded->dbConninfo.isEmpty()); // commented out
        QCOMPARE(loaded->trustedProxies.size(), 2);
        QVERIFY(loaded->isTrustedProxy(QHostAddress(QStringLiteral("::1"))));
        QVERIFY(!loaded->isTrustedProxy(QHostAddress(QStringLiteral("10.0.0.1"))));
        QCOMPARE(loaded->defaultRoute.environment, Environment::Production);
        const RouteConfig *orders = loaded->route(QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(orders->grants, QStringList {QStringLiteral("orders:read")});
        QCOMPARE(orders->customerHeader, QByteArray("X-Customer"));
    }

    void quotesCommentsAndLineEnds()
    {
        const QString path =
            write("\xef\xbb\xbf; a comment\r\n# another\r\n  [store]  \r\n"
                  "db = \"host=db dbname=keys options='-c a=b;c'\" ; why\r\n"
                  "vault_pin=  \"  spaced  \"\r\n[route.orders]\ngrants = a, b ; comment\n"
                  "grants = c\n[server]\n[route.orders]\nenvironment = dev\n");
        const auto ini = IniFile::read(path);
        QVERIFY2(ini, qPrintable(ini.errorMessage()));
        QCOMPARE(ini->value(QStringLiteral("store/db")),
                 QStringLiteral("host=db dbname=keys options='-c a=b;c'"));
        QCOMPARE(ini->value(QStringLiteral("store/vault_pin")), QStringLiteral("  spaced  "));
        QCOMPARE(ini->value(QStringLiteral("route.orders/grants")), QStringLiteral("c")); // last
        QCOMPARE(ini->keys(),
                 (QStringList {QStringLiteral("store/db"), QStringLiteral("store/vault_pin"),
                               QStringLiteral("route.orders/grants"),
                               QStringLiteral("route.orders/environment")}));
        QCOMPARE(ini->sections(),
                 (QStringList {QStringLiteral("store"), QStringLiteral("route.orders"),
                               QStringLiteral("server")}));
        QVERIFY(!ini->contains(QStringLiteral("server/listen")));
        QVERIFY(ini->value(QStringLiteral("server/listen")).isNull());
    }

    // Split on "\n" alone, a file with "\r" line ends was one line: its first comment hid every
    // setting, and a pin after it was dropped without a word.
    void everyKindOfLineEndEndsALine()
    {
        const auto ini = IniFile::parse("; note\r[store]\rvault_pin = ABCD\r\n[route.a] ; why\n"
                                        "grants = a\rcustomer_header = X-C\r",
                                        QStringLiteral("cr.conf"));
        QVERIFY2(ini, qPrintable(ini.errorMessage()));
        QCOMPARE(ini->value(QStringLiteral("store/vault_pin")), QStringLiteral("ABCD"));
        QCOMPARE(ini->value(QStringLiteral("route.a/grants")), QStringLiteral("a"));
        QCOMPARE(ini->value(QStringLiteral("route.a/customer_header")), QStringLiteral("X-C"));
        const auto numbered = IniFile::parse("[a]\r\nx = 1\r\rbroken\n", QStringLiteral("n"));
        QVERIFY(!numbered);
        QVERIFY2(numbered.errorMessage().contains(QLatin1String("line 4")),
                 qPrintable(numbered.errorMessage()));
    }

    // No escapes: what is written is what the setting gets (QSettings turned "\\" into "\").
    void backslashesAndHashesAreKeptAsWritten()
    {
        const auto ini = IniFile::parse("[store]\ndb = host=x password=a\\b#c\n"
                                        "vault = \"C:\\vault\"\n",
                                        QStringLiteral("b.conf"));
        QVERIFY2(ini, qPrintable(ini.errorMessage()));
        QCOMPARE(ini->value(QStringLiteral("store/db")), QStringLiteral("host=x password=a\\b#c"));
        QCOMPARE(ini->value(QStringLiteral("store/vault")), QStringLiteral("C:\\vault"));
    }

    // QSettings kept a parsed copy per path and missed an edit that kept the size within one
    // time-stamp tick: here the second version even has the first one's time stamp.
    void everyLoadReadsTheFileAgain()
    {
        const QString path = write("[route.a]\ngrants = one\n");
        const auto first = ServerConfigLoader::load(path);
        QVERIFY(first);
        const QDateTime stamp = QFileInfo(path).lastModified();
        QVERIFY(!write("[route.a]\ngrants = two\n").isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(stamp, QFileDevice::FileModificationTime));
        file.close();
        const auto second = ServerConfigLoader::load(path);
        QVERIFY(second);
        QCOMPARE(first->route(QStringLiteral("a"))->grants, QStringList {QStringLiteral("one")});
        QCOMPARE(second->route(QStringLiteral("a"))->grants, QStringList {QStringLiteral("two")});
    }

    // A reload puts routes in effect and keeps what only a restart changes, and the next reload
    // compares with what runs, not with the file before (found by a review: a second reload of
    // the same file said nothing, and going back to the running port warned that it changed).
    void reloadsCompareWithWhatRuns()
    {
        const auto running =
            ServerConfigLoader::load(write("[server]\nlisten = 127.0.0.1:9001\n[route.a]\n"));
        const auto edited = ServerConfigLoader::load(
            write("[server]\nlisten = 127.0.0.1:9002\nheader_limit_bytes = 4096\n[route.b]\n"));
        QVERIFY(running && edited);
        const QStringList changes {QStringLiteral("server/listen"),
                                   QStringLiteral("server/header_limit_bytes")};
        QCOMPARE(restartOnlyChanges(*running, *edited), changes);
        const ServerConfig inEffect = reloadable(*running, *edited);
        QVERIFY(inEffect.route(QStringLiteral("b")));
        QVERIFY(!inEffect.route(QStringLiteral("a")));
        QCOMPARE(inEffect.port, running->port);
        QCOMPARE(inEffect.headerLimitBytes, running->headerLimitBytes);
        QCOMPARE(restartOnlyChanges(inEffect, *edited), changes); // said again
        QCOMPARE(restartOnlyChanges(inEffect, *running), QStringList()); // back: nothing
    }

    // A declared route exists even with every setting left at its default.
    void aRouteWithoutSettingsExists()
    {
        const auto loaded = ServerConfigLoader::load(write("[route.bare]\n"));
        QVERIFY(loaded);
        QVERIFY(loaded->route(QStringLiteral("bare")));
        QCOMPARE(loaded->route(QStringLiteral("bare"))->environment, Environment::Production);
        QVERIFY(!loaded->route(QStringLiteral("other")));
    }

    void mistakesAreRefusedByName_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("named");
        // A misspelt pin must not leave the vault unpinned without a word.
        // Counted in milliseconds: a larger one wrapped around, and closed every connection
        // at once (found by a review).
        QTest::newRow("timeout too long")
            << QByteArray("[server]\nconnection_timeout_s = 2200000\n")
            << QStringLiteral("server/connection_timeout_s: at most 86400");
        QTest::newRow("request timeout too long")
            << QByteArray("[server]\nrequest_timeout_s = 2200000\n")
            << QStringLiteral("server/request_timeout_s: at most 86400");
        QTest::newRow("misspelt key") << QByteArray("[store]\nvalut_pin = 1234\n")
                                      << QStringLiteral("store/valut_pin: no such setting");
        QTest::newRow("key in the wrong section")
            << QByteArray("[verify]\nlisten = 8087\n") << QStringLiteral("verify/listen");
        QTest::newRow("key before any section")
            << QByteArray("listen = 8087\n") << QStringLiteral("listen: no such setting");
        QTest::newRow("unknown route key") << QByteArray("[route.x]\nenvironmnet = dev\n")
                                           << QStringLiteral("route.x/environmnet");
        QTest::newRow("unknown section")
            << QByteArray("[servr]\n") << QStringLiteral("[servr]: no such section");
        QTest::newRow("route without a name")
            << QByteArray("[route.]\nenvironment = dev\n") << QStringLiteral("[route.]");
        QTest::newRow("no equals sign")
            << QByteArray("[server]\n\nlisten 8087\n") << QStringLiteral("line 3");
        QTest::newRow("unclosed section") << QByteArray("[server\n") << QStringLiteral("line 1");
        QTest::newRow("empty section") << QByteArray("[ ]\n") << QStringLiteral("line 1");
        QTest::newRow("slash in a section")
            << QByteArray("[route.a/b]\n") << QStringLiteral("line 1");
        QTest::newRow("empty key") << QByteArray("[server]\n = 1\n") << QStringLiteral("line 2");
        QTest::newRow("slash in a key")
            << QByteArray("[store]\nvault/pin = 1\n") << QStringLiteral("line 2");
        QTest::newRow("unclosed quote")
            << QByteArray("[store]\ndb = \"host=x\n") << QStringLiteral("line 2");
        QTest::newRow("text after a quote")
            << QByteArray("[store]\ndb = \"host=x\" dbname=y\n") << QStringLiteral("line 2");
        // QSettings read quotes anywhere: "a;b" in the middle would now be cut at the ';'.
        QTest::newRow("quote inside a value")
            << QByteArray("[store]\ndb = host=x password=\"a;b\"\n") << QStringLiteral("line 2");
        QTest::newRow("quoted list items")
            << QByteArray("[server]\ntrusted_proxies = \"::1\", \"10.0.0.1\"\n")
            << QStringLiteral("line 2");
        QTest::newRow("text after a section")
            << QByteArray("[server] listen = 1\n") << QStringLiteral("line 1");
        QTest::newRow("not UTF-8")
            << QByteArray("[route.x]\ngrants = caf\xe9\n") << QStringLiteral("line 2: not UTF-8");
        QTest::newRow("not UTF-8 in a comment") << QByteArray("[route.x]\n\n; Pr\xfc"
                                                              "fung\n")
                                                << QStringLiteral("line 3: not UTF-8");
        QTest::newRow("control character") << QByteArray("[store]\nvault = /a") + '\0'
                + QByteArray("b\n") << QStringLiteral("line 2: a control character (U+0000)");
        QTest::newRow("a value's own rules")
            << QByteArray("[server]\nthreads = many\n") << QStringLiteral("server/threads");
    }

    void mistakesAreRefusedByName()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, named);
        const QString message = refusal(text);
        QVERIFY2(message.contains(named), qPrintable(message));
        QVERIFY2(message.contains(m_dir.filePath(QStringLiteral("verifyd.conf"))),
                 qPrintable(message));
    }

    void unreadableFilesAreRefused()
    {
        const auto missing = ServerConfigLoader::load(m_dir.filePath(QStringLiteral("none.conf")));
        QVERIFY(!missing);
        QVERIFY(missing.errorMessage().contains(QLatin1String("none.conf")));
        const auto huge = ServerConfigLoader::load(
            write(QByteArray(2 * 1024 * 1024, ';'), QStringLiteral("big")));
        QVERIFY(!huge);
        QVERIFY2(huge.errorMessage().contains(QLatin1String("1 MiB")),
                 qPrintable(huge.errorMessage()));
        // A file name with "%2" in it is named as it is (chained arg() would have replaced it).
        const auto odd = ServerConfigLoader::load(write("[a\n", QStringLiteral("odd%2.conf")));
        QVERIFY(!odd);
        QVERIFY2(odd.errorMessage().contains(QLatin1String("odd%2.conf, line 1")),
                 qPrintable(odd.errorMessage()));
        // No path: the defaults, nothing read.
        const auto none = ServerConfigLoader::load(QString());
        QVERIFY(none);
        QCOMPARE(none->port, ServerConfig().port);
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "test_server_config.moc"
