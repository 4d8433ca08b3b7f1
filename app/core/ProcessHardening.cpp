#include "ProcessHardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace Keyward {

void ProcessHardening::disableCoreDumps()
{
    // Best effort: neither call fails for an ordinary process, and there is nothing better to
    // do if one did.
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    rlimit limit {};
    if (::getrlimit(RLIMIT_CORE, &limit) == 0) {
        limit.rlim_cur = 0;
        ::setrlimit(RLIMIT_CORE, &limit);
    }
}

} // namespace Keyward
