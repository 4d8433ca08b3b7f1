#include "SqlKeyStore.h"

#include "SqlKeyStoreRows.h"
#include "VaultSigning.h"
#include "VerifiedSignatures.h"

#include <QSqlQuery>

#include <limits>
#include <utility>

// SqlKeyStore's signatures on a vault file (schema 5): signing key rows, certifying member keys,
// re-anchoring what a retired or demoted key signed, and refusing tampered rows.

namespace Keyward {

using namespace StoreRows;

Result<void> SqlKeyStore::signKey(qint64 keyId, bool auditFollows)
{
    if (!m_dialect.isSqlite() || m_rootKey.isEmpty())
        return {};
    if (!m_signer)
        return VaultSigning::notCertifiedError();
    // The key's newest audit row is read only when it stays the one the signature names.
    auto fields = VaultSigning::readKey(database(), keyId,
                                        auditFollows ? VaultSigning::AuditId::Skip
                                                     : VaultSigning::AuditId::Read);
    if (!fields)
        return fields.error();
    if (auditFollows) {
        // The change's own audit row comes next, in this transaction (which holds the lock).
        SqlQuery next(database());
        if (!next.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log"))
            || !next.next())
            return SqlErrors::fromQuery(next, tr("Could not read the audit log."));
        fields->auditId = next.value(0).toLongLong();
    }
    const QByteArray message = VaultSigning::keyMessage(*fields);
    const QByteArray signature = m_signer->sign(message);
    if (signature.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not sign the change."));
    m_signedNow.insert(keyId,
                       VerifiedSignatures::digest(m_signer->publicKey(), message, signature));
    SqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO key_signatures (key_id, signed_by, signature) VALUES "
                             "(?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET signed_by = "
                             "excluded.signed_by, signature = excluded.signature"));
    q.addBindValue(keyId);
    q.addBindValue(m_signerKeyId);
    q.addBindValue(signature);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot sign the key."));
    return {};
}

Result<void> SqlKeyStore::attestSignedKeys()
{
    if (m_signedNow.isEmpty())
        return {};
    const SignatureAttestations::Entries signedNow = std::exchange(m_signedNow, {});
    if (!m_signer)
        return {};
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
    const MemberKeyRow *self = trust.key(m_signerKeyId);
    if (!self || self->retired)
        return {}; // a member retiring their own key: the rows verify one by one
    SignatureAttestations::Entries bucket;
    qint64 current = SignatureAttestations::bucketOf(signedNow.firstKey());
    for (auto it = signedNow.cbegin(); it != signedNow.cend(); ++it) {
        if (SignatureAttestations::bucketOf(it.key()) != current) {
            if (auto done = attestBucket(current, bucket, trust); !done)
                return done;
            bucket.clear();
            current = SignatureAttestations::bucketOf(it.key());
        }
        bucket.insert(it.key(), it.value());
    }
    return attestBucket(current, bucket, trust);
}

Result<void> SqlKeyStore::attestBucket(qint64 bucket,
                                       const SignatureAttestations::Entries &signedNow,
                                       const VaultTrust &trust)
{
    // The list is made from the bucket's rows as they are: the signatures this change made, and
    // every other whose own signature this member made or verified (in this process, or listed
    // in their own previous list of the bucket). Another member's list is never carried forward
    // unread: it would lend this member's word to whatever that one listed. Rows deleted since
    // drop out.
    SignatureAttestations::Entries entries;
    VerifiedSignatures &verified = VerifiedSignatures::ofProcess();
    auto listedBefore = ownPreviousList(bucket, trust);
    if (!listedBefore)
        return listedBefore.error();
    const qint64 fromId = bucket * SignatureAttestations::kKeysPerBucket;
    auto read = VaultSigning::forEachStoredKey(
        database(),
        [&](const VaultSigning::StoredKeyRow &row) -> Result<void> {
            const qint64 id = row.fields.id;
            if (signedNow.contains(id)) {
                entries.insert(id, signedNow.value(id));
                return {};
            }
            const MemberKeyRow *signer = trust.key(row.signedBy);
            if (!signer || row.signature.isEmpty())
                return {};
            const QByteArray message = VaultSigning::keyMessage(row.fields);
            const QByteArray digest =
                VerifiedSignatures::digest(signer->publicKey, message, row.signature);
            if (listedBefore->contains(digest)
                || verified.verify(signer->publicKey, message, row.signature, digest))
                entries.insert(id, digest);
            return {};
        },
        fromId,
        fromId > std::numeric_limits<qint64>::max() - SignatureAttestations::kKeysPerBucket
            ? std::numeric_limits<qint64>::max()
            : fromId + SignatureAttestations::kKeysPerBucket);
    if (!read)
        return read;
    SqlQuery q(database());
    if (entries.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM signature_attestations WHERE bucket = ?"));
        q.addBindValue(bucket);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot sign the key."));
        return {};
    }
    const QByteArray encoded = SignatureAttestations::encode(entries);
    const QByteArray signature = m_signer->sign(SignatureAttestations::message(bucket, encoded));
    if (signature.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not sign the change."));
    q.prepare(QStringLiteral("INSERT INTO signature_attestations (bucket, signed_by, entries, "
                             "signature) VALUES (?, ?, ?, ?) ON CONFLICT (bucket) DO UPDATE SET "
                             "signed_by = excluded.signed_by, entries = excluded.entries, "
                             "signature = excluded.signature"));
    q.addBindValue(bucket);
    q.addBindValue(m_signerKeyId);
    q.addBindValue(encoded);
    q.addBindValue(signature);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot sign the key."));
    return {};
}

Result<QSet<QByteArray>> SqlKeyStore::ownPreviousList(qint64 bucket, const VaultTrust &trust)
{
    QSet<QByteArray> digests;
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT entries, signature FROM signature_attestations WHERE bucket "
                             "= ? AND signed_by = ?"));
    q.addBindValue(bucket);
    q.addBindValue(m_signerKeyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the signature attestations."));
    if (!q.next())
        return digests;
    const QByteArray encoded = q.value(0).toByteArray();
    const auto entries = SignatureAttestations::decode(bucket, encoded);
    const MemberKeyRow *self = trust.key(m_signerKeyId);
    // Taken only when it verifies with this member's own key: then it is this member's word.
    if (entries && self
        && SignatureAttestations::verifies(*self, bucket, encoded, q.value(1).toByteArray(),
                                           &VerifiedSignatures::ofProcess())) {
        for (const QByteArray &digest : *entries)
            digests.insert(digest);
    }
    return digests;
}

Result<qint64> SqlKeyStore::insertMemberKey(qint64 memberId, Role role, const SigningKey &key,
                                            const QByteArray &sealed, bool certify)
{
    SqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO member_keys (member_id, public_key, sealed_key, role) "
                             "VALUES (?, ?, ?, ?) RETURNING id"));
    q.addBindValue(memberId);
    q.addBindValue(key.publicKey());
    q.addBindValue(sealed);
    q.addBindValue(roleToInt(role));
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot store the member's key."));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (certify) {
        if (auto done = recertify({id, memberId, key.publicKey(), role, false, {}, {}}); !done)
            return done.error();
    }
    return id;
}

Result<void> SqlKeyStore::recertify(const MemberKeyRow &row)
{
    if (!m_signer)
        return VaultSigning::notCertifiedError();
    MemberKeyRow certified = row;
    certified.certifiedBy = m_signerKeyId;
    const QByteArray certificate = m_signer->sign(VaultSigning::certificateMessage(certified));
    if (certificate.isEmpty())
        return makeError(ErrorCode::CryptoFailure, tr("Could not sign the change."));
    SqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE member_keys SET role = ?, retired = ?, certified_by = ?, "
                             "certificate = ? WHERE id = ?"));
    q.addBindValue(roleToInt(row.role));
    q.addBindValue(row.retired ? 1 : 0);
    q.addBindValue(m_signerKeyId);
    q.addBindValue(certificate);
    q.addBindValue(row.id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot certify the member's key."));
    return {};
}

Result<void> SqlKeyStore::reanchor(qint64 memberKeyId, const QSet<qint64> &forged)
{
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
    for (const MemberKeyRow &row : *rows) {
        if (row.id != memberKeyId && row.certifiedBy == memberKeyId && trust.key(row.id)) {
            if (auto done = recertify(row); !done)
                return done;
        }
    }
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT key_id FROM key_signatures WHERE signed_by = ?"));
    q.addBindValue(memberKeyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the key signatures."));
    QVector<qint64> keys;
    while (q.next())
        keys.append(q.value(0).toLongLong());
    for (qint64 keyId : keys) {
        // A row changed behind Keyward's back keeps its broken signature: signing it again
        // would make the forgery good.
        if (forged.contains(keyId))
            continue;
        if (auto signedAgain = signKey(keyId, false); !signedAgain)
            return signedAgain;
    }
    return {};
}

Result<QSet<qint64>> SqlKeyStore::forgedKeysOf(qint64 memberId)
{
    QSet<qint64> forged;
    if (!m_dialect.isSqlite() || m_rootKey.isEmpty())
        return forged;
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT k.id FROM api_keys k LEFT JOIN key_signatures s ON s.key_id "
                             "= k.id LEFT JOIN member_keys m ON m.id = s.signed_by WHERE "
                             "k.created_by = ? OR m.member_id = ?"));
    q.addBindValue(memberId);
    q.addBindValue(memberId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the member's keys."));
    QVector<qint64> keys;
    while (q.next())
        keys.append(q.value(0).toLongLong());
    q.finish();
    for (qint64 keyId : keys) {
        auto verdict = checkStoredKey(database(), trust, keyId);
        if (!verdict)
            return verdict.error();
        if (*verdict != VaultTrust::KeyVerdict::Good)
            forged.insert(keyId);
    }
    return forged;
}

Result<void> SqlKeyStore::refuseTampered(const ApiKey &key)
{
    if (!m_dialect.isSqlite() || m_rootKey.isEmpty())
        return {};
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    auto verdict = checkStoredKey(database(), VaultTrust::fromRows(m_rootKey, *rows), key.id);
    if (!verdict)
        return verdict.error();
    if (*verdict == VaultTrust::KeyVerdict::Good)
        return {};
    return makeError(ErrorCode::PermissionDenied,
                     tr("Key %1 (\"%2\") was tampered with: %3. Signing it again would make the "
                        "forged row trusted, so it can only be revoked or deleted. Nothing was "
                        "changed.")
                         .arg(key.id)
                         .arg(key.name, VaultTrust::describe(*verdict)));
}

Result<void> SqlKeyStore::refuseRootMember(qint64 memberId, const QString &message)
{
    if (m_rootKey.isEmpty())
        return {};
    SqlQuery q(database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM member_keys WHERE member_id = ? AND "
                             "public_key = ?"));
    q.addBindValue(memberId);
    q.addBindValue(m_rootKey);
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot read the members' keys."));
    if (q.value(0).toInt() > 0)
        return makeError(ErrorCode::InvalidInput, message);
    return {};
}

Result<void> SqlKeyStore::retireKeysOf(qint64 memberId, const QSet<qint64> &forged)
{
    if (!m_dialect.isSqlite() || m_rootKey.isEmpty())
        return {};
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
    for (MemberKeyRow row : *rows) {
        if (row.memberId != memberId || row.retired)
            continue;
        if (!trust.key(row.id)) {
            // Never certified: nothing signed by it counts; just keep it from being used.
            SqlQuery q(database());
            q.prepare(QStringLiteral("UPDATE member_keys SET retired = 1 WHERE id = ?"));
            q.addBindValue(row.id);
            if (!q.exec())
                return SqlErrors::fromQuery(q, tr("Cannot retire the member's key."));
            continue;
        }
        row.retired = true;
        if (auto done = recertify(row); !done)
            return done;
        if (auto done = reanchor(row.id, forged); !done)
            return done;
    }
    return {};
}

Result<void> SqlKeyStore::signVault(qint64 memberKeyId, SigningKey key)
{
    const QByteArray publicKey = key.publicKey();
    m_signer = std::move(key);
    m_signerKeyId = memberKeyId;
    auto written = inWriteTransaction([&]() -> Result<void> {
        if (!m_rootKey.isEmpty())
            return makeError(ErrorCode::StaleVersion,
                             tr("Another Owner signed the vault meanwhile."));
        MemberKeyRow root {memberKeyId, m_member->id, publicKey, Role::Owner, false, {}, {}};
        m_rootKey = publicKey;
        if (auto certified = recertify(root); !certified)
            return certified;
        SqlQuery q(database());
        q.prepare(QStringLiteral("INSERT INTO vault_meta (name, value) VALUES ('root_key', ?)"));
        q.addBindValue(QString::fromLatin1(publicKey.toBase64()));
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot sign the vault."));
        QVector<qint64> keys;
        if (!q.exec(QStringLiteral("SELECT id FROM api_keys ORDER BY id")))
            return SqlErrors::fromQuery(q, tr("Cannot read the keys."));
        while (q.next())
            keys.append(q.value(0).toLongLong());
        for (qint64 keyId : keys) {
            if (auto signedKey = signKey(keyId, false); !signedKey)
                return signedKey;
        }
        return appendAudit(QStringLiteral("vault.sign"), std::nullopt,
                           toJson({{QStringLiteral("fingerprint"), fingerprint()},
                                   {QStringLiteral("keys"), double(keys.size())}}));
    });
    if (!written) {
        m_signer.reset();
        m_signerKeyId = 0;
        auto root = VaultSigning::readRootKey(database());
        m_rootKey = root ? *root : QByteArray();
    }
    return written;
}

void SqlKeyStore::adoptSigningKey(const Member &member, SignInProof proof, qint64 keyId)
{
    m_signer.reset();
    m_signerKeyId = 0;
    if (!m_dialect.isSqlite() || !m_auditsSignIns)
        return;
    std::optional<SigningKey> &key = proof.key;
    if (!key) {
        qWarning("Keyward: could not make a signing key for the member.");
        return;
    }
    if (!proof.sealedNewKey.isEmpty()) {
        // Made at this sign-in (SignInChallenge::answer): kept, waiting for a certificate.
        auto inserted = inWriteTransaction(
            [&]() -> Result<void> {
                auto id = insertMemberKey(member.id, member.role, *key, proof.sealedNewKey, false);
                if (!id)
                    return id.error();
                keyId = *id;
                return appendAudit(
                    QStringLiteral("member.key_pending"), std::nullopt,
                    toJson({{QStringLiteral("member"), member.name},
                            {QStringLiteral("key"), SigningKey::fingerprint(key->publicKey())}}));
            },
            ChangeSeq::Keep);
        if (!inserted) {
            qWarning("Keyward: could not store the member's signing key: %s",
                     qPrintable(inserted.errorMessage()));
            return;
        }
    }
    if (m_rootKey.isEmpty()) {
        if (member.role != Role::Owner)
            return;
        if (auto signedVault = signVault(keyId, std::move(*key)); !signedVault)
            qWarning("Keyward: could not sign the vault: %s",
                     qPrintable(signedVault.errorMessage()));
        return;
    }
    auto trust = VaultTrust::load(database());
    if (!trust)
        return;
    const MemberKeyRow *current = trust->currentKeyOf(member.id);
    if (current && current->id == keyId && current->publicKey == key->publicKey()) {
        m_signer = std::move(key);
        m_signerKeyId = keyId;
    }
}

QString SqlKeyStore::fingerprint() const
{
    return m_rootKey.isEmpty() ? QString() : SigningKey::fingerprint(m_rootKey);
}

Result<QPair<QString, bool>> SqlKeyStore::memberKeyFingerprint(qint64 memberId)
{
    auto rows = VaultSigning::readMemberKeys(database());
    if (!rows)
        return rows.error();
    const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
    for (auto it = rows->crbegin(); it != rows->crend(); ++it) {
        if (it->memberId == memberId && !it->retired)
            return qMakePair(SigningKey::fingerprint(it->publicKey), trust.key(it->id) != nullptr);
    }
    return makeError(ErrorCode::NotFound,
                     tr("The member has no signing key yet: it is made when they next sign in."));
}

Result<void> SqlKeyStore::certifyMember(qint64 memberId)
{
    auto actor = requireMember();
    if (!actor)
        return actor.error();
    if (auto allowed = Permissions::mayManageMembers(*actor); !allowed)
        return allowed;
    if (!isSignedVault())
        return makeError(ErrorCode::InvalidInput,
                         tr("This vault is not signed: there is nothing to certify."));
    if (!m_signer)
        return VaultSigning::notCertifiedError();
    return inWriteTransaction([&]() -> Result<void> {
        auto member = readCurrentMember(database(), memberId);
        if (!member)
            return member.error();
        auto rows = VaultSigning::readMemberKeys(database());
        if (!rows)
            return rows.error();
        const VaultTrust trust = VaultTrust::fromRows(m_rootKey, *rows);
        for (auto it = rows->crbegin(); it != rows->crend(); ++it) {
            if (it->memberId != memberId || it->retired)
                continue;
            if (trust.key(it->id))
                return makeError(ErrorCode::InvalidInput,
                                 tr("The key of %1 is already certified.").arg(member->name));
            MemberKeyRow row = *it;
            row.role = member->role;
            if (auto done = recertify(row); !done)
                return done;
            return appendAudit(
                QStringLiteral("member.certify"), std::nullopt,
                toJson({{QStringLiteral("member"), member->name},
                        {QStringLiteral("key"), SigningKey::fingerprint(row.publicKey)}}));
        }
        return makeError(
            ErrorCode::NotFound,
            tr("%1 has no signing key yet: it is made when they next sign in.").arg(member->name));
    });
}

} // namespace Keyward
