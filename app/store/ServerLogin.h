#pragma once

#include "PgConnInfo.h"
#include "core/Result.h"

namespace Keyward {

// Logs in to a PostgreSQL server on a connection of its own and disconnects: whether the store's
// connection would be let in, with the error it would give (SqlErrors::fromConnectError). Safe
// on any thread: the connection is created, used and removed on the calling one. Without the
// Qt PostgreSQL driver it reports success: the real connection then fails at once and says so.
Result<void> tryServerLogin(const PgConnInfo &server);

} // namespace Keyward
