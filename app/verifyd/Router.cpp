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
        route.routeName = QString::fromUtf8(path.sliced(kAuth.size()));
        if (route.routeName.startsWith(QLatin1Char('/')))
            route.routeName.remove(0, 1);
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
