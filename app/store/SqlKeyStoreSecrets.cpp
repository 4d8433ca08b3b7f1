#include "SqlKeyStore.h"

#include "SqlKeyStoreRows.h"
#include "crypto/KeyToken.h"

#include <QJsonArray>
#include <QSqlQuery>

// SqlKeyStore's secret rotation: a new secret for a key, and the old ones' grace period.

namespace Keyward {

using namespace StoreRows;

Result<IssuedKey> SqlKeyStore::regenerateKey(qint64 id, qint64 expectedVersion, qint64 graceMs)
{
    return regenerate(id, expectedVersion, graceMs, true);
}

Result<IssuedKey> SqlKeyStore::regenerateKeyKeepingOld(qint64 id, qint64 expectedVersion,
                                                       qint64 graceMs)
{
    return regenerate(id, expectedVersion, graceMs, false);
}

Result<IssuedKey> SqlKeyStore::regenerate(qint64 id, qint64 expectedVersion, qint64 graceMs,
                                          bool retireOldNow)
{
    if (graceMs < 0 || graceMs > 7 * kDayMs)
        return makeError(ErrorCode::InvalidInput,
                         tr("The grace period must be between none and 7 days."));
    SecretString token;
    qint64 secretId = 0;
    auto loaded = changeOneKey(
        id, expectedVersion, [&](const Member &actor, const ApiKey &before) -> Result<void> {
            if (auto allowed = Permissions::mayActOnKey(actor, before, KeyAction::Regenerate);
                !allowed)
                return allowed;
            if (auto allowed = Permissions::mayRegenerateAt(before, m_clock.nowMs()); !allowed)
                return allowed;
            if (auto untouched = refuseTampered(before); !untouched)
                return untouched;
            token = KeyToken::generate(m_prefix, before.environment);
            if (token.isEmpty())
                return makeError(ErrorCode::CryptoFailure, tr("Could not generate a key."));
            auto secret = insertSecret(id, token);
            if (!secret)
                return secret.error();
            secretId = *secret;
            if (retireOldNow) {
                if (auto retired = retireSecretsExcept(id, secretId, m_clock.nowMs() + graceMs);
                    !retired)
                    return retired;
            }
            QJsonObject details {{QStringLiteral("name"), before.name},
                                 {QStringLiteral("grace_ms"), double(graceMs)},
                                 {QStringLiteral("old_hint"), before.hint()},
                                 {QStringLiteral("hint"), KeyToken::hint(token)}};
            // The old secrets retire in a "key.retire_secrets" entry of their own, once the new
            // secret has been shown.
            if (!retireOldNow)
                details.insert(QStringLiteral("retire_when_shown"), true);
            return rewriteKeyRow(before, QStringLiteral("flagged = flagged"), {},
                                 QStringLiteral("key.regenerate"), details);
        });
    if (!loaded)
        return loaded.error();
    return IssuedKey {std::move(loaded).value(), std::move(token), secretId};
}

Result<void> SqlKeyStore::retireSecretsExcept(qint64 id, qint64 keptSecretId, qint64 retiresAt)
{
    SqlQuery q(database());
    // Secrets already in a grace period keep their earlier deadline.
    q.prepare(QStringLiteral("UPDATE key_secrets SET retires_at = ? WHERE key_id = ? AND id <> ? "
                             "AND (retires_at IS NULL OR retires_at > ?)"));
    q.addBindValue(retiresAt);
    q.addBindValue(id);
    q.addBindValue(keptSecretId);
    q.addBindValue(retiresAt);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot retire the old secret."));
    return {};
}

Result<void> SqlKeyStore::excludeUsageWriters(const QList<qint64> &keyIds)
{
    const QString lock = m_dialect.lockUsageBuckets(true);
    if (lock.isEmpty() || keyIds.isEmpty())
        return {};
    SqlQuery q(database());
    q.prepare(lock);
    q.addBindValue(SqlDialect::usageLockBuckets(keyIds));
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot change the key."));
    return {};
}

Result<ApiKey> SqlKeyStore::retireReplacedSecrets(qint64 id, qint64 keptSecretId, qint64 graceMs)
{
    if (graceMs < 0 || graceMs > 7 * kDayMs)
        return makeError(ErrorCode::InvalidInput,
                         tr("The grace period must be between none and 7 days."));
    // Any version: the key may have been edited since its new secret was stored.
    return changeOneKey(
        id, std::nullopt, [&](const Member &actor, const ApiKey &before) -> Result<void> {
            if (auto allowed = Permissions::mayActOnKey(actor, before, KeyAction::Regenerate);
                !allowed)
                return allowed;
            if (auto untouched = refuseTampered(before); !untouched)
                return untouched;
            if (auto retired = retireSecretsExcept(id, keptSecretId, m_clock.nowMs() + graceMs);
                !retired)
                return retired;
            return rewriteKeyRow(before, QStringLiteral("flagged = flagged"), {},
                                 QStringLiteral("key.retire_secrets"),
                                 {{QStringLiteral("name"), before.name},
                                  {QStringLiteral("grace_ms"), double(graceMs)},
                                  {QStringLiteral("hint"), before.hint()}});
        });
}

Result<ApiKey> SqlKeyStore::endGracePeriod(qint64 id, qint64 expectedVersion)
{
    return changeOneKey(
        id, expectedVersion, [&](const Member &actor, const ApiKey &before) -> Result<void> {
            const qint64 now = m_clock.nowMs();
            if (auto allowed = Permissions::mayEndGracePeriod(actor, before, now); !allowed)
                return allowed;
            if (auto untouched = refuseTampered(before); !untouched)
                return untouched;
            QJsonArray ended;
            for (const KeySecret &secret : before.secretsInGraceAt(now))
                ended.append(secret.hint);
            if (auto retired = retireSecretsExcept(id, before.secrets.constFirst().id, now);
                !retired)
                return retired;
            return rewriteKeyRow(
                before, QStringLiteral("flagged = flagged"), {}, QStringLiteral("key.end_grace"),
                {{QStringLiteral("name"), before.name}, {QStringLiteral("ended"), ended}});
        });
}

} // namespace Keyward
