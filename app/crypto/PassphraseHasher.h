#pragma once

#include <QString>

namespace Keyward {

class SecretString;

// Argon2id passphrase hashing as a PHC string ($argon2id$v=19$m=65536,t=3,p=1$salt$hash).
class PassphraseHasher
{
public:
    static constexpr int kMemoryKiB = 64 * 1024;
    static constexpr int kIterations = 3;
    static constexpr int kParallelism = 1;

    static QString hash(const SecretString &passphrase);
    // Constant-time check; false for a malformed PHC string too.
    static bool verify(const SecretString &passphrase, const QString &phc);
    // Whether phc has the shape and parameters verify() accepts. A stored string that does not
    // was damaged or tampered with: no passphrase can match it.
    static bool isWellFormed(const QString &phc);
};

} // namespace Keyward
