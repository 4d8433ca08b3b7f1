#pragma once

namespace Keyward {

// Keeps the keys a process holds out of core dumps and away from other processes of the same
// user: called first thing in main() by the window and keywardctl.
class ProcessHardening
{
public:
    // Not dumpable (no core file; ptrace and /proc/<pid>/mem only for root) and a core size
    // limit of 0, which also covers a system that dumps even non-dumpable processes
    // (suid_dumpable = 2).
    static void disableCoreDumps();
};

} // namespace Keyward
