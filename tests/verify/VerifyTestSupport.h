#pragma once

// Shared by the verify suites: a real SQLite vault in a temp dir (VaultFixture) and helpers to
// issue keys with limits and to verify raw token bytes.
#include "VaultFixture.h"
#include "crypto/SecretString.h"
#include "store/SqlKeyStore.h"
#include "verify/Verifier.h"

#include <QByteArray>
#include <QSqlQuery>
#include <QTest>

#include <optional>

namespace Keyward::Testing {

inline QByteArray bytesOf(const SecretString &secret)
{
    return QByteArray(secret.data(), qsizetype(secret.size()));
}

struct IssuedToken
{
    ApiKey key;
    QByteArray token;
};

struct KeyOptions
{
    Environment environment = Environment::Production;
    QStringList grants {QStringLiteral("licenses:read"), QStringLiteral("customers:read")};
    RateLimit rateLimit; // none
    std::optional<qint64> usageLimit;
    std::optional<qint64> expiresAtMs;
};

inline IssuedToken issue(SqlKeyStore &store, const QString &name, const KeyOptions &options = {})
{
    NewKeyRequest request;
    request.name = name;
    request.notes = QStringLiteral("");
    request.customer = QStringLiteral("acme");
    request.environment = options.environment;
    request.role = Role::Developer;
    request.grants = options.grants;
    request.rateLimit = options.rateLimit;
    request.usageLimit = options.usageLimit;
    request.expiresAtMs = options.expiresAtMs;
    auto issued = store.createKey(request);
    if (!issued)
        qFatal("createKey failed: %s", qPrintable(issued.errorMessage()));
    return {issued->key, bytesOf(issued->token)};
}

inline VerifyResult verifyToken(Verifier &verifier, const QByteArray &token,
                                Environment environment = Environment::Production,
                                const QStringList &grants = {},
                                const QString &source = QStringLiteral("test"))
{
    auto result =
        verifier.verify(token.constData(), std::size_t(token.size()), environment, grants, source);
    if (!result)
        qFatal("verify failed: %s", qPrintable(result.errorMessage()));
    return *result;
}

inline RateLimit perMinute(int count)
{
    RateLimit limit;
    limit.count = count;
    limit.unit = RateLimit::Unit::Minute;
    return limit;
}

// One value from the vault, read behind the store's back.
inline qint64 scalar(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &value : binds)
        q.addBindValue(value);
    if (!q.exec() || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

} // namespace Keyward::Testing
