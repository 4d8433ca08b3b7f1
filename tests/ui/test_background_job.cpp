// BackgroundJob: work on a thread of its own, reported on the owner's thread, and a wait that
// returns only once the thread is gone, thread-local destructors included (what libpq's OpenSSL
// needs before the process may exit).

#include "ui/BackgroundJob.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <thread>

using namespace Keyward;

namespace {

std::atomic<bool> g_threadLocalDestroyed {false};

// Like OpenSSL's per-thread state: freed by the thread on its way out, after the work returned.
struct SlowThreadLocal
{
    bool touched = false;
    ~SlowThreadLocal()
    {
        if (!touched)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        g_threadLocalDestroyed.store(true);
    }
};
thread_local SlowThreadLocal t_state;

} // namespace

class TestBackgroundJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsOffTheOwnersThreadAndReportsOnIt();
    void waitReturnsOnlyOnceTheThreadIsGone();
    void destroyingAJobWaitsForItsWork();
    void waitForGivesUpAtItsTimeout();
};

void TestBackgroundJob::runsOffTheOwnersThreadAndReportsOnIt()
{
    std::atomic<bool> ranElsewhere {false};
    const std::thread::id owner = std::this_thread::get_id();
    BackgroundJob job([&] { ranElsewhere = std::this_thread::get_id() != owner; });
    QThread *reportedOn = nullptr;
    connect(&job, &BackgroundJob::finished, this, [&] { reportedOn = QThread::currentThread(); });
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(job.isFinished());
    QVERIFY(ranElsewhere);
    QCOMPARE(reportedOn, thread());
}

void TestBackgroundJob::waitReturnsOnlyOnceTheThreadIsGone()
{
    g_threadLocalDestroyed = false;
    BackgroundJob job([] { t_state.touched = true; });
    job.wait();
    // QThread::wait() would return here while the thread-local destructor still sleeps.
    QVERIFY(g_threadLocalDestroyed.load());
    QVERIFY(job.isFinished());
}

void TestBackgroundJob::destroyingAJobWaitsForItsWork()
{
    std::atomic<bool> done {false};
    {
        BackgroundJob job([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            done = true;
        });
    }
    QVERIFY(done.load());
    // Its queued finished() went with it: nothing reaches a destroyed job.
    QCoreApplication::processEvents();
}

void TestBackgroundJob::waitForGivesUpAtItsTimeout()
{
    std::atomic<bool> release {false};
    BackgroundJob job([&release] {
        while (!release.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    });
    QVERIFY(!job.waitFor(0));
    QVERIFY(!job.waitFor(50));
    QVERIFY(!job.isFinished());
    release = true;
    QVERIFY(job.waitFor(5000));
    QVERIFY(job.isFinished());
    QVERIFY(job.waitFor(0)); // and again, once joined
}

QTEST_GUILESS_MAIN(TestBackgroundJob)
#include "test_background_job.moc"
