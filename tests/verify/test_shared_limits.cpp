// Rate and usage limits that hold across verifiers on one store (schema 4): several verifier
// processes on one vault file or PostgreSQL database together pass no more than the limit.
// Built twice: on SQLite, and with KEYWARD_TEST_POSTGRES on the PostgreSQL test cluster, where
// the verifiers use a verifier login (its grants on rate_buckets and usage_count).
#include "CliRunner.h"
#include "OlderSchema.h"
#include "StoreDatabase.h"
#include "StoreFixture.h"
#include "VerifyTestSupport.h"
#include "store/Migrations.h"
#include "store/SharedLimitRepository.h"
#include "verify/UsageCredits.h"
#include "verify/UsageRecorder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

const char *const kVerifierPassword = "verifier password";

struct HammerRun
{
    qint64 valid = 0;
    qint64 rateLimited = 0;
    qint64 usageExceeded = 0;
    qint64 errors = 0;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    qint64 storeFailures = 0;
};

RateLimit perSecond(int count)
{
    RateLimit limit;
    limit.count = count;
    limit.unit = RateLimit::Unit::Second;
    return limit;
}

// Another program holding the vault file's write lock (BEGIN EXCLUSIVE) while it lives.
class VaultWriteLock
{
public:
    explicit VaultWriteLock(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kName);
        db.setDatabaseName(path);
        m_held = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN EXCLUSIVE"));
    }
    ~VaultWriteLock()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(kName, false);
            if (db.isOpen()) {
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(kName);
    }
    VaultWriteLock(const VaultWriteLock &) = delete;
    VaultWriteLock &operator=(const VaultWriteLock &) = delete;
    bool isHeld() const { return m_held; }

private:
    static inline const QString kName = QStringLiteral("vault-write-lock");
    bool m_held = false;
};

} // namespace

class TestSharedLimits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_vault;
    QString m_verifierLogin; // PostgreSQL: the services' login
    int m_counter = 0;

    SqlKeyStore &store() { return *m_vault->store; }
    ManualClock &clock() { return m_vault->clock; }
    IssuedToken issueKey(const KeyOptions &options)
    {
        return issue(store(), QStringLiteral("Shared %1").arg(++m_counter), options);
    }

    IssuedToken issueKeyLimitedTo(qint64 usageLimit)
    {
        KeyOptions options;
        options.usageLimit = usageLimit;
        return issueKey(options);
    }

    // An Admin's `key reset-usage`, through the test's own store.
    void resetUsage(qint64 keyId)
    {
        const auto before = store().key(keyId);
        QVERIFY(before);
        const auto reset = store().resetUsage(keyId, before->version);
        QVERIFY2(reset, qPrintable(reset.errorMessage()));
        QCOMPARE(reset->usageCount, qint64(0));
    }
    // Another verifier "process" in this one: a connection of its own, as a service would have.
    std::unique_ptr<SqlKeyStore> openVerifierStore()
    {
#ifdef KEYWARD_TEST_POSTGRES
        return m_vault->connect(m_verifierLogin, kVerifierPassword);
#else
        return m_vault->openSecond(QString());
#endif
    }

    // Starts `processes` real verifier processes on the store, all verifying `token` from the
    // same moment on, and collects their answers.
    QVector<HammerRun> hammer(int processes, const QByteArray &token, const QStringList &mode)
    {
        const qint64 start = QDateTime::currentMSecsSinceEpoch() + 1500; // after all have opened
        QVector<QProcess *> running;
        for (int i = 0; i < processes; ++i) {
            auto *process = new QProcess(this);
            QStringList arguments;
#ifdef KEYWARD_TEST_POSTGRES
            PgConnInfo info = m_vault->pg.conninfo(m_verifierLogin);
            info.setValue(QStringLiteral("password"), QString());
            arguments << QStringLiteral("--db") << info.toString();
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf8(kVerifierPassword));
            process->setProcessEnvironment(environment);
#else
            arguments << QStringLiteral("--vault") << m_vault->path;
#endif
            arguments << QStringLiteral("--start") << QString::number(start) << mode;
            process->start(QStringLiteral(KEYWARD_LIMITS_HAMMER_PATH), arguments);
            // Written now, not when the test next runs an event loop (after the first process).
            if (!process->waitForStarted(30'000))
                qFatal("cannot start %s", KEYWARD_LIMITS_HAMMER_PATH);
            process->write(token + '\n');
            process->waitForBytesWritten(30'000);
            process->closeWriteChannel();
            running.append(process);
        }
        QVector<HammerRun> runs;
        static const QRegularExpression line(
            QStringLiteral("^valid (\\d+) rate_limited (\\d+) usage_exceeded (\\d+) errors (\\d+) "
                           "first (\\d+) last (\\d+) store_failures (\\d+)\\n$"));
        for (QProcess *process : running) {
            if (!process->waitForFinished(120'000) || process->exitCode() != 0)
                qFatal("hammer failed: %s", process->readAllStandardError().constData());
            const QString out = QString::fromUtf8(process->readAllStandardOutput());
            const auto match = line.match(out);
            if (!match.hasMatch())
                qFatal("hammer printed: %s", qPrintable(out));
            runs.append({match.captured(1).toLongLong(), match.captured(2).toLongLong(),
                         match.captured(3).toLongLong(), match.captured(4).toLongLong(),
                         match.captured(5).toLongLong(), match.captured(6).toLongLong(),
                         match.captured(7).toLongLong()});
            delete process;
        }
        return runs;
    }

#ifdef KEYWARD_TEST_POSTGRES
    // Reserves `wanted` credits of key `id` as a verifier would, on a connection of its own in a
    // thread of its own; `grant` has the answer once the thread is joined.
    std::thread reserveInThread(qint64 id, qint64 wanted, Result<CreditGrant> &grant)
    {
        return std::thread([this, id, wanted, &grant] {
            auto service = openVerifierStore();
            SharedLimitRepository shared(StoreDatabase::of(*service), service->engine());
            grant = shared.reserveCredits(id, wanted);
        });
    }

    // Polls (up to 5 s) until a connection to the vault's database waits for a lock.
    bool waitForALockWaiter()
    {
        const QString waiting =
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = '%1' AND "
                           "wait_event_type = 'Lock'")
                .arg(m_vault->pg.name());
        for (int i = 0; i < 500; ++i) {
            if (m_vault->pg.admin().scalar(waiting).toInt() >= 1)
                return true;
            QThread::msleep(10);
        }
        return false;
    }
#endif

private Q_SLOTS:
    void init()
    {
        m_vault = std::make_unique<StoreFixture>();
#ifdef KEYWARD_TEST_POSTGRES
        m_verifierLogin = QStringLiteral("kwv_") + randomToken();
        auto added = PostgresSetup::addVerifierLogin(m_vault->pg.admin().db(), m_verifierLogin,
                                                     secret(kVerifierPassword));
        QVERIFY2(added, qPrintable(added.errorMessage()));
#endif
    }
    void cleanup()
    {
        m_vault.reset();
    }

    // The issue's case: five separate `keywardctl verify` runs of a key limited to 3/min. Each
    // run is a process of its own that leases from the shared bucket; the fourth finds it empty.
    void separateCliRunsShareTheLimit()
    {
        clock().setNowMs(SystemClock::instance().nowMs()); // keywardctl uses the real clock
        KeyOptions options;
        options.rateLimit = perMinute(3);
        const IssuedToken issued = issueKey(options);
        QTemporaryDir home;
        CliRunner cli(home.path());
        QStringList arguments;
        QHash<QString, QString> environment;
#ifdef KEYWARD_TEST_POSTGRES
        PgConnInfo info = m_vault->pg.conninfo(m_verifierLogin);
        info.setValue(QStringLiteral("password"), QString());
        arguments << QStringLiteral("--db") << info.toString();
        environment.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf8(kVerifierPassword));
#else
        arguments << QStringLiteral("--vault") << m_vault->path;
#endif
        arguments << QStringLiteral("--json") << QStringLiteral("verify") << QStringLiteral("--env")
                  << QStringLiteral("live") << QStringLiteral("-");
        QStringList outcomes;
        for (int i = 0; i < 5; ++i) {
            const CliRunner::Run run = cli.run(arguments, issued.token + '\n', environment);
            QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.describe().constData());
            outcomes << run.json().value(QStringLiteral("outcome")).toString();
        }
        QCOMPARE(
            outcomes,
            QStringList({QStringLiteral("Valid"), QStringLiteral("Valid"), QStringLiteral("Valid"),
                         QStringLiteral("RateLimited"), QStringLiteral("RateLimited")}));
    }

    // Three verifiers, each with its own connection, answer from one shared bucket: together
    // exactly the limit, however the requests are spread, and one lease per few tokens.
    void verifiersShareOneBucket()
    {
        KeyOptions options;
        options.rateLimit = perMinute(60); // leases of 3 tokens
        const IssuedToken issued = issueKey(options);
        std::vector<std::unique_ptr<SqlKeyStore>> stores;
        std::vector<std::unique_ptr<Verifier>> verifiers;
        for (int i = 0; i < 3; ++i) {
            stores.push_back(openVerifierStore());
            verifiers.push_back(std::make_unique<Verifier>(*stores.back(), clock()));
            verifiers.back()->enableCache();
        }
        int valid = 0;
        for (int round = 0; round < 100; ++round) {
            for (auto &verifier : verifiers) {
                if (verifyToken(*verifier, issued.token).outcome == VerifyOutcome::Valid)
                    ++valid;
            }
        }
        QCOMPARE(valid, 60); // each would have passed 60 on its own
        qint64 leases = 0;
        for (auto &verifier : verifiers) {
            QCOMPARE(verifier->rateLimiter().storeFailureCount(), qint64(0));
            leases += verifier->rateLimiter().leaseCount();
        }
        // 20 leases of 3, plus one refused lease per verifier (then it waits without asking).
        QCOMPARE(leases, qint64(60 / 3 + 3));
        // Three seconds later three tokens are back for all of them together (a verifier refused
        // by the store asks again when a lease's worth is back).
        clock().advanceMs(3000);
        valid = 0;
        for (int round = 0; round < 10; ++round) {
            for (auto &verifier : verifiers) {
                if (verifyToken(*verifier, issued.token).outcome == VerifyOutcome::Valid)
                    ++valid;
            }
        }
        QCOMPARE(valid, 3);
    }

    // An admin lowers a key's limit while one verifier's cache still holds the old one: each
    // lease is taken under the limit the store holds, so the two verifiers do not reset the
    // shared bucket to full for each other (they did on every lease: 10/min passed 40 of 40).
    void aStaleLimitInOneCacheDoesNotRefillTheBucket()
    {
        KeyOptions options;
        options.rateLimit = perMinute(10); // leases of one token
        const IssuedToken issued = issueKey(options);
        auto firstStore = openVerifierStore();
        auto secondStore = openVerifierStore();
        Verifier stale(*firstStore, clock());
        stale.enableCache(); // the clock stands still: it never checks for changes
        QCOMPARE(verifyToken(stale, issued.token).outcome, VerifyOutcome::Valid);

        KeyEdit edit;
        const ApiKey before = *store().key(issued.key.id);
        edit.name = before.name;
        edit.notes = before.notes;
        edit.expiresAtMs = before.expiresAtMs;
        edit.rateLimit = perMinute(5);
        QVERIFY(store().editKey(issued.key.id, before.version, edit));
        Verifier current(*secondStore, clock());
        current.enableCache();

        int valid = 0;
        for (int round = 0; round < 20; ++round) {
            for (Verifier *verifier : {&stale, &current}) {
                if (verifyToken(*verifier, issued.token).outcome == VerifyOutcome::Valid)
                    ++valid;
            }
        }
        QCOMPARE(valid, 5); // the new limit, from a bucket started afresh once
    }

    // A verifier whose clock ran an hour ahead took the bucket: it refills nothing until then,
    // so a refusal says to come back in an hour, not in a few seconds.
    void retryAfterWaitsForABucketRefilledAhead()
    {
        KeyOptions options;
        options.rateLimit = perMinute(60);
        const IssuedToken issued = issueKey(options);
        auto service = openVerifierStore();
        auto repository = service->sharedLimitRepository();
        const qint64 now = clock().nowMs();
        auto ahead = repository->leaseTokens(issued.key.id, 60, now + kHourMs);
        QVERIFY(ahead);
        QCOMPARE(ahead->tokens, qint64(60));
        for (const qint64 later : {qint64(0), 3 * kSecondMs, 10 * kMinuteMs}) {
            auto refused = repository->leaseTokens(issued.key.id, 3, now + later);
            QVERIFY(refused);
            QCOMPARE(refused->tokens, qint64(0));
            QCOMPARE(refused->retryAfterMs, kHourMs - later + 3000); // then 3 tokens at 1/s
            auto peeked = repository->peekTokens(issued.key.id, 3, now + later);
            QVERIFY(peeked);
            QCOMPARE(peeked->retryAfterMs, kHourMs - later + 3000);
        }
    }

    // explain() reads the shared bucket and the count, and leases or reserves nothing.
    void explainLeasesNothing()
    {
        KeyOptions options;
        options.rateLimit = perMinute(1);
        options.usageLimit = 1;
        const IssuedToken issued = issueKey(options);
        auto service = openVerifierStore();
        Verifier verifier(*service, clock());
        for (int i = 0; i < 5; ++i) {
            auto explained =
                verifier.explain(issued.token.constData(), std::size_t(issued.token.size()));
            QVERIFY(explained);
            QCOMPARE(explained->outcome, VerifyOutcome::Valid);
        }
        QCOMPARE(
            scalar(StoreDatabase::of(store()), QStringLiteral("SELECT COUNT(*) FROM rate_buckets")),
            qint64(0));
        QCOMPARE(store().key(issued.key.id)->usageCount, qint64(0));
        // Another verifier uses the key up; explain() here sees it at once.
        {
            auto other = openVerifierStore();
            Verifier user(*other, clock());
            QCOMPARE(verifyToken(user, issued.token).outcome, VerifyOutcome::Valid);
        }
        auto explained =
            verifier.explain(issued.token.constData(), std::size_t(issued.token.size()));
        QVERIFY(explained);
        QCOMPARE(explained->outcome, VerifyOutcome::RateLimited);
        clock().advanceMs(kMinuteMs);
        explained = verifier.explain(issued.token.constData(), std::size_t(issued.token.size()));
        QCOMPARE(explained->outcome, VerifyOutcome::UsageExceeded);
    }

    // Credits are reserved before they are spent, so that three verifiers with the count at 0
    // cannot each spend the whole limit; unspent reservations go back when a verifier ends.
    void usageLimitHoldsAcrossVerifiers()
    {
        KeyOptions options;
        options.usageLimit = 500; // reservations of 5
        const IssuedToken issued = issueKey(options);
        std::vector<std::unique_ptr<SqlKeyStore>> stores;
        std::vector<std::unique_ptr<Verifier>> verifiers;
        std::vector<std::unique_ptr<UsageRecorder>> recorders;
        for (int i = 0; i < 3; ++i) {
            stores.push_back(openVerifierStore());
            verifiers.push_back(std::make_unique<Verifier>(*stores.back(), clock()));
            verifiers.back()->enableCache();
            recorders.push_back(std::make_unique<UsageRecorder>(*stores.back(), clock()));
            verifiers.back()->setRecorder(recorders.back().get());
        }
        int valid = 0;
        for (int round = 0; round < 300; ++round) {
            for (auto &verifier : verifiers) {
                if (verifyToken(*verifier, issued.token).outcome == VerifyOutcome::Valid)
                    ++valid;
            }
        }
        QCOMPARE(valid, 500);
        for (auto &recorder : recorders)
            QVERIFY2(recorder->flush(), qPrintable(recorder->lastError()));
        QCOMPARE(store().key(issued.key.id)->usageCount, qint64(500));

        // Unspent reservations go back: one verifier spends 2 of a reservation of 5 and ends.
        KeyOptions larger;
        larger.usageLimit = 1000; // reservations of 10
        const IssuedToken second = issueKey(larger);
        {
            auto service = openVerifierStore();
            Verifier verifier(*service, clock());
            QCOMPARE(verifyToken(verifier, second.token).outcome, VerifyOutcome::Valid);
            QCOMPARE(verifyToken(verifier, second.token).outcome, VerifyOutcome::Valid);
            QCOMPARE(store().key(second.key.id)->usageCount, qint64(10)); // reserved
        }
        QCOMPARE(store().key(second.key.id)->usageCount, qint64(2)); // the rest given back
    }

    // A usage reset sets the count to 0, which forgets the credits verifiers had reserved: a
    // verifier drops those once it reads the key again (here at its next verification: the
    // reset empties its cache), so they are neither spent uncounted nor given back from the new
    // count. Before schema 7 it spent them (the count stayed 0) and at exit took the rest off.
    void aResetVoidsCreditsReservedBeforeIt()
    {
        const IssuedToken issued = issueKeyLimitedTo(1000); // reservations of 10
        {
            auto service = openVerifierStore();
            Verifier verifier(*service, clock());
            VerifierCacheOptions cache;
            cache.checkIntervalMs = 0;
            verifier.enableCache(cache);
            QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
            QCOMPARE(store().key(issued.key.id)->usageCount, qint64(10)); // 9 held
            resetUsage(issued.key.id);
            QCOMPARE(store().key(issued.key.id)->usageCount, qint64(0));
            for (int i = 0; i < 3; ++i)
                QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
            // Counted from a reservation made after the reset.
            QCOMPARE(store().key(issued.key.id)->usageCount, qint64(10));
        }
        // The 7 unspent given back: the 3 uses since the reset remain.
        QCOMPARE(store().key(issued.key.id)->usageCount, qint64(3));
    }

    // A verifier that held credits when the key was reset and ends before it reads the key again
    // gives nothing back: they were not in the new count.
    void creditsFromBeforeAResetAreNotGivenBack()
    {
        const IssuedToken issued = issueKeyLimitedTo(1000); // reservations of 10
        {
            auto service = openVerifierStore();
            Verifier verifier(*service, clock());
            QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
            resetUsage(issued.key.id);
            // Another verifier's use after the reset.
            auto other = openVerifierStore();
            Verifier second(*other, clock());
            QCOMPARE(verifyToken(second, issued.token).outcome, VerifyOutcome::Valid);
        }
        // The second gave back its 9; the first's 9 from before the reset were not taken off.
        QCOMPARE(store().key(issued.key.id)->usageCount, qint64(1));
    }

    // keyward-verifyd fills its cache from the store: after a reset, a pass may bring the key's
    // new row in without this process looking the key up, and every later request is a cache
    // hit. The cached row's epoch still reaches the credits (found by a review).
    void aResetReadByACachePassVoidsOldCredits()
    {
        const IssuedToken limited = issueKeyLimitedTo(1000); // reservations of 10
        QList<IssuedToken> others;
        for (int i = 0; i < VerifierCacheOptions::kFillAfterLookups; ++i)
            others.append(issueKey(KeyOptions()));
        {
            auto service = openVerifierStore();
            Verifier verifier(*service, clock());
            VerifierCacheOptions cache;
            cache.checkIntervalMs = 0;
            cache.fillFromStore = true; // inline: the 64th look-up makes the pass
            verifier.enableCache(cache);
            QCOMPARE(verifyToken(verifier, limited.token).outcome, VerifyOutcome::Valid);
            resetUsage(limited.key.id);
            for (const IssuedToken &other : std::as_const(others))
                QCOMPARE(verifyToken(verifier, other.token).outcome, VerifyOutcome::Valid);
            QCOMPARE(verifier.cache()->fills(), qint64(1));
            const qint64 lookups = verifier.cache()->storeLookups();
            for (int i = 0; i < 3; ++i)
                QCOMPARE(verifyToken(verifier, limited.token).outcome, VerifyOutcome::Valid);
            QCOMPARE(verifier.cache()->storeLookups(), lookups); // answered from the pass's row
            QCOMPARE(store().key(limited.key.id)->usageCount, qint64(10)); // reserved anew
        }
        QCOMPARE(store().key(limited.key.id)->usageCount, qint64(3));
    }

    // A grant made in an older epoch than one this process has seen since (a reset committed
    // between a reservation and its thread's return to the lock, another thread having read the
    // new row meanwhile) is not spent: its credits are not in the count any more.
    void aGrantFromAnOlderEpochIsNotSpent()
    {
        const IssuedToken issued = issueKeyLimitedTo(1000); // reservations of 10
        auto service = openVerifierStore();
        UsageCredits credits(clock());
        // Before each reservation: the other thread's report of the key's row in epoch 1.
        SharedLimitRepository shared(StoreDatabase::of(*service), service->engine(),
                                     [&] { credits.observeStored(issued.key.id, 0, 1); });
        const UsageCredits::Spend spend = credits.spend(issued.key.id, 1000, 0, &shared);
        QVERIFY(spend.passed);
        QVERIFY(!spend.reserved); // decided in this process, not from the old epoch's grants
        QCOMPARE(credits.used(issued.key.id), qint64(1));
    }

#ifdef KEYWARD_TEST_POSTGRES
    // A reservation waits for the key's usage row while another transaction holds it, and an
    // Admin lowers the limit meanwhile: it reserves against the new limit. (Read in the statement
    // that waited for the row, the limit was the one from before the wait: 100 credits reserved
    // against a limit of 5.)
    void aReservationThatWaitedSeesALimitLoweredMeanwhile()
    {
        const IssuedToken issued = issueKeyLimitedTo(1000);
        const qint64 id = issued.key.id;
        PgConnection &owner = m_vault->pg.admin();
        QVERIFY(owner.exec(QStringLiteral("INSERT INTO key_usage (key_id) VALUES (%1)").arg(id)));
        PgConnection holder(m_vault->pg.conninfo());
        QVERIFY(holder.exec(QStringLiteral("BEGIN")));
        QVERIFY(holder.exec(
            QStringLiteral("SELECT 1 FROM key_usage WHERE key_id = %1 FOR UPDATE").arg(id)));
        Result<CreditGrant> grant = makeError(ErrorCode::InvalidInput, QStringLiteral("not run"));
        std::thread reserving = reserveInThread(id, 100, grant);
        const bool waited = waitForALockWaiter();
        const auto lowered = store().setUsageLimit(id, store().key(id)->version, 5);
        holder.exec(QStringLiteral("ROLLBACK"));
        reserving.join();
        QVERIFY(waited);
        QVERIFY2(lowered, qPrintable(lowered.errorMessage()));
        QVERIFY2(grant, qPrintable(grant.errorMessage()));
        QCOMPARE(grant->usageLimit, std::optional<qint64>(5));
        QCOMPARE(grant->credits, qint64(5));
        QCOMPARE(store().key(id)->usageCount, qint64(5));
    }

    // A key deleted while its reservation waited (the delete held the key's row, the reservation
    // had already seen it): the answer is that the key is gone, not a failing store, which would
    // send the verifier to its per-process fallback and log a store failure.
    void aReservationRacingADeleteFindsTheKeyGone()
    {
        const IssuedToken issued = issueKeyLimitedTo(1000);
        const qint64 id = issued.key.id;
        PgConnection &owner = m_vault->pg.admin();
        PgConnection deleter(m_vault->pg.conninfo());
        QVERIFY(deleter.exec(QStringLiteral("BEGIN")));
        QVERIFY2(deleter.exec(QStringLiteral("DELETE FROM api_keys WHERE id = %1").arg(id)),
                 qPrintable(deleter.lastError()));
        Result<CreditGrant> grant = makeError(ErrorCode::InvalidInput, QStringLiteral("not run"));
        std::thread reserving = reserveInThread(id, 100, grant);
        const bool waited = waitForALockWaiter();
        const bool committed = deleter.exec(QStringLiteral("COMMIT"));
        reserving.join(); // before any check can return: a joinable thread ends the process
        QVERIFY(committed);
        QVERIFY2(waited, "the reservation never waited for the deleted key's row");
        QVERIFY(!grant);
        QCOMPARE(grant.error().code, ErrorCode::NotFound);
        QCOMPARE(
            owner.scalar(QStringLiteral("SELECT count(*) FROM key_usage WHERE key_id = %1").arg(id))
                .toInt(),
            0);
    }
#endif

    // A key deleted before the reservation: gone, on both engines, and nothing is made for it.
    void aReservationForADeletedKeyFindsItGone()
    {
        const IssuedToken issued = issueKeyLimitedTo(1000);
        const qint64 id = issued.key.id;
        const auto deleted = store().deleteKey(id, store().key(id)->version);
        QVERIFY2(deleted, qPrintable(deleted.errorMessage()));
        auto service = openVerifierStore();
        SharedLimitRepository shared(StoreDatabase::of(*service), service->engine());
        const Result<CreditGrant> grant = shared.reserveCredits(id, 100);
        QVERIFY(!grant);
        QCOMPARE(grant.error().code, ErrorCode::NotFound);
        QSqlQuery q(StoreDatabase::of(store()));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM key_usage WHERE key_id = %1").arg(id))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // A verifier that read the key with a usage limit the Admin has removed since (its cache not
    // yet reloaded) asks the store for credits: none are reserved, and the request passes, where
    // it was answered as over a limit that no longer exists.
    void aLimitRemovedSinceTheKeyWasReadDoesNotRefuse()
    {
        const IssuedToken issued = issueKeyLimitedTo(1000);
        const qint64 id = issued.key.id;
        const auto removed = store().setUsageLimit(id, store().key(id)->version, std::nullopt);
        QVERIFY2(removed, qPrintable(removed.errorMessage()));
        auto service = openVerifierStore();
        SharedLimitRepository shared(StoreDatabase::of(*service), service->engine());
        UsageCredits credits(clock());
        const UsageCredits::Spend spend = credits.spend(id, 1000, 0, &shared);
        QVERIFY(spend.passed);
        QCOMPARE(store().key(id)->usageCount, qint64(0)); // nothing reserved
    }

    // The usage writer's read-back of the count (the per-process fallback) carries its epoch: one
    // read before a reset and reported after the verifier saw the reset is not the count.
    void aReadBackFromBeforeAResetIsNotTheCount()
    {
        UsageCredits credits(clock());
        credits.observeStored(7, 2, 1); // the key's row after a reset: epoch 1, 2 used
        credits.observeSaved(7, 0, 50, 0); // a save's read-back from before it
        QCOMPARE(credits.used(7), qint64(2));
        credits.observeSaved(7, 0, 3, 1);
        QCOMPARE(credits.used(7), qint64(3));
    }

    // 3 processes hammer a key limited to 50/s for 5 s: together they pass at most what one
    // bucket allows over the time they ran (a full burst of 50 + 50 per second). Zero over.
    void threeProcessesHoldTheRateLimit()
    {
        KeyOptions options;
        options.rateLimit = perSecond(50);
        const IssuedToken issued = issueKey(options);
        const QVector<HammerRun> runs =
            hammer(3, issued.token, {QStringLiteral("--ms"), QStringLiteral("5000")});
        qint64 valid = 0, refused = 0, first = runs.constFirst().firstMs, last = 0;
        for (const HammerRun &run : runs) {
            QCOMPARE(run.errors, qint64(0));
            QCOMPARE(run.usageExceeded, qint64(0));
            QCOMPARE(run.storeFailures, qint64(0)); // else the per-process fallback decided
            qInfo("process: %lld valid from %lld to %lld", run.valid, run.firstMs, run.lastMs);
            valid += run.valid;
            refused += run.rateLimited;
            first = qMin(first, run.firstMs);
            last = qMax(last, run.lastMs);
        }
        // Every lease was taken between the first verification and the end of the last one.
        const qint64 bound = 50 + 50 * (last - first) / 1000;
        qInfo("%lld valid, %lld rate limited in %lld ms (bound %lld)", valid, refused, last - first,
              bound);
        QVERIFY2(valid <= bound, qPrintable(QStringLiteral("%1 > %2").arg(valid).arg(bound)));
        QVERIFY(valid >= 50); // the burst at least: the processes did verify
        QVERIFY(refused > 0);
    }

    // 3 processes spend a key with a usage limit of 300, 250 attempts each: at most 300 pass,
    // and the stored count is exactly what passed (unspent reservations were given back).
    void threeProcessesHoldTheUsageLimit()
    {
        KeyOptions options;
        options.usageLimit = 300;
        const IssuedToken issued = issueKey(options);
        const QVector<HammerRun> runs =
            hammer(3, issued.token, {QStringLiteral("--count"), QStringLiteral("250")});
        qint64 valid = 0;
        for (const HammerRun &run : runs) {
            QCOMPARE(run.errors, qint64(0));
            valid += run.valid;
        }
        QVERIFY2(valid <= 300, qPrintable(QString::number(valid)));
        QVERIFY(valid >= 250); // one process alone spends 250
        QCOMPARE(store().key(issued.key.id)->usageCount, valid);
    }

#ifndef KEYWARD_TEST_POSTGRES
    // While the store cannot be written (here: another process holds the vault's write lock),
    // each verifier falls back to its own per-process bucket, and goes back to the shared one
    // once the store answers again.
    void storeUnavailableFallsBackToPerProcess()
    {
        KeyOptions options;
        options.rateLimit = perMinute(3);
        const IssuedToken issued = issueKey(options);
        VaultOptions quick;
        quick.busyTimeoutMs = 50;
        auto opened = SqlKeyStore::openVault(m_vault->path, clock(), quick);
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        Verifier verifier(**opened, clock());
        verifier.enableCache();
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid); // leased
        QCOMPARE(verifier.rateLimiter().leaseCount(), qint64(1));

        {
            const VaultWriteLock lock(m_vault->path);
            QVERIFY(lock.isHeld());
            // Cached key, no store write possible: the per-process bucket (full) decides.
            for (int i = 0; i < 3; ++i)
                QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
            QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::RateLimited);
            QVERIFY(verifier.rateLimiter().storeFailureCount() >= 1);
        }

        // Back to the shared bucket (2 tokens left in it) after the retry pause.
        clock().advanceMs(RateLimiter::kStoreRetryMs);
        const qint64 leases = verifier.rateLimiter().leaseCount();
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifier.rateLimiter().leaseCount(), leases + 1);
    }

    // The pause after a store failure counts from when the store gave up, and lasts as long as
    // the attempt waited: from the start of a 2 s wait, the 1 s pause was over before it began,
    // and every request of a locked vault waited the whole busy timeout again (2, 4, 6 s for
    // three). A key with both limits waits once, not once per limit.
    void aLockedVaultIsWaitedForOnceNotPerRequest()
    {
        KeyOptions options;
        options.rateLimit = perMinute(100);
        options.usageLimit = 1000;
        const IssuedToken issued = issueKey(options);
        VaultOptions waiting;
        waiting.busyTimeoutMs = 1500; // longer than the 1 s pause, like the default 2 s
        auto opened = SqlKeyStore::openVault(m_vault->path, SystemClock::instance(), waiting);
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        Verifier verifier(**opened, SystemClock::instance());
        verifier.enableCache();
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid); // cached

        const VaultWriteLock lock(m_vault->path);
        QVERIFY(lock.isHeld());
        QElapsedTimer timer;
        timer.start();
        // The lease from the first verification has tokens left: use them up first.
        qint64 failures = verifier.rateLimiter().storeFailureCount();
        while (failures == verifier.rateLimiter().storeFailureCount() && timer.elapsed() < 10000)
            QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
        QVERIFY(timer.elapsed() >= waiting.busyTimeoutMs - 100); // waited once
        QVERIFY(timer.elapsed() < 2 * waiting.busyTimeoutMs); // not also for the credit
        failures = verifier.rateLimiter().storeFailureCount();
        timer.restart();
        for (int i = 0; i < 20; ++i)
            QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
        QVERIFY2(timer.elapsed() < waiting.busyTimeoutMs / 2,
                 qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(verifier.rateLimiter().storeFailureCount(), failures);
    }

    // A vault of the previous schema version is upgraded when opened, and its keys' limits are
    // then shared.
    void previousVersionVaultIsUpgraded()
    {
        KeyOptions options;
        options.rateLimit = perMinute(2);
        const IssuedToken issued = issueKey(options);
        m_vault->store.reset();
        {
            QSqlDatabase raw =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
            raw.setDatabaseName(m_vault->path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            for (const char *sql : OlderSchema::kBackToSeven)
                QVERIFY(q.exec(QLatin1String(sql)));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE rate_buckets")));
            for (const char *sql :
                 {"ALTER TABLE api_keys DROP COLUMN usage_epoch", // schema 7
                  "DROP TABLE signature_attestations", "DROP TABLE key_signatures",
                  "DROP TABLE audit_signatures", "DROP TABLE member_keys",
                  "DELETE FROM vault_meta WHERE name = 'root_key'"})
                QVERIFY(q.exec(QLatin1String(sql))); // schema 5
            QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_version WHERE version >= 4")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
        auto opened = SqlKeyStore::openVault(m_vault->path, clock());
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        QCOMPARE(*Migrations::currentVersion(StoreDatabase::of(**opened)),
                 Migrations::latestVersion());
        Verifier first(**opened, clock());
        QCOMPARE(verifyToken(first, issued.token).outcome, VerifyOutcome::Valid);
        auto other = m_vault->openSecond(QString());
        Verifier second(*other, clock());
        QCOMPARE(verifyToken(second, issued.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifyToken(second, issued.token).outcome, VerifyOutcome::RateLimited);
        QCOMPARE(first.rateLimiter().storeFailureCount() + second.rateLimiter().storeFailureCount(),
                 qint64(0));
    }
#endif
};

QTEST_GUILESS_MAIN(TestSharedLimits)
#include "test_shared_limits.moc"
