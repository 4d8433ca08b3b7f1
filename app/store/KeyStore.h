#pragma once

#include "core/ApiKey.h"
#include "core/AuditEvent.h"
#include "core/BulkKeyChange.h"
#include "core/ExpiryPolicy.h"
#include "core/GrantCatalogue.h"
#include "core/HygieneReport.h"
#include "core/Member.h"
#include "core/Result.h"
#include "crypto/SecretString.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace Keyward {

class SharedLimitRepository;

struct NewKeyRequest
{
    QString name;
    QString notes;
    Environment environment = Environment::Development;
    Role role = Role::Developer;
    QStringList grants;
    std::optional<qint64> expiresAtMs; // empty: never
    RateLimit rateLimit;
    std::optional<qint64> usageLimit;
    QString customer; // stored trimmed
    IpAllowlist allowedIps; // empty: any address
};

// What an Edit may change. Grants and role are deliberately absent: they are immutable.
struct KeyEdit
{
    QString name;
    QString notes;
    RateLimit rateLimit;
    std::optional<qint64> expiresAtMs;
    // The new IP allowlist; nullopt leaves it as it is (an empty list opens the key to any
    // address).
    std::optional<IpAllowlist> allowedIps = std::nullopt;
};

// A freshly issued secret: the only moment the token exists outside the integration.
struct IssuedKey
{
    ApiKey key;
    SecretString token;
    qint64 secretId = 0; // the new secret's row
};

// A key row whose signature does not hold (a signed vault file written around Keyward).
struct TamperedKey
{
    qint64 id = 0;
    QString name;
    QString problem; // translated
};

struct AuditVerification
{
    bool intact = true;
    qint64 rowsChecked = 0;
    qint64 firstBadId = 0; // the first row whose hash or link does not match
    QString problem; // translated description when !intact
    QVector<TamperedKey> tamperedKeys; // signed vaults: keys a verifier refuses as tampered
    QString fingerprint; // signed vaults: the root key's fingerprint
};

// Secret ids in (after, upTo]: a part of a pass over the secrets that threads share
// (VerifierCache), or the whole of it.
struct SecretIdRange
{
    qint64 after = std::numeric_limits<qint64>::min();
    qint64 upTo = std::numeric_limits<qint64>::max();
};

// The lowest and highest secret id, when there are secrets.
struct SecretIdBounds
{
    qint64 lowest = 0;
    qint64 highest = 0;
};

// A secret found by its hash, with its key, for verification.
struct SecretMatch
{
    ApiKey key;
    KeySecret secret;
};

// Usage of one key written since a usage counter value: its usage count and each secret's last
// use and refusal (KeySecret's id, keyId, lastUsed* and lastRefused* only).
struct KeyUsageUpdate
{
    qint64 keyId = 0;
    qint64 usageCount = 0;
    QVector<KeySecret> secrets;
};

struct UsageUpdates
{
    qint64 counter = 0; // pass this to the next usageSince()
    QVector<KeyUsageUpdate> keys; // by key id
};

// A vault file whose key rows are signed: its path and the root key this store accepted when it
// opened it, for a check of every row's signature on another thread (ui/TamperedKeysCheck).
struct SignedVaultFile
{
    QString path;
    QByteArray rootKey;
};

// What the change channel reports (KeyStore::setChangeObserver).
struct StoreChange
{
    // changeCounter() once the change committed; -1 when not known (a write refused because
    // someone else changed the row first), so whoever needs it reads it.
    qint64 counter = -1;
    // Members were added, removed or given another role: the signed-in one may be among them.
    bool members = false;
};

// The operations every store offers (SQLite vault, PostgreSQL). Each mutating call:
// checks the signed-in member's permission in core, writes in one transaction together with
// its audit row, and refuses a stale version with ErrorCode::StaleVersion.
class KeyStore
{
public:
    virtual ~KeyStore() = default;

    // Identity of the store for titles and recent lists ("vault.keyward", "db@host").
    virtual QString displayName() const = 0;
    virtual QString prefix() const = 0;
    virtual const GrantCatalogue &grantCatalogue() const = 0;

    // Session. Every mutating call requires a signed-in member.
    virtual Result<Member> signIn(const QString &memberName, const SecretString &passphrase) = 0;
    virtual void signOut() = 0;
    virtual std::optional<Member> currentMember() const = 0;

    // Keys.
    virtual Result<IssuedKey> createKey(const NewKeyRequest &request) = 0;
    virtual Result<QVector<ApiKey>> listKeys(bool includeRevoked = true) = 0;
    virtual Result<ApiKey> key(qint64 id) = 0;
    virtual Result<ApiKey> editKey(qint64 id, qint64 expectedVersion, const KeyEdit &edit) = 0;
    virtual Result<ApiKey> setKeyActive(qint64 id, qint64 expectedVersion, bool active) = 0;
    virtual Result<ApiKey> revokeKey(qint64 id, qint64 expectedVersion) = 0;
    virtual Result<void> deleteKey(qint64 id, qint64 expectedVersion) = 0;
    // New secret, same configuration; the old secret retires after graceMs (0: at once).
    // Refused for an expired key (Permissions::mayRegenerateAt): duplicate it instead.
    virtual Result<IssuedKey> regenerateKey(qint64 id, qint64 expectedVersion, qint64 graceMs) = 0;
    // The same in two steps, for a caller that may die between storing the new secret and
    // showing it (keywardctl, killed or with stdout closed): the first stores the new secret
    // while every old one keeps working; the second, called once the new one is out, retires
    // the others after graceMs. A caller that dies in between leaves the key working as before,
    // plus a secret nobody saw, which the next regeneration retires like any other.
    virtual Result<IssuedKey> regenerateKeyKeepingOld(qint64 id, qint64 expectedVersion,
                                                      qint64 graceMs) = 0;
    virtual Result<ApiKey> retireReplacedSecrets(qint64 id, qint64 keptSecretId,
                                                 qint64 graceMs) = 0;
    // Admins and Owners (Permissions::mayChangeUsageLimit): a new usage limit (nullopt: none),
    // or the usage counted against it back to 0. Both audited.
    virtual Result<ApiKey> setUsageLimit(qint64 id, qint64 expectedVersion,
                                         std::optional<qint64> usageLimit) = 0;
    virtual Result<ApiKey> resetUsage(qint64 id, qint64 expectedVersion) = 0;
    // The previous secret(s) stop now instead of at the end of their grace period
    // (Permissions::mayEndGracePeriod). Audited with their hints.
    virtual Result<ApiKey> endGracePeriod(qint64 id, qint64 expectedVersion) = 0;
    // One change to many keys in one transaction, one audit row per key. A key that is
    // refused (role, tampered, changed or deleted by someone else) is reported and skipped
    // while the others go through; only a failure of the store itself rolls everything back.
    virtual Result<BulkKeyResult> changeKeys(const BulkKeyChange &change) = 0;

    // Members (Owner only for changes).
    virtual Result<QVector<Member>> listMembers() = 0;
    virtual Result<Member> addMember(const QString &name, Role role,
                                     const SecretString &passphrase) = 0;
    // Demotion deactivates and flags the member's keys above the new role.
    virtual Result<Member> setMemberRole(qint64 memberId, qint64 expectedVersion, Role role) = 0;
    virtual Result<void> removeMember(qint64 memberId) = 0;
    // Whether this store keeps the members' passphrases (a vault file) and so can set them; a
    // server vault does not: its server checks the passwords.
    virtual bool keepsPassphrases() const = 0;
    // Passphrases (vault files only). A new one is hashed, never stored or logged; an audit row
    // records who set whose. An Owner sets another member's without knowing it (a first one
    // after a copy from a server, or a reset); the signed-in member's own is refused here with
    // AuthenticationFailed: it goes through changeOwnPassphrase, so an unlocked screen left
    // alone is not enough to take the account over.
    virtual Result<void> setMemberPassphrase(qint64 memberId,
                                             const SecretString &newPassphrase) = 0;
    // The signed-in member's own, only with their current passphrase: a wrong one is refused
    // with AuthenticationFailed and changes nothing.
    virtual Result<void> changeOwnPassphrase(const SecretString &currentPassphrase,
                                             const SecretString &newPassphrase) = 0;

    // Hygiene report (issue 16 §2). The rotation policy is an Owner setting; any member reads
    // it. Dismissals: whoever may edit the key (Permissions::mayDismissFinding), with a reason
    // (HygieneReport::validateDismissReason); restoring one that is not dismissed is NotFound.
    // All three write one audit row, which is also where they are kept (store/HygieneLedger).
    virtual Result<RotationPolicy> rotationPolicy() = 0;
    virtual Result<void> setRotationPolicy(std::optional<int> maxSecretAgeDays) = 0;
    virtual Result<QVector<HygieneDismissal>> hygieneDismissals() = 0;
    virtual Result<void> dismissFinding(qint64 keyId, HygieneFinding::Kind kind,
                                        const QString &reason) = 0;
    virtual Result<void> restoreFinding(qint64 keyId, HygieneFinding::Kind kind) = 0;

    // Audit.
    virtual Result<QVector<AuditEvent>> auditEvents(std::optional<qint64> keyId = std::nullopt,
                                                    int limit = 1000) = 0;
    virtual Result<AuditVerification> verifyAudit() = 0;

    // Verification support: no member needed. The one look-up of a secret by its hash (the
    // verifier's, prepared once): the match carries what a verdict needs (store/SecretRow.h),
    // not the key's notes, role, creator or other secrets. A tampered row is no match.
    virtual Result<std::optional<SecretMatch>> findSecret(const QByteArray &hash) = 0;
    // Every secret with its key, as findSecret() answers for the secret's hash, read in one pass
    // (in order of id, about a thousand rows per read snapshot, so that none is held long):
    // a verifier's cache filled at once (VerifierCache). A row findSecret() would refuse as
    // tampered is left out. visit returns false to stop the pass.
    using SecretVisitor = std::function<bool(const QByteArray &hash, SecretMatch &&match)>;
    Result<void> forEachSecret(const SecretVisitor &visit) { return forEachSecretIn({}, visit); }
    // The same for the secrets whose ids are in range only.
    virtual Result<void> forEachSecretIn(SecretIdRange range, const SecretVisitor &visit) = 0;
    // nullopt: no secrets.
    virtual Result<std::optional<SecretIdBounds>> secretIdBounds() = 0;
    // The number of secrets, counted up to limit (a count never reads more rows than that).
    // (The highest id, read instead when it was small enough, overstated it after deletions.)
    virtual Result<qint64> countSecretsUpTo(qint64 limit) = 0;
    // Rate and usage limits shared by every verifier on the store, on this store's connection;
    // nullptr when the store cannot hold them (limits then hold per process).
    virtual std::unique_ptr<SharedLimitRepository> sharedLimitRepository() = 0;
    // nullopt for a server (its roles keep verifiers from writing keys) and an unsigned file.
    virtual std::optional<SignedVaultFile> signedVaultFile() const = 0;

    // A number that changes whenever any process commits a change (for refresh and caches).
    virtual Result<qint64> changeCounter() = 0;

    // The change channel: observer runs after every committed change that windows show, and
    // after a write refused because someone else changed or deleted what it was about
    // (StaleVersion, NotFound), on the thread that wrote, once the transaction has ended. Empty
    // function: none. Windows reload from it, so no command has to.
    using ChangeObserver = std::function<void(const StoreChange &)>;
    void setChangeObserver(ChangeObserver observer) { m_changeObserver = std::move(observer); }
    // While one lives, the observer runs at most once, when the last one ends: a loop of writes
    // (dismissing a thousand findings) is one change to show, not a thousand.
    class ChangeBatch
    {
    public:
        explicit ChangeBatch(KeyStore &store)
            : m_store(store)
        {
            ++m_store.m_changeBatches;
        }
        ~ChangeBatch()
        {
            if (--m_store.m_changeBatches == 0 && m_store.m_pendingChange) {
                const StoreChange change = *m_store.m_pendingChange;
                m_store.m_pendingChange.reset();
                m_store.noteChange(change);
            }
        }
        ChangeBatch(const ChangeBatch &) = delete;
        ChangeBatch &operator=(const ChangeBatch &) = delete;

    private:
        KeyStore &m_store;
    };
    // A number that grows whenever any process records usage (verification answers). Usage is
    // not a change of the configuration: it moves this counter, not changeCounter().
    virtual Result<qint64> usageCounter() = 0;
    // The keys whose usage was recorded after usageCounter() returned `counter` (possibly a
    // few more): what an open window needs to update, without reading every key.
    virtual Result<UsageUpdates> usageSince(qint64 counter) = 0;

protected:
    // For implementations: a change to report through the observer (or the batch, which
    // reports the newest counter and whether any of its changes touched members).
    void noteChange(const StoreChange &change)
    {
        if (m_changeBatches == 0) {
            if (m_changeObserver)
                m_changeObserver(change);
            return;
        }
        if (!m_pendingChange) {
            m_pendingChange = change;
            return;
        }
        // A counter not known (-1) stays unknown: the observer then reads it.
        const bool known = m_pendingChange->counter >= 0 && change.counter >= 0;
        m_pendingChange->counter = known ? std::max(m_pendingChange->counter, change.counter) : -1;
        m_pendingChange->members = m_pendingChange->members || change.members;
    }

private:
    ChangeObserver m_changeObserver;
    int m_changeBatches = 0; // live ChangeBatch objects
    std::optional<StoreChange> m_pendingChange; // noted while a batch lived
};

} // namespace Keyward
