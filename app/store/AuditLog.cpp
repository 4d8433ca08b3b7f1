#include "AuditLog.h"

#include "KeyStore.h"
#include "SqlErrors.h"
#include "crypto/Sha256.h"

#include <QSqlQuery>
#include <QtEndian>

namespace Keyward {

namespace {

void appendField(QByteArray &out, const QByteArray &field)
{
    char length[8];
    qToBigEndian<quint64>(quint64(field.size()), length);
    out.append(length, 8);
    out.append(field);
}

} // namespace

QByteArray AuditLog::genesisHash()
{
    return QByteArray(32, '\0');
}

QByteArray AuditLog::canonical(const AuditEvent &event)
{
    QByteArray out;
    appendField(out, QByteArray::number(event.id));
    appendField(out, QByteArray::number(event.atMs));
    appendField(out, event.actor.toUtf8());
    appendField(out, event.action.toUtf8());
    appendField(out, event.keyId ? QByteArray::number(*event.keyId) : QByteArray());
    appendField(out, event.details.toUtf8());
    return out;
}

QByteArray AuditLog::chainHash(const QByteArray &prevHash, const AuditEvent &event)
{
    return Sha256::hash(prevHash + canonical(event));
}

Result<void> AuditLog::append(QSqlDatabase &db, AuditEvent &event)
{
    SqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")))
        return SqlErrors::fromQuery(query, tr("Could not read the audit log."));
    if (query.next()) {
        event.id = query.value(0).toLongLong() + 1;
        event.prevHash = query.value(1).toByteArray();
    } else {
        event.id = 1;
        event.prevHash = genesisHash();
    }
    event.hash = chainHash(event.prevHash, event);
    query.prepare(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, key_id, details, "
                                 "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(event.id);
    query.addBindValue(event.atMs);
    query.addBindValue(event.actor);
    query.addBindValue(event.action);
    query.addBindValue(event.keyId ? QVariant(*event.keyId)
                                   : QVariant(QMetaType::fromType<qint64>()));
    query.addBindValue(event.details);
    query.addBindValue(event.prevHash);
    query.addBindValue(event.hash);
    if (!query.exec())
        return SqlErrors::fromQuery(query, tr("Could not write the audit log."));
    return {};
}

Result<AuditHead> AuditLog::head(QSqlDatabase &db)
{
    SqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")))
        return SqlErrors::fromQuery(query, tr("Could not read the audit log."));
    if (!query.next())
        return AuditHead();
    return AuditHead {query.value(0).toLongLong(), query.value(1).toByteArray()};
}

Result<AuditLog::HeadChange> AuditLog::compare(QSqlDatabase &db, const AuditHead &remembered)
{
    auto current = head(db);
    if (!current)
        return current.error();
    if (remembered.id == 0)
        return current->id == 0 ? HeadChange::Same : HeadChange::Grown;
    SqlQuery query(db);
    query.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE id = ?"));
    query.addBindValue(remembered.id);
    if (!query.exec())
        return SqlErrors::fromQuery(query, tr("Could not read the audit log."));
    if (!query.next())
        return HeadChange::Truncated;
    if (!constantTimeEquals(query.value(0).toByteArray(), remembered.hash))
        return HeadChange::Rewritten;
    return current->id == remembered.id ? HeadChange::Same : HeadChange::Grown;
}

Result<AuditVerification> AuditLog::verify(QSqlDatabase &db)
{
    SqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, at, actor, action, key_id, details, prev_hash, hash "
                                   "FROM audit_log ORDER BY id")))
        return SqlErrors::fromQuery(query, tr("Could not read the audit log."));
    AuditVerification result;
    QByteArray expectedPrev = genesisHash();
    qint64 expectedId = 1;
    while (query.next()) {
        AuditEvent event;
        event.id = query.value(0).toLongLong();
        event.atMs = query.value(1).toLongLong();
        event.actor = query.value(2).toString();
        event.action = query.value(3).toString();
        if (!query.value(4).isNull())
            event.keyId = query.value(4).toLongLong();
        event.details = query.value(5).toString();
        event.prevHash = query.value(6).toByteArray();
        event.hash = query.value(7).toByteArray();
        ++result.rowsChecked;
        auto broken = [&](const QString &problem) {
            result.intact = false;
            result.firstBadId = event.id;
            result.problem = problem;
        };
        if (event.id != expectedId) {
            broken(tr("Audit row %1 is missing: the log jumps to row %2.")
                       .arg(expectedId)
                       .arg(event.id));
            break;
        }
        if (!constantTimeEquals(event.prevHash, expectedPrev)) {
            broken(tr("Audit row %1 does not link to the row before it: rows were deleted or "
                      "reordered.")
                       .arg(event.id));
            break;
        }
        if (!constantTimeEquals(event.hash, chainHash(event.prevHash, event))) {
            broken(tr("Audit row %1 was changed after it was written.").arg(event.id));
            break;
        }
        expectedPrev = event.hash;
        ++expectedId;
    }
    return result;
}

} // namespace Keyward
