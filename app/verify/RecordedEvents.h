#pragma once

#include <QStringList>
#include <QtGlobal>

namespace Keyward {

// One verification as the recorder keeps it: no string, so that recording does no reference
// counting (a shared string's counter bouncing between the verifier's and the writer's core
// costs more than the rest of recording). The source is an index into EventBatch::sources.
struct RecordedEvent
{
    qint64 atMs = 0;
    qint64 keyId = 0; // 0: no key matched
    qint64 secretId = 0;
    int sourceIndex = 0;
    quint8 outcome = 0; // persisted outcome code (a handful of values)
    bool consumesCredit = false;
    bool readsBackUsage = false;
    bool creditReserved = false; // see UsageEvent
};
// 32 bytes, not 40: the verifying thread writes one per request, so every byte is memory traffic
// on the hot path; and two fill exactly one cache line.
static_assert(sizeof(RecordedEvent) == 32);

// Storage for recorded events that the verifying thread fills with non-temporal (streaming)
// stores: the events go to memory without passing through that thread's CPU caches, where
// megabytes of them between two writes would push out what verification itself reads (the
// cached keys, its code), a measured few percent of a cached verification. The writer thread
// reads them later, from memory. Move-only; clear() keeps the memory for reuse.
class RecordedEventBuffer
{
public:
    RecordedEventBuffer() = default;
    ~RecordedEventBuffer();
    RecordedEventBuffer(RecordedEventBuffer &&other) noexcept;
    RecordedEventBuffer &operator=(RecordedEventBuffer &&other) noexcept;
    RecordedEventBuffer(const RecordedEventBuffer &) = delete;
    RecordedEventBuffer &operator=(const RecordedEventBuffer &) = delete;

    // At least this much room; only while empty (what is in it would be lost).
    void reserve(qsizetype capacity);
    // Appends count events, at most capacity() - size(). Ends with a store fence, so another
    // thread that is handed the buffer afterwards (through a mutex) sees them.
    void appendStreaming(const RecordedEvent *events, qsizetype count);
    void clear() { m_size = 0; }

    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    bool isEmpty() const { return m_size == 0; }
    const RecordedEvent *begin() const { return m_data; }
    const RecordedEvent *end() const { return m_data + m_size; }
    const RecordedEvent &operator[](qsizetype i) const { return m_data[i]; }

private:
    RecordedEvent *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
};

struct EventBatch
{
    RecordedEventBuffer events;
    QStringList sources; // distinct in a row: a run of requests from one source shares one
};

} // namespace Keyward
