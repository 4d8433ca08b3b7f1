#pragma once

#include "VerifyOutcome.h"
#include "core/ApiKey.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <array>
#include <functional>

namespace Keyward {

class SqlKeyStore;

// What cutting a key (revoke, delete, deactivate) or one of its secrets (end grace period)
// breaks, read fresh from the store when the admin is asked: the requests of the last 7 days by
// outcome, every source seen with its last time and the secret it presented, and whether the
// key is still in use. The GUI's confirmations and keywardctl word it with the same lines().
class KeyImpact
{
    Q_DECLARE_TR_FUNCTIONS(KeyImpact)
public:
    static constexpr int kWindowHours = 7 * 24; // the usage chart's default span too

    enum class SecretRole {
        Current, // the newest secret
        Previous, // an older one, still in its grace period
        Retired, // an older one that no longer works
        Unknown, // no secret recorded, or one that is gone
    };
    struct Source
    {
        QString source; // empty: the caller named none
        qint64 lastAtMs = 0;
        qint64 secretId = 0;
        QString secretHint; // empty when the secret is gone
        SecretRole role = SecretRole::Unknown;
    };

    // The whole key (secretId 0), or only the requests that presented one of its secrets.
    // `key` must be fresh from the store: it says which secret is current and which in grace.
    static Result<KeyImpact> load(SqlKeyStore &store, const ApiKey &key, qint64 nowMs,
                                  qint64 secretId = 0);

    qint64 keyId() const { return m_keyId; }
    qint64 secretId() const { return m_secretId; }
    QString secretHint() const { return m_secretHint; }
    qint64 windowStartMs() const { return m_windowStartMs; }
    qint64 count(VerifyOutcome outcome) const
    {
        return m_counts[std::size_t(verifyOutcomeToInt(outcome))];
    }
    qint64 total() const;
    // True when the counts are a lower bound: for one secret they come from the request log,
    // which samples busy keys and keeps only the newest rows per key.
    bool countsAreLowerBound() const { return m_countsAreLowerBound; }
    // Every distinct (source, secret) seen, newest first. From the request log (the newest rows
    // per key) and each secret's recorded last use, so a source older than the log is listed
    // only when it was some secret's latest.
    const QVector<Source> &sources() const { return m_sources; }
    // The sources that presented it within the window.
    int recentSourceCount() const;
    // Some request presented the key (the secret) within the last 7 days, whatever the answer.
    bool isStillInUse() const;

    // People's words, one line each: the counts, the sources, "still in use". `when` formats a
    // time ("3 hours ago" in the GUI, an absolute time in the CLI), `outcomeName` an outcome.
    struct Words
    {
        std::function<QString(qint64)> when;
        std::function<QString(VerifyOutcome)> outcomeName;
    };
    QString countsLine(const Words &words) const;
    QStringList sourceLines(const Words &words) const;
    QString verdictLine() const;
    QString text(const Words &words) const; // all of the above, one per line
    static QString roleName(SecretRole role);
    // For --json: {"window_hours","requests":{"Valid":n,...},"total","lower_bound","still_in_use",
    // "sources":[{"source","last_at","secret_hint","secret"}]}
    QJsonObject toJson() const;

private:
    qint64 m_keyId = 0;
    qint64 m_secretId = 0;
    QString m_secretHint;
    qint64 m_windowStartMs = 0;
    std::array<qint64, kAllVerifyOutcomes.size()> m_counts {};
    bool m_countsAreLowerBound = false;
    QVector<Source> m_sources;
};

} // namespace Keyward
