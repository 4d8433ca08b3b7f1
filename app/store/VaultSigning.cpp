#include "VaultSigning.h"

#include "KeyStore.h"
#include "SignatureAttestations.h"
#include "SignedKeyRow.h"
#include "SqlErrors.h"
#include "core/KeyStatus.h"
#include "crypto/Sha256.h"
#include "crypto/SigningKey.h"

#include <QPair>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <charconv>
#include <cstring>
#include <vector>

namespace Keyward {

namespace {

// Length-prefixed fields, as in AuditLog::canonical: no two different inputs share a form.
// Built in a buffer of its own, which a key's message (some hundred bytes, made for every key a
// verifier meets) fits: QByteArray::append is an out-of-line insert() that checks for aliasing
// and where to grow at each of a message's forty-odd calls (7 % of a pass over the keys).
class Canonical
{
public:
    explicit Canonical(const char *domain) { add(domain, std::strlen(domain)); }
    Canonical &add(const char *field, std::size_t size)
    {
        char length[8];
        qToBigEndian<quint64>(quint64(size), length);
        put(length, 8);
        put(field, size);
        return *this;
    }
    Canonical &add(const QByteArray &field)
    {
        return add(field.constData(), std::size_t(field.size()));
    }
    // Decimal, as QByteArray::number() writes it, without a buffer of its own.
    Canonical &add(qint64 value)
    {
        char digits[24];
        const char *end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        return add(digits, std::size_t(end - digits));
    }
    // UTF-8. ASCII (grants, customers, addresses) is narrowed in place, without a QByteArray.
    Canonical &add(const QString &text)
    {
        const QChar *chars = text.constData();
        const qsizetype size = text.size();
        for (qsizetype i = 0; i < size; ++i) {
            if (chars[i].unicode() >= 0x80)
                return add(text.toUtf8());
        }
        char length[8];
        qToBigEndian<quint64>(quint64(size), length);
        put(length, 8);
        char *out = grow(std::size_t(size));
        for (qsizetype i = 0; i < size; ++i)
            out[i] = char(chars[i].unicode());
        return *this;
    }
    // "-" for none cannot collide with a number.
    Canonical &add(const std::optional<qint64> &value) { return value ? add(*value) : add("-", 1); }
    QByteArray bytes() const { return QByteArray(data(), qsizetype(m_size)); }
    const char *data() const { return m_spilled.empty() ? m_inline : m_spilled.data(); }
    std::size_t size() const { return m_size; }

private:
    void put(const char *field, std::size_t size)
    {
        if (size != 0)
            std::memcpy(grow(size), field, size);
    }
    // Room for size more bytes at the end; moves to the heap past the inline buffer.
    char *grow(std::size_t size)
    {
        const std::size_t at = m_size;
        m_size += size;
        if (m_spilled.empty() && m_size <= sizeof m_inline)
            return m_inline + at;
        if (m_spilled.empty())
            m_spilled.assign(m_inline, m_inline + at);
        m_spilled.resize(m_size);
        return m_spilled.data() + at;
    }

    char m_inline[768];
    std::vector<char> m_spilled;
    std::size_t m_size = 0;
};

std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

} // namespace

QByteArray VaultSigning::certificateMessage(const MemberKeyRow &key)
{
    return Canonical("keyward-member-key-v1")
        .add(key.id)
        .add(key.memberId)
        .add(key.publicKey)
        .add(qint64(roleToInt(key.role)))
        .add(qint64(key.retired ? 1 : 0))
        .bytes();
}

QByteArray VaultSigning::keyMessage(const SignedKeyFields &f)
{
    Canonical out("keyward-key-v1");
    out.add(f.id)
        .add(f.version)
        .add(qint64(f.environment))
        .add(qint64(f.role))
        .add(f.grants)
        .add(qint64(f.state))
        .add(f.expiresAtMs)
        .add(qint64(f.rateCount))
        .add(qint64(f.rateUnit))
        .add(f.usageLimit)
        .add(f.customer)
        .add(f.allowedIps)
        .add(f.revokedAtMs)
        .add(qint64(f.flagged ? 1 : 0))
        .add(f.createdBy)
        .add(f.auditId)
        .add(qint64(f.secrets.size()));
    for (const SignedSecret &secret : f.secrets)
        out.add(secret.id).add(secret.hash).add(secret.retiresAtMs);
    return out.bytes();
}

QByteArray VaultSigning::attestationMessage(qint64 bucket, const QByteArray &entries)
{
    return Canonical("keyward-attestation-v1").add(bucket).add(entries).bytes();
}

QByteArray VaultSigning::auditMessage(const AuditEvent &event)
{
    return Canonical("keyward-audit-v1").add(event.id).add(event.hash).bytes();
}

bool VaultSigning::auditMayBeUnsigned(const QString &action)
{
    return action == QLatin1String("member.sign_in")
        || action == QLatin1String("member.sign_in_failed")
        || action == QLatin1String("member.key_pending");
}

Error VaultSigning::notCertifiedError()
{
    return makeError(ErrorCode::PermissionDenied,
                     tr("Your signing key is not certified yet, so your changes could not be "
                        "trusted. Ask an Owner to certify it (keywardctl member certify YOUR-NAME, "
                        "after comparing its fingerprint with you). Nothing was changed."));
}

Result<void> VaultSigning::checkSignatures(QSqlDatabase &db, AuditVerification &result)
{
    auto trust = VaultTrust::load(db);
    if (!trust)
        return trust.error();
    if (!trust->isSigned())
        return {};
    result.fingerprint = trust->fingerprint();
    auto broken = [&](qint64 id, const QString &problem) {
        if (!result.intact)
            return;
        result.intact = false;
        result.firstBadId = id;
        result.problem = problem;
    };
    SqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT a.id, a.at, a.actor, a.action, a.key_id, a.details, a.prev_hash, a.hash, "
            "s.signed_by, s.signature FROM audit_log a LEFT JOIN audit_signatures s ON "
            "s.audit_id = a.id ORDER BY a.id")))
        return SqlErrors::fromQuery(q, tr("Cannot read the audit log."));
    bool seenSigned = false;
    while (q.next()) {
        AuditEvent event;
        event.id = q.value(0).toLongLong();
        event.hash = q.value(7).toByteArray();
        const QString action = q.value(3).toString();
        if (!q.isNull(9)) {
            if (!trust->checkAudit(event, q.value(8).toLongLong(), q.value(9).toByteArray())) {
                broken(event.id,
                       tr("Audit row %1 carries a signature that no certified member "
                          "made: it was forged or altered.")
                           .arg(event.id));
                break;
            }
            seenSigned = true;
        } else if (seenSigned && !auditMayBeUnsigned(action)) {
            broken(event.id,
                   tr("Audit row %1 (%2) is not signed by a member: it was written "
                      "by someone with access to the file, not through Keyward.")
                       .arg(event.id)
                       .arg(action));
            break;
        }
    }
    q.finish();
    if (!seenSigned)
        broken(0,
               tr("The vault is signed, but none of its audit rows are: the signatures were "
                  "removed."));

    auto tampered = tamperedKeys(db, *trust);
    if (!tampered)
        return tampered.error();
    for (const TamperedKey &key : std::as_const(*tampered)) {
        result.tamperedKeys.append(key);
        broken(0,
               tr("Key %1 (\"%2\") was tampered with: %3. Verifiers answer it as not found.")
                   .arg(key.id)
                   .arg(key.name, key.problem));
    }
    return {};
}

Result<QVector<TamperedKey>> VaultSigning::tamperedKeys(QSqlDatabase &db, const VaultTrust &trust,
                                                        VerifiedSignatures *verified,
                                                        const std::atomic<bool> *stop)
{
    QVector<TamperedKey> tampered;
    if (!trust.isSigned())
        return tampered;
    // A check that may take what was verified before may take attestations too (one signature
    // per bucket instead of one per row); audit verify (verified null) checks every row itself.
    SignatureAttestations attested;
    if (verified) {
        if (auto read = attested.addAll(db, trust, verified); !read)
            return read.error();
    }
    auto visited = forEachStoredKey(db, [&](const StoredKeyRow &row) -> Result<void> {
        if (stop && stop->load(std::memory_order_relaxed))
            return makeError(ErrorCode::StorageError, tr("The check of the keys was stopped."));
        const VaultTrust::KeyVerdict verdict = trust.checkKey(
            row.fields, row.signedBy, row.signature, verified, verified ? &attested : nullptr);
        if (verdict != VaultTrust::KeyVerdict::Good)
            tampered.append({row.fields.id, row.name, VaultTrust::describe(verdict)});
        return {};
    });
    if (!visited)
        return visited.error();
    return tampered;
}

Result<void>
VaultSigning::forEachStoredKey(QSqlDatabase &db,
                               const std::function<Result<void>(const StoredKeyRow &)> &visit,
                               qint64 fromId, qint64 toId)
{
    // readKey()'s fields for every key, merged by key id with every secret (both ordered).
    SqlQuery keys(db);
    keys.setForwardOnly(true);
    keys.prepare(QString::fromLatin1(signedKeyRowSelect(", k.name")
                                     + " WHERE k.id >= ? AND k.id < ? ORDER BY k.id"));
    keys.addBindValue(fromId);
    keys.addBindValue(toId);
    if (!keys.exec())
        return SqlErrors::fromQuery(keys, tr("Cannot read the keys."));
    SqlQuery secrets(db);
    secrets.setForwardOnly(true);
    secrets.prepare(QStringLiteral("SELECT key_id, id, hash, retires_at FROM key_secrets WHERE "
                                   "key_id >= ? AND key_id < ? ORDER BY key_id, id"));
    secrets.addBindValue(fromId);
    secrets.addBindValue(toId);
    if (!secrets.exec())
        return SqlErrors::fromQuery(secrets, tr("Cannot read the keys."));
    bool secretAhead = secrets.next();
    while (keys.next()) {
        StoredKeyRow row;
        SignedKeyFields &f = row.fields;
        f = readSignedKeyFields(QueryRow(keys));
        f.auditId = keys.value(kSignedKeyColumnCount).toLongLong();
        // Secrets of keys that no longer exist (none in a sound vault) are passed over.
        while (secretAhead && secrets.value(0).toLongLong() < f.id)
            secretAhead = secrets.next();
        while (secretAhead && secrets.value(0).toLongLong() == f.id) {
            f.secrets.append({secrets.value(1).toLongLong(), secrets.value(2).toByteArray(),
                              optionalInt(secrets.value(3))});
            secretAhead = secrets.next();
        }
        const int signedBy = kSignedKeyColumnCount + 1;
        row.signedBy = keys.value(signedBy).toLongLong();
        row.signature = keys.value(signedBy + 1).toByteArray();
        row.name = keys.value(signedBy + 2).toString();
        if (auto visited = visit(row); !visited)
            return visited;
    }
    if (keys.lastError().isValid())
        return SqlErrors::fromQuery(keys, tr("Cannot read the keys."));
    return {};
}

Result<VaultTrust::KeyVerdict> checkStoredKey(QSqlDatabase &db, const VaultTrust &trust,
                                              qint64 keyId)
{
    auto fields = VaultSigning::readKey(db, keyId);
    if (!fields)
        return fields.error();
    SqlQuery sig(db);
    sig.prepare(QStringLiteral("SELECT signed_by, signature FROM key_signatures WHERE key_id = ?"));
    sig.addBindValue(keyId);
    if (!sig.exec())
        return SqlErrors::fromQuery(sig, VaultSigning::tr("Cannot read the key signatures."));
    qint64 signedBy = 0;
    QByteArray signature;
    if (sig.next()) {
        signedBy = sig.value(0).toLongLong();
        signature = sig.value(1).toByteArray();
    }
    return trust.checkKey(*fields, signedBy, signature);
}

Result<QByteArray> VaultSigning::readRootKey(QSqlDatabase &db)
{
    SqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT value FROM vault_meta WHERE name = 'root_key'")))
        return SqlErrors::fromQuery(q, tr("Cannot read the vault settings."));
    if (!q.next())
        return QByteArray();
    return QByteArray::fromBase64(q.value(0).toString().toLatin1());
}

Result<SignedKeyFields> VaultSigning::readKey(QSqlDatabase &db, qint64 keyId, AuditId auditId)
{
    SqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kSignedKeyColumns)
              + QStringLiteral(" FROM api_keys k WHERE k.id = ?"));
    q.addBindValue(keyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the key."));
    if (!q.next())
        return makeError(ErrorCode::NotFound, tr("There is no key with id %1.").arg(keyId));
    SignedKeyFields f = readSignedKeyFields(QueryRow(q));
    q.finish();
    q.prepare(QStringLiteral(
        "SELECT id, hash, retires_at FROM key_secrets WHERE key_id = ? ORDER BY id"));
    q.addBindValue(keyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the key."));
    while (q.next())
        f.secrets.append(
            {q.value(0).toLongLong(), q.value(1).toByteArray(), optionalInt(q.value(2))});
    q.finish();
    if (auditId == AuditId::Skip)
        return f;
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE key_id = ?"));
    q.addBindValue(keyId);
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot read the audit log."));
    f.auditId = q.value(0).toLongLong();
    q.finish();
    return f;
}

Result<QVector<MemberKeyRow>> VaultSigning::readMemberKeys(QSqlDatabase &db)
{
    SqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, member_id, public_key, role, retired, certified_by, "
                               "certificate FROM member_keys ORDER BY id")))
        return SqlErrors::fromQuery(q, tr("Cannot read the members' keys."));
    QVector<MemberKeyRow> rows;
    while (q.next()) {
        MemberKeyRow row;
        row.id = q.value(0).toLongLong();
        row.memberId = q.value(1).toLongLong();
        row.publicKey = q.value(2).toByteArray();
        // An unknown role trusts nothing above a Viewer.
        row.role = roleFromInt(q.value(3).toInt()).value_or(Role::Viewer);
        row.retired = q.value(4).toLongLong() != 0;
        row.certifiedBy = optionalInt(q.value(5));
        row.certificate = q.value(6).toByteArray();
        rows.append(row);
    }
    return rows;
}

Result<VaultTrust> VaultTrust::load(QSqlDatabase &db)
{
    auto root = VaultSigning::readRootKey(db);
    if (!root)
        return root.error();
    if (root->isEmpty())
        return VaultTrust();
    auto rows = VaultSigning::readMemberKeys(db);
    if (!rows)
        return rows.error();
    return fromRows(*root, *rows);
}

VaultTrust VaultTrust::fromRows(const QByteArray &rootKey, const QVector<MemberKeyRow> &rows)
{
    VaultTrust trust;
    trust.m_rootKey = rootKey;
    if (rootKey.size() != SigningKey::kPublicKeyBytes)
        return trust; // a damaged root trusts nobody
    auto certifiedBy = [](const MemberKeyRow &row, const MemberKeyRow &certifier) {
        return SigningKey::verify(certifier.publicKey, VaultSigning::certificateMessage(row),
                                  row.certificate);
    };
    for (const MemberKeyRow &row : rows) {
        if (row.certifiedBy == row.id && row.publicKey == rootKey && row.role == Role::Owner
            && certifiedBy(row, row)) {
            trust.m_trusted.insert(row.id, row);
            break;
        }
    }
    for (bool added = true; added;) {
        added = false;
        for (const MemberKeyRow &row : rows) {
            if (trust.m_trusted.contains(row.id) || !row.certifiedBy)
                continue;
            const auto certifier = trust.m_trusted.constFind(*row.certifiedBy);
            if (certifier == trust.m_trusted.constEnd() || certifier->retired
                || certifier->role != Role::Owner || !certifiedBy(row, *certifier))
                continue;
            trust.m_trusted.insert(row.id, row);
            added = true;
        }
    }
    return trust;
}

QString VaultTrust::fingerprint() const
{
    return isSigned() ? SigningKey::fingerprint(m_rootKey) : QString();
}

const MemberKeyRow *VaultTrust::key(qint64 id) const
{
    const auto it = m_trusted.constFind(id);
    return it == m_trusted.constEnd() ? nullptr : &*it;
}

const MemberKeyRow *VaultTrust::currentKeyOf(qint64 memberId) const
{
    for (const MemberKeyRow &row : m_trusted) {
        if (row.memberId == memberId && !row.retired)
            return &row;
    }
    return nullptr;
}

VerifiedSignatures &VerifiedSignatures::ofProcess()
{
    static VerifiedSignatures verified;
    return verified;
}

QByteArray VerifiedSignatures::digest(const QByteArray &publicKey, const QByteArray &message,
                                      const QByteArray &signature)
{
    Canonical canonical("keyward verified signature");
    canonical.add(publicKey).add(message).add(signature);
    return Sha256::hash(canonical.data(), canonical.size());
}

bool VerifiedSignatures::verify(const QByteArray &publicKey, const QByteArray &message,
                                const QByteArray &signature, const QByteArray &digest)
{
    if (contains(digest))
        return true;
    if (!SigningKey::verify(publicKey, message, signature))
        return false;
    insert(digest);
    return true;
}

bool VaultTrust::couldHaveMade(const MemberKeyRow &signer, const SignedKeyFields &fields)
{
    // Taking power away needs no rank; a key that grants power needs a signer who could have
    // granted it (Permissions::mayCreateKey, mayActOnKey).
    return fields.state != keyStateToInt(KeyState::Active)
        || (roleToInt(signer.role) >= roleToInt(Role::Developer)
            && roleToInt(signer.role) >= fields.role);
}

VaultTrust::KeyVerdict VaultTrust::checkKey(const SignedKeyFields &fields, qint64 signedBy,
                                            const QByteArray &signature,
                                            VerifiedSignatures *verified,
                                            const SignatureAttestations *attested) const
{
    if (signature.isEmpty())
        return KeyVerdict::Unsigned;
    const MemberKeyRow *signer = key(signedBy);
    if (!signer || signer->retired || !couldHaveMade(*signer, fields))
        return KeyVerdict::UntrustedSigner;
    const QByteArray message = VaultSigning::keyMessage(fields);
    QByteArray digest;
    if (verified || attested)
        digest = VerifiedSignatures::digest(signer->publicKey, message, signature);
    if (verified && verified->contains(digest))
        return KeyVerdict::Good;
    if (attested) {
        // The attester vouches only for rows it could have signed itself.
        const std::optional<SignatureAttestations::Attested> entry = attested->find(fields.id);
        const MemberKeyRow *attester = entry ? key(entry->attestedBy) : nullptr;
        if (attester && !attester->retired && entry->digest == digest
            && couldHaveMade(*attester, fields))
            return KeyVerdict::Good;
    }
    const bool good = verified ? verified->verify(signer->publicKey, message, signature, digest)
                               : SigningKey::verify(signer->publicKey, message, signature);
    return good ? KeyVerdict::Good : KeyVerdict::BadSignature;
}

bool VaultTrust::checkAudit(const AuditEvent &event, qint64 signedBy,
                            const QByteArray &signature) const
{
    const MemberKeyRow *signer = key(signedBy);
    return signer
        && SigningKey::verify(signer->publicKey, VaultSigning::auditMessage(event), signature);
}

QString VaultTrust::describe(KeyVerdict verdict)
{
    switch (verdict) {
    case KeyVerdict::Good:
        return tr("signed");
    case KeyVerdict::Unsigned:
        return tr("not signed");
    case KeyVerdict::BadSignature:
        return tr("its signature does not match its contents");
    case KeyVerdict::UntrustedSigner:
        return tr("signed by a key the vault's Owners did not certify for it");
    }
    return {};
}

} // namespace Keyward
