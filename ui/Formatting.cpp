#include "Formatting.h"

#include "core/Clock.h"
#include "core/GrantCatalogue.h"

#include <QDateTime>
#include <QLocale>

namespace Keyward {

QString Formatting::roleDescription(Role role)
{
    switch (role) {
    case Role::Owner:
        return tr("Everything, including members and vault policy");
    case Role::Admin:
        return tr("Manages every key");
    case Role::Developer:
        return tr("Creates keys and manages the keys they created");
    case Role::Viewer:
        return tr("Reads keys and the audit log, changes nothing");
    }
    return {};
}

QString Formatting::rateLimit(const RateLimit &limit)
{
    if (limit.isUnlimited())
        return tr("Unlimited");
    switch (limit.unit) {
    case RateLimit::Unit::Second:
        return tr("%L1 per second").arg(limit.count);
    case RateLimit::Unit::Minute:
        return tr("%L1 per minute").arg(limit.count);
    case RateLimit::Unit::Hour:
        return tr("%L1 per hour").arg(limit.count);
    }
    return {};
}

QString Formatting::usageLimit(const std::optional<qint64> &limit, qint64 used)
{
    if (!limit)
        return tr("Unlimited (%L1 used)").arg(used);
    return tr("%L1 of %L2 used").arg(used).arg(*limit);
}

QString Formatting::expiryChoice(ExpiryPolicy::Choice choice)
{
    switch (choice) {
    case ExpiryPolicy::Choice::Days7:
        return tr("7 days");
    case ExpiryPolicy::Choice::Days30:
        return tr("30 days");
    case ExpiryPolicy::Choice::Days60:
        return tr("60 days");
    case ExpiryPolicy::Choice::Days90:
        return tr("90 days (recommended)");
    case ExpiryPolicy::Choice::Days180:
        return tr("180 days");
    case ExpiryPolicy::Choice::Days365:
        return tr("365 days");
    case ExpiryPolicy::Choice::CustomDate:
        return tr("Custom date…");
    case ExpiryPolicy::Choice::Never:
        return tr("Never");
    }
    return {};
}

QString Formatting::grantsSummary(const QStringList &grants, const GrantCatalogue &catalogue,
                                  int maxShown)
{
    if (grants.isEmpty())
        return tr("No grants");
    QStringList labels;
    for (int i = 0; i < grants.size() && i < maxShown; ++i)
        labels.append(catalogue.label(grants.at(i)));
    QString text = labels.join(QStringLiteral(", "));
    if (grants.size() > maxShown)
        text = tr("%1 +%n more", nullptr, int(grants.size() - maxShown)).arg(text);
    return text;
}

QString Formatting::grantsList(const QStringList &grants, const GrantCatalogue &catalogue)
{
    QStringList lines;
    for (const QString &grant : grants)
        lines.append(tr("%1 (%2)").arg(catalogue.label(grant), grant));
    return lines.join(QLatin1Char('\n'));
}

QString Formatting::relativeTime(qint64 atMs, qint64 nowMs)
{
    const qint64 delta = atMs - nowMs;
    const qint64 magnitude = qAbs(delta);
    if (magnitude < kMinuteMs)
        return tr("just now");
    const bool future = delta > 0;
    if (magnitude < kHourMs) {
        const int n = int(magnitude / kMinuteMs);
        return future ? tr("in %n minute(s)", nullptr, n) : tr("%n minute(s) ago", nullptr, n);
    }
    if (magnitude < kDayMs) {
        const int n = int(magnitude / kHourMs);
        return future ? tr("in %n hour(s)", nullptr, n) : tr("%n hour(s) ago", nullptr, n);
    }
    if (magnitude < 60 * kDayMs) {
        const int n = int(magnitude / kDayMs);
        return future ? tr("in %n day(s)", nullptr, n) : tr("%n day(s) ago", nullptr, n);
    }
    if (magnitude < 730 * kDayMs) {
        const int n = int(magnitude / (30 * kDayMs));
        return future ? tr("in %n month(s)", nullptr, n) : tr("%n month(s) ago", nullptr, n);
    }
    const int n = int(magnitude / (365 * kDayMs));
    return future ? tr("in %n year(s)", nullptr, n) : tr("%n year(s) ago", nullptr, n);
}

QString Formatting::relativeOrNever(const std::optional<qint64> &atMs, qint64 nowMs)
{
    return atMs ? relativeTime(*atMs, nowMs) : tr("Never");
}

QString Formatting::absoluteTime(qint64 atMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(atMs).toLocalTime(),
                              QLocale::ShortFormat);
}

QString Formatting::absoluteOrNever(const std::optional<qint64> &atMs)
{
    return atMs ? absoluteTime(*atMs) : tr("Never");
}

QString Formatting::duration(qint64 ms)
{
    if (ms <= 0)
        return tr("none");
    if (ms % kDayMs == 0)
        return tr("%n day(s)", nullptr, int(ms / kDayMs));
    if (ms % kHourMs == 0)
        return tr("%n hour(s)", nullptr, int(ms / kHourMs));
    return tr("%n minute(s)", nullptr, int(ms / kMinuteMs));
}

} // namespace Keyward
