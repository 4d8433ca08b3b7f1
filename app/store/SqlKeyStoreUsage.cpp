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
        id, expectedVersion, QStringLiteral("usage_limit = ?"), {nullableInt(usageLimit)}, false,
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
    // The key's row changes only its version: the count is in its usage row (schema 8).
    return changeUsage(id, expectedVersion, QStringLiteral("usage_limit = usage_limit"), {}, true,
                       QStringLiteral("key.usage_reset"), [](const ApiKey &before) {
                           return QJsonObject {{QStringLiteral("name"), before.name},
                                               {QStringLiteral("used"), double(before.usageCount)}};
                       });
}

Result<ApiKey> SqlKeyStore::changeUsage(qint64 id, qint64 expectedVersion,
                                        const QString &assignments, const QVariantList &values,
                                        bool resetCount, const QString &auditAction,
                                        const std::function<QJsonObject(const ApiKey &)> &details)
{
    return changeOneKey(
        id, expectedVersion, [&](const Member &actor, const ApiKey &before) -> Result<void> {
            if (auto allowed = Permissions::mayChangeUsageLimit(actor, before); !allowed)
                return allowed;
            if (auto untouched = refuseTampered(before); !untouched)
                return untouched;
            if (resetCount) {
                // A new epoch: verifiers drop credits they reserved before the reset.
                SqlQuery q(database());
                q.prepare(QStringLiteral(
                    "INSERT INTO key_usage (key_id, usage_count, usage_epoch) VALUES (?, 0, 1) ON "
                    "CONFLICT (key_id) DO UPDATE SET usage_count = 0, usage_epoch = "
                    "key_usage.usage_epoch + 1"));
                q.addBindValue(before.id);
                if (!q.exec())
                    return SqlErrors::fromQuery(q, tr("Cannot change the key."));
            }
            return rewriteKeyRow(before, assignments, values, auditAction, details(before));
        });
}

QString SqlKeyStore::usageSinceSql()
{
    // Every secret of a key one of whose secrets was stamped after `counter`. usage_seq has no
    // index (schema 8): a scan of the narrow usage table costs the window a few milliseconds,
    // where the index cost every usage write an update per secret. CROSS JOIN keeps SQLite's
    // plan to that scan (and a look-up per stamped secret), not a pass over every secret with a
    // look-up of each one's usage (17 ms against 7 at 100,000 secrets).
    return QStringLiteral(
        "SELECT s.key_id, COALESCE(ku.usage_count, 0), s.id, su.last_used_at, "
        "COALESCE(su.last_used_source, ''), su.last_refused_at, su.last_refused_outcome FROM "
        "key_secrets s LEFT JOIN secret_usage su ON su.secret_id = s.id LEFT JOIN key_usage ku ON "
        "ku.key_id = s.key_id WHERE s.key_id IN (SELECT t.key_id FROM secret_usage n CROSS JOIN "
        "key_secrets t WHERE t.id = n.secret_id AND n.usage_seq > ?) ORDER BY s.key_id, s.id "
        "DESC");
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
    q.prepare(usageSinceSql());
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
