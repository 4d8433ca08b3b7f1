// Per-key IP allowlists: what is accepted, how it is normalised, and what matches.
#include "core/IpAllowlist.h"

#include <QTest>

using namespace Keyward;

class TestIpAllowlist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalises_data();
    void normalises();
    void refuses_data();
    void refuses();
    void boundsTheNumberOfEntries();
    void matches_data();
    void matches();
    void emptyAllowsAnythingAndUnknownOnlyWhenEmpty();
    void storedFormRoundTripsAndFailsClosed();
};

void TestIpAllowlist::normalises_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stored");
    QTest::newRow("v4 address") << " 192.0.2.10 "
                                << "192.0.2.10";
    QTest::newRow("v4 /32 is an address") << "192.0.2.10/32"
                                          << "192.0.2.10";
    QTest::newRow("v4 range") << "10.0.0.0/8"
                              << "10.0.0.0/8";
    QTest::newRow("v4 everything") << "0.0.0.0/0"
                                   << "0.0.0.0/0";
    QTest::newRow("v6 address, upper case") << "2001:DB8:0:0::1"
                                            << "2001:db8::1";
    QTest::newRow("v6 range") << "2001:db8::/32"
                              << "2001:db8::/32";
    QTest::newRow("v6 /128 is an address") << "::1/128"
                                           << "::1";
    QTest::newRow("mapped address is v4") << "::ffff:192.0.2.10"
                                          << "192.0.2.10";
    QTest::newRow("mapped range is v4") << "::ffff:10.0.0.0/104"
                                        << "10.0.0.0/8";
    QTest::newRow("commas, spaces, lines") << "10.0.0.1, 10.0.0.2,10.0.0.3\n10.0.0.4  10.0.0.5"
                                           << "10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4 10.0.0.5";
    QTest::newRow("repeats dropped") << "10.0.0.1, 10.0.0.1/32"
                                     << "10.0.0.1";
    QTest::newRow("blank is empty") << "  "
                                    << "";
}

void TestIpAllowlist::normalises()
{
    QFETCH(QString, text);
    QFETCH(QString, stored);
    const auto parsed = IpAllowlist::parseText(text);
    QVERIFY2(parsed.isOk(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->toStored(), stored);
}

void TestIpAllowlist::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("prefix too long v4") << "10.0.0.0/33"
                                        << "0 to 32";
    QTest::newRow("prefix too long v6") << "2001:db8::/129"
                                        << "0 to 128";
    QTest::newRow("negative prefix") << "10.0.0.0/-1"
                                     << "cannot appear";
    QTest::newRow("empty prefix") << "10.0.0.0/"
                                  << "prefix";
    QTest::newRow("two slashes") << "10.0.0.0/8/8"
                                 << "more than one";
    QTest::newRow("host bits") << "10.1.2.3/8"
                               << "did you mean 10.0.0.0/8?";
    QTest::newRow("short v4") << "10.1"
                              << "not an IP address";
    QTest::newRow("octet too big") << "300.0.0.1"
                                   << "not an IP address";
    QTest::newRow("hostname") << "example.com"
                              << "\u201Cx\u201D cannot appear";
    QTest::newRow("zone") << "fe80::1%eth0"
                          << "zone";
    QTest::newRow("empty entry") << "10.0.0.1,,10.0.0.2"
                                 << "Allowed address 2 is empty";
    QTest::newRow("trailing comma") << "10.0.0.1,"
                                    << "Allowed address 2 is empty";
    QTest::newRow("sql") << "10.0.0.1'; DROP TABLE api_keys;--"
                         << "cannot appear";
    QTest::newRow("control character") << QString::fromUtf8("10.0.0.1\x01") << "U+0001";
    QTest::newRow("right-to-left mark") << QString::fromUtf8("10.0.0.1\u202E") << "U+202E";
    QTest::newRow("too long") << QString(200, QLatin1Char('1')) << "too long";
    QTest::newRow("mixed mapped range") << "::ffff:0.0.0.0/90"
                                        << "mixes";
    // Qt read these as octal: 8.0.0.1 allowed, the meant 10.0.0.1 refused.
    QTest::newRow("leading zero") << "010.0.0.1"
                                  << "leading zero";
    QTest::newRow("leading zero, last part") << "192.168.001.010"
                                             << "leading zero";
    QTest::newRow("leading zero, range") << "010.0.0.0/8"
                                         << "leading zero";
    QTest::newRow("leading zero, mapped") << "::ffff:010.0.0.1"
                                          << "leading zero";
}

void TestIpAllowlist::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    const auto parsed = IpAllowlist::parseText(text);
    QVERIFY(!parsed.isOk());
    QCOMPARE(parsed.code(), ErrorCode::InvalidInput);
    QVERIFY2(parsed.errorMessage().contains(messagePart), qPrintable(parsed.errorMessage()));
}

void TestIpAllowlist::boundsTheNumberOfEntries()
{
    QStringList entries;
    for (int i = 0; i < IpAllowlist::kMaxEntries; ++i)
        entries.append(QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256));
    QVERIFY(IpAllowlist::parse(entries).isOk());
    entries.append(QStringLiteral("192.0.2.1"));
    const auto tooMany = IpAllowlist::parse(entries);
    QVERIFY(!tooMany.isOk());
    QVERIFY2(tooMany.errorMessage().contains(QStringLiteral("Too many")),
             qPrintable(tooMany.errorMessage()));
}

void TestIpAllowlist::matches_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("v4 exact") << "192.0.2.10"
                              << "192.0.2.10" << true;
    QTest::newRow("v4 other") << "192.0.2.10"
                              << "192.0.2.11" << false;
    QTest::newRow("v4 in range") << "10.0.0.0/8"
                                 << "10.255.1.2" << true;
    QTest::newRow("v4 outside range") << "10.0.0.0/8"
                                      << "11.0.0.1" << false;
    QTest::newRow("v4 /0") << "0.0.0.0/0"
                           << "203.0.113.9" << true;
    QTest::newRow("v6 exact") << "2001:db8::1"
                              << "2001:0db8:0::1" << true;
    QTest::newRow("v6 in range") << "2001:db8::/32"
                                 << "2001:db8:ffff::5" << true;
    QTest::newRow("v6 outside range") << "2001:db8::/32"
                                      << "2001:db9::5" << false;
    QTest::newRow("mapped request, v4 rule") << "10.0.0.0/8"
                                             << "::ffff:10.1.2.3" << true;
    QTest::newRow("mapped request, v4 rule, outside") << "10.0.0.0/8"
                                                      << "::ffff:11.1.2.3" << false;
    QTest::newRow("v4 request, mapped rule") << "::ffff:192.0.2.10"
                                             << "192.0.2.10" << true;
    QTest::newRow("v4 request, v6 rule") << "::/0"
                                         << "192.0.2.10" << false;
    QTest::newRow("v6 request, v4 rule") << "0.0.0.0/0"
                                         << "2001:db8::1" << false;
    QTest::newRow("loopback v6 is not v4") << "127.0.0.1"
                                           << "::1" << false;
    QTest::newRow("second entry") << "192.0.2.10, 2001:db8::/32"
                                  << "2001:db8::7" << true;
    QTest::newRow("scoped request") << "fe80::/10"
                                    << "fe80::1%1" << true;
}

void TestIpAllowlist::matches()
{
    QFETCH(QString, list);
    QFETCH(QString, address);
    QFETCH(bool, allowed);
    const auto parsed = IpAllowlist::parseText(list);
    QVERIFY2(parsed.isOk(), qPrintable(parsed.errorMessage()));
    const QHostAddress host(address);
    QVERIFY(!host.isNull());
    QCOMPARE(parsed->allows(host), allowed);
    // The stored form matches the same way (what the verifier reads back).
    QCOMPARE(IpAllowlist::fromStored(parsed->toStored()).allows(host), allowed);
}

void TestIpAllowlist::emptyAllowsAnythingAndUnknownOnlyWhenEmpty()
{
    const IpAllowlist empty;
    QVERIFY(empty.allows(QHostAddress(QStringLiteral("192.0.2.1"))));
    QVERIFY(empty.allows(QHostAddress()));
    const auto everything = IpAllowlist::parseText(QStringLiteral("0.0.0.0/0, ::/0"));
    QVERIFY(everything.isOk());
    QVERIFY(!everything->allows(QHostAddress()));
}

void TestIpAllowlist::storedFormRoundTripsAndFailsClosed()
{
    const auto parsed = IpAllowlist::parseText(QStringLiteral("10.0.0.0/8, 2001:db8::1"));
    QVERIFY(parsed.isOk());
    QCOMPARE(IpAllowlist::fromStored(parsed->toStored()), *parsed);
    QCOMPARE(parsed->toDisplay(), QStringLiteral("10.0.0.0/8, 2001:db8::1"));
    // A hand-edited row with an entry that does not parse: still a list, so nothing outside
    // its good entries gets in, and the bad one matches nothing.
    const IpAllowlist damaged = IpAllowlist::fromStored(QStringLiteral("garbage 10.0.0.0/8"));
    QCOMPARE(damaged.size(), 2);
    QVERIFY(damaged.allows(QHostAddress(QStringLiteral("10.0.0.1"))));
    QVERIFY(!damaged.allows(QHostAddress(QStringLiteral("192.0.2.1"))));
    const IpAllowlist onlyGarbage = IpAllowlist::fromStored(QStringLiteral("garbage"));
    QVERIFY(!onlyGarbage.isEmpty());
    QVERIFY(!onlyGarbage.allows(QHostAddress(QStringLiteral("192.0.2.1"))));
}

int runIpAllowlistTests(int argc, char **argv)
{
    TestIpAllowlist test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_ip_allowlist.moc"
