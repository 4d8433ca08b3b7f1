#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Keyward {

// N requests per second/minute/hour. A count of 0 means "no limit".
struct RateLimit
{
    enum class Unit { Second = 0, Minute = 1, Hour = 2 };

    int count = 0;
    Unit unit = Unit::Minute;

    bool isUnlimited() const { return count <= 0; }
    qint64 periodMs() const;
    // "100/min", "5/s", "1000/hour", "none"; the inverse of toCode().
    static std::optional<RateLimit> parse(const QString &text);
    QString toCode() const;
    bool operator==(const RateLimit &other) const
    {
        return count == other.count && (count <= 0 || unit == other.unit);
    }
    bool operator!=(const RateLimit &other) const { return !(*this == other); }
};

} // namespace Keyward
