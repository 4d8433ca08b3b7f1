#pragma once

#include <QCoreApplication>
#include <QString>

namespace Keyward {

// Known-answer tests run at start-up: SHA-256, CRC32, base62, Argon2id, the RNG.
// If any fails, Keyward refuses to run and says why.
class CryptoSelfTest
{
    Q_DECLARE_TR_FUNCTIONS(CryptoSelfTest)
public:
    // Empty on success, else a translated explanation.
    static QString run();
};

} // namespace Keyward
