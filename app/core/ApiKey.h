#pragma once

#include "Environment.h"
#include "IpAllowlist.h"
#include "KeySecret.h"
#include "KeyStatus.h"
#include "RateLimit.h"
#include "Role.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace Keyward {

// The configuration an integration holds. Secrets are attached (one, or two during a grace
// period after a regeneration); the token itself never lives here.
struct ApiKey
{
    qint64 id = 0;
    QString name;
    QString notes;
    Environment environment = Environment::Development;
    Role role = Role::Viewer;
    QStringList grants; // sorted grant ids, a subset of the role's grants
    KeyState state = KeyState::Active;
    std::optional<qint64> expiresAtMs; // empty: never expires
    RateLimit rateLimit;
    std::optional<qint64> usageLimit; // total credits; empty: unlimited
    qint64 usageCount = 0;
    // Moves on at each usage reset: credits reserved in an older epoch are not in the count.
    qint64 usageEpoch = 0;
    QString customer; // optional customer scope
    IpAllowlist allowedIps; // empty: any address
    qint64 createdById = 0;
    QString createdByName;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    std::optional<qint64> revokedAtMs;
    // Deactivated because its creator was demoted or removed; the table flags it.
    bool flagged = false;
    qint64 version = 1;
    QVector<KeySecret> secrets; // newest first

    // The newest secret's hint: what the table shows in its Key column.
    QString hint() const { return secrets.isEmpty() ? QString() : secrets.constFirst().hint; }
    // The older secrets still accepted at nowMs (a grace period after a regeneration), newest
    // first; the newest secret itself never counts.
    QVector<KeySecret> secretsInGraceAt(qint64 nowMs) const
    {
        QVector<KeySecret> inGrace;
        for (qsizetype i = 1; i < secrets.size(); ++i) {
            if (secrets[i].isInGracePeriodAt(nowMs))
                inGrace.append(secrets[i]);
        }
        return inGrace;
    }
    // The secret the last regeneration replaced, while it is still accepted at nowMs; nullptr
    // when there is none or its grace period is over. Points into secrets.
    const KeySecret *previousSecretInGraceAt(qint64 nowMs) const
    {
        if (secrets.size() < 2 || !secrets[1].isInGracePeriodAt(nowMs))
            return nullptr;
        return &secrets[1];
    }
    // The latest successful use over all secrets.
    std::optional<qint64> lastUsedAtMs() const
    {
        std::optional<qint64> latest;
        for (const KeySecret &secret : secrets) {
            if (secret.lastUsedAtMs && (!latest || *secret.lastUsedAtMs > *latest))
                latest = secret.lastUsedAtMs;
        }
        return latest;
    }
    // The secret with the latest refused presentation, or nullptr when none was ever refused.
    const KeySecret *lastRefusedSecret() const
    {
        const KeySecret *latest = nullptr;
        for (const KeySecret &secret : secrets) {
            if (secret.lastRefusedAtMs
                && (!latest || *secret.lastRefusedAtMs > *latest->lastRefusedAtMs))
                latest = &secret;
        }
        return latest;
    }
};

} // namespace Keyward
