#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QPair>
#include <QStringList>
#include <QVarLengthArray>

namespace Keyward {
struct VerifyResult;
} // namespace Keyward

namespace Keyward::Verifyd {

// One answer, independent of the HTTP library that sends it.
struct HttpResponse
{
    int status = 200;
    // Inline: a response is built for every request, and none has more than a few headers.
    QVarLengthArray<QPair<QByteArray, QByteArray>, 8> headers;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8"); // sent with a body
    // Bytes header values may point into (QByteArray::fromRawData), each followed by a NUL:
    // kept with the response, never written to once sliced (it moves and copies with it).
    QByteArray headerBytes;

    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
    }
    QByteArray header(const QByteArray &name) const;
};

// Builds the answers. What a caller sees is only VerifyResult's caller part (status,
// Retry-After, callerMessage); reasons and key details go only into the JSON API's body (for the
// service that calls it) and the headers a gateway passes upstream, never back to the client.
class ResponseBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ResponseBuilder)
public:
    // Forward auth: the status is the verdict. On 200 X-Keyward-Key-Id, -Key-Name, -Grants,
    // -Customer and -Environment for the upstream; 401 with WWW-Authenticate; 429 with
    // Retry-After when waiting helps.
    static HttpResponse forwardAuth(const VerifyResult &result);
    // Forward auth without any key in the request.
    static HttpResponse missingKey();
    // JSON API: 200 with the object `keywardctl verify --json` prints.
    static HttpResponse verifyJson(const VerifyResult &result);
    // The store could not answer: 503, "try again", never "your key is bad". The message is for
    // the JSON API's service; forward auth gets a generic text.
    static HttpResponse storeError(const QString &message, bool json);
    // 400, 404, 405, 413, ...: a short text, or {"error": ...} for the JSON API.
    static HttpResponse error(int status, const QString &message, bool json);

    // A header value from text that may hold anything (key names): printable ASCII is kept,
    // everything else (UTF-8, control characters, '%') is percent-encoded, so a name can
    // neither split a header nor be misread.
    static QByteArray headerValue(const QString &text);
    // The values as headerValue() writes each, joined by ','.
    static QByteArray headerList(const QStringList &values);
};

} // namespace Keyward::Verifyd
