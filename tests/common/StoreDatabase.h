#pragma once

#include "store/SqlKeyStore.h"

#include <QSqlDatabase>

namespace Keyward {

// The suites' way to a store's own connection, for raw SQL on it (counting rows, tampering,
// killing its backend). A friend of SqlKeyStore: outside store/, only tests see its connection.
class StoreDatabase
{
public:
    static QSqlDatabase &of(SqlKeyStore &store) { return store.database(); }
};

} // namespace Keyward
