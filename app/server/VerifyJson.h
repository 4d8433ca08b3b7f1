#pragma once

#include <QByteArray>
#include <QString>

namespace Keyward {
struct VerifyResult;
} // namespace Keyward

namespace Keyward::Verifyd {

// The JSON the server answers with. A verification's is the object `keywardctl verify --json`
// prints, written by the same code (verify/VerifyResultJson; test_verifyd compares the two).
class VerifyJson
{
public:
    static QByteArray result(const VerifyResult &result);
    // {"outcome":"Error","http":503,"reason":...}: the store could not answer.
    static QByteArray storeError(const QString &message);
    static QByteArray error(const QString &message);
};

} // namespace Keyward::Verifyd
