// VerifyWorkers (keywardctl verify --stdin --threads): answers in input order across many
// batches, a batch verified while the caller collects the next, the lines' outcomes combined, and
// a store that cannot be opened reported. The answers here echo the token (the machinery is
// under test; test_verify_pipeline runs real verifications through it).
#include "VaultFixture.h"
#include "VerifyWorkers.h"
#include "store/SqlKeyStore.h"
#include "verify/Verifier.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

using namespace Keyward;
using namespace Keyward::Testing;
using Keyward::Cli::VerifyWorkers;

namespace {

// Closed until opened: a worker that reaches it waits (at most 30 s, so a broken test ends).
class Gate
{
public:
    void wait()
    {
        std::unique_lock lock(m_mutex);
        m_waiting = true;
        m_changed.notify_all();
        if (!m_changed.wait_for(lock, std::chrono::seconds(30), [this] { return m_open; }))
            m_timedOut = true;
        m_waiting = false;
    }
    bool timedOut()
    {
        const std::lock_guard lock(m_mutex);
        return m_timedOut;
    }
    void open()
    {
        const std::lock_guard lock(m_mutex);
        m_open = true;
        m_changed.notify_all();
    }
    bool waitUntilSomeoneWaits()
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::seconds(30), [this] { return m_waiting; });
    }
    bool someoneWaits()
    {
        const std::lock_guard lock(m_mutex);
        return m_waiting;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
    bool m_waiting = false;
    bool m_timedOut = false;
};

} // namespace

class TestVerifyWorkers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<VaultFixture> m_vault;

    VerifyWorkers::OpenStore opener()
    {
        return [this]() -> Result<std::unique_ptr<SqlKeyStore>> {
            return m_vault->openSecond(QString());
        };
    }
    VerifyWorkers::MakeVerifier maker()
    {
        return [this](SqlKeyStore &store) {
            return std::make_unique<Verifier>(store, m_vault->clock);
        };
    }
    static VerifyWorkers::LineOutcome echo(const char *token, std::size_t size, QByteArray &answer)
    {
        answer.append(token, qsizetype(size));
        answer.append(":answered");
        return {true, false};
    }
    // Answers every line with its echo; the line "held" only once the gate is opened.
    static VerifyWorkers::Answer echoHeldAt(Gate &gate)
    {
        return [&gate](Verifier &, const char *token, std::size_t size, QByteArray &answer) {
            if (QByteArrayView(token, qsizetype(size)) == "held")
                gate.wait();
            return echo(token, size, answer);
        };
    }

private Q_SLOTS:
    void init() { m_vault = std::make_unique<VaultFixture>(); }
    void cleanup() { m_vault.reset(); }

    void answersKeepInputOrderAcrossBatches()
    {
        VerifyWorkers workers(3, opener(), maker(),
                              [](Verifier &, const char *token, std::size_t size,
                                 QByteArray &answer) { return echo(token, size, answer); });
        QVERIFY(workers.start());
        QByteArray emitted;
        const VerifyWorkers::Emit collect = [&emitted](const QByteArray &answers) {
            emitted += answers;
        };
        QByteArray expected;
        constexpr int lines = 10007; // batches of 500, the last one short
        for (int i = 0; i < lines; ++i) {
            const QByteArray token = "line-" + QByteArray::number(i);
            workers.add(token.constData(), std::size_t(token.size()));
            expected += token + ":answered\n";
            if (workers.pending() == 500)
                workers.dispatch(collect);
        }
        workers.finish(collect);
        QCOMPARE(emitted.count('\n'), qsizetype(lines));
        QCOMPARE(emitted, expected);
        QVERIFY(workers.allValid());
        QVERIFY(!workers.storeFailed());
        workers.finish(collect); // nothing left: nothing more
        QCOMPARE(emitted, expected);
    }

    // A batch dispatched with help has each thread call Help with its own connection before its
    // slice (verify --stdin: reading ranges of the cache's pass), and only such a batch; every
    // line is still answered once, in order.
    void helpComesBeforeTheSlicesOfItsBatch()
    {
        std::mutex mutex;
        std::set<SqlKeyStore *> helpedStores;
        std::set<std::thread::id> helpingThreads;
        int helps = 0;
        std::atomic<int> answeredBeforeHelp {0};
        std::atomic<int> answered {0};
        VerifyWorkers workers(
            3, opener(), maker(),
            [&](Verifier &, const char *token, std::size_t size, QByteArray &answer) {
                ++answered;
                return echo(token, size, answer);
            },
            [&](SqlKeyStore &store) {
                const std::lock_guard lock(mutex);
                ++helps;
                helpedStores.insert(&store);
                helpingThreads.insert(std::this_thread::get_id());
                answeredBeforeHelp = answered.load();
            });
        QVERIFY(workers.start());
        QByteArray emitted;
        const VerifyWorkers::Emit collect = [&emitted](const QByteArray &answers) {
            emitted += answers;
        };
        QByteArray expected;
        const auto addBatch = [&](int first) {
            for (int i = first; i < first + 300; ++i) {
                const QByteArray token = "line-" + QByteArray::number(i);
                workers.add(token.constData(), std::size_t(token.size()));
                expected += token + ":answered\n";
            }
        };
        addBatch(0);
        workers.dispatch(collect); // without help
        addBatch(300);
        workers.dispatch(collect, true);
        addBatch(600);
        workers.finish(collect); // without help
        QCOMPARE(emitted, expected);
        const std::lock_guard lock(mutex);
        QCOMPARE(helps, 3); // each thread once, for the one batch
        QCOMPARE(int(helpedStores.size()), 3); // each with its own connection
        QCOMPARE(int(helpingThreads.size()), 3);
        QVERIFY(helpingThreads.count(std::this_thread::get_id()) == 0);
        // The first batch was answered before; no line of the helped batch before its help:
        // the threads help before their slices, and the last of them helped with at most the
        // other two threads' slices of it answered.
        QVERIFY2(answeredBeforeHelp >= 300 && answeredBeforeHelp <= 500,
                 QByteArray::number(answeredBeforeHelp.load()).constData());
    }

    // dispatch() returns while the threads verify: the caller reads on meanwhile. Waiting for
    // each batch left the threads idle while the caller read and wrote.
    void aBatchIsVerifiedWhileTheNextIsCollected()
    {
        Gate gate;
        VerifyWorkers workers(2, opener(), maker(), echoHeldAt(gate));
        QVERIFY(workers.start());
        QByteArray emitted;
        const VerifyWorkers::Emit collect = [&emitted](const QByteArray &answers) {
            emitted += answers;
        };
        workers.add("held", 4);
        workers.add("first", 5);
        workers.dispatch(collect);
        QVERIFY(!gate.timedOut()); // dispatch() waited for the batch, until the gate gave up
        QVERIFY(gate.waitUntilSomeoneWaits());
        QVERIFY(emitted.isEmpty()); // the batch is not done, and dispatch() did not wait for it
        workers.add("second", 6); // the next batch, collected meanwhile
        QCOMPARE(workers.pending(), std::size_t(1));
        QVERIFY(gate.someoneWaits());
        gate.open();
        workers.finish(collect);
        QVERIFY(!gate.timedOut());
        QCOMPARE(emitted, QByteArray("held:answered\nfirst:answered\nsecond:answered\n"));
    }

    // The finished batch's answers are written after the next batch was handed over, so the
    // threads verify while the caller writes.
    void answersAreWrittenWhileTheNextBatchIsVerified()
    {
        Gate gate;
        VerifyWorkers workers(2, opener(), maker(), echoHeldAt(gate));
        QVERIFY(workers.start());
        QByteArray emitted;
        bool verifyingWhileWriting = false;
        const VerifyWorkers::Emit collect = [&](const QByteArray &answers) {
            if (answers.contains("first"))
                verifyingWhileWriting = gate.waitUntilSomeoneWaits();
            emitted += answers;
        };
        workers.add("first", 5);
        workers.dispatch(collect);
        workers.add("held", 4);
        workers.dispatch(collect); // hands "held" over, then writes "first"
        QVERIFY(verifyingWhileWriting);
        gate.open();
        workers.finish(collect);
        QVERIFY(!gate.timedOut());
        QCOMPARE(emitted, QByteArray("first:answered\nheld:answered\n"));
    }

    void lineOutcomesAreCombined()
    {
        VerifyWorkers workers(
            2, opener(), maker(),
            [](Verifier &, const char *token, std::size_t size, QByteArray &answer) {
                VerifyWorkers::LineOutcome outcome = echo(token, size, answer);
                const QByteArrayView text(token, qsizetype(size));
                outcome.valid = text != "refused";
                outcome.storeFailed = text == "store down";
                return outcome;
            });
        QVERIFY(workers.start());
        const VerifyWorkers::Emit ignore = [](const QByteArray &) {
        };
        for (const char *token : {"a", "b", "c", "d"})
            workers.add(token, 1);
        workers.finish(ignore);
        QVERIFY(workers.allValid());
        QVERIFY(!workers.storeFailed());
        workers.add("refused", 7);
        workers.dispatch(ignore);
        workers.add("store down", 10);
        workers.finish(ignore);
        QVERIFY(!workers.allValid());
        QVERIFY(workers.storeFailed());
    }

    void aStoreThatCannotBeOpenedIsReported()
    {
        std::atomic<int> opens {0};
        VerifyWorkers workers(
            3,
            [this, &opens]() -> Result<std::unique_ptr<SqlKeyStore>> {
                if (opens.fetch_add(1) == 1)
                    return makeError(ErrorCode::StorageError, QStringLiteral("cannot open"));
                return m_vault->openSecond(QString());
            },
            maker(),
            [](Verifier &, const char *token, std::size_t size, QByteArray &answer) {
                return echo(token, size, answer);
            });
        const Result<void> started = workers.start();
        QVERIFY(!started);
        QCOMPARE(started.errorMessage(), QStringLiteral("cannot open"));
        QCOMPARE(opens.load(), 3);
    }
};

QTEST_GUILESS_MAIN(TestVerifyWorkers)
#include "test_verify_workers.moc"
