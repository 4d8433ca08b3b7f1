#pragma once

#include <QByteArrayView>
#include <QString>

namespace Keyward::Verifyd {

// Which endpoint a method and path address. Paths are matched exactly (no query string: MHD
// hands it over separately).
struct Route
{
    enum class Endpoint { ForwardAuth, VerifyJson, Health, Metrics, NotFound };
    Endpoint endpoint = Endpoint::NotFound;
    QString routeName; // ForwardAuth: the NAME of /v1/auth/NAME[/...], empty for /v1/auth
    // The method is not one the endpoint answers (405 with this Allow header).
    const char *allow = nullptr;
};

class Router
{
public:
    static Route route(QByteArrayView method, QByteArrayView path);
};

} // namespace Keyward::Verifyd
