#include "HygieneLedger.h"

#include "AuditLog.h"
#include "SqlErrors.h"
#include "VaultSigning.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace Keyward {

const QString HygieneLedger::kPolicyAction = QStringLiteral("vault.rotation_policy");
const QString HygieneLedger::kDismissAction = QStringLiteral("hygiene.dismiss");
const QString HygieneLedger::kRestoreAction = QStringLiteral("hygiene.restore");

namespace {

const QString kFindingField = QStringLiteral("finding");
const QString kReasonField = QStringLiteral("reason");
const QString kDaysField = QStringLiteral("max_secret_age_days");

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

struct LedgerRow
{
    AuditEvent event;
    std::optional<qint64> signedBy;
    QByteArray signature;
};

// Rows of the given actions, oldest first, with their signatures. A full scan of the audit log
// (it has no index on action): 100,000 rows take a few tens of milliseconds.
Result<QVector<LedgerRow>> readRows(QSqlDatabase &db, const QStringList &actions, bool newestFirst,
                                    bool withSignatures)
{
    SqlQuery q(db);
    q.setForwardOnly(true);
    QString placeholders;
    for (int i = 0; i < actions.size(); ++i)
        placeholders += i ? QStringLiteral(", ?") : QStringLiteral("?");
    // Signatures only in a signed vault file: PostgreSQL keeps none (and grants no member
    // access to the empty table).
    q.prepare(QStringLiteral("SELECT a.id, a.at, a.actor, a.action, a.key_id, a.details, "
                             "a.prev_hash, a.hash, ")
              + (withSignatures ? QStringLiteral("s.signed_by, s.signature FROM audit_log a LEFT "
                                                 "JOIN audit_signatures s ON s.audit_id = a.id")
                                : QStringLiteral("NULL, NULL FROM audit_log a"))
              + QStringLiteral(" WHERE a.action IN (") + placeholders
              + QStringLiteral(") ORDER BY a.id")
              + (newestFirst ? QStringLiteral(" DESC") : QString()));
    for (const QString &action : actions)
        q.addBindValue(action);
    if (!q.exec())
        return SqlErrors::fromQuery(q, HygieneLedger::tr("Cannot read the audit log."));
    QVector<LedgerRow> rows;
    while (q.next()) {
        LedgerRow row;
        row.event.id = q.value(0).toLongLong();
        row.event.atMs = q.value(1).toLongLong();
        row.event.actor = q.value(2).toString();
        row.event.action = q.value(3).toString();
        if (!q.isNull(4))
            row.event.keyId = q.value(4).toLongLong();
        row.event.details = q.value(5).toString();
        row.event.prevHash = q.value(6).toByteArray();
        row.event.hash = q.value(7).toByteArray();
        if (!q.isNull(8))
            row.signedBy = q.value(8).toLongLong();
        row.signature = q.value(9).toByteArray();
        rows.append(row);
    }
    return rows;
}

// In a signed vault: the row is what its signer chained and signed, and the signer's key holds
// at least minimumRole. nullptr or unsigned trust: nothing to check here.
bool signedBy(const LedgerRow &row, const VaultTrust *trust, Role minimumRole)
{
    if (!trust || !trust->isSigned())
        return true;
    if (!row.signedBy || AuditLog::chainHash(row.event.prevHash, row.event) != row.event.hash)
        return false;
    const MemberKeyRow *signer = trust->key(*row.signedBy);
    if (!signer || !roleAtLeast(signer->role, minimumRole))
        return false;
    // Ed25519 verification is deterministic, so a signature verified good once is good for the
    // life of the process: each refresh of the window then verifies only new rows (1,000
    // dismissals cost ~250 ms of verification the first time).
    return VerifiedSignatures::ofProcess().verify(
        signer->publicKey, VaultSigning::auditMessage(row.event), row.signature);
}

} // namespace

Result<RotationPolicy> HygieneLedger::rotationPolicy(QSqlDatabase &db, const VaultTrust *trust,
                                                     const QHash<QString, Role> &currentRoles)
{
    const bool isSigned = trust && trust->isSigned();
    auto rows = readRows(db, {kPolicyAction}, true, isSigned);
    if (!rows)
        return rows.error();
    for (const LedgerRow &row : std::as_const(*rows)) {
        if (isSigned ? !signedBy(row, trust, Role::Owner)
                     : currentRoles.value(row.event.actor, Role::Viewer) != Role::Owner)
            continue;
        const QJsonObject details = QJsonDocument::fromJson(row.event.details.toUtf8()).object();
        RotationPolicy policy;
        policy.setBy = row.event.actor;
        policy.setAtMs = row.event.atMs;
        const QJsonValue days = details.value(kDaysField);
        if (days.isDouble()) {
            const int value = days.toInt();
            if (!HygieneReport::validateRotationDays(value))
                continue;
            policy.maxSecretAgeDays = value;
        }
        return policy;
    }
    return RotationPolicy();
}

Result<QVector<HygieneDismissal>> HygieneLedger::dismissals(QSqlDatabase &db,
                                                            const VaultTrust *trust)
{
    auto rows = readRows(db, {kDismissAction, kRestoreAction}, false, trust && trust->isSigned());
    if (!rows)
        return rows.error();
    // Oldest first, so the newest row of each key and kind is the one left standing.
    QHash<QPair<qint64, int>, HygieneDismissal> current;
    QVector<QPair<qint64, int>> order;
    for (const LedgerRow &row : std::as_const(*rows)) {
        if (!row.event.keyId || !signedBy(row, trust, Role::Developer))
            continue;
        const QJsonObject details = QJsonDocument::fromJson(row.event.details.toUtf8()).object();
        const auto kind = HygieneFinding::kindFromCode(details.value(kFindingField).toString());
        if (!kind)
            continue;
        const QPair<qint64, int> id {*row.event.keyId, int(*kind)};
        if (row.event.action == kRestoreAction) {
            current.remove(id);
            continue;
        }
        if (!current.contains(id))
            order.append(id);
        current.insert(id,
                       {*row.event.keyId, *kind, details.value(kReasonField).toString(),
                        row.event.actor, row.event.atMs});
    }
    QVector<HygieneDismissal> result;
    for (const auto &id : std::as_const(order)) {
        if (current.contains(id))
            result.append(current.value(id));
    }
    return result;
}

QString HygieneLedger::policyDetails(std::optional<int> maxSecretAgeDays)
{
    return toJson(
        {{kDaysField,
          maxSecretAgeDays ? QJsonValue(*maxSecretAgeDays) : QJsonValue(QJsonValue::Null)}});
}

QString HygieneLedger::dismissDetails(const QString &keyName, HygieneFinding::Kind kind,
                                      const QString &reason)
{
    return toJson({{QStringLiteral("name"), keyName},
                   {kFindingField, HygieneFinding::code(kind)},
                   {kReasonField, reason}});
}

QString HygieneLedger::restoreDetails(const QString &keyName, HygieneFinding::Kind kind)
{
    return toJson({{QStringLiteral("name"), keyName}, {kFindingField, HygieneFinding::code(kind)}});
}

} // namespace Keyward
