#pragma once

#include "core/Environment.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

namespace Keyward {

// Finds Keyward keys in any text (source files, diffs, logs) without a vault, for secret
// scanning: every word of [A-Za-z0-9_] that starts with "<prefix>_" is judged by KeyToken::parse,
// so a key is found exactly when its CRC32 check matches. The same rule as the published
// regular expression (docs/key-format.md): a key is a whole word, so "x_kw_live_..." or a key
// followed by more letters is not one.
// Streams: feed() takes chunks of any size split anywhere, and memory stays bounded whatever the
// line length. Findings carry KeyToken::hint(), never the key; the word buffer is wiped.
class KeyScanner
{
    Q_DECLARE_TR_FUNCTIONS(KeyScanner)
public:
    enum class Kind {
        Key, // a well-formed key with a matching check: a leak
        ChecksumMismatch, // the right shape, wrong check characters: a placeholder or a changed key
        Truncated, // prefix, environment and at least kMinNoteTail characters, but too short
        UnknownEnvironment, // prefix and full length, but not live, stg or dev
    };
    struct Finding
    {
        qint64 line = 0; // 1-based
        qint64 column = 0; // 1-based, in characters (UTF-8 code points) from the line start
        Kind kind = Kind::Key;
        QString prefix;
        std::optional<Environment> environment; // unset for UnknownEnvironment
        QString hint; // "kw_live_3Zq…Cd"
        bool isLeak() const { return kind == Kind::Key; }
    };

    // Longest word looked at: a 12-character prefix, "live" and the 49-character tail, with room
    // to spare. A longer word is not a key and is skipped without being kept.
    static constexpr std::size_t kMaxWord = 80;
    // A word cut shorter than this after "<prefix>_<env>_" is not worth a note: "kw_live_xxx" in
    // documentation. The same length KeyToken::redact() starts hiding at.
    static constexpr std::size_t kMinNoteTail = 16;

    // prefixes: each as Permissions::validatePrefix accepts ("kw").
    explicit KeyScanner(const QStringList &prefixes);
    ~KeyScanner();
    KeyScanner(const KeyScanner &) = delete;
    KeyScanner &operator=(const KeyScanner &) = delete;

    void feed(const char *data, std::size_t size);
    // The end of the input: judges a word the input ends with.
    void finish();
    // The findings since the last call, in input order.
    std::vector<Finding> takeFindings();

    // Stable names for JSON: "key", "checksum_mismatch", "truncated", "unknown_environment".
    static QString kindName(Kind kind);
    // A translated sentence about a finding, for people.
    static QString describe(Kind kind);

private:
    void endWord();

    std::vector<QByteArray> m_prefixes;
    std::array<char, kMaxWord> m_word {};
    std::size_t m_wordLength = 0;
    bool m_wordTooLong = false;
    bool m_inWord = false;
    qint64 m_line = 1;
    qint64 m_column = 0; // characters of the current line seen so far
    qint64 m_wordLine = 0;
    qint64 m_wordColumn = 0;
    std::vector<Finding> m_findings;
};

} // namespace Keyward
