// Rate and usage limits in the Verifier, against a real SQLite vault with time moved by hand:
// every outcome and its HTTP status, the order of the checks, and that refusals consume nothing.
#include "StoreDatabase.h"
#include "VerifyTestSupport.h"
#include "crypto/KeyToken.h"
#include "verify/UsageRecorder.h"

#include <QTest>

using namespace Keyward;
using namespace Keyward::Testing;

Q_DECLARE_METATYPE(Keyward::VerifyOutcome)

namespace {

const QString kRead = QStringLiteral("licenses:read");
const QString kWrite = QStringLiteral("customers:write");

} // namespace

class TestVerifyLimits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<VaultFixture> m_vault;
    int m_counter = 0;

    SqlKeyStore &store() { return *m_vault->store; }
    ManualClock &clock() { return m_vault->clock; }
    IssuedToken issueKey(const KeyOptions &options = {})
    {
        return issue(store(), QStringLiteral("Key %1").arg(++m_counter), options);
    }

private Q_SLOTS:
    void init() { m_vault = std::make_unique<VaultFixture>(); }
    void cleanup() { m_vault.reset(); }

    // Each outcome, produced for real, with the status an API answers.
    void everyOutcomeAndItsStatus_data()
    {
        QTest::addColumn<VerifyOutcome>("outcome");
        QTest::addColumn<int>("http");
        QTest::newRow("Valid") << VerifyOutcome::Valid << 200;
        QTest::newRow("Malformed") << VerifyOutcome::Malformed << 401;
        QTest::newRow("NotFound") << VerifyOutcome::NotFound << 401;
        QTest::newRow("WrongEnvironment") << VerifyOutcome::WrongEnvironment << 401;
        QTest::newRow("Inactive") << VerifyOutcome::Inactive << 401;
        QTest::newRow("Revoked") << VerifyOutcome::Revoked << 401;
        QTest::newRow("Expired") << VerifyOutcome::Expired << 401;
        QTest::newRow("InsufficientGrants") << VerifyOutcome::InsufficientGrants << 403;
        QTest::newRow("RateLimited") << VerifyOutcome::RateLimited << 429;
        QTest::newRow("UsageExceeded") << VerifyOutcome::UsageExceeded << 429;
    }

    void everyOutcomeAndItsStatus()
    {
        QFETCH(VerifyOutcome, outcome);
        QFETCH(int, http);
        Verifier verifier(store(), clock());
        KeyOptions options;
        QByteArray token;
        Environment env = Environment::Production;
        QStringList grants;
        switch (outcome) {
        case VerifyOutcome::Valid:
            token = issueKey().token;
            break;
        case VerifyOutcome::Malformed:
            token = issueKey().token.chopped(2);
            break;
        case VerifyOutcome::NotFound:
            token = bytesOf(KeyToken::generate(QStringLiteral("kw"), Environment::Production));
            break;
        case VerifyOutcome::WrongEnvironment:
            token = issueKey().token;
            env = Environment::Staging;
            break;
        case VerifyOutcome::Inactive: {
            const IssuedToken issued = issueKey();
            QVERIFY(store().setKeyActive(issued.key.id, issued.key.version, false));
            token = issued.token;
            break;
        }
        case VerifyOutcome::Revoked: {
            const IssuedToken issued = issueKey();
            QVERIFY(store().revokeKey(issued.key.id, issued.key.version));
            token = issued.token;
            break;
        }
        case VerifyOutcome::Expired:
            options.expiresAtMs = clock().nowMs() + kHourMs;
            token = issueKey(options).token;
            clock().advanceMs(kHourMs);
            break;
        case VerifyOutcome::InsufficientGrants:
            token = issueKey().token;
            grants = {kWrite};
            break;
        case VerifyOutcome::IpNotAllowed:
        case VerifyOutcome::WrongCustomer:
            QSKIP("produced for real in test_verify_scope");
        case VerifyOutcome::RateLimited:
            options.rateLimit = perMinute(1);
            token = issueKey(options).token;
            QCOMPARE(verifyToken(verifier, token).outcome, VerifyOutcome::Valid);
            break;
        case VerifyOutcome::UsageExceeded:
            options.usageLimit = 1;
            token = issueKey(options).token;
            QCOMPARE(verifyToken(verifier, token).outcome, VerifyOutcome::Valid);
            break;
        }
        const VerifyResult result = verifyToken(verifier, token, env, grants);
        QCOMPARE(result.outcome, outcome);
        QCOMPARE(result.httpStatus(), http);
        QCOMPARE(result.retryAfterMs.has_value(), outcome == VerifyOutcome::RateLimited);
        QVERIFY(!result.reason.isEmpty());
        QVERIFY(!result.callerMessage().isEmpty());
    }

    // What a caller may be told: every 401 but Malformed reads the same, so a caller cannot
    // tell a revoked or expired key from one that never existed.
    void callerMessageRevealsNothingAbout401s()
    {
        Verifier verifier(store(), clock());
        const IssuedToken revoked = issueKey();
        QVERIFY(store().revokeKey(revoked.key.id, revoked.key.version));
        const IssuedToken inactive = issueKey();
        QVERIFY(store().setKeyActive(inactive.key.id, inactive.key.version, false));
        const QByteArray unknown =
            bytesOf(KeyToken::generate(QStringLiteral("kw"), Environment::Production));
        const QString notFound = verifyToken(verifier, unknown).callerMessage();
        const VerifyResult revokedResult = verifyToken(verifier, revoked.token);
        QCOMPARE(revokedResult.callerMessage(), notFound);
        QCOMPARE(verifyToken(verifier, inactive.token).callerMessage(), notFound);
        QCOMPARE(verifyToken(verifier, issueKey().token, Environment::Development).callerMessage(),
                 notFound);
        // The log reason does say what happened.
        QVERIFY(revokedResult.reason.contains(QStringLiteral("revoked")));
        QVERIFY(!notFound.contains(QStringLiteral("revoked")));
    }

    void rateLimitedAnswersRetryAfterAndRefills()
    {
        KeyOptions options;
        options.rateLimit = perMinute(3); // a token every 20 s
        const IssuedToken issued = issueKey(options);
        Verifier verifier(store(), clock());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
        VerifyResult limited = verifyToken(verifier, issued.token);
        QCOMPARE(limited.outcome, VerifyOutcome::RateLimited);
        QCOMPARE(limited.httpStatus(), 429);
        QCOMPARE(limited.retryAfterMs, std::optional<qint64>(20'000));
        QCOMPARE(limited.retryAfterSeconds(), std::optional<qint64>(20));
        QCOMPARE(limited.keyId, issued.key.id);
        QVERIFY2(limited.callerMessage().contains(QStringLiteral("Retry after 20 s")),
                 qPrintable(limited.callerMessage()));

        clock().advanceMs(19'001);
        limited = verifyToken(verifier, issued.token);
        QCOMPARE(limited.outcome, VerifyOutcome::RateLimited);
        QCOMPARE(limited.retryAfterMs, std::optional<qint64>(999));
        QCOMPARE(limited.retryAfterSeconds(), std::optional<qint64>(1)); // rounded up, never 0
        clock().advanceMs(999);
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::RateLimited);
        // A minute's pause refills the whole burst.
        clock().advanceMs(kMinuteMs);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
    }

    void refusedRequestsConsumeNothing()
    {
        KeyOptions options;
        options.rateLimit = perMinute(2);
        options.usageLimit = 2;
        const IssuedToken issued = issueKey(options);
        Verifier verifier(store(), clock());
        // 403s and a 401 (wrong environment) for the same key, many times over.
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(verifyToken(verifier, issued.token, Environment::Production, {kWrite}).outcome,
                     VerifyOutcome::InsufficientGrants);
            QCOMPARE(verifyToken(verifier, issued.token, Environment::Staging).outcome,
                     VerifyOutcome::WrongEnvironment);
        }
        QCOMPARE(verifier.rateLimiter().remaining(issued.key.id, options.rateLimit,
                                                  verifier.sharedLimits()),
                 2);
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
        // Now both limits are used up; a 429 consumes nothing either, so after the refill the
        // usage limit (not some leftover of the rate limit) answers.
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::RateLimited);
        clock().advanceMs(kMinuteMs);
        const VerifyResult exhausted = verifyToken(verifier, issued.token);
        QCOMPARE(exhausted.outcome, VerifyOutcome::UsageExceeded);
        QCOMPARE(verifier.rateLimiter().remaining(issued.key.id, options.rateLimit,
                                                  verifier.sharedLimits()),
                 2);
        QCOMPARE(exhausted.usageCount, qint64(2));
    }

    // The order: a rate-limited key presented without the grant answers 403 and leaves its
    // bucket alone; a revoked key without the grant answers 401.
    void orderOfChecksWithLimits()
    {
        KeyOptions options;
        options.rateLimit = perMinute(1);
        const IssuedToken limitedKey = issueKey(options);
        Verifier verifier(store(), clock());
        QCOMPARE(verifyToken(verifier, limitedKey.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifyToken(verifier, limitedKey.token).outcome, VerifyOutcome::RateLimited);
        const VerifyResult forbidden =
            verifyToken(verifier, limitedKey.token, Environment::Production, {kWrite});
        QCOMPARE(forbidden.outcome, VerifyOutcome::InsufficientGrants);
        QCOMPARE(forbidden.httpStatus(), 403);
        QVERIFY(!forbidden.retryAfterMs);
        QCOMPARE(verifier.rateLimiter().retryAfterMs(limitedKey.key.id, options.rateLimit,
                                                     verifier.sharedLimits()),
                 qint64(kMinuteMs));

        const IssuedToken revoked = issueKey(options);
        QVERIFY(store().revokeKey(revoked.key.id, revoked.key.version));
        const VerifyResult dead =
            verifyToken(verifier, revoked.token, Environment::Production, {kWrite});
        QCOMPARE(dead.outcome, VerifyOutcome::Revoked);
        QCOMPARE(dead.httpStatus(), 401);
        QVERIFY(dead.missingGrants.isEmpty());
    }

    void usageLimitCountsCredits()
    {
        KeyOptions options;
        options.usageLimit = 3;
        const IssuedToken issued = issueKey(options);
        Verifier verifier(store(), clock());
        for (qint64 used = 1; used <= 3; ++used) {
            const VerifyResult result = verifyToken(verifier, issued.token);
            QCOMPARE(result.outcome, VerifyOutcome::Valid);
            QCOMPARE(result.usageLimit, std::optional<qint64>(3));
            QCOMPARE(result.usageCount, used);
        }
        const VerifyResult exceeded = verifyToken(verifier, issued.token);
        QCOMPARE(exceeded.outcome, VerifyOutcome::UsageExceeded);
        QCOMPARE(exceeded.httpStatus(), 429);
        // Waiting does not bring credits back: no retry-after to loop on.
        QVERIFY(!exceeded.retryAfterMs);
        QVERIFY(!exceeded.retryAfterSeconds());
        QVERIFY(exceeded.reason.contains(QStringLiteral("usage limit")));
        clock().advanceMs(30 * kDayMs);
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::UsageExceeded);
        // A key without a limit is never counted against one.
        const IssuedToken unlimited = issueKey();
        for (int i = 0; i < 20; ++i)
            QCOMPARE(verifyToken(verifier, unlimited.token).outcome, VerifyOutcome::Valid);
    }

    // Credits are saved with usage_count = usage_count + n, so they survive the process and
    // add up across verifier processes.
    void usageCountsArePersistedAndShared()
    {
        KeyOptions options;
        options.usageLimit = 5;
        const IssuedToken issued = issueKey(options);
        {
            Verifier first(store(), clock());
            UsageRecorder recorder(store(), clock());
            first.setRecorder(&recorder);
            QCOMPARE(verifyToken(first, issued.token).outcome, VerifyOutcome::Valid);
            QCOMPARE(verifyToken(first, issued.token).outcome, VerifyOutcome::Valid);
        } // the recorder saves on destruction
        QCOMPARE(scalar(StoreDatabase::of(store()),
                        QStringLiteral("SELECT usage_count FROM key_usage WHERE key_id = ?"),
                        {issued.key.id}),
                 qint64(2));

        // Two more "processes" (own connections), each with its own recorder.
        auto secondStore = m_vault->openSecond(QString());
        auto thirdStore = m_vault->openSecond(QString());
        Verifier second(*secondStore, clock());
        Verifier third(*thirdStore, clock());
        second.enableCache();
        third.enableCache();
        UsageRecorder secondRecorder(*secondStore, clock());
        UsageRecorder thirdRecorder(*thirdStore, clock());
        second.setRecorder(&secondRecorder);
        third.setRecorder(&thirdRecorder);
        QCOMPARE(verifyToken(second, issued.token).outcome, VerifyOutcome::Valid); // 3
        QVERIFY(secondRecorder.flush());
        QCOMPARE(verifyToken(third, issued.token).outcome, VerifyOutcome::Valid); // 4
        QVERIFY(thirdRecorder.flush());
        // The second learns of the third's use from the read-back of its own next save.
        QCOMPARE(verifyToken(second, issued.token).outcome, VerifyOutcome::Valid); // 5
        QVERIFY(secondRecorder.flush());
        const VerifyResult exceeded = verifyToken(second, issued.token);
        QCOMPARE(exceeded.outcome, VerifyOutcome::UsageExceeded);
        QCOMPARE(exceeded.usageCount, qint64(5));
        QCOMPARE(scalar(StoreDatabase::of(store()),
                        QStringLiteral("SELECT usage_count FROM key_usage WHERE key_id = ?"),
                        {issued.key.id}),
                 qint64(5));
    }

    // explain() answers the same verdict, in words, without consuming or recording.
    void explainConsumesAndRecordsNothing()
    {
        KeyOptions options;
        options.rateLimit = perMinute(1);
        options.usageLimit = 1;
        const IssuedToken issued = issueKey(options);
        Verifier verifier(store(), clock());
        UsageRecorder recorder(store(), clock());
        verifier.setRecorder(&recorder);
        for (int i = 0; i < 5; ++i) {
            auto explained =
                verifier.explain(issued.token.constData(), std::size_t(issued.token.size()));
            QVERIFY(explained);
            QCOMPARE(explained->outcome, VerifyOutcome::Valid);
        }
        // Without an environment the token's own is assumed; with one it is checked.
        auto staging = verifier.explain(issued.token.constData(), std::size_t(issued.token.size()),
                                        Environment::Staging);
        QVERIFY(staging);
        QCOMPARE(staging->outcome, VerifyOutcome::WrongEnvironment);
        QVERIFY2(staging->reason.contains(QStringLiteral("Production key")),
                 qPrintable(staging->reason));
        QVERIFY(recorder.flush());
        QCOMPARE(
            scalar(StoreDatabase::of(store()), QStringLiteral("SELECT COUNT(*) FROM request_log")),
            qint64(0));
        QCOMPARE(verifyToken(verifier, issued.token).outcome, VerifyOutcome::Valid);
        auto used = verifier.explain(issued.token.constData(), std::size_t(issued.token.size()));
        QVERIFY(used);
        QCOMPARE(used->outcome, VerifyOutcome::RateLimited);
        clock().advanceMs(kMinuteMs);
        used = verifier.explain(issued.token.constData(), std::size_t(issued.token.size()));
        QCOMPARE(used->outcome, VerifyOutcome::UsageExceeded);
        QVERIFY(!used->reason.isEmpty());
    }

    void persistedOutcomeCodesAreStable()
    {
        // Stored in the vault: changing one rewrites history. Fixed here on purpose.
        QCOMPARE(verifyOutcomeToInt(VerifyOutcome::Valid), 0);
        QCOMPARE(verifyOutcomeToInt(VerifyOutcome::InsufficientGrants), 7);
        QCOMPARE(verifyOutcomeToInt(VerifyOutcome::UsageExceeded), 9);
        QCOMPARE(verifyOutcomeToInt(VerifyOutcome::WrongCustomer), 10);
        QCOMPARE(verifyOutcomeToInt(VerifyOutcome::IpNotAllowed), 11);
        for (VerifyOutcome outcome : kAllVerifyOutcomes)
            QCOMPARE(verifyOutcomeFromInt(verifyOutcomeToInt(outcome)),
                     std::optional<VerifyOutcome>(outcome));
        QVERIFY(!verifyOutcomeFromInt(-1));
        QVERIFY(!verifyOutcomeFromInt(12));
    }
};

QTEST_GUILESS_MAIN(TestVerifyLimits)
#include "test_verify_limits.moc"
