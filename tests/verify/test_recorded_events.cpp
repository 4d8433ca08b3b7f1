// The buffer the verifying thread streams recorded events into: what goes in comes out, in
// order and bit for bit, whatever the counts; its memory is aligned, kept by clear() and owned
// by exactly one buffer after a move.
#include "verify/RecordedEvents.h"

#include <QMutex>
#include <QTest>
#include <QThread>

#include <limits>
#include <vector>

using namespace Keyward;

namespace {

RecordedEvent eventNumber(int i)
{
    RecordedEvent event;
    event.atMs = std::numeric_limits<qint64>::max() - i;
    event.keyId = i % 2 ? -qint64(i) : qint64(i) << 40;
    event.secretId = qint64(i) * 7919;
    event.sourceIndex = i % 5 ? i : std::numeric_limits<int>::min();
    event.outcome = quint8(i % 256);
    event.consumesCredit = i % 3 == 0;
    event.readsBackUsage = i % 4 == 1;
    return event;
}

bool sameEvent(const RecordedEvent &a, const RecordedEvent &b)
{
    return a.atMs == b.atMs && a.keyId == b.keyId && a.secretId == b.secretId
        && a.sourceIndex == b.sourceIndex && a.outcome == b.outcome
        && a.consumesCredit == b.consumesCredit && a.readsBackUsage == b.readsBackUsage;
}

std::vector<RecordedEvent> events(int from, int count)
{
    std::vector<RecordedEvent> made;
    for (int i = from; i < from + count; ++i)
        made.push_back(eventNumber(i));
    return made;
}

// A buffer with room for capacity events, holding events from .. from + count - 1.
RecordedEventBuffer filledBuffer(qsizetype capacity, int from, int count)
{
    RecordedEventBuffer buffer;
    buffer.reserve(capacity);
    const std::vector<RecordedEvent> made = events(from, count);
    buffer.appendStreaming(made.data(), count);
    return buffer;
}

} // namespace

class TestRecordedEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendsKeepOrderAndContent()
    {
        RecordedEventBuffer buffer;
        QVERIFY(buffer.isEmpty());
        QCOMPARE(buffer.begin(), buffer.end());
        buffer.reserve(200);
        QVERIFY(buffer.capacity() >= 200);
        // Odd counts: appends that start and end in the middle of a cache line.
        int total = 0;
        for (int count : {1, 0, 3, 64, 63, 2, 67}) {
            const std::vector<RecordedEvent> chunk = events(total, count);
            buffer.appendStreaming(chunk.data(), count);
            total += count;
            QCOMPARE(buffer.size(), qsizetype(total));
        }
        QCOMPARE(buffer.end() - buffer.begin(), qsizetype(total));
        int i = 0;
        for (const RecordedEvent &event : buffer)
            QVERIFY2(sameEvent(event, eventNumber(i++)), qPrintable(QString::number(i - 1)));
        QCOMPARE(i, total);
    }

    void storageIsCacheLineAligned()
    {
        for (qsizetype capacity : {1, 3, 64, 4096}) {
            RecordedEventBuffer buffer;
            buffer.reserve(capacity);
            QCOMPARE(reinterpret_cast<quintptr>(buffer.begin()) % 64, quintptr(0));
        }
    }

    void clearKeepsTheMemory()
    {
        RecordedEventBuffer buffer = filledBuffer(128, 0, 100);
        const RecordedEvent *memory = buffer.begin();
        buffer.clear();
        QVERIFY(buffer.isEmpty());
        QCOMPARE(buffer.capacity(), qsizetype(128));
        buffer.reserve(64); // already enough: no new memory
        QCOMPARE(buffer.begin(), memory);
        const std::vector<RecordedEvent> second = events(500, 3);
        buffer.appendStreaming(second.data(), 3);
        QCOMPARE(buffer.size(), qsizetype(3));
        QVERIFY(sameEvent(buffer[0], eventNumber(500)));
        QVERIFY(sameEvent(buffer[2], eventNumber(502)));
        buffer.clear();
        buffer.reserve(1000); // more: new memory, still aligned
        QVERIFY(buffer.capacity() >= 1000);
        QCOMPARE(reinterpret_cast<quintptr>(buffer.begin()) % 64, quintptr(0));
    }

    void movesHandOverTheEvents()
    {
        RecordedEventBuffer source = filledBuffer(10, 0, 10);
        const RecordedEvent *memory = source.begin();

        RecordedEventBuffer moved(std::move(source));
        QCOMPARE(moved.begin(), memory);
        QCOMPARE(moved.size(), qsizetype(10));
        QVERIFY(source.isEmpty()); // NOLINT(bugprone-use-after-move): it must be empty
        QCOMPARE(source.capacity(), qsizetype(0));

        RecordedEventBuffer other;
        other.reserve(5);
        other = std::move(moved);
        QCOMPARE(other.begin(), memory);
        QVERIFY(sameEvent(other[9], eventNumber(9)));
        QCOMPARE(moved.capacity(), qsizetype(0)); // NOLINT(bugprone-use-after-move)

        other = std::move(other); // self-assignment keeps the events
        QCOMPARE(other.size(), qsizetype(10));
        QCOMPARE(other.begin(), memory);
    }

    // The point of the buffer: another thread, handed the buffer through a mutex, reads every
    // event the streaming stores wrote.
    void anotherThreadSeesEverything()
    {
        constexpr int kBatches = 200;
        constexpr int kPerBatch = 1000;
        std::vector<RecordedEventBuffer> handedOver;
        QMutex mutex;
        qint64 checked = 0;
        bool allSame = true;
        std::unique_ptr<QThread> reader(QThread::create([&] {
            int seen = 0;
            while (seen < kBatches) {
                RecordedEventBuffer batch;
                {
                    QMutexLocker lock(&mutex);
                    if (handedOver.empty())
                        continue;
                    batch = std::move(handedOver.back());
                    handedOver.pop_back();
                }
                for (const RecordedEvent &event : batch) {
                    allSame = allSame && sameEvent(event, eventNumber(int(event.secretId / 7919)));
                    ++checked;
                }
                ++seen;
            }
        }));
        reader->start();
        for (int i = 0; i < kBatches; ++i) {
            RecordedEventBuffer batch = filledBuffer(kPerBatch, 0, kPerBatch);
            QMutexLocker lock(&mutex);
            handedOver.push_back(std::move(batch));
        }
        QVERIFY(reader->wait(60000));
        QVERIFY(allSame);
        QCOMPARE(checked, qint64(kBatches) * kPerBatch);
    }
};

QTEST_GUILESS_MAIN(TestRecordedEvents)
#include "test_recorded_events.moc"
