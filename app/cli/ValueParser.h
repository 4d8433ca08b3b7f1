#pragma once

#include <QString>

#include <optional>

namespace Keyward::Cli {

// Command-line spellings of values that core has no parser for. nullopt means "not that".
class ValueParser
{
public:
    // A positive integer such as a key id or a usage limit.
    static std::optional<qint64> positiveInteger(const QString &text);
    // "0", "none", "90s", "15m", "1h", "24h", "3d", "7d" -> milliseconds.
    static std::optional<qint64> duration(const QString &text);
};

} // namespace Keyward::Cli
