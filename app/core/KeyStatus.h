#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace Keyward {

struct ApiKey;

// What is stored. Revoked is permanent; Inactive is reversible.
enum class KeyState { Active = 0, Inactive = 1, Revoked = 2 };

// What is shown and enforced, derived from the state and the clock.
enum class KeyStatus { Active, Inactive, Expired, Revoked };

std::optional<KeyState> keyStateFromInt(int value);
inline int keyStateToInt(KeyState state)
{
    return static_cast<int>(state);
}

// First match wins: Revoked > Inactive > Expired (expires_at <= now) > Active.
KeyStatus effectiveStatus(KeyState state, std::optional<qint64> expiresAtMs, qint64 nowMs);
KeyStatus effectiveStatus(const ApiKey &key, qint64 nowMs);

// "active", "inactive", ...: stable codes for scripts and exports, never translated.
QString keyStateCode(KeyState state);
QString keyStatusCode(KeyStatus status);

// The "expires soon" badge: an Active key that expires within seven days.
constexpr qint64 kExpiresSoonMs = 7LL * 24 * 60 * 60 * 1000;
bool expiresSoon(const ApiKey &key, qint64 nowMs);

} // namespace Keyward
