#pragma once

namespace Keyward {

// Process-wide SQLite settings, which SQLite accepts only before its first use in the process.
class SqliteProcess
{
public:
    // Turns off SQLite's memory statistics. With them on (the library's default), every
    // allocation and free in every connection takes one process-wide mutex: a verifier and its
    // usage writer fought over it (profiled: a tenth of a pipeline's CPU, a third of it waiting).
    // Keyward reads none of those statistics. Call first thing in main(); false when SQLite was
    // already in use (the settings then stay as they were: slower, not wrong).
    static bool configure();
};

} // namespace Keyward
