// What a cut breaks (verify/KeyImpact): the counts of the last 7 days by outcome, every source
// with its last time and secret, "still in use", for a key or its previous secret alone. Built
// twice: test_key_impact on a SQLite vault, test_pg_key_impact on PostgreSQL.
#include "StoreDatabase.h"
#include "StoreFixture.h"

#include "store/UsageBatch.h"
#include "store/UsageRepository.h"
#include "verify/KeyImpact.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

struct Use
{
    qint64 agoMs;
    qint64 secretId;
    VerifyOutcome outcome;
    QString source;
};

// Usage as a verifier writes it. On PostgreSQL through the superuser's connection: the Owner's
// login may not write usage (verifier logins do).
bool record(StoreFixture &f, qint64 keyId, qint64 nowMs, const QVector<Use> &uses)
{
    UsageBatch batch;
    for (const Use &use : uses) {
        UsageEvent event;
        event.atMs = nowMs - use.agoMs;
        event.keyId = keyId;
        event.secretId = use.secretId;
        event.outcome = verifyOutcomeToInt(use.outcome);
        event.consumesCredit = use.outcome == VerifyOutcome::Valid;
        event.source = use.source;
        batch.add(event);
    }
#ifdef KEYWARD_TEST_POSTGRES
    UsageRepository repository(f.pg.admin().db(), SqlEngine::Postgres);
    auto written = repository.write(batch, UsageRetention {}, nowMs);
#else
    auto written = f.store->usageRepository()->write(batch, UsageRetention {}, nowMs);
#endif
    if (!written)
        qWarning("%s", qPrintable(written.errorMessage()));
    return bool(written);
}

const KeyImpact::Source *find(const KeyImpact &impact, const QString &source)
{
    for (const KeyImpact::Source &s : impact.sources()) {
        if (s.source == source)
            return &s;
    }
    return nullptr;
}

KeyImpact::Words plainWords()
{
    return {[](qint64 atMs) { return QString::number(atMs); },
            [](VerifyOutcome outcome) {
                return verifyOutcomeCode(outcome);
            }};
}

} // namespace

class TestKeyImpact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsTheLastSevenDaysBySourceAndSecret();
    void previousSecretAlone();
    void unusedKeyIsNotInUse();
    void sampledLogMakesSecretCountsALowerBound();
    void lastUseWithoutLoggedRequestIsALowerBound();
};

void TestKeyImpact::countsTheLastSevenDaysBySourceAndSecret()
{
    StoreFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("Billing")));
    QVERIFY(issued);
    auto regenerated = f.store->regenerateKey(issued->key.id, issued->key.version, 24 * kHourMs);
    QVERIFY(regenerated);
    const ApiKey &key = regenerated->key;
    const qint64 current = key.secrets.at(0).id;
    const qint64 previous = key.secrets.at(1).id;
    const qint64 now = f.clock.nowMs();
    QVERIFY(
        record(f, key.id, now,
               {{8 * kDayMs, previous, VerifyOutcome::Valid, QStringLiteral("legacy")},
                {2 * kDayMs, previous, VerifyOutcome::Valid, QStringLiteral("cron")},
                {3 * kHourMs, current, VerifyOutcome::InsufficientGrants, QStringLiteral("web")},
                {2 * kHourMs, current, VerifyOutcome::Valid, QStringLiteral("web")},
                {1 * kHourMs, previous, VerifyOutcome::Valid, QStringLiteral("billing")}}));
    const ApiKey fresh = *f.store->key(key.id);

    auto impact = KeyImpact::load(*f.store, fresh, now);
    QVERIFY2(impact, qPrintable(impact.errorMessage()));
    // The request of 8 days ago is not counted; the others are, by outcome.
    QCOMPARE(impact->count(VerifyOutcome::Valid), 3);
    QCOMPARE(impact->count(VerifyOutcome::InsufficientGrants), 1);
    QCOMPARE(impact->total(), 4);
    QVERIFY(!impact->countsAreLowerBound());
    // Every distinct source, newest first, with its last time and the secret it presented.
    QCOMPARE(impact->sources().size(), 4);
    QCOMPARE(impact->sources().at(0).source, QStringLiteral("billing"));
    QCOMPARE(impact->sources().at(3).source, QStringLiteral("legacy"));
    const KeyImpact::Source *web = find(*impact, QStringLiteral("web"));
    QVERIFY(web);
    QCOMPARE(web->lastAtMs, now - 2 * kHourMs);
    QCOMPARE(web->role, KeyImpact::SecretRole::Current);
    QCOMPARE(web->secretHint, fresh.secrets.at(0).hint);
    const KeyImpact::Source *cron = find(*impact, QStringLiteral("cron"));
    QVERIFY(cron);
    QCOMPARE(cron->lastAtMs, now - 2 * kDayMs);
    QCOMPARE(cron->role, KeyImpact::SecretRole::Previous);
    QCOMPARE(cron->secretHint, fresh.secrets.at(1).hint);
    QCOMPARE(find(*impact, QStringLiteral("legacy"))->lastAtMs, now - 8 * kDayMs);
    QCOMPARE(impact->recentSourceCount(), 3);
    QVERIFY(impact->isStillInUse());

    const QString text = impact->text(plainWords());
    // (Plural forms need the English catalogue, which keyward_core does not embed.)
    QVERIFY2(text.startsWith(QLatin1String("4 request")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String(" in the last 7 days: Valid 3, InsufficientGrants 1.")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("cron: last ")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Still in use: 3 source")), qPrintable(text));
    const QJsonObject json = impact->toJson();
    QCOMPARE(json.value(QLatin1String("total")).toInt(), 4);
    QCOMPARE(json.value(QLatin1String("requests")).toObject().value(QLatin1String("Valid")).toInt(),
             3);
    QCOMPARE(json.value(QLatin1String("sources")).toArray().size(), 4);
    QCOMPARE(json.value(QLatin1String("still_in_use")).toBool(), true);
}

void TestKeyImpact::previousSecretAlone()
{
    StoreFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("Webhooks")));
    QVERIFY(issued);
    auto regenerated = f.store->regenerateKey(issued->key.id, issued->key.version, 3 * kDayMs);
    QVERIFY(regenerated);
    const ApiKey &key = regenerated->key;
    const qint64 current = key.secrets.at(0).id;
    const qint64 previous = key.secrets.at(1).id;
    const qint64 now = f.clock.nowMs();
    QVERIFY(record(f, key.id, now,
                   {{9 * kDayMs, previous, VerifyOutcome::Valid, QStringLiteral("old-cron")},
                    {5 * kHourMs, previous, VerifyOutcome::Valid, QStringLiteral("shop")},
                    {4 * kHourMs, previous, VerifyOutcome::RateLimited, QStringLiteral("shop")},
                    {3 * kHourMs, previous, VerifyOutcome::Valid, QStringLiteral("crm")},
                    {1 * kHourMs, current, VerifyOutcome::Valid, QStringLiteral("web")}}));
    const ApiKey fresh = *f.store->key(key.id);

    auto impact = KeyImpact::load(*f.store, fresh, now, previous);
    QVERIFY2(impact, qPrintable(impact.errorMessage()));
    QCOMPARE(impact->secretHint(), fresh.secrets.at(1).hint);
    QCOMPARE(impact->count(VerifyOutcome::Valid), 2);
    QCOMPARE(impact->count(VerifyOutcome::RateLimited), 1);
    QCOMPARE(impact->total(), 3);
    QVERIFY(!impact->countsAreLowerBound());
    // Only the sources that presented the previous secret; web moved to the new one.
    QCOMPARE(impact->sources().size(), 3);
    QVERIFY(!find(*impact, QStringLiteral("web")));
    QCOMPARE(find(*impact, QStringLiteral("shop"))->lastAtMs, now - 4 * kHourMs);
    QCOMPARE(find(*impact, QStringLiteral("old-cron"))->role, KeyImpact::SecretRole::Previous);
    QCOMPARE(impact->recentSourceCount(), 2);
    QVERIFY(impact->isStillInUse());
    const QString counts = impact->countsLine(plainWords());
    QVERIFY2(counts.contains(fresh.secrets.at(1).hint), qPrintable(counts));
    QVERIFY2(counts.startsWith(QLatin1String("3 request")), qPrintable(counts));
    QVERIFY2(counts.contains(QLatin1String(" in the last 7 days: Valid 2, RateLimited 1.")),
             qPrintable(counts));
}

void TestKeyImpact::unusedKeyIsNotInUse()
{
    StoreFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("Quiet")));
    QVERIFY(issued);
    const qint64 now = f.clock.nowMs();
    QVERIFY(record(f, issued->key.id, now,
                   {{10 * kDayMs, issued->key.secrets.at(0).id, VerifyOutcome::Valid,
                     QStringLiteral("gone")}}));
    auto impact = KeyImpact::load(*f.store, *f.store->key(issued->key.id), now);
    QVERIFY(impact);
    QCOMPARE(impact->total(), 0);
    QCOMPARE(impact->sources().size(), 1); // seen, but not in the window
    QCOMPARE(impact->recentSourceCount(), 0);
    QVERIFY(!impact->isStillInUse());
    QCOMPARE(impact->verdictLine(), QStringLiteral("Not used in the last 7 days."));
}

// The request log keeps at most a few rows per key, outcome and second: one secret's counts
// come from it, and say so when the exact hourly counts are higher.
void TestKeyImpact::sampledLogMakesSecretCountsALowerBound()
{
    StoreFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("Busy")));
    QVERIFY(issued);
    auto regenerated = f.store->regenerateKey(issued->key.id, issued->key.version, kHourMs);
    QVERIFY(regenerated);
    const qint64 previous = regenerated->key.secrets.at(1).id;
    const qint64 now = f.clock.nowMs();
    QVector<Use> burst;
    for (int i = 0; i < UsageBatch::kDefaultRequestsPerSecond + 3; ++i)
        burst.append({kMinuteMs, previous, VerifyOutcome::Valid, QStringLiteral("burst")});
    QVERIFY(record(f, regenerated->key.id, now, burst));
    const ApiKey fresh = *f.store->key(regenerated->key.id);
    auto whole = KeyImpact::load(*f.store, fresh, now);
    QVERIFY(whole);
    QCOMPARE(whole->total(), UsageBatch::kDefaultRequestsPerSecond + 3);
    QVERIFY(!whole->countsAreLowerBound());
    auto secret = KeyImpact::load(*f.store, fresh, now, previous);
    QVERIFY(secret);
    QCOMPARE(secret->total(), UsageBatch::kDefaultRequestsPerSecond);
    QVERIFY(secret->countsAreLowerBound());
    QVERIFY(secret->countsLine(plainWords()).startsWith(QLatin1String("At least 5 request")));
}

// A secret's recorded last use outlives the request log (trimmed, sampled): the source is listed
// and the key is in use, and the secret's zero counts are not presented as the whole story.
void TestKeyImpact::lastUseWithoutLoggedRequestIsALowerBound()
{
    StoreFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("Trimmed")));
    QVERIFY(issued);
    auto regenerated = f.store->regenerateKey(issued->key.id, issued->key.version, kDayMs);
    QVERIFY(regenerated);
    const qint64 previous = regenerated->key.secrets.at(1).id;
    const qint64 now = f.clock.nowMs();
#ifdef KEYWARD_TEST_POSTGRES
    QSqlQuery q(f.pg.admin().db()); // as a verifier would write it: the Owner's login may not
#else
    QSqlQuery q(StoreDatabase::of(*f.store));
#endif
    q.prepare(QStringLiteral("INSERT INTO secret_usage (secret_id, last_used_at, last_used_source) "
                             "VALUES (?, ?, ?)"));
    q.addBindValue(previous);
    q.addBindValue(now - kHourMs);
    q.addBindValue(QStringLiteral("10.0.4.12"));
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    auto impact = KeyImpact::load(*f.store, *f.store->key(issued->key.id), now, previous);
    QVERIFY(impact);
    QCOMPARE(impact->total(), 0);
    QCOMPARE(impact->sources().size(), 1);
    QCOMPARE(impact->sources().at(0).source, QStringLiteral("10.0.4.12"));
    QCOMPARE(impact->sources().at(0).role, KeyImpact::SecretRole::Previous);
    QVERIFY(impact->isStillInUse());
    QVERIFY(impact->countsAreLowerBound());
}

QTEST_GUILESS_MAIN(TestKeyImpact)
#include "test_key_impact.moc"
