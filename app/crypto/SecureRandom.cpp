#include "SecureRandom.h"

#include <botan/system_rng.h>

#include <QtGlobal>

namespace Keyward {

void SecureRandom::fill(std::uint8_t *out, std::size_t size)
{
    if (size == 0)
        return;
    try {
        // The process-wide System_RNG is thread-safe: it asks the kernel every time.
        Botan::system_rng().randomize(out, size);
    } catch (const std::exception &e) {
        // Carrying on without randomness would mint guessable keys and salts; nothing a caller
        // could do with an error is safer than stopping.
        qFatal("The system random number generator failed: %s", e.what());
    }
}

QByteArray SecureRandom::bytes(std::size_t size)
{
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    fill(reinterpret_cast<std::uint8_t *>(out.data()), size);
    return out;
}

} // namespace Keyward
