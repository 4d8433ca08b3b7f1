// nginx (the Debian package) with auth_request in front of keyward-verifyd, both started by the
// nginx fixture (nginx_fixture.sh): what a client of a gateway sees, and what the upstream gets.
#include "RawHttp.h"

#include <QFile>
#include <QTest>

using namespace Keyward::Testing;

class TestVerifydNginx : public QObject
{
    Q_OBJECT

private:
    quint16 m_port = 0;
    QByteArray m_token;
    QByteArray m_keyId;
    QByteArray m_limited;

    static QByteArray state(const char *name)
    {
        QFile file(qEnvironmentVariable("KEYWARD_NGINX_DIR") + QLatin1Char('/')
                   + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("No nginx fixture: run through ctest (fixture \"nginx\"), which needs the "
                   "nginx package. Missing %s",
                   qPrintable(file.fileName()));
        return file.readAll().trimmed();
    }

    RawResponse get(const QByteArray &path, const QList<QByteArray> &headers = {})
    {
        RawHttp http(m_port);
        return http.request(RawHttp::build("GET", path, headers));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_port = quint16(state("port").toUInt());
        m_token = state("token_ok");
        m_keyId = state("key_ok");
        m_limited = state("token_limited");
        QVERIFY(m_port > 0);
    }

    void validKeyReachesTheUpstreamWithItsId()
    {
        const RawResponse ok = get("/api/orders", {"Authorization: Bearer " + m_token});
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body,
                 "upstream saw key " + m_keyId
                     + "\nname=through nginx\ngrants=licenses:read\ncustomer=\nenvironment=live\n");
        QCOMPARE(get("/api/orders", {"X-API-Key: " + m_token}).status, 200);
    }

    // A client's own X-Keyward-* headers never reach the upstream: the gateway sets every one
    // from the verdict, an unscoped key's customer included (found by a review: the customer,
    // name and environment a client sent were passed through).
    void headersAClientSendsDoNotReachTheUpstream()
    {
        const RawResponse ok = get("/api/orders",
                                   {"Authorization: Bearer " + m_token, "X-Keyward-Key-Id: 999",
                                    "X-Keyward-Key-Name: root", "X-Keyward-Grants: admin:full",
                                    "X-Keyward-Customer: victim", "X-Keyward-Environment: test"});
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body,
                 "upstream saw key " + m_keyId
                     + "\nname=through nginx\ngrants=licenses:read\ncustomer=\nenvironment=live\n");
    }

    void missingOrUnknownKeyIs401WithAChallenge()
    {
        const RawResponse none = get("/api/orders");
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("www-authenticate").startsWith("Bearer realm=\"keyward\""));
        const RawResponse unknown = get("/api/orders", {"X-API-Key: kw_live_nosuchkey"});
        QCOMPARE(unknown.status, 401);
        QVERIFY(!unknown.body.contains("upstream saw"));
    }

    void missingGrantIs403()
    {
        const RawResponse forbidden = get("/admin/users", {"Authorization: Bearer " + m_token});
        QCOMPARE(forbidden.status, 403);
        QVERIFY(!forbidden.body.contains("upstream saw"));
    }

    void rateLimitedIs429WithRetryAfterNot500()
    {
        QCOMPARE(get("/api/orders", {"X-API-Key: " + m_limited}).status, 200);
        const RawResponse limited = get("/api/orders", {"X-API-Key: " + m_limited});
        QCOMPARE(limited.status, 429);
        const int retryAfter = limited.header("retry-after").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.header("retry-after").constData());
        QVERIFY(!limited.body.contains("upstream saw"));
    }
};

QTEST_GUILESS_MAIN(TestVerifydNginx)
#include "test_verifyd_nginx.moc"
