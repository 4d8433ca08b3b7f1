#include "JsonObjectWriter.h"

#include <cstring>

namespace Keyward {

namespace {

void appendEscape(QByteArray &out, char16_t unit)
{
    static const char hex[] = "0123456789abcdef";
    const char escaped[6] = {'\\',
                             'u',
                             hex[(unit >> 12) & 0xf],
                             hex[(unit >> 8) & 0xf],
                             hex[(unit >> 4) & 0xf],
                             hex[unit & 0xf]};
    out.append(escaped, 6);
}

void appendUtf8(QByteArray &out, char32_t code)
{
    char bytes[4];
    int size = 0;
    if (code < 0x80) {
        bytes[size++] = char(code);
    } else if (code < 0x800) {
        bytes[size++] = char(0xC0 | (code >> 6));
        bytes[size++] = char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        bytes[size++] = char(0xE0 | (code >> 12));
        bytes[size++] = char(0x80 | ((code >> 6) & 0x3F));
        bytes[size++] = char(0x80 | (code & 0x3F));
    } else {
        bytes[size++] = char(0xF0 | (code >> 18));
        bytes[size++] = char(0x80 | ((code >> 12) & 0x3F));
        bytes[size++] = char(0x80 | ((code >> 6) & 0x3F));
        bytes[size++] = char(0x80 | (code & 0x3F));
    }
    out.append(bytes, size);
}

} // namespace

JsonObjectWriter::JsonObjectWriter(QByteArray &out)
    : m_out(out)
{
    m_out.append('{');
}

void JsonObjectWriter::appendName(const char *name)
{
    // One append: QByteArray::append(char) is an insert() call each (profiled in the pipeline).
    char buffer[64];
    const std::size_t length = std::strlen(name);
    if (length + 4 > sizeof buffer) {
        m_out.append(m_first ? "\"" : ",\"");
        m_out.append(name, qsizetype(length));
        m_out.append("\":", 2);
        m_first = false;
        return;
    }
    std::size_t size = 0;
    if (!m_first)
        buffer[size++] = ',';
    m_first = false;
    buffer[size++] = '"';
    std::memcpy(buffer + size, name, length);
    size += length;
    buffer[size++] = '"';
    buffer[size++] = ':';
    m_out.append(buffer, qsizetype(size));
}

void JsonObjectWriter::add(const char *name, QStringView value)
{
    appendName(name);
    appendString(m_out, value);
}

void JsonObjectWriter::add(const char *name, qint64 value)
{
    appendName(name);
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
    m_out.append(first, qsizetype(digits + sizeof digits - first));
}

void JsonObjectWriter::add(const char *name, const QStringList &values)
{
    appendName(name);
    m_out.append('[');
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_out.append(',');
        appendString(m_out, values.at(i));
    }
    m_out.append(']');
}

void JsonObjectWriter::finish()
{
    m_out.append('}');
}

void JsonObjectWriter::appendString(QByteArray &out, QStringView text)
{
    out.append('"');
    const char16_t *units = text.utf16();
    const qsizetype size = text.size();
    qsizetype plainStart = 0;
    // Runs of plain ASCII (the usual case) are appended in one go.
    auto flushPlain = [&](qsizetype end) {
        const qsizetype count = end - plainStart;
        if (count <= 0)
            return;
        const qsizetype at = out.size();
        out.resize(at + count); // within the reused capacity, usually
        char *to = out.data() + at;
        for (qsizetype j = 0; j < count; ++j)
            to[j] = char(units[plainStart + j]);
    };
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = units[i];
        if (unit >= 0x20 && unit < 0x80 && unit != u'"' && unit != u'\\')
            continue;
        flushPlain(i);
        plainStart = i + 1;
        switch (unit) {
        case u'"':
            out.append("\\\"", 2);
            continue;
        case u'\\':
            out.append("\\\\", 2);
            continue;
        case u'\n':
            out.append("\\n", 2);
            continue;
        case u'\r':
            out.append("\\r", 2);
            continue;
        case u'\t':
            out.append("\\t", 2);
            continue;
        default:
            break;
        }
        if (unit < 0x20 || unit == 0x2028 || unit == 0x2029) {
            appendEscape(out, unit);
        } else if (QChar::isHighSurrogate(unit) && i + 1 < size
                   && QChar::isLowSurrogate(units[i + 1])) {
            appendUtf8(out, QChar::surrogateToUcs4(unit, units[i + 1]));
            ++i;
            plainStart = i + 1;
        } else if (QChar::isSurrogate(unit)) {
            appendUtf8(out, 0xFFFD); // half a character is not text
        } else {
            appendUtf8(out, unit);
        }
    }
    flushPlain(size);
    out.append('"');
}

} // namespace Keyward
