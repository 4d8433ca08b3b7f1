// SqlKeyStore's part of the hygiene report: the rotation policy and dismissed findings, kept as
// audit rows (HygieneLedger). A file of its own so the store's main file stays about keys.
#include "HygieneLedger.h"
#include "SqlKeyStore.h"
#include "VaultSigning.h"

namespace Keyward {

namespace {

Result<QHash<QString, Role>> currentRoles(SqlKeyStore &store)
{
    auto members = store.listMembers();
    if (!members)
        return members.error();
    QHash<QString, Role> roles;
    for (const Member &member : std::as_const(*members))
        roles.insert(member.name, member.role);
    return roles;
}

} // namespace

Result<RotationPolicy> SqlKeyStore::rotationPolicy()
{
    auto roles = currentRoles(*this);
    if (!roles)
        return roles.error();
    if (!isSignedVault())
        return HygieneLedger::rotationPolicy(database(), nullptr, *roles);
    auto trust = VaultTrust::load(database());
    if (!trust)
        return trust.error();
    return HygieneLedger::rotationPolicy(database(), &*trust, *roles);
}

Result<void> SqlKeyStore::setRotationPolicy(std::optional<int> maxSecretAgeDays)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto allowed = Permissions::mayChangeVaultPolicy(*actor); !allowed)
        return allowed;
    if (auto valid = HygieneReport::validateRotationDays(maxSecretAgeDays); !valid)
        return valid;
    return inWriteTransaction([&] {
        return appendAudit(HygieneLedger::kPolicyAction, std::nullopt,
                           HygieneLedger::policyDetails(maxSecretAgeDays));
    });
}

Result<QVector<HygieneDismissal>> SqlKeyStore::hygieneDismissals()
{
    if (!isSignedVault())
        return HygieneLedger::dismissals(database(), nullptr);
    auto trust = VaultTrust::load(database());
    if (!trust)
        return trust.error();
    return HygieneLedger::dismissals(database(), &*trust);
}

Result<void> SqlKeyStore::dismissFinding(qint64 keyId, HygieneFinding::Kind kind,
                                         const QString &reason)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    auto checked = HygieneReport::validateDismissReason(reason);
    if (!checked)
        return checked.error();
    return inWriteTransaction([&]() -> Result<void> {
        auto key = loadKey(keyId);
        if (!key)
            return key.error();
        if (auto allowed = Permissions::mayDismissFinding(*actor, *key); !allowed)
            return allowed;
        if (auto untouched = refuseTampered(*key); !untouched)
            return untouched;
        // The row is linked to the key (its history shows it), and a key's signature names its
        // newest audit row: signed again for the row that follows.
        if (auto signedKey = signKey(keyId); !signedKey)
            return signedKey;
        return appendAudit(HygieneLedger::kDismissAction, keyId,
                           HygieneLedger::dismissDetails(key->name, kind, *checked));
    });
}

Result<void> SqlKeyStore::restoreFinding(qint64 keyId, HygieneFinding::Kind kind)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    return inWriteTransaction([&]() -> Result<void> {
        auto key = loadKey(keyId);
        if (!key)
            return key.error();
        if (auto allowed = Permissions::mayDismissFinding(*actor, *key); !allowed)
            return allowed;
        auto dismissed = hygieneDismissals();
        if (!dismissed)
            return dismissed.error();
        const bool isDismissed =
            std::any_of(dismissed->cbegin(), dismissed->cend(), [&](const HygieneDismissal &d) {
                return d.keyId == keyId && d.kind == kind;
            });
        if (!isDismissed)
            return makeError(ErrorCode::NotFound,
                             tr("The finding \"%1\" of key \"%2\" is not dismissed.")
                                 .arg(HygieneFinding::describeKind(kind), key->name));
        if (auto untouched = refuseTampered(*key); !untouched)
            return untouched;
        if (auto signedKey = signKey(keyId); !signedKey)
            return signedKey;
        return appendAudit(HygieneLedger::kRestoreAction, keyId,
                           HygieneLedger::restoreDetails(key->name, kind));
    });
}

} // namespace Keyward
