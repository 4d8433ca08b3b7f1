#include "Environment.h"

namespace Keyward {

QString environmentCode(Environment env)
{
    switch (env) {
    case Environment::Production:
        return QStringLiteral("live");
    case Environment::Staging:
        return QStringLiteral("stg");
    case Environment::Development:
        return QStringLiteral("dev");
    }
    return {};
}

std::optional<Environment> environmentFromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c == QLatin1String("live") || c == QLatin1String("production")
        || c == QLatin1String("prod"))
        return Environment::Production;
    if (c == QLatin1String("stg") || c == QLatin1String("staging"))
        return Environment::Staging;
    if (c == QLatin1String("dev") || c == QLatin1String("development"))
        return Environment::Development;
    return std::nullopt;
}

std::optional<Environment> environmentFromInt(int value)
{
    if (value < 0 || value > 2)
        return std::nullopt;
    return static_cast<Environment>(value);
}

} // namespace Keyward
