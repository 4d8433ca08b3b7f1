#include "KeyScanner.h"

#include "KeyToken.h"
#include "SecretString.h"

#include <botan/mem_ops.h>

#include <algorithm>

namespace Keyward {

namespace {

bool isWordByte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isUtf8Continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

} // namespace

KeyScanner::KeyScanner(const QStringList &prefixes)
{
    for (const QString &prefix : prefixes)
        m_prefixes.push_back(prefix.toLatin1());
}

KeyScanner::~KeyScanner()
{
    Botan::secure_scrub_memory(m_word.data(), m_word.size());
}

void KeyScanner::feed(const char *data, std::size_t size)
{
    for (std::size_t i = 0; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        if (isWordByte(c)) {
            if (!m_inWord) {
                m_inWord = true;
                m_wordLine = m_line;
                m_wordColumn = m_column + 1;
            }
            if (m_wordLength < kMaxWord)
                m_word[m_wordLength++] = char(c);
            else
                m_wordTooLong = true;
        } else if (m_inWord) {
            endWord();
        }
        if (c == '\n') {
            ++m_line;
            m_column = 0;
        } else if (!isUtf8Continuation(c)) {
            ++m_column;
        }
    }
}

void KeyScanner::finish()
{
    if (m_inWord)
        endWord();
}

void KeyScanner::endWord()
{
    const std::size_t length = m_wordLength;
    const bool tooLong = m_wordTooLong;
    m_inWord = false;
    m_wordLength = 0;
    m_wordTooLong = false;
    if (tooLong || length == 0)
        return Botan::secure_scrub_memory(m_word.data(), m_word.size());

    const char *word = m_word.data();
    const char *underscore = std::find(word, word + length, '_');
    const QByteArrayView head(word, underscore - word);
    const auto prefix = std::find_if(m_prefixes.begin(), m_prefixes.end(),
                                     [&head](const QByteArray &p) { return head == p; });
    if (underscore == word + length || prefix == m_prefixes.end()) {
        Botan::secure_scrub_memory(m_word.data(), length);
        return;
    }
    // After "<prefix>_<env>_": what a cut key has left (nothing when there is no second '_').
    const char *second = std::find(underscore + 1, word + length, '_');
    const std::size_t tailLength =
        second == word + length ? 0 : std::size_t(word + length - second) - 1;
    const SecretString token(word, length);
    Botan::secure_scrub_memory(m_word.data(), length);
    const QString expected = QString::fromLatin1(*prefix);
    const KeyToken::Parsed parsed = KeyToken::parse(token, expected);

    Finding finding;
    finding.line = m_wordLine;
    finding.column = m_wordColumn;
    finding.prefix = expected;
    finding.environment = parsed.environment;
    switch (parsed.status) {
    case KeyToken::ParseStatus::Ok:
        finding.kind = Kind::Key;
        break;
    case KeyToken::ParseStatus::ChecksumMismatch:
        finding.kind = Kind::ChecksumMismatch;
        break;
    case KeyToken::ParseStatus::Truncated:
        if (tailLength < kMinNoteTail)
            return;
        finding.kind = Kind::Truncated;
        break;
    case KeyToken::ParseStatus::UnknownEnvironment:
        finding.kind = Kind::UnknownEnvironment;
        finding.environment.reset();
        break;
    default:
        return; // not shaped like a key: another identifier that happens to start with "kw_"
    }
    finding.hint = KeyToken::hint(token);
    m_findings.push_back(std::move(finding));
}

std::vector<KeyScanner::Finding> KeyScanner::takeFindings()
{
    std::vector<Finding> findings;
    findings.swap(m_findings);
    return findings;
}

QString KeyScanner::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Key:
        return QStringLiteral("key");
    case Kind::ChecksumMismatch:
        return QStringLiteral("checksum_mismatch");
    case Kind::Truncated:
        return QStringLiteral("truncated");
    case Kind::UnknownEnvironment:
        return QStringLiteral("unknown_environment");
    }
    return {};
}

QString KeyScanner::describe(Kind kind)
{
    switch (kind) {
    case Kind::Key:
        return tr("a Keyward key with a valid check: revoke it in the vault and remove it from "
                  "the file and its history");
    case Kind::ChecksumMismatch:
        return tr("shaped like a Keyward key, but its check characters are wrong (a placeholder "
                  "or a changed key); not counted as a leak");
    case Kind::Truncated:
        return tr("the start of a Keyward key, cut short; not counted as a leak");
    case Kind::UnknownEnvironment:
        return tr("shaped like a Keyward key, but names an unknown environment; not counted as "
                  "a leak");
    }
    return {};
}

} // namespace Keyward
