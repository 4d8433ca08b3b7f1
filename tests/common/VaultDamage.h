#pragma once

// Damage a verifier never reads but a whole-file check does: pages appended after the vault's
// own tables, then overwritten. For the tests of what opening a vault checks.

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QTest>

namespace Keyward::Testing {

// Adds a table after the vault's own, so its pages are the last of the file, and fills it: pages
// that a verification never reads but a whole-file check does.
inline void appendFillerPages(const QString &path)
{
    const QString name = QStringLiteral("filler");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE filler (b BLOB)")));
        for (int i = 0; i < 64; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO filler VALUES (randomblob(3000))")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// Overwrites the last `pages` pages of the file with garbage; the header stays intact.
inline void damageLastPages(const QString &path, int pages)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY(size > qint64(pages + 8) * 4096);
    QVERIFY(file.seek(size - qint64(pages) * 4096));
    file.write(QByteArray(pages * 4096, '\xA5'));
}

} // namespace Keyward::Testing
