#include "Sha256.h"

#include "SecretString.h"

#include <botan/hash.h>
#include <botan/mem_ops.h>

#include <QtGlobal>

namespace Keyward {

QByteArray Sha256::hash(const char *data, std::size_t size)
{
    try {
        // One per thread, reused: creating it (a registry look-up and an allocation) cost more
        // than hashing a token. final() leaves it reset for the next message.
        thread_local const std::unique_ptr<Botan::HashFunction> sha =
            Botan::HashFunction::create_or_throw("SHA-256");
        sha->update(reinterpret_cast<const std::uint8_t *>(data), size);
        QByteArray digest(qsizetype(sha->output_length()), Qt::Uninitialized);
        sha->final(reinterpret_cast<std::uint8_t *>(digest.data()));
        return digest;
    } catch (const std::exception &e) {
        // Only possible with a broken Botan (the start-up self-test refuses to run then) or out
        // of memory. There is no safe value to return: an empty hash would match nothing and be
        // stored as if valid, so stop here.
        qFatal("SHA-256 failed: %s", e.what());
    }
    return {};
}

QByteArray Sha256::hash(const QByteArray &data)
{
    return hash(data.constData(), std::size_t(data.size()));
}

QByteArray Sha256::hash(const SecretString &secret)
{
    return hash(secret.data(), secret.size());
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return Botan::constant_time_compare(reinterpret_cast<const std::uint8_t *>(a.constData()),
                                        reinterpret_cast<const std::uint8_t *>(b.constData()),
                                        std::size_t(a.size()));
}

} // namespace Keyward
