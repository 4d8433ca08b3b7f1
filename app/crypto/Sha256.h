#pragma once

#include <QByteArray>

#include <cstddef>

namespace Keyward {

class SecretString;

class Sha256
{
public:
    static QByteArray hash(const char *data, std::size_t size); // 32 raw bytes
    static QByteArray hash(const QByteArray &data);
    static QByteArray hash(const SecretString &secret);
};

// Constant-time comparison of two byte strings (length may leak, content does not).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace Keyward
