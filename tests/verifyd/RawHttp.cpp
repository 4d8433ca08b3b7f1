#include "RawHttp.h"

#include <QDeadlineTimer>
#include <QHostAddress>

namespace Keyward::Testing {

RawHttp::RawHttp(quint16 port, const QHostAddress &from)
    : m_socket(std::make_unique<QTcpSocket>())
{
    if (!from.isNull())
        m_socket->bind(from);
    m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    m_socket->waitForConnected(5000);
}

void RawHttp::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->waitForBytesWritten(5000);
}

RawResponse RawHttp::read(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    RawResponse response;
    qsizetype headEnd = -1;
    while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired() || m_socket->state() != QAbstractSocket::ConnectedState
            || !m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        m_buffer += m_socket->readAll();
    }
    m_buffer += m_socket->readAll();
    headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return response;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    response.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                    lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = response.header("content-length").toLongLong();
    m_buffer.remove(0, headEnd + 4);
    while (m_buffer.size() < length && !deadline.hasExpired()
           && m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
        m_buffer += m_socket->readAll();
    response.body = m_buffer.left(length);
    m_buffer.remove(0, qMin(length, m_buffer.size()));
    return response;
}

bool RawHttp::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        m_buffer += m_socket->readAll();
    }
    return m_socket->state() != QAbstractSocket::ConnectedState;
}

QByteArray RawHttp::build(const QByteArray &method, const QByteArray &path,
                          const QList<QByteArray> &headerLines, const QByteArray &body)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &line : headerLines)
        out += line + "\r\n";
    if (!body.isEmpty() || method == "POST")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    return out;
}

} // namespace Keyward::Testing
