#pragma once

#include "RequestDeadlines.h"
#include "core/Result.h"
#include "core/ThreadShard.h"

#include <QCoreApplication>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

struct MHD_Daemon;
struct MHD_Connection;

namespace Keyward::Verifyd {

class ConfigHolder;
class RequestHandler;
struct HttpResponse;
struct ServerConfig;

// The HTTP side, on libmicrohttpd: a pool of threads, each with its own epoll loop, accepting
// and answering connections; every limit (connections, request head, body, timeouts) enforced
// by the library or here before any verification. The handler runs on those threads.
class HttpServer
{
    Q_DECLARE_TR_FUNCTIONS(HttpServer)
public:
    HttpServer(const ConfigHolder &config, RequestHandler &handler);
    // Stops at once (see drain() for a graceful stop).
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and starts the threads, with the listen address, limits and thread count of the
    // configuration current now (a reload changes routes and proxies, not these).
    Result<void> start();
    quint16 port() const { return m_port; }
    int threadCount() const { return m_threads; }

    // A graceful stop: no new connections; requests already received are answered (up to
    // graceMs), each closing its connection after it; then no request is verified any more
    // (one still arriving on a kept-alive connection is closed unanswered and unrecorded), so
    // every use recorded was answered; then the threads end. Safe to call once, from the thread
    // that called start().
    void drain(int graceMs);

    // libmicrohttpd's callbacks (through adapters with its exact signatures).
    static int access(void *cls, MHD_Connection *connection, const char *url, const char *method,
                      const char *version, const char *uploadData, std::size_t *uploadDataSize,
                      void **state);
    static void completed(void *cls, MHD_Connection *connection, void **state, int reason);
    // A request line arrived on the connection.
    static void requestBegun(void *cls, MHD_Connection *connection);
    // A connection opens (opened) or closes: its request state lives as long as it does.
    static void connectionChanged(void *cls, MHD_Connection *connection, void **socketContext,
                                  bool opened);

    // A chunked body over the limit is read and dropped (then answered 413) up to this many
    // times the limit; beyond, the connection is closed.
    static constexpr std::uint64_t kChunkedDiscardFactor = 256;

private:
    struct RequestState;
    int answer(MHD_Connection *connection, RequestState &state, const char *url,
               const char *method);
    // Queues the answer (closing the connection after it while draining) and starts its
    // sending deadline.
    int respond(MHD_Connection *connection, RequestState &state, const HttpResponse &response);
    // A refusal the head alone decides, answered on the first call (made only once the answer
    // is claimed: not when the request was answered 408 meanwhile).
    int refuseAtOnce(MHD_Connection *connection, RequestState &state,
                     const std::function<HttpResponse()> &refusal);
    // drain() has begun refusing to verify (seq_cst: see access()).
    bool isStopping() const;

    const ConfigHolder &m_config;
    RequestHandler &m_handler;
    MHD_Daemon *m_daemon = nullptr;
    quint16 m_port = 0;
    int m_threads = 0;
    int m_bodyLimit = 0;
    std::size_t m_headerLimit = 0;
    ShardedCounter<int> m_inFlight; // requests received and not completed
    std::atomic<bool> m_draining {false}; // answers close their connections
    std::atomic<bool> m_stopping {false}; // requests are no longer verified
    std::unique_ptr<RequestDeadlines> m_deadlines; // after the daemon stops, with no connection
};

} // namespace Keyward::Verifyd
