#pragma once

#include "KeyStore.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlQuery>

#include <optional>

namespace Keyward {

class SqlKeyStore;

// The verifier's look-up of a secret by hash, prepared once and reused. SqlKeyStore::findSecret
// prepares its three-table join on every call, which profiling showed to be ~95% of an uncached
// verification (SQLite parsing and planning the statement, Qt building and tearing down the
// result); this keeps one prepared statement per connection and reads only what verification
// uses: the match's ApiKey has no notes, role, creator or secrets list, and the secret no hash
// or hint (the verdict never needs them, and verifier caches hold many of these).
//
// The statement is reset after every call, so no read transaction stays open between
// verifications (an open one would pin an old snapshot: changes by other processes would go
// unseen and the WAL could not be checkpointed). Same thread as the store.
class SecretLookup
{
    Q_DECLARE_TR_FUNCTIONS(SecretLookup)
public:
    explicit SecretLookup(SqlKeyStore &store);

    Result<std::optional<SecretMatch>> find(const QByteArray &hash);

private:
    Result<void> prepare();

    SqlKeyStore &m_store;
    QSqlQuery m_query;
    bool m_prepared = false;
};

} // namespace Keyward
