// The verifier's cache: repeated verifications stay in memory, and a change made anywhere -
// this connection, another connection, another process - is honoured within the check interval.
#include "CliRunner.h"
#include "StoreDatabase.h"
#include "VerifyTestSupport.h"
#include "crypto/KeyToken.h"
#include "verify/CacheFiller.h"
#include "verify/PassChunks.h"
#include "verify/UsageRecorder.h"
#include "verify/VerifierCache.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <limits>
#include <optional>
#include <thread>
#include <vector>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

// Every lookup asks whether anything changed: deterministic, for the tests that do not measure
// time.
VerifierCacheOptions checkAlways()
{
    VerifierCacheOptions options;
    options.checkIntervalMs = 0;
    return options;
}

} // namespace

class TestVerifierCache : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<VaultFixture> m_vault;

    SqlKeyStore &store() { return *m_vault->store; }
    ManualClock &clock() { return m_vault->clock; }

    QList<IssuedToken> issueMany(int count)
    {
        QList<IssuedToken> keys;
        for (int i = 0; i < count; ++i)
            keys.append(issue(store(), QStringLiteral("K%1").arg(i)));
        return keys;
    }

    // No change check after the first (the manual clock stands still anyway).
    static VerifierCacheOptions quietOptions()
    {
        VerifierCacheOptions options;
        options.checkIntervalMs = 3'600'000;
        return options;
    }

    // The same, filling from the store once a tenth of its keys were looked up.
    static VerifierCacheOptions fillingOptions()
    {
        VerifierCacheOptions options = quietOptions();
        options.fillFromStore = true;
        return options;
    }

private Q_SLOTS:
    void init() { m_vault = std::make_unique<VaultFixture>(); }
    void cleanup() { m_vault.reset(); }

    void repeatedVerificationsStayInMemory()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        Verifier verifier(store(), clock());
        verifier.enableCache();
        for (int i = 0; i < 50; ++i)
            QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifier.cache()->storeLookups(), qint64(1));
        QCOMPARE(verifier.cache()->hits(), qint64(49));
        QCOMPARE(verifier.cache()->size(), 1);
    }

    // The end of a pipeline gives the cache's memory back while the last usage write runs;
    // a verifier without it still answers, from the store, and sees a revocation at once.
    void aVerifierWithoutItsCacheStillAnswers()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        Verifier verifier(store(), clock());
        verifier.enableCache();
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        const std::weak_ptr<VerifierCache> cache = verifier.shared().cache;
        verifier.disableCache();
        QVERIFY(cache.expired());
        QVERIFY(!verifier.cache());
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        QVERIFY(store().revokeKey(a.key.id, a.key.version));
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Revoked);
    }

    void changesThroughTheSameStoreAreHonoured()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        Verifier verifier(store(), clock());
        verifier.enableCache(checkAlways());
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        auto off = store().setKeyActive(a.key.id, a.key.version, false);
        QVERIFY(off);
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Inactive);
        auto on = store().setKeyActive(a.key.id, off->version, true);
        QVERIFY(on);
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        QVERIFY(store().revokeKey(a.key.id, on->version));
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Revoked);
        QVERIFY(verifier.cache()->invalidations() >= 3);
    }

    void changesThroughAnotherConnectionAreHonoured()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        const IssuedToken b = issue(store(), QStringLiteral("B"));
        auto verifierStore = m_vault->openSecond(QString());
        Verifier verifier(*verifierStore, clock());
        verifier.enableCache(checkAlways());
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifyToken(verifier, b.token).outcome, VerifyOutcome::Valid);
        QVERIFY(store().deleteKey(a.key.id, a.key.version));
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::NotFound);
        auto regenerated = store().regenerateKey(b.key.id, b.key.version, 0);
        QVERIFY(regenerated);
        QCOMPARE(verifyToken(verifier, b.token).outcome, VerifyOutcome::Revoked);
        QCOMPARE(verifyToken(verifier, bytesOf(regenerated->token)).outcome, VerifyOutcome::Valid);
    }

    // A key created after the verifier started is found (a miss goes to the store), also
    // when its hash happens to be checked right after a miss for another token.
    void keyCreatedLaterIsFound()
    {
        Verifier verifier(store(), clock());
        verifier.enableCache(); // default interval: the creation need not be noticed first
        const QByteArray stranger =
            bytesOf(KeyToken::generate(QStringLiteral("kw"), Environment::Production));
        QCOMPARE(verifyToken(verifier, stranger).outcome, VerifyOutcome::NotFound);
        const IssuedToken later = issue(store(), QStringLiteral("Later"));
        QCOMPARE(verifyToken(verifier, later.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifyToken(verifier, stranger).outcome, VerifyOutcome::NotFound);
    }

    void expiryNeedsNoInvalidation()
    {
        KeyOptions options;
        options.expiresAtMs = clock().nowMs() + kHourMs;
        const IssuedToken a = issue(store(), QStringLiteral("A"), options);
        Verifier verifier(store(), clock());
        verifier.enableCache();
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        clock().advanceMs(kHourMs);
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Expired);
        QCOMPARE(verifier.cache()->storeLookups(), qint64(1));
    }

    // Garbage and unknown tokens cannot grow memory, whatever a client sends.
    void missesAreBounded()
    {
        VerifierCacheOptions options;
        options.maxMissingEntries = 8;
        options.maxEntries = 3;
        Verifier verifier(store(), clock());
        verifier.enableCache(options);
        for (int i = 0; i < 100; ++i) {
            const QByteArray stranger =
                bytesOf(KeyToken::generate(QStringLiteral("kw"), Environment::Production));
            QCOMPARE(verifyToken(verifier, stranger).outcome, VerifyOutcome::NotFound);
            QVERIFY(verifier.cache()->missingSize() <= 8);
        }
        // Malformed input is never looked up, so never cached.
        for (int i = 0; i < 100; ++i)
            verifyToken(verifier, QByteArray("kw_live_") + QByteArray::number(i));
        QVERIFY(verifier.cache()->missingSize() <= 8);
        QList<IssuedToken> keys;
        for (int i = 0; i < 5; ++i)
            keys.append(issue(store(), QStringLiteral("K%1").arg(i)));
        for (const IssuedToken &key : std::as_const(keys)) {
            QCOMPARE(verifyToken(verifier, key.token).outcome, VerifyOutcome::Valid);
            QVERIFY(verifier.cache()->size() <= 3);
        }
        // A repeated unknown token costs no query.
        const QByteArray repeated =
            bytesOf(KeyToken::generate(QStringLiteral("kw"), Environment::Production));
        verifyToken(verifier, repeated);
        const qint64 lookups = verifier.cache()->storeLookups();
        for (int i = 0; i < 10; ++i)
            verifyToken(verifier, repeated);
        QCOMPARE(verifier.cache()->storeLookups(), lookups);
    }

    // A failed change check leaves no stamp to compare with. The next check that works must
    // empty the cache all the same: an entry cached between the two may predate a change (a
    // revocation) that the new stamp already includes.
    void aWorkingCheckAfterAFailedOneStartsOver()
    {
        struct ScriptedChanges final : ChangeSource
        {
            Result<qint64> next = qint64(1);
            Result<qint64> currentStamp() override { return next; }
        } changes;
        int reads = 0;
        const VerifierCache::FindFunction find =
            [&reads](const QByteArray &) -> Result<std::optional<SecretMatch>> {
            ++reads;
            SecretMatch match;
            match.key.id = 7;
            return std::optional<SecretMatch>(match);
        };
        VerifierCacheOptions options;
        options.checkIntervalMs = 1000;
        VerifierCache cache(options);
        const VerifierCache::Backend backend {find, changes};
        const QByteArray hash(32, 'h');
        QVERIFY(cache.find(hash, 0, backend)); // the first check, a read, then cached
        QVERIFY(cache.find(hash, 10, backend));
        QCOMPARE(reads, 1);
        changes.next = makeError(ErrorCode::ConnectionLost, QStringLiteral("connection lost"));
        QVERIFY(cache.find(hash, 1000, backend)); // the check fails: read, not kept
        QCOMPARE(reads, 2);
        QVERIFY(cache.find(hash, 1010, backend)); // no check due: read and kept
        QVERIFY(cache.find(hash, 1020, backend));
        QCOMPARE(reads, 3);
        changes.next = qint64(2); // the key was revoked meanwhile
        QVERIFY(cache.find(hash, 2000, backend)); // the check works: nothing kept is trusted
        QCOMPARE(reads, 4);
        QVERIFY(cache.find(hash, 2010, backend));
        QCOMPARE(reads, 4);
    }

    void storeFailureIsAnError()
    {
        const IssuedToken a = issue(store(), QStringLiteral("A"));
        auto verifierStore = m_vault->openSecond(QString());
        Verifier verifier(*verifierStore, clock());
        verifier.enableCache(checkAlways());
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        StoreDatabase::of(*verifierStore).close();
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::exec: database not open");
        // Without a way to check for changes, the cached verdict is not trusted.
        auto result = verifier.verify(a.token.constData(), std::size_t(a.token.size()),
                                      Environment::Production, {}, QString());
        QVERIFY(!result);
        QVERIFY(!result.errorMessage().isEmpty());
    }

    // The real thing: keywardctl, a separate process, revokes a key; a running verifier with
    // the default check interval answers Revoked within a second. Also when its look-ups share
    // read snapshots, as a pipeline's do, and every answer comes from the cache.
    void revocationByAnotherProcessWithinOneSecond_data()
    {
        QTest::addColumn<bool>("sharedSnapshots");
        QTest::newRow("a snapshot per look-up") << false;
        QTest::newRow("shared snapshots") << true;
    }

    void revocationByAnotherProcessWithinOneSecond()
    {
        QFETCH(bool, sharedSnapshots);
        const IssuedToken a = issue(store(), QStringLiteral("Revoked elsewhere"));
        const IssuedToken b = issue(store(), QStringLiteral("Deactivated elsewhere"));
        store().shareReadSnapshots(sharedSnapshots);
        // The fixture's connection is the verifier's, as in a service: one connection in this
        // process.
        Verifier verifier(store(), SystemClock::instance());
        verifier.enableCache();
        QCOMPARE(verifier.cache()->options().checkIntervalMs, 200);
        QCOMPARE(verifyToken(verifier, a.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifyToken(verifier, b.token).outcome, VerifyOutcome::Valid);

        QTemporaryDir home;
        CliRunner cli(home.path());
        cli.setEnvironment(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        cli.setEnvironment(QStringLiteral("KEYWARD_PASSPHRASE"),
                           QString::fromLatin1(kOwnerPassphrase));
        const CliRunner::Run revoked =
            cli.run({QStringLiteral("--vault"), m_vault->path, QStringLiteral("key"),
                     QStringLiteral("revoke"), QString::number(a.key.id), QStringLiteral("--yes")});
        QVERIFY2(revoked.exitCode == 0, revoked.describe().constData());
        QTRY_VERIFY_WITH_TIMEOUT(verifyToken(verifier, a.token).outcome == VerifyOutcome::Revoked,
                                 1000);

        const CliRunner::Run deactivated =
            cli.run({QStringLiteral("--vault"), m_vault->path, QStringLiteral("key"),
                     QStringLiteral("deactivate"), QString::number(b.key.id)});
        QVERIFY2(deactivated.exitCode == 0, deactivated.describe().constData());
        QTRY_VERIFY_WITH_TIMEOUT(verifyToken(verifier, b.token).outcome == VerifyOutcome::Inactive,
                                 1000);
    }

    // verify --threads: each thread's store shares read snapshots, all threads share one cache.
    // One thread's poll sees a revocation and empties the cache; another thread whose snapshot
    // began before that poll must not fill the cache again from it.
    void revocationReachesEveryStoreSharingTheCache()
    {
        const IssuedToken x = issue(store(), QStringLiteral("X"));
        const IssuedToken k = issue(store(), QStringLiteral("K"));
        auto storeA = m_vault->openSecond(QString());
        auto storeB = m_vault->openSecond(QString());
        storeA->shareReadSnapshots(true);
        storeB->shareReadSnapshots(true);
        Verifier a(*storeA, SystemClock::instance());
        a.enableCache();
        Verifier b(*storeB, SystemClock::instance(), a.shared());
        QCOMPARE(verifyToken(b, x.token).outcome, VerifyOutcome::Valid); // B's snapshot begins
        QVERIFY(store().revokeKey(k.key.id, k.key.version)); // another connection
        QTest::qWait(a.cache()->options().checkIntervalMs + 50);
        QCOMPARE(verifyToken(a, x.token).outcome, VerifyOutcome::Valid); // A polls, cache emptied
        QCOMPARE(verifyToken(b, k.token).outcome, VerifyOutcome::Revoked);
        QCOMPARE(verifyToken(a, k.token).outcome, VerifyOutcome::Revoked);
    }

    // fillFromStore: once the look-ups reach a tenth of the store's secrets (at least
    // kFillAfterLookups), one pass brings the rest, and the keys after that are answered without
    // a look-up each. Off by default.
    void manyLookUpsFillTheRest_data()
    {
        QTest::addColumn<bool>("fillFromStore");
        QTest::newRow("fill") << true;
        QTest::newRow("off") << false;
    }
    void manyLookUpsFillTheRest()
    {
        QFETCH(bool, fillFromStore);
        const QList<IssuedToken> keys = issueMany(150);
        Verifier verifier(store(), clock());
        VerifierCacheOptions options = quietOptions();
        options.fillFromStore = fillFromStore;
        verifier.enableCache(options);
        for (const IssuedToken &key : keys)
            QCOMPARE(verifyToken(verifier, key.token).outcome, VerifyOutcome::Valid);
        const qint64 expectedLookups =
            fillFromStore ? VerifierCacheOptions::kFillAfterLookups : 150;
        QCOMPARE(verifier.cache()->storeLookups(), expectedLookups);
        QCOMPARE(verifier.cache()->fills(), fillFromStore ? qint64(1) : qint64(0));
        QCOMPARE(verifier.cache()->size(), 150);
    }

    // A store with more secrets than the cache may hold is never read whole.
    void noFillBeyondTheCacheBound()
    {
        const QList<IssuedToken> keys = issueMany(80);
        Verifier verifier(store(), clock());
        VerifierCacheOptions options = quietOptions();
        options.fillFromStore = true;
        options.maxEntries = 79;
        verifier.enableCache(options);
        for (const IssuedToken &key : keys)
            QCOMPARE(verifyToken(verifier, key.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifier.cache()->fills(), qint64(0));

        // Deletions bring it under the bound. The next generation's look-ups still see the old
        // count; once it is ten minutes old it is read again, and the pass is made.
        for (int i = 0; i < 2; ++i)
            QVERIFY(store().deleteKey(keys[i].key.id, keys[i].key.version));
        verifier.cache()->invalidate(); // as the change check would
        for (int i = 2; i < 70; ++i)
            QCOMPARE(verifyToken(verifier, keys[i].token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifier.cache()->fills(), qint64(0));
        clock().advanceMs(11 * 60 * 1000);
        QCOMPARE(verifyToken(verifier, keys[70].token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifier.cache()->fills(), qint64(1));
        QCOMPARE(verifier.cache()->size(), 78);
    }

    // A pass begun before the cache was emptied (a change seen meanwhile) adds nothing: what it
    // read may predate the change.
    void aPassBegunBeforeAChangeAddsNothing()
    {
        issueMany(3);
        Verifier verifier(store(), clock());
        verifier.enableCache(quietOptions());
        VerifierCache &cache = *verifier.cache();
        const quint64 before = cache.generation();
        cache.invalidate();
        QVERIFY(cache.fill(before, store()));
        QCOMPARE(cache.size(), 0);
        QVERIFY(cache.fill(cache.generation(), store()));
        QCOMPARE(cache.size(), 3);
    }

    // A change seen while a pass runs ends it at its next part: the parts after it add nothing.
    void aChangeDuringAPassEndsIt()
    {
        const int keys = 2 * int(VerifierCache::kFillPartRows) + 10; // three parts
        issueMany(keys);
        Verifier verifier(store(), clock());
        verifier.enableCache(quietOptions());
        VerifierCache &cache = *verifier.cache();
        const quint64 generation = cache.generation();
        int parts = 0;
        int added = 0;
        const auto filled = cache.fill(generation, store(), [&](VerifierCache::FillPart &part) {
            ++parts;
            const int rows = int(part.size());
            const bool going = cache.addFilled(generation, part);
            added += going ? rows : 0;
            cache.invalidate(); // as a change check would, after the first part
            return going;
        });
        QVERIFY2(filled, qPrintable(filled.errorMessage()));
        QCOMPARE(parts, 2); // the second was refused, and the pass ended there
        // A part is kFillPartRows rows or what is left of a range (a sixteenth of the store, 64
        // rows at least).
        QVERIFY2(added >= int(VerifierCache::kMinFillChunkRows)
                     && added <= int(VerifierCache::kFillPartRows),
                 QByteArray::number(added).constData());
        QCOMPARE(cache.size(), 0);
    }

    // Keys that came with a pass are watched like the others: a revocation made elsewhere after
    // the pass is honoured.
    void revocationAfterAPassIsHonoured()
    {
        const QList<IssuedToken> keys = issueMany(3);
        auto verifierStore = m_vault->openSecond(QString());
        Verifier verifier(*verifierStore, clock());
        verifier.enableCache(checkAlways());
        QCOMPARE(verifyToken(verifier, keys[0].token).outcome, VerifyOutcome::Valid);
        QVERIFY(verifier.cache()->fill(verifier.cache()->generation(), *verifierStore));
        QCOMPARE(verifier.cache()->size(), 3);
        QVERIFY(store().revokeKey(keys[2].key.id, keys[2].key.version));
        QCOMPARE(verifyToken(verifier, keys[2].token).outcome, VerifyOutcome::Revoked);
        QCOMPARE(verifyToken(verifier, keys[1].token).outcome, VerifyOutcome::Valid);
    }

    // A pass in progress shares its ranges: a verifying thread with input to spare reads those
    // nobody claimed (helpFill) on its own connection, and the pass's thread reads no more.
    // Every key comes in, and each is then answered from the cache.
    void aPassSharesItsRangesWithAHelper()
    {
        const QList<IssuedToken> keys = issueMany(40);
        auto helperStore = m_vault->openSecond(QString());
        Verifier verifier(store(), clock());
        VerifierCacheOptions options = quietOptions();
        options.fillChunkRows = 4; // ten ranges
        verifier.enableCache(options);
        VerifierCache &cache = *verifier.cache();
        // The first look-up makes the first change check, which empties the cache.
        QCOMPARE(verifyToken(verifier, keys[0].token).outcome, VerifyOutcome::Valid);
        QVERIFY(!cache.wantsFillHelp());
        QVERIFY(cache.helpFill(*helperStore)); // no pass: nothing to do
        QCOMPARE(cache.size(), 1);

        const quint64 generation = cache.generation();
        int parts = 0;
        int ownRows = 0;
        bool wantedDuring = false;
        bool wantedAfterHelp = true;
        int helperRows = -1;
        const auto filled = cache.fill(generation, store(), [&](VerifierCache::FillPart &part) {
            ++parts;
            const int before = cache.size();
            const bool going = cache.addFilled(generation, part);
            ownRows += cache.size() - before;
            if (parts == 1) { // after the pass's first range: the helper takes the rest
                wantedDuring = cache.wantsFillHelp();
                const int before = cache.size();
                helperRows = cache.helpFill(*helperStore) ? cache.size() - before : -1;
                wantedAfterHelp = cache.wantsFillHelp();
            }
            return going;
        });
        QVERIFY2(filled, qPrintable(filled.errorMessage()));
        QVERIFY(wantedDuring);
        QVERIFY(!wantedAfterHelp);
        QCOMPARE(parts, 1); // the pass's thread claimed nothing after the helper
        QVERIFY2(ownRows >= 1 && ownRows < 39, QByteArray::number(ownRows).constData());
        QCOMPARE(helperRows, 39 - ownRows);
        QCOMPARE(cache.size(), 40);
        QVERIFY(!cache.wantsFillHelp());
        for (const IssuedToken &key : keys)
            QCOMPARE(verifyToken(verifier, key.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(cache.storeLookups(), qint64(1));
    }

    // A change seen while threads share a pass ends it for all of them: the helper adds nothing
    // after it and claims no more, and neither does the pass's own thread.
    void aChangeEndsASharedPassForEveryThread()
    {
        issueMany(40);
        auto helperStore = m_vault->openSecond(QString());
        Verifier verifier(store(), clock());
        VerifierCacheOptions options = quietOptions();
        options.fillChunkRows = 4;
        verifier.enableCache(options);
        VerifierCache &cache = *verifier.cache();
        const quint64 generation = cache.generation();
        int parts = 0;
        bool helped = false;
        const auto filled = cache.fill(generation, store(), [&](VerifierCache::FillPart &part) {
            ++parts;
            const bool going = cache.addFilled(generation, part);
            cache.invalidate(); // as a change check would
            helped = bool(cache.helpFill(*helperStore));
            return going;
        });
        QVERIFY2(filled, qPrintable(filled.errorMessage()));
        QVERIFY(helped);
        QCOMPARE(parts, 1);
        QCOMPARE(cache.size(), 0);
        QVERIFY(!cache.wantsFillHelp());
    }

    // A helper that cannot read its range (a dropped connection) gives up its own part only:
    // the pass's thread reads every other range, and the failed range's keys are looked up one
    // at a time when they come.
    void aHelperThatCannotReadLeavesThePassToTheFiller()
    {
        const QList<IssuedToken> keys = issueMany(40);
        VaultFixture broken;
        QSqlQuery tamper(broken.tamperDatabase());
        QVERIFY2(tamper.exec(QStringLiteral("ALTER TABLE key_secrets RENAME TO elsewhere")),
                 qPrintable(tamper.lastError().text()));
        Verifier verifier(store(), clock());
        VerifierCacheOptions options = quietOptions();
        options.fillChunkRows = 4;
        verifier.enableCache(options);
        VerifierCache &cache = *verifier.cache();
        QCOMPARE(verifyToken(verifier, keys[0].token).outcome, VerifyOutcome::Valid);
        const quint64 generation = cache.generation();
        int parts = 0;
        QString helperError;
        bool wantedAfter = false;
        const auto filled = cache.fill(generation, store(), [&](VerifierCache::FillPart &part) {
            if (++parts == 1) {
                const auto helped = cache.helpFill(*broken.store);
                helperError = helped ? QString() : helped.errorMessage();
                wantedAfter = cache.wantsFillHelp();
            }
            return cache.addFilled(generation, part);
        });
        QVERIFY2(filled, qPrintable(filled.errorMessage()));
        QVERIFY2(helperError.contains(QStringLiteral("Cannot read the keys.")),
                 qPrintable(helperError));
        QVERIFY(wantedAfter); // the ranges after the failed one were left for the pass
        QVERIFY(parts > 2);
        // One range of four ids lost, the key looked up before the pass kept.
        QVERIFY2(cache.size() >= 36 && cache.size() < 40,
                 QByteArray::number(cache.size()).constData());
        for (const IssuedToken &key : keys)
            QCOMPARE(verifyToken(verifier, key.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(cache.size(), 40);
    }

    // PassChunks hands out every id of a pass once, to whichever thread claims first, in
    // ranges of the size asked for, and none after stop() or past the highest id, even at the
    // ends of the id space.
    void passChunksHandOutEveryIdOnce()
    {
        {
            PassChunks chunks(7, SecretIdBounds {1, 10'000}, 7);
            constexpr int kThreads = 4;
            std::vector<std::vector<SecretIdRange>> claimed(kThreads);
            std::vector<std::thread> threads;
            for (int t = 0; t < kThreads; ++t) {
                threads.emplace_back([&chunks, &claimed, t] {
                    while (const auto range = chunks.claim())
                        claimed[std::size_t(t)].push_back(*range);
                });
            }
            for (std::thread &thread : threads)
                thread.join();
            std::vector<SecretIdRange> all;
            for (const auto &ranges : claimed)
                all.insert(all.end(), ranges.begin(), ranges.end());
            std::sort(all.begin(), all.end(), [](const SecretIdRange &a, const SecretIdRange &b) {
                return a.after < b.after;
            });
            QCOMPARE(all.size(), std::size_t(1429)); // 10,000 ids in sevens
            qint64 next = 0;
            for (const SecretIdRange &range : all) {
                QCOMPARE(range.after, next);
                QVERIFY(range.upTo - range.after <= 7);
                next = range.upTo;
            }
            QCOMPARE(next, qint64(10'000));
            QCOMPARE(chunks.generation(), quint64(7));
            QVERIFY(!chunks.hasUnclaimed());
        }
        {
            PassChunks chunks(1, SecretIdBounds {5, 100}, 10);
            QVERIFY(chunks.hasUnclaimed());
            const auto first = chunks.claim();
            QVERIFY(first);
            QCOMPARE(first->after, qint64(4));
            QCOMPARE(first->upTo, qint64(14));
            chunks.stop();
            QVERIFY(!chunks.hasUnclaimed());
            QVERIFY(!chunks.claim());
        }
        {
            constexpr qint64 kMax = std::numeric_limits<qint64>::max();
            constexpr qint64 kMin = std::numeric_limits<qint64>::min();
            PassChunks top(1, SecretIdBounds {kMax - 5, kMax}, 4);
            QList<qint64> ends;
            while (const auto range = top.claim())
                ends.append(range->upTo);
            QCOMPARE(ends, (QList<qint64> {kMax - 2, kMax}));
            PassChunks wide(1, SecretIdBounds {kMin + 1, kMax}, kMax / 2);
            int claims = 0;
            while (wide.claim() && claims < 10)
                ++claims;
            QCOMPARE(claims, 5); // the whole span in halves of the positive range, no overflow
            QCOMPARE(PassChunks::idsPerChunk(SecretIdBounds {1, 1000}, 100, 10), qint64(100));
            QCOMPARE(PassChunks::idsPerChunk(SecretIdBounds {1, 1000}, 0, 10), qint64(10));
            QCOMPARE(PassChunks::idsPerChunk(SecretIdBounds {1, 1000}, 5000, 10), qint64(10));
            QVERIFY(PassChunks::idsPerChunk(SecretIdBounds {kMin + 1, kMax}, 2, 1024) > 0);
        }
    }

    // With a CacheFiller the pass runs on the filler's thread and connection: the verifier goes
    // on meanwhile, and the keys after the pass come from the cache.
    void aFillerPassesOnItsOwnThread()
    {
        const QList<IssuedToken> keys = issueMany(150);
        Verifier verifier(store(), clock());
        verifier.enableCache(fillingOptions());
        std::atomic<Qt::HANDLE> fillerThread {nullptr};
        CacheFiller filler(verifier.shared().cache, [this, &fillerThread] {
            fillerThread = QThread::currentThreadId();
            std::unique_ptr<KeyStore> own = m_vault->openSecond(QString());
            return own;
        });
        filler.attach();
        for (int i = 0; i < VerifierCacheOptions::kFillAfterLookups; ++i)
            QCOMPARE(verifyToken(verifier, keys[i].token).outcome, VerifyOutcome::Valid);
        QTRY_COMPARE_WITH_TIMEOUT(filler.passes(), 1, 30000); // another thread: may wait on CI
        QVERIFY(fillerThread.load() != nullptr);
        QVERIFY(fillerThread.load() != QThread::currentThreadId());
        QCOMPARE(verifier.cache()->size(), 150);
        for (const IssuedToken &key : keys)
            QCOMPARE(verifyToken(verifier, key.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifier.cache()->storeLookups(), qint64(VerifierCacheOptions::kFillAfterLookups));
    }

    // The store's size, which decides when a pass is due, is read by the filler too: no
    // request's thread counts rows. Here the first hand-over only reads it (64 look-ups are not
    // yet a tenth of 700), the one at the tenth fills.
    void theFillerReadsTheStoresSize()
    {
        const QList<IssuedToken> keys = issueMany(700);
        Verifier verifier(store(), clock());
        verifier.enableCache(fillingOptions());
        std::atomic<int> opens {0};
        CacheFiller filler(verifier.shared().cache, [this, &opens] {
            ++opens;
            std::unique_ptr<KeyStore> own = m_vault->openSecond(QString());
            return own;
        });
        filler.attach();
        int next = 0;
        for (; next < VerifierCacheOptions::kFillAfterLookups; ++next)
            QCOMPARE(verifyToken(verifier, keys[next].token).outcome, VerifyOutcome::Valid);
        QTRY_COMPARE_WITH_TIMEOUT(filler.passes(), 1, 30000);
        QCOMPARE(verifier.cache()->fills(), qint64(0));
        for (; next < 69; ++next)
            QCOMPARE(verifyToken(verifier, keys[next].token).outcome, VerifyOutcome::Valid);
        QCOMPARE(filler.passes(), 1); // the size is known: nothing to ask before the tenth
        QCOMPARE(verifyToken(verifier, keys[next].token).outcome, VerifyOutcome::Valid);
        QTRY_COMPARE_WITH_TIMEOUT(filler.passes(), 2, 30000);
        QCOMPARE(opens.load(), 2);
        QCOMPARE(verifier.cache()->fills(), qint64(1));
        QCOMPARE(verifier.cache()->size(), 700);
    }

    // fillAtOnce (verify --stdin): the first pass comes at kFillAfterLookups look-ups, not at a
    // tenth of the store (here 100 of 1,000), on the filler's thread or inline; later passes, after
    // a change emptied the cache, wait for the tenth again. The rows with a store larger than the
    // cache hold the bound: counted, never read whole (they pass without fillAtOnce too).
    void fillAtOnceMakesTheFirstPassEarly_data()
    {
        QTest::addColumn<bool>("withFiller");
        QTest::addColumn<int>("maxEntries");
        QTest::newRow("filler") << true << 1000;
        QTest::newRow("inline") << false << 1000;
        QTest::newRow("filler, store too large") << true << 999;
        QTest::newRow("inline, store too large") << false << 999;
    }
    void fillAtOnceMakesTheFirstPassEarly()
    {
        QFETCH(bool, withFiller);
        QFETCH(int, maxEntries);
        constexpr int keyCount = 1000;
        constexpr int early = VerifierCacheOptions::kFillAfterLookups;
        static_assert(early < keyCount / 10);
        const QList<IssuedToken> keys = issueMany(keyCount);
        Verifier verifier(store(), clock());
        VerifierCacheOptions options = fillingOptions();
        options.fillAtOnce = true;
        options.maxEntries = maxEntries;
        verifier.enableCache(options);
        std::optional<CacheFiller> filler;
        if (withFiller) {
            filler.emplace(verifier.shared().cache, [this]() -> std::unique_ptr<KeyStore> {
                return m_vault->openSecond(QString());
            });
            filler->attach();
        }
        const auto verifyAll = [&](int from, int to) {
            for (int i = from; i < to; ++i) {
                if (verifyToken(verifier, keys[i].token).outcome != VerifyOutcome::Valid)
                    return false;
            }
            return true;
        };
        QVERIFY(verifyAll(0, early - 1));
        QCOMPARE(verifier.cache()->fills(), qint64(0)); // a few lines never wake the filler
        if (filler)
            QCOMPARE(filler->requests(), 0);
        QVERIFY(verifyAll(early - 1, early));
        if (filler)
            QTRY_COMPARE_WITH_TIMEOUT(filler->passes(), 1, 30000);
        if (maxEntries < keyCount) {
            QCOMPARE(verifier.cache()->fills(), qint64(0));
            QCOMPARE(verifier.cache()->size(), early);
            return;
        }
        QCOMPARE(verifier.cache()->fills(), qint64(1));
        QCOMPARE(verifier.cache()->size(), keyCount);
        QVERIFY(verifyAll(early, keyCount));
        QCOMPARE(verifier.cache()->storeLookups(), qint64(early));

        // A change empties the cache: the next pass waits for a tenth.
        verifier.cache()->invalidate();
        QVERIFY(verifyAll(0, keyCount / 10 - 1));
        QCOMPARE(verifier.cache()->fills(), qint64(1));
        if (filler)
            QCOMPARE(filler->requests(), 1); // none handed over at 64 this time
        QVERIFY(verifyAll(keyCount / 10 - 1, keyCount / 10));
        if (filler)
            QTRY_COMPARE_WITH_TIMEOUT(filler->passes(), 2, 30000);
        QCOMPARE(verifier.cache()->fills(), qint64(2));
        QCOMPARE(verifier.cache()->size(), keyCount);
    }

    // The size is the secrets counted: after many deletions the highest id overstated it, and
    // the tenth it waited for could exceed what was left.
    void deletedKeysDoNotHoldThePassBack()
    {
        QList<IssuedToken> keys = issueMany(700);
        for (int i = 0; i < 600; ++i) // the newest stay: the highest id is still about 700
            QVERIFY(store().deleteKey(keys[i].key.id, keys[i].key.version));
        keys = keys.mid(600);
        Verifier verifier(store(), clock());
        verifier.enableCache(fillingOptions());
        for (int i = 0; i < VerifierCacheOptions::kFillAfterLookups; ++i)
            QCOMPARE(verifyToken(verifier, keys[i].token).outcome, VerifyOutcome::Valid);
        QCOMPARE(verifier.cache()->fills(), qint64(1)); // at 64, not at 70 (a tenth of 700)
        QCOMPARE(verifier.cache()->size(), 100);
    }

    // A pass whose connection could not be opened (or that failed) is asked for again at a later
    // look-up, a second later at the soonest, on a new connection.
    void aFailedPassIsTriedAgain()
    {
        const QList<IssuedToken> keys = issueMany(100);
        Verifier verifier(store(), clock());
        verifier.enableCache(fillingOptions());
        std::atomic<int> opens {0};
        CacheFiller filler(verifier.shared().cache, [this, &opens]() -> std::unique_ptr<KeyStore> {
            if (opens++ == 0)
                return nullptr; // as when the server cannot be reached
            return m_vault->openSecond(QString());
        });
        filler.attach();
        int next = 0;
        for (; next < VerifierCacheOptions::kFillAfterLookups; ++next)
            QCOMPARE(verifyToken(verifier, keys[next].token).outcome, VerifyOutcome::Valid);
        // A pass counts once the filler's pause after its failure is over.
        QTRY_COMPARE_WITH_TIMEOUT(filler.passes(), 1, 30000);
        QCOMPARE(opens.load(), 1);
        QCOMPARE(verifier.cache()->failedFills(), qint64(1));
        QCOMPARE(verifier.cache()->size(), VerifierCacheOptions::kFillAfterLookups);
        QCOMPARE(verifyToken(verifier, keys[next].token).outcome, VerifyOutcome::Valid);
        QTRY_COMPARE_WITH_TIMEOUT(filler.passes(), 2, 30000);
        QCOMPARE(opens.load(), 2);
        QCOMPARE(verifier.cache()->fills(), qint64(2));
        QCOMPARE(verifier.cache()->failedFills(), qint64(1));
        QCOMPARE(verifier.cache()->size(), 100);
    }

    // verify --stdin's first pass comes early (fillAtOnce); one that fails part-way leaves the
    // next still early, not waiting for a tenth of the store (found by a review).
    void aFailedFirstPassIsStillEarlyNextTime()
    {
        constexpr int keyCount = 1000;
        constexpr int early = VerifierCacheOptions::kFillAfterLookups;
        const QList<IssuedToken> keys = issueMany(keyCount);
        Verifier verifier(store(), clock());
        VerifierCacheOptions options = fillingOptions();
        options.fillAtOnce = true;
        verifier.enableCache(options);
        std::atomic<int> opens {0};
        CacheFiller filler(verifier.shared().cache, [this, &opens]() -> std::unique_ptr<KeyStore> {
            std::unique_ptr<SqlKeyStore> second = m_vault->openSecond(QString());
            if (opens++ == 0 && second) {
                // The first connection counts the secrets but cannot read the keys: a view of its
                // own hides the table (SQLite resolves TEMP names first), so the pass fails.
                QSqlQuery hide(StoreDatabase::of(*second));
                if (!hide.exec(QStringLiteral("CREATE TEMP VIEW api_keys AS SELECT 1 AS id")))
                    qFatal("cannot hide api_keys: %s", qPrintable(hide.lastError().text()));
            }
            return second;
        });
        filler.attach();
        int next = 0;
        for (; next < early; ++next)
            QCOMPARE(verifyToken(verifier, keys[next].token).outcome, VerifyOutcome::Valid);
        QTRY_COMPARE_WITH_TIMEOUT(filler.passes(), 1, 30000);
        QCOMPARE(verifier.cache()->failedFills(), qint64(1));
        QCOMPARE(verifier.cache()->size(), early);
        // The next look-up asks again: 65 look-ups, not the 100 of a tenth.
        QCOMPARE(verifyToken(verifier, keys[next].token).outcome, VerifyOutcome::Valid);
        QTRY_COMPARE_WITH_TIMEOUT(filler.passes(), 2, 30000);
        QCOMPARE(opens.load(), 2);
        QCOMPARE(verifier.cache()->failedFills(), qint64(1));
        QCOMPARE(verifier.cache()->size(), keyCount);
    }

    // keyward-verifyd and verify --threads: verifiers on several threads, each with its own
    // connection, share one cache, one limiter and one recorder.
    void threadsShareOneCacheAndOneLimit()
    {
        const IssuedToken open = issue(store(), QStringLiteral("Open"));
        KeyOptions limitedOptions;
        limitedOptions.rateLimit = perMinute(25);
        const IssuedToken limited = issue(store(), QStringLiteral("Limited"), limitedOptions);
        UsageRecorder recorder(store(), clock());
        Verifier first(store(), clock());
        first.enableCache();
        first.setRecorder(&recorder);
        const VerifierShared shared = first.shared();

        constexpr int kThreads = 4;
        constexpr int kRounds = 200;
        std::atomic<int> valid {0};
        std::atomic<int> limitedValid {0};
        std::atomic<int> failures {0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([&] {
                auto opened = SqlKeyStore::openVault(m_vault->path, clock());
                if (!opened) {
                    ++failures;
                    return;
                }
                Verifier verifier(**opened, clock(), shared);
                for (int i = 0; i < kRounds; ++i) {
                    auto a = verifier.verify(open.token.constData(), std::size_t(open.token.size()),
                                             Environment::Production, {}, QStringLiteral("t"));
                    auto b = verifier.verify(limited.token.constData(),
                                             std::size_t(limited.token.size()),
                                             Environment::Production, {}, QStringLiteral("t"));
                    if (!a || !b) {
                        ++failures;
                        return;
                    }
                    valid += a->isValid() ? 1 : 0;
                    limitedValid += b->isValid() ? 1 : 0;
                }
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(valid.load(), kThreads * kRounds);
        // One limit for the process, not one per thread: exactly the bucket's 25 passed.
        QCOMPARE(limitedValid.load(), 25);
        // One cache: two keys, read from the store a few times at most (threads missing the
        // same key at once both read it), never once per thread per round.
        QCOMPARE(first.cache()->size(), 2);
        QVERIFY2(first.cache()->storeLookups() <= 2 * kThreads,
                 QByteArray::number(first.cache()->storeLookups()).constData());
        // One recorder: every verification of every thread was recorded.
        QVERIFY(recorder.flush());
        QCOMPARE(scalar(m_vault->tamperDatabase(),
                        QStringLiteral("SELECT COALESCE(SUM(count), 0) FROM "
                                       "key_usage_hourly WHERE key_id = ?"),
                        {open.key.id}),
                 qint64(kThreads * kRounds));
    }
};

QTEST_GUILESS_MAIN(TestVerifierCache)
#include "test_verifier_cache.moc"
