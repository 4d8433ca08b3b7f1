#include "BenchVault.h"
#include "StoreDatabase.h"

#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"
#include "crypto/Sha256.h"
#include "crypto/SigningKey.h"
#include "store/SignatureAttestations.h"
#include "store/VaultSigning.h"
#include "store/VerifiedSignatures.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Keyward::Bench {

namespace {

Error sqlError(const QSqlQuery &q)
{
    return makeError(ErrorCode::StorageError, q.lastError().text());
}

const char kPassphrase[] = "benchmark passphrase";

// The vault is signed from its creation, and a verifier answers an unsigned row as tampered:
// every key row is signed with the Owner's key, as createKey() would have (no audit row names
// the keys, so each signature binds audit id 0), and listed in its bucket's attestation.
Result<void> signEveryKey(QSqlDatabase &db, int keyCount)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, public_key, sealed_key FROM member_keys ORDER BY id "
                               "LIMIT 1"))
        || !q.next())
        return sqlError(q);
    const qint64 signerId = q.value(0).toLongLong();
    auto signer = SigningKey::unseal(q.value(2).toByteArray(),
                                     SecretString(kPassphrase, sizeof kPassphrase - 1),
                                     q.value(1).toByteArray());
    q.finish();
    if (!signer)
        return makeError(ErrorCode::CryptoFailure, QStringLiteral("cannot unseal the Owner's key"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO key_signatures (key_id, signed_by, signature) VALUES (?, ?, ?)"));
    // And the attestations a store writes with them (SqlKeyStore::attestSignedKeys).
    QSqlQuery attest(db);
    attest.prepare(QStringLiteral("INSERT INTO signature_attestations (bucket, signed_by, "
                                  "entries, signature) VALUES (?, ?, ?, ?)"));
    SignatureAttestations::Entries bucket;
    const auto writeBucket = [&]() -> Result<void> {
        const qint64 index = SignatureAttestations::bucketOf(bucket.firstKey());
        const QByteArray encoded = SignatureAttestations::encode(bucket);
        attest.addBindValue(index);
        attest.addBindValue(signerId);
        attest.addBindValue(encoded);
        attest.addBindValue(signer->sign(SignatureAttestations::message(index, encoded)));
        bucket.clear();
        if (!attest.exec())
            return sqlError(attest);
        return {};
    };
    for (int id = 1; id <= keyCount; ++id) {
        auto fields = VaultSigning::readKey(db, id);
        if (!fields)
            return fields.error();
        const QByteArray message = VaultSigning::keyMessage(*fields);
        const QByteArray signature = signer->sign(message);
        insert.addBindValue(id);
        insert.addBindValue(signerId);
        insert.addBindValue(signature);
        if (!insert.exec())
            return sqlError(insert);
        if (!bucket.isEmpty()
            && SignatureAttestations::bucketOf(id)
                != SignatureAttestations::bucketOf(bucket.firstKey())) {
            if (auto written = writeBucket(); !written)
                return written;
        }
        bucket.insert(id, VerifiedSignatures::digest(signer->publicKey(), message, signature));
    }
    if (!bucket.isEmpty())
        return writeBucket();
    return {};
}

} // namespace

Result<std::unique_ptr<BenchVault>> BenchVault::create(const QString &path, int keyCount,
                                                       const Clock &clock)
{
    auto created =
        SqlKeyStore::createVault(path, QStringLiteral("kw"), QStringLiteral("owner"),
                                 SecretString(kPassphrase, sizeof kPassphrase - 1), clock);
    if (!created)
        return created.error();
    std::unique_ptr<BenchVault> vault(new BenchVault);
    vault->m_path = path;
    vault->m_store = std::move(created).value();
    vault->m_tokens.reserve(std::size_t(keyCount));
    vault->m_hashes.reserve(std::size_t(keyCount));

    QSqlDatabase &db = StoreDatabase::of(*vault->m_store);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id FROM members WHERE name = 'owner'")) || !q.next())
        return sqlError(q);
    const qint64 owner = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q);
    QSqlQuery key(db);
    key.prepare(QStringLiteral(
        "INSERT INTO api_keys (id, name, notes, environment, role, grants, state, expires_at, "
        "rate_count, rate_unit, usage_limit, customer, created_by, created_at, updated_at, "
        "revoked_at, flagged, version) VALUES (?, ?, ?, 0, 1, ?, 0, ?, 0, 1, NULL, ?, ?, ?, ?, "
        "NULL, 0, 1)"));
    QSqlQuery secret(db);
    secret.prepare(QStringLiteral("INSERT INTO key_secrets (id, key_id, hash, hint, created_at, "
                                  "retires_at) VALUES (?, ?, ?, ?, ?, NULL)"));
    const qint64 now = clock.nowMs();
    const QString grants = QStringLiteral("customers:read licenses:read telemetry:write");
    for (int i = 1; i <= keyCount; ++i) {
        const SecretString token =
            KeyToken::generate(QStringLiteral("kw"), Environment::Production);
        const QByteArray hash = Sha256::hash(token);
        key.addBindValue(i);
        key.addBindValue(QStringLiteral("Integration %1").arg(i));
        key.addBindValue(i % 10 == 0 ? QStringLiteral("Owned by the billing team; rotate yearly.")
                                     : QStringLiteral(""));
        key.addBindValue(grants);
        key.addBindValue(now + qint64(30 + i % 300) * kDayMs);
        key.addBindValue(QStringLiteral("customer-%1").arg(i % 500));
        key.addBindValue(owner);
        key.addBindValue(now - qint64(i % 1000) * kHourMs);
        key.addBindValue(now - qint64(i % 1000) * kHourMs);
        if (!key.exec())
            return sqlError(key);
        secret.addBindValue(i);
        secret.addBindValue(i);
        secret.addBindValue(hash);
        secret.addBindValue(KeyToken::hint(token));
        secret.addBindValue(now - qint64(i % 1000) * kHourMs);
        if (!secret.exec())
            return sqlError(secret);
        vault->m_tokens.emplace_back(token.data(), token.size());
        vault->m_hashes.push_back(hash);
    }
    if (auto signedKeys = signEveryKey(db, keyCount); !signedKeys)
        return signedKeys.error();
    if (!q.exec(QStringLiteral("COMMIT")))
        return sqlError(q);
    // A checkpoint, so every measure reads the same file state.
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    q.exec(QStringLiteral("ANALYZE"));
    return vault;
}

} // namespace Keyward::Bench
