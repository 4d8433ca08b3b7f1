// Races between connections on one PostgreSQL vault: each worker thread has a connection of its
// own (a Qt SQL connection belongs to the thread that made it), and the results are checked on
// the main thread once the workers are done.
#include "PgFixture.h"
#include "StoreDatabase.h"

#include "core/BulkKeyChange.h"
#include "store/PostgresSetup.h"
#include "store/SqlDialect.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"
#include "verify/VerifyOutcome.h"

#include <QtTest>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

// Lets a group of threads start the racy part at the same moment (std::barrier is C++20).
class StartLine
{
public:
    explicit StartLine(int count)
        : m_remaining(count)
    { }
    void arriveAndWait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (--m_remaining == 0)
            m_condition.notify_all();
        else
            m_condition.wait(lock, [this] { return m_remaining == 0; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_condition;
    int m_remaining;
};

// A store for a worker thread, connected as alice and signed in; null (with why) on failure.
std::unique_ptr<SqlKeyStore> workerStore(const PgConnInfo &info, const Clock &clock, QString *why)
{
    auto connected = SqlKeyStore::connectPostgres(info, clock);
    if (!connected) {
        *why = connected.errorMessage();
        return nullptr;
    }
    auto store = std::move(connected).value();
    if (auto signedIn = store->signIn(QString(), SecretString()); !signedIn) {
        *why = signedIn.errorMessage();
        return nullptr;
    }
    return store;
}

int countAudit(SqlKeyStore &store, const QString &action)
{
    int count = 0;
    const auto events = store.auditEvents(std::nullopt, 100000);
    for (const AuditEvent &event : *events)
        count += event.action == action ? 1 : 0;
    return count;
}

// The usage writer's transaction (UsageRepository::write), on a connection of its own in a thread
// of its own, as a verifier's writer thread runs it.
class BackgroundUsageWrite
{
public:
    BackgroundUsageWrite(const QString &storeConnection, UsageBatch batch, qint64 nowMs,
                         UsageRetention retention = UsageRetention())
        : m_thread([this, storeConnection, batch = std::move(batch), nowMs, retention] {
            auto repository = UsageRepository::openOwn(storeConnection, SqlEngine::Postgres);
            if (!repository) {
                m_problem = repository.errorMessage();
                m_done = true;
                return;
            }
            auto written = (*repository)->write(batch, retention, nowMs);
            m_problem = written ? QString() : written.errorMessage();
            m_trimProblem = (*repository)->trimProblem();
            m_done = true;
        })
    { }
    ~BackgroundUsageWrite()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    // Whether the write ended within timeoutMs (without joining).
    bool waitDone(int timeoutMs) const
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_done && !deadline.hasExpired())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return m_done;
    }
    // Joins the thread; empty when the write was saved.
    QString finish()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_problem;
    }
    // After finish(): what the repository reported about its retention trims.
    QString trimProblem() const { return m_trimProblem; }

private:
    QString m_problem = QStringLiteral("not run");
    QString m_trimProblem;
    std::atomic<bool> m_done {false};
    std::thread m_thread;
};

// The newest secret of the key.
qint64 secretOf(const IssuedKey &issued)
{
    return issued.key.secrets.constFirst().id;
}

UsageEvent usageOf(const IssuedKey &issued, qint64 atMs, bool valid)
{
    UsageEvent event;
    event.atMs = atMs;
    event.keyId = issued.key.id;
    event.secretId = secretOf(issued);
    event.outcome = verifyOutcomeToInt(valid ? VerifyOutcome::Valid : VerifyOutcome::Revoked);
    event.consumesCredit = valid;
    event.source = QStringLiteral("10.0.0.1");
    return event;
}

// Three of key's requests a second ago, saved by an earlier write on the verifier's connection:
// request-log rows for a trim to find. Empty when saved, else what went wrong.
QString logThreeEarlierRequests(const QString &verifierConnection, const IssuedKey &key,
                                qint64 nowMs)
{
    UsageBatch earlier;
    for (int i = 0; i < 3; ++i)
        earlier.add(usageOf(key, nowMs - 1000 + i, true));
    BackgroundUsageWrite write(verifierConnection, earlier, nowMs);
    return write.finish();
}

// A store connected as a verifier login of its own, as keyward-verifyd connects: usage is written
// by verifiers (an Owner's login may not take the next usage_seq).
std::unique_ptr<SqlKeyStore> verifierStore(PgVaultFixture &f)
{
    const QString login = QStringLiteral("kwv_") + randomToken();
    auto added =
        PostgresSetup::addVerifierLogin(f.pg.admin().db(), login, secret("verifier password"));
    if (!added)
        qFatal("addVerifierLogin failed: %s", qPrintable(added.errorMessage()));
    auto connected = SqlKeyStore::connectPostgres(
        f.pg.conninfo(login, QStringLiteral("verifier password")), f.clock);
    if (!connected)
        qFatal("connectPostgres as %s failed: %s", qPrintable(login),
               qPrintable(connected.errorMessage()));
    return std::move(connected).value();
}

// Polls until `count` connections of this database wait for a lock (another transaction's row).
bool waitForLockWaiters(PgTestDatabase &pg, int count)
{
    const QString waiting = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                           "'%1' AND wait_event_type = 'Lock'")
                                .arg(pg.name());
    for (int i = 0; i < 500; ++i) {
        if (pg.admin().scalar(waiting).toInt() >= count)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

// What came of an admin's change made while a usage write waited for a row another connection
// held. Empty problems: both saved.
struct RaceOutcome
{
    QString setup; // the held row could not be taken
    bool writerWaited = false;
    bool adminWaited = false;
    QString writeProblem;
    QString adminProblem = QStringLiteral("not run");

    // Why the race did not end with both saved, after waiting on each other as staged; empty
    // when it did. adminChange names the admin's side in the message.
    QString failure(const QString &adminChange) const
    {
        if (!setup.isEmpty())
            return setup;
        if (!writerWaited)
            return QStringLiteral("the usage write never reached the held row: ") + writeProblem;
        if (!adminWaited)
            return QStringLiteral("the %1 never waited").arg(adminChange);
        if (!writeProblem.isEmpty())
            return writeProblem;
        return adminProblem;
    }
};

// Row locks for raceAgainstHeldUsageWrite: a key's usage row, or a secret's (made if missing,
// uncommitted: the writer's upsert waits for it just the same).
QString holdKeyUsage(qint64 keyId)
{
    return QStringLiteral("INSERT INTO key_usage (key_id) VALUES (%1) ON CONFLICT (key_id) DO "
                          "UPDATE SET usage_count = key_usage.usage_count")
        .arg(keyId);
}

QString holdSecretUsage(qint64 secretId)
{
    return QStringLiteral("INSERT INTO secret_usage (secret_id) VALUES (%1) ON CONFLICT "
                          "(secret_id) DO UPDATE SET usage_seq = secret_usage.usage_seq")
        .arg(secretId);
}

// Takes the row lock `holdRow` on a connection of its own, starts the usage write of `batch`
// (as a verifier login) and waits until it waits for that row, then runs `adminChange` on a
// store of its own (alice, signed in) in another thread and waits until that waits too; then
// lets go of the row. Returns once both threads are done, whatever happened.
RaceOutcome raceAgainstHeldUsageWrite(PgVaultFixture &f, const QString &holdRow,
                                      const UsageBatch &batch, qint64 nowMs,
                                      const std::function<QString(SqlKeyStore &)> &adminChange)
{
    RaceOutcome outcome;
    PgConnection holder(f.pg.conninfo());
    if (!holder.exec(QStringLiteral("BEGIN")) || !holder.exec(holdRow)) {
        outcome.setup = holder.lastError();
        return outcome;
    }
    auto verifier = verifierStore(f);
    BackgroundUsageWrite writer(verifier->connectionName(), batch, nowMs);
    outcome.writerWaited = waitForLockWaiters(f.pg, 1);
    std::thread admin;
    if (outcome.writerWaited) {
        const PgConnInfo info =
            f.pg.conninfo(QStringLiteral("alice"), QLatin1String(kOwnerPassphrase));
        admin = std::thread([&] {
            auto store = workerStore(info, f.clock, &outcome.adminProblem);
            if (store)
                outcome.adminProblem = adminChange(*store);
        });
        outcome.adminWaited = waitForLockWaiters(f.pg, 2);
    }
    holder.exec(QStringLiteral("ROLLBACK"));
    outcome.writeProblem = writer.finish();
    if (admin.joinable())
        admin.join();
    return outcome;
}

// A bulk change's failure or its first refusal; empty when every key changed.
QString bulkProblem(SqlKeyStore &store, const BulkKeyChange &change)
{
    auto changed = store.changeKeys(change);
    if (!changed)
        return changed.errorMessage();
    return changed->refused.isEmpty() ? QString() : changed->refused.constFirst().reason;
}

} // namespace

class TestPgConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondEditorWaitsThenGetsStaleVersion();
    void regenerationsRaceExactlyOneWins();
    void auditChainStaysLinearUnderConcurrentWriters();
    void usageWriteAndKeyDeleteDoNotDeadlock();
    void usageWriteAndBulkChangeDoNotDeadlock();
    void usageWriteAndBulkDeleteDoNotDeadlock();
    void usageWriteTakesUsesAndRefusalsInOneOrder();
    void usageTrimGivesUpOnRowsADeleteHolds();
    void usageTrimStandsAsideForADelete();
    void usageWritesAreReadCommittedWhateverTheDefault();
};

void TestPgConcurrency::secondEditorWaitsThenGetsStaleVersion()
{
    PgVaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("shared")));
    QVERIFY(issued);
    const qint64 id = issued->key.id;
    const PgConnInfo info = f.pg.conninfo(QStringLiteral("alice"), QLatin1String(kOwnerPassphrase));

    // B connects, reports its server process, then edits when told to.
    std::promise<qint64> bPid;
    std::promise<void> go;
    std::optional<Result<ApiKey>> bResult;
    QString bProblem;
    std::thread b([&] {
        auto store = workerStore(info, f.clock, &bProblem);
        if (!store) {
            bPid.set_value(0);
            return;
        }
        QSqlQuery q(StoreDatabase::of(*store));
        q.exec(QStringLiteral("SELECT pg_backend_pid()"));
        bPid.set_value(q.next() ? q.value(0).toLongLong() : 0);
        go.get_future().wait();
        bResult = store->editKey(id, 1,
                                 {QStringLiteral("renamed by B"), {}, {}, issued->key.expiresAtMs});
    });
    const qint64 pid = bPid.get_future().get();
    QVERIFY2(pid != 0, qPrintable(bProblem));

    // A is inside its write transaction when B starts; A lets go only once B waits for it.
    auto a = f.openSecond();
    bool bWaited = false;
    a->setBeforeCommitHook([&] {
        go.set_value();
        const QString waiting =
            QStringLiteral("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %1").arg(pid);
        for (int i = 0; i < 250 && !bWaited; ++i) {
            bWaited = f.pg.admin().scalar(waiting).toString() == QLatin1String("Lock");
            if (!bWaited)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    auto aResult =
        a->editKey(id, 1, {QStringLiteral("renamed by A"), {}, {}, issued->key.expiresAtMs});
    b.join();
    QVERIFY2(aResult, qPrintable(aResult.errorMessage()));
    QVERIFY2(bWaited, "B never waited for A's transaction");
    QVERIFY(bResult.has_value());
    QCOMPARE(bResult->code(), ErrorCode::StaleVersion);
    QVERIFY(bResult->errorMessage().contains(QStringLiteral("changed by someone else")));
    auto now = f.store->key(id);
    QCOMPARE(now->name, QStringLiteral("renamed by A"));
    QCOMPARE(now->version, 2);
    QCOMPARE(countAudit(*f.store, QStringLiteral("key.edit")), 1);
    QVERIFY(f.store->verifyAudit()->intact);
}

void TestPgConcurrency::regenerationsRaceExactlyOneWins()
{
    PgVaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("raced")));
    QVERIFY(issued);
    const qint64 id = issued->key.id;
    const PgConnInfo info = f.pg.conninfo(QStringLiteral("alice"), QLatin1String(kOwnerPassphrase));
    constexpr int kRacers = 4;
    StartLine startLine(kRacers);
    std::vector<std::optional<Result<IssuedKey>>> results(kRacers);
    std::vector<QString> problems(kRacers);
    std::vector<std::thread> racers;
    for (int i = 0; i < kRacers; ++i) {
        racers.emplace_back([&, i] {
            auto store = workerStore(info, f.clock, &problems[i]);
            startLine.arriveAndWait();
            if (store)
                results[i] = store->regenerateKey(id, 1, 0);
        });
    }
    for (std::thread &racer : racers)
        racer.join();
    int winners = 0;
    for (int i = 0; i < kRacers; ++i) {
        QVERIFY2(results[i].has_value(), qPrintable(problems[i]));
        if (*results[i])
            ++winners;
        else
            QCOMPARE(results[i]->code(), ErrorCode::StaleVersion);
    }
    QCOMPARE(winners, 1);
    auto key = f.store->key(id);
    QCOMPARE(key->secrets.size(), 2); // the original and exactly one new one
    QCOMPARE(key->version, 2);
    QCOMPARE(countAudit(*f.store, QStringLiteral("key.regenerate")), 1);
    QVERIFY(f.store->verifyAudit()->intact);
}

void TestPgConcurrency::auditChainStaysLinearUnderConcurrentWriters()
{
    PgVaultFixture f;
    const PgConnInfo info = f.pg.conninfo(QStringLiteral("alice"), QLatin1String(kOwnerPassphrase));
    constexpr int kWriters = 4;
    constexpr int kKeysEach = 10;
    StartLine startLine(kWriters);
    std::vector<int> created(kWriters, 0);
    std::vector<QString> problems(kWriters);
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            auto store = workerStore(info, f.clock, &problems[w]);
            startLine.arriveAndWait();
            if (!store)
                return;
            for (int k = 0; k < kKeysEach; ++k) {
                auto issued = store->createKey(
                    makeRequest(*store, f.clock, QStringLiteral("writer %1 key %2").arg(w).arg(k)));
                if (!issued) {
                    problems[w] = issued.errorMessage();
                    return;
                }
                // Every other key is also deactivated: two audit rows from one writer in a row.
                if (k % 2 == 0 && !store->setKeyActive(issued->key.id, 1, false)) {
                    problems[w] = QStringLiteral("deactivate failed");
                    return;
                }
                ++created[w];
            }
        });
    }
    for (std::thread &writer : writers)
        writer.join();
    for (int w = 0; w < kWriters; ++w)
        QVERIFY2(created[w] == kKeysEach, qPrintable(problems[w]));
    const qint64 expectedChanges = 1 + kWriters * (kKeysEach + kKeysEach / 2);
    // Each writer's sign-in is audited too (the fixture's and the writers'), but is no change.
    const qint64 signIns = countAudit(*f.store, QStringLiteral("member.sign_in"));
    QCOMPARE(signIns, qint64(kWriters + 1));
    auto verified = f.store->verifyAudit();
    QVERIFY(verified);
    QVERIFY2(verified->intact, qPrintable(verified->problem));
    QCOMPARE(verified->rowsChecked, expectedChanges + signIns);
    QCOMPARE(f.store->listKeys()->size(), kWriters * kKeysEach);
    QCOMPARE(*f.store->changeCounter(), expectedChanges);
}

// A usage write holds the usage rows of the secrets it touched (their last use) when it comes to
// their keys' counts. A delete cascades into those rows while it holds the key's row, which a new
// hourly count's foreign key check waits for: without anything between them, the delete waited
// for the writer's secret row and the writer for the delete's key row, and PostgreSQL broke the
// cycle after a second by failing one of them, the admin's delete or the whole usage batch. Here
// the refused key's secret already has its usage row (an earlier write, an hour before), the
// writer is held between the secrets and the counts (a third connection holds the count of the
// key it credits), the delete starts, then the writer goes on: both must succeed, because the
// delete waits for the usage writes in flight of its keys (SqlDialect::lockUsageBuckets).
void TestPgConcurrency::usageWriteAndKeyDeleteDoNotDeadlock()
{
    PgVaultFixture f;
    auto used = f.store->createKey(f.request(QStringLiteral("used")));
    auto refused = f.store->createKey(f.request(QStringLiteral("revoked, still presented")));
    QVERIFY(used && refused);
    auto revoked = f.store->revokeKey(refused->key.id, refused->key.version);
    QVERIFY(revoked);
    const qint64 now = f.clock.nowMs();
    {
        UsageBatch earlier;
        earlier.add(usageOf(*refused, now - kHourMs, false));
        auto verifier = verifierStore(f);
        BackgroundUsageWrite first(verifier->connectionName(), earlier, now - kHourMs);
        const QString problem = first.finish();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    UsageBatch batch;
    batch.add(usageOf(*used, now, true));
    batch.add(usageOf(*refused, now, false));

    const RaceOutcome race = raceAgainstHeldUsageWrite(
        f, holdKeyUsage(used->key.id), batch, now, [&](SqlKeyStore &store) {
            auto deleted = store.deleteKey(revoked->id, revoked->version);
            return deleted ? QString() : deleted.errorMessage();
        });
    const QString failed = race.failure(QStringLiteral("delete"));
    QVERIFY2(failed.isEmpty(), qPrintable(failed));

    QCOMPARE(f.store->key(refused->key.id).error().code, ErrorCode::NotFound);
    QCOMPARE(f.pg.admin()
                 .scalar(QStringLiteral("SELECT count(*) FROM key_usage_hourly WHERE key_id = %1")
                             .arg(refused->key.id))
                 .toInt(),
             0);
    QCOMPARE(f.store->key(used->key.id)->usageCount, qint64(1));
}

// A usage write takes no key row (schema 8: counts are in rows of their own), so a bulk change of
// the keys it counts neither waits for it nor holds it up. (Before, the writer held one key's row
// while waiting for another's, which a bulk change taking them in the order given held.)
void TestPgConcurrency::usageWriteAndBulkChangeDoNotDeadlock()
{
    PgVaultFixture f;
    auto first = f.store->createKey(f.request(QStringLiteral("first")));
    auto second = f.store->createKey(f.request(QStringLiteral("second")));
    QVERIFY(first && second);
    QVERIFY(first->key.id < second->key.id);
    const qint64 now = f.clock.nowMs();
    UsageBatch batch;
    batch.add(usageOf(*first, now, true));
    batch.add(usageOf(*second, now, true));

    BulkKeyChange change;
    change.action = BulkKeyAction::Deactivate;
    change.keys = {{second->key.id, second->key.version}, {first->key.id, first->key.version}};
    PgConnection holder(f.pg.conninfo());
    QVERIFY(holder.exec(QStringLiteral("BEGIN")));
    QVERIFY2(holder.exec(holdKeyUsage(first->key.id)), qPrintable(holder.lastError()));
    auto verifier = verifierStore(f);
    BackgroundUsageWrite writer(verifier->connectionName(), batch, now);
    const bool writerWaited = waitForLockWaiters(f.pg, 1);
    QString adminProblem = QStringLiteral("not run");
    {
        const PgConnInfo info =
            f.pg.conninfo(QStringLiteral("alice"), QLatin1String(kOwnerPassphrase));
        auto store = workerStore(info, f.clock, &adminProblem);
        if (store)
            adminProblem = bulkProblem(*store, change); // while the writer waits
    }
    holder.exec(QStringLiteral("ROLLBACK"));
    const QString writeProblem = writer.finish();
    QVERIFY2(writerWaited, "the usage write never reached the held row");
    QVERIFY2(adminProblem.isEmpty(), qPrintable(adminProblem));
    QVERIFY2(writeProblem.isEmpty(), qPrintable(writeProblem));
    for (const IssuedKey *issued : {&*first, &*second}) {
        auto key = f.store->key(issued->key.id);
        QCOMPARE(key->state, KeyState::Inactive);
        QCOMPARE(key->usageCount, qint64(1));
    }
}

// A bulk delete waits for the usage writes in flight before it takes any row. The secrets of a
// regenerated key are not in the order of the key ids: here the writer holds the second key's
// secret usage and waits for a third key's (held by another connection) before the first key's
// newer secret, while the delete of the first two keys starts; both must succeed.
void TestPgConcurrency::usageWriteAndBulkDeleteDoNotDeadlock()
{
    PgVaultFixture f;
    auto first = f.store->createKey(f.request(QStringLiteral("first")));
    auto second = f.store->createKey(f.request(QStringLiteral("second")));
    auto third = f.store->createKey(f.request(QStringLiteral("third, held")));
    QVERIFY(first && second && third);
    auto renewed = f.store->regenerateKey(first->key.id, first->key.version, 0);
    QVERIFY(renewed);
    QVERIFY(secretOf(*second) < secretOf(*third) && secretOf(*third) < secretOf(*renewed));
    const qint64 now = f.clock.nowMs();
    UsageBatch batch;
    batch.add(usageOf(*renewed, now, true));
    batch.add(usageOf(*second, now, true));
    batch.add(usageOf(*third, now, true));

    BulkKeyChange change;
    change.action = BulkKeyAction::Delete;
    change.keys = {{renewed->key.id, renewed->key.version}, {second->key.id, second->key.version}};
    const RaceOutcome race =
        raceAgainstHeldUsageWrite(f, holdSecretUsage(secretOf(*third)), batch, now,
                                  [&](SqlKeyStore &store) { return bulkProblem(store, change); });
    const QString failed = race.failure(QStringLiteral("bulk delete"));
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QCOMPARE(f.store->key(first->key.id).error().code, ErrorCode::NotFound);
    QCOMPARE(f.store->key(second->key.id).error().code, ErrorCode::NotFound);
    QCOMPARE(f.store->key(third->key.id)->usageCount, qint64(1));
}

// The writer records a secret's last use and its last refusal in one statement, in one pass by
// id. In two passes (uses, then refusals) it held a used secret while waiting for a refused one
// with a lower id, which a delete of both keys held while waiting for the used one. A delete now
// waits for the writes of its keys' buckets; this race stays as the check that both are saved.
void TestPgConcurrency::usageWriteTakesUsesAndRefusalsInOneOrder()
{
    PgVaultFixture f;
    auto refused = f.store->createKey(f.request(QStringLiteral("revoked, still presented")));
    auto used = f.store->createKey(f.request(QStringLiteral("used")));
    auto held = f.store->createKey(f.request(QStringLiteral("used, held")));
    QVERIFY(refused && used && held);
    QVERIFY(secretOf(*refused) < secretOf(*used) && secretOf(*used) < secretOf(*held));
    auto revoked = f.store->revokeKey(refused->key.id, refused->key.version);
    QVERIFY(revoked);
    const qint64 now = f.clock.nowMs();
    UsageBatch batch;
    batch.add(usageOf(*used, now, true));
    batch.add(usageOf(*held, now, true));
    batch.add(usageOf(*refused, now, false));

    BulkKeyChange change;
    change.action = BulkKeyAction::Delete;
    change.keys = {{used->key.id, used->key.version}, {revoked->id, revoked->version}};
    const RaceOutcome race =
        raceAgainstHeldUsageWrite(f, holdSecretUsage(secretOf(*held)), batch, now,
                                  [&](SqlKeyStore &store) { return bulkProblem(store, change); });
    const QString failed = race.failure(QStringLiteral("bulk delete"));
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QCOMPARE(f.store->key(used->key.id).error().code, ErrorCode::NotFound);
    QCOMPARE(f.store->key(refused->key.id).error().code, ErrorCode::NotFound);
    QCOMPARE(f.store->key(held->key.id)->usageCount, qint64(1));
}

// The usage writer trims old request-log rows in its savepoint, after its own rows. A key being
// deleted holds its request-log rows through the cascade; a trim that waited for them while
// holding rows the delete goes on to take was a deadlock, which PostgreSQL broke after a second
// by failing one side, possibly the admin's delete. The trim now gives up on a held row after
// a moment (lock_timeout), so it never waits long enough to be part of a cycle. Here a third
// connection holds a key's rows as the cascade would: the write, whose trim covers them, is
// saved while they are held, reports no problem, and leaves them for next time.
void TestPgConcurrency::usageTrimGivesUpOnRowsADeleteHolds()
{
    PgVaultFixture f;
    auto doomed = f.store->createKey(f.request(QStringLiteral("being deleted")));
    auto used = f.store->createKey(f.request(QStringLiteral("used")));
    QVERIFY(doomed && used);
    auto verifier = verifierStore(f);
    const qint64 now = f.clock.nowMs();
    const QString doomedRows =
        QStringLiteral("SELECT count(*) FROM request_log WHERE key_id = %1").arg(doomed->key.id);
    const QString logged = logThreeEarlierRequests(verifier->connectionName(), *doomed, now);
    QVERIFY2(logged.isEmpty(), qPrintable(logged));
    QCOMPARE(f.pg.admin().scalar(doomedRows).toInt(), 3);

    PgConnection holder(f.pg.conninfo());
    QVERIFY(holder.exec(QStringLiteral("BEGIN")));
    QVERIFY2(holder.exec(
                 QStringLiteral("DELETE FROM request_log WHERE key_id = %1").arg(doomed->key.id)),
             qPrintable(holder.lastError()));
    UsageBatch batch;
    batch.add(usageOf(*used, now, true));
    UsageRetention keepOne; // the newest row only: the trim covers the held ones
    keepOne.requestsTotal = 1;
    BackgroundUsageWrite writer(verifier->connectionName(), batch, now, keepOne);
    const bool endedWhileHeld = writer.waitDone(5000);
    holder.exec(QStringLiteral("ROLLBACK"));
    const QString problem = writer.finish();
    QVERIFY2(endedWhileHeld, "the usage write waited for rows another transaction held");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(writer.trimProblem().isEmpty(), qPrintable(writer.trimProblem()));
    QCOMPARE(f.store->key(used->key.id)->usageCount, qint64(1));
    QCOMPARE(f.pg.admin().scalar(doomedRows).toInt(), 3); // left for the next trim

    // With nothing held, the next write's trim takes them.
    UsageBatch later;
    later.add(usageOf(*used, now + 1, true));
    BackgroundUsageWrite next(verifier->connectionName(), later, now + 1, keepOne);
    const QString nextProblem = next.finish();
    QVERIFY2(nextProblem.isEmpty(), qPrintable(nextProblem));
    QCOMPARE(f.pg.admin().scalar(doomedRows).toInt(), 0);
}

// The trim touches keys outside its write's lock buckets. A delete in progress holds its keys'
// buckets (here a third connection holds the deleted key's, as deleteKey does first), and a write
// of another bucket's key leaves its trim for next time instead of taking rows the delete's
// cascade may come to: with none taken, the two cannot end in a cycle PostgreSQL would break by
// failing one of them.
void TestPgConcurrency::usageTrimStandsAsideForADelete()
{
    PgVaultFixture f;
    auto doomed = f.store->createKey(f.request(QStringLiteral("being deleted")));
    auto used = f.store->createKey(f.request(QStringLiteral("used")));
    QVERIFY(doomed && used);
    QVERIFY(SqlDialect::usageLockBuckets({doomed->key.id})
            != SqlDialect::usageLockBuckets({used->key.id}));
    auto verifier = verifierStore(f);
    const qint64 now = f.clock.nowMs();
    const QString usedRows =
        QStringLiteral("SELECT count(*) FROM request_log WHERE key_id = %1").arg(used->key.id);
    const QString logged = logThreeEarlierRequests(verifier->connectionName(), *used, now);
    QVERIFY2(logged.isEmpty(), qPrintable(logged));
    QCOMPARE(f.pg.admin().scalar(usedRows).toInt(), 3);

    PgConnection deleter(f.pg.conninfo());
    QVERIFY(deleter.exec(QStringLiteral("BEGIN")));
    {
        QSqlQuery lock(deleter.db());
        QVERIFY(lock.prepare(SqlDialect(SqlEngine::Postgres).lockUsageBuckets(true)));
        lock.addBindValue(SqlDialect::usageLockBuckets({doomed->key.id}));
        QVERIFY2(lock.exec(), qPrintable(lock.lastError().text()));
    }
    UsageBatch batch;
    batch.add(usageOf(*used, now, true));
    UsageRetention keepOne; // the newest row only: the trim would take the three older ones
    keepOne.requestsTotal = 1;
    BackgroundUsageWrite writer(verifier->connectionName(), batch, now, keepOne);
    const bool endedWhileHeld = writer.waitDone(5000);
    const QString problem = writer.finish();
    deleter.exec(QStringLiteral("ROLLBACK"));
    QVERIFY2(endedWhileHeld, "the usage write waited for the delete's lock");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(writer.trimProblem().isEmpty(), qPrintable(writer.trimProblem()));
    QCOMPARE(f.pg.admin().scalar(usedRows).toInt(), 4); // saved, not trimmed

    UsageBatch later;
    later.add(usageOf(*used, now + 1, true));
    BackgroundUsageWrite next(verifier->connectionName(), later, now + 1, keepOne);
    const QString nextProblem = next.finish();
    QVERIFY2(nextProblem.isEmpty(), qPrintable(nextProblem));
    QCOMPARE(f.pg.admin().scalar(usedRows).toInt(), 1);
}

// A DBA may make REPEATABLE READ the database's default. A usage write that waited for a row
// another transaction then committed would fail under it ("could not serialize access due to
// concurrent update") and drop its whole batch; writes begin at READ COMMITTED themselves, so
// it adds to the committed row.
void TestPgConcurrency::usageWritesAreReadCommittedWhateverTheDefault()
{
    PgVaultFixture f;
    auto used = f.store->createKey(f.request(QStringLiteral("used")));
    QVERIFY(used);
    QVERIFY(f.pg.admin().exec(
        QStringLiteral("ALTER DATABASE \"%1\" SET default_transaction_isolation TO "
                       "'repeatable read'")
            .arg(f.pg.name())));
    const qint64 now = f.clock.nowMs();
    auto verifier = verifierStore(f); // connects after the change: it has the new default
    {
        QSqlQuery shown(StoreDatabase::of(*verifier));
        QVERIFY(shown.exec(QStringLiteral("SHOW default_transaction_isolation")) && shown.next());
        QCOMPARE(shown.value(0).toString(), QStringLiteral("repeatable read"));
    }
    PgConnection holder(f.pg.conninfo());
    QVERIFY(holder.exec(QStringLiteral("BEGIN")));
    QVERIFY2(holder.exec(QStringLiteral("INSERT INTO key_usage (key_id, usage_count) VALUES (%1, "
                                        "5)")
                             .arg(used->key.id)),
             qPrintable(holder.lastError()));
    UsageBatch batch;
    batch.add(usageOf(*used, now, true));
    BackgroundUsageWrite writer(verifier->connectionName(), batch, now);
    const bool waited = waitForLockWaiters(f.pg, 1);
    QVERIFY(holder.exec(QStringLiteral("COMMIT")));
    const QString problem = writer.finish();
    QVERIFY2(waited, "the usage write never reached the held row");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(f.store->key(used->key.id)->usageCount, qint64(6));
}

QTEST_GUILESS_MAIN(TestPgConcurrency)
#include "test_pg_concurrency.moc"
