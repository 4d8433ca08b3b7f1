// What keyward-verifyd puts into the headers the upstream reads: key names and grants are chosen
// by admins and may hold anything, so they are percent-encoded where they are not printable
// ASCII, and no value can split a header.
#include "ConfigHolder.h"
#include "HttpResponse.h"
#include "Metrics.h"
#include "RequestCredentials.h"
#include "ServerConfig.h"
#include "core/ThreadShard.h"
#include "verify/VerifyResult.h"

#include <QtTest>

#include <optional>
#include <thread>
#include <vector>

using namespace Keyward;
using namespace Keyward::Verifyd;

namespace {

// The encoding spelled out byte by byte, as the server wrote it before its fast path.
QByteArray encodedByteByByte(const QString &text)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        const auto byte = uchar(c);
        if (byte >= 0x20 && byte < 0x7f && byte != '%')
            out.append(c);
        else
            out.append('%').append(QByteArray::number(byte, 16).toUpper().rightJustified(2, '0'));
    }
    return out;
}

bool safeInAHeader(const QByteArray &value)
{
    for (const char c : value) {
        if (uchar(c) < 0x20 || uchar(c) >= 0x7f)
            return false;
    }
    return true;
}

} // namespace

class TestVerifydResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerValueEncodesWhatIsNotPrintableAscii_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("orders service") << QByteArray("orders service");
        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("percent") << QStringLiteral("100% sure") << QByteArray("100%25 sure");
        QTest::newRow("header injection") << QStringLiteral("svc\r\nX-Keyward-Key-Id: 1")
                                          << QByteArray("svc%0D%0AX-Keyward-Key-Id: 1");
        QTest::newRow("tab and delete") << QStringLiteral("a\tb\x7f") << QByteArray("a%09b%7F");
        QTest::newRow("nul") << QString(QChar(u'x')) + QChar(u'\0') + QChar(u'y')
                             << QByteArray("x%00y");
        QTest::newRow("umlaut") << QStringLiteral("Zürich") << QByteArray("Z%C3%BCrich");
        QTest::newRow("first character") << QStringLiteral("édition") << QByteArray("%C3%A9dition");
        QTest::newRow("emoji") << QString::fromUtf8("key \xF0\x9F\x94\x91")
                               << QByteArray("key %F0%9F%94%91");
        QTest::newRow("line separator")
            << QString(QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b"))
            << QByteArray("a%E2%80%A8b");
        QTest::newRow("lone surrogate")
            << QString(QStringLiteral("half ") + QChar(0xD83D) + QStringLiteral(" key"))
            << QByteArray("half ? key"); // half a character is not text: Qt writes '?'
    }

    void headerValueEncodesWhatIsNotPrintableAscii()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        const QByteArray value = ResponseBuilder::headerValue(text);
        QCOMPARE(value, expected);
        QCOMPARE(value, encodedByteByByte(text));
        QVERIFY(safeInAHeader(value));
    }

    // Every character from U+0000 to U+FFFF and every seventh beyond, alone and after plain text:
    // the fast path and the byte-by-byte encoding agree.
    void headerValueAgreesWithTheByteByByteEncoding()
    {
        for (char32_t code = 0; code < 0x110000; code += (code < 0x10000 ? 1 : 7)) {
            const QString single = QString::fromUcs4(&code, 1);
            for (const QString &text :
                 QStringList {single, QStringLiteral("name ") + single + QStringLiteral("!")}) {
                const QByteArray value = ResponseBuilder::headerValue(text);
                if (value != encodedByteByByte(text) || !safeInAHeader(value))
                    QFAIL(qPrintable(
                        QStringLiteral("U+%1").arg(quint32(code), 4, 16, QLatin1Char('0'))));
            }
        }
    }

    void headerListJoinsEncodedValues()
    {
        QCOMPARE(ResponseBuilder::headerList({}), QByteArray());
        QCOMPARE(ResponseBuilder::headerList({QStringLiteral("keys:read")}),
                 QByteArray("keys:read"));
        const QStringList grants {QStringLiteral("keys:read"), QStringLiteral("billing:write"),
                                  QStringLiteral("odd\nscope%"), QStringLiteral("größe")};
        QCOMPARE(ResponseBuilder::headerList(grants),
                 QByteArray("keys:read,billing:write,odd%0Ascope%25,gr%C3%B6%C3%9Fe"));
        QCOMPARE(ResponseBuilder::headerList(grants),
                 ResponseBuilder::headerValue(grants.join(QLatin1Char(','))));
    }

    void forwardAuthValidCarriesTheKeyForTheUpstream()
    {
        VerifyResult result;
        result.outcome = VerifyOutcome::Valid;
        result.keyId = 42;
        result.keyName = QStringLiteral("orders\r\nX-Evil: yes");
        result.grants = {QStringLiteral("orders:read"), QStringLiteral("orders:write")};
        result.customer = QStringLiteral("ACME ünd Söhne");
        result.environment = Environment::Production;
        const HttpResponse response = ResponseBuilder::forwardAuth(result);
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.isEmpty());
        QCOMPARE(response.header("X-Keyward-Key-Id"), QByteArray("42"));
        QCOMPARE(response.header("X-Keyward-Key-Name"), QByteArray("orders%0D%0AX-Evil: yes"));
        QCOMPARE(response.header("X-Keyward-Grants"), QByteArray("orders:read,orders:write"));
        QCOMPARE(response.header("X-Keyward-Customer"), QByteArray("ACME %C3%BCnd S%C3%B6hne"));
        QCOMPARE(response.header("X-Keyward-Environment"), QByteArray("live"));
        for (const auto &header : response.headers) {
            QVERIFY2(safeInAHeader(header.second), header.first.constData());
            // libmicrohttpd reads each value up to its NUL: sliced values must end in one.
            QVERIFY2(header.second.constData()[header.second.size()] == '\0',
                     header.first.constData());
        }
        QCOMPARE(response.header("X-Envoy-Auth-Headers-To-Remove"), QByteArray());
        // A copy and a moved response keep their values (the slices travel with their bytes).
        HttpResponse moved = ResponseBuilder::forwardAuth(result);
        const HttpResponse copy = moved;
        const HttpResponse taken = std::move(moved);
        for (const HttpResponse *kept : {&copy, &taken}) {
            QCOMPARE(kept->header("X-Keyward-Key-Name"), QByteArray("orders%0D%0AX-Evil: yes"));
            QCOMPARE(kept->header("X-Keyward-Customer"), QByteArray("ACME %C3%BCnd S%C3%B6hne"));
        }
        // A key without a customer or grants: libmicrohttpd sends no empty header, so a client's
        // own X-Keyward-Customer would reach the upstream through a gateway that only overrides
        // what the answer has (found by a review). Envoy removes the headers named here.
        result.customer.clear();
        const HttpResponse unscoped = ResponseBuilder::forwardAuth(result);
        QCOMPARE(unscoped.header("X-Envoy-Auth-Headers-To-Remove"),
                 QByteArray("x-keyward-customer"));
        result.grants.clear();
        const HttpResponse bare = ResponseBuilder::forwardAuth(result);
        QCOMPARE(bare.header("X-Keyward-Customer"), QByteArray());
        QCOMPARE(bare.header("X-Keyward-Grants"), QByteArray());
        QCOMPARE(bare.header("X-Keyward-Key-Id"), QByteArray("42"));
        QCOMPARE(bare.header("X-Envoy-Auth-Headers-To-Remove"),
                 QByteArray("x-keyward-grants, x-keyward-customer"));
        QCOMPARE(bare.headers.size(), response.headers.size() + 1);
        for (const auto &header : bare.headers)
            QVERIFY(header.second.constData()[header.second.size()] == '\0');
    }

    // Counters kept per thread add up: more threads than shards (two share one), each counting
    // verdicts, refusals and latencies; /metrics shows the sums.
    void metricsSumWhatEveryThreadCounted()
    {
        constexpr int kThreads = 20;
        constexpr int kEach = 2000;
        Metrics metrics;
        ShardedCounter<int> inFlight;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < kEach; ++i) {
                    inFlight.add(1);
                    metrics.countVerdict(Metrics::Endpoint::ForwardAuth, VerifyOutcome::Valid);
                    metrics.countRejected(404);
                    metrics.observeLatency(1'000'000); // 1 ms
                    inFlight.add(-1);
                }
                inFlight.add(1); // one left in flight by each thread
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(inFlight.total(), kThreads);
        const QByteArray text = metrics.render({});
        const QByteArray total = QByteArray::number(kThreads * kEach);
        auto shows = [&text](const char *name, const QByteArray &value) {
            return text.contains(QByteArray(QByteArray(name) + ' ' + value + '\n'));
        };
        QVERIFY2(
            shows("keyward_verifyd_requests_total{endpoint=\"forward_auth\",outcome=\"Valid\"}",
                  total),
            text.constData());
        QVERIFY(shows("keyward_verifyd_rejected_requests_total{status=\"404\"}", total));
        QVERIFY(shows("keyward_verifyd_request_duration_seconds_bucket{le=\"0.001\"}", total));
        QVERIFY(shows("keyward_verifyd_request_duration_seconds_bucket{le=\"0.0005\"}", "0"));
        QVERIFY(shows("keyward_verifyd_request_duration_seconds_count", total));
        QVERIFY(shows("keyward_verifyd_request_duration_seconds_sum", "40.000000000"));
    }

    // A request thread keeps the configuration it saw until a reload: then its next request
    // sees the new one. Holders never share a thread's snapshot, even one made where another was.
    void eachThreadSeesAReloadOnItsNextRequest()
    {
        auto configWithPort = [](quint16 port) {
            ServerConfig config;
            config.port = port;
            return config;
        };
        std::optional<ConfigHolder> holder(std::in_place, configWithPort(1001));
        QCOMPARE(holder->forThisThread().port, quint16(1001));
        quint16 seenByAnother = 0;
        std::thread([&] { seenByAnother = holder->forThisThread().port; }).join();
        QCOMPARE(seenByAnother, quint16(1001));

        holder->set(configWithPort(1002));
        QCOMPARE(holder->forThisThread().port, quint16(1002));
        std::thread([&] { seenByAnother = holder->forThisThread().port; }).join();
        QCOMPARE(seenByAnother, quint16(1002));

        ConfigHolder other(configWithPort(2001));
        QCOMPARE(other.forThisThread().port, quint16(2001));
        QCOMPARE(holder->forThisThread().port, quint16(1002));
        QCOMPARE(other.forThisThread().port, quint16(2001));

        holder.reset();
        holder.emplace(configWithPort(3001)); // likely at the same address as the first
        QCOMPARE(holder->forThisThread().port, quint16(3001));
    }

    // A trusted proxy given as an IPv4-mapped address is its IPv4 address, as in allowlists:
    // peers are compared as IPv4, so the mapped entry trusted no one and every client was taken
    // for the proxy. The client's address is then the right-most one the proxy vouches for.
    void aMappedTrustedProxyIsItsIpv4Address()
    {
        auto proxies = ServerConfigLoader::parseSubnets(QStringLiteral("::ffff:127.0.0.1"));
        QVERIFY2(proxies, qPrintable(proxies.errorMessage()));
        ServerConfig config;
        config.trustedProxies = *proxies;
        QVERIFY(config.isTrustedProxy(QHostAddress(QStringLiteral("127.0.0.1"))));
        for (const QString &peer :
             {QStringLiteral("127.0.0.1"), QStringLiteral("::ffff:127.0.0.1")})
            QCOMPARE(RequestCredentials::clientAddress(QHostAddress(peer), "198.51.100.7", config),
                     QHostAddress(QStringLiteral("198.51.100.7")));
        QCOMPARE(RequestCredentials::clientAddress(QHostAddress(QStringLiteral("10.0.0.5")),
                                                   "198.51.100.7", config),
                 QHostAddress(QStringLiteral("10.0.0.5")));
    }
};

QTEST_GUILESS_MAIN(TestVerifydResponses)
#include "test_verifyd_responses.moc"
