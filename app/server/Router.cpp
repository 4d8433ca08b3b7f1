#include "Router.h"

namespace Keyward::Verifyd {

Route Router::route(QByteArrayView method, QByteArrayView path)
{
    Route route;
    // Forward auth: gateways send the client's method (Traefik, Envoy) or a GET (nginx), so
    // every method is answered.
    static constexpr QByteArrayView kAuth("/v1/auth");
    if (path == kAuth || (path.startsWith(kAuth) && path.at(kAuth.size()) == '/')) {
        route.endpoint = Route::Endpoint::ForwardAuth;
        // The first segment names the route; the rest is ignored, because Envoy's ext_authz
        // appends the original path to its path_prefix (/v1/auth/orders/api/items).
        QByteArrayView rest = path.sliced(kAuth.size());
        if (rest.startsWith('/'))
            rest = rest.sliced(1);
        if (const qsizetype slash = rest.indexOf('/'); slash >= 0)
            rest = rest.first(slash);
        route.routeName = QString::fromUtf8(rest);
        return route;
    }
    const bool get = method == "GET" || method == "HEAD";
    if (path == "/v1/keys/verify") {
        route.endpoint = Route::Endpoint::VerifyJson;
        if (method != "POST")
            route.allow = "POST";
        return route;
    }
    if (path == "/healthz" || path == "/metrics") {
        route.endpoint = path == "/healthz" ? Route::Endpoint::Health : Route::Endpoint::Metrics;
        if (!get)
            route.allow = "GET, HEAD";
        return route;
    }
    return route;
}

} // namespace Keyward::Verifyd
