#include "SqlKeyStore.h"

#include "KeyReader.h"
#include "SqlKeyStoreRows.h"
#include "crypto/KeyToken.h"
#include "crypto/Sha256.h"

#include <QJsonArray>
#include <QSqlQuery>

// SqlKeyStore's key rows: reading them (KeyReader), creating, editing, changing the state of and
// deleting a key, each change checked, signed and audited in one transaction.

namespace Keyward {

using namespace StoreRows;

Result<QVector<ApiKey>> SqlKeyStore::listKeys(bool includeRevoked)
{
    return KeyReader(database(), m_dialect).all(includeRevoked);
}

Result<ApiKey> SqlKeyStore::loadKey(qint64 id)
{
    return KeyReader(database(), m_dialect).one(id);
}

Result<ApiKey> SqlKeyStore::key(qint64 id)
{
    return loadKey(id);
}

Result<qint64> SqlKeyStore::insertSecret(qint64 keyId, const SecretString &token)
{
    SqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO key_secrets (key_id, hash, hint, created_at) VALUES "
                             "(?, ?, ?, ?) RETURNING id"));
    q.addBindValue(keyId);
    q.addBindValue(Sha256::hash(token));
    q.addBindValue(KeyToken::hint(token));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot store the new secret."));
    return q.value(0).toLongLong();
}

Result<IssuedKey> SqlKeyStore::createKey(const NewKeyRequest &request)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    QStringList grants = request.grants;
    const QString customer = request.customer.trimmed();
    grants.removeDuplicates();
    grants.sort();
    const qint64 now = m_clock.nowMs();
    for (const Result<void> &check :
         {Permissions::mayCreateKey(*actor, request.role, grants, m_catalogue),
          Permissions::validateKeyName(request.name), Permissions::validateNotes(request.notes),
          Permissions::validateCustomer(customer),
          Permissions::validateNewExpiry(request.expiresAtMs, now),
          Permissions::validateUsageLimit(request.usageLimit)}) {
        if (!check)
            return check.error();
    }

    qint64 keyId = 0;
    SecretString token = KeyToken::generate(m_prefix, request.environment);
    if (token.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not generate a key."));
    auto written = inWriteTransaction([&]() -> Result<void> {
        SqlQuery q(database());
        q.prepare(QStringLiteral(
            "INSERT INTO api_keys (name, notes, environment, role, grants, state, expires_at, "
            "rate_count, rate_unit, usage_limit, customer, allowed_ips, created_by, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        q.addBindValue(request.name);
        q.addBindValue(nonNull(request.notes));
        q.addBindValue(environmentToInt(request.environment));
        q.addBindValue(roleToInt(request.role));
        q.addBindValue(grants.join(QLatin1Char(' ')));
        q.addBindValue(nullableInt(request.expiresAtMs));
        q.addBindValue(request.rateLimit.isUnlimited() ? 0 : request.rateLimit.count);
        q.addBindValue(static_cast<int>(request.rateLimit.unit));
        q.addBindValue(nullableInt(request.usageLimit));
        q.addBindValue(nonNull(customer));
        q.addBindValue(nonNull(request.allowedIps.toStored()));
        q.addBindValue(actor->id);
        q.addBindValue(now);
        q.addBindValue(now);
        if (!q.exec() || !q.next())
            return SqlErrors::fromQuery(q, tr("Cannot store the new key."));
        keyId = q.value(0).toLongLong();
        if (auto secret = insertSecret(keyId, token); !secret)
            return secret.error();
        if (auto signedKey = signKey(keyId); !signedKey)
            return signedKey;
        QJsonObject details {
            {QStringLiteral("name"), request.name},
            {QStringLiteral("environment"), environmentCode(request.environment)},
            {QStringLiteral("role"), roleCode(request.role)},
            {QStringLiteral("grants"), QJsonArray::fromStringList(grants)},
            {QStringLiteral("expires_at"),
             request.expiresAtMs ? QJsonValue(double(*request.expiresAtMs)) : QJsonValue()},
            {QStringLiteral("hint"), KeyToken::hint(token)}};
        // Scope only when there is one, so unscoped keys' entries read as before.
        if (!customer.isEmpty())
            details.insert(QStringLiteral("customer"), customer);
        if (!request.allowedIps.isEmpty())
            details.insert(QStringLiteral("allowed_ips"),
                           QJsonArray::fromStringList(request.allowedIps.entries()));
        return appendAudit(QStringLiteral("key.create"), keyId, toJson(details));
    });
    if (!written)
        return written.error();
    auto created = loadKey(keyId);
    if (!created)
        return created.error();
    return IssuedKey {std::move(created).value(), std::move(token)};
}

Result<void> SqlKeyStore::updateKeyRow(const ApiKey &before, const QString &assignments,
                                       const QVariantList &values)
{
    SqlQuery q(database());
    q.prepare(
        QStringLiteral("UPDATE api_keys SET ") + assignments
        + QStringLiteral(", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    for (const QVariant &value : values)
        q.addBindValue(value);
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(before.id);
    q.addBindValue(before.version);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot change the key."));
    if (q.numRowsAffected() != 1)
        return staleError();
    return {};
}

Result<ApiKey> SqlKeyStore::editKey(qint64 id, qint64 expectedVersion, const KeyEdit &edit)
{
    return changeOneKey(
        id, expectedVersion, [&](const Member &actor, const ApiKey &before) -> Result<void> {
            for (const Result<void> &check :
                 {Permissions::mayActOnKey(actor, before, KeyAction::Edit), refuseTampered(before),
                  Permissions::validateKeyName(edit.name), Permissions::validateNotes(edit.notes),
                  Permissions::mayChangeExpiry(before, edit.expiresAtMs, m_clock.nowMs())}) {
                if (!check)
                    return check.error();
            }
            // Every key entry names the key: a rename as [old, new], otherwise the name alone, so a
            // notes-only edit does not read "Key 7".
            QJsonObject changes;
            if (edit.name != before.name)
                changes.insert(QStringLiteral("name"), QJsonArray {before.name, edit.name});
            if (edit.notes != before.notes)
                changes.insert(QStringLiteral("notes"), true);
            if (edit.rateLimit != before.rateLimit)
                changes.insert(QStringLiteral("rate_limit"),
                               QJsonArray {before.rateLimit.toCode(), edit.rateLimit.toCode()});
            if (edit.expiresAtMs != before.expiresAtMs)
                changes.insert(QStringLiteral("expires_at"), double(*edit.expiresAtMs));
            const IpAllowlist allowedIps = edit.allowedIps.value_or(before.allowedIps);
            if (allowedIps != before.allowedIps)
                changes.insert(QStringLiteral("allowed_ips"),
                               QJsonArray {QJsonArray::fromStringList(before.allowedIps.entries()),
                                           QJsonArray::fromStringList(allowedIps.entries())});
            if (changes.isEmpty())
                return {};
            if (!changes.contains(QStringLiteral("name")))
                changes.insert(QStringLiteral("name"), before.name);
            return rewriteKeyRow(
                before,
                QStringLiteral(
                    "name = ?, notes = ?, rate_count = ?, rate_unit = ?, expires_at = ?, "
                    "allowed_ips = ?"),
                {edit.name, nonNull(edit.notes),
                 edit.rateLimit.isUnlimited() ? 0 : edit.rateLimit.count,
                 static_cast<int>(edit.rateLimit.unit), nullableInt(edit.expiresAtMs),
                 nonNull(allowedIps.toStored())},
                QStringLiteral("key.edit"), changes);
        });
}

Result<ApiKey> SqlKeyStore::setKeyActive(qint64 id, qint64 expectedVersion, bool active)
{
    return changeKeyState(id, expectedVersion, active ? KeyAction::Activate : KeyAction::Deactivate,
                          QStringLiteral("state = ?, flagged = 0"),
                          {keyStateToInt(active ? KeyState::Active : KeyState::Inactive)},
                          active ? QStringLiteral("key.activate")
                                 : QStringLiteral("key.deactivate"));
}

Result<ApiKey> SqlKeyStore::revokeKey(qint64 id, qint64 expectedVersion)
{
    return changeKeyState(
        id, expectedVersion, KeyAction::Revoke, QStringLiteral("state = ?, revoked_at = ?"),
        {keyStateToInt(KeyState::Revoked), m_clock.nowMs()}, QStringLiteral("key.revoke"));
}

Result<ApiKey> SqlKeyStore::changeKeyState(qint64 id, qint64 expectedVersion, KeyAction action,
                                           const QString &assignments, const QVariantList &values,
                                           const QString &auditAction)
{
    return changeOneKey(
        id, expectedVersion, [&](const Member &actor, const ApiKey &before) -> Result<void> {
            if (auto allowed = Permissions::mayActOnKey(actor, before, action); !allowed)
                return allowed;
            // Revoking a forged row is always safe: it can never answer Valid again.
            if (action != KeyAction::Revoke) {
                if (auto untouched = refuseTampered(before); !untouched)
                    return untouched;
            }
            return rewriteKeyRow(before, assignments, values, auditAction,
                                 {{QStringLiteral("name"), before.name}});
        });
}

Result<void> SqlKeyStore::deleteKey(qint64 id, qint64 expectedVersion)
{
    return writeOneKey(
        id, expectedVersion, [&](const Member &actor, const ApiKey &before) -> Result<void> {
            if (auto allowed = Permissions::mayActOnKey(actor, before, KeyAction::Delete); !allowed)
                return allowed;
            if (auto excluded = excludeUsageWriters({id}); !excluded)
                return excluded;
            SqlQuery q(database());
            q.prepare(QStringLiteral("DELETE FROM api_keys WHERE id = ? AND version = ?"));
            q.addBindValue(id);
            q.addBindValue(expectedVersion);
            if (!q.exec())
                return SqlErrors::fromQuery(q, tr("Cannot delete the key."));
            if (q.numRowsAffected() != 1)
                return staleError();
            return appendAudit(QStringLiteral("key.delete"), id,
                               toJson({{QStringLiteral("name"), before.name},
                                       {QStringLiteral("hint"), before.hint()}}));
        });
}

Result<void> SqlKeyStore::writeOneKey(qint64 id, std::optional<qint64> expectedVersion,
                                      const KeyChange &change)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    return inWriteTransaction([&]() -> Result<void> {
        auto before = loadKey(id);
        if (before && expectedVersion)
            before = currentKey(std::move(before), *expectedVersion);
        if (!before)
            return before.error();
        return change(*actor, *before);
    });
}

Result<ApiKey> SqlKeyStore::changeOneKey(qint64 id, std::optional<qint64> expectedVersion,
                                         const KeyChange &change)
{
    if (auto written = writeOneKey(id, expectedVersion, change); !written)
        return written.error();
    return loadKey(id);
}

Result<void> SqlKeyStore::rewriteKeyRow(const ApiKey &before, const QString &assignments,
                                        const QVariantList &values, const QString &auditAction,
                                        const QJsonObject &details)
{
    if (auto updated = updateKeyRow(before, assignments, values); !updated)
        return updated;
    if (auto signedKey = signKey(before.id); !signedKey)
        return signedKey;
    return appendAudit(auditAction, before.id, toJson(details));
}

} // namespace Keyward
