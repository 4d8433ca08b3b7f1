#pragma once

#include <QByteArray>

#include <cstring>

namespace Keyward {

// Appends with one resize and one copy. QByteArray::append is an out-of-line insert() that
// checks for aliasing and where to grow on every call; for the few bytes of a JSON line's names,
// numbers and punctuation that was a tenth of what verify --stdin spent on a cached key.
// data must not point into out.
inline void appendBytes(QByteArray &out, const char *data, qsizetype size)
{
    const qsizetype at = out.size();
    out.resize(at + size); // within the reused capacity, usually
    std::memcpy(out.data() + at, data, std::size_t(size));
}

inline void appendByte(QByteArray &out, char byte)
{
    const qsizetype at = out.size();
    out.resize(at + 1);
    out.data()[at] = byte;
}

} // namespace Keyward
