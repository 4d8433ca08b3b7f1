#pragma once

#include <QByteArrayView>
#include <QHostAddress>

namespace Keyward::Verifyd {

struct ServerConfig;

// Who is asking and with which key, read from a request's headers.
class RequestCredentials
{
public:
    // The key from "Authorization: Bearer KEY" (scheme case-insensitive), else from
    // "X-API-Key: KEY"; empty when neither carries one. A view into the header bytes: the key
    // is never copied into a QString.
    static QByteArrayView key(QByteArrayView authorization, QByteArrayView apiKey);

    // The client: the socket's peer, or, when the peer is a trusted proxy, the right-most
    // X-Forwarded-For address that is not itself a trusted proxy (the left part of the header
    // is whatever the client chose to send, so it is never believed).
    static QHostAddress clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor,
                                      const ServerConfig &config);

    // IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d; allowlists and logs want
    // a.b.c.d.
    static QHostAddress normalized(const QHostAddress &address);
};

} // namespace Keyward::Verifyd
