#include "KeyToken.h"

#include "SecureRandom.h"
#include "Sha256.h"
#include "core/Translations.h"

#include <botan/mem_ops.h>
#include <botan/secmem.h>

#include <QRegularExpression>

#include <array>
#include <string_view>

namespace Keyward {

namespace {

constexpr std::size_t kRandomBytes = 32;
constexpr std::size_t kTailLength = KeyToken::kBodyLength + KeyToken::kCheckLength;
constexpr std::size_t kMinPrefixLength = 2;
constexpr std::size_t kMaxPrefixLength = 12;
// Longest environment segment still reported as "unknown environment" rather than garbage.
constexpr std::size_t kMaxEnvironmentLength = 12;

constexpr char kBase62Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Table for the reflected IEEE 802.3 polynomial, as used by zlib, PNG and gzip, so that
// `crc32` from any language reproduces our check characters.
constexpr std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table {};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}
// Slicing by eight: table k gives the CRC of a byte followed by k zero bytes, so eight bytes are
// folded in one step of independent look-ups instead of a chain of eight dependent ones. Every
// verification checks a key's checksum before anything else.
constexpr std::array<std::array<quint32, 256>, 8> makeCrcTables()
{
    std::array<std::array<quint32, 256>, 8> tables {};
    tables[0] = makeCrcTable();
    for (std::size_t k = 1; k < tables.size(); ++k) {
        for (std::size_t n = 0; n < 256; ++n)
            tables[k][n] = (tables[k - 1][n] >> 8) ^ tables[0][tables[k - 1][n] & 0xFFu];
    }
    return tables;
}
constexpr std::array<std::array<quint32, 256>, 8> kCrcTables = makeCrcTables();
constexpr const std::array<quint32, 256> &kCrcTable = kCrcTables[0];

// Four bytes as a little-endian number, whatever the machine's byte order.
quint32 littleEndian32(const unsigned char *bytes)
{
    return quint32(bytes[0]) | quint32(bytes[1]) << 8 | quint32(bytes[2]) << 16
        | quint32(bytes[3]) << 24;
}

// Appends bytes (a big-endian number) in base62, left-padded with '0' to at least width digits.
// Always produces `width` digits before checking for more, so that generating a key takes the
// same time whatever its random bytes are.
void appendBase62(const std::uint8_t *bytes, std::size_t size, int width,
                  Botan::secure_vector<char> &out)
{
    Botan::secure_vector<std::uint8_t> number(bytes, bytes + size);
    Botan::secure_vector<char> digits; // least significant first
    auto isZero = [&number] {
        for (std::uint8_t b : number) {
            if (b != 0)
                return false;
        }
        return true;
    };
    while (int(digits.size()) < width || !isZero()) {
        unsigned remainder = 0;
        for (std::uint8_t &b : number) {
            const unsigned acc = (remainder << 8) | b;
            b = std::uint8_t(acc / 62);
            remainder = acc % 62;
        }
        digits.push_back(kBase62Alphabet[remainder]);
    }
    out.insert(out.end(), digits.rbegin(), digits.rend());
}

void appendChecksum(Botan::secure_vector<char> &token)
{
    const quint32 crc = KeyToken::crc32(token.data(), token.size());
    const std::uint8_t bigEndian[4] = {std::uint8_t(crc >> 24), std::uint8_t(crc >> 16),
                                       std::uint8_t(crc >> 8), std::uint8_t(crc)};
    appendBase62(bigEndian, sizeof bigEndian, KeyToken::kCheckLength, token);
}

bool isAsciiSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// UTF-8 of the non-ASCII white space (and the invisible BOM / zero-width space) that copying from
// web pages, chat and PDF viewers tends to drag along around a key.
constexpr std::array<std::string_view, 21> kUnicodeSpaces = {
    "\xC2\x85",     "\xC2\xA0",     "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82",
    "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88",
    "\xE2\x80\x89", "\xE2\x80\x8A", "\xE2\x80\x8B", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF",
    "\xE2\x81\x9F", "\xE3\x80\x80", "\xEF\xBB\xBF",
};

// Length of the white-space character at the start (or end) of text, 0 if there is none.
std::size_t spaceLengthAt(std::string_view text, bool atEnd)
{
    if (text.empty())
        return 0;
    const unsigned char edge = static_cast<unsigned char>(atEnd ? text.back() : text.front());
    if (isAsciiSpace(edge))
        return 1;
    // Every sequence below starts with a lead byte and ends with a continuation byte, both >= 0x80:
    // an ASCII byte at this end cannot belong to one (the common case, checked on every verify).
    if (edge < 0x80)
        return 0;
    auto matches = [&](std::string_view space) {
        return atEnd
            ? text.size() >= space.size() && text.substr(text.size() - space.size()) == space
            : text.substr(0, space.size()) == space;
    };
    for (std::string_view space : kUnicodeSpaces) {
        if (matches(space))
            return space.size();
    }
    return 0;
}

// Only the outside is trimmed: white space inside a key is an error, not something to forgive.
std::string_view trimmed(std::string_view text)
{
    while (std::size_t n = spaceLengthAt(text, false))
        text.remove_prefix(n);
    while (std::size_t n = spaceLengthAt(text, true))
        text.remove_suffix(n);
    return text;
}

bool isAsciiAlnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isPrefixShaped(std::string_view prefix)
{
    if (prefix.size() < kMinPrefixLength || prefix.size() > kMaxPrefixLength)
        return false;
    for (char c : prefix) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

// The exact lowercase code only: environmentFromCode() is lenient ("prod", any case) for people
// typing on a command line, but a token has one spelling.
std::optional<Environment> environmentInToken(std::string_view code)
{
    // Compared as Latin-1 in place: this runs for every verification, and converting each
    // environment's code to bytes first was three allocations a request.
    const QLatin1String latin1(code.data(), qsizetype(code.size()));
    for (Environment env : kAllEnvironments) {
        if (environmentCode(env) == latin1)
            return env;
    }
    return std::nullopt;
}

struct Segments
{
    std::string_view prefix;
    std::string_view environment;
    std::string_view tail; // body + check
};

// Splits "<prefix>_<env>_<tail>"; nullopt unless there are exactly two underscores.
std::optional<Segments> split(std::string_view token)
{
    const std::size_t first = token.find('_');
    if (first == std::string_view::npos)
        return std::nullopt;
    const std::size_t second = token.find('_', first + 1);
    if (second == std::string_view::npos || token.find('_', second + 1) != std::string_view::npos)
        return std::nullopt;
    return Segments {token.substr(0, first), token.substr(first + 1, second - first - 1),
                     token.substr(second + 1)};
}

// The same digits appendChecksum() appends (base62, big-endian, six digits: 62^6 > 2^32), into a
// stack buffer: verification runs this for every request, and the three secure_vector
// allocations of the general path (each through Botan's locked-memory pool and its mutex) cost
// more than the SHA-256 that follows.
bool checksumMatches(std::string_view token)
{
    const std::string_view covered = token.substr(0, token.size() - KeyToken::kCheckLength);
    quint32 crc = KeyToken::crc32(covered.data(), covered.size());
    char expected[KeyToken::kCheckLength];
    for (int i = KeyToken::kCheckLength - 1; i >= 0; --i) {
        expected[i] = kBase62Alphabet[crc % 62];
        crc /= 62;
    }
    const bool same = Botan::constant_time_compare(
        reinterpret_cast<const std::uint8_t *>(expected),
        reinterpret_cast<const std::uint8_t *>(token.data() + covered.size()),
        KeyToken::kCheckLength);
    Botan::secure_scrub_memory(expected, sizeof expected); // derived from the secret
    return same;
}

// The order matters: each status is the most useful thing to tell someone who pasted this.
KeyToken::ParseStatus classify(std::string_view token, const QString &expectedPrefix,
                               KeyToken::Parsed &result)
{
    using Status = KeyToken::ParseStatus;
    for (char c : token) {
        if (!isAsciiAlnum(c) && c != '_')
            return Status::Malformed; // also NULs, non-ASCII look-alikes and broken UTF-8
    }
    const std::optional<Segments> parts = split(token);
    if (!parts || !isPrefixShaped(parts->prefix) || parts->environment.empty()
        || parts->environment.size() > kMaxEnvironmentLength)
        return Status::Malformed;
    const QLatin1String prefix(parts->prefix.data(), qsizetype(parts->prefix.size()));
    // Another product's key can have any length: judge its prefix before anything else.
    if (!expectedPrefix.isEmpty() && prefix != expectedPrefix) {
        result.prefix = prefix;
        return Status::WrongPrefix;
    }
    // The expected prefix is shared rather than copied: no allocation on the usual path.
    result.prefix = expectedPrefix.isEmpty() ? QString(prefix) : expectedPrefix;
    const std::optional<Environment> env = environmentInToken(parts->environment);
    if (!env)
        return parts->tail.size() == kTailLength ? Status::UnknownEnvironment : Status::Malformed;
    result.environment = *env;
    // "kw_live_" with nothing after it is a key cut short too.
    if (parts->tail.size() < kTailLength)
        return Status::Truncated;
    if (parts->tail.size() > kTailLength)
        return Status::Malformed;
    return checksumMatches(token) ? Status::Ok : Status::ChecksumMismatch;
}

} // namespace

SecretString KeyToken::generate(const QString &prefix, Environment env)
{
    const QByteArray prefixBytes = prefix.toLatin1();
    // Same rule parse() applies, so we never hand out a key we would reject.
    if (!isPrefixShaped(std::string_view(prefixBytes.constData(), std::size_t(prefixBytes.size()))))
        return {};
    const QByteArray envCode = environmentCode(env).toLatin1();

    Botan::secure_vector<char> token;
    token.reserve(std::size_t(prefixBytes.size() + envCode.size()) + 2 + kTailLength);
    token.insert(token.end(), prefixBytes.begin(), prefixBytes.end());
    token.push_back('_');
    token.insert(token.end(), envCode.begin(), envCode.end());
    token.push_back('_');

    Botan::secure_vector<std::uint8_t> random(kRandomBytes);
    SecureRandom::fill(random.data(), random.size());
    appendBase62(random.data(), random.size(), kBodyLength, token);
    appendChecksum(token);
    return SecretString(token.data(), token.size());
}

KeyToken::Parsed KeyToken::parse(const char *data, std::size_t size, const QString &expectedPrefix)
{
    Parsed result;
    if (data && size > kMaxInputBytes) {
        result.status = ParseStatus::Malformed; // judged before trimming: see kMaxInputBytes
        return result;
    }
    const std::string_view token = trimmed(std::string_view(data ? data : "", data ? size : 0));
    if (token.empty()) {
        result.status = ParseStatus::Empty;
        return result;
    }
    result.status = classify(token, expectedPrefix, result);
    if (result.isOk())
        result.hash = Sha256::hash(token.data(), token.size());
    return result;
}

KeyToken::Parsed KeyToken::parse(const SecretString &token, const QString &expectedPrefix)
{
    return parse(token.data(), token.size(), expectedPrefix);
}

QString KeyToken::hint(const SecretString &token)
{
    const std::string_view text = trimmed(std::string_view(token.data(), token.size()));
    const std::optional<Segments> parts = split(text);
    constexpr std::size_t kShownHead = 3;
    constexpr std::size_t kShownTail = 2;
    if (!parts || parts->tail.size() < kShownHead + kShownTail)
        return {};
    const std::size_t headLength = text.size() - parts->tail.size() + kShownHead;
    return QString::fromUtf8(text.data(), qsizetype(headLength)) + QChar(0x2026)
        + QString::fromUtf8(text.data() + text.size() - kShownTail, kShownTail);
}

QString KeyToken::redact(const QString &text)
{
    // _env_ and a body long enough to be a secret (a real one has 49 characters; 16 still
    // leaves most of a key cut short), whatever comes before: the prefix is not needed to find
    // the body, and requiring it let keys glued to other text through (a 12-character limit on
    // the prefix, then a second key whose prefix the first match had swallowed, both found by
    // fuzz_verifyd_request). Hints ("kw_live_3Zq…Cd") do not match, so they pass.
    static const QRegularExpression keyShaped(QStringLiteral(
        "(_[A-Za-z0-9]{1,12}_[A-Za-z0-9]{3})[A-Za-z0-9]{11,}([A-Za-z0-9]{2})(?![A-Za-z0-9])"));
    // A body without its prefix (pasted from the middle of a key, or its prefix cut off): a
    // run of 40 or more letters and digits with upper and lower case and a digit, as base62
    // randomness has and words, single-case hex digests and fingerprints do not; no upper
    // bound, so a body glued to more letters and digits (a second body, a request id) is
    // hidden too. Not a 0x-prefixed run: a mixed-case hex address (an Ethereum customer id).
    // Other base64 (an SSH fingerprint, a JWT's middle) may be shortened too: for a message,
    // erring that way is the safe side. The look-behind lets a match start only where a run
    // starts, so a long run is scanned once, not once per position.
    static const QRegularExpression bodyShaped(QStringLiteral(
        "(?<![A-Za-z0-9])(?!0x)(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[0-9])"
        "([A-Za-z0-9]{3})[A-Za-z0-9]{35,}([A-Za-z0-9]{2})(?![A-Za-z0-9])"));
    const QString hinted = QStringLiteral("\\1") + QChar(0x2026) + QStringLiteral("\\2");
    QString result = text;
    // Cheap tests first: most messages have no underscore and no run that long.
    if (text.contains(QLatin1Char('_')))
        result.replace(keyShaped, hinted);
    if (result.size() >= 40)
        result.replace(bodyShaped, hinted);
    return result;
}

QString KeyToken::describe(ParseStatus status)
{
    // Translated once per thread and language: verify --stdin and the server describe every
    // malformed key they are given.
    constexpr int kStatuses = int(ParseStatus::Truncated) + 1;
    thread_local std::array<CachedTranslation, kStatuses> described;
    const int index = int(status);
    if (index < 0 || index >= kStatuses)
        return describeNow(status);
    return described[std::size_t(index)].get([status] { return describeNow(status); });
}

QString KeyToken::describeNow(ParseStatus status)
{
    switch (status) {
    case ParseStatus::Ok:
        return tr("The key is well-formed.");
    case ParseStatus::Empty:
        return tr("No key was given.");
    case ParseStatus::Malformed:
        return tr("This is not a Keyward key: it does not have the shape "
                  "<prefix>_<live|stg|dev>_<49 letters and digits>.");
    case ParseStatus::WrongPrefix:
        return tr("The key belongs to another vault or product: its prefix does not match.");
    case ParseStatus::UnknownEnvironment:
        return tr("The key names an unknown environment; expected live, stg or dev.");
    case ParseStatus::ChecksumMismatch:
    case ParseStatus::Truncated:
        return tr("The key is malformed: it was not copied in full or was changed.");
    }
    return {};
}

QString KeyToken::base62Encode(const QByteArray &bytes, int width)
{
    Botan::secure_vector<char> out;
    appendBase62(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                 std::size_t(bytes.size()), width, out);
    return QString::fromLatin1(out.data(), qsizetype(out.size()));
}

quint32 KeyToken::crc32(const char *data, std::size_t size)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    quint32 crc = 0xFFFFFFFFu;
    for (; size >= 8; bytes += 8, size -= 8) {
        const quint32 low = crc ^ littleEndian32(bytes);
        const quint32 high = littleEndian32(bytes + 4);
        crc = kCrcTables[7][low & 0xFFu] ^ kCrcTables[6][(low >> 8) & 0xFFu]
            ^ kCrcTables[5][(low >> 16) & 0xFFu] ^ kCrcTables[4][low >> 24]
            ^ kCrcTables[3][high & 0xFFu] ^ kCrcTables[2][(high >> 8) & 0xFFu]
            ^ kCrcTables[1][(high >> 16) & 0xFFu] ^ kCrcTables[0][high >> 24];
    }
    for (; size > 0; ++bytes, --size)
        crc = kCrcTable[(crc ^ *bytes) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

} // namespace Keyward
