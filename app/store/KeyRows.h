#pragma once

#include "StringPool.h"
#include "core/ApiKey.h"

#include <QSqlQuery>

#include <algorithm>
#include <optional>

namespace Keyward {

// Reading keys and secrets from result rows, the same for Qt SQL (QueryRow) and the sqlite3 C
// API (SqliteStatement). A Row offers: bool step(), qint64 integer(int), bool isNull(int),
// QString text(int), QByteArray blob(int).

// QSqlQuery as a Row.
class QueryRow
{
public:
    explicit QueryRow(QSqlQuery &query)
        : m_query(query)
    { }
    bool step() { return m_query.next(); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    bool isNull(int column) const { return m_query.isNull(column); }
    QString text(int column) const { return m_query.value(column).toString(); }
    QByteArray blob(int column) const { return m_query.value(column).toByteArray(); }

private:
    QSqlQuery &m_query;
};

template<typename Row>
std::optional<qint64> optionalColumn(const Row &row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return row.integer(column);
}

// The columns of KeyReader's kKeyColumns, from `first` on. With a pool, repeated texts
// (grants, customer, creator) share one copy; see StringPool.
template<typename Row>
ApiKey readKeyColumns(const Row &row, StringPool *pool = nullptr, int first = 0)
{
    const auto shared = [pool](const QString &text) {
        return pool ? pool->string(text) : text;
    };
    ApiKey key;
    key.id = row.integer(first);
    key.name = row.text(first + 1);
    key.notes = row.text(first + 2);
    key.environment =
        environmentFromInt(int(row.integer(first + 3))).value_or(Environment::Development);
    key.role = roleFromInt(int(row.integer(first + 4))).value_or(Role::Viewer);
    const QString grants = row.text(first + 5);
    key.grants =
        pool ? pool->spaceSeparated(grants) : grants.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // An unknown state from a newer Keyward is treated as not active.
    key.state = keyStateFromInt(int(row.integer(first + 6))).value_or(KeyState::Inactive);
    key.expiresAtMs = optionalColumn(row, first + 7);
    key.rateLimit.count = int(row.integer(first + 8));
    key.rateLimit.unit =
        static_cast<RateLimit::Unit>(qBound(qint64(0), row.integer(first + 9), qint64(2)));
    key.usageLimit = optionalColumn(row, first + 10);
    key.usageCount = row.integer(first + 11);
    key.customer = shared(row.text(first + 12));
    key.createdById = row.integer(first + 13);
    key.createdByName = shared(row.text(first + 14));
    key.createdAtMs = row.integer(first + 15);
    key.updatedAtMs = row.integer(first + 16);
    key.revokedAtMs = optionalColumn(row, first + 17);
    key.flagged = row.integer(first + 18) != 0;
    key.version = row.integer(first + 19);
    key.allowedIps = IpAllowlist::fromStored(row.text(first + 20));
    return key;
}

// The columns of KeyReader's kSecretColumns, from `first` on.
template<typename Row>
KeySecret readSecretColumns(const Row &row, int first = 0, StringPool *pool = nullptr)
{
    KeySecret secret;
    secret.id = row.integer(first);
    secret.keyId = row.integer(first + 1);
    secret.hash = row.blob(first + 2);
    secret.hint = row.text(first + 3);
    secret.createdAtMs = row.integer(first + 4);
    secret.retiresAtMs = optionalColumn(row, first + 5);
    secret.lastUsedAtMs = optionalColumn(row, first + 6);
    secret.lastUsedSource = pool ? pool->string(row.text(first + 7)) : row.text(first + 7);
    secret.lastRefusedAtMs = optionalColumn(row, first + 8);
    secret.lastRefusedOutcome = int(row.integer(first + 9));
    return secret;
}

// Every key row (ordered by id) into `keys`.
template<typename Row>
void readKeys(Row &rows, QVector<ApiKey> &keys, StringPool &pool)
{
    while (rows.step())
        keys.append(readKeyColumns(rows, &pool));
}

// Every secret row onto its key in `keys` (ordered by id); secrets of other keys are skipped.
template<typename Row>
void attachSecrets(Row &rows, QVector<ApiKey> &keys, StringPool &pool)
{
    // The keys are in id order, so a binary search finds a secret's key without an index.
    const auto byId = [](const ApiKey &key, qint64 id) {
        return key.id < id;
    };
    while (rows.step()) {
        const qint64 keyId = rows.integer(1);
        const auto it = std::lower_bound(keys.begin(), keys.end(), keyId, byId);
        if (it != keys.end() && it->id == keyId)
            it->secrets.append(readSecretColumns(rows, 0, &pool));
    }
}

} // namespace Keyward
