#include "RecordedEvents.h"

#include <cstring>
#include <new>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Keyward {

namespace {

// A cache line: every event then sits in one line (two per line) and the buffer's lines are
// written whole, which is what streaming stores do best.
constexpr std::align_val_t kAlignment {64};

} // namespace

RecordedEventBuffer::~RecordedEventBuffer()
{
    if (m_data)
        ::operator delete(m_data, kAlignment);
}

RecordedEventBuffer::RecordedEventBuffer(RecordedEventBuffer &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_capacity(std::exchange(other.m_capacity, 0))
{ }

RecordedEventBuffer &RecordedEventBuffer::operator=(RecordedEventBuffer &&other) noexcept
{
    if (this != &other) {
        RecordedEventBuffer dropped(std::move(*this));
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

void RecordedEventBuffer::reserve(qsizetype capacity)
{
    Q_ASSERT(m_size == 0);
    if (capacity <= m_capacity)
        return;
    // Raw memory, not constructed events: constructing them would write (and so cache) every
    // line before the streaming stores do.
    void *memory = ::operator new(std::size_t(capacity) * sizeof(RecordedEvent), kAlignment);
    if (m_data)
        ::operator delete(m_data, kAlignment);
    m_data = static_cast<RecordedEvent *>(memory);
    m_capacity = capacity;
}

void RecordedEventBuffer::appendStreaming(const RecordedEvent *events, qsizetype count)
{
    Q_ASSERT(count >= 0 && count <= m_capacity - m_size);
    RecordedEvent *to = m_data + m_size;
#if defined(__SSE2__)
    // 16-byte units: the storage is 64-byte aligned and an event is 32 bytes.
    static_assert(sizeof(RecordedEvent) % sizeof(__m128i) == 0);
    auto *out = reinterpret_cast<__m128i *>(to);
    const auto *in = reinterpret_cast<const __m128i *>(events);
    const qsizetype units = count * qsizetype(sizeof(RecordedEvent) / sizeof(__m128i));
    for (qsizetype i = 0; i < units; ++i)
        _mm_stream_si128(out + i, _mm_loadu_si128(in + i));
    _mm_sfence(); // streaming stores are weakly ordered: make them visible before a hand-off
#else
    std::memcpy(static_cast<void *>(to), events, std::size_t(count) * sizeof(RecordedEvent));
#endif
    m_size += count;
}

} // namespace Keyward
