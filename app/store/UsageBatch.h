#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace Keyward {

// One answered verification, as the write-behind recorder hands it to the store. The outcome is
// the persisted integer of verify/VerifyOutcome.h (store/ sits below verify/ and never sees the
// enum itself).
struct UsageEvent
{
    qint64 atMs = 0;
    qint64 keyId = 0; // 0: no key matched (malformed or unknown token)
    qint64 secretId = 0;
    int outcome = 0;
    bool consumesCredit = false; // a Valid answer: usage_count + 1 and the secret's last use
    bool readsBackUsage = false; // the key has a usage limit: read usage_count back after writing
    // A Valid answer whose credit the verifier reserved in the store beforehand: usage_count
    // already counts it, so it is not added again.
    bool creditReserved = false;
    QString source;
};

struct RequestLogRow
{
    qint64 atMs = 0;
    qint64 keyId = 0; // 0: no key
    qint64 secretId = 0; // 0: no secret
    QString source;
    int outcome = 0;
};

// Usage not yet written: the latest use per secret, counts per key, hour and outcome, credits
// per key, and the newest request-log rows. Adding aggregates at once, so memory grows with the
// number of distinct keys and hours, not with the request rate. The counts are exact; the
// request log is a sample of busy keys: at most requestsPerSecond rows per key, outcome and
// second (the first ones), which bounds the writer's work by the keys in use rather than the
// request rate and keeps a rare refusal from being crowded out by a flood of valid requests.
// Valid requests also share an overall allowance of validRowsPerSecond: with many distinct keys
// in use (a pipeline, a busy server) the per-key rule alone logged every request, and inserting
// and later trimming those rows was most of the writer's work. Refusals are not held to it. The
// batch is also capped overall and drops its oldest rows first.
class UsageBatch
{
public:
    struct LastUse
    {
        qint64 atMs = 0;
        QString source;
    };
    struct LastRefusal
    {
        qint64 atMs = 0;
        int outcome = 0;
    };
    struct HourSlot
    {
        qint64 keyId = 0;
        qint64 hourMs = 0; // start of the UTC hour, epoch ms
        int outcome = 0;
        bool operator==(const HourSlot &other) const
        {
            return keyId == other.keyId && hourMs == other.hourMs && outcome == other.outcome;
        }
    };

    static constexpr int kDefaultMaxRequests = 100000;
    static constexpr int kDefaultRequestsPerSecond = 5;
    static constexpr int kDefaultValidRowsPerSecond = 2000;

    explicit UsageBatch(int maxRequests = kDefaultMaxRequests,
                        int requestsPerSecond = kDefaultRequestsPerSecond,
                        int validRowsPerSecond = kDefaultValidRowsPerSecond);

    void add(const UsageEvent &event);
    // Adds a batch aggregated from later events (a busy writer's backlog): counts and credits add
    // up, the later last use and refusal win, and its request-log rows follow these, within this
    // batch's cap. Its per-second sampling was its own: a second both batches logged in may hold
    // up to twice the per-second rows.
    void merge(const UsageBatch &newer);
    bool isEmpty() const;
    void clear();

    static qint64 hourOf(qint64 atMs);

    // By secret id: the latest Valid answer, and the latest refusal (any other answer).
    const QHash<qint64, LastUse> &lastUses() const { return m_lastUses; }
    const QHash<qint64, LastRefusal> &lastRefusals() const { return m_lastRefusals; }
    const QHash<HourSlot, qint64> &hourlyCounts() const { return m_hourly; }
    const QHash<qint64, qint64> &credits() const { return m_credits; } // key id -> credits to add
    // Keys with a usage limit, each with the credits the batch adds for it (possibly 0): their
    // usage_count is read back after the write so every verifier process learns the others' use.
    const QHash<qint64, qint64> &readBackKeys() const { return m_readBack; }
    const std::deque<RequestLogRow> &requests() const { return m_requests; } // oldest first
    qint64 eventCount() const { return m_events; }

private:
    bool takeLogSlot(const UsageEvent &event);

    int m_maxRequests;
    int m_requestsPerSecond;
    int m_validRowsPerSecond;
    int m_validRowsThisSecond = 0;
    // Rows logged in the second starting at m_logSecond (epoch ms) per key and outcome. Only the
    // current second: events arrive in time order, so older seconds are done with, and this stays
    // as small as the keys in use in one second.
    QHash<std::pair<qint64, int>, int> m_loggedThisSecond;
    qint64 m_logSecond = 0;
    QHash<qint64, LastUse> m_lastUses;
    QHash<qint64, LastRefusal> m_lastRefusals;
    QHash<HourSlot, qint64> m_hourly;
    QHash<qint64, qint64> m_credits;
    QHash<qint64, qint64> m_readBack;
    std::deque<RequestLogRow> m_requests;
    qint64 m_events = 0;
};

size_t qHash(const UsageBatch::HourSlot &slot, size_t seed = 0) noexcept;

} // namespace Keyward
