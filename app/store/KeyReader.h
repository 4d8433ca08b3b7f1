#pragma once

#include "KeyStore.h"
#include "SqlDialect.h"

#include <QCoreApplication>

class QSqlDatabase;

namespace Keyward {

// Reads key rows with their secrets (api_keys joined with the creator's name, key_secrets
// newest first): the whole table for the window, or one key inside a change's transaction.
// On the store's connection and thread; it keeps nothing between calls.
class KeyReader
{
    Q_DECLARE_TR_FUNCTIONS(KeyReader)
public:
    KeyReader(QSqlDatabase &db, const SqlDialect &dialect)
        : m_db(db)
        , m_dialect(dialect)
    { }

    Result<QVector<ApiKey>> all(bool includeRevoked);
    // NotFound when there is no such key.
    Result<ApiKey> one(qint64 id);

private:
    QSqlDatabase &m_db;
    const SqlDialect &m_dialect;
};

} // namespace Keyward
