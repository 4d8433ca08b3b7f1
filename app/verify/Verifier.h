#pragma once

#include "RateLimiter.h"
#include "UsageCredits.h"
#include "VerifierCache.h"
#include "VerifyRequest.h"
#include "VerifyResult.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <memory>
#include <optional>

namespace Keyward {

struct ApiKey;
class KeyStore;
class SecretLookup;
class SecretString;
class SharedLimitRepository;
class SqlKeyStore;
class UsageRecorder;
struct SecretMatch;

// Answers "may this token make this request?" for services, the CLI and the GUI's test box.
// Checks run in a fixed order and the first failure wins:
//   parse (malformed, checksum) -> look up the hash -> revoked (a retired secret past its grace
//   period counts as revoked) -> inactive -> expired -> environment -> grants (403)
//   -> rate limit -> usage limit (429)
// so a revoked key missing a grant is reported as Revoked (401), never as InsufficientGrants
// (403): a caller must not learn what a dead key could have done. Only a Valid answer takes a
// rate-limit token and a usage credit; 401, 403 and 429 answers consume nothing.
//
// On an SQL store, rate and usage limits hold across every verifier on the store (leases of
// the shared bucket, reserved credits: see RateLimiter, UsageCredits); with another KeyStore, or
// while the store cannot be written, per process.
//
// No member login is needed; only the token's SHA-256 is looked up. Optional parts: a cache
// (enableCache) and write-behind usage recording (setRecorder). Single-threaded, like the store.
class Verifier
{
    Q_DECLARE_TR_FUNCTIONS(Verifier)
public:
    Verifier(KeyStore &store, const Clock &clock);
    // The same, with the SQL store's prepared look-up (see store/SecretLookup): what services
    // and keywardctl use.
    Verifier(SqlKeyStore &store, const Clock &clock);
    ~Verifier();
    Verifier(const Verifier &) = delete;
    Verifier &operator=(const Verifier &) = delete;

    // Keeps looked-up keys in memory, watched through `changes` (default: the store's change
    // counter) so a change made anywhere is honoured within options.checkIntervalMs.
    void enableCache(VerifierCacheOptions options = {}, std::unique_ptr<ChangeSource> changes = {});
    VerifierCache *cache() { return m_cache.get(); }
    // Records every verification (not explain()); nullptr: nothing is recorded. Not owned: the
    // recorder must outlive its use here.
    void setRecorder(UsageRecorder *recorder) { m_recorder = recorder; }
    RateLimiter &rateLimiter() { return m_limiter; }
    UsageCredits &usageCredits() { return m_credits; }
    // The store's shared buckets and credits, on this verifier's connection; nullptr when limits
    // are per process (not an SQL store).
    SharedLimitRepository *sharedLimits() { return m_sharedLimits.get(); }

    // The token is raw bytes (UTF-8) so that it never has to live in a QString; surrounding
    // white space is forgiven. An Error means the store could not answer (vault locked,
    // connection lost, ...), which is not the same as a refused key.
    Result<VerifyResult> verify(const char *token, std::size_t size, const VerifyRequest &request);
    Result<VerifyResult> verify(const char *token, std::size_t size, Environment environment,
                                const QStringList &requiredGrants, const QString &source);
    Result<VerifyResult> verify(const SecretString &token, Environment environment,
                                const QStringList &requiredGrants, const QString &source);

    // "Why is this key rejected?": the verdict verify() would give now, with the reason in
    // words, but without taking a rate-limit token or a credit and without recording anything
    // (it reads the shared bucket and usage count; it never leases or reserves). Without an
    // environment the token's own is assumed.
    Result<VerifyResult> explain(const char *token, std::size_t size,
                                 std::optional<Environment> environment = std::nullopt,
                                 const QStringList &requiredGrants = {});
    Result<VerifyResult> explain(const SecretString &token,
                                 std::optional<Environment> environment = std::nullopt,
                                 const QStringList &requiredGrants = {});

private:
    enum class Mode { Verify, Explain };
    Result<VerifyResult> evaluate(Mode mode, const char *token, std::size_t size,
                                  std::optional<Environment> environment,
                                  const VerifyRequest &request);
    VerifyResult judge(const SecretMatch &match, Environment tokenEnvironment,
                       Environment requestedEnvironment, const QStringList &requiredGrants,
                       qint64 now) const;
    // Returns whether the credit of a Valid answer was reserved in the store.
    bool applyLimits(VerifyResult &result, const ApiKey &key, Mode mode);
    void record(const VerifyResult &result, bool hasUsageLimit, bool creditReserved, qint64 now,
                const QString &source);
    void applySavedUsage();
    static QString formatTime(qint64 atMs);

    KeyStore &m_store;
    const Clock &m_clock;
    std::unique_ptr<SecretLookup> m_lookup;
    std::unique_ptr<SharedLimitRepository> m_sharedLimits;
    VerifierCache::FindFunction m_find;
    const QString m_prefix;
    const QString m_validReason; // translated once: verify() is on every API request's path
    RateLimiter m_limiter;
    UsageCredits m_credits;
    std::unique_ptr<VerifierCache> m_cache;
    UsageRecorder *m_recorder = nullptr;
};

} // namespace Keyward
