#include "Verifier.h"

#include "StoreChangeSource.h"
#include "UsageRecorder.h"
#include "core/DisplayNames.h"
#include "core/KeyStatus.h"
#include "core/Translations.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"
#include "store/KeyStore.h"
#include "store/SharedLimitRepository.h"

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
    , m_find([&store](const QByteArray &hash) { return store.findSecret(hash); })
    , m_prefix(store.prefix())
    , m_validReason(tr("The key is valid."))
{
    m_shared.limiter = std::make_shared<RateLimiter>(clock);
    m_shared.credits = std::make_shared<UsageCredits>(clock);
    m_sharedLimits = store.sharedLimitRepository();
}

Verifier::Verifier(KeyStore &store, const Clock &clock, const VerifierShared &shared)
    : Verifier(store, clock)
{
    m_shared = shared;
    if (m_shared.cache)
        m_changes = std::make_unique<StoreChangeSource>(m_store);
}

Verifier::~Verifier()
{
    // The last verifier of a process gives back the credits it reserved and did not spend, so
    // that other verifiers can spend them.
    if (m_sharedLimits && m_shared.credits.use_count() == 1)
        m_shared.credits->returnUnused(*m_sharedLimits);
}

void Verifier::enableCache(VerifierCacheOptions options, std::unique_ptr<ChangeSource> changes)
{
    m_changes = changes ? std::move(changes) : std::make_unique<StoreChangeSource>(m_store);
    if (!m_shared.cache)
        m_shared.cache = std::make_shared<VerifierCache>(options);
}

void Verifier::disableCache()
{
    m_shared.cache.reset();
}

Result<VerifyResult> Verifier::verify(const SecretString &token, Environment environment,
                                      const QStringList &requiredGrants, const QString &source)
{
    return verify(token.data(), token.size(), environment, requiredGrants, source);
}

Result<VerifyResult> Verifier::verify(const char *token, std::size_t size, Environment environment,
                                      const QStringList &requiredGrants, const QString &source)
{
    VerifyRequest request;
    request.environment = environment;
    request.requiredGrants = requiredGrants;
    request.source = source;
    return evaluate(Mode::Verify, token, size, environment, request);
}

Result<VerifyResult> Verifier::verify(const char *token, std::size_t size,
                                      const VerifyRequest &request)
{
    return evaluate(Mode::Verify, token, size, request.environment, request);
}

Result<VerifyResult> Verifier::explain(const SecretString &token,
                                       std::optional<Environment> environment,
                                       const QStringList &requiredGrants)
{
    return explain(token.data(), token.size(), environment, requiredGrants);
}

Result<VerifyResult> Verifier::explain(const char *token, std::size_t size,
                                       std::optional<Environment> environment,
                                       const QStringList &requiredGrants)
{
    VerifyRequest request;
    request.requiredGrants = requiredGrants;
    return evaluate(Mode::Explain, token, size, environment, request);
}

Result<VerifyResult> Verifier::evaluate(Mode mode, const char *token, std::size_t size,
                                        std::optional<Environment> environment,
                                        const VerifyRequest &request)
{
    const QStringList &requiredGrants = request.requiredGrants;
    const QString &source = request.source;
    const qint64 now = m_clock.nowMs();
    const KeyToken::Parsed parsed = KeyToken::parse(token, size, m_prefix);
    if (!parsed.isOk()) {
        // describe() says "not copied in full" for a truncated or altered key, which is the
        // most common trouble and distinct from an unknown one.
        VerifyResult result = refused(VerifyOutcome::Malformed, KeyToken::describe(parsed.status));
        if (mode == Mode::Verify)
            record(result, false, false, now, source);
        return result;
    }

    const SecretMatch *match = nullptr;
    bool fromStore = true;
    std::optional<SecretMatch> uncached;
    std::shared_ptr<const SecretMatch> cached; // keeps the entry alive while another thread
                                               // may empty the cache
    if (m_shared.cache) {
        auto found = m_shared.cache->find(parsed.hash, now,
                                          VerifierCache::Backend {m_find, *m_changes, &m_store});
        if (!found)
            return found.error();
        cached = std::move(found->match);
        match = cached.get();
        fromStore = found->fromStore;
    } else {
        auto found = m_find(parsed.hash);
        if (!found)
            return found.error();
        uncached = std::move(*found);
        match = uncached ? &*uncached : nullptr;
    }
    if (!match) {
        thread_local CachedTranslation noMatch; // given for every unknown key presented
        VerifyResult result = refused(VerifyOutcome::NotFound, noMatch.get([] {
            return tr("No key matches. It may have been deleted, or it belongs to another vault.");
        }));
        if (mode == Mode::Verify)
            record(result, false, false, now, source);
        return result;
    }

    const ApiKey &key = match->key;
    const bool hasUsageLimit = key.usageLimit.has_value();
    if (hasUsageLimit) {
        applySavedUsage();
        if (fromStore || !m_shared.credits->isKnown(key.id))
            m_shared.credits->observeStored(key.id, key.usageCount, key.usageEpoch);
    }
    VerifyResult result =
        judge(*match, parsed.environment, environment.value_or(parsed.environment),
              requiredGrants.isEmpty() ? requiredGrants : normalisedGrants(requiredGrants), request,
              mode, now);
    if (hasUsageLimit) {
        result.usageLimit = key.usageLimit;
        result.usageCount = m_shared.credits->used(key.id);
    }
    const bool creditReserved = result.isValid() && applyLimits(result, key, mode);
    if (mode == Mode::Verify)
        record(result, hasUsageLimit, creditReserved, now, source);
    return result;
}

bool Verifier::applyLimits(VerifyResult &result, const ApiKey &key, Mode mode)
{
    RateLimiter &limiter = *m_shared.limiter;
    UsageCredits &credits = *m_shared.credits;
    SharedLimitRepository *shared = m_sharedLimits.get();
    // Verify takes a token (from the process's lease of the shared bucket) and then a credit,
    // each in one step, so threads sharing the limiter cannot both pass on the last one; the
    // token goes back when the credit is refused. explain() only looks.
    RateLimiter::Admission admission;
    if (mode == Mode::Verify)
        admission = limiter.acquire(key.id, key.rateLimit, shared);
    else
        admission.retryAfterMs = limiter.retryAfterMs(key.id, key.rateLimit, shared);
    if (!admission.passed()) {
        result.outcome = VerifyOutcome::RateLimited;
        result.retryAfterMs = admission.retryAfterMs;
        result.reason = tr("The rate limit of %1 is reached; the next request passes in %2 ms.")
                            .arg(key.rateLimit.toCode())
                            .arg(admission.retryAfterMs);
        return false;
    }
    if (!key.usageLimit)
        return false;
    // A rate decision made without the store (it just failed, or is paused after failing) spares
    // the credit the same wait: on a locked vault a key with both limits waited the busy timeout
    // twice per request, each limit's pause running out during the other's wait.
    const bool storeAnswered = key.rateLimit.isUnlimited() || admission.fromLease;
    const UsageCredits::Spend spend = mode == Mode::Verify
        ? credits.spend(key.id, *key.usageLimit, key.usageEpoch, storeAnswered ? shared : nullptr)
        : credits.check(key.id, *key.usageLimit, key.usageEpoch, shared);
    result.usageCount = spend.used;
    if (!spend.passed) {
        if (mode == Mode::Verify)
            limiter.giveBack(key.id, key.rateLimit, admission); // a 429 consumes nothing
        result.outcome = VerifyOutcome::UsageExceeded;
        result.reason = tr("The usage limit of %1 requests is used up (%2 used). An admin can "
                           "raise the limit or issue a new key.")
                            .arg(*key.usageLimit)
                            .arg(spend.used);
        return false;
    }
    return mode == Mode::Verify && spend.reserved;
}

void Verifier::record(const VerifyResult &result, bool hasUsageLimit, bool creditReserved,
                      qint64 now, const QString &source)
{
    UsageRecorder *recorder = m_shared.recorder;
    if (!recorder)
        return;
    RecordedEvent event;
    event.atMs = now;
    event.keyId = result.keyId;
    event.secretId = result.secretId;
    event.outcome = quint8(verifyOutcomeToInt(result.outcome));
    event.consumesCredit = result.isValid();
    event.readsBackUsage = hasUsageLimit;
    event.creditReserved = creditReserved;
    recorder->record(event, source);
}

void Verifier::applySavedUsage()
{
    UsageRecorder *recorder = m_shared.recorder;
    if (!recorder || !recorder->hasSavedUsage())
        return;
    const QVector<SavedUsage> saved = recorder->takeSavedUsage();
    for (const SavedUsage &usage : saved)
        m_shared.credits->observeSaved(usage.keyId, usage.savedCredits, usage.storedCount,
                                       usage.usageEpoch);
}

VerifyResult Verifier::judge(const SecretMatch &match, Environment tokenEnvironment,
                             Environment requestedEnvironment, const QStringList &requiredGrants,
                             const VerifyRequest &request, Mode mode, qint64 now) const
{
    const ApiKey &key = match.key;

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
        // A day chosen as the expiry is stored as the first instant of the next UTC day, so that
        // the key works through it: name the day chosen, not the next one's midnight.
        const QDateTime expired = QDateTime::fromMSecsSinceEpoch(*key.expiresAtMs, Qt::UTC);
        result.reason = expired.time() == QTime(0, 0)
            ? tr("The key expired at the end of %1 (UTC).")
                  .arg(expired.date().addDays(-1).toString(Qt::ISODate))
            : tr("The key expired on %1.").arg(formatTime(*key.expiresAtMs));
        return result;
    }
    if (tokenEnvironment != requestedEnvironment) {
        result.outcome = VerifyOutcome::WrongEnvironment;
        result.reason = tr("This is a %1 key, but the request is for %2.")
                            .arg(DisplayNames::environment(tokenEnvironment),
                                 DisplayNames::environment(requestedEnvironment));
        return result;
    }
    // explain() has no caller address (the GUI asks for itself): only a given one is checked.
    if (!key.allowedIps.isEmpty() && (mode == Mode::Verify || !request.clientAddress.isNull())
        && !key.allowedIps.allows(request.clientAddress)) {
        result.outcome = VerifyOutcome::IpNotAllowed;
        result.reason = request.clientAddress.isNull()
            ? tr("The key may be used only from its allowed addresses (%1), and the request's "
                 "address is unknown.")
                  .arg(key.allowedIps.toDisplay())
            : tr("The key may be used only from its allowed addresses (%1); the request came "
                 "from %2.")
                  .arg(key.allowedIps.toDisplay(),
                       IpAllowlist::normalisedAddress(request.clientAddress).toString());
        return result;
    }
    if (!request.customer.isEmpty() && !key.customer.isEmpty()
        && QStringView(request.customer).trimmed() != QStringView(key.customer).trimmed()) {
        result.outcome = VerifyOutcome::WrongCustomer;
        result.reason =
            tr("The key is for customer %1, but the request is for customer %2.")
                .arg(key.customer.trimmed(), KeyToken::redact(request.customer.trimmed()));
        return result;
    }
    for (const QString &grant : requiredGrants) {
        // Echoed to the API client: a key sent as a grant shows as its hint.
        if (!key.grants.contains(grant))
            result.missingGrants.append(KeyToken::redact(grant));
    }
    if (!result.missingGrants.isEmpty()) {
        result.outcome = VerifyOutcome::InsufficientGrants;
        const QString missing = result.missingGrants.join(QStringLiteral(", "));
        result.reason = result.missingGrants.size() == 1 ? tr("Missing grant %1").arg(missing)
                                                         : tr("Missing grants %1").arg(missing);
        return result;
    }
    result.outcome = VerifyOutcome::Valid;
    result.reason = m_validReason;
    return result;
}

QString Verifier::formatTime(qint64 atMs)
{
    // UTC, because the reason ends up in server logs read from many time zones. By hand rather
    // than through QDateTime::toString: a Revoked or Expired answer formats a date on every
    // verify, and that alone made it measurably slower than a NotFound (README.md, timing).
    const qint64 minutes = atMs >= 0 ? atMs / 60000 : (atMs - 59999) / 60000;
    const qint64 days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
    const int minuteOfDay = int(minutes - days * 1440);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's days_from_civil, inverted).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODate);
    char text[] = "0000-00-00 00:00 UTC";
    const auto put = [&text](int at, int digits, qint64 value) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, 4, year);
    put(5, 2, month);
    put(8, 2, day);
    put(11, 2, minuteOfDay / 60);
    put(14, 2, minuteOfDay % 60);
    return QString::fromLatin1(text, qsizetype(sizeof text - 1));
}

} // namespace Keyward
