#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Keyward {

// One secret of an API key. Only the SHA-256 of the token is ever stored; the hint is a
// non-secret excerpt such as "kw_live_3Zq…Cd" so people can tell keys apart.
struct KeySecret
{
    qint64 id = 0;
    qint64 keyId = 0;
    QByteArray hash; // SHA-256(token), 32 bytes
    QString hint;
    qint64 createdAtMs = 0;
    // Set when the secret was replaced by a regeneration: valid until then, dead afterwards.
    std::optional<qint64> retiresAtMs;
    // The latest successful (Valid) use, and where from.
    std::optional<qint64> lastUsedAtMs;
    QString lastUsedSource;
    // The latest refused presentation of this secret (wrong environment, revoked, expired, rate
    // limited, ...) and its persisted outcome (verify/VerifyOutcome.h); 0 when there was none.
    std::optional<qint64> lastRefusedAtMs;
    int lastRefusedOutcome = 0;

    bool isRetiredAt(qint64 nowMs) const { return retiresAtMs && *retiresAtMs <= nowMs; }
    bool isInGracePeriodAt(qint64 nowMs) const { return retiresAtMs && *retiresAtMs > nowMs; }
};

} // namespace Keyward
