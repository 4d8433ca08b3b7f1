#pragma once

#include "KeyStore.h"

#include <optional>

namespace Keyward {

// The verifier's view of a secret and its key: one row of kSecretRowSelect, read the same way
// whichever statement (Qt, native SQLite, native libpq) produced it. It reads only what a
// verdict needs: the match's ApiKey has no notes, role, creator or secrets list, and the secret
// no hash or hint (verifier caches hold many of these).
inline constexpr const char kSecretRowSelect[] =
    "SELECT k.id, k.name, k.environment, k.grants, k.state, k.expires_at, k.rate_count, "
    "k.rate_unit, k.usage_limit, COALESCE(u.usage_count, 0), k.customer, k.revoked_at, "
    "k.flagged, k.version, s.id, s.retires_at, k.allowed_ips, COALESCE(u.usage_epoch, 0) FROM "
    "key_secrets s JOIN api_keys k ON k.id = s.key_id LEFT JOIN key_usage u ON u.key_id = k.id "
    "WHERE s.hash = ";
inline constexpr int kSecretRowColumns = 18;

// Row: qint64 integer(int column), bool isNull(int column), QString text(int column).
template<typename Row>
SecretMatch readSecretRow(const Row &row)
{
    auto optionalInt = [&row](int column) -> std::optional<qint64> {
        if (row.isNull(column))
            return std::nullopt;
        return row.integer(column);
    };
    SecretMatch found;
    ApiKey &key = found.key;
    key.id = row.integer(0);
    key.name = row.text(1);
    key.environment = environmentFromInt(int(row.integer(2))).value_or(Environment::Development);
    key.grants = row.text(3).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // An unknown state from a newer Keyward is treated as not active.
    key.state = keyStateFromInt(int(row.integer(4))).value_or(KeyState::Inactive);
    key.expiresAtMs = optionalInt(5);
    key.rateLimit.count = int(row.integer(6));
    key.rateLimit.unit = static_cast<RateLimit::Unit>(qBound(qint64(0), row.integer(7), qint64(2)));
    key.usageLimit = optionalInt(8);
    key.usageCount = row.integer(9);
    key.customer = row.text(10);
    key.revokedAtMs = optionalInt(11);
    key.flagged = row.integer(12) != 0;
    key.version = row.integer(13);
    found.secret.id = row.integer(14);
    found.secret.keyId = key.id;
    found.secret.retiresAtMs = optionalInt(15);
    // Most keys have none: skip the parse for them on this hot path.
    if (!row.isNull(16)) {
        const QString allowedIps = row.text(16);
        if (!allowedIps.isEmpty())
            key.allowedIps = IpAllowlist::fromStored(allowedIps);
    }
    key.usageEpoch = row.integer(17);
    return found;
}

} // namespace Keyward
