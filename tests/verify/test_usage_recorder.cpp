// Write-behind usage recording: nothing is written while verifying, everything is written in
// one go on flush and on shutdown, and what is written adds up (last use per secret, hourly
// counts per outcome, credits, the bounded request log). Built twice (see CMakeLists.txt): on a
// vault file, and on PostgreSQL where the verifier and its writer are a verifier login, as a
// service would be, so the database's grants for that role are exercised too.
#include "StoreDatabase.h"
#include "StoreFixture.h"
#include "VerifyTestSupport.h"
#include "crypto/KeyToken.h"
#include "store/ChangeWatcher.h"
#include "store/UsageRepository.h"
#include "verify/UsageRecorder.h"
#include "verify/UsageReport.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QTest>

#include <set>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

// Long enough that only an explicit flush (or the destructor) writes during a test.
UsageRecorderOptions manualFlush()
{
    UsageRecorderOptions options;
    options.flushIntervalMs = 3600 * 1000;
    return options;
}

// The same, and every request logged (no sampling of busy keys), for tests about the log itself.
UsageRecorderOptions manualFlushFullLog()
{
    UsageRecorderOptions options = manualFlush();
    options.requestLogPerSecond = 1000000;
    options.validRequestLogPerSecond = 1000000;
    return options;
}

} // namespace

class TestUsageRecorder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_vault;
    std::unique_ptr<SqlKeyStore> m_serviceStore;
    QString m_verifierLogin; // PostgreSQL: the service's login

    // The admin's store: creates keys, reads results.
    SqlKeyStore &store() { return *m_vault->store; }
    // What verifies and records: the same vault file, or a verifier login on PostgreSQL.
    SqlKeyStore &service() { return m_serviceStore ? *m_serviceStore : store(); }
    ManualClock &clock() { return m_vault->clock; }
    qint64 count(const QString &sql, const QVariantList &binds = {})
    {
        return scalar(StoreDatabase::of(store()), sql, binds);
    }
    qint64 requestRows(qint64 keyId)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM request_log WHERE key_id = ?"), {keyId});
    }
    qint64 hourlyTotal(qint64 keyId)
    {
        return count(
            QStringLiteral("SELECT COALESCE(SUM(count), 0) FROM key_usage_hourly WHERE key_id = ?"),
            {keyId});
    }

#ifndef KEYWARD_TEST_POSTGRES
    // The vault opened again, as a verifier whose store waits only 50 ms for the write lock.
    std::unique_ptr<SqlKeyStore> openWaitingBriefly()
    {
        VaultOptions quick;
        quick.busyTimeoutMs = 50;
        auto opened = SqlKeyStore::openVault(m_vault->path, clock(), quick);
        return opened ? std::move(opened).value() : nullptr;
    }

    // A verifier recording through such a store, and a second connection that can take the
    // vault's write lock (lock()) while the recorder writes.
    struct LockableVault
    {
        std::unique_ptr<SqlKeyStore> verifierStore;
        std::unique_ptr<SqlKeyStore> blocker;
        std::unique_ptr<Verifier> verifier;
        std::unique_ptr<UsageRecorder> recorder;
        QSqlQuery lock() const { return QSqlQuery(StoreDatabase::of(*blocker)); }
    };
    LockableVault lockableVault(const UsageRecorderOptions &options)
    {
        LockableVault vault;
        vault.verifierStore = openWaitingBriefly();
        vault.blocker = m_vault->openSecond(QString());
        if (!vault.verifierStore || !vault.blocker)
            return vault;
        vault.verifier = std::make_unique<Verifier>(*vault.verifierStore, clock());
        vault.recorder = std::make_unique<UsageRecorder>(*vault.verifierStore, clock(), options);
        vault.verifier->setRecorder(vault.recorder.get());
        return vault;
    }
#endif

private Q_SLOTS:
    void init()
    {
        m_vault = std::make_unique<StoreFixture>();
#ifdef KEYWARD_TEST_POSTGRES
        const QString login = m_verifierLogin = QStringLiteral("kwv_") + randomToken();
        auto added = PostgresSetup::addVerifierLogin(m_vault->pg.admin().db(), login,
                                                     secret("verifier password"));
        QVERIFY2(added, qPrintable(added.errorMessage()));
        auto connected = SqlKeyStore::connectPostgres(
            m_vault->pg.conninfo(login, QStringLiteral("verifier password")), clock());
        QVERIFY2(connected, qPrintable(connected.errorMessage()));
        m_serviceStore = std::move(connected).value();
#endif
    }
    void cleanup()
    {
        m_serviceStore.reset();
        m_vault.reset();
    }

#ifndef KEYWARD_TEST_POSTGRES
    void writerConnectionHasALargePageCache()
    {
        const QString name = QStringLiteral("usage-cache-test");
        auto opened = UsageRepository::openConnection(StoreDatabase::of(store()).connectionName(),
                                                      name, SqlEngine::Sqlite);
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        {
            QSqlQuery q(*opened);
            QVERIFY(q.exec(QStringLiteral("PRAGMA cache_size")) && q.next());
            QCOMPARE(q.value(0).toInt(), -UsageRepository::kWriterCacheKiB);
            // The upserts' statement journals in memory (2), never in a file (1, 0).
            QVERIFY(q.exec(QStringLiteral("PRAGMA temp_store")) && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            // What skips the rows of keys deleted since their requests (bulk write).
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        QSqlQuery own(StoreDatabase::of(store())); // usageRepository() writes through this one
        QVERIFY(own.exec(QStringLiteral("PRAGMA temp_store")) && own.next());
        QCOMPARE(own.value(0).toInt(), 2);
        *opened = QSqlDatabase();
        UsageRepository::closeConnection(name);
    }

    // The window's feed finds the stamped secrets by scanning the narrow usage table (usage_seq
    // has no index), then looks up each one's key: a plan that walks every secret and looks up
    // its usage instead cost more than twice as much at 100,000 secrets. The plan depends on
    // the tables' statistics: these are those of 2,000 used keys (raw rows; nothing verifies
    // them), which made SQLite choose that walk for a plain JOIN.
    void usageFeedScansOnlyTheUsageTable()
    {
        QSqlQuery q(StoreDatabase::of(store()));
        for (const char *sql :
             {"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
              "INSERT INTO api_keys (id, name, environment, role, grants, state, created_by, "
              "created_at, updated_at) SELECT 1000 + i, 'raw', 0, 1, '', 0, (SELECT MIN(id) FROM "
              "members), 0, 0 FROM n",
              "INSERT INTO key_secrets (id, key_id, hash, hint, created_at) SELECT id, id, "
              "randomblob(32), 'h', 0 FROM api_keys WHERE id > 1000",
              "INSERT INTO secret_usage (secret_id, usage_seq) SELECT id, id FROM key_secrets "
              "WHERE "
              "id > 1000",
              "ANALYZE"})
            QVERIFY2(q.exec(QLatin1String(sql)), qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + SqlKeyStore::usageSinceSql()));
        q.addBindValue(0);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QStringList steps;
        while (q.next())
            steps.append(q.value(3).toString());
        const QString plan = steps.join(QStringLiteral(" | "));
        QVERIFY2(plan.contains(QStringLiteral("SCAN n")), qPrintable(plan));
        QVERIFY2(!plan.contains(QStringLiteral("SCAN t"))
                     && !plan.contains(QStringLiteral("SCAN s")),
                 qPrintable(plan));
    }
#endif

    void nothingIsWrittenUntilFlushThenEverything()
    {
        const IssuedToken issued = issue(store(), QStringLiteral("Billing"));
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), manualFlushFullLog());
        verifier.setRecorder(&recorder);
        for (int i = 0; i < 25; ++i)
            QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
        verifyToken(verifier, issued.token, Environment::Staging); // WrongEnvironment
        // Write-behind: verification has not written a thing.
        QCOMPARE(requestRows(issued.key.id), qint64(0));
        QCOMPARE(hourlyTotal(issued.key.id), qint64(0));
        QVERIFY(!store().key(issued.key.id)->secrets.constFirst().lastUsedAtMs);

        QVERIFY(recorder.flush());
        QCOMPARE(requestRows(issued.key.id), qint64(26));
        QCOMPARE(hourlyTotal(issued.key.id), qint64(26));
        const ApiKey key = *store().key(issued.key.id);
        QCOMPARE(key.usageCount, qint64(25)); // only Valid answers use credits
        QCOMPARE(key.secrets.constFirst().lastUsedAtMs, std::optional<qint64>(clock().nowMs()));
        QCOMPARE(key.secrets.constFirst().lastUsedSource, QStringLiteral("test"));
        QCOMPARE(count(QStringLiteral("SELECT count FROM key_usage_hourly WHERE key_id = ? AND "
                                      "outcome = ?"),
                       {issued.key.id, verifyOutcomeToInt(VerifyOutcome::WrongEnvironment)}),
                 qint64(1));
        // A second flush with nothing new writes nothing twice.
        QVERIFY(recorder.flush());
        QCOMPARE(requestRows(issued.key.id), qint64(26));
        QCOMPARE(store().key(issued.key.id)->usageCount, qint64(25));
    }

    // A clean exit loses nothing: the destructor writes what is left, also after the writer
    // thread got events in several hand-offs.
    void shutdownWritesEverything()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        const IssuedToken b = issue(store(), QStringLiteral("B"));
        const QByteArray unknown =
            bytesOf(KeyToken::generate(QStringLiteral("kw"), Environment::Production));
        {
            Verifier verifier(service(), clock());
            UsageRecorderOptions options = manualFlushFullLog();
            options.handOffEvents = 7; // many hand-offs to the writer before the final write
            UsageRecorder recorder(service(), clock(), options);
            verifier.setRecorder(&recorder);
            for (int i = 0; i < 100; ++i) {
                verifyToken(verifier, a.token, Environment::Production, {},
                            QStringLiteral("10.0.0.%1").arg(i % 3));
                verifyToken(verifier, b.token, Environment::Production,
                            {QStringLiteral("customers:write")});
                clock().advanceMs(3 * kMinuteMs); // 300 minutes: five hours
            }
            verifyToken(verifier, unknown);
            verifyToken(verifier, "not a key");
        }
        QCOMPARE(hourlyTotal(a.key.id), qint64(100));
        QCOMPARE(hourlyTotal(b.key.id), qint64(100));
        QCOMPARE(store().key(a.key.id)->usageCount, qint64(100));
        QCOMPARE(store().key(b.key.id)->usageCount, qint64(0)); // 403s use no credits
        QCOMPARE(requestRows(a.key.id), qint64(100));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM request_log WHERE key_id IS NULL")),
                 qint64(2));
        QVERIFY(count(QStringLiteral("SELECT COUNT(DISTINCT hour) FROM key_usage_hourly WHERE "
                                     "key_id = ?"),
                      {a.key.id})
                >= 4);
        QCOMPARE(store().key(a.key.id)->secrets.constFirst().lastUsedSource,
                 QStringLiteral("10.0.0.0")); // i = 99 is the last one
    }

    // Regenerated with a grace period: the old secret works until the deadline and then
    // answers 401; the admin sees the last use of each secret separately.
    void gracePeriodRecordsBothSecrets()
    {
        const IssuedToken issued = issue(store(), QStringLiteral("Rotating"));
        auto regenerated = store().regenerateKey(issued.key.id, issued.key.version, kHourMs);
        QVERIFY2(regenerated, qPrintable(regenerated.errorMessage()));
        const QByteArray fresh = bytesOf(regenerated->token);
        const qint64 deadline = clock().nowMs() + kHourMs;

        Verifier verifier(service(), clock());
        verifier.enableCache();
        UsageRecorder recorder(service(), clock(), manualFlush());
        verifier.setRecorder(&recorder);
        QCOMPARE(
            verifyToken(verifier, fresh, Environment::Production, {}, QStringLiteral("new-deploy"))
                .outcome,
            VerifyOutcome::Valid);
        clock().setNowMs(deadline - 1);
        QCOMPARE(verifyToken(verifier, issued.token, Environment::Production, {},
                             QStringLiteral("old-cron"))
                     .outcome,
                 VerifyOutcome::Valid);
        clock().setNowMs(deadline);
        const VerifyResult late = verifyToken(verifier, issued.token, Environment::Production, {},
                                              QStringLiteral("old-cron"));
        QCOMPARE(late.outcome, VerifyOutcome::Revoked);
        QCOMPARE(late.httpStatus(), 401);
        QCOMPARE(verifyToken(verifier, fresh).outcome, VerifyOutcome::Valid);
        QVERIFY(recorder.flush());

        const ApiKey key = *store().key(issued.key.id);
        QCOMPARE(key.secrets.size(), 2);
        const KeySecret &newest = key.secrets.at(0);
        const KeySecret &oldest = key.secrets.at(1);
        QCOMPARE(oldest.id, issued.key.secrets.constFirst().id);
        // The old secret worked until just before the deadline, and was still presented at it:
        // refused, which is not a use, but the admin must see that something still tries it.
        QCOMPARE(oldest.lastUsedAtMs, std::optional<qint64>(deadline - 1));
        QCOMPARE(oldest.lastUsedSource, QStringLiteral("old-cron"));
        QCOMPARE(oldest.lastRefusedAtMs, std::optional<qint64>(deadline));
        QCOMPARE(oldest.lastRefusedOutcome, verifyOutcomeToInt(VerifyOutcome::Revoked));
        QVERIFY(!newest.lastRefusedAtMs);
        QCOMPARE(newest.lastUsedAtMs, std::optional<qint64>(deadline));
        QCOMPARE(newest.lastUsedSource, QStringLiteral("test"));
        // The request log says which secret each request used.
        auto report = UsageReport::load(store(), key.id, clock().nowMs());
        QVERIFY(report);
        QCOMPARE(report->requests().size(), 4);
        QCOMPARE(report->requests().at(1).outcome, VerifyOutcome::Revoked);
        QCOMPARE(report->requests().at(1).secretHint, oldest.hint);
        QCOMPARE(report->requests().at(0).secretHint, newest.hint);
    }

    void requestLogIsBounded()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        const IssuedToken b = issue(store(), QStringLiteral("B"));
        UsageRecorderOptions options = manualFlush();
        options.retention.requestsPerKey = 5;
        options.retention.requestsTotal = 8;
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), options);
        verifier.setRecorder(&recorder);
        for (int i = 0; i < 12; ++i) {
            clock().advanceMs(1000);
            verifyToken(verifier, a.token, Environment::Production, {}, QString::number(i));
        }
        QVERIFY(recorder.flush());
        QCOMPARE(requestRows(a.key.id), qint64(5));
        // The newest stay.
        auto report = UsageReport::load(store(), a.key.id, clock().nowMs());
        QVERIFY(report);
        QCOMPARE(report->requests().size(), 5);
        QCOMPARE(report->requests().constFirst().source, QStringLiteral("11"));
        QCOMPARE(report->requests().constLast().source, QStringLiteral("7"));
        // The counts are not trimmed: they are the record of use.
        QCOMPARE(hourlyTotal(a.key.id), qint64(12));

        for (int i = 0; i < 4; ++i)
            verifyToken(verifier, b.token);
        QVERIFY(recorder.flush());
        QCOMPARE(requestRows(b.key.id), qint64(4));
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM request_log")) <= 8);
    }

    // The log is written several rows per statement: every row keeps its own values, in order,
    // across whole statements and the last partial one, with and without a key.
    void everyLoggedRequestKeepsItsOwnValues()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), manualFlushFullLog());
        verifier.setRecorder(&recorder);
        struct Expected
        {
            qint64 atMs;
            bool keyed;
            QString source;
            int outcome;
        };
        std::vector<Expected> expected;
        const QStringList hostile = {QStringLiteral("'); DROP TABLE request_log; --"),
                                     QStringLiteral("Zoë \u2603 \U0001F511"), QString(),
                                     QStringLiteral("a\tb\nc"), QStringLiteral("?, ?")};
        for (int i = 0; i < 101; ++i) {
            clock().advanceMs(1000);
            const QString source = hostile.at(i % hostile.size()) + QString::number(i);
            if (i % 7 == 3) {
                verifyToken(verifier, "not a key", Environment::Production, {}, source);
                expected.push_back(
                    {clock().nowMs(), false, source, verifyOutcomeToInt(VerifyOutcome::Malformed)});
            } else {
                verifyToken(verifier, a.token, Environment::Production, {}, source);
                expected.push_back(
                    {clock().nowMs(), true, source, verifyOutcomeToInt(VerifyOutcome::Valid)});
            }
        }
        QVERIFY(recorder.flush());
        QSqlQuery q(StoreDatabase::of(store()));
        QVERIFY(q.exec(QStringLiteral(
            "SELECT at, key_id, secret_id, source, outcome FROM request_log ORDER BY id")));
        std::size_t row = 0;
        for (; q.next(); ++row) {
            QVERIFY2(row < expected.size(), "more rows than requests");
            const Expected &want = expected[row];
            QCOMPARE(q.value(0).toLongLong(), want.atMs);
            QCOMPARE(q.isNull(1), !want.keyed);
            QCOMPARE(q.isNull(2), !want.keyed);
            if (want.keyed) {
                QCOMPARE(q.value(1).toLongLong(), a.key.id);
                QCOMPARE(q.value(2).toLongLong(), a.key.secrets.constFirst().id);
            }
            QCOMPARE(q.value(3).toString(), want.source);
            QCOMPARE(q.value(4).toInt(), want.outcome);
        }
        QCOMPARE(row, expected.size());
    }

    // A key given as the source (a pasting mistake, a client's header) is saved only as its hint:
    // in the secret's last use and in the request log, which the window and `key usage` show.
    void aKeyGivenAsTheSourceIsSavedAsItsHint()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        const IssuedToken other = issue(store(), QStringLiteral("Other"));
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), manualFlushFullLog());
        verifier.setRecorder(&recorder);
        const QString source = QStringLiteral("cron ") + QString::fromUtf8(other.token);
        verifyToken(verifier, a.token, Environment::Production, {}, source);
        verifyToken(verifier, "not a key", Environment::Production, {}, source);
        verifyToken(verifier, a.token, Environment::Production, {}, QStringLiteral("plain_name"));
        QVERIFY(recorder.flush());
        const QString secretPart = QString::fromUtf8(other.token.mid(12, 30));
        QSqlQuery q(StoreDatabase::of(store()));
        QVERIFY(q.exec(QStringLiteral("SELECT source FROM request_log ORDER BY id")));
        QStringList logged;
        while (q.next())
            logged.append(q.value(0).toString());
        QCOMPARE(logged.size(), 3);
        for (const QString &row : logged.mid(0, 2)) {
            QVERIFY2(!row.contains(secretPart), qPrintable(row));
            QCOMPARE(row, KeyToken::redact(source));
        }
        QCOMPARE(logged.at(2), QStringLiteral("plain_name")); // no key in it: unchanged
        QVERIFY(q.exec(QStringLiteral("SELECT last_used_source FROM secret_usage")));
        while (q.next())
            QVERIFY2(!q.value(0).toString().contains(secretPart),
                     qPrintable(q.value(0).toString()));
    }

    // Another verifier (here: a second recorder) may write a newer last use or refusal before an
    // older one arrives: the older never replaces it, while the counts still add up and the
    // secret's usage sequence still moves (open windows learn the counts changed).
    void anOlderLastUseNeverReplacesANewerOne()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        const IssuedToken b = issue(store(), QStringLiteral("B"));
        const qint64 start = clock().nowMs();
        Verifier verifier(service(), clock());
        UsageRecorder first(service(), clock(), manualFlushFullLog());
        verifier.setRecorder(&first);
        clock().setNowMs(start + 10 * kSecondMs);
        verifyToken(verifier, a.token, Environment::Production, {}, QStringLiteral("newer"));
        verifyToken(verifier, a.token, Environment::Staging, {}, QStringLiteral("newer"));
        QVERIFY(first.flush());
        const qint64 sequenceAfterFirst = count(
            QStringLiteral("SELECT u.usage_seq FROM secret_usage u JOIN key_secrets s ON s.id = "
                           "u.secret_id WHERE s.key_id = ?"),
            {a.key.id});

        Verifier late(service(), clock());
        UsageRecorder second(service(), clock(), manualFlushFullLog());
        late.setRecorder(&second);
        clock().setNowMs(start + 5 * kSecondMs); // what a slower verifier saw earlier
        verifyToken(late, a.token, Environment::Production, {}, QStringLiteral("older"));
        verifyToken(late, a.token, Environment::Development, {}, QStringLiteral("older"));
        verifyToken(late, b.token, Environment::Production, {}, QStringLiteral("b's first"));
        QVERIFY(second.flush());

        const ApiKey keyA = *store().key(a.key.id);
        const KeySecret &secretA = keyA.secrets.constFirst();
        QCOMPARE(secretA.lastUsedAtMs, std::optional<qint64>(start + 10 * kSecondMs));
        QCOMPARE(secretA.lastUsedSource, QStringLiteral("newer"));
        QCOMPARE(secretA.lastRefusedAtMs, std::optional<qint64>(start + 10 * kSecondMs));
        QCOMPARE(secretA.lastRefusedOutcome, verifyOutcomeToInt(VerifyOutcome::WrongEnvironment));
        QCOMPARE(keyA.usageCount, qint64(2));
        QCOMPARE(hourlyTotal(a.key.id), qint64(4));
        QVERIFY(count(QStringLiteral(
                          "SELECT u.usage_seq FROM secret_usage u JOIN key_secrets s ON s.id = "
                          "u.secret_id WHERE s.key_id = ?"),
                      {a.key.id})
                > sequenceAfterFirst);
        // A key the first recorder never saw takes the older write as it is.
        const KeySecret secretB = store().key(b.key.id)->secrets.constFirst();
        QCOMPARE(secretB.lastUsedAtMs, std::optional<qint64>(start + 5 * kSecondMs));
        QCOMPARE(secretB.lastUsedSource, QStringLiteral("b's first"));
        QVERIFY(!secretB.lastRefusedAtMs);

        // A newer one replaces both.
        clock().setNowMs(start + 20 * kSecondMs);
        verifyToken(late, a.token, Environment::Production, {}, QStringLiteral("newest"));
        QVERIFY(second.flush());
        QCOMPARE(store().key(a.key.id)->secrets.constFirst().lastUsedSource,
                 QStringLiteral("newest"));
    }

    void bufferedRequestsAreBoundedWithExactCounts()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        UsageRecorderOptions options = manualFlushFullLog();
        options.maxBufferedRequests = 10;
        options.handOffEvents = 16;
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), options);
        verifier.setRecorder(&recorder);
        for (int i = 0; i < 500; ++i)
            verifyToken(verifier, a.token);
        QVERIFY(recorder.flush());
        QCOMPARE(requestRows(a.key.id), qint64(10));
        QCOMPARE(hourlyTotal(a.key.id), qint64(500));
        QCOMPARE(store().key(a.key.id)->usageCount, qint64(500));
    }

    // A busy key's log is a sample: per key, outcome and second the first few requests, across
    // writes too; a rare refusal among many valid requests is always there; counts, credits and
    // last use stay exact.
    void busyKeysLogIsSampledCountsExact()
    {
        const IssuedToken a = issue(store(), QStringLiteral("Busy"));
        const QByteArray unknown =
            bytesOf(KeyToken::generate(QStringLiteral("kw"), Environment::Production));
        UsageRecorderOptions options = manualFlush();
        options.requestLogPerSecond = 3;
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), options);
        verifier.setRecorder(&recorder);
        // All in one hour, so the counts add up in one row per outcome.
        clock().setNowMs((clock().nowMs() / kHourMs + 1) * kHourMs + 10 * kSecondMs);
        for (int i = 0; i < 40; ++i) {
            verifyToken(verifier, a.token, Environment::Production, {},
                        QStringLiteral("first-%1").arg(i));
            if (i == 30)
                verifyToken(verifier, a.token, Environment::Staging, {},
                            QStringLiteral("misconfigured"));
            if (i % 10 == 0)
                verifyToken(verifier, unknown);
        }
        QVERIFY(recorder.flush());
        // The same second after a write: its allowance is used up already.
        for (int i = 0; i < 5; ++i)
            verifyToken(verifier, a.token, Environment::Production, {}, QStringLiteral("late"));
        QVERIFY(recorder.flush());
        clock().advanceMs(kSecondMs);
        for (int i = 0; i < 5; ++i)
            verifyToken(verifier, a.token, Environment::Production, {},
                        QStringLiteral("second-%1").arg(i));
        QVERIFY(recorder.flush());

        auto report = UsageReport::load(store(), a.key.id, clock().nowMs());
        QVERIFY2(report, qPrintable(report.errorMessage()));
        QStringList logged;
        for (const UsageReport::Request &request : report->requests())
            logged.append(request.source); // newest first
        QCOMPARE(logged,
                 QStringList({QStringLiteral("second-2"), QStringLiteral("second-1"),
                              QStringLiteral("second-0"), QStringLiteral("misconfigured"),
                              QStringLiteral("first-2"), QStringLiteral("first-1"),
                              QStringLiteral("first-0")}));
        QCOMPARE(report->requests().at(3).outcome, VerifyOutcome::WrongEnvironment);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM request_log WHERE key_id IS NULL")),
                 qint64(3)); // unknown tokens: 4 in one second
        // Every request counted, every valid one credited, the latest use recorded.
        QCOMPARE(hourlyTotal(a.key.id), qint64(51));
        QCOMPARE(store().key(a.key.id)->usageCount, qint64(50));
        QCOMPARE(store().key(a.key.id)->secrets.constFirst().lastUsedSource,
                 QStringLiteral("second-4"));
        // A clock stepped back starts logging again.
        clock().advanceMs(-kMinuteMs);
        verifyToken(verifier, a.token, Environment::Production, {}, QStringLiteral("stepped"));
        QVERIFY(recorder.flush());
        QCOMPARE(requestRows(a.key.id), qint64(8));
    }

    // Many distinct keys in one second: valid requests share one allowance of log rows, so the
    // writer's work does not grow with every key in use; refusals are logged beyond it, and the
    // counts, credits and last uses stay exact for every key.
    void validRowsShareOneAllowancePerSecond()
    {
        QVector<IssuedToken> keys;
        for (int i = 0; i < 6; ++i)
            keys.append(issue(store(), QStringLiteral("Distinct %1").arg(i)));
        UsageRecorderOptions options = manualFlush();
        options.validRequestLogPerSecond = 4;
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), options);
        verifier.setRecorder(&recorder);
        clock().setNowMs((clock().nowMs() / kHourMs + 1) * kHourMs + 10 * kSecondMs);
        for (const IssuedToken &key : std::as_const(keys))
            verifyToken(verifier, key.token, Environment::Production, {}, QStringLiteral("valid"));
        verifyToken(verifier, keys.last().token, Environment::Staging, {},
                    QStringLiteral("misconfigured"));
        QVERIFY(recorder.flush());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM request_log WHERE outcome = ?"),
                       {int(VerifyOutcome::Valid)}),
                 qint64(4));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM request_log WHERE outcome = ?"),
                       {int(VerifyOutcome::WrongEnvironment)}),
                 qint64(1));
        for (const IssuedToken &key : std::as_const(keys)) {
            QCOMPARE(store().key(key.key.id)->usageCount, qint64(1));
            QCOMPARE(store().key(key.key.id)->secrets.constFirst().lastUsedSource,
                     QStringLiteral("valid"));
        }
        QCOMPARE(hourlyTotal(keys.last().key.id), qint64(2));
        // The next second has its allowance again.
        clock().advanceMs(kSecondMs);
        verifyToken(verifier, keys.last().token, Environment::Production, {},
                    QStringLiteral("later"));
        QVERIFY(recorder.flush());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM request_log WHERE outcome = ?"),
                       {int(VerifyOutcome::Valid)}),
                 qint64(5));
    }

#ifdef KEYWARD_TEST_POSTGRES
    // The server drops the service's connections (a restart, pg_terminate_backend): the write
    // fails, the usage is kept, verification reconnects, and the next write, on a connection of
    // its own again, saves it all.
    void failedWriteKeepsUsageForTheNextOne()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), manualFlushFullLog());
        verifier.setRecorder(&recorder);
        for (int i = 0; i < 3; ++i)
            verifyToken(verifier, a.token);
        QVERIFY2(recorder.flush(), qPrintable(recorder.lastError()));
        for (int i = 0; i < 3; ++i)
            verifyToken(verifier, a.token);

        int terminated = 0;
        QVERIFY(m_vault->pg.admin().exec(
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename "
                           "= '%1'")
                .arg(m_verifierLogin),
            nullptr, &terminated));
        QTRY_COMPARE(m_vault->pg.admin()
                         .scalar(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE "
                                                "usename = '%1'")
                                     .arg(m_verifierLogin))
                         .toInt(),
                     0);
        QVERIFY(!recorder.flush());
        QVERIFY(!recorder.lastError().isEmpty());
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        QVERIFY2(recorder.flush(), qPrintable(recorder.lastError()));
        QCOMPARE(hourlyTotal(a.key.id), qint64(7));
        QCOMPARE(store().key(a.key.id)->usageCount, qint64(7));
        QCOMPARE(requestRows(a.key.id), qint64(7));
    }
#else
    // The vault is busy (another process holds the write lock): the write fails, the usage is
    // kept, and the next write saves it all.
    void failedWriteKeepsUsageForTheNextOne()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        UsageRecorderOptions options = manualFlush();
        options.writerBusyTimeoutMs = 50;
        const LockableVault vault = lockableVault(options);
        QVERIFY(vault.recorder);
        Verifier &verifier = *vault.verifier;
        UsageRecorder &recorder = *vault.recorder;
        for (int i = 0; i < 3; ++i)
            verifyToken(verifier, a.token);

        QSqlQuery lock = vault.lock();
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        const Result<void> blocked = recorder.flush();
        QVERIFY(!blocked);
        QVERIFY(!recorder.lastError().isEmpty());
        // Verification goes on while the vault is locked for writing.
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));

        QVERIFY(recorder.flush());
        QCOMPARE(hourlyTotal(a.key.id), qint64(4));
        QCOMPARE(store().key(a.key.id)->usageCount, qint64(4));
        QVERIFY(recorder.lastError().isEmpty());
    }

    // A write begun (beginFlush) that fails on a locked vault is the one flush() reports: not
    // a second write after it, which would wait for the lock again and count a second failure.
    // Something recorded after beginFlush() is written too.
    void flushAfterBeginFlushWaitsForThatWrite()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        UsageRecorderOptions options = manualFlush();
        options.writerBusyTimeoutMs = 50;
        const LockableVault vault = lockableVault(options);
        QVERIFY(vault.recorder);
        Verifier &verifier = *vault.verifier;
        UsageRecorder &recorder = *vault.recorder;
        verifyToken(verifier, a.token);

        QSqlQuery lock = vault.lock();
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        recorder.beginFlush();
        QVERIFY(!recorder.flush());
        QCOMPARE(recorder.failedWriteCount(), qint64(1));

        // Recorded after beginFlush(): flush() asks for a write of its own (the writer may take
        // both requests as one, if it had not begun the first).
        recorder.beginFlush();
        verifyToken(verifier, a.token);
        QVERIFY(!recorder.flush());
        const qint64 failed = recorder.failedWriteCount();
        QVERIFY(failed == 2 || failed == 3);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));

        recorder.beginFlush();
        QVERIFY(recorder.flush());
        QCOMPARE(recorder.failedWriteCount(), failed);
        QCOMPARE(hourlyTotal(a.key.id), qint64(2));
        QCOMPARE(store().key(a.key.id)->usageCount, qint64(2));
    }

    // The writer waits for another program's write lock longer than the store it records for
    // (an admin's command fails fast; recorded usage must not be lost to a busy vault).
    void writerOutwaitsTheStoresBusyTimeout()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        const LockableVault vault = lockableVault(manualFlush());
        QVERIFY(vault.recorder);
        UsageRecorder &recorder = *vault.recorder;
        verifyToken(*vault.verifier, a.token);

        QSqlQuery lock = vault.lock();
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        recorder.requestFlush();
        QTest::qWait(300); // six times the store's wait
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        QTRY_COMPARE(recorder.writeCount(), qint64(1));
        QVERIFY2(recorder.lastError().isEmpty(), qPrintable(recorder.lastError()));
        QCOMPARE(hourlyTotal(a.key.id), qint64(1));
    }

    // While the writer waits inside a write (here for another program's lock), hand-offs stop
    // queuing at kBacklogFactor times the queue's bound: the recorder's own thread aggregates
    // the rest, and once the lock is free every event is written, none twice.
    void aBusyWriterAggregatesTheBacklogInsteadOfQueuingIt()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        const IssuedToken b = issue(store(), QStringLiteral("B"));
        std::unique_ptr<SqlKeyStore> verifierStore = openWaitingBriefly();
        QVERIFY(verifierStore);
        UsageRecorderOptions options = manualFlush();
        options.handOffEvents = 1;
        options.queuedHandOffs = 2;
        const int limit = UsageWriter::kBacklogFactor * options.queuedHandOffs;
        Verifier verifier(*verifierStore, clock());
        UsageRecorder recorder(*verifierStore, clock(), options);
        verifier.setRecorder(&recorder);
        verifyToken(verifier, a.token);

        auto blocker = m_vault->openSecond(QString());
        QSqlQuery lock(StoreDatabase::of(*blocker));
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        recorder.requestFlush(); // the writer takes the first event and waits for the lock
        QTRY_COMPARE(recorder.aggregatedCount(), qint64(1));
        const int events = 10 * limit;
        for (int i = 0; i < events; ++i)
            verifyToken(verifier, i % 3 == 0 ? b.token : a.token);
        QCOMPARE(recorder.queuedHandOffs(), qsizetype(limit));
        QCOMPARE(recorder.backlogAggregatedCount(), qint64(events - limit));
        QCOMPARE(recorder.writeCount(), qint64(0));

        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        QVERIFY2(recorder.flush(), qPrintable(recorder.lastError()));
        QCOMPARE(recorder.aggregatedCount(), qint64(1 + events));
        const qint64 forB = (events + 2) / 3;
        QCOMPARE(hourlyTotal(a.key.id), qint64(1 + events - forB));
        QCOMPARE(hourlyTotal(b.key.id), forB);
        QCOMPARE(store().key(a.key.id)->usageCount, qint64(1 + events - forB));
        QCOMPARE(store().key(b.key.id)->usageCount, forB);
        QCOMPARE(recorder.queuedHandOffs(), qsizetype(0));
    }

    // A write that took long (here: it waited for another process's write lock) keeps the next
    // timed write three times as long away, so the writer's share of a core stays bounded; a
    // flush somebody waits for is not held back.
    void slowWritePacesTheNextTimedWrite()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), manualFlush());
        verifier.setRecorder(&recorder);
        verifyToken(verifier, a.token);

        auto blocker = m_vault->openSecond(QString());
        QSqlQuery lock(StoreDatabase::of(*blocker));
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        recorder.requestFlush(); // waits for the lock
        QTest::qWait(400);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        QTRY_COMPARE(recorder.writeCount(), qint64(1));
        QVERIFY(recorder.lastWriteMs() >= 400);

        verifyToken(verifier, a.token);
        recorder.requestFlush();
        QTest::qWait(500); // less than 3 x 400 ms after the slow write ended
        QCOMPARE(recorder.writeCount(), qint64(1));
        QCOMPARE(hourlyTotal(a.key.id), qint64(1));
        QTRY_COMPARE(recorder.writeCount(), qint64(2)); // once the pause is over
        QCOMPARE(hourlyTotal(a.key.id), qint64(2));

        verifyToken(verifier, a.token);
        QVERIFY(recorder.flush()); // at once, paced or not
        QCOMPARE(hourlyTotal(a.key.id), qint64(3));
    }
#endif

    void deletedKeyIsSkippedNotFatal()
    {
        const IssuedToken gone = issue(store(), QStringLiteral("Gone"));
        const IssuedToken kept = issue(store(), QStringLiteral("Kept"));
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), manualFlush());
        verifier.setRecorder(&recorder);
        verifyToken(verifier, gone.token);
        verifyToken(verifier, kept.token);
        QVERIFY(store().deleteKey(gone.key.id, gone.key.version));
        QVERIFY2(recorder.flush(), qPrintable(recorder.lastError()));
        QCOMPARE(requestRows(gone.key.id), qint64(0));
        QCOMPARE(hourlyTotal(gone.key.id), qint64(0));
        QCOMPARE(requestRows(kept.key.id), qint64(1));
    }

    // Keys deleted among many: the bulk write puts several rows in one upsert, and a row whose key
    // is gone fails its statement's foreign key. That statement's other rows are written one by
    // one; nothing else is lost, the deleted keys get no row, and the write succeeds.
    void deletedKeysAmongManyLoseNoOtherKeysUsage()
    {
        constexpr int kKeys = 45; // a whole upsert of 32 rows and a shorter last one
        std::vector<IssuedToken> issued;
        for (int i = 0; i < kKeys; ++i)
            issued.push_back(issue(store(), QStringLiteral("Key %1").arg(i)));
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), manualFlush());
        verifier.setRecorder(&recorder);
        for (const IssuedToken &key : issued) {
            QCOMPARE(verifyToken(verifier, key.token).outcome, VerifyOutcome::Valid);
            verifyToken(verifier, key.token, Environment::Staging); // a refusal too
        }
        // The first and last secret of the first 32-row upsert, and one in the short last one.
        const std::set<int> deleted = {0, 31, 40};
        for (int i : deleted)
            QVERIFY(store().deleteKey(issued[i].key.id, issued[i].key.version));
        QVERIFY2(recorder.flush(), qPrintable(recorder.lastError()));
        for (int i = 0; i < kKeys; ++i) {
            const qint64 id = issued[i].key.id;
            if (deleted.count(i)) {
                QCOMPARE(hourlyTotal(id), qint64(0));
                QCOMPARE(
                    count(QStringLiteral("SELECT COUNT(*) FROM key_usage WHERE key_id = ?"), {id}),
                    qint64(0));
                QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM secret_usage WHERE "
                                              "secret_id = ?"),
                               {issued[i].key.secrets.constFirst().id}),
                         qint64(0));
                continue;
            }
            QCOMPARE(hourlyTotal(id), qint64(2));
            const ApiKey key = *store().key(id);
            QCOMPARE(key.usageCount, qint64(1));
            QCOMPARE(key.secrets.constFirst().lastUsedAtMs, std::optional<qint64>(clock().nowMs()));
            QCOMPARE(key.secrets.constFirst().lastRefusedAtMs,
                     std::optional<qint64>(clock().nowMs()));
        }
    }

#ifndef KEYWARD_TEST_POSTGRES
    // The bulk write leaves a deleted key's rows to the foreign keys; on a connection that does
    // not enforce them, the write goes a statement per row, which checks each key itself.
    void aConnectionWithoutForeignKeysStillSkipsDeletedKeys()
    {
        const IssuedToken gone = issue(store(), QStringLiteral("Gone"));
        const IssuedToken kept = issue(store(), QStringLiteral("Kept"));
        QVERIFY(store().deleteKey(gone.key.id, gone.key.version));
        const QString name = QStringLiteral("usage-without-foreign-keys");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_vault->path);
            QVERIFY(db.open());
            QSqlQuery off(db);
            QVERIFY(off.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
            UsageBatch batch;
            for (const IssuedToken *token : {&gone, &kept}) {
                UsageEvent event;
                event.atMs = clock().nowMs();
                event.keyId = token->key.id;
                event.secretId = token->key.secrets.constFirst().id;
                event.outcome = verifyOutcomeToInt(VerifyOutcome::Valid);
                event.consumesCredit = true;
                batch.add(event);
            }
            UsageRepository repository(db, SqlEngine::Sqlite);
            const auto written = repository.write(batch, UsageRetention(), clock().nowMs());
            QVERIFY2(written, qPrintable(written.errorMessage()));
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(hourlyTotal(gone.key.id), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM secret_usage WHERE secret_id = ?"),
                       {gone.key.secrets.constFirst().id}),
                 qint64(0));
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM key_usage WHERE key_id = ?"), {gone.key.id}),
            qint64(0));
        QCOMPARE(hourlyTotal(kept.key.id), qint64(1));
        QCOMPARE(store().key(kept.key.id)->usageCount, qint64(1));
    }
#endif

    // The timer writes on its own when an event loop runs (the GUI, a server).
    void timerFlushes()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        UsageRecorderOptions options;
        options.flushIntervalMs = 50;
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), options);
        verifier.setRecorder(&recorder);
        verifyToken(verifier, a.token);
        QTRY_COMPARE(requestRows(a.key.id), qint64(1));
    }

    // A busy writer's backlog is merged after the queue it came behind: counts and credits add
    // up, the later last use and refusal win, request-log rows keep their order and the cap.
    void batchMergeAddsCountsAndKeepsTheLatest()
    {
        const auto event = [](qint64 atMs, qint64 keyId, qint64 secretId, bool valid,
                              const QString &source) {
            UsageEvent e;
            e.atMs = atMs;
            e.keyId = keyId;
            e.secretId = secretId;
            e.outcome = valid ? 0 : 4;
            e.consumesCredit = valid;
            e.readsBackUsage = keyId == 2;
            e.source = source;
            return e;
        };
        UsageBatch older(4);
        older.add(event(1000, 1, 11, true, QStringLiteral("first")));
        older.add(event(2000, 2, 21, false, QStringLiteral("x")));
        older.add(event(5000, 1, 11, true, QStringLiteral("latest")));
        UsageBatch newer(4);
        newer.add(event(3000, 1, 11, true, QStringLiteral("earlier"))); // a clock step back
        newer.add(event(4000, 2, 21, true, QStringLiteral("y")));
        newer.add(event(4500, 2, 21, false, QStringLiteral("z")));
        older.merge(newer);

        QCOMPARE(older.eventCount(), qint64(6));
        QCOMPARE(older.credits().value(1), qint64(3));
        QCOMPARE(older.credits().value(2), qint64(1));
        QCOMPARE(older.readBackKeys().value(2), qint64(1));
        QCOMPARE(older.lastUses().value(11).source, QStringLiteral("latest"));
        QCOMPARE(older.lastUses().value(21).atMs, qint64(4000));
        QCOMPARE(older.lastRefusals().value(21).atMs, qint64(4500));
        const qint64 hour = UsageBatch::hourOf(1000);
        QCOMPARE(older.hourlyCounts().value(UsageBatch::HourSlot {1, hour, 0}), qint64(3));
        QCOMPARE(older.hourlyCounts().value(UsageBatch::HourSlot {2, hour, 4}), qint64(2));
        // Six rows, a cap of four: the two oldest go.
        QCOMPARE(int(older.requests().size()), 4);
        QCOMPARE(older.requests().front().atMs, qint64(5000));
        QCOMPARE(older.requests().back().atMs, qint64(4500));
    }

    // Hand-offs wait for the next write, so the writer does not wake every few thousand
    // requests; a full queue is aggregated early (bounded memory) but not written.
    void handOffsWaitForTheWriteUpToABound()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        UsageRecorderOptions options = manualFlush();
        options.handOffEvents = 1;
        options.queuedHandOffs = 4;
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), options);
        verifier.setRecorder(&recorder);
        for (int i = 0; i < 3; ++i)
            verifyToken(verifier, a.token);
        QTest::qWait(200);
        QCOMPARE(recorder.aggregatedCount(), qint64(0));
        verifyToken(verifier, a.token); // the fourth: the queue is full
        QTRY_COMPARE(recorder.aggregatedCount(), qint64(4));
        verifyToken(verifier, a.token);
        QTest::qWait(200);
        QCOMPARE(recorder.aggregatedCount(), qint64(4));
        QCOMPARE(recorder.writeCount(), qint64(0));
        QCOMPARE(hourlyTotal(a.key.id), qint64(0));
        QVERIFY(recorder.flush());
        QCOMPARE(recorder.aggregatedCount(), qint64(5));
        QCOMPARE(recorder.writeCount(), qint64(1));
        QCOMPARE(hourlyTotal(a.key.id), qint64(5));
    }

    // Events are staged 64 at a time before they go to a hand-off buffer: every count around
    // those boundaries, and hand-off sizes that are not whole stages, arrive exactly once.
    void stagesAndHandOffsLoseNothing_data()
    {
        QTest::addColumn<int>("handOffEvents");
        QTest::addColumn<int>("events");
        QTest::newRow("one per hand-off") << 1 << 5;
        QTest::newRow("small hand-offs") << 7 << 130;
        QTest::newRow("one stage") << 64 << 64;
        QTest::newRow("a stage and one") << 64 << 65;
        QTest::newRow("hand-off of 1.5 stages") << 100 << 1000;
        QTest::newRow("part of a stage") << 4096 << 63;
        QTest::newRow("two stages and one") << 4096 << 129;
    }
    void stagesAndHandOffsLoseNothing()
    {
        QFETCH(int, handOffEvents);
        QFETCH(int, events);
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        UsageRecorderOptions options = manualFlush();
        options.handOffEvents = handOffEvents;
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), options);
        verifier.setRecorder(&recorder);
        for (int i = 0; i < events; ++i)
            verifyToken(verifier, a.token);
        QCOMPARE(hourlyTotal(a.key.id), qint64(0));
        QVERIFY(recorder.flush());
        QCOMPARE(recorder.aggregatedCount(), qint64(events));
        QCOMPARE(hourlyTotal(a.key.id), qint64(events));
        QCOMPARE(store().key(a.key.id)->usageCount, qint64(events));
        // And the next ones after the flush, in the buffer it handed back.
        for (int i = 0; i < events; ++i)
            verifyToken(verifier, a.token);
        QVERIFY(recorder.flush());
        QCOMPARE(hourlyTotal(a.key.id), qint64(2 * events));
    }

    // beginFlush() writes at once, not at the next interval, and flush() then waits for that
    // write: the usage is stored and the wait reports it.
    void beginFlushWritesWithoutWaiting()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        UsageRecorderOptions options;
        options.flushIntervalMs = 60 * kSecondMs;
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), options);
        verifier.setRecorder(&recorder);
        verifyToken(verifier, a.token);
        verifyToken(verifier, a.token);
        QCOMPARE(recorder.writeCount(), qint64(0));
        recorder.beginFlush();
        QTRY_COMPARE(recorder.writeCount(), qint64(1));
        QCOMPARE(hourlyTotal(a.key.id), qint64(2));
        QVERIFY(recorder.flush());
        QCOMPARE(recorder.writeCount(), qint64(1));
        QCOMPARE(hourlyTotal(a.key.id), qint64(2));
    }

    // An explicit flush is a write: the next timed one is a whole interval later, not due again
    // at the old time (which wrote twice in a row for callers that flush now and then).
    void flushRestartsTheInterval()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        UsageRecorderOptions options;
        options.flushIntervalMs = 10 * kSecondMs;
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), options);
        verifier.setRecorder(&recorder);
        clock().advanceMs(9 * kSecondMs);
        verifyToken(verifier, a.token);
        QVERIFY(recorder.flush());
        const qint64 writes = recorder.writeCount();
        clock().advanceMs(2 * kSecondMs); // past the old schedule, within the new one
        verifyToken(verifier, a.token);
        QTest::qWait(300);
        QCOMPARE(recorder.writeCount(), writes);
        QCOMPARE(hourlyTotal(a.key.id), qint64(1));
        clock().advanceMs(8 * kSecondMs); // the new schedule
        verifyToken(verifier, a.token);
        QTRY_COMPARE(hourlyTotal(a.key.id), qint64(3));
        QCOMPARE(recorder.writeCount(), writes + 1);
    }

    // What an open window follows: which keys were used since it last looked, with a
    // successful use kept apart from a refused one. On PostgreSQL the service's own login
    // writes it (its grants), and the window hears of it by NOTIFY without polling.
    void usageFeedNamesTheUsedKeysAndSeparatesRefusals()
    {
        const IssuedToken used = issue(store(), QStringLiteral("Used"));
        const IssuedToken refused = issue(store(), QStringLiteral("Refused"));
        const IssuedToken idle = issue(store(), QStringLiteral("Idle"));
        const qint64 seen = *store().usageCounter();
        ChangeWatcher watcher(store());
#ifdef KEYWARD_TEST_POSTGRES
        watcher.setPollIntervalMs(60'000); // only the notification can be quick
#else
        watcher.setPollIntervalMs(20);
#endif
        (void)watcher.start();
        QSignalSpy heard(&watcher, &ChangeWatcher::usageChanged);
        QSignalSpy changed(&watcher, &ChangeWatcher::changed);

        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), manualFlush());
        verifier.setRecorder(&recorder);
        QCOMPARE(verifyToken(verifier, used.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifyToken(verifier, refused.token, Environment::Staging).outcome,
                 VerifyOutcome::WrongEnvironment);
        QVERIFY(recorder.flush());
        QVERIFY(heard.wait(2000));
        QCOMPARE(changed.count(), 0); // usage is not a configuration change

        auto updates = store().usageSince(seen);
        QVERIFY2(updates, qPrintable(updates.errorMessage()));
        QVERIFY(updates->counter > seen);
        QCOMPARE(heard.last().first().toLongLong(), updates->counter);
        QCOMPARE(updates->keys.size(), 2);
        const KeyUsageUpdate &first = updates->keys.at(0);
        const KeyUsageUpdate &second = updates->keys.at(1);
        QCOMPARE(first.keyId, used.key.id);
        QCOMPARE(first.usageCount, qint64(1));
        QCOMPARE(first.secrets.size(), 1);
        QCOMPARE(first.secrets.at(0).lastUsedAtMs, std::optional<qint64>(clock().nowMs()));
        QCOMPARE(first.secrets.at(0).lastUsedSource, QStringLiteral("test"));
        QVERIFY(!first.secrets.at(0).lastRefusedAtMs);
        QCOMPARE(second.keyId, refused.key.id);
        QCOMPARE(second.usageCount, qint64(0));
        QVERIFY(!second.secrets.at(0).lastUsedAtMs); // refused is not used
        QCOMPARE(second.secrets.at(0).lastRefusedAtMs, std::optional<qint64>(clock().nowMs()));
        QCOMPARE(second.secrets.at(0).lastRefusedOutcome,
                 verifyOutcomeToInt(VerifyOutcome::WrongEnvironment));
        Q_UNUSED(idle);

        // Nothing new: nothing to read. Then only what was used since.
        auto none = store().usageSince(updates->counter);
        QVERIFY(none);
        QVERIFY(none->keys.isEmpty());
        clock().advanceMs(kMinuteMs);
        QCOMPARE(verifyToken(verifier, refused.token).outcome, VerifyOutcome::Valid);
        QVERIFY(recorder.flush());
        auto later = store().usageSince(updates->counter);
        QVERIFY(later);
        QCOMPARE(later->keys.size(), 1);
        QCOMPARE(later->keys.at(0).keyId, refused.key.id);
        const KeySecret &secret = later->keys.at(0).secrets.at(0);
        QCOMPARE(secret.lastUsedAtMs, std::optional<qint64>(clock().nowMs()));
        QCOMPARE(secret.lastRefusedAtMs, std::optional<qint64>(clock().nowMs() - kMinuteMs));
        // The whole key, as the window loads it, says the same.
        const ApiKey key = *store().key(refused.key.id);
        QCOMPARE(key.secrets.at(0).lastRefusedAtMs, secret.lastRefusedAtMs);
        QCOMPARE(key.lastRefusedSecret()->lastRefusedOutcome,
                 verifyOutcomeToInt(VerifyOutcome::WrongEnvironment));
    }

    void usageReportIsDensePerHour()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        Verifier verifier(service(), clock());
        UsageRecorder recorder(service(), clock(), manualFlush());
        verifier.setRecorder(&recorder);
        const qint64 start = UsageBatch::hourOf(clock().nowMs());
        clock().setNowMs(start + 10 * kMinuteMs);
        verifyToken(verifier, a.token);
        verifyToken(verifier, a.token, Environment::Staging);
        clock().setNowMs(start + 3 * kHourMs + 1);
        verifyToken(verifier, a.token);
        verifyToken(verifier, a.token);
        QVERIFY(recorder.flush());

        auto report = UsageReport::load(store(), a.key.id, clock().nowMs(), 6);
        QVERIFY(report);
        QCOMPARE(report->hours().size(), 6);
        QCOMPARE(report->hours().constLast().hourMs, start + 3 * kHourMs);
        QCOMPARE(report->hours().constFirst().hourMs, start - 2 * kHourMs);
        QCOMPARE(report->hours().at(2).count(VerifyOutcome::Valid), qint64(1));
        QCOMPARE(report->hours().at(2).count(VerifyOutcome::WrongEnvironment), qint64(1));
        QCOMPARE(report->hours().at(3).total(), qint64(0));
        QCOMPARE(report->hours().at(5).count(VerifyOutcome::Valid), qint64(2));
        QCOMPARE(report->total(VerifyOutcome::Valid), qint64(3));
        QCOMPARE(report->total(), qint64(4));
        // The default window is the last seven days, for the details pane's chart.
        auto week = UsageReport::load(store(), a.key.id, clock().nowMs());
        QVERIFY(week);
        QCOMPARE(week->hours().size(), 7 * 24);
        QCOMPARE(week->total(), qint64(4));
        // An unknown key has an empty report, not an error.
        auto none = UsageReport::load(store(), 999'999, clock().nowMs(), 3);
        QVERIFY(none);
        QCOMPARE(none->total(), qint64(0));
        QVERIFY(none->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUsageRecorder)
#include "test_usage_recorder.moc"
