#include "HttpResponse.h"

#include "VerifyJson.h"
#include "core/DecimalText.h"
#include "crypto/KeyToken.h"
#include "verify/VerifyResult.h"

#include <array>
#include <utility>

namespace Keyward::Verifyd {

namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");

// RFC 6750: a bare challenge when no key was sent, invalid_token when one was refused.
const QByteArray kChallenge = QByteArrayLiteral("Bearer realm=\"keyward\"");
const QByteArray kInvalidToken =
    QByteArrayLiteral("Bearer realm=\"keyward\", error=\"invalid_token\"");

// The upstream headers an answer for this result cannot carry, because they would be empty.
QByteArray absentHeaders(const VerifyResult &result)
{
    if (result.customer.isEmpty() && result.grants.isEmpty())
        return QByteArrayLiteral("x-keyward-grants, x-keyward-customer");
    if (result.customer.isEmpty())
        return QByteArrayLiteral("x-keyward-customer");
    if (result.grants.isEmpty())
        return QByteArrayLiteral("x-keyward-grants");
    return {};
}

// Static bytes: no allocation for a header every valid answer carries.
QByteArray environmentHeader(Environment environment)
{
    static const QByteArray codes[] = {environmentCode(Environment::Production).toLatin1(),
                                       environmentCode(Environment::Staging).toLatin1(),
                                       environmentCode(Environment::Development).toLatin1()};
    switch (environment) {
    case Environment::Production:
        return codes[0];
    case Environment::Staging:
        return codes[1];
    case Environment::Development:
        return codes[2];
    }
    return environmentCode(environment).toLatin1();
}

} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return entry.second;
    }
    return {};
}

namespace {

// Appends text's UTF-8 with every byte that is not printable ASCII, and '%', percent-encoded.
void appendEncoded(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + 3 * utf8.size());
    for (const char c : utf8) {
        const auto byte = uchar(c);
        if (byte >= 0x20 && byte < 0x7f && byte != '%') {
            out.append(c);
        } else {
            const char escaped[3] = {'%', hex[byte >> 4], hex[byte & 0xf]};
            out.append(escaped, 3);
        }
    }
}

// Appends text as headerValue() writes it. Printable ASCII, what names and grants usually are,
// is narrowed in place; from the first other character on, the rest goes through UTF-8 and
// percent-encoding. (A byte-by-byte append of every 200's name and grants was a twentieth of
// the server's time under wrk.)
void appendHeaderText(QByteArray &out, QStringView text)
{
    const qsizetype at = out.size();
    out.resize(at + text.size());
    char *to = out.data() + at;
    const char16_t *units = text.utf16();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = units[i];
        if (unit < 0x20 || unit >= 0x7f || unit == u'%') {
            out.truncate(at + i);
            appendEncoded(out, text.sliced(i)); // starts at an ASCII boundary: no pair is split
            return;
        }
        to[i] = char(unit);
    }
}

} // namespace

QByteArray ResponseBuilder::headerValue(const QString &text)
{
    QByteArray out;
    appendHeaderText(out, text);
    return out;
}

namespace {

// The values as headerValue() writes each, joined by ','.
void appendHeaderList(QByteArray &out, const QStringList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendHeaderText(out, values.at(i));
    }
}

// The room headerList() needs for ASCII values.
qsizetype listSize(const QStringList &values)
{
    qsizetype size = values.size();
    for (const QString &value : values)
        size += value.size();
    return size;
}

} // namespace

QByteArray ResponseBuilder::headerList(const QStringList &values)
{
    QByteArray out;
    out.reserve(listSize(values)); // at once: growing it value by value reallocated each time
    appendHeaderList(out, values);
    return out;
}

HttpResponse ResponseBuilder::forwardAuth(const VerifyResult &result)
{
    HttpResponse response;
    response.status = result.httpStatus();
    // A 200 has no body: the request goes on to the upstream, which never sees it, and nginx
    // keeps an auth_request upstream connection alive only when the answer has no body (with
    // one it closes the connection after every check: measured 5x slower). A refusal's body is
    // what Traefik shows the client.
    if (!result.isValid()) {
        response.body = result.callerMessage().toUtf8();
        response.body.append('\n');
    }
    if (result.isValid()) {
        // The four values are written into one buffer, each followed by a NUL for
        // libmicrohttpd, and the headers slice it: a buffer each was four allocations for every
        // valid answer. Nothing writes to the buffer once it is sliced.
        QByteArray &bytes = response.headerBytes;
        bytes.reserve(32 + result.keyName.size() + listSize(result.grants)
                      + result.customer.size());
        std::array<std::pair<qsizetype, qsizetype>, 4> spans {};
        const auto write = [&bytes, &spans](int index, const auto &append) {
            const qsizetype start = bytes.size();
            append();
            spans[std::size_t(index)] = {start, bytes.size() - start};
            bytes.append('\0');
        };
        write(0, [&] { appendDecimal(bytes, result.keyId); });
        write(1, [&] { appendHeaderText(bytes, result.keyName); });
        write(2, [&] { appendHeaderList(bytes, result.grants); });
        write(3, [&] { appendHeaderText(bytes, result.customer); });
        const auto slice = [&bytes, &spans](int index) {
            const auto &[start, size] = spans[std::size_t(index)];
            return QByteArray::fromRawData(bytes.constData() + start, size);
        };
        response.addHeader(QByteArrayLiteral("X-Keyward-Key-Id"), slice(0));
        response.addHeader(QByteArrayLiteral("X-Keyward-Key-Name"), slice(1));
        response.addHeader(QByteArrayLiteral("X-Keyward-Grants"), slice(2));
        response.addHeader(QByteArrayLiteral("X-Keyward-Customer"), slice(3));
        response.addHeader(QByteArrayLiteral("X-Keyward-Environment"),
                           environmentHeader(result.environment));
        // libmicrohttpd leaves out a header whose value is empty, so an unscoped key (or one
        // without grants) sends none, and a gateway that only overrides the headers an answer
        // has (Envoy's allowed_upstream_headers) would pass a client's own copy upstream. Envoy
        // removes the headers this names; nginx and Traefik are configured to (docs/verifyd.md).
        if (const QByteArray removed = absentHeaders(result); !removed.isEmpty())
            response.addHeader(QByteArrayLiteral("X-Envoy-Auth-Headers-To-Remove"), removed);
    } else if (response.status == 401) {
        response.addHeader(QByteArrayLiteral("WWW-Authenticate"), kInvalidToken);
    }
    if (const auto seconds = result.retryAfterSeconds())
        response.addHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(*seconds));
    return response;
}

HttpResponse ResponseBuilder::missingKey()
{
    HttpResponse response;
    response.status = 401;
    response.body = QByteArrayLiteral("An API key is required.\n");
    response.addHeader(QByteArrayLiteral("WWW-Authenticate"), kChallenge);
    return response;
}

HttpResponse ResponseBuilder::verifyJson(const VerifyResult &result)
{
    HttpResponse response;
    response.contentType = kJson;
    response.body = VerifyJson::result(result);
    return response;
}

HttpResponse ResponseBuilder::storeError(const QString &message, bool json)
{
    HttpResponse response;
    response.status = 503;
    response.addHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    if (json) {
        response.contentType = kJson;
        response.body = VerifyJson::storeError(message);
    } else {
        // English on purpose, like VerifyResult::callerMessage(): it goes to API clients.
        response.body = QByteArrayLiteral("The key cannot be checked right now. Try again.\n");
    }
    return response;
}

HttpResponse ResponseBuilder::error(int status, const QString &given, bool json)
{
    // Refusals quote what the client sent (an unknown route or environment): a key sent there
    // by mistake goes back only as its hint, as the CLI's errors do (gateways and proxies log
    // bodies).
    const QString message = KeyToken::redact(given);
    HttpResponse response;
    response.status = status;
    if (json) {
        response.contentType = kJson;
        response.body = VerifyJson::error(message);
    } else {
        response.body = message.toUtf8();
        response.body.append('\n');
    }
    return response;
}

} // namespace Keyward::Verifyd
