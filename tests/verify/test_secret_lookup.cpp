// SecretLookup, the verifier's prepared look-up by hash: on a SQLite vault it runs through the
// sqlite3 C API on Qt's connection, on PostgreSQL through Qt SQL. Built twice (see
// CMakeLists.txt): both must answer exactly what SqlKeyStore::findSecret answers.
#include "StoreDatabase.h"
#include "StoreFixture.h"
#include "crypto/Sha256.h"
#include "store/SecretLookup.h"
#include "verify/Verifier.h"
#include "verify/VerifierCache.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

using namespace Keyward;
using namespace Keyward::Testing;

class TestSecretLookup : public QObject
{
    Q_OBJECT

private:
    static QByteArray hashOf(const SecretString &token) { return Sha256::hash(token); }

    static void compareMatches(const SecretMatch &actual, const SecretMatch &expected)
    {
        const ApiKey &a = actual.key;
        const ApiKey &e = expected.key;
        QCOMPARE(a.id, e.id);
        QCOMPARE(a.name, e.name);
        QCOMPARE(a.environment, e.environment);
        QCOMPARE(a.grants, e.grants);
        QCOMPARE(a.state, e.state);
        QCOMPARE(a.expiresAtMs, e.expiresAtMs);
        QCOMPARE(a.rateLimit.count, e.rateLimit.count);
        QCOMPARE(a.rateLimit.unit, e.rateLimit.unit);
        QCOMPARE(a.usageLimit, e.usageLimit);
        QCOMPARE(a.usageCount, e.usageCount);
        QCOMPARE(a.customer, e.customer);
        QCOMPARE(a.revokedAtMs, e.revokedAtMs);
        QCOMPARE(a.flagged, e.flagged);
        QCOMPARE(a.version, e.version);
        QCOMPARE(actual.secret.id, expected.secret.id);
        QCOMPARE(actual.secret.keyId, e.id);
        QCOMPARE(actual.secret.retiresAtMs, expected.secret.retiresAtMs);
    }

#ifdef KEYWARD_TEST_POSTGRES
    // What a server restart does to one connection: the server ends its backend.
    static bool terminateBackend(StoreFixture &f, SqlKeyStore &store)
    {
        QSqlQuery pid(StoreDatabase::of(store));
        if (!pid.exec(QStringLiteral("SELECT pg_backend_pid()")) || !pid.next())
            return false;
        return f.pg.admin().exec(
            QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid.value(0).toInt()));
    }
#endif

private Q_SLOTS:
    void usesTheNativeStatementOnSqliteOnly()
    {
        StoreFixture f;
        auto issued = f.store->createKey(f.request(QStringLiteral("native")));
        QVERIFY2(issued, qPrintable(issued.errorMessage()));
        SecretLookup lookup(*f.store);
        auto found = lookup.find(hashOf(issued->token));
        QVERIFY2(found, qPrintable(found.errorMessage()));
        QVERIFY(found->has_value());
        QCOMPARE(lookup.usesNativeSqlite(), !kTestingPostgres);
    }

    // Every field a verdict reads, including NULLs, non-ASCII text and a retiring secret.
    // The look-up's row reader (SecretRow.h) against the key as the store reads it for the
    // window (every column): the same values for each field a verdict uses, with hostile text.
    void readsWhatTheStoreHolds()
    {
        StoreFixture f;
        NewKeyRequest request = f.request(QStringLiteral("Zahlungsabgleich \u00e9\u00f8 \u2014 "
                                                         "O'Brien \"quoted\"; DROP TABLE x"));
        request.customer = QStringLiteral("kunde-\u00fc-42");
        request.rateLimit = RateLimit {25, RateLimit::Unit::Second};
        request.usageLimit = 1000;
        request.allowedIps = *IpAllowlist::parseText(QStringLiteral("10.0.0.0/8, 2001:db8::1"));
        auto limited = f.store->createKey(request);
        QVERIFY2(limited, qPrintable(limited.errorMessage()));
        NewKeyRequest plain = f.request(QStringLiteral("never expires"), Environment::Staging);
        plain.expiresAtMs = std::nullopt;
        auto open = f.store->createKey(plain);
        QVERIFY2(open, qPrintable(open.errorMessage()));
        // A regeneration with a grace period leaves a retiring secret next to the new one.
        auto regenerated = f.store->regenerateKey(open->key.id, open->key.version, 2 * kHourMs);
        QVERIFY2(regenerated, qPrintable(regenerated.errorMessage()));

        for (const SecretString *token : {&limited->token, &open->token, &regenerated->token}) {
            const QByteArray hash = hashOf(*token);
            auto actual = f.store->findSecret(hash);
            QVERIFY2(actual, qPrintable(actual.errorMessage()));
            QVERIFY(actual->has_value());
            auto key = f.store->key((*actual)->key.id);
            QVERIFY2(key, qPrintable(key.errorMessage()));
            SecretMatch expected {*key, {}};
            for (const KeySecret &secret : key->secrets) {
                if (secret.hash == hash)
                    expected.secret = secret;
            }
            QVERIFY(expected.secret.id != 0);
            compareMatches(**actual, expected);
            QCOMPARE((*actual)->key.allowedIps, key->allowedIps);
        }
        SecretLookup lookup(*f.store);
        auto old = lookup.find(hashOf(open->token));
        QVERIFY(old && old->has_value());
        QVERIFY((*old)->secret.retiresAtMs.has_value());
        QCOMPARE((*old)->key.usageLimit, std::nullopt);
        QCOMPARE((*old)->key.expiresAtMs, std::nullopt);
    }

    // KeyStore::forEachSecret, the one pass that fills a verifier's cache: every secret (a key
    // with a retiring secret twice), each as findSecret answers for its hash; it stops when told.
    void aPassReadsWhatLookUpsRead()
    {
        StoreFixture f;
        NewKeyRequest request = f.request(QStringLiteral("Zahlungsabgleich \u00e9 \u2014 "
                                                         "O'Brien \"quoted\"; DROP TABLE x"));
        request.customer = QStringLiteral("kunde-\u00fc-42");
        request.usageLimit = 1000;
        request.allowedIps = *IpAllowlist::parseText(QStringLiteral("10.0.0.0/8, 2001:db8::1"));
        auto limited = f.store->createKey(request);
        QVERIFY2(limited, qPrintable(limited.errorMessage()));
        auto open = f.store->createKey(f.request(QStringLiteral("open"), Environment::Staging));
        QVERIFY2(open, qPrintable(open.errorMessage()));
        auto regenerated = f.store->regenerateKey(open->key.id, open->key.version, 2 * kHourMs);
        QVERIFY2(regenerated, qPrintable(regenerated.errorMessage()));
        auto dead = f.store->createKey(f.request(QStringLiteral("revoked")));
        QVERIFY2(dead, qPrintable(dead.errorMessage()));
        QVERIFY(f.store->revokeKey(dead->key.id, dead->key.version));

        QHash<QByteArray, SecretMatch> passed;
        auto pass = f.store->forEachSecret([&passed](const QByteArray &hash, SecretMatch &&match) {
            passed.insert(hash, std::move(match));
            return true;
        });
        QVERIFY2(pass, qPrintable(pass.errorMessage()));
        QCOMPARE(passed.size(), 4);
        for (const SecretString *token :
             {&limited->token, &open->token, &regenerated->token, &dead->token})
            QVERIFY(passed.contains(hashOf(*token)));
        for (auto it = passed.cbegin(); it != passed.cend(); ++it) {
            auto found = f.store->findSecret(it.key());
            QVERIFY2(found, qPrintable(found.errorMessage()));
            QVERIFY(found->has_value());
            compareMatches(it.value(), **found);
            QCOMPARE(it.value().key.allowedIps, (*found)->key.allowedIps);
        }
        QVERIFY(passed.value(hashOf(open->token)).secret.retiresAtMs.has_value());
        QCOMPARE(passed.value(hashOf(dead->token)).key.state, KeyState::Revoked);

        int visited = 0;
        pass = f.store->forEachSecret(
            [&visited](const QByteArray &, SecretMatch &&) { return ++visited < 2; });
        QVERIFY2(pass, qPrintable(pass.errorMessage()));
        QCOMPARE(visited, 2);

        // Counted, not bounded by the highest id: a deleted key's secret no longer counts.
        QVERIFY(f.store->deleteKey(limited->key.id, limited->key.version)); // not the newest
        const auto counted = f.store->countSecretsUpTo(1'000'000);
        QVERIFY2(counted, qPrintable(counted.errorMessage()));
        QCOMPARE(*counted, qint64(3));
        const auto capped = f.store->countSecretsUpTo(2); // reads no more than two rows
        QVERIFY2(capped, qPrintable(capped.errorMessage()));
        QCOMPARE(*capped, qint64(2));
    }

    // A pass reads its rows in ranges, each in a snapshot of its own: ranges of one, of two and
    // of exactly the number of rows leave none out and read none twice.
    void aPassReadsEveryRangeOnce_data()
    {
        QTest::addColumn<int>("range");
        QTest::newRow("1") << 1;
        QTest::newRow("2") << 2;
        QTest::newRow("5 (all)") << 5;
    }
    void aPassReadsEveryRangeOnce()
    {
        QFETCH(int, range);
        StoreFixture f;
        QSet<QByteArray> issued;
        for (int i = 0; i < 5; ++i) {
            auto key = f.store->createKey(f.request(QStringLiteral("range %1").arg(i)));
            QVERIFY2(key, qPrintable(key.errorMessage()));
            issued.insert(hashOf(key->token));
        }
        SecretLookup lookup(*f.store);
        lookup.setScanRange(range);
        QList<QByteArray> passed;
        const auto pass = lookup.scan({}, [&passed](const QByteArray &hash, SecretMatch &&) {
            passed.append(hash);
            return true;
        });
        QVERIFY2(pass, qPrintable(pass.errorMessage()));
        QCOMPARE(passed.size(), 5);
        QCOMPARE(QSet<QByteArray>(passed.cbegin(), passed.cend()), issued);
    }

    // A part of a pass (the ranges threads share, VerifierCache::helpFill) reads the secrets
    // whose ids are after its start and up to its end, whatever the reads' size; the bounds are
    // the lowest and highest id there is, and none for a store without secrets.
    void aPassReadsAnIdRange_data()
    {
        QTest::addColumn<int>("reads");
        QTest::newRow("reads of 1") << 1;
        QTest::newRow("reads of 2") << 2;
        QTest::newRow("reads of 1024") << 1024;
    }
    void aPassReadsAnIdRange()
    {
        QFETCH(int, reads);
        StoreFixture f;
        const auto none = f.store->secretIdBounds();
        QVERIFY2(none, qPrintable(none.errorMessage()));
        QVERIFY(!none->has_value());
        QList<qint64> ids;
        for (int i = 0; i < 6; ++i) {
            auto key = f.store->createKey(f.request(QStringLiteral("part %1").arg(i)));
            QVERIFY2(key, qPrintable(key.errorMessage()));
            auto found = f.store->findSecret(hashOf(key->token));
            QVERIFY(found && found->has_value());
            ids.append((*found)->secret.id);
        }
        std::sort(ids.begin(), ids.end());
        const auto bounds = f.store->secretIdBounds();
        QVERIFY2(bounds && bounds->has_value(), qPrintable(bounds.errorMessage()));
        QCOMPARE((*bounds)->lowest, ids.first());
        QCOMPARE((*bounds)->highest, ids.last());

        SecretLookup lookup(*f.store);
        lookup.setScanRange(reads);
        const auto idsIn = [&lookup](SecretIdRange range) {
            QList<qint64> read;
            const auto pass = lookup.scan(range, [&read](const QByteArray &, SecretMatch &&match) {
                read.append(match.secret.id);
                return true;
            });
            return pass ? read : QList<qint64> {-1};
        };
        QCOMPARE(idsIn({ids[1], ids[4]}), ids.mid(2, 3)); // after the second, up to the fifth
        QCOMPARE(idsIn({ids[0] - 1, ids[0]}), ids.mid(0, 1));
        QCOMPARE(idsIn({ids[5], ids[5] + 100}), QList<qint64>());
        QCOMPARE(idsIn({ids[3], ids[3]}), QList<qint64>()); // empty
        QCOMPARE(idsIn({ids[4], ids[2]}), QList<qint64>()); // backwards
        QCOMPARE(idsIn({}), ids);
        // Split anywhere, the parts read every row once.
        QList<qint64> joined = idsIn({0, ids[2]});
        joined += idsIn({ids[2], std::numeric_limits<qint64>::max()});
        QCOMPARE(joined, ids);
    }

    // A pass that cannot read is an error with a translated message, not a short pass.
    void aPassThatCannotReadIsAnError()
    {
        StoreFixture f;
        QVERIFY(f.store->createKey(f.request(QStringLiteral("table goes away"))));
        QSqlQuery q(f.tamperDatabase());
        QVERIFY2(q.exec(QStringLiteral("ALTER TABLE key_secrets RENAME TO key_secrets_away")),
                 qPrintable(q.lastError().text()));
        int visited = 0;
        const auto pass = f.store->forEachSecret([&visited](const QByteArray &, SecretMatch &&) {
            ++visited;
            return true;
        });
        QVERIFY(!pass);
        QVERIFY2(pass.errorMessage().contains(QStringLiteral("Cannot read the keys.")),
                 qPrintable(pass.errorMessage()));
        QCOMPARE(visited, 0);
        QVERIFY2(q.exec(QStringLiteral("ALTER TABLE key_secrets_away RENAME TO key_secrets")),
                 qPrintable(q.lastError().text()));
    }

    void unknownAndOddHashesFindNothing()
    {
        StoreFixture f;
        SecretLookup lookup(*f.store);
        for (const QByteArray &hash : {QByteArray(32, '\0'), QByteArray(32, '\xff'), QByteArray(),
                                       QByteArray("short"), QByteArray(4096, 'x')}) {
            auto found = lookup.find(hash);
            QVERIFY2(found, qPrintable(found.errorMessage()));
            QVERIFY(!found->has_value());
        }
    }

    // The statement is reset after each call: a change by another connection is seen at once,
    // and (SQLite) no read transaction pins the WAL.
    void seesOtherConnectionsAndHoldsNoSnapshot()
    {
        StoreFixture f;
        auto issued = f.store->createKey(f.request(QStringLiteral("watched")));
        QVERIFY(issued);
        SecretLookup lookup(*f.store);
        auto before = lookup.find(hashOf(issued->token));
        QVERIFY(before && before->has_value());
        QCOMPARE((*before)->key.state, KeyState::Active);

        auto other = f.openSecond();
        QVERIFY(other->revokeKey(issued->key.id, issued->key.version));
        auto after = lookup.find(hashOf(issued->token));
        QVERIFY(after && after->has_value());
        QCOMPARE((*after)->key.state, KeyState::Revoked);

        if (!kTestingPostgres) {
            QSqlQuery checkpoint(StoreDatabase::of(*other));
            QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(checkpoint.next());
            QCOMPARE(checkpoint.value(0).toInt(), 0); // 1 would mean a reader blocked it
        }
    }

    // A failing statement is an error with a translated message, and the look-up recovers once
    // the cause is gone.
    void failureIsAnErrorAndRecovers()
    {
        StoreFixture f;
        auto issued = f.store->createKey(f.request(QStringLiteral("table goes away")));
        QVERIFY(issued);
        SecretLookup lookup(*f.store);
        QVERIFY(lookup.find(hashOf(issued->token)));

        QSqlDatabase &db = f.tamperDatabase();
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("ALTER TABLE key_secrets RENAME TO key_secrets_away")),
                 qPrintable(q.lastError().text()));
        auto failed = lookup.find(hashOf(issued->token));
        QVERIFY(!failed);
        QVERIFY(failed.errorMessage().contains(QStringLiteral("Cannot look up the key.")));

        QVERIFY2(q.exec(QStringLiteral("ALTER TABLE key_secrets_away RENAME TO key_secrets")),
                 qPrintable(q.lastError().text()));
        auto again = lookup.find(hashOf(issued->token));
        QVERIFY2(again, qPrintable(again.errorMessage()));
        QVERIFY(again->has_value());
    }

    // The store's connection closed under the look-up: an error, never an answer from the old
    // connection; after the store reopens, the look-up prepares itself again.
    void closedConnectionIsNeverUsed()
    {
        if (kTestingPostgres)
            QSKIP("The server case is lostServerConnectionIsReestablished.");
        StoreFixture f;
        auto issued = f.store->createKey(f.request(QStringLiteral("closed")));
        QVERIFY(issued);
        SecretLookup lookup(*f.store);
        QVERIFY(lookup.find(hashOf(issued->token)));
        QVERIFY(lookup.usesNativeSqlite());
        StoreDatabase::of(*f.store).close();
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::prepare: database not open");
        auto closed = lookup.find(hashOf(issued->token));
        QVERIFY(!closed);
        QVERIFY(!closed.errorMessage().isEmpty());
        QVERIFY(f.store->reconnect());
        auto reopened = lookup.find(hashOf(issued->token));
        QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
        QVERIFY(reopened->has_value());
        QVERIFY(lookup.usesNativeSqlite());
    }

    // PostgreSQL: a verifying service outlives a dropped connection (server restart,
    // pg_terminate_backend). The look-up reconnects by itself, at most once a second.
    void lostServerConnectionIsReestablished()
    {
        if (!kTestingPostgres)
            QSKIP("A vault file has no server connection to lose.");
#ifdef KEYWARD_TEST_POSTGRES
        StoreFixture f;
        auto issued = f.store->createKey(f.request(QStringLiteral("survives restarts")));
        QVERIFY(issued);
        auto service = f.connect(QStringLiteral("alice"), kOwnerPassphrase);
        SecretLookup lookup(*service);
        QVERIFY(lookup.find(hashOf(issued->token)));
        const auto terminate = [&] {
            QVERIFY(terminateBackend(f, *service));
        };
        terminate();
        auto again = lookup.find(hashOf(issued->token));
        QVERIFY2(again, qPrintable(again.errorMessage()));
        QVERIFY(again->has_value());
        QCOMPARE((*again)->key.id, issued->key.id);

        // Lost again at once: no second attempt within the second, a clear error instead.
        terminate();
        auto refused = lookup.find(hashOf(issued->token));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::ConnectionLost);
        QTest::qWait(1100);
        auto later = lookup.find(hashOf(issued->token));
        QVERIFY2(later, qPrintable(later.errorMessage()));
        QVERIFY(later->has_value());
#endif
    }

    // A verifier with the default cache (change check every 200 ms of its clock) honours a
    // revocation and a deactivation made through another connection at the next check, on
    // both engines: a SQLite vault's change counter, a server's.
    void cachedVerifierHonoursChangesFromElsewhere()
    {
        StoreFixture f;
        auto revoked = f.store->createKey(f.request(QStringLiteral("to revoke")));
        auto paused = f.store->createKey(f.request(QStringLiteral("to pause")));
        QVERIFY(revoked && paused);
#ifdef KEYWARD_TEST_POSTGRES
        auto service = f.connect(QStringLiteral("alice"), kOwnerPassphrase);
#else
        auto service = f.openSecond(QString());
#endif
        Verifier verifier(*service, f.clock);
        verifier.enableCache();
        const auto verify = [&](const SecretString &token) {
            auto result = verifier.verify(token.data(), token.size(), Environment::Production, {},
                                          QStringLiteral("test"));
            if (!result)
                qFatal("verify failed: %s", qPrintable(result.errorMessage()));
            return result->outcome;
        };
        QCOMPARE(verify(revoked->token), VerifyOutcome::Valid);
        QCOMPARE(verify(paused->token), VerifyOutcome::Valid);
        QVERIFY(f.store->revokeKey(revoked->key.id, revoked->key.version));
        QVERIFY(f.store->setKeyActive(paused->key.id, paused->key.version, false));
        // Within the interval the cache may still answer from memory; at its end it may not.
        f.clock.advanceMs(verifier.cache()->options().checkIntervalMs);
        QCOMPARE(verify(revoked->token), VerifyOutcome::Revoked);
        QCOMPARE(verify(paused->token), VerifyOutcome::Inactive);
        QVERIFY(verifier.cache()->invalidations() >= 1);
    }

    // The same for a verifier with its cache on: the change check fails on the dead connection,
    // the look-up reconnects, and revocations are honoured again afterwards.
    void cachedVerifierRecoversFromALostConnection()
    {
        if (!kTestingPostgres)
            QSKIP("A vault file has no server connection to lose.");
#ifdef KEYWARD_TEST_POSTGRES
        StoreFixture f;
        auto issued = f.store->createKey(f.request(QStringLiteral("cached")));
        QVERIFY(issued);
        const QByteArray token(issued->token.data(), qsizetype(issued->token.size()));
        auto service = f.connect(QStringLiteral("alice"), kOwnerPassphrase);
        Verifier verifier(*service, f.clock);
        VerifierCacheOptions checkAlways;
        checkAlways.checkIntervalMs = 0;
        verifier.enableCache(checkAlways);
        const auto verify = [&] {
            auto result = verifier.verify(token.constData(), std::size_t(token.size()),
                                          Environment::Production, {}, QStringLiteral("test"));
            if (!result)
                qFatal("verify failed: %s", qPrintable(result.errorMessage()));
            return result->outcome;
        };
        QCOMPARE(verify(), VerifyOutcome::Valid);
        QVERIFY(terminateBackend(f, *service));
        QCOMPARE(verify(), VerifyOutcome::Valid);
        QVERIFY(f.store->revokeKey(issued->key.id, issued->key.version));
        QCOMPARE(verify(), VerifyOutcome::Revoked);
#endif
    }
};

QTEST_GUILESS_MAIN(TestSecretLookup)
#include "test_secret_lookup.moc"
