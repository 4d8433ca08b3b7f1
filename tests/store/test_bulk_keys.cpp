// Bulk changes (issue 16 §3): one transaction, one audit row per key, refusals per key while
// the others go through. Built twice: SQLite and PostgreSQL (StoreFixture).
#include "StoreDatabase.h"
#include "StoreFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#ifndef KEYWARD_TEST_POSTGRES
#include "RawVault.h"
#endif

using namespace Keyward;
using namespace Keyward::Testing;

class TestBulkKeys : public QObject
{
    Q_OBJECT
private:
    static ApiKey make(StoreFixture &f, KeyStore &store, const QString &name,
                       Environment env = Environment::Development)
    {
        auto issued = store.createKey(f.request(name, env));
        if (!issued)
            qFatal("createKey: %s", qPrintable(issued.errorMessage()));
        return issued->key;
    }
    static QVector<AuditEvent> eventsOf(KeyStore &store, qint64 keyId, const QString &action)
    {
        QVector<AuditEvent> found;
        const Result<QVector<AuditEvent>> events = store.auditEvents(keyId);
        if (!events)
            qFatal("auditEvents: %s", qPrintable(events.errorMessage()));
        for (const AuditEvent &event : *events) {
            if (event.action == action)
                found.append(event);
        }
        return found;
    }

private Q_SLOTS:
    void revokesManyInOneChangeWithAnAuditRowEach();
    void refusedKeysDoNotStopTheOthers();
    void keysAlreadyDoneAreLeftAlone();
    void resultsFollowTheOrderAsked();
    void shortensExpiryButNeverExtends();
    void deletesMany();
    void refusesAnEmptyOrPastRequestAsAWhole();
    void aStoreFailureChangesNothing();
    void tamperedKeysAreOnlyRevokedOrDeleted();
};

void TestBulkKeys::revokesManyInOneChangeWithAnAuditRowEach()
{
    StoreFixture f;
    QVector<ApiKey> keys;
    for (const char *name : {"one", "two", "three"})
        keys.append(make(f, *f.store, QString::fromLatin1(name)));
    const ApiKey untouched = make(f, *f.store, QStringLiteral("untouched"));
    auto done = f.store->changeKeys(BulkKeyChange::of(BulkKeyAction::Revoke, keys));
    QVERIFY2(done, qPrintable(done.errorMessage()));
    QCOMPARE(done->changed.size(), 3);
    QVERIFY(done->refused.isEmpty());
    QVERIFY(done->unchanged.isEmpty());
    for (const ApiKey &key : std::as_const(keys)) {
        auto now = f.store->key(key.id);
        QVERIFY(now);
        QCOMPARE(now->state, KeyState::Revoked);
        QVERIFY(now->revokedAtMs);
        const QVector<AuditEvent> revoked =
            eventsOf(*f.store, key.id, QStringLiteral("key.revoke"));
        QCOMPARE(revoked.size(), 1);
        const QJsonObject details = QJsonDocument::fromJson(revoked[0].details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("name")).toString(), key.name);
        QCOMPARE(details.value(QStringLiteral("bulk")).toInt(), 3);
    }
    QCOMPARE(f.store->key(untouched.id)->state, KeyState::Active);
    auto audit = f.store->verifyAudit();
    QVERIFY(audit && audit->intact);
    QVERIFY(audit->tamperedKeys.isEmpty());
}

void TestBulkKeys::refusedKeysDoNotStopTheOthers()
{
    StoreFixture f;
    QVERIFY(f.store->addMember(QStringLiteral("dave"), Role::Developer, secret("dave-passphrase")));
    auto dave = f.openSecond(QStringLiteral("dave"), "dave-passphrase");
    const ApiKey davesOwn = make(f, *dave, QStringLiteral("dave's own"));
    const ApiKey alices = make(f, *f.store, QStringLiteral("alice's"));
    ApiKey stale = make(f, *dave, QStringLiteral("changed meanwhile"));
    const ApiKey gone = make(f, *dave, QStringLiteral("deleted meanwhile"));
    // Someone else changes one and deletes another after dave's table was read.
    QVERIFY(f.store->setKeyActive(stale.id, stale.version, false));
    QVERIFY(f.store->deleteKey(gone.id, gone.version));

    auto done =
        dave->changeKeys(BulkKeyChange::of(BulkKeyAction::Revoke, {davesOwn, alices, stale, gone}));
    QVERIFY2(done, qPrintable(done.errorMessage()));
    QCOMPARE(done->changed, QVector<qint64> {davesOwn.id});
    QCOMPARE(done->refused.size(), 3);
    QCOMPARE(done->refused[0].keyId, alices.id);
    QVERIFY2(done->refused[0].reason.contains(QStringLiteral("created")),
             qPrintable(done->refused[0].reason));
    QCOMPARE(done->refused[1].keyId, stale.id);
    QVERIFY2(done->refused[1].reason.contains(QStringLiteral("changed")),
             qPrintable(done->refused[1].reason));
    QCOMPARE(done->refused[2].keyId, gone.id);
    QVERIFY2(done->refused[2].reason.contains(QStringLiteral("deleted")),
             qPrintable(done->refused[2].reason));
    QCOMPARE(f.store->key(davesOwn.id)->state, KeyState::Revoked);
    QCOMPARE(f.store->key(alices.id)->state, KeyState::Active);
    QCOMPARE(f.store->key(stale.id)->state, KeyState::Inactive);
    QVERIFY(eventsOf(*f.store, alices.id, QStringLiteral("key.revoke")).isEmpty());
}

void TestBulkKeys::keysAlreadyDoneAreLeftAlone()
{
    StoreFixture f;
    const ApiKey active = make(f, *f.store, QStringLiteral("active"));
    ApiKey inactive = make(f, *f.store, QStringLiteral("inactive"));
    inactive = *f.store->setKeyActive(inactive.id, inactive.version, false);
    ApiKey revoked = make(f, *f.store, QStringLiteral("revoked"));
    revoked = *f.store->revokeKey(revoked.id, revoked.version);

    auto deactivated = f.store->changeKeys(
        BulkKeyChange::of(BulkKeyAction::Deactivate, {active, inactive, revoked}));
    QVERIFY2(deactivated, qPrintable(deactivated.errorMessage()));
    QCOMPARE(deactivated->changed, QVector<qint64> {active.id});
    QCOMPARE(deactivated->unchanged, (QVector<qint64> {inactive.id, revoked.id}));
    QVERIFY(eventsOf(*f.store, inactive.id, QStringLiteral("key.deactivate")).size() == 1);

    // Revocation is permanent: activating a revoked key is refused, not skipped.
    QVector<ApiKey> now;
    for (qint64 id : {active.id, inactive.id, revoked.id})
        now.append(*f.store->key(id));
    auto activated = f.store->changeKeys(BulkKeyChange::of(BulkKeyAction::Activate, now));
    QVERIFY2(activated, qPrintable(activated.errorMessage()));
    QCOMPARE(activated->changed, (QVector<qint64> {active.id, inactive.id}));
    QCOMPARE(activated->refused.size(), 1);
    QCOMPARE(activated->refused[0].keyId, revoked.id);
    QCOMPARE(activated->refused[0].keyName, QStringLiteral("revoked"));
}

// The store changes keys in the order of their ids (PostgreSQL row locks, in the order the usage
// writer takes them) but reports them in the order they were asked for.
void TestBulkKeys::resultsFollowTheOrderAsked()
{
    StoreFixture f;
    const ApiKey first = make(f, *f.store, QStringLiteral("first"));
    ApiKey second = make(f, *f.store, QStringLiteral("second"));
    second = *f.store->setKeyActive(second.id, second.version, false);
    const ApiKey third = make(f, *f.store, QStringLiteral("third"));
    const ApiKey fourth = make(f, *f.store, QStringLiteral("fourth"));
    ApiKey stale = *f.store->key(fourth.id);
    stale.version -= 1; // someone else changed it meanwhile

    auto done = f.store->changeKeys(
        BulkKeyChange::of(BulkKeyAction::Deactivate, {third, stale, second, first}));
    QVERIFY2(done, qPrintable(done.errorMessage()));
    QCOMPARE(done->changed, (QVector<qint64> {third.id, first.id}));
    QCOMPARE(done->unchanged, QVector<qint64> {second.id});
    QCOMPARE(done->refused.size(), 1);
    QCOMPARE(done->refused[0].keyId, fourth.id);
}

void TestBulkKeys::shortensExpiryButNeverExtends()
{
    StoreFixture f;
    const ApiKey later = make(f, *f.store, QStringLiteral("in 90 days"));
    NewKeyRequest soonRequest = f.request(QStringLiteral("in 5 days"), Environment::Development);
    soonRequest.expiresAtMs = f.clock.nowMs() + 5 * kDayMs;
    const ApiKey soon = f.store->createKey(soonRequest)->key;
    NewKeyRequest neverRequest = f.request(QStringLiteral("never"), Environment::Development);
    neverRequest.expiresAtMs = std::nullopt;
    const ApiKey never = f.store->createKey(neverRequest)->key;

    const qint64 newExpiry = f.clock.nowMs() + 10 * kDayMs;
    auto done = f.store->changeKeys(
        BulkKeyChange::of(BulkKeyAction::ShortenExpiry, {later, soon, never}, newExpiry));
    QVERIFY2(done, qPrintable(done.errorMessage()));
    QCOMPARE(done->changed, (QVector<qint64> {later.id, never.id}));
    QCOMPARE(done->unchanged, QVector<qint64> {soon.id});
    QCOMPARE(f.store->key(later.id)->expiresAtMs, std::optional<qint64>(newExpiry));
    QCOMPARE(f.store->key(never.id)->expiresAtMs, std::optional<qint64>(newExpiry));
    QCOMPARE(f.store->key(soon.id)->expiresAtMs, soonRequest.expiresAtMs);
    const QVector<AuditEvent> edits = eventsOf(*f.store, later.id, QStringLiteral("key.edit"));
    QCOMPARE(edits.size(), 1);
    QVERIFY(edits[0].details.contains(QStringLiteral("expires_at")));
}

void TestBulkKeys::deletesMany()
{
    StoreFixture f;
    const ApiKey a = make(f, *f.store, QStringLiteral("a"));
    const ApiKey b = make(f, *f.store, QStringLiteral("b"));
    auto done = f.store->changeKeys(BulkKeyChange::of(BulkKeyAction::Delete, {a, b}));
    QVERIFY2(done, qPrintable(done.errorMessage()));
    QCOMPARE(done->changed.size(), 2);
    QCOMPARE(f.store->key(a.id).code(), ErrorCode::NotFound);
    QCOMPARE(f.store->key(b.id).code(), ErrorCode::NotFound);
    QCOMPARE(eventsOf(*f.store, a.id, QStringLiteral("key.delete")).size(), 1);
    QVERIFY(f.store->verifyAudit()->intact);
}

void TestBulkKeys::refusesAnEmptyOrPastRequestAsAWhole()
{
    StoreFixture f;
    const ApiKey key = make(f, *f.store, QStringLiteral("k"));
    QCOMPARE(f.store->changeKeys(BulkKeyChange::of(BulkKeyAction::Revoke, {})).code(),
             ErrorCode::InvalidInput);
    QCOMPARE(f.store
                 ->changeKeys(
                     BulkKeyChange::of(BulkKeyAction::ShortenExpiry, {key}, f.clock.nowMs() - 1))
                 .code(),
             ErrorCode::InvalidInput);
    QCOMPARE(f.store->changeKeys(BulkKeyChange::of(BulkKeyAction::ShortenExpiry, {key})).code(),
             ErrorCode::InvalidInput);
    QCOMPARE(f.store->key(key.id)->version, key.version);
    // Signed out: nothing at all.
    auto signedOut = f.openSecond(QString());
    QCOMPARE(signedOut->changeKeys(BulkKeyChange::of(BulkKeyAction::Revoke, {key})).code(),
             ErrorCode::PermissionDenied);
}

// A failure of the store itself half way rolls back the keys already done: one transaction.
void TestBulkKeys::aStoreFailureChangesNothing()
{
    StoreFixture f;
    const ApiKey first = make(f, *f.store, QStringLiteral("first"));
    const ApiKey failing = make(f, *f.store, QStringLiteral("failing"));
    QSqlQuery trigger(f.tamperDatabase());
    if constexpr (kTestingPostgres) {
        QVERIFY2(trigger.exec(
                     QStringLiteral(
                         "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF "
                         "NEW.id = %1 THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$")
                         .arg(failing.id)),
                 qPrintable(trigger.lastError().text()));
        QVERIFY2(trigger.exec(QStringLiteral("CREATE TRIGGER boom BEFORE UPDATE ON api_keys FOR "
                                             "EACH ROW EXECUTE FUNCTION boom()")),
                 qPrintable(trigger.lastError().text()));
        QVERIFY(trigger.exec(QStringLiteral("SET session_replication_role = DEFAULT")));
    } else {
        QVERIFY2(trigger.exec(QStringLiteral("CREATE TRIGGER boom BEFORE UPDATE ON api_keys WHEN "
                                             "NEW.id = %1 BEGIN SELECT RAISE(ABORT, 'boom'); END")
                                  .arg(failing.id)),
                 qPrintable(trigger.lastError().text()));
    }
    auto done = f.store->changeKeys(BulkKeyChange::of(BulkKeyAction::Deactivate, {first, failing}));
    QVERIFY(!done);
    QCOMPARE(f.store->key(first.id)->state, KeyState::Active);
    QCOMPARE(f.store->key(first.id)->version, first.version);
    QVERIFY(eventsOf(*f.store, first.id, QStringLiteral("key.deactivate")).isEmpty());
}

void TestBulkKeys::tamperedKeysAreOnlyRevokedOrDeleted()
{
#ifdef KEYWARD_TEST_POSTGRES
    QSKIP("Row signatures are a vault file's: a server's roles keep others from writing keys.");
#else
    StoreFixture f;
    const ApiKey forged = make(f, *f.store, QStringLiteral("forged"));
    const ApiKey honest = make(f, *f.store, QStringLiteral("honest"));
    {
        RawVault raw(f.path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE api_keys SET usage_limit = 1000000 WHERE id = ?"),
                         {forged.id}));
    }
    auto deactivated = f.store->changeKeys(
        BulkKeyChange::of(BulkKeyAction::Deactivate, {*f.store->key(forged.id), honest}));
    QVERIFY2(deactivated, qPrintable(deactivated.errorMessage()));
    QCOMPARE(deactivated->changed, QVector<qint64> {honest.id});
    QCOMPARE(deactivated->refused.size(), 1);
    QVERIFY2(deactivated->refused[0].reason.contains(QStringLiteral("tampered")),
             qPrintable(deactivated->refused[0].reason));
    auto revoked =
        f.store->changeKeys(BulkKeyChange::of(BulkKeyAction::Revoke, {*f.store->key(forged.id)}));
    QVERIFY2(revoked, qPrintable(revoked.errorMessage()));
    QCOMPARE(revoked->changed, QVector<qint64> {forged.id});
#endif
}

QTEST_GUILESS_MAIN(TestBulkKeys)
#include "test_bulk_keys.moc"
