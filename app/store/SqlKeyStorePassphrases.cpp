#include "SqlKeyStore.h"

#include "SqlKeyStoreRows.h"
#include "VaultSigning.h"
#include "crypto/PassphraseHasher.h"

#include <QSqlQuery>

// SqlKeyStore's passphrases (vault files only): an Owner's reset and a member's own change, with
// the member's signing key resealed or replaced in the same transaction.

namespace Keyward {

using namespace StoreRows;

namespace {

// The PHC string sign-in checks against; empty for NULL (a member copied from a server).
Result<QString> readPassphraseHash(QSqlDatabase &db, qint64 memberId)
{
    SqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT passphrase_hash FROM members WHERE id = ? AND removed_at IS NULL"));
    q.addBindValue(memberId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, SqlKeyStore::tr("Cannot read the members."));
    if (!q.next())
        return makeError(ErrorCode::NotFound, SqlKeyStore::tr("There is no such member."));
    return q.value(0).toString();
}

Error serverKeepsPasswords()
{
    return makeError(ErrorCode::InvalidInput,
                     SqlKeyStore::tr("On a server vault the database server checks the "
                                     "passwords; Keyward keeps none. Change it on the server: "
                                     "with \\password in psql for your own login, or a database "
                                     "administrator with ALTER ROLE … PASSWORD."));
}

} // namespace

Result<void> SqlKeyStore::setMemberPassphrase(qint64 memberId, const SecretString &newPassphrase)
{
    if (!m_dialect.isSqlite())
        return serverKeepsPasswords();
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    auto target = readCurrentMember(database(), memberId);
    if (!target)
        return target.error();
    // Being signed in is not proof enough for one's own: the screen may have been left alone.
    if (target->id == actor->id)
        return makeError(ErrorCode::AuthenticationFailed,
                         tr("Enter your current passphrase to change your own."));
    for (const Result<void> &check :
         {Permissions::mayChangePassphrase(*actor, *target),
          Permissions::validatePassphraseLength(int(newPassphrase.size()))}) {
        if (!check)
            return check.error();
    }
    if (!isSignedVault())
        return writePassphrase(*target, newPassphrase, std::nullopt, {});
    // A reset replaces the member's key: the old one is retired (what it signed is signed
    // again by this Owner) and a new one, sealed with the new passphrase, certified.
    if (!m_signer)
        return VaultSigning::notCertifiedError();
    if (auto refused = refuseRootMember(
            target->id,
            tr("%1 holds the vault's root key: only they can change their passphrase.")
                .arg(target->name));
        !refused)
        return refused;
    std::optional<SigningKey> key = SigningKey::generate();
    const QByteArray sealed = key ? key->seal(newPassphrase) : QByteArray();
    if (sealed.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not make the member's signing key."));
    return writePassphrase(*target, newPassphrase, std::nullopt, [&]() -> Result<void> {
        auto forged = forgedKeysOf(target->id);
        if (!forged)
            return forged.error();
        if (auto retired = retireKeysOf(target->id, *forged); !retired)
            return retired;
        auto keyId = insertMemberKey(target->id, target->role, *key, sealed, true);
        if (!keyId)
            return keyId.error();
        return {};
    });
}

Result<void> SqlKeyStore::changeOwnPassphrase(const SecretString &currentPassphrase,
                                              const SecretString &newPassphrase)
{
    if (!m_dialect.isSqlite())
        return serverKeepsPasswords();
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    // Checked first: a new passphrase that cannot be used is no reason to spend an Argon2 run.
    if (auto valid = Permissions::validatePassphraseLength(int(newPassphrase.size())); !valid)
        return valid.error();
    auto stored = readPassphraseHash(database(), actor->id);
    if (!stored)
        return stored.error();
    // Argon2 in constant time, as at sign-in; a NULL hash (none yet) matches nothing.
    if (!PassphraseHasher::verify(currentPassphrase, *stored))
        return makeError(ErrorCode::AuthenticationFailed,
                         tr("Wrong current passphrase. Your passphrase was not changed."));
    // The member's key, sealed again with the new passphrase (the same key pair).
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT id, public_key, sealed_key FROM member_keys WHERE "
                             "member_id = ? AND retired = 0 AND sealed_key IS NOT NULL ORDER BY "
                             "id DESC LIMIT 1"));
    q.addBindValue(actor->id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the members."));
    if (!q.next())
        return writePassphrase(*actor, newPassphrase, *stored, {});
    const qint64 keyId = q.value(0).toLongLong();
    const QByteArray publicKey = q.value(1).toByteArray();
    const QByteArray oldSealed = q.value(2).toByteArray();
    q.finish();
    QByteArray sealed;
    if (m_signer && m_signerKeyId == keyId) {
        sealed = m_signer->seal(newPassphrase);
    } else if (auto key = SigningKey::unseal(oldSealed, currentPassphrase, publicKey)) {
        sealed = key->seal(newPassphrase);
    }
    if (sealed.isEmpty())
        return makeError(ErrorCode::CryptoFailure,
                         tr("Could not seal your signing key with the new passphrase. Your "
                            "passphrase was not changed."));
    return writePassphrase(*actor, newPassphrase, *stored, [&]() -> Result<void> {
        SqlQuery update(database());
        update.prepare(QStringLiteral("UPDATE member_keys SET sealed_key = ? WHERE id = ?"));
        update.addBindValue(sealed);
        update.addBindValue(keyId);
        if (!update.exec())
            return SqlErrors::fromQuery(update, tr("Cannot change the passphrase."));
        return {};
    });
}

Result<void> SqlKeyStore::writePassphrase(const Member &target, const SecretString &newPassphrase,
                                          const std::optional<QString> &expectedHash,
                                          const std::function<Result<void>()> &keyWork)
{
    // Hashed before the transaction: Argon2 takes a moment, and other writers should not wait.
    const QString phc = PassphraseHasher::hash(newPassphrase);
    if (phc.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not hash the passphrase."));
    auto written = inWriteTransaction([&]() -> Result<void> {
        // Removed meanwhile? Then nobody should be able to sign in as them again.
        auto current = readCurrentMember(database(), target.id);
        if (!current)
            return current.error();
        SqlQuery q(database());
        // With the hash the current passphrase was checked against: an Owner's reset in between
        // is not silently undone by a check against the passphrase it replaced.
        q.prepare(QStringLiteral("UPDATE members SET passphrase_hash = ?, version = version + 1 "
                                 "WHERE id = ? AND removed_at IS NULL")
                  + (expectedHash ? QStringLiteral(" AND passphrase_hash = ?") : QString()));
        q.addBindValue(phc);
        q.addBindValue(target.id);
        if (expectedHash)
            q.addBindValue(*expectedHash);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot change the passphrase."));
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::StaleVersion,
                             tr("Your passphrase was changed by someone else meanwhile. Nothing "
                                "was changed."));
        if (keyWork) {
            if (auto done = keyWork(); !done)
                return done;
        }
        // Who set it is the row's actor; the passphrase and its hash stay out of the log.
        return appendAudit(QStringLiteral("member.passphrase"), std::nullopt,
                           toJson({{QStringLiteral("member"), current->name}}));
    });
    if (!written)
        return written;
    if (m_member && m_member->id == target.id)
        ++m_member->version;
    return {};
}

} // namespace Keyward
