#include "KeyImpact.h"

#include "store/SqlKeyStore.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <numeric>

namespace Keyward {

namespace {

KeyImpact::SecretRole roleOf(const ApiKey &key, qint64 secretId, qint64 nowMs)
{
    for (qsizetype i = 0; i < key.secrets.size(); ++i) {
        const KeySecret &secret = key.secrets.at(i);
        if (secret.id != secretId)
            continue;
        if (i == 0)
            return KeyImpact::SecretRole::Current;
        return secret.isInGracePeriodAt(nowMs) ? KeyImpact::SecretRole::Previous
                                               : KeyImpact::SecretRole::Retired;
    }
    return KeyImpact::SecretRole::Unknown;
}

QString hintOf(const ApiKey &key, qint64 secretId)
{
    for (const KeySecret &secret : key.secrets) {
        if (secret.id == secretId)
            return secret.hint;
    }
    return {};
}

qint64 sum(const QVector<OutcomeCount> &rows)
{
    return std::accumulate(rows.cbegin(), rows.cend(), qint64(0),
                           [](qint64 total, const OutcomeCount &row) { return total + row.count; });
}

} // namespace

Result<KeyImpact> KeyImpact::load(SqlKeyStore &store, const ApiKey &key, qint64 nowMs,
                                  qint64 secretId)
{
    const qint64 currentHour = UsageBatch::hourOf(nowMs);
    const qint64 fromMs = currentHour - qint64(kWindowHours - 1) * kHourMs;
    const auto repository = store.usageRepository();

    KeyImpact impact;
    impact.m_keyId = key.id;
    impact.m_secretId = secretId;
    impact.m_secretHint = hintOf(key, secretId);
    impact.m_windowStartMs = fromMs;

    // Exact counts exist per key and hour only; one secret's come from the request log.
    auto hourly = repository->outcomeCounts(key.id, fromMs, currentHour + kHourMs);
    if (!hourly)
        return hourly.error();
    QVector<OutcomeCount> counts = *hourly;
    if (secretId != 0) {
        auto logged = repository->loggedOutcomeCounts(key.id, 0, fromMs);
        if (!logged)
            return logged.error();
        auto ofSecret = repository->loggedOutcomeCounts(key.id, secretId, fromMs);
        if (!ofSecret)
            return ofSecret.error();
        impact.m_countsAreLowerBound = sum(*hourly) > sum(*logged);
        counts = *ofSecret;
    }
    for (const OutcomeCount &row : std::as_const(counts)) {
        // An outcome code from a newer Keyward is left out rather than miscounted.
        if (verifyOutcomeFromInt(row.outcome))
            impact.m_counts[std::size_t(row.outcome)] += row.count;
    }

    auto logged = repository->sourcesOf(key.id);
    if (!logged)
        return logged.error();
    QHash<QPair<QString, qint64>, qint64> latest;
    for (const SourceUse &use : std::as_const(*logged)) {
        qint64 &at = latest[{use.source, use.secretId}];
        at = qMax(at, use.lastAtMs);
    }
    // A secret's recorded last use outlives the request log's trimming.
    for (const KeySecret &secret : key.secrets) {
        if (secret.lastUsedAtMs) {
            qint64 &at = latest[{secret.lastUsedSource, secret.id}];
            at = qMax(at, *secret.lastUsedAtMs);
        }
    }
    for (auto it = latest.constBegin(); it != latest.constEnd(); ++it) {
        const qint64 usedSecret = it.key().second;
        if (secretId != 0 && usedSecret != secretId)
            continue;
        impact.m_sources.append(Source {it.key().first, it.value(), usedSecret,
                                        hintOf(key, usedSecret), roleOf(key, usedSecret, nowMs)});
    }
    // A recorded last use without a logged request (trimmed, sampled, or written by an older
    // Keyward): the log's counts are not the whole story.
    if (secretId != 0 && impact.total() == 0 && impact.recentSourceCount() > 0)
        impact.m_countsAreLowerBound = true;
    std::sort(impact.m_sources.begin(), impact.m_sources.end(),
              [](const Source &a, const Source &b) {
                  if (a.lastAtMs != b.lastAtMs)
                      return a.lastAtMs > b.lastAtMs;
                  if (a.source != b.source)
                      return a.source < b.source;
                  return a.secretId < b.secretId;
              });
    return impact;
}

qint64 KeyImpact::total() const
{
    return std::accumulate(m_counts.cbegin(), m_counts.cend(), qint64(0));
}

int KeyImpact::recentSourceCount() const
{
    return int(std::count_if(m_sources.cbegin(), m_sources.cend(),
                             [this](const Source &s) { return s.lastAtMs >= m_windowStartMs; }));
}

bool KeyImpact::isStillInUse() const
{
    return total() > 0 || recentSourceCount() > 0;
}

QString KeyImpact::roleName(SecretRole role)
{
    switch (role) {
    case SecretRole::Current:
        return tr("current secret");
    case SecretRole::Previous:
        return tr("previous secret");
    case SecretRole::Retired:
        return tr("retired secret");
    case SecretRole::Unknown:
        break;
    }
    return tr("unknown secret");
}

QString KeyImpact::countsLine(const Words &words) const
{
    const qint64 all = total();
    QStringList parts;
    for (VerifyOutcome outcome : kAllVerifyOutcomes) {
        if (const qint64 n = count(outcome))
            parts.append(tr("%1 %2").arg(words.outcomeName(outcome)).arg(n));
    }
    const QString byOutcome = parts.join(QStringLiteral(", "));
    if (m_secretId != 0) {
        if (all == 0)
            return m_countsAreLowerBound
                ? tr("The request log kept none of the last 7 days' requests that presented %1.")
                      .arg(m_secretHint)
                : tr("No request presented %1 in the last 7 days.").arg(m_secretHint);
        return m_countsAreLowerBound
            ? tr("At least %n request(s) presented %1 in the last 7 days: %2.", nullptr, int(all))
                  .arg(m_secretHint, byOutcome)
            : tr("%n request(s) presented %1 in the last 7 days: %2.", nullptr, int(all))
                  .arg(m_secretHint, byOutcome);
    }
    if (all == 0)
        return tr("No requests in the last 7 days.");
    return tr("%n request(s) in the last 7 days: %1.", nullptr, int(all)).arg(byOutcome);
}

QStringList KeyImpact::sourceLines(const Words &words) const
{
    QStringList lines;
    for (const Source &source : m_sources) {
        const QString secret = source.secretHint.isEmpty()
            ? roleName(source.role)
            : tr("%1 %2").arg(roleName(source.role), source.secretHint);
        lines.append(tr("%1: last %2, %3")
                         .arg(source.source.isEmpty() ? tr("(unnamed source)") : source.source,
                              words.when(source.lastAtMs), secret));
    }
    return lines;
}

QString KeyImpact::verdictLine() const
{
    if (!isStillInUse())
        return tr("Not used in the last 7 days.");
    const int recent = recentSourceCount();
    if (recent == 0)
        return tr("Still in use: it was presented in the last 7 days.");
    return tr("Still in use: %n source(s) presented it in the last 7 days.", nullptr, recent);
}

QString KeyImpact::text(const Words &words) const
{
    QStringList lines {countsLine(words)};
    const QStringList sources = sourceLines(words);
    if (!sources.isEmpty()) {
        lines.append(tr("Sources, newest first:"));
        for (const QString &line : sources)
            lines.append(QStringLiteral("  • ") + line);
    }
    lines.append(verdictLine());
    return lines.join(QLatin1Char('\n'));
}

QJsonObject KeyImpact::toJson() const
{
    QJsonObject requests;
    for (VerifyOutcome outcome : kAllVerifyOutcomes) {
        if (const qint64 n = count(outcome))
            requests.insert(verifyOutcomeCode(outcome), double(n));
    }
    QJsonArray sources;
    for (const Source &source : m_sources) {
        QString role;
        switch (source.role) {
        case SecretRole::Current:
            role = QStringLiteral("current");
            break;
        case SecretRole::Previous:
            role = QStringLiteral("previous");
            break;
        case SecretRole::Retired:
            role = QStringLiteral("retired");
            break;
        case SecretRole::Unknown:
            role = QStringLiteral("unknown");
            break;
        }
        sources.append(QJsonObject {
            {QStringLiteral("source"), source.source},
            {QStringLiteral("last_at"),
             QDateTime::fromMSecsSinceEpoch(source.lastAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("secret_hint"), source.secretHint},
            {QStringLiteral("secret"), role}});
    }
    QJsonObject object {{QStringLiteral("window_hours"), kWindowHours},
                        {QStringLiteral("requests"), requests},
                        {QStringLiteral("total"), double(total())},
                        {QStringLiteral("lower_bound"), m_countsAreLowerBound},
                        {QStringLiteral("still_in_use"), isStillInUse()},
                        {QStringLiteral("sources"), sources}};
    if (m_secretId != 0)
        object.insert(QStringLiteral("secret_hint"), m_secretHint);
    return object;
}

} // namespace Keyward
