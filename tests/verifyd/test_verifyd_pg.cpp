// keyward-verifyd on a PostgreSQL vault (the pg fixture's cluster): verdicts, revocation made
// elsewhere honoured within 1 s, and a dropped connection re-established without a restart.
#include "PgFixture.h"
#include "VerifydTestSupport.h"

#include <QElapsedTimer>

using namespace Keyward;
using namespace Keyward::Testing;

class TestVerifydPg : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgVaultFixture> m_vault;
    IssuedToken m_key;
    std::unique_ptr<VerifydProcess> m_server;

    int status(const IssuedToken &key, const QByteArray &path = "/v1/auth")
    {
        RawHttp http(m_server->port());
        return http.request(RawHttp::build("GET", path, {bearer(key)})).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_vault = std::make_unique<PgVaultFixture>();
        m_key = issue(*m_vault->store, QStringLiteral("pg service"));
        const QString conninfo =
            m_vault->pg.conninfo(QStringLiteral("alice"), QString::fromUtf8(kOwnerPassphrase))
                .toString(true);
        m_server = std::make_unique<VerifydProcess>();
        QVERIFY(m_server->start(
            {QStringLiteral("--db"), conninfo, QStringLiteral("--threads"), QStringLiteral("2")}));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
        m_vault.reset();
    }

    void verdicts()
    {
        QCOMPARE(status(m_key), 200);
        QCOMPARE(status(IssuedToken {0, "kw_live_nosuchkey"}), 401);
        RawHttp http(m_server->port());
        QCOMPARE(http.request(RawHttp::build("GET", "/healthz")).status, 200);
    }

    void revocationReachesTheServerWithinOneSecond()
    {
        const IssuedToken doomed = issue(*m_vault->store, QStringLiteral("doomed"));
        QCOMPARE(status(doomed), 200);
        auto key = m_vault->store->key(doomed.id);
        QVERIFY(key);
        QVERIFY(m_vault->store->revokeKey(doomed.id, key->version));
        QElapsedTimer sinceRevoke;
        sinceRevoke.start();
        int answer = 200;
        while (answer == 200 && sinceRevoke.elapsed() < 5000)
            answer = status(doomed);
        QCOMPARE(answer, 401);
        QVERIFY2(sinceRevoke.elapsed() <= 1000, qPrintable(QString::number(sinceRevoke.elapsed())));
    }

    void droppedConnectionIsReestablished()
    {
        // Warm both threads' connections, then cut every connection but the superuser's.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(status(m_key), 200);
        const qint64 pid = m_server->pid();
        QVERIFY(m_vault->pg.admin().exec(
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")));
        // A key the server has never seen, so the answer needs the store, not the cache.
        QVERIFY(m_vault->store->reconnect());
        const IssuedToken fresh = issue(*m_vault->store, QStringLiteral("after the cut"));
        QElapsedTimer waited;
        waited.start();
        int answer = 0;
        int served = 0;
        // Every thread of the server must get back: several 200s in a row on new connections.
        while (served < 6 && waited.elapsed() < 15000) {
            answer = status(fresh);
            served = answer == 200 ? served + 1 : 0;
            if (answer != 200)
                QTest::qWait(100);
        }
        QCOMPARE(answer, 200);
        QCOMPARE(m_server->pid(), pid); // no restart
        RawHttp http(m_server->port());
        const RawResponse metrics = http.request(RawHttp::build("GET", "/metrics"));
        const qsizetype at = metrics.body.indexOf("\nkeyward_verifyd_store_reconnects_total ");
        QVERIFY(at >= 0);
        QVERIFY(metrics.body.mid(at + 1).split('\n').first().split(' ').last().toLongLong() >= 1);
        // The password in the conninfo never reaches the log.
        QVERIFY(!m_server->log().contains(kOwnerPassphrase));
    }
};

QTEST_GUILESS_MAIN(TestVerifydPg)
#include "test_verifyd_pg.moc"
