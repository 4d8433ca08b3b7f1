#include "SignatureAttestations.h"

#include "SqlErrors.h"
#include "SqlQuery.h"
#include "VaultSigning.h"
#include "VerifiedSignatures.h"
#include "crypto/SigningKey.h"

#include <QSqlDatabase>
#include <QtEndian>

namespace Keyward {

namespace {

constexpr int kIdBytes = 8;
constexpr int kEntryBytes = kIdBytes + SignatureAttestations::kDigestBytes;

qint64 idAt(const QByteArray &encoded, qsizetype entry)
{
    return qFromBigEndian<qint64>(encoded.constData() + entry * kEntryBytes);
}

} // namespace

QByteArray SignatureAttestations::encode(const Entries &entries)
{
    QByteArray out;
    out.reserve(int(entries.size()) * kEntryBytes);
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        char id[kIdBytes];
        qToBigEndian<qint64>(it.key(), id);
        out.append(id, kIdBytes);
        out.append(it.value());
    }
    return out;
}

bool SignatureAttestations::isWellFormed(qint64 bucket, const QByteArray &encoded)
{
    if (encoded.size() % kEntryBytes != 0)
        return false;
    qint64 previous = -1;
    for (qsizetype entry = 0; entry < encoded.size() / kEntryBytes; ++entry) {
        const qint64 id = idAt(encoded, entry);
        if (id <= previous || bucketOf(id) != bucket || id < 0)
            return false;
        previous = id;
    }
    return true;
}

std::optional<SignatureAttestations::Entries>
SignatureAttestations::decode(qint64 bucket, const QByteArray &encoded)
{
    if (!isWellFormed(bucket, encoded))
        return std::nullopt;
    Entries entries;
    for (qsizetype at = 0; at < encoded.size(); at += kEntryBytes)
        entries.insert(qFromBigEndian<qint64>(encoded.constData() + at),
                       encoded.mid(at + kIdBytes, kDigestBytes));
    return entries;
}

QByteArray SignatureAttestations::message(qint64 bucket, const QByteArray &encoded)
{
    return VaultSigning::attestationMessage(bucket, encoded);
}

bool SignatureAttestations::verifies(const MemberKeyRow &attester, qint64 bucket,
                                     const QByteArray &encoded, const QByteArray &signature,
                                     VerifiedSignatures *verified)
{
    const QByteArray signedMessage = message(bucket, encoded);
    return verified ? verified->verify(attester.publicKey, signedMessage, signature)
                    : SigningKey::verify(attester.publicKey, signedMessage, signature);
}

bool SignatureAttestations::add(const VaultTrust &trust, qint64 bucket, qint64 signedBy,
                                const QByteArray &encoded, const QByteArray &signature,
                                VerifiedSignatures *verified)
{
    const MemberKeyRow *attester = trust.key(signedBy);
    if (!attester || attester->retired)
        return false;
    if (!isWellFormed(bucket, encoded)
        || !verifies(*attester, bucket, encoded, signature, verified))
        return false;
    Bucket &stored = m_buckets[bucket];
    m_keys += (encoded.size() - stored.encoded.size()) / kEntryBytes;
    stored = {signedBy, encoded};
    return true;
}

Result<void> SignatureAttestations::addAll(QSqlDatabase &db, const VaultTrust &trust,
                                           VerifiedSignatures *verified)
{
    if (!db.tables().contains(QStringLiteral("signature_attestations")))
        return {}; // a vault file read before its upgrade to schema 6
    SqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT bucket, signed_by, entries, signature FROM signature_attestations")))
        return SqlErrors::fromQuery(q, tr("Cannot read the signature attestations."));
    while (q.next())
        add(trust, q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toByteArray(),
            q.value(3).toByteArray(), verified);
    if (q.lastError().isValid())
        return SqlErrors::fromQuery(q, tr("Cannot read the signature attestations."));
    return {};
}

std::optional<SignatureAttestations::Attested> SignatureAttestations::find(qint64 keyId) const
{
    const auto bucket = m_buckets.constFind(bucketOf(keyId));
    if (bucket == m_buckets.cend())
        return std::nullopt;
    const QByteArray &encoded = bucket->encoded;
    qsizetype low = 0; // the ids ascend (isWellFormed())
    qsizetype high = encoded.size() / kEntryBytes;
    while (low < high) {
        const qsizetype middle = low + (high - low) / 2;
        if (idAt(encoded, middle) < keyId)
            low = middle + 1;
        else
            high = middle;
    }
    if (low == encoded.size() / kEntryBytes || idAt(encoded, low) != keyId)
        return std::nullopt;
    return Attested {
        bucket->attestedBy,
        QByteArrayView(encoded.constData() + low * kEntryBytes + kIdBytes, kDigestBytes)};
}

} // namespace Keyward
