// Races between connections on one PostgreSQL vault: each worker thread has a connection of its
// own (a Qt SQL connection belongs to the thread that made it), and the results are checked on
// the main thread once the workers are done.
#include "PgFixture.h"
#include "StoreDatabase.h"

#include <QtTest>

#include <chrono>
#include <condition_variable>
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

} // namespace

class TestPgConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondEditorWaitsThenGetsStaleVersion();
    void regenerationsRaceExactlyOneWins();
    void auditChainStaysLinearUnderConcurrentWriters();
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

QTEST_GUILESS_MAIN(TestPgConcurrency)
#include "test_pg_concurrency.moc"
