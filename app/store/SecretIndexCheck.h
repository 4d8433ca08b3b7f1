#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

struct sqlite3;

namespace Keyward {

class SqliteStatement;

// Keeps a damaged secret-hash index of a vault file from giving a wrong verdict. The open check
// (quick_check, or none for verifiers) does not compare indexes with tables, and one flipped
// byte in the index makes a valid key "not found", or points its hash at another key's row.
// Checking the whole index on every open would read the whole file, so each look-up checks
// what it relied on instead:
// - a row found: the hash the table row holds (not the index's copy, which SQLite would read
//   otherwise; hence the scalar subquery by rowid) must equal the hash looked up;
// - nothing found: the index entries just below and just above the hash must match their table
//   rows. In an index with one damaged entry, a search for that entry's original hash goes
//   wrong only where it compares against the damaged entry, so it ends next to it (every other
//   comparison is right); a miss therefore always has the damaged entry as a neighbour. Two
//   O(log n) seeks, on misses only (the verifier cache remembers misses).
// Damage the index's page structure (a wrong child pointer, say) can still hide from this;
// SQLite reports most of it as SQLITE_CORRUPT, and `keywardctl vault check` and the GUI's open
// run PRAGMA integrity_check, which compares every index with its table.
class SecretIndexCheck
{
    Q_DECLARE_TR_FUNCTIONS(SecretIndexCheck)
public:
    // The extra column a SQLite look-up selects (key_secrets aliased s): the table's hash.
    static constexpr const char kTableHashColumn[] =
        "(SELECT t.hash FROM key_secrets t WHERE t.id = s.id)";

    // location: the vault file, for the message.
    SecretIndexCheck(sqlite3 *db, const QString &location);
    ~SecretIndexCheck();

    sqlite3 *connection() const { return m_db; }
    Result<void> confirmFound(const QByteArray &tableHash, const QByteArray &hash) const;
    Result<void> confirmMissing(const QByteArray &hash);

private:
    Error damaged() const;

    sqlite3 *m_db;
    QString m_location;
    std::unique_ptr<SqliteStatement> m_neighbours;
};

} // namespace Keyward
