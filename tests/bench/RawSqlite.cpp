#include "RawSqlite.h"

#include "store/SecretRow.h"

#include <sqlite3.h>

namespace Keyward::Bench {

namespace {

// The statement store/SecretLookup builds on (what Keyward's verifier runs), taken from it so the
// two cannot drift apart: the baseline does the same work minus Qt SQL and Keyward.
const QByteArray kByHash = QByteArray(kSecretRowSelect) + '?';
// The same columns and joins as SqlKeyStore::listKeys().
const char *const kAllKeys =
    "SELECT k.id, k.name, k.notes, k.environment, k.role, k.grants, k.state, k.expires_at, "
    "k.rate_count, k.rate_unit, k.usage_limit, COALESCE(u.usage_count, 0), k.customer, "
    "k.created_by, m.name, k.created_at, k.updated_at, k.revoked_at, k.flagged, k.version FROM "
    "api_keys k JOIN members m ON m.id = k.created_by LEFT JOIN key_usage u ON u.key_id = k.id "
    "ORDER BY k.id";
const char *const kAllSecrets =
    "SELECT s.id, s.key_id, s.hash, s.hint, s.created_at, s.retires_at, u.last_used_at, "
    "COALESCE(u.last_used_source, '') FROM key_secrets s LEFT JOIN secret_usage u ON "
    "u.secret_id = s.id ORDER BY s.id DESC";

// Reads each column the way a consumer would (text and blobs as bytes), so that SQLite cannot
// skip the work.
qint64 touchRow(sqlite3_stmt *statement)
{
    qint64 sum = 0;
    const int columns = sqlite3_column_count(statement);
    for (int i = 0; i < columns; ++i) {
        switch (sqlite3_column_type(statement, i)) {
        case SQLITE_INTEGER:
            sum += sqlite3_column_int64(statement, i);
            break;
        case SQLITE_TEXT:
        case SQLITE_BLOB:
            sum += sqlite3_column_bytes(statement, i);
            sum += sqlite3_column_blob(statement, i) != nullptr;
            break;
        default:
            break;
        }
    }
    return sum;
}

} // namespace

RawSqlite::RawSqlite(const QString &path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    sqlite3_prepare_v2(m_db, kByHash.constData(), -1, &m_byHash, nullptr);
}

RawSqlite::~RawSqlite()
{
    sqlite3_finalize(m_byHash);
    sqlite3_close(m_db);
}

qint64 RawSqlite::findByHash(const QByteArray &hash)
{
    sqlite3_bind_blob(m_byHash, 1, hash.constData(), int(hash.size()), SQLITE_STATIC);
    qint64 id = 0;
    if (sqlite3_step(m_byHash) == SQLITE_ROW) {
        id = sqlite3_column_int64(m_byHash, 0);
        touchRow(m_byHash);
    }
    sqlite3_reset(m_byHash);
    return id;
}

qint64 RawSqlite::selectAllKeys()
{
    qint64 rows = 0;
    for (const char *sql : {kAllKeys, kAllSecrets}) {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
        while (sqlite3_step(statement) == SQLITE_ROW) {
            touchRow(statement);
            ++rows;
        }
        sqlite3_finalize(statement);
    }
    return rows;
}

} // namespace Keyward::Bench
