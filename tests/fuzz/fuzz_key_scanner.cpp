// check-format's KeyScanner on any bytes: byte 0x01 in the input stands for a real kw key and
// 0x02 for a real acme key (the fuzzer cannot guess a CRC32), so mutations around them explore
// the near-misses. The input is scanned whole and again in chunks it chooses; both must give the
// findings of a simple model (whole [A-Za-z0-9_] words, judged by KeyToken::parse), and no
// finding may carry more of a key than its hint.
#include "FuzzSupport.h"
#include "crypto/KeyScanner.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"

#include <QByteArray>

#include <string>
#include <vector>

using Keyward::KeyScanner;
using Keyward::KeyToken;

namespace {

// A key with fixed body bytes, checked like any other: the same for every run, so that a finding
// can be reproduced.
std::string fixedKey(const char *prefixAndEnv, char fill)
{
    std::string key = prefixAndEnv;
    key += KeyToken::base62Encode(QByteArray(32, fill), KeyToken::kBodyLength).toStdString();
    const quint32 crc = KeyToken::crc32(key.data(), key.size());
    const char bigEndian[4] = {char(crc >> 24), char(crc >> 16), char(crc >> 8), char(crc)};
    key += KeyToken::base62Encode(QByteArray(bigEndian, 4), KeyToken::kCheckLength).toStdString();
    return key;
}

const std::string &kwKey()
{
    static const std::string key = fixedKey("kw_live_", '\x5a');
    return key;
}

const std::string &acmeKey()
{
    static const std::string key = fixedKey("acme_dev_", '\xa5');
    return key;
}

bool isWordByte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

struct Expected
{
    qint64 line;
    qint64 column;
    bool leak;
};

// Only the leaks: whole words, a known prefix, KeyToken::parse says Ok.
std::vector<Expected> model(const std::string &text)
{
    std::vector<Expected> leaks;
    qint64 line = 1;
    qint64 column = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (!isWordByte(c)) {
            if (c == '\n') {
                ++line;
                column = 0;
            } else if ((c & 0xC0) != 0x80) {
                ++column;
            }
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && isWordByte(static_cast<unsigned char>(text[end])))
            ++end;
        const std::string word = text.substr(i, end - i);
        for (const char *prefix : {"kw", "acme"}) {
            if (word.rfind(std::string(prefix) + "_", 0) == 0
                && KeyToken::parse(word.data(), word.size(), QString::fromLatin1(prefix)).isOk())
                leaks.push_back({line, column + 1, true});
        }
        column += qint64(end - i);
        i = end;
    }
    return leaks;
}

std::vector<KeyScanner::Finding> scan(const std::string &text, const std::vector<std::size_t> &cuts)
{
    KeyScanner scanner({QStringLiteral("kw"), QStringLiteral("acme")});
    std::vector<KeyScanner::Finding> findings;
    std::size_t at = 0;
    for (std::size_t cut : cuts) {
        scanner.feed(text.data() + at, cut - at);
        for (KeyScanner::Finding &finding : scanner.takeFindings())
            findings.push_back(std::move(finding));
        at = cut;
    }
    scanner.feed(text.data() + at, text.size() - at);
    scanner.finish();
    for (KeyScanner::Finding &finding : scanner.takeFindings())
        findings.push_back(std::move(finding));
    return findings;
}

bool same(const KeyScanner::Finding &a, const KeyScanner::Finding &b)
{
    return a.line == b.line && a.column == b.column && a.kind == b.kind && a.prefix == b.prefix
        && a.hint == b.hint && a.environment == b.environment;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Keyward::Fuzz::ensureApplication();
    FUZZ_CHECK(KeyToken::parse(kwKey().data(), kwKey().size()).isOk());
    FUZZ_CHECK(KeyToken::parse(acmeKey().data(), acmeKey().size()).isOk());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte chooses the chunk size (1 to 256 bytes), the rest is the text.
    const std::size_t chunk = std::size_t(bytes[0]) + 1;
    std::string text;
    for (size_t i = 1; i < size; ++i) {
        const char c = char(bytes[i]);
        text += c == '\x01' ? kwKey() : c == '\x02' ? acmeKey() : std::string(1, c);
    }
    std::vector<std::size_t> cuts;
    for (std::size_t at = chunk; at < text.size(); at += chunk)
        cuts.push_back(at);

    const std::vector<KeyScanner::Finding> whole = scan(text, {});
    const std::vector<KeyScanner::Finding> pieces = scan(text, cuts);
    FUZZ_CHECK(whole.size() == pieces.size());
    for (std::size_t i = 0; i < whole.size(); ++i)
        FUZZ_CHECK(same(whole[i], pieces[i]));

    const std::vector<Expected> leaks = model(text);
    std::size_t next = 0;
    qint64 previousLine = 0;
    qint64 previousColumn = 0;
    for (const KeyScanner::Finding &finding : whole) {
        // In input order, and each leak where the model puts one.
        FUZZ_CHECK(finding.line > previousLine
                   || (finding.line == previousLine && finding.column > previousColumn));
        previousLine = finding.line;
        previousColumn = finding.column;
        if (finding.isLeak()) {
            FUZZ_CHECK(next < leaks.size());
            FUZZ_CHECK(leaks[next].line == finding.line && leaks[next].column == finding.column);
            ++next;
        }
        // A hint: "<prefix>_<env>_", three characters, "…", two characters; never more.
        FUZZ_CHECK(!finding.hint.isEmpty() && finding.hint.size() <= 12 + 1 + 12 + 1 + 3 + 1 + 2);
        FUZZ_CHECK(finding.hint.at(finding.hint.size() - 3) == QChar(0x2026));
        FUZZ_CHECK(finding.hint.startsWith(finding.prefix + QLatin1Char('_')));
        for (const std::string *key : {&kwKey(), &acmeKey()}) {
            const std::string tail = key->substr(key->rfind('_') + 1);
            for (std::size_t at = 0; at + 6 <= tail.size(); ++at)
                FUZZ_CHECK(!finding.hint.contains(QString::fromStdString(tail.substr(at, 6))));
        }
    }
    FUZZ_CHECK(next == leaks.size());
    return 0;
}
