#include "BulkKeyChange.h"

#include "Permissions.h"

namespace Keyward {

namespace {

BulkKeyVerdict unchanged(const QString &reason)
{
    return {BulkKeyVerdict::Kind::Unchanged, reason};
}

} // namespace

BulkKeyChange BulkKeyChange::of(BulkKeyAction action, const QVector<ApiKey> &keys,
                                std::optional<qint64> expiresAtMs)
{
    BulkKeyChange change;
    change.action = action;
    change.expiresAtMs = expiresAtMs;
    change.keys.reserve(keys.size());
    for (const ApiKey &key : keys)
        change.keys.append({key.id, key.version});
    return change;
}

KeyAction BulkKeyRules::keyAction(BulkKeyAction action)
{
    switch (action) {
    case BulkKeyAction::Deactivate:
        return KeyAction::Deactivate;
    case BulkKeyAction::Activate:
        return KeyAction::Activate;
    case BulkKeyAction::Revoke:
        return KeyAction::Revoke;
    case BulkKeyAction::Delete:
        return KeyAction::Delete;
    case BulkKeyAction::ShortenExpiry:
        return KeyAction::Edit;
    }
    return KeyAction::Edit;
}

Result<void> BulkKeyRules::validate(const BulkKeyChange &change, qint64 nowMs)
{
    if (change.keys.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Choose at least one key."));
    if (change.action != BulkKeyAction::ShortenExpiry)
        return {};
    if (!change.expiresAtMs)
        return makeError(ErrorCode::InvalidInput, tr("Choose the new expiry date."));
    if (*change.expiresAtMs <= nowMs)
        return makeError(ErrorCode::InvalidInput,
                         tr("The new expiry is in the past. Deactivate or revoke the keys to stop "
                            "them now."));
    return {};
}

BulkKeyVerdict BulkKeyRules::verdict(const Member &actor, const ApiKey &key, BulkKeyAction action,
                                     std::optional<qint64> expiresAtMs, qint64 nowMs)
{
    // Already where the change would take it: nothing to do, and nothing to refuse either.
    switch (action) {
    case BulkKeyAction::Deactivate:
        if (key.state == KeyState::Inactive)
            return unchanged(tr("already inactive"));
        if (key.state == KeyState::Revoked)
            return unchanged(tr("revoked"));
        break;
    case BulkKeyAction::Activate:
        if (key.state == KeyState::Active)
            return unchanged(tr("already active"));
        break;
    case BulkKeyAction::Revoke:
        if (key.state == KeyState::Revoked)
            return unchanged(tr("already revoked"));
        break;
    case BulkKeyAction::ShortenExpiry:
        if (key.state == KeyState::Revoked)
            return unchanged(tr("revoked"));
        if (key.expiresAtMs && *key.expiresAtMs <= nowMs)
            return unchanged(tr("already expired"));
        if (expiresAtMs && key.expiresAtMs && *key.expiresAtMs <= *expiresAtMs)
            return unchanged(tr("already expires by then"));
        break;
    case BulkKeyAction::Delete:
        break;
    }
    Result<void> allowed = Permissions::mayActOnKey(actor, key, keyAction(action));
    if (allowed && action == BulkKeyAction::ShortenExpiry)
        allowed = Permissions::mayChangeExpiry(key, expiresAtMs, nowMs);
    if (!allowed)
        return {BulkKeyVerdict::Kind::Refused, allowed.errorMessage()};
    return {};
}

bool BulkKeyRules::stopsKeys(BulkKeyAction action)
{
    return action == BulkKeyAction::Deactivate || action == BulkKeyAction::Revoke
        || action == BulkKeyAction::Delete;
}

QString BulkKeyRules::code(BulkKeyAction action)
{
    switch (action) {
    case BulkKeyAction::Deactivate:
        return QStringLiteral("deactivate");
    case BulkKeyAction::Activate:
        return QStringLiteral("activate");
    case BulkKeyAction::Revoke:
        return QStringLiteral("revoke");
    case BulkKeyAction::Delete:
        return QStringLiteral("delete");
    case BulkKeyAction::ShortenExpiry:
        return QStringLiteral("shorten-expiry");
    }
    return {};
}

std::optional<BulkKeyAction> BulkKeyRules::fromCode(const QString &code)
{
    for (BulkKeyAction action :
         {BulkKeyAction::Deactivate, BulkKeyAction::Activate, BulkKeyAction::Revoke,
          BulkKeyAction::Delete, BulkKeyAction::ShortenExpiry}) {
        if (BulkKeyRules::code(action) == code)
            return action;
    }
    return std::nullopt;
}

BulkKeyVerdict BulkKeyRules::verdictBeforeDate(const Member &actor, const ApiKey &key,
                                               BulkKeyAction action, qint64 nowMs)
{
    const std::optional<qint64> anyDate =
        action == BulkKeyAction::ShortenExpiry ? std::optional<qint64>(nowMs + 1) : std::nullopt;
    return verdict(actor, key, action, anyDate, nowMs);
}

QString BulkKeyRules::doneText(BulkKeyAction action, int count)
{
    switch (action) {
    case BulkKeyAction::Deactivate:
        return tr("Deactivated %n key(s).", nullptr, count);
    case BulkKeyAction::Activate:
        return tr("Activated %n key(s).", nullptr, count);
    case BulkKeyAction::Revoke:
        return tr("Revoked %n key(s).", nullptr, count);
    case BulkKeyAction::Delete:
        return tr("Deleted %n key(s).", nullptr, count);
    case BulkKeyAction::ShortenExpiry:
        return tr("Shortened the expiry of %n key(s).", nullptr, count);
    }
    return {};
}

} // namespace Keyward
