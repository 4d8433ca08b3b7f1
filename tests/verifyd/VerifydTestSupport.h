#pragma once

// Shared by the keyward-verifyd suites: a vault with keys on the real clock (the server runs on
// the system clock), and the token helpers.

#include "RawHttp.h"
#include "VerifydProcess.h"
#include "core/Clock.h"
#include "crypto/SecretString.h"
#include "store/SqlKeyStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace Keyward::Testing {

struct IssuedToken
{
    qint64 id = 0;
    QByteArray token;
};

inline IssuedToken issue(SqlKeyStore &store, const QString &name, const QStringList &grants = {},
                         const QString &rateLimit = {}, std::optional<qint64> usageLimit = {},
                         Environment environment = Environment::Production)
{
    NewKeyRequest request;
    request.name = name;
    request.environment = environment;
    request.role = Role::Developer;
    request.grants = grants.isEmpty() ? store.grantCatalogue().roleGrants(Role::Developer) : grants;
    request.expiresAtMs = SystemClock::instance().nowMs() + 90 * kDayMs;
    if (!rateLimit.isEmpty())
        request.rateLimit = *RateLimit::parse(rateLimit);
    request.usageLimit = usageLimit;
    auto issued = store.createKey(request);
    if (!issued)
        qFatal("createKey failed: %s", qPrintable(issued.errorMessage()));
    return {issued->key.id, QByteArray(issued->token.data(), qsizetype(issued->token.size()))};
}

inline QByteArray bearer(const IssuedToken &key)
{
    return "Authorization: Bearer " + key.token;
}

inline bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace Keyward::Testing
