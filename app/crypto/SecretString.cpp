#include "SecretString.h"

#include <botan/mem_ops.h>
#include <botan/secmem.h>

#include <QByteArray>

namespace Keyward {

// secure_vector's allocator scrubs the bytes when the buffer is released, so every copy made
// while growing, and the final buffer, are wiped without us tracking them.
struct SecretString::Private
{
    Botan::secure_vector<char> bytes;
};

SecretString::SecretString()
    : d(std::make_unique<Private>())
{ }

SecretString::SecretString(const char *data, std::size_t size)
    : d(std::make_unique<Private>())
{
    if (data && size > 0)
        d->bytes.assign(data, data + size);
}

SecretString SecretString::fromQString(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    SecretString secret(utf8.constData(), std::size_t(utf8.size()));
    // QByteArray frees without wiping; scrub our temporary copy before it goes.
    Botan::secure_scrub_memory(utf8.data(), std::size_t(utf8.size()));
    return secret;
}

SecretString::~SecretString() = default;

// A moved-from SecretString has no Private; every accessor treats that as empty.
SecretString::SecretString(SecretString &&other) noexcept = default;
SecretString &SecretString::operator=(SecretString &&other) noexcept = default;

const char *SecretString::data() const
{
    // Never hand out nullptr: callers pass this straight to C APIs that expect a string.
    static const char empty[] = "";
    return size() > 0 ? d->bytes.data() : empty;
}

std::size_t SecretString::size() const
{
    return d ? d->bytes.size() : 0;
}

QString SecretString::toQString() const
{
    return QString::fromUtf8(data(), qsizetype(size()));
}

void SecretString::clear()
{
    if (!d)
        return;
    // clear() alone keeps the capacity (and the bytes); swapping releases the buffer, which the
    // secure allocator scrubs. Scrub first anyway so the wipe happens now, not at some later free.
    Botan::secure_scrub_memory(d->bytes.data(), d->bytes.size());
    Botan::secure_vector<char>().swap(d->bytes);
}

} // namespace Keyward
