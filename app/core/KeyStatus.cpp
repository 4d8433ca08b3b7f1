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

} // namespace Keyward
