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
    QTemporaryDir m_dir;
    std::unique_ptr<PgVaultFixture> m_vault;
    IssuedToken m_key;
    IssuedToken m_counted;
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
        // As a service runs it: a verifier login (keywardctl db add-verifier), which may read
        // keys and write usage, nothing else.
        const QString login = m_vault->uniqueLogin(QStringLiteral("verifyd"));
        QVERIFY(m_vault->store->addVerifierLogin(login, secret("verifier password")));
        const QString conninfo =
            m_vault->pg.conninfo(login, QStringLiteral("verifier password")).toString(true);
        // A ten-minute flush interval: only SIGTERM can have saved the usage at the end.
        QVERIFY(m_dir.isValid());
        const QString config = m_dir.filePath(QStringLiteral("verifyd.conf"));
        QVERIFY(writeFile(config, "[verify]\nusage_flush_interval_ms = 600000\n"));
        m_counted = issue(*m_vault->store, QStringLiteral("counted"), {}, {}, 1000000);
        m_server = std::make_unique<VerifydProcess>();
        QVERIFY(m_server->start({QStringLiteral("--config"), config, QStringLiteral("--db"),
                                 conninfo, QStringLiteral("--threads"), QStringLiteral("2")}));
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
        QVERIFY(!m_server->log().contains("verifier password"));
    }

    // Last: stops the server.
    void sigtermSavesEveryRecordedUse()
    {
        const int requests = 100;
        for (int i = 0; i < requests; ++i)
            QCOMPARE(status(m_counted), 200);
        QCOMPARE(m_server->terminate(), 0);
        const QByteArray log = m_server->log();
        QVERIFY2(!log.contains("could not be saved"), log.constData());
        m_server.reset();
        QVERIFY(m_vault->store->reconnect());
        auto after = m_vault->store->key(m_counted.id);
        QVERIFY2(after, qPrintable(after.errorMessage()));
        QVERIFY(after->secrets.value(0).lastUsedAtMs);
        // Every use saved, and the credits reserved but not spent given back.
        QVERIFY2(after->usageCount == requests, log.constData());
    }
};

QTEST_GUILESS_MAIN(TestVerifydPg)
#include "test_verifyd_pg.moc"
