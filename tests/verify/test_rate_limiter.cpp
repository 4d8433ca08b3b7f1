// Token buckets with time moved by hand: burst, continuous refill, exact retry-after.
#include "core/Clock.h"
#include "core/RateLimit.h"
#include "verify/RateLimiter.h"

#include <QTest>

using namespace Keyward;

Q_DECLARE_METATYPE(Keyward::RateLimit)

namespace {

RateLimit limitOf(int count, RateLimit::Unit unit)
{
    RateLimit limit;
    limit.count = count;
    limit.unit = unit;
    return limit;
}

} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenRetryAfter_data()
    {
        QTest::addColumn<RateLimit>("limit");
        QTest::addColumn<qint64>("tokenEveryMs");
        QTest::newRow("5/s") << limitOf(5, RateLimit::Unit::Second) << qint64(200);
        QTest::newRow("100/min") << limitOf(100, RateLimit::Unit::Minute) << qint64(600);
        QTest::newRow("3/hour") << limitOf(3, RateLimit::Unit::Hour) << qint64(1'200'000);
        QTest::newRow("7/min (uneven)") << limitOf(7, RateLimit::Unit::Minute) << qint64(8572);
    }

    void burstThenRetryAfter()
    {
        QFETCH(RateLimit, limit);
        QFETCH(qint64, tokenEveryMs);
        ManualClock clock;
        RateLimiter limiter(clock);
        // A fresh bucket is full: the whole allowance may be used at once.
        for (int i = 0; i < limit.count; ++i) {
            QCOMPARE(limiter.retryAfterMs(1, limit), qint64(0));
            limiter.consume(1, limit);
        }
        QCOMPARE(limiter.remaining(1, limit), 0);
        // Empty: the next token is one period/count away (rounded up, never early).
        QCOMPARE(limiter.retryAfterMs(1, limit), tokenEveryMs);
        // Asking does not consume: the answer only shrinks as time passes.
        QCOMPARE(limiter.retryAfterMs(1, limit), tokenEveryMs);
        clock.advanceMs(tokenEveryMs - 1);
        QCOMPARE(limiter.retryAfterMs(1, limit), qint64(1));
        clock.advanceMs(1);
        QCOMPARE(limiter.retryAfterMs(1, limit), qint64(0));
        limiter.consume(1, limit);
        QVERIFY(limiter.retryAfterMs(1, limit) > 0);
    }

    void refillsContinuouslyUpToCapacity()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        const RateLimit limit = limitOf(10, RateLimit::Unit::Second); // one token per 100 ms
        for (int i = 0; i < 10; ++i)
            limiter.consume(7, limit);
        QCOMPARE(limiter.remaining(7, limit), 0);
        clock.advanceMs(350);
        QCOMPARE(limiter.remaining(7, limit), 3); // not a step at the end of the second
        clock.advanceMs(50);
        QCOMPARE(limiter.remaining(7, limit), 4);
        // A long pause refills to capacity and no further.
        clock.advanceMs(60'000);
        QCOMPARE(limiter.remaining(7, limit), 10);
    }

    void keysHaveTheirOwnBuckets()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        const RateLimit limit = limitOf(1, RateLimit::Unit::Minute);
        limiter.consume(1, limit);
        QVERIFY(limiter.retryAfterMs(1, limit) > 0);
        QCOMPARE(limiter.retryAfterMs(2, limit), qint64(0));
        limiter.forget(1);
        QCOMPARE(limiter.retryAfterMs(1, limit), qint64(0));
    }

    void unlimitedNeverWaitsAndKeepsNoState()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        const RateLimit none;
        for (int i = 0; i < 1000; ++i) {
            QCOMPARE(limiter.retryAfterMs(3, none), qint64(0));
            limiter.consume(3, none);
        }
        QCOMPARE(limiter.remaining(3, none), -1);
        QCOMPARE(limiter.bucketCount(), 0);
    }

    void changedLimitStartsFull()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        const RateLimit tight = limitOf(1, RateLimit::Unit::Hour);
        limiter.consume(1, tight);
        QVERIFY(limiter.retryAfterMs(1, tight) > 0);
        const RateLimit relaxed = limitOf(100, RateLimit::Unit::Minute);
        QCOMPARE(limiter.retryAfterMs(1, relaxed), qint64(0));
        QCOMPARE(limiter.remaining(1, relaxed), 100);
    }

    void clockSteppingBackRefillsNothing()
    {
        ManualClock clock(1'800'000'000'000);
        RateLimiter limiter(clock);
        const RateLimit limit = limitOf(2, RateLimit::Unit::Second);
        limiter.consume(1, limit);
        limiter.consume(1, limit);
        clock.advanceMs(-10'000);
        QCOMPARE(limiter.remaining(1, limit), 0);
        QCOMPARE(limiter.retryAfterMs(1, limit), qint64(500));
        // Refill resumes from the new time.
        clock.advanceMs(500);
        QCOMPARE(limiter.remaining(1, limit), 1);
    }

    void hugeLimitsDoNotOverflow()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        const RateLimit limit = limitOf(1'000'000'000, RateLimit::Unit::Hour);
        limiter.consume(1, limit);
        QCOMPARE(limiter.remaining(1, limit), 999'999'999);
        clock.advanceMs(10 * kHourMs);
        QCOMPARE(limiter.remaining(1, limit), 1'000'000'000);
    }

    // After a failed store: a pause from the failure, as long as the attempt waited, within
    // bounds (a wall clock stepped forward by an hour must not pause the shared limits an hour).
    void storePauseIsBounded()
    {
        const qint64 failed = 1'800'000'000'000;
        QCOMPARE(RateLimiter::storeRetryAt(failed - 5, failed),
                 failed + RateLimiter::kStoreRetryMs);
        QCOMPARE(RateLimiter::storeRetryAt(failed - 2000, failed), failed + 2000);
        QCOMPARE(RateLimiter::storeRetryAt(failed - kHourMs, failed),
                 failed + RateLimiter::kMaxStoreRetryMs);
        QCOMPARE(RateLimiter::storeRetryAt(failed + 5000, failed), // the clock stepped back
                 failed + RateLimiter::kStoreRetryMs);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "test_rate_limiter.moc"
