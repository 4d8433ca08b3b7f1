#include "SqlKeyStore.h"

#include "AuditLog.h"
#include "PostgresSetup.h"
#include "SqlKeyStoreRows.h"
#include "VaultSigning.h"
#include "crypto/PassphraseHasher.h"

#include <QSqlQuery>

// SqlKeyStore's members: adding one (a login on PostgreSQL), changing a role, removing one, and
// what that does to the keys they made.

namespace Keyward {

using namespace StoreRows;

Result<QVector<Member>> SqlKeyStore::listMembers()
{
    SqlQuery q(database());
    if (!q.exec(
            QStringLiteral("SELECT ") + kMemberColumns
            + QStringLiteral(" FROM members WHERE removed_at IS NULL ORDER BY role DESC, name")))
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    QVector<Member> members;
    while (q.next())
        members.append(memberFromRow(q));
    return members;
}

Result<Member> SqlKeyStore::addMember(const QString &name, Role role,
                                      const SecretString &passphrase)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    // A server login may authenticate without a password (peer, certificate): none is fine.
    const bool needsPassphrase = m_dialect.isSqlite() || !passphrase.isEmpty();
    for (const Result<void> &check :
         {Permissions::mayManageMembers(*actor), Permissions::validateMemberName(name),
          needsPassphrase ? Permissions::validatePassphraseLength(int(passphrase.size()))
                          : Result<void>()}) {
        if (!check)
            return check.error();
    }
    QString phc;
    std::optional<SigningKey> memberKey;
    QByteArray sealed;
    if (m_dialect.isSqlite()) {
        phc = PassphraseHasher::hash(passphrase);
        if (phc.isEmpty())
            return makeError(ErrorCode::CryptoFailure, tr("Could not hash the passphrase."));
        // On a signed vault the new member gets a certified key now, sealed with the passphrase
        // the Owner chose for them.
        if (isSignedVault()) {
            if (!m_signer)
                return VaultSigning::notCertifiedError();
            memberKey = SigningKey::generate();
            sealed = memberKey ? memberKey->seal(passphrase) : QByteArray();
            if (sealed.isEmpty())
                return makeError(ErrorCode::CryptoFailure,
                                 tr("Could not make the member's signing key."));
        }
    }
    Member added;
    auto written = inMembersTransaction([&]() -> Result<void> {
        SqlQuery q(database());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM members WHERE lower(name) = lower(?)"));
        q.addBindValue(name);
        if (!q.exec() || !q.next())
            return SqlErrors::fromQuery(q, tr("Cannot read the members."));
        if (q.value(0).toInt() > 0)
            return makeError(ErrorCode::InvalidInput,
                             tr("A member called \"%1\" already exists (or existed).").arg(name));
        const qint64 now = m_clock.nowMs();
        if (m_dialect.isSqlite()) {
            q.prepare(QStringLiteral("INSERT INTO members (name, role, passphrase_hash, "
                                     "created_at) VALUES (?, ?, ?, ?) RETURNING id"));
            q.addBindValue(name);
            q.addBindValue(roleToInt(role));
            q.addBindValue(phc);
            q.addBindValue(now);
            if (!q.exec() || !q.next())
                return SqlErrors::fromQuery(q, tr("Cannot add the member."));
            added = Member {q.value(0).toLongLong(), name, role, now, 1};
            q.finish();
            if (memberKey) {
                if (auto keyId = insertMemberKey(added.id, role, *memberKey, sealed, true); !keyId)
                    return keyId.error();
            }
        } else {
            auto id = PostgresSetup::addMemberLogin(database(), name, role, passphrase, now);
            if (!id)
                return id.error();
            added = Member {*id, name, role, now, 1};
        }
        return appendAudit(
            QStringLiteral("member.add"), std::nullopt,
            toJson({{QStringLiteral("member"), name}, {QStringLiteral("role"), roleCode(role)}}));
    });
    if (!written)
        return written.error();
    return added;
}

Result<void> SqlKeyStore::addVerifierLogin(const QString &login, const SecretString &password)
{
    if (m_dialect.isSqlite())
        return makeError(ErrorCode::InvalidInput,
                         tr("A local vault has no logins: services open the vault file to "
                            "verify keys."));
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto allowed = Permissions::mayManageMembers(*actor); !allowed)
        return allowed;
    return inWriteTransaction([&]() -> Result<void> {
        if (auto added = PostgresSetup::addVerifierLogin(database(), login, password); !added)
            return added;
        return appendAudit(QStringLiteral("verifier.add"), std::nullopt,
                           toJson({{QStringLiteral("login"), login}}));
    });
}

Result<qint64> SqlKeyStore::addMemberLoginByDatabaseOwner(const QString &login, Role role,
                                                          const SecretString &password)
{
    return PostgresSetup::addMemberLogin(database(), login, role, password, m_clock.nowMs());
}

Result<void> SqlKeyStore::addVerifierLoginByDatabaseOwner(const QString &login,
                                                          const SecretString &password)
{
    return PostgresSetup::addVerifierLogin(database(), login, password);
}

Result<void> SqlKeyStore::appendDatabaseOwnerAudit(AuditEvent &event)
{
    return AuditLog::append(database(), event);
}

Result<void> SqlKeyStore::deactivateKeysAbove(const Member &member, std::optional<Role> ceiling,
                                              const QString &reason, const QSet<qint64> &forged)
{
    SqlQuery q(database());
    QString sql =
        QStringLiteral("SELECT id, name FROM api_keys WHERE created_by = ? AND state = 0");
    if (ceiling)
        sql += QStringLiteral(" AND role > ?");
    sql += QStringLiteral(" ORDER BY id"); // keys in id order, as every change of several does
    q.prepare(sql);
    q.addBindValue(member.id);
    if (ceiling)
        q.addBindValue(roleToInt(*ceiling));
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the member's keys."));
    QVector<QPair<qint64, QString>> affected;
    while (q.next())
        affected.append({q.value(0).toLongLong(), q.value(1).toString()});
    for (const auto &[keyId, keyName] : affected) {
        SqlQuery update(database());
        update.prepare(QStringLiteral("UPDATE api_keys SET state = 1, flagged = 1, updated_at = ?, "
                                      "version = version + 1 WHERE id = ?"));
        update.addBindValue(m_clock.nowMs());
        update.addBindValue(keyId);
        if (!update.exec())
            return SqlErrors::fromQuery(update, tr("Cannot deactivate the member's keys."));
        // Deactivated, but a forged row is not signed (it stays not found for verifiers).
        if (!forged.contains(keyId)) {
            if (auto signedKey = signKey(keyId); !signedKey)
                return signedKey;
        }
        if (auto audited = appendAudit(
                QStringLiteral("key.deactivate"), keyId,
                toJson({{QStringLiteral("name"), keyName}, {QStringLiteral("reason"), reason}}));
            !audited)
            return audited;
    }
    return {};
}

namespace {

Result<int> countOwners(QSqlDatabase &db)
{
    SqlQuery q(db);
    if (!q.exec(
            QStringLiteral("SELECT COUNT(*) FROM members WHERE role = 3 AND removed_at IS NULL"))
        || !q.next())
        return SqlErrors::fromQuery(q, SqlKeyStore::tr("Cannot read the members."));
    return q.value(0).toInt();
}

} // namespace

Result<Member> SqlKeyStore::setMemberRole(qint64 memberId, qint64 expectedVersion, Role role)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto allowed = Permissions::mayManageMembers(*actor); !allowed)
        return allowed.error();
    Member changed;
    auto written = inMembersTransaction([&]() -> Result<void> {
        auto current = readCurrentMember(database(), memberId);
        if (!current)
            return current.error();
        const Member before = *current;
        if (before.version != expectedVersion)
            return makeError(ErrorCode::StaleVersion,
                             tr("The member was changed by someone else. Reload and try again."));
        if (role != Role::Owner && m_dialect.isSqlite()) {
            if (auto refused = refuseRootMember(
                    memberId,
                    tr("%1 holds the vault's root key (its fingerprint) and stays an Owner.")
                        .arg(before.name));
                !refused)
                return refused;
        }
        if (before.role == Role::Owner && role != Role::Owner) {
            auto owners = countOwners(database());
            if (!owners)
                return owners.error();
            if (*owners <= 1)
                return makeError(ErrorCode::InvalidInput,
                                 tr("A vault needs at least one Owner. Make someone else an Owner "
                                    "first."));
        }
        SqlQuery q(database());
        if (m_dialect.isSqlite()) {
            q.prepare(QStringLiteral("UPDATE members SET role = ?, version = version + 1 WHERE "
                                     "id = ? AND version = ?"));
            q.addBindValue(roleToInt(role));
            q.addBindValue(memberId);
            q.addBindValue(expectedVersion);
        } else {
            // Also moves the login to the new role's group, in this transaction.
            q.prepare(QStringLiteral("SELECT keyward_member_set_role(?, ?, ?)"));
            q.addBindValue(memberId);
            q.addBindValue(expectedVersion);
            q.addBindValue(roleToInt(role));
        }
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot change the member."));
        if (!m_dialect.isSqlite() && (!q.next() || q.value(0).isNull()))
            return makeError(ErrorCode::StaleVersion,
                             tr("The member was changed by someone else. Reload and try again."));
        changed = before;
        changed.role = role;
        changed.version = before.version + 1;
        // Before the member's key is certified anew: afterwards their good rows would not check.
        // Only a demotion uses them (to re-anchor and to deactivate keys above the new role);
        // finding them verifies every key the member made, which a promotion need not pay for.
        const bool demotion = !roleAtLeast(role, before.role);
        auto forged = demotion ? forgedKeysOf(memberId) : Result<QSet<qint64>>(QSet<qint64>());
        if (!forged)
            return forged.error();
        if (m_dialect.isSqlite() && isSignedVault()) {
            auto rows = VaultSigning::readMemberKeys(database());
            if (!rows)
                return rows.error();
            const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
            if (const MemberKeyRow *current = trust.currentKeyOf(memberId)) {
                MemberKeyRow row = *current;
                row.role = role;
                if (auto done = recertify(row); !done)
                    return done;
                if (before.role == Role::Owner && role != Role::Owner) {
                    if (auto done = reanchor(row.id, *forged); !done)
                        return done;
                }
            }
        }
        if (auto audited = appendAudit(QStringLiteral("member.role"), std::nullopt,
                                       toJson({{QStringLiteral("member"), before.name},
                                               {QStringLiteral("from"), roleCode(before.role)},
                                               {QStringLiteral("to"), roleCode(role)}}));
            !audited)
            return audited;
        // A demoted member keeps no power through keys above the new role. (A promoted one made
        // none above it: only a forged row could be, and it stays as it is, refused.)
        if (!demotion)
            return {};
        return deactivateKeysAbove(before, role, QStringLiteral("creator demoted"), *forged);
    });
    if (!written)
        return written.error();
    return changed;
}

Result<void> SqlKeyStore::removeMember(qint64 memberId)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto allowed = Permissions::mayManageMembers(*actor); !allowed)
        return allowed.error();
    return inMembersTransaction([&]() -> Result<void> {
        auto current = readCurrentMember(database(), memberId);
        if (!current)
            return current.error();
        const Member member = *current;
        if (member.role == Role::Owner) {
            auto owners = countOwners(database());
            if (!owners)
                return owners.error();
            if (*owners <= 1)
                return makeError(ErrorCode::InvalidInput, tr("The last Owner cannot be removed."));
        }
        auto forged = forgedKeysOf(memberId);
        if (!forged)
            return forged.error();
        if (m_dialect.isSqlite()) {
            if (auto refused = refuseRootMember(
                    memberId,
                    tr("%1 holds the vault's root key (its fingerprint) and cannot be removed.")
                        .arg(member.name));
                !refused)
                return refused;
            if (auto retired = retireKeysOf(memberId, *forged); !retired)
                return retired;
        }
        SqlQuery q(database());
        if (m_dialect.isSqlite()) {
            q.prepare(QStringLiteral("UPDATE members SET removed_at = ?, passphrase_hash = NULL, "
                                     "version = version + 1 WHERE id = ?"));
            q.addBindValue(m_clock.nowMs());
            q.addBindValue(memberId);
        } else {
            // Also revokes the login's groups; the login itself is the DBA's to drop.
            q.prepare(QStringLiteral("SELECT keyward_member_remove(?, ?)"));
            q.addBindValue(memberId);
            q.addBindValue(m_clock.nowMs());
        }
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot remove the member."));
        if (auto audited = appendAudit(QStringLiteral("member.remove"), std::nullopt,
                                       toJson({{QStringLiteral("member"), member.name}}));
            !audited)
            return audited;
        return deactivateKeysAbove(member, std::nullopt, QStringLiteral("creator removed"),
                                   *forged);
    });
}

} // namespace Keyward
