#include "SecretIndexCheck.h"

#include "SqliteStatement.h"
#include "crypto/Sha256.h"

namespace Keyward {

namespace {

// The nearest index entries on either side of ?1 (hash and rowid from the covering index), each
// with the hash its table row holds.
constexpr const char kNeighbours[] =
    "SELECT n.hash, (SELECT t.hash FROM key_secrets t WHERE t.id = n.id) FROM "
    "(SELECT * FROM (SELECT id, hash FROM key_secrets WHERE hash < ?1 ORDER BY hash DESC LIMIT 1) "
    "UNION ALL "
    "SELECT * FROM (SELECT id, hash FROM key_secrets WHERE hash > ?1 ORDER BY hash LIMIT 1)) n";

} // namespace

SecretIndexCheck::SecretIndexCheck(sqlite3 *db, const QString &location)
    : m_db(db)
    , m_location(location)
{ }

SecretIndexCheck::~SecretIndexCheck() = default;

Error SecretIndexCheck::damaged() const
{
    return makeError(ErrorCode::VaultCorrupt,
                     tr("%1 is damaged: its index of key secrets does not match the keys, so "
                        "keys cannot be checked. Restore it from a backup (\"keywardctl vault "
                        "check\" shows the damage).")
                         .arg(m_location));
}

Result<void> SecretIndexCheck::confirmFound(const QByteArray &tableHash,
                                            const QByteArray &hash) const
{
    if (!constantTimeEquals(tableHash, hash))
        return damaged();
    return {};
}

Result<void> SecretIndexCheck::confirmMissing(const QByteArray &hash)
{
    if (!m_neighbours) {
        m_neighbours = SqliteStatement::prepare(m_db, kNeighbours, true);
        if (!m_neighbours)
            return makeError(ErrorCode::StorageError, tr("Cannot look up the key."));
    }
    m_neighbours->bindBlob(1, hash);
    bool consistent = true;
    while (consistent && m_neighbours->step())
        consistent = !m_neighbours->isNull(1)
            && m_neighbours->blob(0) == m_neighbours->blob(1); // stored hashes, not secrets
    const bool failed = m_neighbours->failed();
    const Error error = failed ? m_neighbours->error(tr("Cannot look up the key.")) : Error();
    m_neighbours->reset(); // ends the read transaction
    if (failed)
        return error;
    if (!consistent)
        return damaged();
    return {};
}

} // namespace Keyward
