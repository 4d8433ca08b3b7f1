#pragma once

#include "VerifyResult.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstddef>

namespace Keyward {

class KeyStore;
class SecretString;
struct SecretMatch;

// Answers "may this token make this request?" for services, the CLI and the GUI's test box.
// Checks run in a fixed order and the first failure wins, so a revoked key missing a grant is
// reported as Revoked (401), never as InsufficientGrants (403): a caller must not learn what a
// dead key could have done. No member login is needed; only the token's SHA-256 is looked up.
//
// Not here yet (a later issue): rate and usage limits (RateLimited, UsageExceeded) and the
// write-behind last-use recording. Both belong after the grant check in verify(); until then
// those outcomes are never returned and `source` is not recorded.
class Verifier
{
    Q_DECLARE_TR_FUNCTIONS(Verifier)
public:
    Verifier(KeyStore &store, const Clock &clock);

    // The token is raw bytes (UTF-8) so that it never has to live in a QString; surrounding
    // white space is forgiven. An Error means the store could not answer (vault locked,
    // connection lost, ...), which is not the same as a refused key.
    Result<VerifyResult> verify(const char *token, std::size_t size, Environment environment,
                                const QStringList &requiredGrants, const QString &source);
    Result<VerifyResult> verify(const SecretString &token, Environment environment,
                                const QStringList &requiredGrants, const QString &source);

private:
    VerifyResult judge(const SecretMatch &match, Environment tokenEnvironment,
                       Environment requestedEnvironment, const QStringList &requiredGrants) const;
    static QString environmentName(Environment environment);
    static QString formatTime(qint64 atMs);

    KeyStore &m_store;
    const Clock &m_clock;
};

} // namespace Keyward
