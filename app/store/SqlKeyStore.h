#pragma once

#include "KeyStore.h"
#include "SqlDialect.h"
#include "core/Clock.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace Keyward {

struct VaultOptions
{
    // How long a write waits for another writer before "locked" is reported.
    int busyTimeoutMs = 2000;
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

    ~SqlKeyStore() override;
    SqlKeyStore(const SqlKeyStore &) = delete;
    SqlKeyStore &operator=(const SqlKeyStore &) = delete;

    QString displayName() const override;
    QString location() const { return m_location; }
    QString prefix() const override { return m_prefix; }
    const GrantCatalogue &grantCatalogue() const override { return m_catalogue; }
    const Clock &clock() const { return m_clock; }
    SqlEngine engine() const { return m_dialect.engine(); }
    // The connection, for the parts of store/ and verify/ that add their own queries.
    QSqlDatabase &database() { return m_db; }

    Result<Member> signIn(const QString &memberName, const SecretString &passphrase) override;
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

    Result<QVector<Member>> listMembers() override;
    Result<Member> addMember(const QString &name, Role role,
                             const SecretString &passphrase) override;
    Result<Member> setMemberRole(qint64 memberId, qint64 expectedVersion, Role role) override;
    Result<void> removeMember(qint64 memberId) override;

    Result<QVector<AuditEvent>> auditEvents(std::optional<qint64> keyId = std::nullopt,
                                            int limit = 1000) override;
    Result<AuditVerification> verifyAudit() override;

    Result<std::optional<SecretMatch>> findSecret(const QByteArray &hash) override;
    Result<qint64> changeCounter() override;

    // Runs work inside one write transaction (BEGIN IMMEDIATE on SQLite): commit when it
    // returns success, roll back otherwise. Bumps the change counter.
    Result<void> inWriteTransaction(const std::function<Result<void>()> &work);

private:
    SqlKeyStore(const QString &connectionName, SqlEngine engine, const Clock &clock);
    static Result<std::unique_ptr<SqlKeyStore>>
    openSqlite(const QString &path, const Clock &clock, const VaultOptions &options, bool readOnly);
    Result<void> loadVaultSettings();
    Result<void> seedNewVault(const QString &prefix, const QString &ownerName,
                              const SecretString &passphrase);
    Result<Member> requireMember() const;
    Result<ApiKey> loadKey(qint64 id);
    Result<void> appendAudit(const QString &action, std::optional<qint64> keyId,
                             const QString &details);
    Result<qint64> insertSecret(qint64 keyId, const SecretString &token);
    Result<IssuedKey> issueToken(ApiKey key);
    // UPDATE api_keys ... WHERE id = ? AND version = ?; StaleVersion when nothing matched.
    Result<void> updateKeyRow(const ApiKey &before, const QString &assignments,
                              const QVariantList &values);
    Result<void> deactivateKeysAbove(const Member &member, std::optional<Role> ceiling,
                                     const QString &reason);

    QString m_connectionName;
    QSqlDatabase m_db;
    SqlDialect m_dialect;
    const Clock &m_clock;
    QString m_location;
    QString m_prefix;
    GrantCatalogue m_catalogue;
    std::optional<Member> m_member;
};

} // namespace Keyward
