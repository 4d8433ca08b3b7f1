#pragma once

#include "HttpResponse.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QHostAddress>

namespace Keyward::Verifyd {

class Metrics;
class VerifyService;
struct ServerConfig;

// A request's headers, looked up case-insensitively by the HTTP library.
class HeaderSource
{
public:
    virtual ~HeaderSource() = default;
    virtual QByteArrayView header(const char *name) const = 0;
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
