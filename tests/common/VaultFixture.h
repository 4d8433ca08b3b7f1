#pragma once

#include "StoreDatabase.h"
#include "core/Clock.h"
#include "crypto/SecretString.h"
#include "store/SqlKeyStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>

#include <memory>

namespace Keyward::Testing {

inline SecretString secret(const char *text)
{
    return SecretString(text, std::strlen(text));
}

inline constexpr const char *kOwnerPassphrase = "correct horse battery";

// A valid request: the role's default grants, expiring in 90 days.
inline NewKeyRequest makeRequest(const KeyStore &store, const Clock &clock, const QString &name,
                                 Environment env = Environment::Production,
                                 Role role = Role::Developer)
{
    NewKeyRequest r;
    r.name = name;
    r.environment = env;
    r.role = role;
    r.grants = store.grantCatalogue().roleGrants(role);
    r.expiresAtMs = clock.nowMs() + 90 * kDayMs;
    return r;
}

// A fresh vault in a temp dir with an Owner "alice" signed in, on a ManualClock.
struct VaultFixture
{
    QTemporaryDir dir;
    ManualClock clock;
    std::unique_ptr<SqlKeyStore> store;
    QString path;

    explicit VaultFixture(const QString &prefix = QStringLiteral("kw"))
        : VaultFixture(prefix, ManualClock().nowMs())
    { }
    // startMs: the clock's start, e.g. the real time for a vault another process writes to.
    VaultFixture(const QString &prefix, qint64 startMs)
        : clock(startMs)
    {
        path = dir.filePath(QStringLiteral("vault.keyward"));
        auto created = SqlKeyStore::createVault(path, prefix, QStringLiteral("alice"),
                                                secret(kOwnerPassphrase), clock);
        if (!created)
            qFatal("createVault failed: %s", qPrintable(created.errorMessage()));
        store = std::move(created).value();
    }

    // A second connection to the same file, as another process would have.
    std::unique_ptr<SqlKeyStore> openSecond(const QString &member = QStringLiteral("alice"),
                                            const char *passphrase = kOwnerPassphrase)
    {
        auto opened = SqlKeyStore::openVault(path, clock);
        if (!opened)
            qFatal("openVault failed: %s", qPrintable(opened.errorMessage()));
        auto second = std::move(opened).value();
        if (!member.isEmpty() && !second->signIn(member, secret(passphrase)))
            qFatal("signIn failed");
        return second;
    }

    NewKeyRequest request(const QString &name, Environment env = Environment::Production,
                          Role role = Role::Developer) const
    {
        return makeRequest(*store, clock, name, env, role);
    }

    // The connection to tamper with behind Keyward's back (the vault file itself, here).
    QSqlDatabase &tamperDatabase() { return StoreDatabase::of(*store); }
};

inline QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace Keyward::Testing
