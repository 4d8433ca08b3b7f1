#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QMap>

#include <optional>

class QSqlDatabase;

namespace Keyward {

struct MemberKeyRow;
class VaultTrust;
class VerifiedSignatures;

// Signed lists of key-row signatures (schema 6, vault files): one member key's signature over the
// digests (VerifiedSignatures::digest) of the signatures of the key rows in one bucket of key ids.
// A verifier that checked the attestation once trusts the listed rows without an Ed25519
// verification each: a process that sees 100,000 keys for the first time makes ~400 of them, not
// 100,000 (~16 s of CPU).
//
// A digest states a fact that never turns false (this signature over this message verifies with
// this key), so an old attestation put back replays nothing: a row changed since has another
// message, hence another digest. What an attestation does not say is whether the attester is
// honest, so the attester is held to what it could have signed itself (VaultTrust::checkKey): a
// Developer's key cannot vouch for an Owner-role key's row.
//
// Writers (SqlKeyStore) list the signatures they make and every other signature of the bucket
// they verified themselves or listed before; another member's list is never carried forward
// unread, so a list states only what its attester made or checked.
class SignatureAttestations
{
    Q_DECLARE_TR_FUNCTIONS(SignatureAttestations)
public:
    static constexpr qint64 kKeysPerBucket = 256;
    static constexpr int kDigestBytes = 32;

    // Key id -> digest of its row's signature.
    using Entries = QMap<qint64, QByteArray>;

    // An attested row: valid until the attestations change (add(), clear()).
    struct Attested
    {
        qint64 attestedBy = 0; // the member key that signed the list
        QByteArrayView digest;
    };

    static qint64 bucketOf(qint64 keyId) { return keyId / kKeysPerBucket; }
    static QByteArray encode(const Entries &entries);
    // nullopt when malformed: a length that is not whole entries, a digest of the wrong size, ids
    // out of order or outside the bucket.
    static std::optional<Entries> decode(qint64 bucket, const QByteArray &encoded);
    static QByteArray message(qint64 bucket, const QByteArray &encoded);

    // A stored bucket, taken when its signature is good by a trusted, unretired member key.
    // verified: where attestations checked before are remembered (may be null).
    bool add(const VaultTrust &trust, qint64 bucket, qint64 signedBy, const QByteArray &encoded,
             const QByteArray &signature, VerifiedSignatures *verified);
    // Every bucket of the vault (for the whole-vault checks); none when the table does not exist.
    Result<void> addAll(QSqlDatabase &db, const VaultTrust &trust, VerifiedSignatures *verified);

    std::optional<Attested> find(qint64 keyId) const;
    qsizetype size() const { return m_keys; } // attested rows
    void clear()
    {
        m_buckets.clear();
        m_keys = 0;
    }

    // Whether a stored attestation verifies with the given member key.
    static bool verifies(const MemberKeyRow &attester, qint64 bucket, const QByteArray &encoded,
                         const QByteArray &signature, VerifiedSignatures *verified);

private:
    // Whether encoded is whole entries, ids ascending and inside the bucket (decode()'s checks).
    static bool isWellFormed(qint64 bucket, const QByteArray &encoded);

    // Kept as stored, a digest found by a binary search: a map entry and a copy of the digest per
    // row cost every verifier that sees 100,000 keys 200,000 allocations, on the first look-ups
    // of keys and again when the process exits.
    struct Bucket
    {
        qint64 attestedBy = 0;
        QByteArray encoded;
    };
    QHash<qint64, Bucket> m_buckets;
    qsizetype m_keys = 0;
};

} // namespace Keyward
