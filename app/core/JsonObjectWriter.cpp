#include "JsonObjectWriter.h"

#include "DecimalText.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    appendBytes(out, escaped, 6);
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
    appendBytes(out, bytes, size);
}

// A unit that needs nothing done: printable ASCII other than the quote and the backslash.
bool isPlain(char16_t unit)
{
    return unit >= 0x20 && unit < 0x80 && unit != u'"' && unit != u'\\';
}

// How many units from the start are plain.
qsizetype plainAsciiPrefix(const char16_t *units, qsizetype size)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i highBits = _mm_set1_epi16(short(0xFF80));
    const __m128i zero = _mm_setzero_si128();
    const __m128i space = _mm_set1_epi16(0x20);
    const __m128i quote = _mm_set1_epi16('"');
    const __m128i backslash = _mm_set1_epi16('\\');
    for (; i + 8 <= size; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + i));
        // Below 0x80 (no bit above the seventh); among those, a signed compare finds controls.
        const __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(v, highBits), zero);
        const __m128i special =
            _mm_or_si128(_mm_cmplt_epi16(v, space),
                         _mm_or_si128(_mm_cmpeq_epi16(v, quote), _mm_cmpeq_epi16(v, backslash)));
        const unsigned plain = unsigned(_mm_movemask_epi8(_mm_andnot_si128(special, ascii)));
        if (plain != 0xFFFF)
            return i + qsizetype(__builtin_ctz(~plain) / 2);
    }
#endif
    while (i < size && isPlain(units[i]))
        ++i;
    return i;
}

// Writes count plain units as bytes.
void narrow(const char16_t *units, qsizetype count, char *to)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    for (; i + 8 <= count; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + i));
        _mm_storel_epi64(reinterpret_cast<__m128i *>(to + i), _mm_packus_epi16(v, v));
    }
#endif
    for (; i < count; ++i)
        to[i] = char(units[i]);
}

} // namespace

JsonObjectWriter::JsonObjectWriter(QByteArray &out)
    : m_out(out)
{
    appendByte(m_out, '{');
}

void JsonObjectWriter::appendName(const char *name)
{
    // One append for the punctuation and the name together.
    char buffer[64];
    const std::size_t length = std::strlen(name);
    if (length + 4 > sizeof buffer) {
        if (!m_first)
            appendByte(m_out, ',');
        appendByte(m_out, '"');
        appendBytes(m_out, name, qsizetype(length));
        appendBytes(m_out, "\":", 2);
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
    appendBytes(m_out, buffer, qsizetype(size));
}

void JsonObjectWriter::add(const char *name, QStringView value)
{
    appendName(name);
    appendString(m_out, value);
}

void JsonObjectWriter::add(const char *name, qint64 value)
{
    appendName(name);
    appendDecimal(m_out, value);
}

void JsonObjectWriter::add(const char *name, const QStringList &values)
{
    appendName(name);
    appendByte(m_out, '[');
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            appendByte(m_out, ',');
        appendString(m_out, values.at(i));
    }
    appendByte(m_out, ']');
}

void JsonObjectWriter::finish()
{
    appendByte(m_out, '}');
}

void JsonObjectWriter::appendString(QByteArray &out, QStringView text)
{
    const char16_t *units = text.utf16();
    const qsizetype size = text.size();
    // The usual case, a string of plain ASCII, is written whole: both quotes and the text in one
    // resize, the text narrowed eight units at a time. (Unit by unit, with an append for each
    // quote, this was a third of what verify --stdin did for a malformed line.)
    const qsizetype plainPrefix = plainAsciiPrefix(units, size);
    if (plainPrefix == size) {
        const qsizetype at = out.size();
        out.resize(at + size + 2);
        char *to = out.data() + at;
        to[0] = '"';
        narrow(units, size, to + 1);
        to[size + 1] = '"';
        return;
    }
    appendByte(out, '"');
    qsizetype plainStart = 0;
    // Runs of plain ASCII are appended in one go.
    auto flushPlain = [&](qsizetype end) {
        const qsizetype count = end - plainStart;
        if (count <= 0)
            return;
        const qsizetype at = out.size();
        out.resize(at + count); // within the reused capacity, usually
        narrow(units + plainStart, count, out.data() + at);
    };
    for (qsizetype i = plainPrefix; i < size; ++i) {
        const char16_t unit = units[i];
        if (isPlain(unit))
            continue;
        flushPlain(i);
        plainStart = i + 1;
        switch (unit) {
        case u'"':
            appendBytes(out, "\\\"", 2);
            continue;
        case u'\\':
            appendBytes(out, "\\\\", 2);
            continue;
        case u'\n':
            appendBytes(out, "\\n", 2);
            continue;
        case u'\r':
            appendBytes(out, "\\r", 2);
            continue;
        case u'\t':
            appendBytes(out, "\\t", 2);
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
    appendByte(out, '"');
}

} // namespace Keyward
