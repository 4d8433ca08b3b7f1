#pragma once

#include "VerifiedSignatures.h"
#include "core/AuditEvent.h"
#include "core/Result.h"
#include "core/Role.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QVector>

#include <atomic>
#include <functional>
#include <limits>
#include <optional>

namespace Keyward {

// What the signatures of a vault file cover, and who may have made them (schema 005).
//
// A member key's certificate covers its id, member, public key, role and retired flag, and is
// made by an Owner's key that is itself trusted; the root (vault_meta 'root_key', the vault's
// fingerprint) certifies itself. A key row's signature covers every field a verdict depends on
// and all of its secrets (id, hash, retirement); an audit row's covers its chain hash, and so
// the whole history before it.
struct AuditVerification;
struct SecretMatch;
class SignatureAttestations;
struct TamperedKey;
class VaultTrust;

struct MemberKeyRow
{
    qint64 id = 0;
    qint64 memberId = 0;
    QByteArray publicKey;
    Role role = Role::Viewer;
    bool retired = false;
    std::optional<qint64> certifiedBy;
    QByteArray certificate;
};

struct SignedSecret
{
    qint64 id = 0;
    QByteArray hash;
    std::optional<qint64> retiresAtMs;
};

// The security-relevant fields of a key row (not its name, notes or usage count: verifiers
// write usage, and the rest decides nothing).
struct SignedKeyFields
{
    qint64 id = 0;
    qint64 version = 0;
    int environment = 0;
    int role = 0;
    QString grants; // as stored: sorted ids separated by spaces
    int state = 0;
    std::optional<qint64> expiresAtMs;
    int rateCount = 0;
    int rateUnit = 0;
    std::optional<qint64> usageLimit;
    QString customer;
    QString allowedIps; // as stored
    std::optional<qint64> revokedAtMs;
    bool flagged = false;
    qint64 createdBy = 0;
    QVector<SignedSecret> secrets; // by id
    // The key's newest audit row: a signature binds the row to the change it was made with, so
    // an older signed row put back (a replay) no longer matches once later changes were logged.
    qint64 auditId = 0;
};

class VaultSigning
{
    Q_DECLARE_TR_FUNCTIONS(VaultSigning)
public:
    static QByteArray certificateMessage(const MemberKeyRow &key);
    static QByteArray keyMessage(const SignedKeyFields &fields);
    static QByteArray auditMessage(const AuditEvent &event);
    // A bucket's signed list of key-row signature digests (SignatureAttestations).
    static QByteArray attestationMessage(qint64 bucket, const QByteArray &entries);

    // Sign-ins and a key made at sign-in change nothing a verifier trusts: a member whose key is
    // not certified yet writes them unsigned.
    static bool auditMayBeUnsigned(const QString &action);
    static Error notCertifiedError();
    // For `audit verify`: every audit row after the first signed one is signed by a trusted
    // key, and every key row by a key that could have made it. Names what is not.
    static Result<void> checkSignatures(QSqlDatabase &db, AuditVerification &result);
    // Every key row a verifier refuses under trust (unsigned, badly signed, or signed by a key
    // that could not have made it), by id; none on an unsigned vault.
    // With verified, the vault's signature attestations count as well; without (audit verify),
    // every row's own signature is verified.
    // One pass over all keys (two ordered reads, not four statements per key). stop: when it
    // turns true the pass ends early with an error (a server shutting down).
    static Result<QVector<TamperedKey>> tamperedKeys(QSqlDatabase &db, const VaultTrust &trust,
                                                     VerifiedSignatures *verified = nullptr,
                                                     const std::atomic<bool> *stop = nullptr);

    // A key row as its signature covers it, with the signature and the key's name.
    struct StoredKeyRow
    {
        SignedKeyFields fields;
        qint64 signedBy = 0;
        QByteArray signature;
        QString name;
    };
    // Every key row with an id in [fromId, toId), in id order, in two ordered reads; an error
    // from visit ends the pass with it.
    static Result<void>
    forEachStoredKey(QSqlDatabase &db,
                     const std::function<Result<void>(const StoredKeyRow &)> &visit,
                     qint64 fromId = 0, qint64 toId = std::numeric_limits<qint64>::max());

    // The root public key (empty: the vault is not signed yet).
    static Result<QByteArray> readRootKey(QSqlDatabase &db);
    // AuditId::Skip leaves SignedKeyFields::auditId 0, for a caller that signs the row before
    // the change's own audit row and sets it (SqlKeyStore::signKey).
    enum class AuditId { Read, Skip };
    static Result<SignedKeyFields> readKey(QSqlDatabase &db, qint64 keyId,
                                           AuditId auditId = AuditId::Read);
    static Result<QVector<MemberKeyRow>> readMemberKeys(QSqlDatabase &db);
};

// The member keys that chain to the root: the root key's own self-certified row, then every
// key certified by a trusted, unretired Owner key, as often as that adds one.
class VaultTrust
{
    Q_DECLARE_TR_FUNCTIONS(VaultTrust)
public:
    // Why a key row is not to be trusted.
    enum class KeyVerdict { Good, Unsigned, BadSignature, UntrustedSigner };

    static Result<VaultTrust> load(QSqlDatabase &db);
    static VaultTrust fromRows(const QByteArray &rootKey, const QVector<MemberKeyRow> &rows);

    bool isSigned() const { return !m_rootKey.isEmpty(); }
    const QByteArray &rootKey() const { return m_rootKey; }
    QString fingerprint() const;
    // A trusted member key by id (retired ones included: their old signatures stay good).
    const MemberKeyRow *key(qint64 id) const;
    // The member's current (unretired) trusted key, or nullptr.
    const MemberKeyRow *currentKeyOf(qint64 memberId) const;

    // A key row that a verifier may answer from: signed by a trusted, unretired key whose role
    // could have made it (an active key's role at most the signer's, and a Developer at least).
    // verified: signatures already verified good, and where to note new ones (may be null).
    // attested: signed lists of good signatures, trusted for the rows their attester could have
    // signed itself (may be null).
    KeyVerdict checkKey(const SignedKeyFields &fields, qint64 signedBy, const QByteArray &signature,
                        VerifiedSignatures *verified = nullptr,
                        const SignatureAttestations *attested = nullptr) const;
    // Whether a member key of signer's role could have made the row: any for a key that grants
    // nothing, a Developer at least and the key's role at most for an active one.
    static bool couldHaveMade(const MemberKeyRow &signer, const SignedKeyFields &fields);
    // An audit row: signed by any trusted key, retired or not.
    bool checkAudit(const AuditEvent &event, qint64 signedBy, const QByteArray &signature) const;

    static QString describe(KeyVerdict verdict);

private:
    QByteArray m_rootKey;
    QHash<qint64, MemberKeyRow> m_trusted;
};

// A key row as stored checked against its stored signature (audit verify, and a change that
// would otherwise sign a forged row again).
Result<VaultTrust::KeyVerdict> checkStoredKey(QSqlDatabase &db, const VaultTrust &trust,
                                              qint64 keyId);

} // namespace Keyward
