#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace Keyward {

// The operating system's CSPRNG (getrandom/urandom via Botan::System_RNG).
class SecureRandom
{
public:
    static void fill(std::uint8_t *out, std::size_t size);
    static QByteArray bytes(std::size_t size); // for non-secret randomness such as salts
};

} // namespace Keyward
