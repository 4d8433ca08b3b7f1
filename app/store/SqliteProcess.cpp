#include "SqliteProcess.h"

#include <sqlite3.h>

namespace Keyward {

bool SqliteProcess::configure()
{
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

} // namespace Keyward
