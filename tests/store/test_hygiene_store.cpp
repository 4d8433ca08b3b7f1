// The hygiene report's vault state (issue 16 §2) on a real store, SQLite and PostgreSQL: the
// rotation policy (Owners only, audited) and dismissed findings (whoever may edit the key, with
// a reason, audited, restorable), both kept as audit rows that count only when their author
// could have written them.
#include "StoreFixture.h"

#include "store/HygieneLedger.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Keyward;
using namespace Keyward::Testing;

using Kind = HygieneFinding::Kind;

class TestHygieneStore : public QObject
{
    Q_OBJECT

private:
    // One vault for the data-driven cases: each makes a key of its own (a vault per row would
    // spend most of the suite on Argon2).
    std::unique_ptr<StoreFixture> m_shared;

private Q_SLOTS:
    void initTestCase() { m_shared = std::make_unique<StoreFixture>(); }
    void cleanupTestCase() { m_shared.reset(); }
    void policyIsAnOwnerSetting();
    void policyRefusesBadAges_data();
    void policyRefusesBadAges();
    void dismissAndRestore();
    void hostileReasonsAreData_data();
    void hostileReasonsAreData();
    void badReasonsRefused_data();
    void badReasonsRefused();
    void onlyWhoMayEditDismisses();
    void rowsWrittenAroundKeywardDoNotCount();
};

namespace {

int countAudit(SqlKeyStore &store, const QString &action)
{
    auto events = store.auditEvents(std::nullopt, 10000);
    if (!events)
        return -1;
    return int(std::count_if(events->cbegin(), events->cend(),
                             [&](const AuditEvent &event) { return event.action == action; }));
}

void verifyIntact(SqlKeyStore &store)
{
    auto verified = store.verifyAudit();
    QVERIFY2(verified, qPrintable(verified.errorMessage()));
    QVERIFY2(verified->intact, qPrintable(verified->problem));
    QVERIFY(verified->tamperedKeys.isEmpty());
}

} // namespace

void TestHygieneStore::policyIsAnOwnerSetting()
{
    StoreFixture f;
    auto none = f.store->rotationPolicy();
    QVERIFY2(none, qPrintable(none.errorMessage()));
    QVERIFY(!none->maxSecretAgeDays);
    QVERIFY(none->setBy.isEmpty());

    QVERIFY(f.store->addMember(QStringLiteral("adam"), Role::Admin, secret("adam-passphrase")));
    auto adam = f.openSecond(QStringLiteral("adam"), "adam-passphrase");
    QCOMPARE(adam->setRotationPolicy(30).code(), ErrorCode::PermissionDenied);
    QCOMPARE(countAudit(*f.store, HygieneLedger::kPolicyAction), 0);

    f.clock.advanceMs(1000);
    auto set = f.store->setRotationPolicy(90);
    QVERIFY2(set, qPrintable(set.errorMessage()));
    QCOMPARE(countAudit(*f.store, HygieneLedger::kPolicyAction), 1);
    // Every member reads it, from another connection too.
    auto seen = adam->rotationPolicy();
    QVERIFY(seen);
    QCOMPARE(seen->maxSecretAgeDays, std::optional<int>(90));
    QCOMPARE(seen->maxSecretAgeMs(), std::optional<qint64>(90 * kDayMs));
    QCOMPARE(seen->setBy, QStringLiteral("alice"));
    QCOMPARE(seen->setAtMs, f.clock.nowMs());

    QVERIFY(f.store->setRotationPolicy(std::nullopt));
    auto cleared = f.store->rotationPolicy();
    QVERIFY(cleared);
    QVERIFY(!cleared->maxSecretAgeDays);
    QCOMPARE(cleared->setBy, QStringLiteral("alice"));
    QCOMPARE(countAudit(*f.store, HygieneLedger::kPolicyAction), 2);
    verifyIntact(*f.store);
}

void TestHygieneStore::policyRefusesBadAges_data()
{
    QTest::addColumn<int>("days");
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -5;
    QTest::newRow("over ten years") << RotationPolicy::kMaxDays + 1;
}

void TestHygieneStore::policyRefusesBadAges()
{
    QFETCH(int, days);
    StoreFixture &f = *m_shared;
    const int before = countAudit(*f.store, HygieneLedger::kPolicyAction);
    QCOMPARE(f.store->setRotationPolicy(days).code(), ErrorCode::InvalidInput);
    QCOMPARE(countAudit(*f.store, HygieneLedger::kPolicyAction), before);
}

void TestHygieneStore::dismissAndRestore()
{
    StoreFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("CI deploy")));
    QVERIFY(issued);
    const qint64 id = issued->key.id;
    auto empty = f.store->hygieneDismissals();
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());

    f.clock.advanceMs(5000);
    QVERIFY(f.store->dismissFinding(id, Kind::NeverUsed, QStringLiteral("  Used yearly  ")));
    QVERIFY(f.store->dismissFinding(id, Kind::NoExpiry, QStringLiteral("Break-glass key")));
    auto dismissed = f.store->hygieneDismissals();
    QVERIFY(dismissed);
    QCOMPARE(dismissed->size(), 2);
    QCOMPARE(dismissed->at(0).keyId, id);
    QCOMPARE(dismissed->at(0).kind, Kind::NeverUsed);
    QCOMPARE(dismissed->at(0).reason, QStringLiteral("Used yearly")); // trimmed
    QCOMPARE(dismissed->at(0).actor, QStringLiteral("alice"));
    QCOMPARE(dismissed->at(0).atMs, f.clock.nowMs());
    // The key's history shows it, and the key row is still one a verifier trusts.
    auto history = f.store->auditEvents(id);
    QVERIFY(history);
    QCOMPARE(history->first().action, HygieneLedger::kDismissAction);
    QVERIFY(history->first().details.contains(QStringLiteral("no-expiry")));
    verifyIntact(*f.store);

    // A second dismissal of the same finding replaces the first (newest wins).
    QVERIFY(f.store->dismissFinding(id, Kind::NeverUsed, QStringLiteral("Used twice a year")));
    dismissed = f.store->hygieneDismissals();
    QCOMPARE(dismissed->size(), 2);
    QCOMPARE(dismissed->at(0).reason, QStringLiteral("Used twice a year"));

    QVERIFY(f.store->restoreFinding(id, Kind::NeverUsed));
    dismissed = f.store->hygieneDismissals();
    QCOMPARE(dismissed->size(), 1);
    QCOMPARE(dismissed->at(0).kind, Kind::NoExpiry);
    QCOMPARE(f.store->restoreFinding(id, Kind::NeverUsed).code(), ErrorCode::NotFound);
    QCOMPARE(f.store->restoreFinding(id, Kind::Stale).code(), ErrorCode::NotFound);
    QCOMPARE(countAudit(*f.store, HygieneLedger::kRestoreAction), 1);
    QCOMPARE(f.store->dismissFinding(id + 100, Kind::Stale, QStringLiteral("x")).code(),
             ErrorCode::NotFound);

    // The key still works as before: it can be changed and verified.
    auto key = f.store->key(id);
    QVERIFY(key);
    QVERIFY(f.store->setKeyActive(id, key->version, false));
    verifyIntact(*f.store);

    // Dismissals mark matching findings only.
    QVector<HygieneFinding> findings(2);
    findings[0].keyId = id;
    findings[0].kind = Kind::NoExpiry;
    findings[1].keyId = id;
    findings[1].kind = Kind::Stale;
    HygieneReport::markDismissed(findings, *f.store->hygieneDismissals());
    QVERIFY(findings[0].dismissed);
    QCOMPARE(findings[0].dismissReason, QStringLiteral("Break-glass key"));
    QVERIFY(!findings[1].dismissed);
}

void TestHygieneStore::hostileReasonsAreData_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("sql") << QStringLiteral("'); DROP TABLE api_keys; --");
    QTest::newRow("json") << QStringLiteral("\"}, {\"finding\": \"stale\"");
    QTest::newRow("markup") << QStringLiteral("<b>bold</b> <img src=x onerror=alert(1)>");
    QTest::newRow("unicode") << QStringLiteral("Ключ für 日本 🔑");
    QTest::newRow("longest") << QString(HygieneReport::kMaxReasonLength, QLatin1Char('x'));
}

void TestHygieneStore::hostileReasonsAreData()
{
    QFETCH(QString, reason);
    StoreFixture &f = *m_shared;
    auto issued = f.store->createKey(f.request(QStringLiteral("target")));
    QVERIFY(issued);
    auto dismissed = f.store->dismissFinding(issued->key.id, Kind::Stale, reason);
    QVERIFY2(dismissed, qPrintable(dismissed.errorMessage()));
    auto current = f.store->hygieneDismissals();
    QVERIFY(current);
    QCOMPARE(current->last().keyId, issued->key.id);
    QCOMPARE(current->last().reason, reason);
    QCOMPARE(current->last().kind, Kind::Stale);
    auto keys = f.store->listKeys();
    QVERIFY(keys);
    QVERIFY(std::any_of(keys->cbegin(), keys->cend(),
                        [&](const ApiKey &key) { return key.id == issued->key.id; }));
    verifyIntact(*f.store);
}

void TestHygieneStore::badReasonsRefused_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral(" \t ");
    QTest::newRow("newline") << QStringLiteral("first\nsecond");
    QTest::newRow("escape") << QStringLiteral("red \x1b[31m text");
    QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    QTest::newRow("bidi override")
        << QStringLiteral("fine") + QChar(0x202E) + QStringLiteral("enif");
    QTest::newRow("too long") << QString(HygieneReport::kMaxReasonLength + 1, QLatin1Char('x'));
}

void TestHygieneStore::badReasonsRefused()
{
    QFETCH(QString, reason);
    StoreFixture &f = *m_shared;
    auto issued = f.store->createKey(f.request(QStringLiteral("target")));
    QVERIFY(issued);
    const int before = countAudit(*f.store, HygieneLedger::kDismissAction);
    QCOMPARE(f.store->dismissFinding(issued->key.id, Kind::Stale, reason).code(),
             ErrorCode::InvalidInput);
    QCOMPARE(countAudit(*f.store, HygieneLedger::kDismissAction), before);
}

void TestHygieneStore::onlyWhoMayEditDismisses()
{
    StoreFixture f;
    QVERIFY(f.store->addMember(QStringLiteral("dave"), Role::Developer, secret("dave-passphrase")));
    QVERIFY(f.store->addMember(QStringLiteral("vic"), Role::Viewer, secret("viewer-pass")));
    auto dave = f.openSecond(QStringLiteral("dave"), "dave-passphrase");
    auto vic = f.openSecond(QStringLiteral("vic"), "viewer-pass");
    auto alices = f.store->createKey(
        f.request(QStringLiteral("alice's"), Environment::Production, Role::Admin));
    QVERIFY(alices);
    auto daves = dave->createKey(f.request(QStringLiteral("dave's"), Environment::Development));
    QVERIFY2(daves, qPrintable(daves.errorMessage()));
    const QString why = QStringLiteral("reviewed");

    QCOMPARE(vic->dismissFinding(daves->key.id, Kind::Stale, why).code(),
             ErrorCode::PermissionDenied);
    QCOMPARE(dave->dismissFinding(alices->key.id, Kind::Stale, why).code(),
             ErrorCode::PermissionDenied);
    QVERIFY(dave->dismissFinding(daves->key.id, Kind::Stale, why));
    // The Owner may restore what a Developer dismissed; the Developer not the Owner's.
    QVERIFY(f.store->dismissFinding(alices->key.id, Kind::ProductionFullAdmin, why));
    QCOMPARE(dave->restoreFinding(alices->key.id, Kind::ProductionFullAdmin).code(),
             ErrorCode::PermissionDenied);
    QCOMPARE(vic->restoreFinding(daves->key.id, Kind::Stale).code(), ErrorCode::PermissionDenied);
    QVERIFY(f.store->restoreFinding(daves->key.id, Kind::Stale));
    // A revoked key has nothing to dismiss.
    auto revoked = f.store->revokeKey(alices->key.id, alices->key.version);
    QVERIFY(revoked);
    QCOMPARE(f.store->dismissFinding(alices->key.id, Kind::Stale, why).code(),
             ErrorCode::InvalidInput);
    // Viewers read the dismissals like everyone else.
    auto seen = vic->hygieneDismissals();
    QVERIFY2(seen, qPrintable(seen.errorMessage()));
    QCOMPARE(seen->size(), 1);
    QCOMPARE(seen->first().actor, QStringLiteral("alice"));
    verifyIntact(*f.store);
}

// A Developer (or, for a vault file, anyone with write access to it) appending a policy row
// directly: it does not count. On PostgreSQL row-level security lets a member append only in
// their own name, and a Developer is not an Owner; in a vault file the row is not signed.
void TestHygieneStore::rowsWrittenAroundKeywardDoNotCount()
{
    StoreFixture f;
    QVERIFY(f.store->addMember(QStringLiteral("dave"), Role::Developer, secret("dave-passphrase")));
    auto dave = f.openSecond(QStringLiteral("dave"), "dave-passphrase");
    auto daves = dave->createKey(f.request(QStringLiteral("dave's"), Environment::Development));
    QVERIFY(daves);
    QVERIFY(f.store->setRotationPolicy(30));

    auto append = [&](const QString &actor, const QString &action, std::optional<qint64> keyId,
                      const QString &details) {
        QSqlDatabase &db = StoreDatabase::of(kTestingPostgres ? *dave : *f.store);
        QSqlQuery next(db);
        QVERIFY(next.exec(QStringLiteral("SELECT MAX(id) + 1 FROM audit_log")) && next.next());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, key_id, details, "
                                 "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(next.value(0).toLongLong());
        q.addBindValue(f.clock.nowMs());
        q.addBindValue(actor);
        q.addBindValue(action);
        q.addBindValue(keyId ? QVariant(*keyId) : QVariant(QMetaType::fromType<qint64>()));
        q.addBindValue(details);
        q.addBindValue(QByteArray(32, '\0'));
        q.addBindValue(QByteArray(32, '\1'));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    };
    append(QStringLiteral("dave"), HygieneLedger::kPolicyAction, std::nullopt,
           HygieneLedger::policyDetails(std::nullopt));
    auto policy = f.store->rotationPolicy();
    QVERIFY(policy);
    QCOMPARE(policy->maxSecretAgeDays, std::optional<int>(30));
    QCOMPARE(policy->setBy, QStringLiteral("alice"));
    if (kTestingPostgres)
        return; // a member's own dismissals are theirs to write; nothing else to forge here
    // A vault file: a row claiming the Owner's name but signed by nobody counts for nothing.
    append(QStringLiteral("alice"), HygieneLedger::kPolicyAction, std::nullopt,
           HygieneLedger::policyDetails(std::nullopt));
    append(QStringLiteral("alice"), HygieneLedger::kDismissAction, daves->key.id,
           HygieneLedger::dismissDetails(QStringLiteral("dave's"), Kind::Stale,
                                         QStringLiteral("forged")));
    policy = f.store->rotationPolicy();
    QVERIFY(policy);
    QCOMPARE(policy->maxSecretAgeDays, std::optional<int>(30));
    auto dismissals = f.store->hygieneDismissals();
    QVERIFY(dismissals);
    QVERIFY(dismissals->isEmpty());
}

QTEST_GUILESS_MAIN(TestHygieneStore)
#include "test_hygiene_store.moc"
