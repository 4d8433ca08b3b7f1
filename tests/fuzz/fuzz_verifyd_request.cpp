// keyward-verifyd's request handling: method, path, headers and body in, verdict and response
// out (RequestHandler, the part behind libmicrohttpd), on a real vault file with real keys.
//
// Input: the method, the path and "Name: value" header lines, one per line, then an empty line
// and the body. @LIVE@, @DEV@ and @REVOKED@ anywhere stand for real tokens of this vault, so that
// the fuzzer reaches the paths behind a well-formed key.
#include "FuzzSupport.h"
#include "core/Clock.h"
#include "server/Metrics.h"
#include "server/RequestHandler.h"
#include "server/ServerConfig.h"
#include "server/VerifyService.h"
#include "store/SqlKeyStore.h"

#include <QTemporaryDir>

#include <memory>

using namespace Keyward;
using namespace Keyward::Verifyd;

namespace {

struct Vault
{
    QTemporaryDir dir;
    ServerConfig config;
    QByteArray live, dev, revoked; // tokens
    std::unique_ptr<VerifyService> service;
    std::unique_ptr<Metrics> metrics;
    std::unique_ptr<RequestHandler> handler;
};

Vault *g_vault = nullptr;

QByteArray issue(SqlKeyStore &store, const QString &name, Environment env, bool revoke)
{
    NewKeyRequest request;
    request.name = name;
    request.environment = env;
    request.role = Role::Developer;
    request.grants = store.grantCatalogue().roleGrants(Role::Developer);
    request.customer = QStringLiteral("acme");
    auto issued = store.createKey(request);
    FUZZ_CHECK(issued);
    if (revoke)
        FUZZ_CHECK(store.revokeKey(issued->key.id, issued->key.version));
    return QByteArray(issued->token.data(), qsizetype(issued->token.size()));
}

void setUp()
{
    g_vault = new Vault;
    Vault &v = *g_vault;
    FUZZ_CHECK(v.dir.isValid());
    const QString path = v.dir.filePath(QStringLiteral("vault.keyward"));
    const char passphrase[] = "correct horse battery";
    {
        auto store = SqlKeyStore::createVault(path, QStringLiteral("kw"), QStringLiteral("alice"),
                                              SecretString(passphrase, sizeof passphrase - 1),
                                              SystemClock::instance());
        FUZZ_CHECK(store);
        v.live = issue(**store, QStringLiteral("live key"), Environment::Production, false);
        v.dev = issue(**store, QStringLiteral("dev key"), Environment::Development, false);
        v.revoked = issue(**store, QStringLiteral("revoked"), Environment::Production, true);
    }
    v.config.vaultPath = path;
    v.config.requestHeaders = true; // reach the gateway headers too
    v.config.trustedProxies = {QHostAddress::parseSubnet(QStringLiteral("127.0.0.0/8"))};
    auto route = ServerConfigLoader::parseRoute(QStringLiteral("dev"), QStringLiteral("keys:read"),
                                                QStringLiteral("X-Customer"));
    FUZZ_CHECK(route);
    v.config.routes.insert(QStringLiteral("internal"), *route);
    auto service =
        VerifyService::open(StoreSettings {path, {}, 200, 2000}, SystemClock::instance());
    FUZZ_CHECK(service);
    v.service = std::move(service).value();
    v.metrics = std::make_unique<Metrics>();
    v.handler = std::make_unique<RequestHandler>(*v.service, *v.metrics);
}

class Headers final : public HeaderSource
{
public:
    QList<QPair<QByteArray, QByteArray>> lines;
    // Like MHD: the first header of that name, any case.
    QByteArrayView header(const char *name) const override
    {
        for (const auto &[key, value] : lines) {
            if (key.compare(QByteArrayView(name), Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    void forEachLine(const char *name,
                     const std::function<void(QByteArrayView)> &each) const override
    {
        for (const auto &[key, value] : lines) {
            if (key.compare(QByteArrayView(name), Qt::CaseInsensitive) == 0)
                each(value);
        }
    }
};

bool hasLineBreakOrNul(const QByteArray &text)
{
    return text.contains('\r') || text.contains('\n') || text.contains('\0');
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Keyward::Fuzz::ensureApplication();
    setUp();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Vault &v = *g_vault;
    QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    input.replace("@LIVE@", v.live).replace("@DEV@", v.dev).replace("@REVOKED@", v.revoked);

    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    const QByteArray body = headEnd < 0 ? QByteArray() : input.mid(headEnd + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray method = lines.value(0);
    const QByteArray path = lines.value(1);
    Headers headers;
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            headers.lines.append({lines[i].left(colon), lines[i].mid(colon + 1).trimmed()});
    }

    const IncomingRequest request {
        method, path, headers, body, QHostAddress(QHostAddress::LocalHost), QString()};
    const HttpResponse response = v.handler->handle(request, v.config);

    static const int known[] = {200, 400, 401, 403, 404, 405, 429, 503};
    FUZZ_CHECK(std::find(std::begin(known), std::end(known), response.status) != std::end(known));
    FUZZ_CHECK(!hasLineBreakOrNul(response.contentType));
    for (const auto &[name, value] : response.headers) {
        // libmicrohttpd sends these as they are: a line break would split the response.
        FUZZ_CHECK(!name.isEmpty() && !hasLineBreakOrNul(name) && !hasLineBreakOrNul(value));
    }
    for (const QByteArray &token : {v.live, v.dev, v.revoked}) {
        // A key sent in a header or the body is never echoed (404s quote the path, which is the
        // client's own request line).
        const QByteArray secret = token.mid(8);
        if (path.contains(secret))
            continue;
        // A key typed as a required grant is redacted in "Missing: ..." too (KeyToken::redact).
        for (const auto &header : response.headers)
            FUZZ_CHECK(!header.second.contains(secret));
        if (path.startsWith("/v1/auth"))
            FUZZ_CHECK(!response.body.contains(secret));
    }
    // Usage is written by the recorder's timer on the event loop; let it run now and then.
    static unsigned calls = 0;
    if (++calls % 512 == 0)
        QCoreApplication::processEvents();
    return 0;
}
