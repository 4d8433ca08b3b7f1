#pragma once

#include <QtGlobal>

#include <atomic>

namespace Keyward {

// Every rule that depends on time asks an injected Clock, so tests can move time by hand.
// Times are UTC milliseconds since the epoch throughout Keyward.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    // Shared instance for production wiring; tests pass their own ManualClock instead.
    static const Clock &instance();
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'800'000'000'000)
        : m_now(startMs)
    { }
    qint64 nowMs() const override { return m_now.load(); }
    void setNowMs(qint64 ms) { m_now.store(ms); }
    void advanceMs(qint64 ms) { m_now.fetch_add(ms); }

private:
    std::atomic<qint64> m_now;
};

constexpr qint64 kSecondMs = 1000;
constexpr qint64 kMinuteMs = 60 * kSecondMs;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

} // namespace Keyward
