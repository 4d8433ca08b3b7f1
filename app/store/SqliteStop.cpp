#include "SqliteStop.h"

#include <sqlite3.h>

#include <QThread>

namespace Keyward {

namespace {
// Virtual machine steps between looks at the flag: a few microseconds of work.
constexpr int kProgressSteps = 4096;
// A lock wait looks again this often (sqlite3_busy_timeout sleeps similar steps).
constexpr int kBusyStepMs = 10;
} // namespace

SqliteStop::SqliteStop(sqlite3 *db, const std::atomic<bool> *stop, int busyTimeoutMs)
    : m_db(db)
    , m_stop(stop)
    , m_busyTimeoutMs(busyTimeoutMs)
{
    if (!m_db)
        return;
    if (m_stop)
        sqlite3_progress_handler(m_db, kProgressSteps, &SqliteStop::onProgress, this);
    sqlite3_busy_handler(m_db, &SqliteStop::onBusy, this);
}

SqliteStop::~SqliteStop()
{
    if (!m_db)
        return;
    sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    sqlite3_busy_timeout(m_db, m_busyTimeoutMs); // the plain wait the connection had
}

int SqliteStop::onProgress(void *self)
{
    return static_cast<SqliteStop *>(self)->stopped() ? 1 : 0; // non-zero interrupts
}

int SqliteStop::onBusy(void *self, int attempts)
{
    auto *stop = static_cast<SqliteStop *>(self);
    if (attempts == 0)
        stop->m_waiting.start();
    if (stop->stopped() || stop->m_waiting.elapsed() >= stop->m_busyTimeoutMs)
        return 0; // give up: the statement returns SQLITE_BUSY
    QThread::msleep(kBusyStepMs);
    return 1;
}

} // namespace Keyward
