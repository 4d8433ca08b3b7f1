// The hash-chained audit log: intact chains verify, any edit of history is detected.
#include "StoreFixture.h"

#include "store/AuditLog.h"

#include <QSqlQuery>
#include <QtTest>

#include <algorithm>

using namespace Keyward;
using namespace Keyward::Testing;

class TestAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyChangeIsChained();
    void tamperingDetected_data();
    void tamperingDetected();
    void canonicalFormIsUnambiguous();
    void failedChangeWritesNoAuditRow();
};

namespace {

void populate(StoreFixture &f)
{
    for (int i = 0; i < 5; ++i) {
        auto issued = f.store->createKey(f.request(QStringLiteral("key %1").arg(i)));
        QVERIFY(issued);
        QVERIFY(f.store->setKeyActive(issued->key.id, 1, false));
    }
}

} // namespace

void TestAudit::everyChangeIsChained()
{
    StoreFixture f;
    populate(f);
    auto events = f.store->auditEvents();
    QVERIFY(events);
    // vault.create + 5 × (create, deactivate), and on a server the fixture's audited sign-in.
    const auto signIns = std::count_if(events->cbegin(), events->cend(), [](const AuditEvent &e) {
        return e.action == QLatin1String("member.sign_in");
    });
    QCOMPARE(events->size() - signIns, 11);
    // Newest first; each links to the one before it.
    for (int i = 0; i + 1 < events->size(); ++i) {
        QCOMPARE(events->at(i).prevHash, events->at(i + 1).hash);
        QCOMPARE(events->at(i).id, events->at(i + 1).id + 1);
    }
    QCOMPARE(events->last().prevHash, AuditLog::genesisHash());
    QCOMPARE(events->first().hash, AuditLog::chainHash(events->first().prevHash, events->first()));
    auto verified = f.store->verifyAudit();
    QVERIFY(verified);
    QVERIFY(verified->intact);
    QCOMPARE(verified->rowsChecked, events->size());
}

void TestAudit::tamperingDetected_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<qint64>("firstBadId");
    QTest::newRow("edited actor") << QStringList {QStringLiteral(
        "UPDATE audit_log SET actor = 'mallory' WHERE id = 4")}
                                  << 4LL;
    QTest::newRow("edited details")
        << QStringList {QStringLiteral("UPDATE audit_log SET details = '{}' WHERE id = 7")} << 7LL;
    QTest::newRow("edited time") << QStringList {QStringLiteral(
        "UPDATE audit_log SET at = at + 1 WHERE id = 2")}
                                 << 2LL;
    QTest::newRow("deleted row") << QStringList {QStringLiteral(
        "DELETE FROM audit_log WHERE id = 5")}
                                 << 6LL;
    QTest::newRow("deleted first row")
        << QStringList {QStringLiteral("DELETE FROM audit_log WHERE id = 1")} << 2LL;
    QTest::newRow("reordered rows")
        << QStringList {QStringLiteral("UPDATE audit_log SET id = 100 WHERE id = 3"),
                        QStringLiteral("UPDATE audit_log SET id = 3 WHERE id = 4"),
                        QStringLiteral("UPDATE audit_log SET id = 4 WHERE id = 100")}
        << 3LL;
    QTest::newRow("rehashed edit without relinking")
        << QStringList {QStringLiteral("UPDATE audit_log SET action = 'key.nothing', hash = "
                                       "prev_hash WHERE id = 6")}
        << 6LL;
}

void TestAudit::tamperingDetected()
{
    QFETCH(QStringList, statements);
    QFETCH(qint64, firstBadId);
    StoreFixture f;
    populate(f);
    QSqlQuery q(f.tamperDatabase());
    for (const QString &sql : statements)
        QVERIFY2(q.exec(sql), qPrintable(sql));
    auto verified = f.store->verifyAudit();
    QVERIFY(verified);
    QVERIFY(!verified->intact);
    QCOMPARE(verified->firstBadId, firstBadId);
    QVERIFY(!verified->problem.isEmpty());
}

void TestAudit::canonicalFormIsUnambiguous()
{
    AuditEvent a;
    a.id = 1;
    a.actor = QStringLiteral("ab");
    a.action = QStringLiteral("c");
    AuditEvent b = a;
    b.actor = QStringLiteral("a");
    b.action = QStringLiteral("bc");
    QVERIFY(AuditLog::canonical(a) != AuditLog::canonical(b));
    AuditEvent noKey = a;
    AuditEvent keyZero = a;
    keyZero.keyId = 0;
    QVERIFY(AuditLog::canonical(noKey) != AuditLog::canonical(keyZero));
}

void TestAudit::failedChangeWritesNoAuditRow()
{
    StoreFixture f;
    auto issued = f.store->createKey(f.request(QStringLiteral("k")));
    QVERIFY(issued);
    const int before = int(f.store->auditEvents()->size());
    QVERIFY(!f.store->setKeyActive(issued->key.id, 99, false));
    QVERIFY(!f.store->revokeKey(issued->key.id + 1000, 1));
    QCOMPARE(int(f.store->auditEvents()->size()), before);
    QVERIFY(f.store->verifyAudit()->intact);
}

QTEST_GUILESS_MAIN(TestAudit)
#include "test_audit.moc"
