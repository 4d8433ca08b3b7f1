#pragma once

#include "core/HygieneReport.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

namespace Keyward {

class VaultTrust;

// The hygiene report's vault state, kept in the audit log rather than in a table of its own:
// the rotation policy ("vault.rotation_policy" rows) and dismissals ("hygiene.dismiss" /
// "hygiene.restore" rows). No schema change, and each row is chained and (in a vault file)
// signed like every audit row. vault_meta would not do: nothing there is signed, and a service
// that may write usage into the file could otherwise lift the policy unseen.
//
// A row counts only when whoever wrote it could have: in a signed vault file its chain hash
// must match its contents and its signature a trusted member key (an Owner's for the policy);
// elsewhere (PostgreSQL, whose row-level security already ties each row to its login, or a
// file not signed yet) the policy's author must be a current Owner.
class HygieneLedger
{
    Q_DECLARE_TR_FUNCTIONS(HygieneLedger)
public:
    static const QString kPolicyAction; // "vault.rotation_policy"
    static const QString kDismissAction; // "hygiene.dismiss"
    static const QString kRestoreAction; // "hygiene.restore"

    // trust: the vault's signing trust (nullptr or unsigned: go by currentRoles alone).
    // currentRoles: current members' roles by name.
    static Result<RotationPolicy> rotationPolicy(QSqlDatabase &db, const VaultTrust *trust,
                                                 const QHash<QString, Role> &currentRoles);
    // Every current dismissal (the newest dismiss or restore of a key and kind decides).
    static Result<QVector<HygieneDismissal>> dismissals(QSqlDatabase &db, const VaultTrust *trust);

    static QString policyDetails(std::optional<int> maxSecretAgeDays);
    static QString dismissDetails(const QString &keyName, HygieneFinding::Kind kind,
                                  const QString &reason);
    static QString restoreDetails(const QString &keyName, HygieneFinding::Kind kind);
};

} // namespace Keyward
