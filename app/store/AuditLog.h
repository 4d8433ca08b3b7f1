#pragma once

#include "core/AuditEvent.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace Keyward {

struct AuditVerification;

// The newest audit row as someone outside the vault remembers it (a window's settings).
struct AuditHead
{
    qint64 id = 0;
    QByteArray hash;
};

// The append-only, hash-chained audit log. Each row's hash is
// SHA-256(prev_hash || canonical(row)); the first row links to 32 zero bytes.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    // Appends inside the caller's write transaction, which must serialise appends: SQLite's
    // BEGIN IMMEDIATE, or SqlDialect::lockWriters() on PostgreSQL (otherwise two writers read
    // the same chain head and one of them fails on the duplicate id). Fills in id, prevHash and
    // hash of the event.
    static Result<void> append(QSqlDatabase &db, AuditEvent &event);
    static Result<AuditVerification> verify(QSqlDatabase &db);
    // Length-prefixed fields, so no two different rows share a canonical form.
    static QByteArray canonical(const AuditEvent &event);
    static QByteArray chainHash(const QByteArray &prevHash, const AuditEvent &event);
    static QByteArray genesisHash();

    // Compares the log with a head remembered outside the vault. Deleting the newest rows keeps
    // the chain intact, so only memory outside the file can tell: Truncated (the remembered row
    // is gone) or Rewritten (it is there with another hash).
    enum class HeadChange { Same, Grown, Truncated, Rewritten };
    static Result<AuditHead> head(QSqlDatabase &db);
    static Result<HeadChange> compare(QSqlDatabase &db, const AuditHead &remembered);
};

} // namespace Keyward
