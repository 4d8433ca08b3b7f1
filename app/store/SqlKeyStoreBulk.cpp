#include "SqlKeyStore.h"

#include "SqlKeyStoreRows.h"
#include "core/BulkKeyChange.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

// SqlKeyStore's bulk changes (issue 16 §3), apart from the single-key code they reuse: one
// transaction, the same checks and audit rows as one change at a time.

namespace Keyward {

using StoreRows::toJson;

Result<BulkKeyResult> SqlKeyStore::changeKeys(const BulkKeyChange &change)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto valid = BulkKeyRules::validate(change, m_clock.nowMs()); !valid)
        return valid.error();
    // Keys in the order of their ids. A delete first keeps usage writers of these keys out
    // (excludeUsageWriters).
    QVector<KeyVersionRef> keys = change.keys;
    std::sort(keys.begin(), keys.end(),
              [](const KeyVersionRef &a, const KeyVersionRef &b) { return a.id < b.id; });
    QVector<qint64> ids;
    ids.reserve(keys.size());
    for (const KeyVersionRef &ref : std::as_const(keys))
        ids.append(ref.id);
    BulkKeyResult result;
    auto written = inWriteTransaction([&]() -> Result<void> {
        result = {};
        if (change.action == BulkKeyAction::Delete) {
            if (auto excluded = excludeUsageWriters(ids); !excluded)
                return excluded;
        }
        for (const KeyVersionRef &ref : std::as_const(keys)) {
            auto refusal = changeOneOfMany(*actor, ref, change, int(change.keys.size()), result);
            if (!refusal)
                return refusal.error();
        }
        return {};
    });
    if (!written)
        return written.error();
    // Reported in the order asked for (the audit rows follow the ids).
    QHash<qint64, qsizetype> asked;
    for (qsizetype i = 0; i < change.keys.size(); ++i)
        asked.insert(change.keys.at(i).id, i);
    const auto byAsked = [&asked](qint64 a, qint64 b) {
        return asked.value(a) < asked.value(b);
    };
    std::stable_sort(result.changed.begin(), result.changed.end(), byAsked);
    std::stable_sort(result.unchanged.begin(), result.unchanged.end(), byAsked);
    std::stable_sort(result.refused.begin(), result.refused.end(),
                     [&byAsked](const BulkKeyRefusal &a, const BulkKeyRefusal &b) {
                         return byAsked(a.keyId, b.keyId);
                     });
    return result;
}

Result<std::optional<QString>> SqlKeyStore::changeOneOfMany(const Member &actor,
                                                            const KeyVersionRef &ref,
                                                            const BulkKeyChange &change, int total,
                                                            BulkKeyResult &result)
{
    auto refuse = [&](const QString &name, const QString &reason) {
        result.refused.append({ref.id, name, reason});
        return std::optional<QString>(reason);
    };
    auto before = loadKey(ref.id);
    if (!before) {
        if (before.error().code != ErrorCode::NotFound)
            return before.error();
        return refuse(QString(), tr("Someone else deleted it."));
    }
    if (before->version != ref.version)
        return refuse(before->name,
                      tr("Someone else changed it meanwhile; check it and try "
                         "again."));
    const qint64 now = m_clock.nowMs();
    const BulkKeyVerdict verdict =
        BulkKeyRules::verdict(actor, *before, change.action, change.expiresAtMs, now);
    if (verdict.kind == BulkKeyVerdict::Kind::Unchanged) {
        result.unchanged.append(ref.id);
        return std::optional<QString>();
    }
    if (verdict.kind == BulkKeyVerdict::Kind::Refused)
        return refuse(before->name, verdict.reason);
    // Revoking or deleting a forged row is always safe; anything else would sign it.
    if (change.action != BulkKeyAction::Revoke && change.action != BulkKeyAction::Delete) {
        if (auto untouched = refuseTampered(*before); !untouched) {
            if (untouched.error().code != ErrorCode::PermissionDenied)
                return untouched.error();
            return refuse(before->name, untouched.errorMessage());
        }
    }
    QJsonObject details {{QStringLiteral("name"), before->name}, {QStringLiteral("bulk"), total}};
    QString action;
    Result<void> updated;
    switch (change.action) {
    case BulkKeyAction::Deactivate:
    case BulkKeyAction::Activate: {
        const bool activate = change.action == BulkKeyAction::Activate;
        action = activate ? QStringLiteral("key.activate") : QStringLiteral("key.deactivate");
        updated = updateKeyRow(*before, QStringLiteral("state = ?, flagged = 0"),
                               {keyStateToInt(activate ? KeyState::Active : KeyState::Inactive)});
        break;
    }
    case BulkKeyAction::Revoke:
        action = QStringLiteral("key.revoke");
        updated = updateKeyRow(*before, QStringLiteral("state = ?, revoked_at = ?"),
                               {keyStateToInt(KeyState::Revoked), now});
        break;
    case BulkKeyAction::ShortenExpiry:
        action = QStringLiteral("key.edit");
        details.insert(QStringLiteral("expires_at"), double(*change.expiresAtMs));
        updated = updateKeyRow(*before, QStringLiteral("expires_at = ?"), {*change.expiresAtMs});
        break;
    case BulkKeyAction::Delete: {
        action = QStringLiteral("key.delete");
        details.insert(QStringLiteral("hint"), before->hint());
        SqlQuery q(database());
        q.prepare(QStringLiteral("DELETE FROM api_keys WHERE id = ? AND version = ?"));
        q.addBindValue(ref.id);
        q.addBindValue(ref.version);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot delete the key."));
        break;
    }
    }
    if (!updated)
        return updated.error();
    if (change.action != BulkKeyAction::Delete) {
        if (auto signedKey = signKey(ref.id); !signedKey)
            return signedKey.error();
    }
    if (auto audited = appendAudit(action, ref.id, toJson(details)); !audited)
        return audited.error();
    result.changed.append(ref.id);
    return std::optional<QString>();
}

} // namespace Keyward
