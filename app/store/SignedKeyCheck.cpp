#include "SignedKeyCheck.h"

#include "KeyStore.h"
#include "SignedKeyRow.h"
#include "SqlErrors.h"
#include "SqliteStatement.h"
#include "core/KeyStatus.h"

#include <QSqlQuery>

namespace Keyward {

namespace {

const char kChangeSeqSql[] = "SELECT value FROM vault_meta WHERE name = 'change_seq'";
const QByteArray kKeyRowSql = signedKeyRowSelect() + " WHERE k.id = ?";
const char kSecretsSql[] =
    "SELECT id, hash, retires_at FROM key_secrets WHERE key_id = ? ORDER BY id";
const char kAttestationSql[] =
    "SELECT signed_by, entries, signature FROM signature_attestations WHERE bucket = ?";
// Attested rows remembered per check: 40 bytes each, as stored.
constexpr int kMaxAttestedKeys = 500'000;

} // namespace

QByteArray SignedKeyCheck::lookupColumns()
{
    return QByteArray(", ") + kSignedKeyColumns + kSignedKeyAfterColumns
        + ", (SELECT COUNT(*) FROM key_secrets c WHERE c.key_id = k.id)";
}

std::optional<SignedKeyCheck::KeyRow> SignedKeyCheck::fromLookup(const SqliteStatement &row,
                                                                 int first, qint64 secretId,
                                                                 const QByteArray &tableHash,
                                                                 std::optional<qint64> retiresAtMs)
{
    if (row.integer(first + kSignedKeyColumnCount + 3) != 1)
        return std::nullopt;
    KeyRow read = readKeyRow(row, first);
    read.fields.secrets.append({secretId, tableHash, retiresAtMs});
    return read;
}

SignedKeyCheck::KeyRow SignedKeyCheck::readKeyRow(const SqliteStatement &row, int first)
{
    KeyRow read;
    read.fields = readSignedKeyFields(row, first);
    read.fields.auditId = row.integer(first + kSignedKeyColumnCount);
    read.signedBy = row.integer(first + kSignedKeyColumnCount + 1);
    read.signature = row.blob(first + kSignedKeyColumnCount + 2);
    return read;
}

SignedKeyCheck::SignedKeyCheck(QByteArray acceptedRoot)
    : m_acceptedRoot(std::move(acceptedRoot))
{ }

SignedKeyCheck::~SignedKeyCheck() = default;

bool SignedKeyCheck::useNative(QSqlDatabase &db)
{
    sqlite3 *connection = sqliteHandle(db);
    if (!connection)
        return false;
    if (m_keyRow && m_keyRow->connection() == connection)
        return true;
    m_changeSeq = SqliteStatement::prepare(connection, kChangeSeqSql, true);
    m_keyRow = SqliteStatement::prepare(connection, kKeyRowSql, true);
    m_secrets = SqliteStatement::prepare(connection, kSecretsSql, true);
    // Not required: a vault file before schema 6 has no attestations.
    m_attestation = SqliteStatement::prepare(connection, kAttestationSql, true);
    if (m_changeSeq && m_keyRow && m_secrets)
        return true;
    m_attestation.reset();
    m_changeSeq.reset();
    m_keyRow.reset();
    m_secrets.reset();
    return false;
}

Result<QString> SignedKeyCheck::readChangeSeq(QSqlDatabase &db)
{
    if (useNative(db)) {
        ResetWhenDone done(*m_changeSeq);
        const QString stamp = m_changeSeq->step() ? m_changeSeq->text(0) : QString();
        if (m_changeSeq->failed())
            return m_changeSeq->error(tr("Cannot read the vault."));
        return stamp;
    }
    SqlQuery q(db);
    if (!q.exec(QString::fromLatin1(kChangeSeqSql)))
        return SqlErrors::fromQuery(q, tr("Cannot read the vault."));
    return q.next() ? q.value(0).toString() : QString();
}

Result<void> SignedKeyCheck::refresh(QSqlDatabase &db, quint64 snapshotSerial)
{
    if (m_trust && snapshotSerial != 0 && snapshotSerial == m_stampSnapshot)
        return {}; // read in this snapshot already: it cannot have moved
    auto stamp = readChangeSeq(db);
    if (!stamp)
        return stamp.error();
    if (m_trust && *stamp == m_stamp) {
        m_stampSnapshot = snapshotSerial;
        return {};
    }
    auto trust = VaultTrust::load(db);
    if (!trust)
        return trust.error();
    m_trust = std::move(trust).value();
    m_stamp = *stamp;
    m_stampSnapshot = snapshotSerial;
    m_attested.clear(); // the trust they were checked under has been read again
    m_attestedBuckets.clear();
    // A vault upgraded to schema 6 while this verifier ran has the table now.
    if (m_keyRow && !m_attestation)
        m_attestation = SqliteStatement::prepare(m_keyRow->connection(), kAttestationSql, true);
    if (m_acceptedRoot.isEmpty())
        m_acceptedRoot = m_trust->rootKey(); // signed since this process opened it
    return {};
}

Result<std::optional<SignedKeyCheck::KeyRow>> SignedKeyCheck::readRow(QSqlDatabase &db,
                                                                      qint64 keyId)
{
    return useNative(db) ? readRowNative(keyId) : readRowWithQt(db, keyId);
}

Result<std::optional<SignedKeyCheck::KeyRow>> SignedKeyCheck::readRowNative(qint64 keyId)
{
    // The secrets are read while the key row's statement is still open, so both come from
    // one read transaction: a change between them cannot pass for tampering.
    ResetWhenDone keyRowDone(*m_keyRow);
    m_keyRow->bindInteger(1, keyId);
    if (!m_keyRow->step()) {
        if (m_keyRow->failed())
            return m_keyRow->error(tr("Cannot read the key."));
        return std::optional<KeyRow>();
    }
    KeyRow row = readKeyRow(*m_keyRow, 0);
    SignedKeyFields &f = row.fields;
    ResetWhenDone secretsDone(*m_secrets);
    m_secrets->bindInteger(1, keyId);
    while (m_secrets->step())
        f.secrets.append(
            {m_secrets->integer(0), m_secrets->blob(1), optionalColumn(*m_secrets, 2)});
    if (m_secrets->failed())
        return m_secrets->error(tr("Cannot read the key."));
    return std::optional<KeyRow>(std::move(row));
}

Result<std::optional<SignedKeyCheck::KeyRow>> SignedKeyCheck::readRowWithQt(QSqlDatabase &db,
                                                                            qint64 keyId)
{
    auto fields = VaultSigning::readKey(db, keyId);
    if (!fields) {
        if (fields.error().code == ErrorCode::NotFound)
            return std::optional<KeyRow>();
        return fields.error();
    }
    KeyRow row {std::move(fields).value(), 0, {}};
    SqlQuery q(db);
    q.prepare(QStringLiteral("SELECT signed_by, signature FROM key_signatures WHERE key_id = ?"));
    q.addBindValue(keyId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the key signatures."));
    if (q.next()) {
        row.signedBy = q.value(0).toLongLong();
        row.signature = q.value(1).toByteArray();
    }
    return std::optional<KeyRow>(std::move(row));
}

Result<void> SignedKeyCheck::loadAttestation(QSqlDatabase &db, qint64 keyId)
{
    const qint64 bucket = SignatureAttestations::bucketOf(keyId);
    if (m_attestedBuckets.contains(bucket))
        return {};
    if (m_attested.size() > kMaxAttestedKeys) {
        m_attested.clear();
        m_attestedBuckets.clear();
    }
    m_attestedBuckets.insert(bucket); // read once, even when the read fails
    qint64 signedBy = 0;
    QByteArray entries;
    QByteArray signature;
    if (useNative(db)) {
        if (!m_attestation)
            return {};
        ResetWhenDone done(*m_attestation);
        m_attestation->bindInteger(1, bucket);
        if (m_attestation->step()) {
            signedBy = m_attestation->integer(0);
            entries = m_attestation->blob(1);
            signature = m_attestation->blob(2);
        } else if (m_attestation->failed()) {
            return m_attestation->error(tr("Cannot read the signature attestations."));
        }
    } else {
        if (!db.tables().contains(QStringLiteral("signature_attestations")))
            return {};
        SqlQuery q(db);
        q.prepare(QString::fromLatin1(kAttestationSql));
        q.addBindValue(bucket);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot read the signature attestations."));
        if (q.next()) {
            signedBy = q.value(0).toLongLong();
            entries = q.value(1).toByteArray();
            signature = q.value(2).toByteArray();
        }
    }
    if (!signature.isEmpty())
        m_attested.add(*m_trust, bucket, signedBy, entries, signature,
                       &VerifiedSignatures::ofProcess());
    return {};
}

SignedKeyCheck::Outcome SignedKeyCheck::tampered(qint64 keyId, const QString &why)
{
    if (!m_reported.contains(keyId)) {
        m_reported.insert(keyId);
        qCritical("Keyward: TAMPERED key %lld in the vault: %s. It is answered as not found; run "
                  "\"keywardctl audit verify\" and restore the vault from a backup.",
                  keyId, qPrintable(why));
    }
    return Outcome::Tampered;
}

Result<SignedKeyCheck::Outcome> SignedKeyCheck::check(QSqlDatabase &db, const SecretMatch &match,
                                                      const QByteArray &hash,
                                                      quint64 snapshotSerial,
                                                      const std::optional<KeyRow> &lookedUp)
{
    if (auto refreshed = refresh(db, snapshotSerial); !refreshed)
        return refreshed.error();
    const ApiKey &key = match.key;
    if (m_trust->rootKey() != m_acceptedRoot)
        return tampered(key.id,
                        tr("the vault's root key (fingerprint) is not the one this "
                           "process accepted"));
    if (!m_trust->isSigned())
        return Outcome::Trusted; // not signed yet: nothing to check against
    const KeyRow *stored = lookedUp ? &*lookedUp : nullptr;
    Result<std::optional<KeyRow>> read = std::optional<KeyRow>();
    if (!stored) {
        read = readRow(db, key.id);
        if (!read)
            return read.error();
        if (!read->has_value())
            return Outcome::Changed;
        stored = &**read;
    }
    const SignedKeyFields &fields = stored->fields;
    // The verdict comes from the row the look-up read: it must be the row that was signed. (Read
    // by the look-up's own statement, it is: the comparison then only holds the two readers of
    // the stored values to the same answer.)
    const SignedSecret *secret = nullptr;
    for (const SignedSecret &candidate : fields.secrets) {
        if (candidate.id == match.secret.id)
            secret = &candidate;
    }
    const bool same = fields.version == key.version && fields.state == keyStateToInt(key.state)
        && fields.environment == environmentToInt(key.environment)
        && fields.grants == key.grants.join(QLatin1Char(' '))
        && fields.expiresAtMs == key.expiresAtMs && fields.rateCount == key.rateLimit.count
        && fields.rateUnit == int(key.rateLimit.unit) && fields.usageLimit == key.usageLimit
        && fields.customer == key.customer && fields.allowedIps == key.allowedIps.toStored()
        && fields.revokedAtMs == key.revokedAtMs && fields.flagged == key.flagged && secret
        && secret->hash == hash && secret->retiresAtMs == match.secret.retiresAtMs;
    if (!same)
        return Outcome::Changed;
    // Verified once per process and row (VerifiedSignatures): a cache emptied by a change
    // elsewhere, or another verifying thread, does not pay for the same row again.
    if (auto loaded = loadAttestation(db, key.id); !loaded && !m_attestationFailed) {
        // Not fatal: without the list each row's own signature is verified.
        m_attestationFailed = true;
        qWarning("Keyward: cannot read the vault's signature attestations: %s",
                 qPrintable(loaded.errorMessage()));
    }
    const VaultTrust::KeyVerdict verdict = m_trust->checkKey(
        fields, stored->signedBy, stored->signature, &VerifiedSignatures::ofProcess(), &m_attested);
    if (verdict == VaultTrust::KeyVerdict::Good)
        return Outcome::Trusted;
    return tampered(key.id, VaultTrust::describe(verdict));
}

} // namespace Keyward
