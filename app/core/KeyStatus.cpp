#include "KeyStatus.h"

#include "ApiKey.h"

namespace Keyward {

std::optional<KeyState> keyStateFromInt(int value)
{
    if (value < 0 || value > 2)
        return std::nullopt;
    return static_cast<KeyState>(value);
}

KeyStatus effectiveStatus(KeyState state, std::optional<qint64> expiresAtMs, qint64 nowMs)
{
    if (state == KeyState::Revoked)
        return KeyStatus::Revoked;
    if (state == KeyState::Inactive)
        return KeyStatus::Inactive;
    if (expiresAtMs && *expiresAtMs <= nowMs)
        return KeyStatus::Expired;
    return KeyStatus::Active;
}

KeyStatus effectiveStatus(const ApiKey &key, qint64 nowMs)
{
    return effectiveStatus(key.state, key.expiresAtMs, nowMs);
}

bool expiresSoon(const ApiKey &key, qint64 nowMs)
{
    return effectiveStatus(key, nowMs) == KeyStatus::Active && key.expiresAtMs
        && *key.expiresAtMs - nowMs <= kExpiresSoonMs;
}

QString keyStateCode(KeyState state)
{
    switch (state) {
    case KeyState::Active:
        return QStringLiteral("active");
    case KeyState::Inactive:
        return QStringLiteral("inactive");
    case KeyState::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

QString keyStatusCode(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return QStringLiteral("active");
    case KeyStatus::Inactive:
        return QStringLiteral("inactive");
    case KeyStatus::Expired:
        return QStringLiteral("expired");
    case KeyStatus::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

} // namespace Keyward
