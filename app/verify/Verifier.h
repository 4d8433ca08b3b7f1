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
class SecretString;
class SharedLimitRepository;
class UsageRecorder;
struct SecretMatch;

// What the verifiers of one process share across threads. Each part is thread-safe.
struct VerifierShared
{
    std::shared_ptr<VerifierCache> cache; // null until enableCache()
    std::shared_ptr<RateLimiter> limiter;
    std::shared_ptr<UsageCredits> credits;
    UsageRecorder *recorder = nullptr; // not owned; null: nothing is recorded
};

// Answers "may this token make this request?" for services, the CLI and the GUI's test box.
// Checks run in a fixed order and the first failure wins:
//   parse (malformed, checksum) -> look up the hash -> revoked (a retired secret past its grace
//   period counts as revoked) -> inactive -> expired -> environment (401)
//   -> IP allowlist -> customer -> grants (403) -> rate limit -> usage limit (429)
// so a revoked key missing a grant is reported as Revoked (401), never as InsufficientGrants
// (403): a caller must not learn what a dead key could have done. The address comes before the
// customer and grants so that a request from elsewhere learns nothing of the key's scope. Only a
// Valid answer takes a rate-limit token and a usage credit; 401, 403 and 429 answers consume
// nothing.
//
// Customer scope: a key with a customer refuses (WrongCustomer) a request naming another one.
// Both are compared exactly after trimming surrounding white space: case counts ("acme" is not
// "ACME"), because customer ids are identifiers a service copies, not names people retype. A
// request naming no customer is not refused: the result's customer is the key's, for the
// service to check against what it is about to do. A key without a customer serves any.
//
// IP allowlist (ApiKey::allowedIps, see IpAllowlist): an empty list allows every address. With a
// list, VerifyRequest::clientAddress must be on it; an unknown (null) address is refused, so a
// caller that forgets to pass the address fails closed. explain() checks only a given address.
//
// On an SQL store, rate and usage limits hold across every verifier on the store (leases of
// the shared bucket, reserved credits: see RateLimiter, UsageCredits), each verifier using its
// own connection for them; with another KeyStore, or while the store cannot be written, per
// process.
//
// No member login is needed; only the token's SHA-256 is looked up. Optional parts: a cache
// (enableCache) and write-behind usage recording (setRecorder).
//
// A Verifier is used from one thread, like its store connection. Verifiers on several threads
// of one process (keyward-verifyd's pool, verify --threads) each have their own store
// connection and share the rest through VerifierShared: create the first, then the others from
// its shared() parts.
class Verifier
{
    Q_DECLARE_TR_FUNCTIONS(Verifier)
public:
    Verifier(KeyStore &store, const Clock &clock);
    // Another thread's verifier sharing `shared` (cache, limits, recorder) with the ones before.
    Verifier(KeyStore &store, const Clock &clock, const VerifierShared &shared);
    ~Verifier();
    Verifier(const Verifier &) = delete;
    Verifier &operator=(const Verifier &) = delete;

    // Keeps looked-up keys in memory, watched through `changes` (default: the store's change
    // counter) so a change made anywhere is honoured within options.checkIntervalMs. A verifier
    // that shares a cache already keeps using it (with its own `changes`).
    void enableCache(VerifierCacheOptions options = {}, std::unique_ptr<ChangeSource> changes = {});
    VerifierCache *cache() { return m_shared.cache.get(); }
    // Verifies without the cache from now on; its memory goes once no one else holds it. Like
    // verify(), from this Verifier's thread only.
    void disableCache();
    // Records every verification (not explain()); nullptr: nothing is recorded. Not owned: the
    // recorder must outlive its use here. Safe to share between threads.
    void setRecorder(UsageRecorder *recorder) { m_shared.recorder = recorder; }
    RateLimiter &rateLimiter() { return *m_shared.limiter; }
    UsageCredits &usageCredits() { return *m_shared.credits; }
    // The store's shared buckets and credits, on this verifier's connection; nullptr when limits
    // are per process (not an SQL store).
    SharedLimitRepository *sharedLimits() { return m_sharedLimits.get(); }
    // What another thread's verifier needs to share this one's cache, limits and recorder.
    const VerifierShared &shared() const { return m_shared; }

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
                       const VerifyRequest &request, Mode mode, qint64 now) const;
    // Returns whether the credit of a Valid answer was reserved in the store.
    bool applyLimits(VerifyResult &result, const ApiKey &key, Mode mode);
    void record(const VerifyResult &result, bool hasUsageLimit, bool creditReserved, qint64 now,
                const QString &source);
    void applySavedUsage();
    static QString formatTime(qint64 atMs);

    KeyStore &m_store;
    const Clock &m_clock;
    std::unique_ptr<SharedLimitRepository> m_sharedLimits; // on this verifier's connection
    VerifierCache::FindFunction m_find;
    std::unique_ptr<ChangeSource> m_changes; // this thread's way to the change counter
    const QString m_prefix;
    const QString m_validReason; // translated once: verify() is on every API request's path
    VerifierShared m_shared;
};

} // namespace Keyward
