#include "Permissions.h"

#include "KeyStatus.h"

#include <QRegularExpression>

namespace Keyward {

namespace {

Error denied(const QString &message)
{
    return makeError(ErrorCode::PermissionDenied, message);
}

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

bool hasControlCharacters(const QString &text, bool allowLineBreaks)
{
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (allowLineBreaks && (u == '\n' || u == '\r' || u == '\t'))
            continue;
        if (u < 0x20 || u == 0x7f || c.category() == QChar::Other_Control)
            return true;
        // Bidirectional overrides make a name display as something else (U+202A..E, U+2066..9).
        if ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

} // namespace

Role Permissions::minimumRoleFor(KeyAction action)
{
    Q_UNUSED(action)
    // Every key action needs at least Developer; whose keys a Developer may touch is decided
    // per key in mayActOnKey().
    return Role::Developer;
}

QString Permissions::roleNeededMessage(KeyAction action)
{
    switch (action) {
    case KeyAction::Create:
        return tr("Only Developers, Admins and Owners can generate keys. Ask an Owner to change "
                  "your role.");
    case KeyAction::Edit:
        return tr("Only Admins, Owners and the Developer who created a key can edit it.");
    case KeyAction::Deactivate:
    case KeyAction::Activate:
        return tr("Only Admins, Owners and the Developer who created a key can change whether it "
                  "is active.");
    case KeyAction::Regenerate:
        return tr("Only Admins, Owners and the Developer who created a key can regenerate it.");
    case KeyAction::Revoke:
        return tr("Only Admins, Owners and the Developer who created a key can revoke it.");
    case KeyAction::Delete:
        return tr("Only Admins, Owners and the Developer who created a key can delete it.");
    }
    return {};
}

Result<void> Permissions::mayCreateKey(const Member &actor, Role keyRole, const QStringList &grants,
                                       const GrantCatalogue &catalogue)
{
    if (!roleAtLeast(actor.role, minimumRoleFor(KeyAction::Create)))
        return denied(roleNeededMessage(KeyAction::Create));
    if (!roleAtLeast(actor.role, keyRole))
        return denied(
            tr("A key's role cannot be above your own role (%1).").arg(roleCode(actor.role)));
    if (grants.isEmpty())
        return invalid(tr("Choose at least one grant."));
    QString offender;
    if (!catalogue.allowedFor(keyRole, grants, &offender)) {
        if (!catalogue.contains(offender))
            return invalid(tr("Unknown grant \"%1\".").arg(offender));
        return denied(
            tr("The grant \"%1\" is not part of the %2 role.").arg(offender, roleCode(keyRole)));
    }
    return {};
}

Result<void> Permissions::mayActOnKey(const Member &actor, const ApiKey &key, KeyAction action)
{
    if (action == KeyAction::Create)
        return denied(tr("Use key creation for new keys."));
    if (!roleAtLeast(actor.role, minimumRoleFor(action)))
        return denied(roleNeededMessage(action));
    if (actor.role == Role::Developer && key.createdById != actor.id)
        return denied(tr("Developers can only change keys they created. \"%1\" was created by %2.")
                          .arg(key.name, key.createdByName));
    // Anything that keeps or renews a key's power needs a role at least as high as the key's;
    // taking power away (deactivate, revoke, delete) does not.
    const bool grantsPower = action == KeyAction::Edit || action == KeyAction::Activate
        || action == KeyAction::Regenerate;
    if (grantsPower && !roleAtLeast(actor.role, key.role))
        return denied(tr("This key has the %1 role, above your own (%2).")
                          .arg(roleCode(key.role), roleCode(actor.role)));

    if (key.state == KeyState::Revoked && action != KeyAction::Delete)
        return invalid(tr("The key \"%1\" is revoked. Revocation is permanent; generate a new key "
                          "instead.")
                           .arg(key.name));
    if (action == KeyAction::Activate && key.state != KeyState::Inactive)
        return invalid(tr("The key \"%1\" is already active.").arg(key.name));
    if (action == KeyAction::Deactivate && key.state != KeyState::Active)
        return invalid(tr("The key \"%1\" is already inactive.").arg(key.name));
    return {};
}

Result<void> Permissions::mayRegenerateAt(const ApiKey &key, qint64 nowMs)
{
    if (effectiveStatus(key, nowMs) != KeyStatus::Expired)
        return {};
    return invalid(tr("The key \"%1\" has expired: a new secret would be refused as Expired, and "
                      "an expiry cannot be extended. Use Duplicate to make a new key with the "
                      "same configuration.")
                       .arg(key.name));
}

Result<void> Permissions::mayEndGracePeriod(const Member &actor, const ApiKey &key, qint64 nowMs)
{
    if (auto allowed = mayActOnKey(actor, key, KeyAction::Revoke); !allowed)
        return allowed;
    if (key.secretsInGraceAt(nowMs).isEmpty())
        return invalid(
            tr("The key \"%1\" has no previous secret in a grace period.").arg(key.name));
    return {};
}

Result<void> Permissions::mayChangeUsageLimit(const Member &actor, const ApiKey &key)
{
    if (!roleAtLeast(actor.role, Role::Admin))
        return denied(tr("Only Admins and Owners can change a key's usage limit or reset its "
                         "usage."));
    if (!roleAtLeast(actor.role, key.role))
        return denied(tr("This key has the %1 role, above your own (%2).")
                          .arg(roleCode(key.role), roleCode(actor.role)));
    if (key.state == KeyState::Revoked)
        return invalid(tr("The key \"%1\" is revoked. Revocation is permanent; generate a new key "
                          "instead.")
                           .arg(key.name));
    return {};
}

Result<void> Permissions::validateUsageLimit(const std::optional<qint64> &limit)
{
    if (limit && *limit < 1)
        return invalid(tr("A usage limit is at least 1 request; use \"none\" for no limit."));
    return {};
}

Result<void> Permissions::validateNewExpiry(const std::optional<qint64> &expiresAtMs, qint64 nowMs)
{
    if (expiresAtMs && *expiresAtMs <= nowMs)
        return invalid(tr("The expiry date is in the past. Choose today or a later day."));
    return {};
}

Result<void> Permissions::validateLoginName(const QString &name, const QString &rolePrefix)
{
    if (name.toUtf8().size() > 63 || name.startsWith(QLatin1String("pg_"))
        || (!rolePrefix.isEmpty() && name.startsWith(rolePrefix + QLatin1Char('_')))
        || name == QLatin1String("public"))
        return invalid(tr("\"%1\" cannot be a login: names starting with pg_ or %2_ are "
                          "reserved, and a login has at most 63 bytes.")
                           .arg(name, rolePrefix));
    return {};
}

Result<void> Permissions::mayChangeExpiry(const ApiKey &key, std::optional<qint64> newExpiresAtMs,
                                          qint64 nowMs)
{
    if (newExpiresAtMs == key.expiresAtMs)
        return {};
    if (!newExpiresAtMs)
        return denied(tr("An expiry can only be shortened; generate a new key to extend it."));
    if (key.expiresAtMs && *newExpiresAtMs > *key.expiresAtMs)
        return denied(tr("An expiry can only be shortened; generate a new key to extend it."));
    if (*newExpiresAtMs <= nowMs)
        return invalid(tr("The new expiry is in the past. Deactivate or revoke the key to stop it "
                          "now."));
    return {};
}

Result<void> Permissions::mayManageMembers(const Member &actor)
{
    if (actor.role != Role::Owner)
        return denied(tr("Only Owners can manage members."));
    return {};
}

Result<void> Permissions::mayChangeVaultPolicy(const Member &actor)
{
    if (actor.role != Role::Owner)
        return denied(tr("Only Owners can change the vault's rotation policy."));
    return {};
}

Result<void> Permissions::mayDismissFinding(const Member &actor, const ApiKey &key)
{
    if (!roleAtLeast(actor.role, Role::Developer))
        return denied(tr("Only Admins, Owners and the Developer who created a key can dismiss or "
                         "restore its findings."));
    return mayActOnKey(actor, key, KeyAction::Edit);
}

Result<void> Permissions::mayChangePassphrase(const Member &actor, const Member &target)
{
    if (actor.id == target.id || actor.role == Role::Owner)
        return {};
    return denied(tr("Only Owners can set another member's passphrase. You can change your own."));
}

Result<void> Permissions::validateKeyName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return invalid(tr("Enter a name for the key."));
    if (name.size() > kMaxNameLength)
        return invalid(tr("The name is too long (at most %1 characters).").arg(kMaxNameLength));
    if (hasControlCharacters(name, false))
        return invalid(tr("The name cannot contain control characters or line breaks."));
    return {};
}

Result<void> Permissions::validateNotes(const QString &notes)
{
    if (notes.size() > kMaxNotesLength)
        return invalid(tr("The notes are too long (at most %1 characters).").arg(kMaxNotesLength));
    if (hasControlCharacters(notes, true))
        return invalid(tr("The notes cannot contain control characters."));
    return {};
}

Result<void> Permissions::validateCustomer(const QString &customer)
{
    if (customer.size() > kMaxCustomerLength)
        return invalid(
            tr("The customer is too long (at most %1 characters).").arg(kMaxCustomerLength));
    if (hasControlCharacters(customer, false))
        return invalid(tr("The customer cannot contain control characters."));
    return {};
}

Result<void> Permissions::validateMemberName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return invalid(tr("Enter a member name."));
    if (name != name.trimmed())
        return invalid(tr("A member name cannot start or end with spaces."));
    if (name.size() > kMaxMemberNameLength)
        return invalid(
            tr("The member name is too long (at most %1 characters).").arg(kMaxMemberNameLength));
    if (hasControlCharacters(name, false))
        return invalid(tr("The member name cannot contain control characters."));
    return {};
}

Result<void> Permissions::validatePrefix(const QString &prefix)
{
    // anchoredPattern (\A...\z), not ^...$: "$" also matches before a final newline.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9]{2,12}")));
    if (!pattern.match(prefix).hasMatch())
        return invalid(tr("The key prefix must be 2 to 12 lowercase letters or digits."));
    return {};
}

Result<void> Permissions::validatePassphraseLength(int length)
{
    if (length < kMinPassphraseLength)
        return invalid(
            tr("The passphrase must have at least %1 characters.").arg(kMinPassphraseLength));
    return {};
}

} // namespace Keyward
