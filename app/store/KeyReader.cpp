#include "KeyReader.h"

#include "KeyRows.h"
#include "SqlErrors.h"
#include "SqliteStatement.h"
#include "StringPool.h"

#include <QSqlQuery>

namespace Keyward {

namespace {

const QString kKeyColumns = QStringLiteral(
    "k.id, k.name, k.notes, k.environment, k.role, k.grants, k.state, k.expires_at, "
    "k.rate_count, k.rate_unit, k.usage_limit, COALESCE(u.usage_count, 0), k.customer, "
    "k.created_by, m.name, k.created_at, k.updated_at, k.revoked_at, k.flagged, k.version, "
    "k.allowed_ips");
// A key or secret without a usage row has not been used (schema 8).
const QString kKeyFrom = QStringLiteral(" FROM api_keys k JOIN members m ON m.id = k.created_by "
                                        "LEFT JOIN key_usage u ON u.key_id = k.id");
const QString kSecretColumns =
    QStringLiteral("s.id, s.key_id, s.hash, s.hint, s.created_at, s.retires_at, u.last_used_at, "
                   "COALESCE(u.last_used_source, ''), u.last_refused_at, u.last_refused_outcome");
const QString kSecretFrom =
    QStringLiteral(" FROM key_secrets s LEFT JOIN secret_usage u ON u.secret_id = s.id");

ApiKey keyFromRow(QSqlQuery &q)
{
    return readKeyColumns(QueryRow(q));
}

KeySecret secretFromRow(QSqlQuery &q, int first)
{
    return readSecretColumns(QueryRow(q), first);
}

} // namespace

Result<QVector<ApiKey>> KeyReader::all(bool includeRevoked)
{
    QString keysSql = QStringLiteral("SELECT ") + kKeyColumns + kKeyFrom;
    if (!includeRevoked)
        keysSql += QStringLiteral(" WHERE k.state <> 2");
    keysSql += QStringLiteral(" ORDER BY k.id");
    const QString secretsSql = QStringLiteral("SELECT ") + kSecretColumns + kSecretFrom
        + QStringLiteral(" ORDER BY s.id DESC");
    const QString what = tr("Cannot read the keys.");

    // Sized up front: growing a vector of 100,000 keys by doubling briefly holds both copies,
    // which showed as the app's peak memory. (Counted first: QPSQL drops the rest of a running
    // result when another query starts.)
    QVector<ApiKey> keys;
    {
        SqlQuery count(m_db);
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM api_keys")) && count.next())
            keys.reserve(count.value(0).toLongLong());
    }
    StringPool pool;
    // A vault file through the sqlite3 API: Qt SQL's QVariant per column and row was most of
    // the key table's load time (profiled).
    if (sqlite3 *db = m_dialect.isSqlite() ? sqliteHandle(m_db) : nullptr) {
        auto keyRows = SqliteStatement::prepare(db, keysSql.toUtf8(), false);
        auto secretRows = SqliteStatement::prepare(db, secretsSql.toUtf8(), false);
        if (!keyRows || !secretRows)
            return makeError(ErrorCode::StorageError, what);
        readKeys(*keyRows, keys, pool);
        if (keyRows->failed())
            return keyRows->error(what);
        keyRows.reset(); // ends its read before the next one starts
        attachSecrets(*secretRows, keys, pool);
        if (secretRows->failed())
            return secretRows->error(what);
        return keys;
    }
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(keysSql))
        return SqlErrors::fromQuery(q, what);
    QueryRow keyRows(q);
    readKeys(keyRows, keys, pool);
    if (!q.exec(secretsSql))
        return SqlErrors::fromQuery(q, what);
    QueryRow secretRows(q);
    attachSecrets(secretRows, keys, pool);
    return keys;
}

Result<ApiKey> KeyReader::one(qint64 id)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kKeyColumns + kKeyFrom
              + QStringLiteral(" WHERE k.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the key."));
    if (!q.next())
        return makeError(ErrorCode::NotFound, tr("There is no key with id %1.").arg(id));
    ApiKey key = keyFromRow(q);
    q.prepare(QStringLiteral("SELECT ") + kSecretColumns + kSecretFrom
              + QStringLiteral(" WHERE s.key_id = ? ORDER BY s.id DESC"));
    q.addBindValue(id);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot read the key."));
    while (q.next())
        key.secrets.append(secretFromRow(q, 0));
    return key;
}

} // namespace Keyward
