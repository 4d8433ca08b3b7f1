#include "SqlKeyStore.h"

#include "SqlKeyStoreRows.h"

#include <QJsonArray>
#include <QSqlQuery>

// SqlKeyStore's usage: the usage limit and its reset, and the usage a window reads since its
// last look.

namespace Keyward {

using namespace StoreRows;

Result<ApiKey> SqlKeyStore::setUsageLimit(qint64 id, qint64 expectedVersion,
                                          std::optional<qint64> usageLimit)
{
    if (auto valid = Permissions::validateUsageLimit(usageLimit); !valid)
        return valid.error();
    return changeUsage(
        id, expectedVersion, QStringLiteral("usage_limit = ?"), {nullableInt(usageLimit)},
        QStringLiteral("key.usage_limit"), [&](const ApiKey &before) {
            const auto code = [](const std::optional<qint64> &limit) {
                return limit ? QJsonValue(double(*limit)) : QJsonValue();
            };
            return QJsonObject {{QStringLiteral("name"), before.name},
                                {QStringLiteral("usage_limit"),
                                 QJsonArray {code(before.usageLimit), code(usageLimit)}},
                                {QStringLiteral("used"), double(before.usageCount)}};
        });
}

Result<ApiKey> SqlKeyStore::resetUsage(qint64 id, qint64 expectedVersion)
{
    return changeUsage(id, expectedVersion,
                       // A new epoch: verifiers drop credits they reserved before the reset.
                       QStringLiteral("usage_count = 0, usage_epoch = usage_epoch + 1"), {},
                       QStringLiteral("key.usage_reset"), [](const ApiKey &before) {
                           return QJsonObject {{QStringLiteral("name"), before.name},
                                               {QStringLiteral("used"), double(before.usageCount)}};
                       });
}

Result<ApiKey> SqlKeyStore::changeUsage(qint64 id, qint64 expectedVersion,
                                        const QString &assignments, const QVariantList &values,
                                        const QString &auditAction,
                                        const std::function<QJsonObject(const ApiKey &)> &details)
{
    return changeOneKey(
        id, expectedVersion, [&](const Member &actor, const ApiKey &before) -> Result<void> {
            if (auto allowed = Permissions::mayChangeUsageLimit(actor, before); !allowed)
                return allowed;
            if (auto untouched = refuseTampered(before); !untouched)
                return untouched;
            return rewriteKeyRow(before, assignments, values, auditAction, details(before));
        });
}

Result<UsageUpdates> SqlKeyStore::usageSince(qint64 counter)
{
    // The counter first: rows stamped after it are read now and again next time, never missed.
    auto current = usageCounter();
    if (!current)
        return current.error();
    UsageUpdates updates;
    updates.counter = *current;
    if (*current <= counter)
        return updates;
    SqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.key_id, k.usage_count, s.id, s.last_used_at, "
                             "s.last_used_source, s.last_refused_at, s.last_refused_outcome FROM "
                             "key_secrets s JOIN api_keys k ON k.id = s.key_id WHERE s.key_id IN "
                             "(SELECT key_id FROM key_secrets WHERE usage_seq > ?) ORDER BY "
                             "s.key_id, s.id DESC"));
    q.addBindValue(counter);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the usage of the keys."));
    while (q.next()) {
        const qint64 keyId = q.value(0).toLongLong();
        if (updates.keys.isEmpty() || updates.keys.constLast().keyId != keyId)
            updates.keys.append(KeyUsageUpdate {keyId, q.value(1).toLongLong(), {}});
        KeySecret secret;
        secret.id = q.value(2).toLongLong();
        secret.keyId = keyId;
        if (!q.isNull(3))
            secret.lastUsedAtMs = q.value(3).toLongLong();
        secret.lastUsedSource = q.value(4).toString();
        if (!q.isNull(5))
            secret.lastRefusedAtMs = q.value(5).toLongLong();
        secret.lastRefusedOutcome = q.value(6).toInt();
        updates.keys.last().secrets.append(secret);
    }
    q.finish(); // an SQLite statement left open would hold its read snapshot
    return updates;
}

} // namespace Keyward
