// The Verifier against a real SQLite vault, with time moved by hand.
#include "StoreDatabase.h"
#include "core/Clock.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"
#include "store/SqlKeyStore.h"
#include "verify/Verifier.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Keyward;

Q_DECLARE_METATYPE(Keyward::VerifyOutcome)

namespace {

constexpr qint64 kStartMs = 1'800'000'000'000;

const QString kRead = QStringLiteral("licenses:read");
const QString kCustomersRead = QStringLiteral("customers:read");
const QString kCustomersWrite = QStringLiteral("customers:write");

QByteArray bytesOf(const SecretString &secret)
{
    return QByteArray(secret.data(), qsizetype(secret.size()));
}

} // namespace

class TestVerify : public QObject
{
    Q_OBJECT

private:
    struct Issued
    {
        ApiKey key;
        QByteArray token;
    };

    Issued create(Environment env = Environment::Production,
                  QStringList grants = {QStringLiteral("licenses:read"),
                                        QStringLiteral("customers:read")},
                  std::optional<qint64> expiresAtMs = std::nullopt)
    {
        NewKeyRequest request;
        request.name = QStringLiteral("Billing sync %1").arg(++m_counter);
        request.environment = env;
        request.role = Role::Developer;
        request.grants = grants;
        request.expiresAtMs = expiresAtMs;
        request.customer = QStringLiteral("acme");
        // Work-around: SqlKeyStore binds a null QString as NULL into NOT NULL columns.
        request.notes = QStringLiteral("");
        auto issued = m_store->createKey(request);
        if (!issued)
            qFatal("createKey failed: %s", qPrintable(issued.errorMessage()));
        return {issued->key, bytesOf(issued->token)};
    }

    VerifyResult check(const QByteArray &token, Environment env = Environment::Production,
                       const QStringList &grants = {})
    {
        Verifier verifier(*m_store, m_clock);
        auto result = verifier.verify(token.constData(), std::size_t(token.size()), env, grants,
                                      QStringLiteral("test"));
        if (!result)
            qFatal("verify failed: %s", qPrintable(result.errorMessage()));
        return *result;
    }

    ApiKey reload(qint64 id)
    {
        auto key = m_store->key(id);
        if (!key)
            qFatal("key failed: %s", qPrintable(key.errorMessage()));
        return *key;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock {kStartMs};
    std::unique_ptr<SqlKeyStore> m_store;
    int m_counter = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = SqlKeyStore::createVault(m_dir.filePath(QStringLiteral("vault.keyward")),
                                              QStringLiteral("kw"), QStringLiteral("owner"),
                                              SecretString("correct horse", 13), m_clock);
        QVERIFY2(store, qPrintable(store.errorMessage()));
        m_store = std::move(store).value();
    }

    // Every test starts at the same time; the keys it creates are its own.
    void init() { m_clock.setNowMs(kStartMs); }

    void outcomeTable_data()
    {
        QTest::addColumn<VerifyOutcome>("outcome");
        QTest::addColumn<int>("http");
        QTest::addColumn<QString>("code");
        QTest::newRow("Valid") << VerifyOutcome::Valid << 200 << "Valid";
        QTest::newRow("Malformed") << VerifyOutcome::Malformed << 401 << "Malformed";
        QTest::newRow("NotFound") << VerifyOutcome::NotFound << 401 << "NotFound";
        QTest::newRow("WrongEnvironment")
            << VerifyOutcome::WrongEnvironment << 401 << "WrongEnvironment";
        QTest::newRow("Inactive") << VerifyOutcome::Inactive << 401 << "Inactive";
        QTest::newRow("Revoked") << VerifyOutcome::Revoked << 401 << "Revoked";
        QTest::newRow("Expired") << VerifyOutcome::Expired << 401 << "Expired";
        QTest::newRow("InsufficientGrants")
            << VerifyOutcome::InsufficientGrants << 403 << "InsufficientGrants";
        QTest::newRow("RateLimited") << VerifyOutcome::RateLimited << 429 << "RateLimited";
        QTest::newRow("UsageExceeded") << VerifyOutcome::UsageExceeded << 429 << "UsageExceeded";
    }

    void outcomeTable()
    {
        QFETCH(VerifyOutcome, outcome);
        QFETCH(int, http);
        QFETCH(QString, code);
        QCOMPARE(verifyHttpStatus(outcome), http);
        QCOMPARE(verifyOutcomeCode(outcome), code);
        QCOMPARE(verifyOutcomeFromCode(code), std::optional<VerifyOutcome>(outcome));
    }

    void unknownOutcomeCode()
    {
        QCOMPARE(verifyOutcomeFromCode(QStringLiteral("valid")), std::nullopt);
        QCOMPARE(verifyOutcomeFromCode(QString()), std::nullopt);
    }

    void validKeyCarriesItsIdentity()
    {
        const Issued issued = create();
        const VerifyResult result = check(issued.token, Environment::Production, {kRead});
        QCOMPARE(result.outcome, VerifyOutcome::Valid);
        QCOMPARE(result.httpStatus(), 200);
        QCOMPARE(result.code(), QStringLiteral("Valid"));
        QVERIFY(result.isValid());
        QCOMPARE(result.keyId, issued.key.id);
        QCOMPARE(result.keyName, issued.key.name);
        QCOMPARE(result.secretId, issued.key.secrets.constFirst().id);
        QCOMPARE(result.grants, QStringList({kCustomersRead, kRead}));
        QCOMPARE(result.customer, QStringLiteral("acme"));
        QCOMPARE(result.environment, Environment::Production);
        QVERIFY(!result.reason.isEmpty());
    }

    void validWithAllAndNoRequiredGrants()
    {
        const Issued issued = create();
        QCOMPARE(check(issued.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(check(issued.token, Environment::Production, {kRead, kCustomersRead}).outcome,
                 VerifyOutcome::Valid);
        // Blank and repeated grant names are tidied, not treated as grants.
        QCOMPARE(check(issued.token, Environment::Production,
                       {QStringLiteral(" licenses:read "), QString(), kRead})
                     .outcome,
                 VerifyOutcome::Valid);
    }

    void secretStringOverload()
    {
        const Issued issued = create();
        Verifier verifier(*m_store, m_clock);
        const SecretString token(issued.token.constData(), std::size_t(issued.token.size()));
        auto result = verifier.verify(token, Environment::Production, {kRead}, QString());
        QVERIFY(result);
        QCOMPARE(result->outcome, VerifyOutcome::Valid);
    }

    void surroundingWhiteSpaceIsForgiven_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::newRow("spaces") << QByteArray("  ") << QByteArray(" ");
        QTest::newRow("newline") << QByteArray() << QByteArray("\n");
        QTest::newRow("crlf and tab") << QByteArray("\t") << QByteArray("\r\n");
        QTest::newRow("no-break space") << QByteArray("\xC2\xA0") << QByteArray("\xC2\xA0");
    }

    void surroundingWhiteSpaceIsForgiven()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        const Issued issued = create();
        const VerifyResult result = check(before + issued.token + after);
        QCOMPARE(result.outcome, VerifyOutcome::Valid);
        QCOMPARE(result.keyId, issued.key.id);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("notCopiedInFull");
        const QByteArray token = create().token;
        QByteArray altered = token;
        altered[12] = altered[12] == 'a' ? 'b' : 'a';
        QByteArray inner = token;
        inner.insert(20, ' ');
        QTest::newRow("truncated by one") << token.chopped(1) << true;
        QTest::newRow("only half") << token.left(token.size() / 2) << true;
        QTest::newRow("prefix and env only") << QByteArray("kw_live_") << true;
        QTest::newRow("one character changed") << altered << true;
        QTest::newRow("space inside") << inner << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("white space only") << QByteArray(" \n\t") << false;
        QTest::newRow("not a key") << QByteArray("hello world") << false;
        QTest::newRow("sql") << QByteArray("' OR 1=1; --") << false;
        QTest::newRow("nul inside")
            << token.left(10) + QByteArray(1, '\0') + token.mid(11) << false;
        QTest::newRow("one megabyte") << QByteArray(1024 * 1024, 'k') << false;
        QTest::newRow("bearer prefix") << QByteArray("Bearer ") + token << false;
    }

    void malformed()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, notCopiedInFull);
        const VerifyResult result = check(token);
        QCOMPARE(result.outcome, VerifyOutcome::Malformed);
        QCOMPARE(result.httpStatus(), 401);
        QVERIFY(!result.hasKey());
        QVERIFY(!result.reason.isEmpty());
        QCOMPARE(result.reason.contains(QStringLiteral("not copied in full")), notCopiedInFull);
    }

    void otherVaultsPrefixIsMalformed()
    {
        // Well-formed, with a valid checksum, but from a vault whose prefix is "acme".
        const SecretString foreign =
            KeyToken::generate(QStringLiteral("acme"), Environment::Production);
        const VerifyResult result = check(bytesOf(foreign));
        QCOMPARE(result.outcome, VerifyOutcome::Malformed);
        QCOMPARE(result.httpStatus(), 401);
        QVERIFY2(result.reason.contains(QStringLiteral("prefix")), qPrintable(result.reason));
    }

    void unknownTokenIsNotFound()
    {
        create(); // the vault is not empty
        const SecretString stranger =
            KeyToken::generate(QStringLiteral("kw"), Environment::Production);
        const VerifyResult result = check(bytesOf(stranger));
        QCOMPARE(result.outcome, VerifyOutcome::NotFound);
        QCOMPARE(result.httpStatus(), 401);
        QVERIFY(!result.hasKey());
        QVERIFY(!result.reason.contains(QStringLiteral("not copied in full")));
    }

    void deletedKeyIsNotFound()
    {
        const Issued issued = create();
        QVERIFY(m_store->deleteKey(issued.key.id, issued.key.version));
        QCOMPARE(check(issued.token).outcome, VerifyOutcome::NotFound);
    }

    void wrongEnvironment_data()
    {
        QTest::addColumn<Environment>("keyEnv");
        QTest::addColumn<Environment>("requested");
        QTest::newRow("dev key on live") << Environment::Development << Environment::Production;
        QTest::newRow("live key on staging") << Environment::Production << Environment::Staging;
        QTest::newRow("staging key on dev") << Environment::Staging << Environment::Development;
    }

    void wrongEnvironment()
    {
        QFETCH(Environment, keyEnv);
        QFETCH(Environment, requested);
        const Issued issued = create(keyEnv);
        const VerifyResult result = check(issued.token, requested);
        QCOMPARE(result.outcome, VerifyOutcome::WrongEnvironment);
        QCOMPARE(result.httpStatus(), 401);
        QCOMPARE(result.keyId, issued.key.id);
        // The same key is fine where it belongs.
        QCOMPARE(check(issued.token, keyEnv).outcome, VerifyOutcome::Valid);
    }

    void inactiveAndActiveAgain()
    {
        const Issued issued = create();
        auto off = m_store->setKeyActive(issued.key.id, issued.key.version, false);
        QVERIFY(off);
        VerifyResult result = check(issued.token);
        QCOMPARE(result.outcome, VerifyOutcome::Inactive);
        QCOMPARE(result.httpStatus(), 401);
        QCOMPARE(result.keyId, issued.key.id);
        QVERIFY(m_store->setKeyActive(issued.key.id, off->version, true));
        QCOMPARE(check(issued.token).outcome, VerifyOutcome::Valid);
    }

    void revoked()
    {
        const Issued issued = create();
        m_clock.advanceMs(kHourMs);
        QVERIFY(m_store->revokeKey(issued.key.id, issued.key.version));
        const VerifyResult result = check(issued.token);
        QCOMPARE(result.outcome, VerifyOutcome::Revoked);
        QCOMPARE(result.httpStatus(), 401);
        QCOMPARE(result.keyId, issued.key.id);
        // The reason says when, in UTC: kStartMs + 1 h is 2027-01-15 09:00 UTC.
        QVERIFY2(result.reason.contains(QStringLiteral("revoked on 2027-01-15 09:00 UTC")),
                 qPrintable(result.reason));
    }

    void expiredAtTheDeadline()
    {
        const qint64 expiresAt = kStartMs + kDayMs;
        const Issued issued = create(Environment::Production, {kRead}, expiresAt);
        m_clock.setNowMs(expiresAt - 1);
        QCOMPARE(check(issued.token).outcome, VerifyOutcome::Valid);
        m_clock.setNowMs(expiresAt);
        const VerifyResult result = check(issued.token);
        QCOMPARE(result.outcome, VerifyOutcome::Expired);
        QCOMPARE(result.httpStatus(), 401);
        QVERIFY2(result.reason.contains(QStringLiteral("expired on")), qPrintable(result.reason));
    }

    // `--expires 2027-01-31` keeps the key working through that day: the reason names it.
    void expiredAtTheEndOfTheChosenDay()
    {
        const qint64 expiresAt =
            QDateTime(QDate(2027, 2, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const Issued issued = create(Environment::Production, {kRead}, expiresAt);
        m_clock.setNowMs(expiresAt);
        const VerifyResult result = check(issued.token);
        QCOMPARE(result.outcome, VerifyOutcome::Expired);
        QCOMPARE(result.reason, QStringLiteral("The key expired at the end of 2027-01-31 (UTC)."));
    }

    void insufficientGrants()
    {
        const Issued issued = create();
        VerifyResult result =
            check(issued.token, Environment::Production, {kRead, kCustomersWrite});
        QCOMPARE(result.outcome, VerifyOutcome::InsufficientGrants);
        QCOMPARE(result.httpStatus(), 403);
        QCOMPARE(result.missingGrants, QStringList {kCustomersWrite});
        QCOMPARE(result.reason, QStringLiteral("Missing grant customers:write"));

        const QString unknown = QStringLiteral("no:such-grant");
        result = check(issued.token, Environment::Production, {kCustomersWrite, unknown});
        QCOMPARE(result.outcome, VerifyOutcome::InsufficientGrants);
        QCOMPARE(result.missingGrants, QStringList({kCustomersWrite, unknown}));
        QVERIFY2(result.reason.contains(QStringLiteral("customers:write, no:such-grant")),
                 qPrintable(result.reason));
    }

    // The first failing check wins; a dead key never reveals what it could have done.
    void orderOfChecks()
    {
        const Issued revokedKey = create(Environment::Production, {kRead}, kStartMs + kDayMs);
        QVERIFY(m_store->revokeKey(revokedKey.key.id, revokedKey.key.version));
        const Issued inactiveKey = create(Environment::Production, {kRead}, kStartMs + kDayMs);
        QVERIFY(m_store->setKeyActive(inactiveKey.key.id, inactiveKey.key.version, false));
        const Issued expiringKey = create(Environment::Production, {kRead}, kStartMs + kDayMs);
        const Issued liveKey = create(Environment::Production, {kRead});

        QCOMPARE(check(revokedKey.token, Environment::Production, {kCustomersWrite}).outcome,
                 VerifyOutcome::Revoked);
        QCOMPARE(check(revokedKey.token, Environment::Development).outcome, VerifyOutcome::Revoked);
        QCOMPARE(check(inactiveKey.token, Environment::Development).outcome,
                 VerifyOutcome::Inactive);
        QCOMPARE(check(inactiveKey.token, Environment::Production, {kCustomersWrite}).outcome,
                 VerifyOutcome::Inactive);
        QCOMPARE(check(liveKey.token, Environment::Staging, {kCustomersWrite}).outcome,
                 VerifyOutcome::WrongEnvironment);

        m_clock.advanceMs(2 * kDayMs);
        QCOMPARE(check(revokedKey.token).outcome, VerifyOutcome::Revoked);
        QCOMPARE(check(inactiveKey.token).outcome, VerifyOutcome::Inactive);
        QCOMPARE(check(expiringKey.token, Environment::Staging, {kCustomersWrite}).outcome,
                 VerifyOutcome::Expired);
    }

    void regeneratedWithGrace()
    {
        const Issued issued = create();
        auto regenerated = m_store->regenerateKey(issued.key.id, issued.key.version, kHourMs);
        QVERIFY2(regenerated, qPrintable(regenerated.errorMessage()));
        const QByteArray fresh = bytesOf(regenerated->token);
        QVERIFY(fresh != issued.token);

        VerifyResult oldResult = check(issued.token);
        QCOMPARE(oldResult.outcome, VerifyOutcome::Valid);
        QCOMPARE(oldResult.secretId, issued.key.secrets.constFirst().id);
        const VerifyResult newResult = check(fresh);
        QCOMPARE(newResult.outcome, VerifyOutcome::Valid);
        QCOMPARE(newResult.keyId, issued.key.id);
        QVERIFY(newResult.secretId != oldResult.secretId);

        m_clock.advanceMs(kHourMs - 1);
        QCOMPARE(check(issued.token).outcome, VerifyOutcome::Valid);
        m_clock.advanceMs(1);
        oldResult = check(issued.token);
        QCOMPARE(oldResult.outcome, VerifyOutcome::Revoked);
        QCOMPARE(oldResult.httpStatus(), 401);
        QCOMPARE(oldResult.keyId, issued.key.id);
        QVERIFY2(oldResult.reason.contains(QStringLiteral("regenerated")),
                 qPrintable(oldResult.reason));
        QCOMPARE(check(fresh).outcome, VerifyOutcome::Valid);
    }

    void regeneratedAtOnce()
    {
        const Issued issued = create();
        auto regenerated = m_store->regenerateKey(issued.key.id, issued.key.version, 0);
        QVERIFY2(regenerated, qPrintable(regenerated.errorMessage()));
        QCOMPARE(check(issued.token).outcome, VerifyOutcome::Revoked);
        QCOMPARE(check(bytesOf(regenerated->token)).outcome, VerifyOutcome::Valid);
    }

    void revokingARegeneratedKeyStopsBothSecrets()
    {
        const Issued issued = create();
        auto regenerated = m_store->regenerateKey(issued.key.id, issued.key.version, kDayMs);
        QVERIFY(regenerated);
        QVERIFY(m_store->revokeKey(issued.key.id, regenerated->key.version));
        QCOMPARE(check(issued.token).outcome, VerifyOutcome::Revoked);
        QCOMPARE(check(bytesOf(regenerated->token)).outcome, VerifyOutcome::Revoked);
    }

    void storeFailureIsAnErrorNotAnOutcome()
    {
        QTemporaryDir dir;
        ManualClock clock;
        auto store = SqlKeyStore::createVault(dir.filePath(QStringLiteral("broken.keyward")),
                                              QStringLiteral("kw"), QStringLiteral("owner"),
                                              SecretString("correct horse", 13), clock);
        QVERIFY(store);
        NewKeyRequest request;
        request.name = QStringLiteral("soon unreadable");
        request.environment = Environment::Production;
        request.grants = {kRead};
        request.notes = request.customer = QStringLiteral(""); // see create()
        auto issued = (*store)->createKey(request);
        QVERIFY(issued);
        StoreDatabase::of(**store).close();
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::prepare: database not open");
        Verifier verifier(**store, clock);
        auto result = verifier.verify(issued->token, Environment::Production, {}, QString());
        QVERIFY(!result);
        QVERIFY(!result.errorMessage().isEmpty());
        // Malformed input never needs the store, so it is still answered.
        auto malformed = verifier.verify("kw_live_", 8, Environment::Production, {}, QString());
        QVERIFY(malformed);
        QCOMPARE(malformed->outcome, VerifyOutcome::Malformed);
    }
};

QTEST_GUILESS_MAIN(TestVerify)
#include "test_verify.moc"
