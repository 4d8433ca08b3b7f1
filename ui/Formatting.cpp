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

QString Formatting::keyRoleDescription(Role role, const GrantCatalogue &catalogue)
{
    // The catalogue decides what a key's role allows (Owners may change it), so list its
    // grants instead of a fixed sentence.
    const QStringList grants = catalogue.roleGrants(role);
    if (grants.isEmpty())
        return tr("A key with this role can be given no grants.");
    QStringList labels;
    for (const QString &grant : grants)
        labels.append(catalogue.label(grant));
    return tr("A key with this role can be allowed: %1").arg(labels.join(QStringLiteral(", ")));
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

namespace {

// n units of unitMs, rounded half up: 89 days 23:59 reads "90 days", not "89".
qint64 roundedUnits(qint64 magnitude, qint64 unitMs)
{
    return (magnitude + unitMs / 2) / unitMs;
}

} // namespace

QString Formatting::relativeTime(qint64 atMs, qint64 nowMs)
{
    const qint64 delta = atMs - nowMs;
    const qint64 magnitude = qAbs(delta);
    if (magnitude < kMinuteMs)
        return tr("just now");
    const bool future = delta > 0;
    // Each unit is used while its rounded count stays below the next unit; so 59.6 minutes
    // reads "in 1 hour", and 23 h 59 min "in 1 day".
    if (const qint64 n = roundedUnits(magnitude, kMinuteMs); n < 60)
        return future ? tr("in %n minute(s)", nullptr, int(n))
                      : tr("%n minute(s) ago", nullptr, int(n));
    if (const qint64 n = roundedUnits(magnitude, kHourMs); n < 24)
        return future ? tr("in %n hour(s)", nullptr, int(n))
                      : tr("%n hour(s) ago", nullptr, int(n));
    if (const qint64 n = roundedUnits(magnitude, kDayMs); n < 60)
        return future ? tr("in %n day(s)", nullptr, int(n)) : tr("%n day(s) ago", nullptr, int(n));
    if (const qint64 n = roundedUnits(magnitude, 30 * kDayMs); n < 24)
        return future ? tr("in %n month(s)", nullptr, int(n))
                      : tr("%n month(s) ago", nullptr, int(n));
    const int n = int(roundedUnits(magnitude, 365 * kDayMs));
    return future ? tr("in %n year(s)", nullptr, n) : tr("%n year(s) ago", nullptr, n);
}

QString Formatting::relativeOrNever(const std::optional<qint64> &atMs, qint64 nowMs)
{
    return atMs ? relativeTime(*atMs, nowMs) : tr("Never");
}

QString Formatting::absoluteTime(qint64 atMs)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(atMs).toLocalTime();
    // An expiry "on 3 Mar" is stored as the first instant it no longer works (4 Mar 00:00), so
    // that the key works through the whole chosen day. Show the day that was chosen.
    if (local.time() == QTime(0, 0))
        return tr("%1, end of day")
            .arg(QLocale().toString(local.date().addDays(-1), QLocale::ShortFormat));
    return QLocale().toString(local, QLocale::ShortFormat);
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
