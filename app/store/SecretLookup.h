#pragma once

#include "KeyStore.h"
#include "SignedKeyCheck.h"
#include "core/Result.h"

#include "SqlQuery.h"
#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <memory>
#include <optional>

namespace Keyward {

class SecretIndexCheck;
class SqlKeyStore;
class SqliteStatement;

// The look-up of a secret by hash behind SqlKeyStore::findSecret (the one the verifiers, the
// window and keywardctl all use), prepared once per connection and reused: a fresh prepare of
// the join was ~95% of an uncached verification. It reads only what a verdict needs (see
// SecretRow.h). On a SQLite vault the statement runs through the sqlite3 C API on the driver's
// connection (SqliteStatement): profiling showed most of an uncached verification spent in
// QSqlQuery::exec() rebuilding result metadata and QVariants. Elsewhere: Qt SQL.
//
// The statement is reset after every call, so no read transaction stays open between
// verifications (an open one would pin an old snapshot: changes by other processes would go
// unseen and the WAL could not be checkpointed). A lost server connection is re-established
// (once a second at most), so a verifying service outlives a server restart. Same thread as the
// store, which owns it. On a vault file every answer is checked against the table
// (SecretIndexCheck), so a damaged index gives "damaged", never a wrong verdict, and the key
// row's signature must hold (SignedKeyCheck).
class SecretLookup
{
    Q_DECLARE_TR_FUNCTIONS(SecretLookup)
public:
    explicit SecretLookup(SqlKeyStore &store);
    ~SecretLookup();

    Result<std::optional<SecretMatch>> find(const QByteArray &hash);
    // KeyStore::forEachSecretIn: every secret in range, in reads of kScanRange rows by id, each
    // read in a snapshot of its own; on a vault file each row's signature is checked as a
    // look-up checks it.
    Result<void> scan(SecretIdRange range, const KeyStore::SecretVisitor &visit);
    // Rows per range of a scan, each range read in a snapshot of its own (tests: several ranges
    // over a few rows).
    static constexpr int kScanRange = 1024;
    void setScanRange(int rows) { m_scanRange = qMax(1, rows); }
    // The store is about to close and reopen its server connection: the prepared Qt statement
    // dies with it. (A native SQLite statement notices a replaced connection by itself, and
    // must be the one to close the abandoned connection.)
    void connectionReplaced();

    // True when the native SQLite statement is in use (for tests and the benchmark).
    bool usesNativeSqlite() const { return m_native != nullptr; }

private:
    Result<void> prepare();
    Result<std::optional<SecretMatch>> findOnce(const QByteArray &hash);
    // A vault file's key row must carry a valid signature (see SignedKeyCheck): a tampered one
    // is answered as no match, after a loud log line.
    Result<std::optional<SecretMatch>> findSigned(const QByteArray &hash);
    Result<std::optional<SecretMatch>> findWithQt(const QByteArray &hash);
    Result<std::optional<SecretMatch>> findWithSqlite(const QByteArray &hash);
    Result<void> scanWithSqlite(SecretIdRange range, const KeyStore::SecretVisitor &visit);
    Result<void> scanWithQt(SecretIdRange range, const KeyStore::SecretVisitor &visit);
    bool mayReconnectNow();
    // SecretIndexCheck's verdict on what the look-up found (vault files only).
    Result<void> confirm(bool found, const QByteArray &tableHash, const QByteArray &hash);

    SqlKeyStore &m_store;
    std::unique_ptr<SecretIndexCheck> m_indexCheck; // vault files only
    std::unique_ptr<SqliteStatement> m_native;
    SqlQuery m_query;
    bool m_prepared = false;
    QElapsedTimer m_sinceReconnect;
    std::unique_ptr<SignedKeyCheck> m_keyCheck;
    // What the key's signature covers, as the latest native look-up read it (see
    // SignedKeyCheck::lookupColumns()); nullopt when the check must read it itself.
    std::optional<SignedKeyCheck::KeyRow> m_lookedUpRow;
    int m_scanRange = kScanRange;
};

} // namespace Keyward
