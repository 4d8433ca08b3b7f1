#pragma once

#include "ByteAppend.h"

#include <QByteArray>

namespace Keyward {

// Appends value in decimal, with no buffer of its own on the heap (QByteArray::number makes
// one): for numbers written with every answer (JSON lines, response headers).
inline void appendDecimal(QByteArray &out, qint64 value)
{
    // Written backwards from the end of the buffer, then appended in one go.
    char digits[24];
    char *first = digits + sizeof digits;
    // Two's complement: the magnitude of the smallest qint64 fits only in an unsigned.
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--first = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        *--first = '-';
    appendBytes(out, first, qsizetype(digits + sizeof digits - first));
}

} // namespace Keyward
