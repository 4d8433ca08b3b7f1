#pragma once

#include "core/Environment.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Keyward {

// What a request presenting a key asks for, as the library, keywardctl and keyward-verifyd all
// describe it. The token itself travels separately, as raw bytes, so it never lives in a QString.
// keyward-verifyd builds one per request by aggregate initialisation: keep the order.
struct VerifyRequest
{
    Environment environment = Environment::Production;
    QStringList requiredGrants; // all needed; surrounding space and repeats are forgiven
    // The customer the request acts for; empty when the request names none.
    QString customer;
    // Who presented the key, for the request log (an address or a service name).
    QString source;
    // The address the request came from, for per-key IP allowlists; null when unknown.
    QHostAddress clientAddress;
};

} // namespace Keyward
