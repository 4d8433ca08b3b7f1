#pragma once

#include "DamageFlag.h"
#include "KeyStore.h"
#include "PgConnInfo.h"
#include "SignInChallenge.h"
#include "SignatureAttestations.h"
#include "SqlDialect.h"
#include "VaultFile.h"
#include "core/Clock.h"
#include "core/Permissions.h"
#include "crypto/SigningKey.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>

#include <QJsonObject>
#include <QPair>

#include <atomic>
#include <functional>
#include <memory>

class QSqlDatabase;
class QSqlQuery;

namespace Keyward {

class SecretIndexCheck;
class SecretLookup;
class SqliteReadTransaction;
class SharedLimitRepository;
class SignedKeyCheck;
class SqlConnection;
class UsageRepository;
class VaultMigrator;
class VaultTrust;
struct MemberKeyRow;

struct VaultOptions
{
    // How long a write waits for another writer before "locked" is reported.
    int busyTimeoutMs = 2000;
    // How long opening a vault behind this build's schema waits for the write lock to upgrade
    // it (0: busyTimeoutMs). Another program is then most likely upgrading it, which takes
    // about 6.5 s for 1,000,000 keys (schema 8): commands and servers wait kUpgradeWaitMs rather
    // than fail every verify started meanwhile as "locked". The window keeps the short wait: it
    // opens on the GUI thread.
    int upgradeBusyTimeoutMs = 0;
    static constexpr int kUpgradeWaitMs = 30000;
    VaultCheck check = VaultCheck::WholeFile;
    // The vault's expected fingerprint (SigningKey::fingerprint of its root key), kept outside
    // the vault: a vault with another root, or none, is refused. Empty: not pinned.
    QString pinnedFingerprint;
    // Another connection of this process accepted the vault without a root key (an old vault
    // not yet signed): one found now is refused (the file may have been replaced; a vault
    // signed since is trusted after a restart).
    bool expectUnsigned = false;

    // For a connection opened after `acceptedRoot` was accepted by the process's first one
    // (serving threads, workers, the cache filler): unless pinned already, it accepts only that
    // root, or none if the first found none. A root replaced in the file meanwhile must not be
    // trusted by the later connections.
    void holdToRoot(const QByteArray &acceptedRoot);
};

// KeyStore over Qt SQL: an SQLite vault file or a PostgreSQL database. One instance owns one
// connection and must be used from the thread that created it.
class SqlKeyStore final : public KeyStore
{
    Q_DECLARE_TR_FUNCTIONS(SqlKeyStore)
public:
    static Result<std::unique_ptr<SqlKeyStore>>
    createVault(const QString &path, const QString &prefix, const QString &ownerName,
                const SecretString &passphrase, const Clock &clock, VaultOptions options = {});
    // Refuses (and leaves byte-identical) a file that is missing, foreign, corrupt, truncated,
    // locked or from a newer Keyward.
    static Result<std::unique_ptr<SqlKeyStore>> openVault(const QString &path, const Clock &clock,
                                                          VaultOptions options = {});
    // A vault in a PostgreSQL database set up by PostgresSetup (`keywardctl db setup`). The
    // conninfo is libpq's ("host=... port=... dbname=... user=... sslmode=...", "service=NAME"
    // or a postgresql:// URI); whatever it leaves out (the password, typically) libpq takes from
    // PGPASSFILE/~/.pgpass and the PG* environment. The server authenticates the login; then
    // signIn() maps it to its member. Refuses a database without a Keyward schema, and one from
    // a newer Keyward, with a clear message.
    static Result<std::unique_ptr<SqlKeyStore>> connectPostgres(const QString &conninfo,
                                                                const Clock &clock);
    static Result<std::unique_ptr<SqlKeyStore>> connectPostgres(const PgConnInfo &conninfo,
                                                                const Clock &clock);

    ~SqlKeyStore() override;
    SqlKeyStore(const SqlKeyStore &) = delete;
    SqlKeyStore &operator=(const SqlKeyStore &) = delete;

    QString displayName() const override;
    QString location() const { return m_location; }
    QString prefix() const override { return m_prefix; }
    const GrantCatalogue &grantCatalogue() const override { return m_catalogue; }
    const Clock &clock() const { return m_clock; }
    SqlEngine engine() const { return m_dialect.engine(); }
    // The connection's name in Qt SQL's registry, for a worker that clones it on its own thread
    // (UsageRecorder).
    QString connectionName() const;
    // Repositories on this store's connection, for verify/ (same thread as the store).
    std::unique_ptr<UsageRepository> usageRepository();
    std::unique_ptr<SharedLimitRepository> sharedLimitRepository() override;

    // For a process that verifies many keys (a pipeline, the server): let SQLite keep up to this
    // much of a vault file in its page cache, so look-ups stop re-reading pages through the OS.
    // Memory grows only with the pages actually read. Nothing on PostgreSQL.
    static constexpr int kVerifierPageCacheKiB = 64 * 1024;
    void setPageCacheKiB(int kib);

    // For a caller answering many look-ups in a row (a pipeline's lines): on a vault file, up to
    // kLookupsPerSnapshot look-ups then share one read snapshot, under one set of file locks,
    // where each took and dropped its own (profiled: a sixth of a pipeline's time). Changes by
    // others are seen from the next snapshot, a few milliseconds later at most. Call
    // releaseReadSnapshot() before waiting for more work, so that nothing is held while idle; a
    // write on this store's connection (a change, a shared limit's lease) ends it first.
    // It also ends once older than kSnapshotMaxAgeMs (releaseReadSnapshotOlderThan, called
    // between answers, since cached answers make no look-ups), and at the next look-up after
    // anything in this process learnt of newer data (noteNewerData): the change counter's poll,
    // on any thread or store, or a usage write. So a snapshot one thread opened before another
    // thread's poll emptied their shared cache is never used to fill it again.
    static constexpr int kLookupsPerSnapshot = 256;
    static constexpr int kSnapshotMaxAgeMs = 10;
    void shareReadSnapshots(bool share);
    void releaseReadSnapshot();
    void releaseReadSnapshotOlderThan(int ms);
    static void noteNewerData();

    // Connection state, for a "connection lost" banner. After an error with
    // ErrorCode::ConnectionLost, isConnected() is false until reconnect() succeeds. A change that
    // failed that way was not saved (or, when the loss hit the COMMIT itself and the store could
    // not find out, the error says so); nothing is ever half-saved.
    bool isConnected() const;
    // Opens the connection again with the same settings (PostgreSQL); the session keeps its
    // member. A no-op for a local vault that is open.
    Result<void> reconnect();
    // Connections re-established by reconnect() so far (for a server's metrics; any thread).
    qint64 reconnectCount() const { return m_reconnects.load(std::memory_order_relaxed); }
    // The server login of a PostgreSQL store (empty for a local vault).
    QString serverLogin() const { return m_serverLogin; }

    // On PostgreSQL the server has already authenticated the login: memberName may be empty or
    // must equal the login, the passphrase is ignored, and a login that is not a (current)
    // member is refused with AuthenticationFailed.
    Result<Member> signIn(const QString &memberName, const SecretString &passphrase) override;
    // signIn() in steps, for a window that checks the passphrase on another thread (see
    // SignInChallenge): what to check it against (fast; damaged member rows refused here), then
    // the sign-in with the answer (the audit entry, the member's signing key).
    Result<SignInChallenge> signInChallenge(const QString &memberName);
    Result<Member> completeSignIn(const SignInChallenge &challenge, SignInProof proof);
    void signOut() override;
    std::optional<Member> currentMember() const override { return m_member; }

    Result<IssuedKey> createKey(const NewKeyRequest &request) override;
    Result<QVector<ApiKey>> listKeys(bool includeRevoked = true) override;
    Result<ApiKey> key(qint64 id) override;
    Result<ApiKey> editKey(qint64 id, qint64 expectedVersion, const KeyEdit &edit) override;
    Result<ApiKey> setKeyActive(qint64 id, qint64 expectedVersion, bool active) override;
    Result<ApiKey> revokeKey(qint64 id, qint64 expectedVersion) override;
    Result<void> deleteKey(qint64 id, qint64 expectedVersion) override;
    Result<IssuedKey> regenerateKey(qint64 id, qint64 expectedVersion, qint64 graceMs) override;
    Result<IssuedKey> regenerateKeyKeepingOld(qint64 id, qint64 expectedVersion,
                                              qint64 graceMs) override;
    Result<ApiKey> retireReplacedSecrets(qint64 id, qint64 keptSecretId, qint64 graceMs) override;
    Result<ApiKey> setUsageLimit(qint64 id, qint64 expectedVersion,
                                 std::optional<qint64> usageLimit) override;
    Result<ApiKey> resetUsage(qint64 id, qint64 expectedVersion) override;
    Result<ApiKey> endGracePeriod(qint64 id, qint64 expectedVersion) override;
    Result<BulkKeyResult> changeKeys(const BulkKeyChange &change) override;

    Result<QVector<Member>> listMembers() override;
    // On PostgreSQL the name is a login: created when missing (the passphrase becomes its
    // password, sent only as a SCRAM verifier; empty for peer/certificate logins), granted the
    // role's group, and mapped in members. An existing login keeps its own password.
    Result<Member> addMember(const QString &name, Role role,
                             const SecretString &passphrase) override;
    Result<Member> setMemberRole(qint64 memberId, qint64 expectedVersion, Role role) override;
    // PostgreSQL only, Owner only: a login for a verifying service (created when missing, with
    // the password if one is given), granted the vault's verifier group, with an audit row.
    Result<void> addVerifierLogin(const QString &login, const SecretString &password);
    // The database owner's way (`keywardctl db add-login` without a member session): the
    // server's privileges decide alone, with no member signed in. Call inside
    // inWriteTransaction(), and write the change's row with appendDatabaseOwnerAudit().
    Result<qint64> addMemberLoginByDatabaseOwner(const QString &login, Role role,
                                                 const SecretString &password);
    Result<void> addVerifierLoginByDatabaseOwner(const QString &login,
                                                 const SecretString &password);
    Result<void> appendDatabaseOwnerAudit(AuditEvent &event);
    Result<void> removeMember(qint64 memberId) override;
    bool keepsPassphrases() const override { return m_dialect.isSqlite(); }
    // On PostgreSQL refused with InvalidInput: the server keeps the passwords (\password in
    // psql, or ALTER ROLE ... PASSWORD by the DBA).
    Result<void> setMemberPassphrase(qint64 memberId, const SecretString &newPassphrase) override;
    Result<void> changeOwnPassphrase(const SecretString &currentPassphrase,
                                     const SecretString &newPassphrase) override;

    // SqlKeyStoreHygiene.cpp
    Result<RotationPolicy> rotationPolicy() override;
    Result<void> setRotationPolicy(std::optional<int> maxSecretAgeDays) override;
    Result<QVector<HygieneDismissal>> hygieneDismissals() override;
    Result<void> dismissFinding(qint64 keyId, HygieneFinding::Kind kind,
                                const QString &reason) override;
    Result<void> restoreFinding(qint64 keyId, HygieneFinding::Kind kind) override;

    Result<QVector<AuditEvent>> auditEvents(std::optional<qint64> keyId = std::nullopt,
                                            int limit = 1000) override;
    Result<AuditVerification> verifyAudit() override;
    // The chain hash of audit row id; nullopt when there is no such row (the history was cut
    // there). For a window that remembers the newest row it saw and checks it is still there.
    Result<std::optional<QByteArray>> auditHash(qint64 id);

    // Signing (vault files, schema 5). The vault's fingerprint: its root Owner key, shown at
    // creation and pinned outside the vault; empty while the vault is not signed yet (and
    // always on PostgreSQL, whose roles keep verifiers from writing keys).
    QString fingerprint() const;
    const QByteArray &rootKey() const { return m_rootKey; }
    bool isSignedVault() const { return !m_rootKey.isEmpty(); }
    std::optional<SignedVaultFile> signedVaultFile() const override;
    // Whether the signed-in member's key is certified, so their changes can be signed.
    bool canSign() const { return m_signer.has_value(); }
    // A member's newest key (certified or waiting for an Owner): its fingerprint, and whether
    // it is certified. NotFound when the member has none yet (they have not signed in since
    // the vault was signed).
    Result<QPair<QString, bool>> memberKeyFingerprint(qint64 memberId);
    // Owner only: certifies the key a member made at their first sign-in on a signed vault.
    // Compare memberKeyFingerprint() with the member first (the file may have been written by
    // someone else).
    Result<void> certifyMember(qint64 memberId);

    Result<std::optional<SecretMatch>> findSecret(const QByteArray &hash) override;
    Result<void> forEachSecretIn(SecretIdRange range, const SecretVisitor &visit) override;
    Result<std::optional<SecretIdBounds>> secretIdBounds() override;
    Result<qint64> countSecretsUpTo(qint64 limit) override;
    Result<qint64> changeCounter() override;
    Result<qint64> usageCounter() override;
    Result<UsageUpdates> usageSince(qint64 counter) override;
    // usageSince()'s statement (one parameter: the counter), for a test of its plan.
    static QString usageSinceSql();

    // Runs work inside one write transaction (BEGIN IMMEDIATE on SQLite; BEGIN plus the writers'
    // advisory lock on PostgreSQL): commit when it returns success, roll back otherwise. Bumps
    // the change counter and, on PostgreSQL, sends NOTIFY keyward_changed with it, unless the
    // change is one no window or cache shows (ChangeSeq::Keep: a sign-in's audit row).
    // BumpMembers: a change to members, which the change channel says (StoreChange::members).
    enum class ChangeSeq { Bump, BumpMembers, Keep };
    Result<void> inWriteTransaction(const std::function<Result<void>()> &work,
                                    ChangeSeq changeSeq = ChangeSeq::Bump);
    Result<void> inMembersTransaction(const std::function<Result<void>()> &work)
    {
        return inWriteTransaction(work, ChangeSeq::BumpMembers);
    }

    // Whether this process has the vault file open through a store. Plain reads of such a file
    // (another descriptor, closed again) would drop the process's SQLite locks on it.
    static bool isVaultFileOpen(const QString &path);

    // Damage found by a check SQLite does not make (SecretIndexCheck): from now on every write
    // through this store, and every usage write for it, is refused with `damage`.
    void markDamaged(const Error &damage) { m_damage->set(damage); }
    std::shared_ptr<const DamageFlag> damageFlag() const { return m_damage; }

    // Whether signIn() writes an audit row (default). Off only for a use that promises to read
    // the vault and never write it: the source of `keywardctl migrate`.
    void setAuditsSignIns(bool audits) { m_auditsSignIns = audits; }

    // Test seam: runs inside every write transaction after its work and before the change
    // counter, NOTIFY and COMMIT (tests kill the connection there). Empty function: none.
    void setBeforeCommitHook(std::function<void()> hook) { m_beforeCommitHook = std::move(hook); }

private:
    Result<void> runWriteTransaction(const std::function<Result<void>()> &work,
                                     ChangeSeq changeSeq);
    Result<qint64> readCounter(const QString &sql);
    SqlKeyStore(SqlEngine engine, const Clock &clock);
    static Result<std::unique_ptr<SqlKeyStore>>
    openSqlite(const QString &path, const Clock &clock, const VaultOptions &options, bool readOnly);
    // The connection, for the store's own classes that add their queries (and tests, through
    // tests/common/StoreDatabase.h). Nothing outside store/ sees a QSqlDatabase.
    friend class SecretLookup;
    friend class VaultMigrator;
    // For SecretLookup: true when look-ups share snapshots, one being open now.
    bool enterSharedReadSnapshot();
    // Names the shared snapshot open now (0: none), different for each one this store opens:
    // what a look-up read in it cannot have changed while it is the same.
    // Only while its read transaction is open (SQLite may end one by itself after an error).
    quint64 sharedReadSnapshotSerial() const;
    // For SecretLookup: ends the shared snapshot and names the one the caller opens itself next,
    // different from every other (see sharedReadSnapshotSerial()).
    quint64 serialForOwnSnapshot();
    friend class StoreDatabase;
    QSqlDatabase &database();
    const QSqlDatabase &database() const;

    static Result<void> checkWholeFile(QSqlDatabase &db, const QString &path);
    // The read-only probe's checks before a vault is opened for writing: VaultCheck, version.
    Result<void> checkBeforeOpening(const QString &path, VaultCheck check);
    // A damage error from SQLite, reworded to name the file (and say "truncated" when it is).
    static Error damageNamed(Error error, const QString &path);
    Result<void> loadVaultSettings();
    Result<void> initPostgresSession();
    Result<Member> signInPostgres(const QString &memberName);
    Error memberDamaged(qint64 memberId) const;
    // VaultCorrupt when a current member's row holds what Keyward never writes (a name, role
    // or passphrase hash of the wrong shape).
    Result<void> damagedMember() const;
    // After the connection broke during COMMIT: reconnect and look for the transaction's last
    // audit row, which exists exactly when the transaction committed.
    Result<void> resolveLostCommit();
    Result<void> seedNewVault(const QString &prefix, const QString &ownerName,
                              const SecretString &passphrase);
    Result<Member> requireMember() const;
    Result<ApiKey> loadKey(qint64 id);
    Result<IssuedKey> regenerate(qint64 id, qint64 expectedVersion, qint64 graceMs,
                                 bool retireOldNow);
    // Sets the deadline of every secret of the key but keptSecretId (earlier ones stay).
    Result<void> retireSecretsExcept(qint64 id, qint64 keptSecretId, qint64 retiresAt);
    // PostgreSQL: before a delete of these keys takes any row, waits for the usage writes in
    // flight that touch their lock buckets and holds new ones off until this transaction ends
    // (SqlDialect::lockUsageBuckets).
    Result<void> excludeUsageWriters(const QList<qint64> &keyIds);
    Result<void> appendAudit(const QString &action, std::optional<qint64> keyId,
                             const QString &details);
    // Sign-ins, successful or not, are audited. A failed one names the member only when the
    // name is a member's (an unknown "name" may be a passphrase typed into the wrong field), and
    // never the passphrase. An audit row that cannot be written does not block the sign-in.
    void auditSignIn(bool succeeded, const std::optional<QString> &memberName);
    Result<qint64> insertSecret(qint64 keyId, const SecretString &token);
    Result<IssuedKey> issueToken(ApiKey key);
    // UPDATE api_keys ... WHERE id = ? AND version = ?; StaleVersion when nothing matched.
    Result<void> updateKeyRow(const ApiKey &before, const QString &assignments,
                              const QVariantList &values);
    // What every change of one key does: the signed-in member, one write transaction, the key
    // read inside it (at expectedVersion; nullopt: whatever version it has now), then `change`,
    // which checks its permissions and writes. changeOneKey() also reads the key as it is after.
    using KeyChange = std::function<Result<void>(const Member &actor, const ApiKey &before)>;
    Result<void> writeOneKey(qint64 id, std::optional<qint64> expectedVersion,
                             const KeyChange &change);
    Result<ApiKey> changeOneKey(qint64 id, std::optional<qint64> expectedVersion,
                                const KeyChange &change);
    // The end of most key changes: the row updated, signed again, and the change audited.
    Result<void> rewriteKeyRow(const ApiKey &before, const QString &assignments,
                               const QVariantList &values, const QString &auditAction,
                               const QJsonObject &details);
    // The usage-limit changes: Admin check, row update (and with resetCount the key's usage row:
    // count 0, a new epoch) and audit row in one transaction.
    Result<ApiKey> changeUsage(qint64 id, qint64 expectedVersion, const QString &assignments,
                               const QVariantList &values, bool resetCount,
                               const QString &auditAction,
                               const std::function<QJsonObject(const ApiKey &)> &details);
    // A change of state (activate, deactivate, revoke): the signed-in member may take action on
    // the key at expectedVersion, then its row is updated and the change audited under
    // auditAction.
    Result<ApiKey> changeKeyState(qint64 id, qint64 expectedVersion, KeyAction action,
                                  const QString &assignments, const QVariantList &values,
                                  const QString &auditAction);
    // forged: rows not to sign again (forgedKeysOf), deactivated all the same.
    Result<void> deactivateKeysAbove(const Member &member, std::optional<Role> ceiling,
                                     const QString &reason, const QSet<qint64> &forged);
    // Hashes and stores a checked new passphrase with its audit row. expectedHash: the one the
    // current passphrase was verified against, which must still be there.
    // keyWork: the member's signing key's part, in the same transaction.
    Result<void> writePassphrase(const Member &target, const SecretString &newPassphrase,
                                 const std::optional<QString> &expectedHash,
                                 const std::function<Result<void>()> &keyWork);

    // In a write transaction: the signed-in member's signature on the key's row as it is now,
    // and on audit rows (appendAudit). No-op on an unsigned vault.
    // auditFollows: the change's audit row for the key is appended next (every change); false
    // when the row is signed again as it is (its newest audit row stays the one it names).
    Result<void> signKey(qint64 keyId, bool auditFollows = true);
    // Before the commit: the buckets of the keys signKey() signed get a new signature attestation
    // (SignatureAttestations), listing those rows and the bucket's other rows whose signatures
    // this process verified.
    Result<void> attestSignedKeys();
    Result<void> attestBucket(qint64 bucket, const SignatureAttestations::Entries &signedNow,
                              const VaultTrust &trust);
    // The digests of the signed-in member's own previous list of the bucket, when it verifies
    // with their key (empty when another member made the last one).
    Result<QSet<QByteArray>> ownPreviousList(qint64 bucket, const VaultTrust &trust);
    // One key of a bulk change, inside its transaction: the refusal text when the key is
    // refused (nullopt when it changed or had nothing to change).
    Result<std::optional<QString>> changeOneOfMany(const Member &actor, const KeyVersionRef &ref,
                                                   const BulkKeyChange &change, int total,
                                                   BulkKeyResult &result);
    // The first Owner to sign in to an unsigned vault becomes its root: their key certifies
    // itself, every key row is signed, and a "vault.sign" audit row seals the history so far.
    Result<void> signVault(qint64 memberKeyId, SigningKey key);
    Result<qint64> insertMemberKey(qint64 memberId, Role role, const SigningKey &key,
                                   const QByteArray &sealed, bool certify);
    Result<void> recertify(const MemberKeyRow &row);
    // After a key is retired or loses its Owner role: what it certified and the key rows it
    // signed are certified and signed again by the signed-in Owner.
    // forged: rows left with their broken signature (forgedKeysOf).
    Result<void> reanchor(qint64 memberKeyId, const QSet<qint64> &forged);
    // The member's keys (made or signed by them) whose rows do not match their signatures,
    // taken before their signing key is retired or re-certified: afterwards even good rows
    // would not check. Empty on an unsigned vault.
    Result<QSet<qint64>> forgedKeysOf(qint64 memberId);
    // A key row whose signature no longer matches (changed with write access to the file) is
    // refused any change but revoke and delete.
    Result<void> refuseTampered(const ApiKey &key);
    // Retires the member's keys (removal, passphrase reset). Refused for the root key.
    Result<void> retireKeysOf(qint64 memberId, const QSet<qint64> &forged);
    Result<void> refuseRootMember(qint64 memberId, const QString &message);
    // At sign-in: a member without a key gets one (waiting for an Owner's certificate, or the
    // root when an Owner signs in to an unsigned vault); a member with a certified one may sign.
    void adoptSigningKey(const Member &member, SignInProof proof, qint64 keyId);

    std::unique_ptr<SqlConnection>
        m_connection; // added by the constructor, opened by the factories
    QString m_openFileKey; // set while this store holds an SQLite vault file open
    bool m_auditsSignIns = true;
    SqlDialect m_dialect;
    const Clock &m_clock;
    QString m_location;
    QString m_prefix;
    GrantCatalogue m_catalogue;
    std::optional<Member> m_member;
    std::optional<SigningKey> m_signer; // the signed-in member's certified key
    qint64 m_signerKeyId = 0;
    SignatureAttestations::Entries m_signedNow; // key rows signed in this write transaction
    QByteArray m_rootKey; // empty: not signed (yet)
    QString m_serverLogin;
    qint64 m_lastAuditId = 0; // the last audit row of the current write transaction
    qint64 m_committedCounter = -1; // the change counter the last write transaction set
    QByteArray m_lastAuditHash;
    std::function<void()> m_beforeCommitHook;
    std::unique_ptr<SecretLookup> m_secretLookup; // made at the first findSecret()
    bool m_shareReadSnapshots = false;
    std::unique_ptr<SqliteReadTransaction> m_readSnapshot; // open: shared by the next look-ups
    int m_snapshotLookups = 0;
    quint64 m_snapshotSerial = 0;
    quint64 m_snapshotEpoch = 0; // noteNewerData()'s count when it began
    QElapsedTimer m_snapshotAge;
    std::shared_ptr<DamageFlag> m_damage = std::make_shared<DamageFlag>(); // see markDamaged()
    std::atomic<qint64> m_reconnects {0};
};

} // namespace Keyward
