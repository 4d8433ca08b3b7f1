#pragma once

#include "SecretString.h"
#include "core/Environment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <optional>

namespace Keyward {

// <prefix>_<env>_<body><check>: body = base62 of 32 CSPRNG bytes, always 43 characters;
// check = base62 of CRC32 over everything before it, always 6 characters.
class KeyToken
{
    Q_DECLARE_TR_FUNCTIONS(KeyToken)
public:
    static constexpr int kBodyLength = 43;
    static constexpr int kCheckLength = 6;
    // Longest input parse() looks at. A longer one is Malformed whatever it holds, so that a
    // reader that cuts lines at this length cannot turn "key + many spaces + junk" into a key.
    static constexpr std::size_t kMaxInputBytes = 4096;

    enum class ParseStatus {
        Ok,
        Empty, // nothing but white space
        Malformed, // not shaped like a Keyward key at all
        WrongPrefix, // a key, but of another vault / product
        UnknownEnvironment,
        ChecksumMismatch, // shaped right but altered or not copied in full
        Truncated, // right prefix and env, body too short: not copied in full
        // Last: describe() caches a text per status up to here.
    };

    struct Parsed
    {
        ParseStatus status = ParseStatus::Malformed;
        Environment environment = Environment::Development;
        QString prefix;
        QByteArray hash; // SHA-256 of the trimmed token when status == Ok
        bool isOk() const { return status == ParseStatus::Ok; }
    };

    // A new token from the system CSPRNG. The prefix must satisfy Permissions::validatePrefix.
    static SecretString generate(const QString &prefix, Environment env);
    // Refuses input longer than kMaxInputBytes (Malformed), then trims surrounding white space
    // and checks shape, prefix (if given) and checksum.
    // Input is raw bytes (UTF-8) so that NULs and odd encodings are judged, not lost.
    static Parsed parse(const char *data, std::size_t size, const QString &expectedPrefix = {});
    static Parsed parse(const SecretString &token, const QString &expectedPrefix = {});
    // The non-secret hint shown in tables: "kw_live_3Zq…Cd".
    static QString hint(const SecretString &token);
    // text with everything shaped like a key (even one cut short or altered) replaced by its
    // hint, for messages that echo what someone typed: a key given in the wrong place must not
    // end up in a terminal, a log or an API client's answer.
    static QString redact(const QString &text);
    // A translated sentence for people ("The key was not copied in full …").
    static QString describe(ParseStatus status);

    // Exposed for tests and the self-test.
    static QString base62Encode(const QByteArray &bytes, int width);
    static quint32 crc32(const char *data, std::size_t size);

private:
    static QString describeNow(ParseStatus status); // describe() without its cache
};

} // namespace Keyward
