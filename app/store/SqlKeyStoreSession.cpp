#include "SqlKeyStore.h"

#include "SqlKeyStoreRows.h"
#include "VaultSigning.h"
#include "crypto/PassphraseHasher.h"

#include <QSqlQuery>

// SqlKeyStore's sessions: signing in (passphrase or server login), the audit of every attempt,
// and the member check every change starts with.

namespace Keyward {

using namespace StoreRows;

void SqlKeyStore::auditSignIn(bool succeeded, const std::optional<QString> &memberName)
{
    if (!m_auditsSignIns)
        return;
    QJsonObject details;
    if (memberName && !succeeded)
        details.insert(QStringLiteral("member"), *memberName);
    // A failed attempt is nobody's ("system"), whoever was signed in on this connection before.
    const std::optional<Member> signedIn =
        succeeded ? m_member : std::exchange(m_member, std::nullopt);
    // No change counter: a sign-in changes nothing a window or a verifier's cache shows, and
    // every keywardctl command signs in.
    const Result<void> written = inWriteTransaction(
        [&]() -> Result<void> {
            return appendAudit(succeeded ? QStringLiteral("member.sign_in")
                                         : QStringLiteral("member.sign_in_failed"),
                               std::nullopt, toJson(details));
        },
        ChangeSeq::Keep);
    m_member = signedIn;
    if (!written)
        qWarning("Keyward: the sign-in could not be audited: %s",
                 qPrintable(written.errorMessage()));
}

Result<Member> SqlKeyStore::signIn(const QString &memberName, const SecretString &passphrase)
{
    auto challenge = signInChallenge(memberName);
    if (!challenge)
        return challenge.error();
    return completeSignIn(*challenge, challenge->answer(passphrase));
}

SignInProof SignInChallenge::answer(const SecretString &passphrase) const
{
    SignInProof proof;
    if (server)
        return proof;
    if (!member) {
        // Spend the same time as a real check so timing does not reveal member names. A fixed
        // hash with the real parameters: computing one here would cost a second Argon2 run.
        static const QString dummy =
            QStringLiteral("$argon2id$v=19$m=65536,t=3,p=1$qko9WguMzSFHcPoQx17WDQ$"
                           "OVk35LaCYQPRnYVv3r3J3Ert5dWdJ09ZPQOEoQmKVx4");
        PassphraseHasher::verify(passphrase, dummy);
        return proof;
    }
    // A member with a key proves the passphrase by unsealing it: one Argon2id run.
    if (keyId != 0) {
        proof.key = SigningKey::unseal(sealedKey, passphrase, publicKey);
        proof.passed = proof.key.has_value();
        return proof;
    }
    proof.passed = PassphraseHasher::verify(passphrase, phc);
    if (proof.passed && makesKey) {
        // The first sign-in since schema 5: a key pair of their own, sealed with the passphrase.
        proof.key = SigningKey::generate();
        proof.sealedNewKey = proof.key ? proof.key->seal(passphrase) : QByteArray();
        if (proof.sealedNewKey.isEmpty())
            proof.key.reset(); // a key that cannot be kept is not used
    }
    return proof;
}

Result<SignInChallenge> SqlKeyStore::signInChallenge(const QString &memberName)
{
    SignInChallenge challenge;
    challenge.memberName = memberName;
    if (!m_dialect.isSqlite()) {
        challenge.server = true;
        return challenge;
    }
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns
              + QStringLiteral(", passphrase_hash FROM members WHERE lower(name) = lower(?) AND "
                               "removed_at IS NULL"));
    q.addBindValue(memberName);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    if (!q.next())
        return challenge;
    const Member member = memberFromRow(q);
    challenge.phc = q.value(5).toString();
    const bool roleKnown = roleFromInt(q.value(2).toInt()).has_value();
    q.finish();
    // (No hash at all is a member who never set a passphrase here, e.g. copied from a server.)
    if (!roleKnown || (!challenge.phc.isEmpty() && !PassphraseHasher::isWellFormed(challenge.phc)))
        return memberDamaged(member.id);
    challenge.member = member;
    q.prepare(QStringLiteral("SELECT id, public_key, sealed_key FROM member_keys WHERE "
                             "member_id = ? AND retired = 0 AND sealed_key IS NOT NULL ORDER BY "
                             "id DESC LIMIT 1"));
    q.addBindValue(member.id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    if (q.next()) {
        challenge.keyId = q.value(0).toLongLong();
        challenge.publicKey = q.value(1).toByteArray();
        challenge.sealedKey = q.value(2).toByteArray();
    }
    q.finish();
    challenge.makesKey = challenge.keyId == 0 && m_auditsSignIns;
    return challenge;
}

Result<Member> SqlKeyStore::completeSignIn(const SignInChallenge &challenge, SignInProof proof)
{
    if (challenge.server)
        return signInPostgres(challenge.memberName);
    const Error refused =
        makeError(ErrorCode::AuthenticationFailed, tr("Wrong member name or passphrase."));
    if (!challenge.member) {
        // A name no member has is usually a typo; but when a member's row is damaged, the
        // honest answer is that the vault is.
        if (auto damaged = damagedMember(); !damaged)
            return damaged.error();
        auditSignIn(false, std::nullopt);
        return refused;
    }
    const Member &member = *challenge.member;
    if (!proof.passed) {
        auditSignIn(false, member.name);
        return refused;
    }
    // The passphrase was checked against the row as read before (a window waits seconds for a
    // large vault's full check meanwhile): a member removed, given another role or passphrase
    // since is not signed in on the old one.
    auto current = signInChallenge(challenge.memberName);
    if (!current)
        return current.error();
    if (!current->member || current->member->id != member.id) {
        auditSignIn(false, member.name); // removed meanwhile: no such member any more
        return refused;
    }
    if (current->member->role != member.role || current->member->version != member.version
        || current->phc != challenge.phc || current->keyId != challenge.keyId) {
        auditSignIn(false, member.name);
        return makeError(ErrorCode::StaleVersion,
                         tr("%1's membership or passphrase changed while the passphrase was "
                            "checked. Sign in again.")
                             .arg(member.name));
    }
    m_signer.reset(); // the previous member's, if this connection had one
    m_signerKeyId = 0;
    m_member = member;
    auditSignIn(true, member.name);
    adoptSigningKey(member, std::move(proof), challenge.keyId);
    return member;
}

Error SqlKeyStore::memberDamaged(qint64 memberId) const
{
    return makeError(ErrorCode::VaultCorrupt,
                     tr("%1 is damaged: the record of member #%2 cannot be read, so no "
                        "passphrase can be checked against it. Restore the vault from a backup.")
                         .arg(m_location)
                         .arg(memberId));
}

Result<void> SqlKeyStore::damagedMember() const
{
    // Members are few: reading them all costs nothing next to the Argon2 check just spent.
    SqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, role, passphrase_hash FROM members WHERE "
                               "removed_at IS NULL")))
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    while (q.next()) {
        const QString phc = q.value(3).toString();
        const QString name = q.value(1).toString();
        // (U+FFFD: bytes that were not UTF-8, which Keyward never stores.)
        if (!Permissions::validateMemberName(name) || name.contains(QChar::ReplacementCharacter)
            || !roleFromInt(q.value(2).toInt())
            || (!phc.isEmpty() && !PassphraseHasher::isWellFormed(phc)))
            return memberDamaged(q.value(0).toLongLong());
    }
    return {};
}

Result<Member> SqlKeyStore::signInPostgres(const QString &memberName)
{
    if (!memberName.isEmpty() && memberName != m_serverLogin)
        return makeError(ErrorCode::AuthenticationFailed,
                         tr("You are connected to %1 as \"%2\". On a server vault you act as "
                            "your database login: connect as \"%3\" to act as that member.")
                             .arg(m_location, m_serverLogin, memberName));
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns
              + QStringLiteral(" FROM members WHERE name = ? AND removed_at IS NULL"));
    q.addBindValue(m_serverLogin);
    if (!q.exec()) {
        const Error error = SqlErrors::fromQuery(q, tr("Cannot read the members."));
        if (error.code != ErrorCode::PermissionDenied)
            return error;
    } else if (q.next()) {
        m_member = memberFromRow(q);
        q.finish();
        auditSignIn(true, m_member->name);
        return *m_member;
    }
    return makeError(ErrorCode::AuthenticationFailed,
                     tr("The database login \"%1\" is not a member of the Keyward vault in %2. "
                        "An Owner can add it.")
                         .arg(m_serverLogin, m_location));
}

void SqlKeyStore::signOut()
{
    m_member.reset();
    m_signer.reset();
    m_signerKeyId = 0;
}

Result<Member> SqlKeyStore::requireMember() const
{
    if (!m_member)
        return makeError(ErrorCode::PermissionDenied, tr("Sign in first."));
    // Re-read the role: another Owner may have demoted or removed this member meanwhile.
    // On a server, removal also takes the login's groups and with them USAGE on the schema.
    // PostgreSQL then drops "public" from the search path whenever it next recomputes it, so an
    // unqualified "members" would be refused at one moment and "does not exist" at another. The
    // qualified name is refused every time.
    const QString members =
        m_dialect.isSqlite() ? QStringLiteral("members") : QStringLiteral("public.members");
    const Error removed =
        makeError(ErrorCode::PermissionDenied, tr("Your membership of this vault was removed."));
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns + QStringLiteral(" FROM ") + members
              + QStringLiteral(" WHERE id = ? AND removed_at IS NULL"));
    q.addBindValue(m_member->id);
    if (!q.exec()) {
        if (!m_dialect.isSqlite() && SqlErrors::isPermissionDenied(q.lastError()))
            return removed;
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    }
    if (!q.next())
        return removed;
    return memberFromRow(q);
}

} // namespace Keyward
