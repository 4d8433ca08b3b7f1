// A signed vault file: write access alone cannot forge. Each test tampers with the file the way
// a compromised verifying service could (its own SQL connection, around Keyward) and checks that
// verifiers answer NotFound and `audit verify` names what was done.
#include "OlderSchema.h"
#include "RawVault.h"
#include "StoreDatabase.h"
#include "VaultFixture.h"
#include "crypto/Sha256.h"
#include "crypto/SigningKey.h"
#include "store/AuditLog.h"
#include "store/SignatureAttestations.h"
#include "store/VaultIntegrity.h"
#include "store/VaultSigning.h"
#include "store/VerifiedSignatures.h"
#include "verify/Verifier.h"
#include "verify/VerifierCache.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

VerifyOutcome verifyWith(SqlKeyStore &store, const Clock &clock, const SecretString &token,
                         Environment env = Environment::Production)
{
    Verifier verifier(store, clock);
    auto result = verifier.verify(token, env, {}, QString());
    if (!result)
        qFatal("verify failed: %s", qPrintable(result.errorMessage()));
    return result->outcome;
}

const char kBobPassphrase[] = "bob's long passphrase";

std::optional<SignatureAttestations::Entries> attestedIn(RawVault &raw, qint64 bucket)
{
    const QVariant entries = raw.value(
        QStringLiteral("SELECT entries FROM signature_attestations WHERE bucket = ?"), {bucket});
    if (!entries.isValid())
        return std::nullopt;
    return SignatureAttestations::decode(bucket, entries.toByteArray());
}

// The digest a verifier computes for a key row as it is stored now (forged or not).
QByteArray storedRowDigest(RawVault &raw, qint64 keyId)
{
    auto fields = VaultSigning::readKey(raw.database(), keyId);
    if (!fields)
        qFatal("readKey: %s", qPrintable(fields.errorMessage()));
    const QByteArray signature =
        raw.value(QStringLiteral("SELECT signature FROM key_signatures WHERE key_id = ?"), {keyId})
            .toByteArray();
    const QByteArray signer =
        raw.value(QStringLiteral("SELECT m.public_key FROM key_signatures s JOIN member_keys m ON "
                                 "m.id = s.signed_by WHERE s.key_id = ?"),
                  {keyId})
            .toByteArray();
    return VerifiedSignatures::digest(signer, VaultSigning::keyMessage(*fields), signature);
}

// A member's signing key as its holder (or whoever learned the passphrase) has it: id and key.
std::pair<qint64, std::optional<SigningKey>> memberSigningKey(RawVault &raw, qint64 memberId,
                                                              const char *passphrase)
{
    const qint64 id =
        raw.number(QStringLiteral("SELECT id FROM member_keys WHERE member_id = %1").arg(memberId));
    const QVariantList which {id};
    return {id,
            SigningKey::unseal(
                raw.value(QStringLiteral("SELECT sealed_key FROM member_keys WHERE id = ?"), which)
                    .toByteArray(),
                secret(passphrase),
                raw.value(QStringLiteral("SELECT public_key FROM member_keys WHERE id = ?"), which)
                    .toByteArray())};
}

// What an attacker holding a member's signing key (and the file) writes: a list of their own.
void writeAttestation(RawVault &raw, qint64 bucket, const SignatureAttestations::Entries &entries,
                      qint64 memberKeyId, const SigningKey &key)
{
    const QByteArray encoded = SignatureAttestations::encode(entries);
    QVERIFY(raw.exec(
        QStringLiteral("INSERT OR REPLACE INTO signature_attestations (bucket, "
                       "signed_by, entries, signature) VALUES (?, ?, ?, ?)"),
        {bucket, memberKeyId, encoded, key.sign(SignatureAttestations::message(bucket, encoded))}));
}

} // namespace

class TestSignedVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newVaultIsSignedFromTheStart();
    void revokedKeyMadeActiveIsNotFound();
    void tamperedKeyIsLoggedOncePerVerifier();
    void aPassLeavesTamperedRowsOut();
    void forgedAdminKeyIsNotFound();
    void secretAddedToValidKeyIsNotFound();
    void replayedOlderRowIsNotFound();
    void forgedMemberKeyIsNotTrusted();
    void removedAuditSignaturesAreReported();
    void truncatedAuditLogIsReported();
    void membersGetCertifiedKeys();
    void existingVaultIsSignedByItsOwner();
    void tamperedKeyIsOnlyRevokedOrDeleted();
    void forgedRowIsNotSignedAgainWhenItsSignerLeaves();
    void rememberedSignaturesStillSeeEveryChange();
    void promotionLeavesForgedRowsAlone();
    void attestationListsTheSignedRows();
    void attestationsFindExactlyTheListedRows();
    void signedMessagesKeepTheirBytes();
    void forgedAttestationLendsNothing();
    void attesterIsHeldToItsRank();
    void replayedRowWithItsAttestationIsNotFound();
    void writersListOnlyWhatTheyVerified();
    void everySignedColumnIsCheckedOnBothReads_data();
    void everySignedColumnIsCheckedOnBothReads();
};

void TestSignedVault::newVaultIsSignedFromTheStart()
{
    VaultFixture f;
    QVERIFY(f.store->isSignedVault());
    QVERIFY(f.store->canSign());
    QCOMPARE(SigningKey::normalisedFingerprint(f.store->fingerprint()), f.store->fingerprint());
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    QCOMPARE(verifyWith(*f.store, f.clock, issued->token), VerifyOutcome::Valid);
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QVERIFY2(audit->intact, qPrintable(audit->problem));
    QCOMPARE(audit->fingerprint, f.store->fingerprint());
    // Another process sees the same vault, signatures and all.
    auto second = f.openSecond();
    QCOMPARE(second->fingerprint(), f.store->fingerprint());
    QCOMPARE(verifyWith(*second, f.clock, issued->token), VerifyOutcome::Valid);
}

void TestSignedVault::revokedKeyMadeActiveIsNotFound()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    QVERIFY(f.store->revokeKey(issued->key.id, issued->key.version));
    QCOMPARE(verifyWith(*f.store, f.clock, issued->token), VerifyOutcome::Revoked);
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET state = 0, revoked_at = NULL")));
    }
    auto verifier = f.openSecond(QString());
    QCOMPARE(verifyWith(*verifier, f.clock, issued->token), VerifyOutcome::NotFound);
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QVERIFY(!audit->intact);
    QCOMPARE(audit->tamperedKeys.size(), 1);
    QCOMPARE(audit->tamperedKeys.constFirst().id, issued->key.id);
    QVERIFY(audit->problem.contains(QStringLiteral("svc")));
}

// A verifier asked for a tampered key again and again (a client retrying) answers NotFound every
// time but says so in its log once, not once per request.
void TestSignedVault::tamperedKeyIsLoggedOncePerVerifier()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET rate_count = rate_count + 7")));
    }
    auto store = f.openSecond(QString());
    static QAtomicInt tamperedLines;
    tamperedLines = 0;
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &text) {
            if (text.contains(QLatin1String("TAMPERED key")))
                ++tamperedLines;
        });
    Verifier verifier(*store, f.clock);
    for (int i = 0; i < 3; ++i) {
        auto result = verifier.verify(issued->token, Environment::Production, {}, QString());
        QVERIFY(result);
        QCOMPARE(result->outcome, VerifyOutcome::NotFound);
    }
    qInstallMessageHandler(previous);
    QCOMPARE(tamperedLines.loadRelaxed(), 1);
}

// The pass that fills a verifier's cache (KeyStore::forEachSecret) checks every row as a
// look-up does: a row changed behind the vault's back is left out (and logged), the others pass,
// and a verifier whose cache was filled still refuses the tampered key.
void TestSignedVault::aPassLeavesTamperedRowsOut()
{
    VaultFixture f;
    auto good = f.store->createKey(f.request(QStringLiteral("good")));
    QVERIFY(good);
    auto other = f.store->createKey(f.request(QStringLiteral("other")));
    QVERIFY(other);
    auto forged = f.store->createKey(f.request(QStringLiteral("forged")));
    QVERIFY(forged);
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET grants = 'admin:all' WHERE id = %1")
                             .arg(forged->key.id)));
    }
    auto store = f.openSecond(QString());
    static QAtomicInt tamperedLines;
    tamperedLines = 0;
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &text) {
            if (text.contains(QLatin1String("TAMPERED key")))
                ++tamperedLines;
        });
    QList<qint64> passed;
    const auto pass = store->forEachSecret([&passed](const QByteArray &, SecretMatch &&match) {
        passed.append(match.key.id);
        return true;
    });
    Verifier verifier(*store, f.clock);
    VerifierCacheOptions options;
    options.checkIntervalMs = 3'600'000; // no second change check within the test
    verifier.enableCache(options);
    auto first = verifier.verify(good->token, Environment::Production, {}, QString());
    VerifierCache &cache = *verifier.cache();
    QVERIFY(cache.fill(cache.generation(), *store));
    const int filled = cache.size();
    auto fromFill = verifier.verify(other->token, Environment::Production, {}, QString());
    const qint64 lookupsAfterFill = cache.storeLookups();
    auto refused = verifier.verify(forged->token, Environment::Production, {}, QString());
    qInstallMessageHandler(previous);

    QVERIFY2(pass, qPrintable(pass.errorMessage()));
    std::sort(passed.begin(), passed.end());
    QCOMPARE(passed, (QList<qint64> {good->key.id, other->key.id}));
    QVERIFY(tamperedLines.loadRelaxed() >= 1);
    QCOMPARE(filled, 2);
    QVERIFY(first && fromFill && refused);
    QCOMPARE(first->outcome, VerifyOutcome::Valid);
    QCOMPARE(fromFill->outcome, VerifyOutcome::Valid);
    QCOMPARE(lookupsAfterFill, qint64(1)); // the first key's only: the other came with the fill
    QCOMPARE(refused->outcome, VerifyOutcome::NotFound);
    QCOMPARE(cache.storeLookups(), qint64(2));
}

void TestSignedVault::forgedAdminKeyIsNotFound()
{
    VaultFixture f;
    const SecretString token = secret("kw_live_forgedforgedforgedforgedforgedfo");
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO api_keys (id, name, environment, role, grants, state, created_by, "
            "created_at, updated_at) VALUES (77, 'mint', 2, 2, 'admin:full', 0, 1, 0, 0)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO key_secrets (key_id, hash, hint, created_at) "
                                        "VALUES (77, ?, 'kw_live_forg…fo', 0)"),
                         {Sha256::hash(token)}));
    }
    auto verifier = f.openSecond(QString());
    Verifier v(*verifier, f.clock);
    auto found = verifier->findSecret(Sha256::hash(token));
    QVERIFY(found);
    QVERIFY(!found->has_value()); // KeyStore::findSecret refuses it as well
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QVERIFY(!audit->intact);
    QCOMPARE(audit->tamperedKeys.size(), 1);
    QCOMPARE(audit->tamperedKeys.constFirst().id, qint64(77));
    QCOMPARE(audit->tamperedKeys.constFirst().name, QStringLiteral("mint"));
}

void TestSignedVault::secretAddedToValidKeyIsNotFound()
{
    VaultFixture f;
    auto issued =
        f.store->createKey(f.request(QStringLiteral("svc"), Environment::Production, Role::Admin));
    QVERIFY(issued);
    const SecretString token = secret("kw_live_addedaddedaddedaddedaddedaddedad");
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO key_secrets (key_id, hash, hint, created_at) "
                                        "VALUES (?, ?, 'x', 0)"),
                         {issued->key.id, Sha256::hash(token)}));
    }
    auto verifier = f.openSecond(QString());
    auto found = verifier->findSecret(Sha256::hash(token));
    QVERIFY(found);
    QVERIFY(!found->has_value());
    // The key's own secret is refused too: the row no longer is what was signed.
    QCOMPARE(verifyWith(*verifier, f.clock, issued->token), VerifyOutcome::NotFound);
}

void TestSignedVault::replayedOlderRowIsNotFound()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    RawVault raw(f.path);
    const QVariant signature = raw.value(
        QStringLiteral("SELECT signature FROM key_signatures WHERE key_id = ?"), {issued->key.id});
    QVERIFY(f.store->revokeKey(issued->key.id, issued->key.version));
    // Put the active row and its (genuine) signature back, as they were before the revocation.
    QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET state = 0, revoked_at = NULL, version = "
                                    "? WHERE id = ?"),
                     {issued->key.version, issued->key.id}));
    QVERIFY(raw.exec(QStringLiteral("UPDATE key_signatures SET signature = ? WHERE key_id = ?"),
                     {signature, issued->key.id}));
    auto verifier = f.openSecond(QString());
    QCOMPARE(verifyWith(*verifier, f.clock, issued->token), VerifyOutcome::NotFound);
}

void TestSignedVault::forgedMemberKeyIsNotTrusted()
{
    VaultFixture f;
    auto forger = SigningKey::generate();
    QVERIFY(forger);
    const SecretString token = secret("kw_live_mintedmintedmintedmintedmintedmi");
    {
        RawVault raw(f.path);
        // A member of their own, with a key that certifies itself, signing a key of their own.
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO members (id, name, role, created_at) VALUES "
                                        "(50, 'mallory', 3, 0)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO member_keys (id, member_id, public_key, "
                                        "role, certified_by) VALUES (50, 50, ?, 3, 50)"),
                         {forger->publicKey()}));
        MemberKeyRow row {50, 50, forger->publicKey(), Role::Owner, false, 50, {}};
        QVERIFY(raw.exec(QStringLiteral("UPDATE member_keys SET certificate = ? WHERE id = 50"),
                         {forger->sign(VaultSigning::certificateMessage(row))}));
        QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO api_keys (id, name, environment, role, grants, state, created_by, "
            "created_at, updated_at) VALUES (78, 'mint', 2, 3, 'admin:full', 0, 50, 0, 0)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO key_secrets (key_id, hash, hint, created_at) "
                                        "VALUES (78, ?, 'x', 0)"),
                         {Sha256::hash(token)}));
        SignedKeyFields fields {
            78,    1,  2,  3, QStringLiteral("admin:full"), 0, {}, 0, 1, {}, {}, {}, {},
            false, 50, {}, 0};
        auto readBack = [&]() {
            auto store = f.openSecond(QString());
            return VaultSigning::readKey(StoreDatabase::of(*store), 78);
        };
        auto stored = readBack();
        QVERIFY(stored);
        fields = *stored;
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO key_signatures (key_id, signed_by, "
                                        "signature) VALUES (78, 50, ?)"),
                         {forger->sign(VaultSigning::keyMessage(fields))}));
    }
    auto verifier = f.openSecond(QString());
    auto found = verifier->findSecret(Sha256::hash(token));
    QVERIFY(found);
    QVERIFY(!found->has_value());
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QCOMPARE(audit->tamperedKeys.size(), 1);
    QCOMPARE(audit->tamperedKeys.constFirst().id, qint64(78));
}

void TestSignedVault::removedAuditSignaturesAreReported()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    QVERIFY(f.store->setKeyActive(issued->key.id, issued->key.version, false));
    {
        RawVault raw(f.path);
        const qint64 newest =
            raw.value(QStringLiteral("SELECT MAX(audit_id) FROM audit_signatures")).toLongLong();
        QVERIFY(
            raw.exec(QStringLiteral("DELETE FROM audit_signatures WHERE audit_id = ?"), {newest}));
    }
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QVERIFY(!audit->intact);
    QVERIFY2(audit->problem.contains(QStringLiteral("not signed")), qPrintable(audit->problem));
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM audit_signatures")));
    }
    audit = f.store->verifyAudit();
    QVERIFY(audit);
    QVERIFY(!audit->intact);
}

void TestSignedVault::truncatedAuditLogIsReported()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    QVERIFY(f.store->setKeyActive(issued->key.id, issued->key.version, false));
    auto remembered = AuditLog::head(StoreDatabase::of(*f.store));
    QVERIFY(remembered);
    auto same = AuditLog::compare(StoreDatabase::of(*f.store), *remembered);
    QVERIFY(same);
    QCOMPARE(*same, AuditLog::HeadChange::Same);
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM audit_signatures WHERE audit_id >= ?"),
                         {remembered->id - 1}));
        QVERIFY(
            raw.exec(QStringLiteral("DELETE FROM audit_log WHERE id >= ?"), {remembered->id - 1}));
    }
    // The chain that is left is intact: only the head remembered outside can tell.
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    auto change = AuditLog::compare(StoreDatabase::of(*f.store), *remembered);
    QVERIFY(change);
    QCOMPARE(*change, AuditLog::HeadChange::Truncated);
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, details, "
                                        "prev_hash, hash) VALUES (?, 0, 'x', 'x', '{}', ?, ?)"),
                         {remembered->id - 1, QByteArray(32, 'a'), QByteArray(32, 'b')}));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, details, "
                                        "prev_hash, hash) VALUES (?, 0, 'x', 'x', '{}', ?, ?)"),
                         {remembered->id, QByteArray(32, 'b'), QByteArray(32, 'c')}));
    }
    change = AuditLog::compare(StoreDatabase::of(*f.store), *remembered);
    QVERIFY(change);
    QCOMPARE(*change, AuditLog::HeadChange::Rewritten);
}

void TestSignedVault::membersGetCertifiedKeys()
{
    VaultFixture f;
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Developer, secret(kBobPassphrase));
    QVERIFY(bob);
    auto asBob = f.openSecond(QStringLiteral("bob"), kBobPassphrase);
    QVERIFY(asBob->canSign());
    auto issued = asBob->createKey(makeRequest(*asBob, f.clock, QStringLiteral("bob's")));
    QVERIFY2(issued, qPrintable(issued.errorMessage()));
    QCOMPARE(verifyWith(*f.store, f.clock, issued->token), VerifyOutcome::Valid);
    // Demoted to Viewer: bob's active key is deactivated, and signed again by the Owner.
    auto demoted = f.store->setMemberRole(bob->id, bob->version, Role::Viewer);
    QVERIFY2(demoted, qPrintable(demoted.errorMessage()));
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QVERIFY2(audit->intact, qPrintable(audit->problem));
    QCOMPARE(verifyWith(*f.store, f.clock, issued->token), VerifyOutcome::Inactive);
    // An Owner's reset gives bob a new key; the old one retires, what it signed stays good.
    QVERIFY(f.store->setMemberPassphrase(bob->id, secret("bob's second passphrase")));
    auto again = f.openSecond(QStringLiteral("bob"), "bob's second passphrase");
    QVERIFY(again->canSign());
    // Bob's own change: the same key, sealed anew.
    QVERIFY(again->changeOwnPassphrase(secret("bob's second passphrase"),
                                       secret("bob's third passphrase")));
    auto third = f.openSecond(QStringLiteral("bob"), "bob's third passphrase");
    QVERIFY(third->canSign());
    QVERIFY(f.store->removeMember(bob->id));
    audit = f.store->verifyAudit();
    QVERIFY(audit);
    QVERIFY2(audit->intact, qPrintable(audit->problem));
    // The root Owner stays.
    QVERIFY(!f.store->setMemberRole(f.store->currentMember()->id, f.store->currentMember()->version,
                                    Role::Admin));
}

void TestSignedVault::existingVaultIsSignedByItsOwner()
{
    // A vault from before schema 5: no keys, no signatures, no root.
    VaultFixture f;
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Developer, secret(kBobPassphrase));
    QVERIFY(bob);
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    f.store.reset();
    {
        RawVault raw(f.path);
        for (const char *sql : OlderSchema::kBackToSeven)
            QVERIFY(raw.exec(QString::fromLatin1(sql)));
        for (const char *sql : {"ALTER TABLE api_keys DROP COLUMN usage_epoch", // schema 7
                                "DROP TABLE signature_attestations", "DROP TABLE key_signatures",
                                "DROP TABLE audit_signatures", "DROP TABLE member_keys",
                                "DELETE FROM vault_meta WHERE name = 'root_key'",
                                "DELETE FROM schema_version WHERE version >= 5"})
            QVERIFY(raw.exec(QString::fromLatin1(sql)));
    }
    auto opened = SqlKeyStore::openVault(f.path, f.clock);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    auto store = std::move(opened).value();
    QVERIFY(!store->isSignedVault());
    QCOMPARE(verifyWith(*store, f.clock, issued->token), VerifyOutcome::Valid);
    // Later connections of a process that opened it unsigned expect it unsigned.
    VaultOptions laterConnection;
    laterConnection.expectUnsigned = true;
    QVERIFY(SqlKeyStore::openVault(f.path, f.clock, laterConnection));
    // Bob signs in first: he gets a key, but nobody can certify it yet.
    auto asBob = f.openSecond(QStringLiteral("bob"), kBobPassphrase);
    QVERIFY(!asBob->canSign());
    QVERIFY(!asBob->isSignedVault());
    // The Owner signs in: the vault is signed, her key its root.
    QVERIFY(store->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)));
    QVERIFY(store->isSignedVault());
    QVERIFY(store->canSign());
    QCOMPARE(verifyWith(*store, f.clock, issued->token), VerifyOutcome::Valid);
    // Now they refuse it: from another process's view it may be a replaced file (restart).
    const auto signedNow = SqlKeyStore::openVault(f.path, f.clock, laterConnection);
    QVERIFY(!signedNow);
    QVERIFY2(signedNow.errorMessage().contains(QLatin1String("opened it unsigned"))
                 && signedNow.errorMessage().contains(store->fingerprint()),
             qPrintable(signedNow.errorMessage()));
    auto audit = store->verifyAudit();
    QVERIFY(audit);
    QVERIFY2(audit->intact, qPrintable(audit->problem));
    // Bob's key waits for the Owner's certificate: his changes are refused until then.
    auto bobAgain = f.openSecond(QStringLiteral("bob"), kBobPassphrase);
    QVERIFY(!bobAgain->canSign());
    auto refused = bobAgain->createKey(makeRequest(*bobAgain, f.clock, QStringLiteral("b")));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    auto pending = store->memberKeyFingerprint(bob->id);
    QVERIFY(pending);
    QVERIFY(!pending->second);
    QVERIFY(store->certifyMember(bob->id));
    auto certified = f.openSecond(QStringLiteral("bob"), kBobPassphrase);
    QVERIFY(certified->canSign());
    auto made = certified->createKey(makeRequest(*certified, f.clock, QStringLiteral("b")));
    QVERIFY2(made, qPrintable(made.errorMessage()));
    QCOMPARE(verifyWith(*store, f.clock, made->token), VerifyOutcome::Valid);
    audit = store->verifyAudit();
    QVERIFY(audit);
    QVERIFY2(audit->intact, qPrintable(audit->problem));
}

// Any other change signs the row as it is now: a forged row would become a trusted one.
void TestSignedVault::tamperedKeyIsOnlyRevokedOrDeleted()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    auto other = f.store->createKey(f.request(QStringLiteral("other")));
    QVERIFY(other);
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET usage_limit = 1000000 WHERE id = ?"),
                         {issued->key.id}));
    }
    auto key = f.store->key(issued->key.id);
    QVERIFY(key);
    KeyEdit edit {QStringLiteral("renamed"), key->notes, key->rateLimit, key->expiresAtMs};
    const auto isTamperedRefusal = [](const Error &error) {
        return error.code == ErrorCode::PermissionDenied
            && error.message.contains(QStringLiteral("tampered"))
            && error.message.contains(QStringLiteral("svc"));
    };
    auto edited = f.store->editKey(key->id, key->version, edit);
    QVERIFY(!edited);
    QVERIFY2(isTamperedRefusal(edited.error()), qPrintable(edited.errorMessage()));
    auto deactivated = f.store->setKeyActive(key->id, key->version, false);
    QVERIFY(!deactivated);
    QVERIFY(isTamperedRefusal(deactivated.error()));
    auto regenerated = f.store->regenerateKey(key->id, key->version, 0);
    QVERIFY(!regenerated);
    QVERIFY(isTamperedRefusal(regenerated.error()));
    auto limited = f.store->setUsageLimit(key->id, key->version, 100);
    QVERIFY(!limited);
    QVERIFY(isTamperedRefusal(limited.error()));
    // Nothing was signed again: still tampered, still not found, the other key untouched.
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QCOMPARE(audit->tamperedKeys.size(), 1);
    QCOMPARE(audit->tamperedKeys.constFirst().id, key->id);
    auto verifier = f.openSecond(QString());
    QCOMPARE(verifyWith(*verifier, f.clock, issued->token), VerifyOutcome::NotFound);
    QCOMPARE(verifyWith(*verifier, f.clock, other->token), VerifyOutcome::Valid);
    // Revoking is safe (it can never answer Valid again), and so is deleting.
    auto revoked = f.store->revokeKey(key->id, key->version);
    QVERIFY2(revoked, qPrintable(revoked.errorMessage()));
    QCOMPARE(verifyWith(*f.openSecond(QString()), f.clock, issued->token), VerifyOutcome::Revoked);
    QVERIFY(f.store->deleteKey(revoked->id, revoked->version));
}

// When a member leaves, the Owner signs again what their key signed: not a row forged since.
void TestSignedVault::forgedRowIsNotSignedAgainWhenItsSignerLeaves()
{
    VaultFixture f;
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Developer, secret(kBobPassphrase));
    QVERIFY(bob);
    auto asBob = f.openSecond(QStringLiteral("bob"), kBobPassphrase);
    QVERIFY(asBob->canSign());
    auto good = asBob->createKey(makeRequest(*asBob, f.clock, QStringLiteral("bob's good")));
    QVERIFY(good);
    auto forged = asBob->createKey(makeRequest(*asBob, f.clock, QStringLiteral("bob's forged")));
    QVERIFY(forged);
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET usage_limit = 1000000 WHERE id = ?"),
                         {forged->key.id}));
    }
    QVERIFY(f.store->removeMember(bob->id));
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QVERIFY(!audit->intact);
    QCOMPARE(audit->tamperedKeys.size(), 1);
    QCOMPARE(audit->tamperedKeys.constFirst().id, forged->key.id);
    auto verifier = f.openSecond(QString());
    // The good key was signed again, and deactivated with its creator.
    QCOMPARE(verifyWith(*verifier, f.clock, good->token), VerifyOutcome::Inactive);
    QCOMPARE(verifyWith(*verifier, f.clock, forged->token), VerifyOutcome::NotFound);
}

// The window checks every key after each reload and remembers the signatures it verified: a row
// changed around Keyward afterwards must still be found, and a legitimate change costs one new
// verification, not a wrong verdict.
void TestSignedVault::rememberedSignaturesStillSeeEveryChange()
{
    VaultFixture f;
    QVector<ApiKey> keys;
    for (const char *name : {"one", "two", "three"}) {
        auto issued = f.store->createKey(f.request(QString::fromLatin1(name)));
        QVERIFY(issued);
        keys.append(issued->key);
    }
    VerifiedSignatures verified;
    auto first = VaultIntegrity::tamperedKeys(f.path, f.store->rootKey(), &verified);
    QVERIFY2(first, qPrintable(first.errorMessage()));
    QVERIFY(first->isEmpty());
    QCOMPARE(verified.size(), 1); // one attestation lists the three rows
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(
            QStringLiteral("UPDATE api_keys SET environment = 2 WHERE id = %1").arg(keys[1].id)));
    }
    QVERIFY(f.store->revokeKey(keys[2].id, keys[2].version));
    auto second = VaultIntegrity::tamperedKeys(f.path, f.store->rootKey(), &verified);
    QVERIFY2(second, qPrintable(second.errorMessage()));
    QCOMPARE(second->size(), 1);
    QCOMPARE(second->constFirst().id, keys[1].id);
    QCOMPARE(second->constFirst().name, QStringLiteral("two"));
    QCOMPARE(verified.size(), 2); // the new attestation, listing the revoked row; never the forged
                                  // one
    // The same answer without remembered signatures.
    auto fresh = VaultIntegrity::tamperedKeys(f.path, f.store->rootKey());
    QVERIFY(fresh);
    QCOMPARE(fresh->size(), 1);
    QCOMPARE(fresh->constFirst().id, keys[1].id);
}

// A promotion verifies nothing and changes no key: a row forged above the member's new role is
// neither signed again nor deactivated (deactivating would sign what the forger wrote).
void TestSignedVault::promotionLeavesForgedRowsAlone()
{
    VaultFixture f;
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Developer, secret(kBobPassphrase));
    QVERIFY(bob);
    auto asBob = f.openSecond(QStringLiteral("bob"), kBobPassphrase);
    QVERIFY(asBob->canSign());
    auto good = asBob->createKey(makeRequest(*asBob, f.clock, QStringLiteral("bob's good")));
    QVERIFY(good);
    auto forged = asBob->createKey(makeRequest(*asBob, f.clock, QStringLiteral("bob's forged")));
    QVERIFY(forged);
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET role = %1 WHERE id = ?")
                             .arg(roleToInt(Role::Owner)),
                         {forged->key.id}));
    }
    auto promoted = f.store->setMemberRole(bob->id, bob->version, Role::Admin);
    QVERIFY2(promoted, qPrintable(promoted.errorMessage()));
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QCOMPARE(audit->tamperedKeys.size(), 1);
    QCOMPARE(audit->tamperedKeys.constFirst().id, forged->key.id);
    auto verifier = f.openSecond(QString());
    QCOMPARE(verifyWith(*verifier, f.clock, good->token), VerifyOutcome::Valid);
    QCOMPARE(verifyWith(*verifier, f.clock, forged->token), VerifyOutcome::NotFound);
    QCOMPARE(f.store->key(forged->key.id)->state, KeyState::Active); // untouched
}

// Each change lists the rows it signed in its bucket's attestation, so a verifier checks one
// signature per 256 keys; a deleted key leaves the list at the next change there.
void TestSignedVault::attestationListsTheSignedRows()
{
    VaultFixture f;
    std::vector<IssuedKey> issued;
    for (const char *name : {"one", "two", "three"}) {
        auto key = f.store->createKey(f.request(QString::fromLatin1(name)));
        QVERIFY(key);
        issued.push_back(std::move(key).value());
    }
    RawVault raw(f.path);
    auto listed = attestedIn(raw, 0);
    QVERIFY(listed);
    QCOMPARE(listed->keys(), QList<qint64>({issued[0].key.id, issued[1].key.id, issued[2].key.id}));
    QCOMPARE(listed->value(issued[1].key.id), storedRowDigest(raw, issued[1].key.id));
    // A list read as another bucket's, or cut short, is no list.
    const QByteArray encoded = SignatureAttestations::encode(*listed);
    QVERIFY(!SignatureAttestations::decode(1, encoded));
    QVERIFY(!SignatureAttestations::decode(0, encoded.chopped(1)));
    QVERIFY(f.store->deleteKey(issued[1].key.id, issued[1].key.version));
    auto fourth = f.store->createKey(f.request(QStringLiteral("four")));
    QVERIFY(fourth);
    listed = attestedIn(raw, 0);
    QVERIFY(listed);
    QCOMPARE(listed->keys(), QList<qint64>({issued[0].key.id, issued[2].key.id, fourth->key.id}));
    // A member's next change takes their own previous list (once it verifies) instead of
    // verifying each listed row again.
    auto again = f.openSecond();
    auto fifth = again->createKey(makeRequest(*again, f.clock, QStringLiteral("five")));
    QVERIFY(fifth);
    for (qint64 id : {issued[0].key.id, issued[2].key.id, fourth->key.id})
        QVERIFY(!VerifiedSignatures::ofProcess().contains(storedRowDigest(raw, id)));
    listed = attestedIn(raw, 0);
    QVERIFY(listed);
    QCOMPARE(listed->keys(),
             QList<qint64>({issued[0].key.id, issued[2].key.id, fourth->key.id, fifth->key.id}));
    auto verifier = f.openSecond(QString());
    QCOMPARE(verifyWith(*verifier, f.clock, issued[0].token), VerifyOutcome::Valid);
    QCOMPARE(verifyWith(*verifier, f.clock, fourth->token), VerifyOutcome::Valid);
    QCOMPARE(verifyWith(*verifier, f.clock, issued[1].token), VerifyOutcome::NotFound);
}

// Listing a forged row's digest without the attester's key breaks the list's signature: the
// verifier then checks each row of the bucket itself.
void TestSignedVault::forgedAttestationLendsNothing()
{
    VaultFixture f;
    auto forged = f.store->createKey(f.request(QStringLiteral("forged")));
    QVERIFY(forged);
    auto honest = f.store->createKey(f.request(QStringLiteral("honest")));
    QVERIFY(honest);
    RawVault raw(f.path);
    QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET usage_limit = NULL, expires_at = NULL "
                                    "WHERE id = ?"),
                     {forged->key.id}));
    auto listed = attestedIn(raw, 0);
    QVERIFY(listed);
    listed->insert(forged->key.id, storedRowDigest(raw, forged->key.id));
    QVERIFY(raw.exec(QStringLiteral("UPDATE signature_attestations SET entries = ?"),
                     {SignatureAttestations::encode(*listed)}));
    auto verifier = f.openSecond(QString());
    QCOMPARE(verifyWith(*verifier, f.clock, forged->token), VerifyOutcome::NotFound);
    QCOMPARE(verifyWith(*verifier, f.clock, honest->token), VerifyOutcome::Valid);
    VerifiedSignatures verified;
    auto tampered = VaultIntegrity::tamperedKeys(f.path, f.store->rootKey(), &verified);
    QVERIFY(tampered);
    QCOMPARE(tampered->size(), 1);
    QCOMPARE(tampered->constFirst().id, forged->key.id);
}

// Kept as the stored list and searched (no entry per row): every listed row is found with its
// digest and attester, in a bucket of one, of two and of a full 256; ids between, before and
// after the listed ones, and in buckets never added, are not. A list stored again replaces the
// one before (rows it no longer lists are not found) and counts its rows once; a list that is
// not taken changes nothing.
void TestSignedVault::attestationsFindExactlyTheListedRows()
{
    const auto owner = SigningKey::generate();
    QVERIFY(owner);
    MemberKeyRow root;
    root.id = 7;
    root.memberId = 1;
    root.publicKey = owner->publicKey();
    root.role = Role::Owner;
    root.certifiedBy = root.id;
    root.certificate = owner->sign(VaultSigning::certificateMessage(root));
    const VaultTrust trust = VaultTrust::fromRows(root.publicKey, {root});
    QVERIFY(trust.key(root.id));

    const auto digestOf = [](qint64 id) {
        return Sha256::hash(QByteArray::number(id)).left(SignatureAttestations::kDigestBytes);
    };
    const auto listOf = [&](const QList<qint64> &ids) {
        SignatureAttestations::Entries entries;
        for (qint64 id : ids)
            entries.insert(id, digestOf(id));
        return entries;
    };
    constexpr qint64 kBucket = SignatureAttestations::kKeysPerBucket;
    QList<qint64> full;
    for (qint64 id = 3 * kBucket; id < 4 * kBucket; ++id)
        full.append(id);
    const QList<QList<qint64>> lists = {{5}, {kBucket + 1, kBucket + 200}, full};
    SignatureAttestations attestations;
    for (const QList<qint64> &ids : lists) {
        const qint64 bucket = SignatureAttestations::bucketOf(ids.constFirst());
        const QByteArray encoded = SignatureAttestations::encode(listOf(ids));
        QVERIFY(attestations.add(trust, bucket, root.id, encoded,
                                 owner->sign(SignatureAttestations::message(bucket, encoded)),
                                 nullptr));
    }
    QCOMPARE(attestations.size(), qsizetype(1 + 2 + kBucket));
    for (const QList<qint64> &ids : lists) {
        for (qint64 id : ids) {
            const auto found = attestations.find(id);
            QVERIFY2(found, qPrintable(QString::number(id)));
            QCOMPARE(found->attestedBy, root.id);
            QCOMPARE(found->digest.toByteArray(), digestOf(id));
        }
    }
    for (qint64 id : {qint64(0), qint64(4), qint64(6), kBucket - 1, kBucket, kBucket + 2,
                      kBucket + 199, kBucket + 201, 2 * kBucket, 4 * kBucket, 100 * kBucket})
        QVERIFY2(!attestations.find(id), qPrintable(QString::number(id)));

    // The second bucket listed again, one row in, one out: the new list replaces the old.
    const QByteArray again = SignatureAttestations::encode(listOf({kBucket + 1, kBucket + 2}));
    QVERIFY(attestations.add(trust, 1, root.id, again,
                             owner->sign(SignatureAttestations::message(1, again)), nullptr));
    QCOMPARE(attestations.size(), qsizetype(1 + 2 + kBucket));
    QVERIFY(attestations.find(kBucket + 2));
    QVERIFY(!attestations.find(kBucket + 200));
    // A list of bucket 1's rows stored as bucket 2's is not taken, and changes nothing.
    QVERIFY(!attestations.add(trust, 2, root.id, again,
                              owner->sign(SignatureAttestations::message(2, again)), nullptr));
    QCOMPARE(attestations.size(), qsizetype(1 + 2 + kBucket));
    QVERIFY(attestations.find(kBucket + 1));
    attestations.clear();
    QCOMPARE(attestations.size(), qsizetype(0));
    QVERIFY(!attestations.find(5));
}

// An attester vouches only for rows it could have signed itself. Bob (a Developer) lists a
// forged Developer key in an attestation of his: that passes, as his own signature on the row
// would have (and shows verifiers take attestations instead of each row's signature). The same
// for an Admin key he could never have made does not.
void TestSignedVault::attesterIsHeldToItsRank()
{
    VaultFixture f;
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Developer, secret(kBobPassphrase));
    QVERIFY(bob);
    QVERIFY(f.openSecond(QStringLiteral("bob"), kBobPassphrase)->canSign()); // his certified key
    auto developerKey = f.store->createKey(f.request(QStringLiteral("developer")));
    QVERIFY(developerKey);
    auto adminKey = f.store->createKey(
        f.request(QStringLiteral("admin"), Environment::Production, Role::Admin));
    QVERIFY(adminKey);
    RawVault raw(f.path);
    auto [bobKeyId, bobKey] = memberSigningKey(raw, bob->id, kBobPassphrase);
    QVERIFY(bobKey);
    for (qint64 id : {developerKey->key.id, adminKey->key.id})
        QVERIFY(
            raw.exec(QStringLiteral("UPDATE api_keys SET expires_at = NULL WHERE id = ?"), {id}));
    writeAttestation(raw, 0,
                     {{developerKey->key.id, storedRowDigest(raw, developerKey->key.id)},
                      {adminKey->key.id, storedRowDigest(raw, adminKey->key.id)}},
                     bobKeyId, *bobKey);
    auto verifier = f.openSecond(QString());
    QCOMPARE(verifyWith(*verifier, f.clock, developerKey->token), VerifyOutcome::Valid);
    QCOMPARE(verifyWith(*verifier, f.clock, adminKey->token), VerifyOutcome::NotFound);
    // audit verify checks every row's own signature, and names both.
    auto audit = f.store->verifyAudit();
    QVERIFY(audit);
    QCOMPARE(audit->tamperedKeys.size(), 2);
    // Bob leaves: his retired key's list vouches for nothing any more.
    QVERIFY(f.store->removeMember(bob->id));
    QCOMPARE(verifyWith(*f.openSecond(QString()), f.clock, developerKey->token),
             VerifyOutcome::NotFound);
}

// Putting back an older row, its signature and the attestation of that time lends nothing: the
// row's message names the key's newest audit row, so its digest is not the one listed then.
void TestSignedVault::replayedRowWithItsAttestationIsNotFound()
{
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    RawVault raw(f.path);
    const QVariant signature = raw.value(
        QStringLiteral("SELECT signature FROM key_signatures WHERE key_id = ?"), {issued->key.id});
    const QVariant entries =
        raw.value(QStringLiteral("SELECT entries FROM signature_attestations WHERE bucket = 0"));
    const QVariant attestation =
        raw.value(QStringLiteral("SELECT signature FROM signature_attestations WHERE bucket = 0"));
    QVERIFY(f.store->revokeKey(issued->key.id, issued->key.version));
    QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET state = 0, revoked_at = NULL, version = "
                                    "? WHERE id = ?"),
                     {issued->key.version, issued->key.id}));
    QVERIFY(raw.exec(QStringLiteral("UPDATE key_signatures SET signature = ? WHERE key_id = ?"),
                     {signature, issued->key.id}));
    QVERIFY(raw.exec(QStringLiteral("UPDATE signature_attestations SET entries = ?, signature = ? "
                                    "WHERE bucket = 0"),
                     {entries, attestation}));
    auto verifier = f.openSecond(QString());
    QCOMPARE(verifyWith(*verifier, f.clock, issued->token), VerifyOutcome::NotFound);
}

// A list is never carried forward unread. Bob (a Developer whose key was stolen) lists a forged
// Developer key: his list makes it pass, as his own signature on it would have. Carol, an honest
// Developer, then changes a key of the same bucket: her list holds what she made and what she
// verified, so the forged key is not found any more.
void TestSignedVault::writersListOnlyWhatTheyVerified()
{
    VaultFixture f;
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Developer, secret(kBobPassphrase));
    QVERIFY(bob);
    QVERIFY(f.openSecond(QStringLiteral("bob"), kBobPassphrase)->canSign());
    const char carolPassphrase[] = "carol's long passphrase";
    QVERIFY(f.store->addMember(QStringLiteral("carol"), Role::Developer, secret(carolPassphrase)));
    auto asCarol = f.openSecond(QStringLiteral("carol"), carolPassphrase);
    QVERIFY(asCarol->canSign());
    auto forged = f.store->createKey(f.request(QStringLiteral("forged")));
    QVERIFY(forged);
    RawVault raw(f.path);
    auto [bobKeyId, bobKey] = memberSigningKey(raw, bob->id, kBobPassphrase);
    QVERIFY(bobKey);
    QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET expires_at = NULL WHERE id = ?"),
                     {forged->key.id}));
    writeAttestation(raw, 0, {{forged->key.id, storedRowDigest(raw, forged->key.id)}}, bobKeyId,
                     *bobKey);
    QCOMPARE(verifyWith(*f.openSecond(QString()), f.clock, forged->token), VerifyOutcome::Valid);
    auto carols = asCarol->createKey(makeRequest(*asCarol, f.clock, QStringLiteral("carol's")));
    QVERIFY2(carols, qPrintable(carols.errorMessage()));
    auto listed = attestedIn(raw, 0);
    QVERIFY(listed);
    QVERIFY(!listed->contains(forged->key.id));
    QVERIFY(listed->contains(carols->key.id));
    auto verifier = f.openSecond(QString());
    QCOMPARE(verifyWith(*verifier, f.clock, forged->token), VerifyOutcome::NotFound);
    QCOMPARE(verifyWith(*verifier, f.clock, carols->token), VerifyOutcome::Valid);
}

// Every signature a vault holds is over these bytes: a build that wrote them differently would
// refuse every signed key of every existing vault as tampered, while tests that sign and check
// with the same build still passed. The expected digests come from the format as documented
// (each field an 8-byte big-endian length and its bytes; numbers in decimal, "-" for none,
// text in UTF-8), computed apart from this code.
void TestSignedVault::signedMessagesKeepTheirBytes()
{
    const auto sha256Hex = [](const QByteArray &bytes) {
        return Sha256::hash(bytes).toHex();
    };
    SignedKeyFields full;
    full.id = std::numeric_limits<qint64>::min();
    full.version = 7;
    full.environment = 2;
    full.role = 1;
    full.grants = QStringLiteral("billing:read keys:write");
    full.state = 0;
    full.rateCount = -5;
    full.rateUnit = 2;
    full.usageLimit = 1000;
    full.customer = QStringLiteral("Zürich AG");
    full.revokedAtMs = std::numeric_limits<qint64>::max();
    full.flagged = true;
    full.createdBy = 3;
    full.secrets = {{10, QByteArray(32, char(0xAB)), std::nullopt},
                    {11, QByteArray(), qint64(1700000000000)}};
    const QByteArray message = VaultSigning::keyMessage(full);
    QCOMPARE(message.size(), 344);
    QCOMPARE(sha256Hex(message),
             QByteArray("c04eeaf0b6eb73011ebe84ae286208040d23d8de6aacb3047fba96bff13d63ce"));

    SignedKeyFields bare;
    bare.id = 42;
    bare.version = 1;
    bare.state = 3;
    bare.expiresAtMs = -1;
    bare.allowedIps = QStringLiteral("10.0.0.0/8 ::1");
    bare.auditId = 99;
    QCOMPARE(sha256Hex(VaultSigning::keyMessage(bare)),
             QByteArray("d7a921fef03fb0b06db8f835c2339ca1cb5337a829360c9553b8cdd762ddbc6c"));

    // Longer than the builder's own buffer, with ASCII (narrowed in place) and other text.
    SignedKeyFields longer;
    longer.id = 5;
    longer.version = 2;
    longer.environment = 1;
    longer.grants = QStringLiteral("scope:") + QString(900, QLatin1Char('x'));
    longer.state = 1;
    longer.rateCount = 10;
    longer.customer = QStringLiteral("\u00dcn\u00efc\u00f6d\u00e9 ").repeated(10);
    longer.secrets = {{1, QByteArray(32, char(0xCD)), std::nullopt},
                      {2, QByteArray(32, char(0xEF)), qint64(1800000000000)}};
    const QByteArray longMessage = VaultSigning::keyMessage(longer);
    QCOMPARE(longMessage.size(), 1327);
    QCOMPARE(sha256Hex(longMessage),
             QByteArray("8361a4fb8fe85016d8f3d6246eba78099728d3ee5c25400bcb13fa7260ec748a"));

    QCOMPARE(VaultSigning::attestationMessage(-1, QByteArray("\x00\x01\xff", 3)).toHex(),
             QByteArray("00000000000000166b6579776172642d6174746573746174696f6e2d7631000000000000"
                        "00022d3100000000000000030001ff"));
    AuditEvent event;
    event.id = 123456789012;
    for (int i = 0; i < 32; ++i)
        event.hash.append(char(i));
    QCOMPARE(sha256Hex(VaultSigning::auditMessage(event)),
             QByteArray("2551f2884c969266611a8e9cd9781404c7ce3462003b0ae95823eab7e9fa3a28"));
    QCOMPARE(VerifiedSignatures::digest("pk", "message", "sig").toHex(),
             QByteArray("82065eaa001f4bded7cb468c6b06745e293966850e85dcc44c63827897a85dc0"));
}

// A verifier reads what a key's signature covers with the look-up's own statement when the key
// has one secret (SecretLookup, SignedKeyCheck::lookupColumns()), and in statements of the
// check's own when it has more (a regenerated key in its grace period). Every signed column
// forged behind Keyward's back is refused either way, and the untouched key is valid.
void TestSignedVault::everySignedColumnIsCheckedOnBothReads_data()
{
    QTest::addColumn<QString>("forgery"); // %1: the key's id, %2 its neighbour's; ';' separates
    QTest::addColumn<bool>("twoSecrets");
    const QList<std::pair<const char *, const char *>> forgeries {
        {"untouched", ""},
        {"environment", "UPDATE api_keys SET environment = 1 WHERE id = %1"},
        {"role", "UPDATE api_keys SET role = (role + 1) % 4 WHERE id = %1"},
        {"grants", "UPDATE api_keys SET grants = grants || ' zz:write' WHERE id = %1"},
        {"state", "UPDATE api_keys SET state = 1 WHERE id = %1"},
        {"expiry", "UPDATE api_keys SET expires_at = expires_at + 1000 WHERE id = %1"},
        {"rate count", "UPDATE api_keys SET rate_count = rate_count + 7 WHERE id = %1"},
        {"rate unit", "UPDATE api_keys SET rate_unit = (rate_unit + 1) % 3 WHERE id = %1"},
        {"usage limit", "UPDATE api_keys SET usage_limit = 5 WHERE id = %1"},
        {"customer", "UPDATE api_keys SET customer = 'someone else' WHERE id = %1"},
        {"allowed addresses", "UPDATE api_keys SET allowed_ips = '10.0.0.0/8' WHERE id = %1"},
        {"revoked at", "UPDATE api_keys SET revoked_at = 1 WHERE id = %1"},
        {"flagged", "UPDATE api_keys SET flagged = 1 - flagged WHERE id = %1"},
        {"creator", "UPDATE api_keys SET created_by = created_by + 1 WHERE id = %1"},
        {"version", "UPDATE api_keys SET version = version + 1 WHERE id = %1"},
        {"secret retires",
         "UPDATE key_secrets SET retires_at = 4102444800000 WHERE key_id = %1 AND id = (SELECT "
         "MAX(id) FROM key_secrets WHERE key_id = %1)"},
        {"signature", "UPDATE key_signatures SET signature = zeroblob(64) WHERE key_id = %1"},
        {"no signature", "DELETE FROM key_signatures WHERE key_id = %1"},
        {"secret id", "UPDATE key_secrets SET id = id + 1000 WHERE key_id = %1"},
        {"secret moved to another key",
         "DELETE FROM key_secrets WHERE key_id = %2; UPDATE key_secrets SET key_id = %2 WHERE "
         "key_id = %1"},
        {"newer audit row",
         "INSERT INTO audit_log (at, actor, action, key_id, details, prev_hash, hash) VALUES (0, "
         "'x', 'x', %1, '', x'00', x'00')"},
    };
    for (const auto &[name, forgery] : forgeries) {
        for (const bool twoSecrets : {false, true}) {
            QTest::addRow("%s, %s", name, twoSecrets ? "two secrets" : "one secret")
                << QString::fromLatin1(forgery) << twoSecrets;
        }
    }
}

void TestSignedVault::everySignedColumnIsCheckedOnBothReads()
{
    QFETCH(QString, forgery);
    QFETCH(bool, twoSecrets);
    VaultFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("svc")));
    QVERIFY(issued);
    // Created after the key, so the forged one does not sit alone in its attestation bucket.
    auto neighbour = f.store->createKey(f.request(QStringLiteral("neighbour")));
    QVERIFY(neighbour);
    SecretString token = std::move(issued->token);
    if (twoSecrets) {
        auto regenerated = f.store->regenerateKey(issued->key.id, issued->key.version, kDayMs);
        QVERIFY2(regenerated, qPrintable(regenerated.errorMessage()));
        QCOMPARE(regenerated->key.secrets.size(), 2);
        token = std::move(regenerated->token);
    }
    if (!forgery.isEmpty()) {
        RawVault raw(f.path);
        const QString sql = QString(forgery)
                                .replace(QStringLiteral("%1"), QString::number(issued->key.id))
                                .replace(QStringLiteral("%2"), QString::number(neighbour->key.id));
        for (const QString &statement : sql.split(QLatin1Char(';')))
            QVERIFY(raw.exec(statement.trimmed()));
    }
    auto verifier = f.openSecond(QString());
    QVERIFY(verifier);
    QCOMPARE(verifyWith(*verifier, f.clock, token),
             forgery.isEmpty() ? VerifyOutcome::Valid : VerifyOutcome::NotFound);
}

QTEST_GUILESS_MAIN(TestSignedVault)
#include "test_signed_vault.moc"
