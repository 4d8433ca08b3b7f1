#include "HttpServer.h"

#include "ConfigHolder.h"
#include "HttpResponse.h"
#include "RequestCredentials.h"
#include "RequestHandler.h"

#include <QElapsedTimer>
#include <QThread>

#include <microhttpd.h>

#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

namespace Keyward::Verifyd {

// One per connection, made when it opens and reused by each of its requests in turn (a
// keep-alive connection carries many): an allocation per request otherwise.
struct HttpServer::RequestState
{
    std::chrono::steady_clock::time_point start;
    QByteArray body;
    std::uint64_t discarded = 0; // body bytes dropped after the limit was passed
    bool answered = false;
    int inFlightShard = 0; // where it was counted in flight: taken back from the same shard
    RequestDeadlines::Entry deadline;

    void begin()
    {
        start = std::chrono::steady_clock::now();
        discarded = 0;
        answered = false;
    }
    void end() { wipeBody(); }
    ~RequestState() { wipeBody(); }

private:
    void wipeBody()
    {
        body.fill('\0'); // it may hold a key
        body.clear();
    }
};

namespace {

class MhdHeaders final : public HeaderSource
{
public:
    explicit MhdHeaders(MHD_Connection *connection)
        : m_connection(connection)
    { }
    QByteArrayView header(const char *name) const override
    {
        const char *value = nullptr;
        std::size_t size = 0;
        if (MHD_lookup_connection_value_n(m_connection, MHD_HEADER_KIND, name, std::strlen(name),
                                          &value, &size)
                != MHD_YES
            || !value)
            return {};
        return QByteArrayView(value, qsizetype(size));
    }
    void forEachLine(const char *name,
                     const std::function<void(QByteArrayView)> &each) const override
    {
        struct Wanted
        {
            QByteArrayView name;
            const std::function<void(QByteArrayView)> &each;
        } wanted {QByteArrayView(name, qsizetype(std::strlen(name))), each};
        MHD_get_connection_values_n(
            m_connection, MHD_HEADER_KIND,
            [](void *cls, MHD_ValueKind, const char *key, size_t keySize, const char *value,
               size_t valueSize) -> MHD_Result {
                const auto *wanted = static_cast<const Wanted *>(cls);
                if (key && value
                    && QByteArrayView(key, qsizetype(keySize))
                            .compare(wanted->name, Qt::CaseInsensitive)
                        == 0)
                    wanted->each(QByteArrayView(value, qsizetype(valueSize)));
                return MHD_YES;
            },
            &wanted);
    }

private:
    MHD_Connection *m_connection;
};

// The peer's address without its port: what the cache below is keyed by.
struct PeerKey
{
    sa_family_t family = AF_UNSPEC;
    std::array<unsigned char, 20> bytes {}; // an IPv6 address and its scope id

    static std::optional<PeerKey> of(const sockaddr *address)
    {
        PeerKey key;
        key.family = address->sa_family;
        if (address->sa_family == AF_INET) {
            const auto *in4 = reinterpret_cast<const sockaddr_in *>(address);
            std::memcpy(key.bytes.data(), &in4->sin_addr, sizeof in4->sin_addr);
        } else if (address->sa_family == AF_INET6) {
            const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(address);
            std::memcpy(key.bytes.data(), &in6->sin6_addr, sizeof in6->sin6_addr);
            std::memcpy(key.bytes.data() + sizeof in6->sin6_addr, &in6->sin6_scope_id,
                        sizeof in6->sin6_scope_id);
        } else {
            return std::nullopt;
        }
        return key;
    }
    bool operator==(const PeerKey &other) const
    {
        return family == other.family && bytes == other.bytes;
    }
};

struct Peer
{
    QHostAddress address;
    QString text;
};

// The socket's peer and its text. A gateway's connections all come from one address, so each
// thread keeps the last one it saw: a request then builds neither a QHostAddress nor its text
// (two allocations and an address formatted per request otherwise).
Peer describePeer(MHD_Connection *connection)
{
    const MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr)
        return {};
    const std::optional<PeerKey> key = PeerKey::of(info->client_addr);
    if (!key) {
        const QHostAddress address =
            RequestCredentials::normalized(QHostAddress(info->client_addr));
        return {address, address.toString()};
    }
    thread_local std::optional<std::pair<PeerKey, Peer>> last;
    if (!last || !(last->first == *key)) {
        const QHostAddress address =
            RequestCredentials::normalized(QHostAddress(info->client_addr));
        last.emplace(*key, Peer {address, address.toString()});
    }
    return last->second;
}

// closeAfter: the connection closes once the answer is sent (a server that is stopping).
int queue(MHD_Connection *connection, const HttpResponse &response, bool closeAfter)
{
    MHD_Response *mhd = MHD_create_response_from_buffer(
        std::size_t(response.body.size()), const_cast<char *>(response.body.constData()),
        MHD_RESPMEM_MUST_COPY);
    if (!mhd)
        return MHD_NO;
    // Nothing to describe without a body (a valid forward-auth answer): each header costs
    // libmicrohttpd three allocations, for every request.
    if (!response.body.isEmpty())
        MHD_add_response_header(mhd, "Content-Type", response.contentType.constData());
    MHD_add_response_header(mhd, "Cache-Control", "no-store");
    for (const auto &header : response.headers)
        MHD_add_response_header(mhd, header.first.constData(), header.second.constData());
    if (closeAfter)
        MHD_add_response_header(mhd, "Connection", "close");
    const int queued = MHD_queue_response(connection, unsigned(response.status), mhd);
    MHD_destroy_response(mhd);
    return queued;
}

MHD_Result countHost(void *cls, MHD_ValueKind, const char *key, const char *)
{
    if (key && strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0)
        ++*static_cast<int *>(cls);
    return MHD_YES;
}

int hostHeaders(MHD_Connection *connection)
{
    int count = 0;
    MHD_get_connection_values(connection, MHD_HEADER_KIND, &countHost, &count);
    return count;
}

MHD_Result addHeaderSize(void *cls, MHD_ValueKind, const char *key, const char *value)
{
    *static_cast<std::size_t *>(cls) += std::strlen(key) + (value ? std::strlen(value) : 0) + 4;
    return MHD_YES;
}

// The request head as received, near enough: request line and header lines.
std::size_t headSize(MHD_Connection *connection, const char *url)
{
    std::size_t size = std::strlen(url) + 16;
    MHD_get_connection_values(connection, MHD_HEADER_KIND, &addHeaderSize, &size);
    return size;
}

void logFromLibrary(void *, const char *format, va_list arguments)
{
    char line[512];
    std::vsnprintf(line, sizeof line, format, arguments);
    // Said for what this server or its client does on purpose: a connection closed mid-request
    // (a 408, a stop, a client that hangs up) and every MHD_NO this server returns (a failure to
    // queue an answer is logged by respond()). Slow clients filled the journal with them, a line
    // per byte they sent after their 408 (found by a review).
    if (std::strstr(line, "detected connection closure")
        || std::strstr(line, "Application reported internal error"))
        return;
    const qsizetype size = qsizetype(std::strlen(line));
    qWarning("keyward-verifyd: http: %s",
             QByteArray(line, size > 0 && line[size - 1] == '\n' ? size - 1 : size).constData());
}

MHD_Result onAccess(void *cls, MHD_Connection *connection, const char *url, const char *method,
                    const char *version, const char *uploadData, std::size_t *uploadDataSize,
                    void **state)
{
    return MHD_Result(HttpServer::access(cls, connection, url, method, version, uploadData,
                                         uploadDataSize, state));
}

void onCompleted(void *cls, MHD_Connection *connection, void **state,
                 MHD_RequestTerminationCode reason)
{
    HttpServer::completed(cls, connection, state, int(reason));
}

void onConnection(void *cls, MHD_Connection *connection, void **socketContext,
                  MHD_ConnectionNotificationCode code)
{
    // libmicrohttpd reports a request completed before its connection closes, and a
    // connection closed before it closes the socket.
    HttpServer::connectionChanged(cls, connection, socketContext,
                                  code == MHD_CONNECTION_NOTIFY_STARTED);
}

// A request line arrived: its request's deadline starts. (libmicrohttpd would hand what this
// returns to the first access() call; nothing, as before.)
void *onRequestLine(void *cls, const char *, MHD_Connection *connection)
{
    HttpServer::requestBegun(cls, connection);
    return nullptr;
}

// The 408 written straight to the socket, for a request that never arrived whole.
QByteArray requestTimeoutAnswer(const HttpResponse &response)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(response.status) + " Request Timeout\r\n";
    bytes += "Content-Type: " + response.contentType
        + "\r\nContent-Length: " + QByteArray::number(response.body.size())
        + "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + response.body;
    return bytes;
}

} // namespace

HttpServer::HttpServer(const ConfigHolder &config, RequestHandler &handler)
    : m_config(config)
    , m_handler(handler)
{ }

HttpServer::~HttpServer()
{
    if (m_daemon)
        MHD_stop_daemon(m_daemon);
}

Result<void> HttpServer::start()
{
    const std::shared_ptr<const ServerConfig> config = m_config.get();
    m_bodyLimit = config->bodyLimitBytes;
    m_threads = config->threads > 0 ? config->threads : qMax(1, QThread::idealThreadCount());

    sockaddr_storage address {};
    const bool v6 = config->listenAddress.protocol() == QAbstractSocket::IPv6Protocol;
    if (v6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&address);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(config->port);
        const Q_IPV6ADDR bytes = config->listenAddress.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&address);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(config->port);
        in4->sin_addr.s_addr = htonl(config->listenAddress.toIPv4Address());
    }

    // The memory pool of a connection holds its read buffer, the request head and the response
    // head. A head that does not fit is answered 431 by MHD itself; one that fits but leaves no
    // room for the response would be dropped without an answer, so the pool is twice the limit
    // and access() answers heads over the limit with 431. (libmicrohttpd also keeps a record
    // per header there: 300 headers just under 16 KiB do not fit in the limit plus 8 KiB.) It
    // zeroes the whole pool after every request, a twentieth of the server's CPU, but a smaller
    // one would drop heads the limit allows. The body never goes there: it is copied out chunk
    // by chunk and bounded separately.
    m_deadlines = std::make_unique<RequestDeadlines>(
        config->connectionTimeoutS * 1000, config->requestTimeoutS * 1000,
        [this, seconds = config->requestTimeoutS] {
            return requestTimeoutAnswer(m_handler.requestTimedOut(seconds));
        });
    m_headerLimit = std::size_t(config->headerLimitBytes);
    const std::size_t pool = 2 * m_headerLimit + 4096;
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (v6)
        flags |= MHD_USE_IPv6;
    std::vector<MHD_OptionItem> options = {
        {MHD_OPTION_EXTERNAL_LOGGER, intptr_t(&logFromLibrary), nullptr}, // first, or unused
        {MHD_OPTION_SOCK_ADDR, 0, &address},
        {MHD_OPTION_CONNECTION_LIMIT, config->connectionLimit, nullptr},
        // A backstop only: RequestDeadlines ends idle connections, late requests and answers
        // nobody reads; this one counts silence alone.
        {MHD_OPTION_CONNECTION_TIMEOUT,
         RequestDeadlines::backstopSeconds(config->connectionTimeoutS, config->requestTimeoutS),
         nullptr},
        {MHD_OPTION_URI_LOG_CALLBACK, intptr_t(&onRequestLine), this},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, intptr_t(pool), nullptr},
        {MHD_OPTION_NOTIFY_COMPLETED, intptr_t(&onCompleted), this},
        {MHD_OPTION_NOTIFY_CONNECTION, intptr_t(&onConnection), this},
    };
    // One thread is the daemon's own: a pool of one (or zero) is refused with a warning.
    if (m_threads > 1)
        options.push_back({MHD_OPTION_THREAD_POOL_SIZE, m_threads, nullptr});
    options.push_back({MHD_OPTION_END, 0, nullptr});
    m_daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &onAccess, this, MHD_OPTION_ARRAY,
                                options.data(), MHD_OPTION_END);
    if (!m_daemon)
        return makeError(ErrorCode::StorageError,
                         tr("Cannot listen on %1 port %2 (in use, or not an address of this "
                            "machine?).")
                             .arg(config->listenAddress.toString())
                             .arg(config->port));
    const MHD_DaemonInfo *info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT);
    m_port = info ? info->port : config->port;
    m_deadlines->start();
    return {};
}

void HttpServer::drain(int graceMs)
{
    if (!m_daemon)
        return;
    // Stop accepting. The listening socket becomes ours to close, but only after
    // MHD_stop_daemon (microhttpd.h): a worker may still be taking it out of its epoll set, and
    // closed early that fails (libmicrohttpd aborts) or hits a reused descriptor.
    const MHD_socket listening = MHD_quiesce_daemon(m_daemon);
    // Meanwhile the kernel refuses new connections at once (Linux stops listening on a shut
    // down socket), so a load balancer moves on instead of queueing them to be reset later.
    if (listening != MHD_INVALID_SOCKET)
        ::shutdown(listening, SHUT_RDWR);
    // Requests already received are answered, and each answer from now on closes its
    // connection, so a gateway stops sending on it; idle connections are not waited for.
    m_draining.store(true);
    const auto waitForRequestsInFlight = [this](int budgetMs) {
        QElapsedTimer waited;
        waited.start();
        while (m_inFlight.total() > 0 && waited.elapsed() < budgetMs)
            QThread::msleep(10);
    };
    waitForRequestsInFlight(graceMs);
    // A request may still arrive on a kept-alive connection at any moment: from now on one is
    // closed before it is verified, and those already past that check are waited for. Without
    // this, one arriving just before MHD_stop_daemon was verified and recorded, and then cut off
    // unanswered (sigtermUnderKeepAliveLoadAnswersEveryUseItRecords).
    m_stopping.store(true);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    // A budget of its own, and at least a second even with no grace: what is left are answers
    // being made (milliseconds) and bodies still arriving (which will not be verified now).
    waitForRequestsInFlight(std::max(graceMs, 1000));
    MHD_stop_daemon(m_daemon); // joins the threads: their verifiers save usage as they end
    m_daemon = nullptr;
    m_deadlines->stop(); // every connection is closed
    if (listening != MHD_INVALID_SOCKET)
        ::close(listening);
}

int HttpServer::access(void *cls, MHD_Connection *connection, const char *url, const char *method,
                       const char *version, const char *uploadData, std::size_t *uploadDataSize,
                       void **state)
{
    auto *self = static_cast<HttpServer *>(cls);
    if (!*state) {
        const MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        auto *request = info ? static_cast<RequestState *>(info->socket_context) : nullptr;
        if (!request) {
            qWarning("keyward-verifyd: a request on a connection never reported open: closed");
            return MHD_NO;
        }
        request->begin();
        *state = request;
        request->inFlightShard = self->m_inFlight.add(1);
        // Counted in flight before looking: drain() sets m_stopping before it reads the count,
        // so either it waits for this request or this request sees it stopping.
        if (self->isStopping()) {
            request->answered = true;
            return MHD_NO; // closed unanswered, before anything is verified or recorded
        }
        if (headSize(connection, url) > self->m_headerLimit)
            return self->refuseAtOnce(connection, *request, [self] {
                return self->m_handler.headerTooLarge(int(self->m_headerLimit));
            });
        // RFC 9112 3.2: a server answers 400 to an HTTP/1.1 request without exactly one Host
        // (libmicrohttpd lets it through).
        if (std::strncmp(version, "HTTP/1.", 7) == 0 && std::strcmp(version, "HTTP/1.0") != 0
            && hostHeaders(connection) != 1)
            return self->refuseAtOnce(connection, *request,
                                      [self] { return self->m_handler.missingHost(); });
        // A body announced as too large is refused before it is read.
        const char *length =
            MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Length");
        if (length && std::strtoull(length, nullptr, 10) > std::uint64_t(self->m_bodyLimit))
            return self->refuseAtOnce(connection, *request, [self] {
                return self->m_handler.bodyTooLarge(self->m_bodyLimit);
            });
        return MHD_YES;
    }
    auto *request = static_cast<RequestState *>(*state);
    if (request->answered) {
        *uploadDataSize = 0;
        return MHD_YES;
    }
    if (*uploadDataSize > 0) {
        if (request->discarded > 0
            || request->body.size() + qsizetype(*uploadDataSize) > self->m_bodyLimit) {
            // Chunked, so no Content-Length said so in advance. Answering while the client still
            // sends would make the close a reset that can destroy the answer in flight, so the
            // rest is read and dropped and answered 413 at its end, up to a point: a client that
            // goes on beyond it is cut off. Without an answer: libmicrohttpd cannot queue one
            // in the middle of a body (0.9.75 refuses in that state).
            request->discarded += *uploadDataSize;
            *uploadDataSize = 0;
            request->body.fill('\0');
            request->body.clear();
            if (request->discarded > kChunkedDiscardFactor * std::uint64_t(self->m_bodyLimit))
                return MHD_NO; // closes the connection
            return MHD_YES;
        }
        // Room for the whole allowed body at once: grown piece by piece, it would leave
        // earlier copies (which may hold a key) in freed memory, unwiped.
        if (request->body.capacity() < self->m_bodyLimit)
            request->body.reserve(self->m_bodyLimit);
        request->body.append(uploadData, qsizetype(*uploadDataSize));
        *uploadDataSize = 0;
        return MHD_YES;
    }
    request->answered = true;
    // Checked again now the request is whole: one whose body was still arriving when the stop
    // began is not verified either (drain() waits only for those already past this).
    if (self->isStopping() || !self->m_deadlines->claimAnswer(request->deadline))
        return MHD_NO;
    if (request->discarded > 0)
        return self->respond(connection, *request, self->m_handler.bodyTooLarge(self->m_bodyLimit));
    return self->answer(connection, *request, url, method);
}

int HttpServer::answer(MHD_Connection *connection, RequestState &state, const char *url,
                       const char *method)
{
    const ServerConfig &config = m_config.forThisThread();
    const MhdHeaders headers(connection);
    Peer peer = describePeer(connection);
    const IncomingRequest request {QByteArrayView(method, qsizetype(std::strlen(method))),
                                   QByteArrayView(url, qsizetype(std::strlen(url))),
                                   headers,
                                   QByteArrayView(state.body),
                                   std::move(peer.address),
                                   std::move(peer.text)};
    const HttpResponse response = m_handler.handle(request, config);
    const int queued = respond(connection, state, response);
    m_handler.observe(std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::steady_clock::now() - state.start)
                          .count());
    return queued;
}

bool HttpServer::isStopping() const
{
    // Pairs with drain()'s fence: this request was counted in flight before.
    std::atomic_thread_fence(std::memory_order_seq_cst);
    return m_stopping.load(std::memory_order_relaxed);
}

int HttpServer::refuseAtOnce(MHD_Connection *connection, RequestState &state,
                             const std::function<HttpResponse()> &refusal)
{
    state.answered = true;
    if (!m_deadlines->claimAnswer(state.deadline))
        return MHD_NO; // answered 408 meanwhile
    return respond(connection, state, refusal());
}

int HttpServer::respond(MHD_Connection *connection, RequestState &state,
                        const HttpResponse &response)
{
    const int queued = queue(connection, response, m_draining.load(std::memory_order_relaxed));
    if (queued == MHD_YES)
        m_deadlines->queued(state.deadline);
    else
        qWarning("keyward-verifyd: could not queue an answer (%d); the connection is closed",
                 response.status);
    return queued;
}

void HttpServer::completed(void *cls, MHD_Connection *, void **state, int)
{
    auto *request = static_cast<RequestState *>(*state);
    if (!request)
        return;
    const int shard = request->inFlightShard;
    request->end(); // the connection's: deleted when it closes
    *state = nullptr;
    static_cast<HttpServer *>(cls)->m_deadlines->answered(request->deadline);
    // The same shard, whichever thread this runs on: no shard goes below zero, so while any
    // request is in flight the sum read shard by shard is never zero.
    static_cast<HttpServer *>(cls)->m_inFlight.addTo(shard, -1);
}

void HttpServer::requestBegun(void *cls, MHD_Connection *connection)
{
    const MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    if (auto *state = info ? static_cast<RequestState *>(info->socket_context) : nullptr)
        static_cast<HttpServer *>(cls)->m_deadlines->begun(state->deadline);
}

void HttpServer::connectionChanged(void *cls, MHD_Connection *connection, void **socketContext,
                                   bool opened)
{
    RequestDeadlines &deadlines = *static_cast<HttpServer *>(cls)->m_deadlines;
    if (opened) {
        auto *state = new RequestState;
        const MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (info)
            deadlines.opened(state->deadline, info->connect_fd);
        *socketContext = state;
        return;
    }
    auto *state = static_cast<RequestState *>(*socketContext);
    if (state)
        deadlines.closed(state->deadline);
    delete state;
    *socketContext = nullptr;
}

} // namespace Keyward::Verifyd
