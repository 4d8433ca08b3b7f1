// StringPool: equal texts read from many rows share one copy, and sharing never leaks a change
// from one row into another.
#include "store/StringPool.h"

#include <QTest>

using namespace Keyward;

class TestStringPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalStringsShareOneCopy()
    {
        StringPool pool;
        const QString first = pool.string(QStringLiteral("customer-42"));
        const QString second =
            pool.string(QString(QStringLiteral("customer-") + QString::number(42)));
        QCOMPARE(second, QStringLiteral("customer-42"));
        QCOMPARE(second.constData(), first.constData());
        const QString other = pool.string(QStringLiteral("customer-43"));
        QVERIFY(other.constData() != first.constData());
    }

    void listsAreSplitOnceAndShared()
    {
        StringPool pool;
        const QStringList a = pool.spaceSeparated(QStringLiteral("customers:read  licenses:read"));
        const QStringList b = pool.spaceSeparated(QStringLiteral("customers:read  licenses:read"));
        QCOMPARE(a,
                 (QStringList {QStringLiteral("customers:read"), QStringLiteral("licenses:read")}));
        QCOMPARE(b.constData(), a.constData());
        // The same grant in another list is the same string too.
        const QStringList c = pool.spaceSeparated(QStringLiteral("licenses:read"));
        QCOMPARE(c.constFirst().constData(), a.at(1).constData());
        QVERIFY(pool.spaceSeparated(QString()).isEmpty());
        QVERIFY(pool.spaceSeparated(QStringLiteral("   ")).isEmpty());
    }

    void changingOneCopyLeavesTheOthers()
    {
        StringPool pool;
        QStringList mine = pool.spaceSeparated(QStringLiteral("a b"));
        mine.append(QStringLiteral("c"));
        mine[0] += QStringLiteral("x");
        QCOMPARE(pool.spaceSeparated(QStringLiteral("a b")),
                 (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QString name = pool.string(QStringLiteral("owner"));
        name.append(QStringLiteral("!"));
        QCOMPARE(pool.string(QStringLiteral("owner")), QStringLiteral("owner"));
    }
};

QTEST_GUILESS_MAIN(TestStringPool)
#include "test_string_pool.moc"
