#include "RateLimit.h"

#include "Clock.h"

namespace Keyward {

qint64 RateLimit::periodMs() const
{
    switch (unit) {
    case Unit::Second:
        return kSecondMs;
    case Unit::Minute:
        return kMinuteMs;
    case Unit::Hour:
        return kHourMs;
    }
    return kMinuteMs;
}

std::optional<RateLimit> RateLimit::parse(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("none") || t == QLatin1String("unlimited")
        || t == QLatin1String("0"))
        return RateLimit {};
    const int slash = t.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return std::nullopt;
    bool ok = false;
    const int count = t.left(slash).toInt(&ok);
    if (!ok || count < 0 || count > 1'000'000'000)
        return std::nullopt;
    const QString unit = t.mid(slash + 1);
    RateLimit limit;
    limit.count = count;
    if (unit == QLatin1String("s") || unit == QLatin1String("sec")
        || unit == QLatin1String("second"))
        limit.unit = Unit::Second;
    else if (unit == QLatin1String("min") || unit == QLatin1String("m")
             || unit == QLatin1String("minute"))
        limit.unit = Unit::Minute;
    else if (unit == QLatin1String("h") || unit == QLatin1String("hour")
             || unit == QLatin1String("hr"))
        limit.unit = Unit::Hour;
    else
        return std::nullopt;
    return limit;
}

QString RateLimit::toCode() const
{
    if (isUnlimited())
        return QStringLiteral("none");
    static const char *const units[] = {"s", "min", "hour"};
    return QString::number(count) + QLatin1Char('/') + QLatin1String(units[static_cast<int>(unit)]);
}

} // namespace Keyward
