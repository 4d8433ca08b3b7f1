#include "ValueParser.h"

#include "core/Clock.h"

namespace Keyward::Cli {

std::optional<qint64> ValueParser::positiveInteger(const QString &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < 1)
        return std::nullopt;
    return value;
}

std::optional<qint64> ValueParser::duration(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("0") || t == QLatin1String("none"))
        return 0;
    if (t.size() < 2)
        return std::nullopt;
    qint64 unit = 0;
    switch (t.back().unicode()) {
    case 's':
        unit = kSecondMs;
        break;
    case 'm':
        unit = kMinuteMs;
        break;
    case 'h':
        unit = kHourMs;
        break;
    case 'd':
        unit = kDayMs;
        break;
    default:
        return std::nullopt;
    }
    bool ok = false;
    const qint64 count = t.chopped(1).toLongLong(&ok);
    // A year is far beyond any grace period; the bound only keeps the multiplication sane.
    if (!ok || count < 0 || count > 366 * kDayMs / unit)
        return std::nullopt;
    return count * unit;
}

} // namespace Keyward::Cli
