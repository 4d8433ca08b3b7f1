#pragma once

#include <QByteArray>
#include <QString>

namespace Keyward {
struct VerifyResult;
} // namespace Keyward

namespace Keyward::Verifyd {

// The JSON a verification is answered with: the same object `keywardctl verify --json` prints
// (see app/cli/VerifyCommand.cpp; test_verifyd compares the two), in one place so that a faster
// writer can replace it.
class VerifyJson
{
public:
    static QByteArray result(const VerifyResult &result);
    // {"outcome":"Error","http":503,"reason":...}: the store could not answer.
    static QByteArray storeError(const QString &message);
    static QByteArray error(const QString &message);
};

} // namespace Keyward::Verifyd
