#pragma once

#include "core/Result.h"
#include "store/PgConnInfo.h"

#include <QObject>

#include <memory>

namespace Keyward {

// Tries to log in to a PostgreSQL server on a worker thread, so that the GUI thread never waits
// in libpq for a server that does not answer.
//
// A QSqlDatabase connection belongs to the thread that created it (Qt 6.4 cannot move one), so
// the store's own connection has to be opened on the GUI thread. The probe opens a throwaway
// connection with the same conninfo on a worker thread instead, and only a server that let it
// in gets the real connection, which is then a matter of milliseconds. The probe's error is
// the one the store would have given (SqlErrors::fromConnectError), so a missing or wrong
// password and an unreachable server read the same as before.
//
// finished() arrives on the GUI thread. Cancelling or destroying the probe abandons the attempt:
// its worker runs to the end of its connect_timeout on its own and its outcome is dropped. The
// workers' threads belong to an object owned by the application object, whose destruction joins
// them, so quitting during an attempt takes at most one connect_timeout and never crashes.
class ServerProbe : public QObject
{
    Q_OBJECT
public:
    explicit ServerProbe(QObject *parent = nullptr);
    ~ServerProbe() override;
    ServerProbe(const ServerProbe &) = delete;
    ServerProbe &operator=(const ServerProbe &) = delete;

    // Starts an attempt (connect_timeout as withConnectTimeout() sets it), abandoning the one
    // that may still be running.
    void start(const PgConnInfo &server);
    void cancel();
    bool isRunning() const { return bool(m_pending); }

    // The server with connect_timeout=5 unless it sets its own: libpq would otherwise wait for
    // the operating system's TCP timeout (minutes). For the real connection too.
    static PgConnInfo withConnectTimeout(const PgConnInfo &server);
    // Waits until every worker has finished; false on timeout. For tests.
    static bool waitForWorkers(int timeoutMs);

Q_SIGNALS:
    // Success: the server accepted the login (the vault itself is checked by the real
    // connection). Otherwise the translated error, as SqlKeyStore::connectPostgres reports it.
    void finished(const Keyward::Result<void> &result);

private:
    struct Ticket;
    void deliver(const std::shared_ptr<Ticket> &ticket, const Result<void> &result);

    std::shared_ptr<Ticket> m_pending;
};

} // namespace Keyward
