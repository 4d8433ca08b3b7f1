#include "RequestCredentials.h"

#include "ServerConfig.h"

namespace Keyward::Verifyd {

QByteArrayView RequestCredentials::key(QByteArrayView authorization, QByteArrayView apiKey)
{
    static constexpr QByteArrayView kBearer("bearer ");
    const QByteArrayView header = authorization.trimmed();
    if (header.size() > kBearer.size()
        && qstrnicmp(header.data(), kBearer.data(), kBearer.size()) == 0) {
        const QByteArrayView token = header.sliced(kBearer.size()).trimmed();
        if (!token.isEmpty())
            return token;
    }
    return apiKey.trimmed();
}

QHostAddress RequestCredentials::normalized(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4)
            return QHostAddress(v4);
    }
    return address;
}

QHostAddress RequestCredentials::clientAddress(const QHostAddress &peer,
                                               QByteArrayView forwardedFor,
                                               const ServerConfig &config)
{
    QHostAddress client = normalized(peer);
    if (forwardedFor.isEmpty() || !config.isTrustedProxy(client))
        return client;
    // Walk from the right: each hop appended the address it saw. Stop at the first one not in
    // our trusted proxies; a malformed entry ends the walk at the last address we can vouch for.
    qsizetype end = forwardedFor.size();
    while (end > 0) {
        const qsizetype comma = forwardedFor.first(end).lastIndexOf(',');
        const QByteArrayView item = forwardedFor.sliced(comma + 1, end - comma - 1).trimmed();
        end = comma < 0 ? 0 : comma;
        QHostAddress hop;
        if (item.isEmpty() || !hop.setAddress(QString::fromLatin1(item)))
            return client;
        client = normalized(hop);
        if (!config.isTrustedProxy(client))
            return client;
    }
    return client;
}

} // namespace Keyward::Verifyd
