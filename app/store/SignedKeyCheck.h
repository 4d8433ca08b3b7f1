#pragma once

#include "SignatureAttestations.h"
#include "SignedKeyRow.h"
#include "VaultSigning.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace Keyward {

struct SecretMatch;
class SqliteStatement;

// A verifier's check of a key row found by its secret, made once per cache entry (the look-up
// runs only on a cache miss): the row as read must be the row that was signed. A vault that is
// not signed (yet) passes; one whose root differs from the one first seen (or pinned) passes
// nothing.
//
// Every first verification of a key pays this, so it reads as little as it can. A key with one
// secret comes with the look-up's own row (lookupColumns(), fromLookup()): nothing more is read.
// Otherwise natively (SqliteStatement, prepared once): the signed fields, the signature and the
// key's newest audit id in one statement, its secrets in a second run inside the first's read
// snapshot. Through Qt SQL (readKey() and a signature query, four statements prepared per call)
// the reads cost more than the Ed25519 verification itself. The Ed25519 verification itself is paid
// once per bucket of 256 keys when the vault's signature attestations cover the row
// (SignatureAttestations), else once per row.
class SignedKeyCheck
{
    Q_DECLARE_TR_FUNCTIONS(SignedKeyCheck)
public:
    enum class Outcome { Trusted, Changed, Tampered };

    // A key row with what its signature covers, as read for the check.
    struct KeyRow
    {
        SignedKeyFields fields;
        qint64 signedBy = 0;
        QByteArray signature;
    };

    // What a look-up of a secret (key_secrets s joined to api_keys k) selects after its own
    // columns so that the check needs no statement of its own: the signed columns, the audit id
    // and signature (the key's signature joined as g, kLookupJoin), and how many secrets the
    // key has. One statement instead of three: about 8 % of a first verification's instructions.
    static QByteArray lookupColumns();
    static constexpr const char *kLookupJoin = kKeySignatureJoin;
    // The row from those columns (the first at `first`) and the secret the look-up found, when
    // that is all the signature covers: nullopt for a key with other secrets too, which the
    // check then reads itself.
    static std::optional<KeyRow> fromLookup(const SqliteStatement &row, int first, qint64 secretId,
                                            const QByteArray &tableHash,
                                            std::optional<qint64> retiresAtMs);

    // acceptedRoot: the root the store accepted at open (empty: none yet).
    explicit SignedKeyCheck(QByteArray acceptedRoot = {});
    ~SignedKeyCheck();
    SignedKeyCheck(const SignedKeyCheck &) = delete;
    SignedKeyCheck &operator=(const SignedKeyCheck &) = delete;

    // Changed: the key changed between the reads (look it up again); Tampered was logged, once
    // per key and check (a verifier asked again and again must not flood its log).
    // snapshotSerial: the store's shared read snapshot the check reads in (0: none); within one,
    // the vault's change counter is read once, not for every key. lookedUp: the row as the
    // look-up's own statement read it (fromLookup()); without it the check reads the row.
    Result<Outcome> check(QSqlDatabase &db, const SecretMatch &match, const QByteArray &hash,
                          quint64 snapshotSerial = 0,
                          const std::optional<KeyRow> &lookedUp = std::nullopt);

private:
    // The signed columns from `first` on, then the audit id, the signer and the signature
    // (signedKeyRowSelect()'s order); the secrets are the caller's.
    static KeyRow readKeyRow(const SqliteStatement &row, int first);

    Result<void> refresh(QSqlDatabase &db, quint64 snapshotSerial);
    Result<QString> readChangeSeq(QSqlDatabase &db);
    // nullopt: the key is gone.
    Result<std::optional<KeyRow>> readRow(QSqlDatabase &db, qint64 keyId);
    Result<std::optional<KeyRow>> readRowNative(qint64 keyId);
    Result<std::optional<KeyRow>> readRowWithQt(QSqlDatabase &db, qint64 keyId);
    // The native statements on db's connection: false when it is not SQLite or they cannot be
    // prepared (then Qt SQL reads). Made again when the connection was replaced.
    bool useNative(QSqlDatabase &db);
    Outcome tampered(qint64 keyId, const QString &why);
    // The signature attestation of keyId's bucket, read once per bucket and change counter.
    Result<void> loadAttestation(QSqlDatabase &db, qint64 keyId);

    QByteArray m_acceptedRoot;
    std::optional<VaultTrust> m_trust;
    QString m_stamp; // change_seq when m_trust was loaded
    quint64 m_stampSnapshot = 0; // the shared snapshot m_stamp was last read in
    std::unique_ptr<SqliteStatement> m_changeSeq;
    std::unique_ptr<SqliteStatement> m_keyRow;
    std::unique_ptr<SqliteStatement> m_secrets;
    std::unique_ptr<SqliteStatement> m_attestation; // null: no table (or not SQLite)
    SignatureAttestations m_attested;
    QSet<qint64> m_attestedBuckets; // read, whether or not they were good
    bool m_attestationFailed = false; // logged once
    QSet<qint64> m_reported;
};

} // namespace Keyward
