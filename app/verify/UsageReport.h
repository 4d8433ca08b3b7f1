#pragma once

#include "VerifyOutcome.h"
#include "core/Result.h"

#include <QString>
#include <QVector>

#include <array>

namespace Keyward {

class SqlKeyStore;

// One key's recent usage as people look at it: requests per hour and outcome (dense: one entry
// per hour, zeros included, ready for a chart), and the newest request-log rows. For
// `keywardctl key usage` and the details pane. Shows what has been written: a running verifier's
// last flush interval is not in it yet.
class UsageReport
{
public:
    struct Hour
    {
        qint64 hourMs = 0; // start of the UTC hour
        std::array<qint64, kAllVerifyOutcomes.size()> counts {}; // by verifyOutcomeToInt()
        qint64 count(VerifyOutcome outcome) const;
        qint64 total() const;
    };
    struct Request
    {
        qint64 atMs = 0;
        VerifyOutcome outcome = VerifyOutcome::Malformed;
        QString source;
        qint64 secretId = 0;
        QString secretHint; // which secret was presented (old or new, during a grace period)
    };

    static constexpr int kDefaultHours = 7 * 24;
    static constexpr int kDefaultRequests = 50;

    // hours: how many hours up to and including the current one (1 ... 90 days).
    static Result<UsageReport> load(SqlKeyStore &store, qint64 keyId, qint64 nowMs,
                                    int hours = kDefaultHours, int requests = kDefaultRequests);

    qint64 keyId() const { return m_keyId; }
    const QVector<Hour> &hours() const { return m_hours; } // oldest first
    const QVector<Request> &requests() const { return m_requests; } // newest first
    qint64 total(VerifyOutcome outcome) const;
    qint64 total() const;

private:
    qint64 m_keyId = 0;
    QVector<Hour> m_hours;
    QVector<Request> m_requests;
};

} // namespace Keyward
