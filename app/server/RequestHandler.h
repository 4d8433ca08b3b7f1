#pragma once

#include "HttpResponse.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QHostAddress>

#include <functional>

namespace Keyward::Verifyd {

class Metrics;
class VerifyService;
struct ServerConfig;

// Every line of one header in a request, in order.
struct HeaderLines
{
    QByteArrayView first;
    int count = 0; // 0: absent
    QByteArray joined; // with more than one line: all of them, ", " between

    // The header's value: repeated lines are one comma-separated list (RFC 9110, 5.3).
    QByteArrayView text() const { return count > 1 ? QByteArrayView(joined) : first; }
};

// A request's headers, looked up case-insensitively by the HTTP library.
class HeaderSource
{
public:
    virtual ~HeaderSource() = default;
    // The first line of the header: for headers whose repetition changes nothing we rely on.
    virtual QByteArrayView header(const char *name) const = 0;
    // Calls `each` with every line of the header, in order.
    virtual void forEachLine(const char *name,
                             const std::function<void(QByteArrayView)> &each) const = 0;
    // All lines: what a header that proxies append to, or that a client could repeat ahead of
    // the gateway's own line, must be read from. The first line alone let a client's forged
    // X-Forwarded-For line win over the one a proxy added after it.
    HeaderLines lines(const char *name) const
    {
        HeaderLines lines;
        forEachLine(name, [&lines](QByteArrayView value) {
            if (lines.count++ == 0) {
                lines.first = value;
                return;
            }
            if (lines.count == 2)
                lines.joined = lines.first.toByteArray();
            lines.joined.append(", ").append(value);
        });
        return lines;
    }
};

struct IncomingRequest
{
    QByteArrayView method;
    QByteArrayView path;
    const HeaderSource &headers;
    QByteArrayView body;
    QHostAddress peer; // the socket's
    QString peerText; // peer.toString(), made once for many requests; empty: make it
};

// Turns one complete request into its answer: routing, reading what it asks for, verifying,
// building the response, counting. Safe on every HTTP thread at once.
class RequestHandler
{
    Q_DECLARE_TR_FUNCTIONS(RequestHandler)
public:
    RequestHandler(VerifyService &service, Metrics &metrics);

    HttpResponse handle(const IncomingRequest &request, const ServerConfig &config);
    // Answers that the server gives before the request is complete.
    HttpResponse bodyTooLarge(int limitBytes);
    HttpResponse headerTooLarge(int limitBytes);
    HttpResponse requestTimedOut(int seconds);
    HttpResponse missingHost();
    // A request's time from arrival to its queued answer, for the latency histogram.
    void observe(qint64 nanoseconds);

private:
    HttpResponse forwardAuth(const IncomingRequest &request, const QString &routeName,
                             const ServerConfig &config);
    HttpResponse verifyJson(const IncomingRequest &request, const ServerConfig &config);
    HttpResponse health();
    HttpResponse metrics();
    HttpResponse rejected(int status, const QString &message, bool json);

    VerifyService &m_service;
    Metrics &m_metrics;
};

} // namespace Keyward::Verifyd
