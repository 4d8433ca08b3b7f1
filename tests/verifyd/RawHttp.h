#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QTcpSocket>

#include <memory>

namespace Keyward::Testing {

// One HTTP/1.1 response as read off the wire.
struct RawResponse
{
    int status = 0; // 0: the server closed the connection without answering
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
};

// A plain TCP connection for sending exact bytes, well-formed or not, and reading the answer:
// the tests must be able to send what no HTTP client library would.
class RawHttp
{
public:
    // Connects to the port on 127.0.0.1, from the given local address when one is given
    // (any 127.x.y.z: a second client address on loopback).
    explicit RawHttp(quint16 port, const QHostAddress &from = QHostAddress());
    bool isConnected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    QHostAddress localAddress() const { return m_socket->localAddress(); }
    void send(const QByteArray &bytes);
    // Reads one response (headers, then Content-Length bytes of body); status 0 when the
    // connection closed first. Waits up to timeoutMs.
    RawResponse read(int timeoutMs = 10000);
    RawResponse request(const QByteArray &bytes, int timeoutMs = 10000)
    {
        send(bytes);
        return read(timeoutMs);
    }
    // Waits for the server to close the connection; true when it did within timeoutMs.
    bool waitForClose(int timeoutMs);

    // A complete request: "GET /path HTTP/1.1" with Host, the extra header lines and a body.
    static QByteArray build(const QByteArray &method, const QByteArray &path,
                            const QList<QByteArray> &headerLines = {}, const QByteArray &body = {});

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

} // namespace Keyward::Testing
