#pragma once

#include <QElapsedTimer>

#include <atomic>

struct sqlite3;

namespace Keyward {

// Lets a flag end a connection's long work early: a statement running is interrupted (SQLite's
// progress handler) and a wait for another connection's lock gives up (a busy handler, which
// otherwise waits up to busyTimeoutMs like sqlite3_busy_timeout). For whole-file checks that a
// window closing the vault no longer wants. Both handlers are removed on destruction.
class SqliteStop
{
public:
    // stop may be null: then only the busy timeout applies.
    SqliteStop(sqlite3 *db, const std::atomic<bool> *stop, int busyTimeoutMs);
    ~SqliteStop();
    SqliteStop(const SqliteStop &) = delete;
    SqliteStop &operator=(const SqliteStop &) = delete;

    bool stopped() const { return m_stop && m_stop->load(std::memory_order_relaxed); }

private:
    static int onProgress(void *self);
    static int onBusy(void *self, int attempts);

    sqlite3 *m_db;
    const std::atomic<bool> *m_stop;
    int m_busyTimeoutMs;
    QElapsedTimer m_waiting; // since this wait for a lock began
};

} // namespace Keyward
