#pragma once

#include "ApiKey.h"
#include "GrantCatalogue.h"
#include "Member.h"
#include "Result.h"

#include <QCoreApplication>

#include <optional>

namespace Keyward {

enum class KeyAction { Create, Edit, Deactivate, Activate, Regenerate, Revoke, Delete };

// Every rule about who may do what to which key lives here. The UI asks it to enable actions;
// the store asks it again before every write, so a rule never lives only in a widget.
class Permissions
{
    Q_DECLARE_TR_FUNCTIONS(Permissions)
public:
    // The lowest member role that may perform the action at all.
    static Role minimumRoleFor(KeyAction action);
    // "Only Developers, Admins and Owners can generate keys." — for tooltips and refusals.
    static QString roleNeededMessage(KeyAction action);

    static Result<void> mayCreateKey(const Member &actor, Role keyRole, const QStringList &grants,
                                     const GrantCatalogue &catalogue);
    // May the member perform this action on this existing key, in its current state?
    static Result<void> mayActOnKey(const Member &actor, const ApiKey &key, KeyAction action);
    // A new secret for an expired key would answer Expired at once, and an expiry cannot be
    // extended: refused, pointing to Duplicate (a new key with the same configuration).
    static Result<void> mayRegenerateAt(const ApiKey &key, qint64 nowMs);
    // Ending a grace period now (the previous secret stops at once) takes power away: whoever
    // may revoke the key may, while an older secret is still in its grace period.
    static Result<void> mayEndGracePeriod(const Member &actor, const ApiKey &key, qint64 nowMs);
    // Raising, lowering or removing a key's usage limit, or resetting what it has used: Admins
    // and Owners only (a Developer could otherwise lift the limit an Admin set), and never on
    // a key whose role is above the member's own, nor on a revoked key.
    static Result<void> mayChangeUsageLimit(const Member &actor, const ApiKey &key);
    // At least 1 request, or none (unlimited).
    static Result<void> validateUsageLimit(const std::optional<qint64> &limit);
    // A new key's expiry: none, or later than now.
    static Result<void> validateNewExpiry(const std::optional<qint64> &expiresAtMs, qint64 nowMs);
    // A member's name as a PostgreSQL login of a vault whose group roles start with rolePrefix:
    // at most 63 bytes, and not a reserved name (pg_*, <rolePrefix>_* unless it is empty,
    // public).
    static Result<void> validateLoginName(const QString &name, const QString &rolePrefix);
    // Expiry may only get shorter, and never into the past.
    static Result<void> mayChangeExpiry(const ApiKey &key, std::optional<qint64> newExpiresAtMs,
                                        qint64 nowMs);
    static Result<void> mayManageMembers(const Member &actor);
    // The vault's policies (the rotation policy): Owners only.
    static Result<void> mayChangeVaultPolicy(const Member &actor);
    // Dismissing or restoring a hygiene finding is a judgement on the key: whoever may edit
    // it (Admins and Owners, the Developer who made it; never above the member's own role).
    static Result<void> mayDismissFinding(const Member &actor, const ApiKey &key);
    // Members set their own passphrase; an Owner may set anyone's (a first one after a copy from
    // a server, which keeps none, or a reset for someone who forgot theirs).
    static Result<void> mayChangePassphrase(const Member &actor, const Member &target);

    static Result<void> validateKeyName(const QString &name);
    static Result<void> validateNotes(const QString &notes);
    static Result<void> validateCustomer(const QString &customer);
    static Result<void> validateMemberName(const QString &name);
    static Result<void> validatePrefix(const QString &prefix);
    // Length only: strength is advice (shown by the UI), length is a rule.
    static Result<void> validatePassphraseLength(int length);
    static constexpr int kMinPassphraseLength = 8;

    // A name is read in a table cell, a pane title and a confirmation: 200 characters say
    // what a key is for; more only pushes the rest of the window off screen.
    static constexpr int kMaxNameLength = 200;
    static constexpr int kMaxNotesLength = 64 * 1024;
    static constexpr int kMaxCustomerLength = 256;
    static constexpr int kMaxMemberNameLength = 64;
};

} // namespace Keyward
