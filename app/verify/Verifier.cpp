#include "Verifier.h"

#include "core/KeyStatus.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"
#include "store/KeyStore.h"

#include <QDateTime>

namespace Keyward {

namespace {

VerifyResult refused(VerifyOutcome outcome, const QString &reason)
{
    VerifyResult result;
    result.outcome = outcome;
    result.reason = reason;
    return result;
}

QStringList normalisedGrants(const QStringList &grants)
{
    QStringList normalised;
    for (const QString &grant : grants) {
        const QString trimmed = grant.trimmed();
        if (!trimmed.isEmpty() && !normalised.contains(trimmed))
            normalised.append(trimmed);
    }
    return normalised;
}

} // namespace

Verifier::Verifier(KeyStore &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{ }

Result<VerifyResult> Verifier::verify(const SecretString &token, Environment environment,
                                      const QStringList &requiredGrants, const QString &source)
{
    return verify(token.data(), token.size(), environment, requiredGrants, source);
}

Result<VerifyResult> Verifier::verify(const char *token, std::size_t size, Environment environment,
                                      const QStringList &requiredGrants, const QString &source)
{
    // Recorded with the last use once the write-behind recorder exists (later issue).
    Q_UNUSED(source)

    const KeyToken::Parsed parsed = KeyToken::parse(token, size, m_store.prefix());
    if (!parsed.isOk())
        // describe() says "not copied in full" for a truncated or altered key, which is the
        // most common trouble and distinct from an unknown one.
        return refused(VerifyOutcome::Malformed, KeyToken::describe(parsed.status));

    auto found = m_store.findSecret(parsed.hash);
    if (!found)
        return found.error();
    if (!found->has_value())
        return refused(VerifyOutcome::NotFound,
                       tr("No key matches. It may have been deleted, or it belongs to another "
                          "vault."));

    VerifyResult result =
        judge(**found, parsed.environment, environment, normalisedGrants(requiredGrants));
    // Later issue: RateLimiter and usage credits decide RateLimited / UsageExceeded here (only
    // for an otherwise valid key), and LastUsedRecorder queues (secretId, source, now) for
    // every matched secret, so that verification never waits for a write.
    return result;
}

VerifyResult Verifier::judge(const SecretMatch &match, Environment tokenEnvironment,
                             Environment requestedEnvironment,
                             const QStringList &requiredGrants) const
{
    const ApiKey &key = match.key;
    const qint64 now = m_clock.nowMs();

    VerifyResult result;
    result.keyId = key.id;
    result.keyName = key.name;
    result.secretId = match.secret.id;
    result.environment = key.environment;
    result.grants = key.grants;
    result.customer = key.customer;

    // effectiveStatus() already ranks Revoked > Inactive > Expired; a retired secret of a
    // regenerated key is dead in the same way as a revoked key, so it ranks with Revoked.
    const KeyStatus status = effectiveStatus(key, now);
    if (status == KeyStatus::Revoked) {
        result.outcome = VerifyOutcome::Revoked;
        result.reason = key.revokedAtMs
            ? tr("The key was revoked on %1.").arg(formatTime(*key.revokedAtMs))
            : tr("The key was revoked.");
        return result;
    }
    if (match.secret.isRetiredAt(now)) {
        result.outcome = VerifyOutcome::Revoked;
        result.reason = tr("The key was regenerated; this old secret stopped working on %1. Use "
                           "the new secret.")
                            .arg(formatTime(*match.secret.retiresAtMs));
        return result;
    }
    if (status == KeyStatus::Inactive) {
        result.outcome = VerifyOutcome::Inactive;
        result.reason = key.flagged
            ? tr("The key is deactivated because its creator was removed or lost the role it "
                 "needs.")
            : tr("The key is deactivated. An admin can activate it again.");
        return result;
    }
    if (status == KeyStatus::Expired) {
        result.outcome = VerifyOutcome::Expired;
        result.reason = tr("The key expired on %1.").arg(formatTime(*key.expiresAtMs));
        return result;
    }
    if (tokenEnvironment != requestedEnvironment) {
        result.outcome = VerifyOutcome::WrongEnvironment;
        result.reason =
            tr("This is a %1 key, but the request is for %2.")
                .arg(environmentName(tokenEnvironment), environmentName(requestedEnvironment));
        return result;
    }
    for (const QString &grant : requiredGrants) {
        if (!key.grants.contains(grant))
            result.missingGrants.append(grant);
    }
    if (!result.missingGrants.isEmpty()) {
        result.outcome = VerifyOutcome::InsufficientGrants;
        const QString missing = result.missingGrants.join(QStringLiteral(", "));
        result.reason = result.missingGrants.size() == 1 ? tr("Missing grant %1").arg(missing)
                                                         : tr("Missing grants %1").arg(missing);
        return result;
    }
    result.outcome = VerifyOutcome::Valid;
    result.reason = tr("The key is valid.");
    return result;
}

QString Verifier::environmentName(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return tr("Production");
    case Environment::Staging:
        return tr("Staging");
    case Environment::Development:
        return tr("Development");
    }
    return {};
}

QString Verifier::formatTime(qint64 atMs)
{
    // UTC, because the reason ends up in server logs read from many time zones.
    return QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
        + QStringLiteral(" UTC");
}

} // namespace Keyward
