// The token parser: what every verification starts with, on bytes from anyone.
#include "FuzzSupport.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"
#include "crypto/Sha256.h"

#include <cctype>
#include <string_view>

using Keyward::KeyToken;

namespace {

bool isTokenByte(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The token inside what was trimmed away (ASCII and Unicode white space, none of it a token
// byte): from the first token byte to the last.
std::string_view tokenSpan(std::string_view text)
{
    while (!text.empty() && !isTokenByte(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && !isTokenByte(text.back()))
        text.remove_suffix(1);
    return text;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Keyward::Fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const char *data = reinterpret_cast<const char *>(bytes);
    const KeyToken::Parsed open = KeyToken::parse(data, size);
    const KeyToken::Parsed kw = KeyToken::parse(data, size, QStringLiteral("kw"));
    const Keyward::SecretString secret(data, size);
    const KeyToken::Parsed again = KeyToken::parse(secret, QStringLiteral("kw"));

    FUZZ_CHECK(again.status == kw.status && again.hash == kw.hash);
    FUZZ_CHECK(!KeyToken::describe(kw.status).isEmpty());
    // A prefix to match can only refuse more, never accept what the open parse refused.
    if (kw.isOk())
        FUZZ_CHECK(open.isOk() && open.hash == kw.hash && kw.prefix == QLatin1String("kw"));
    if (open.isOk()) {
        const std::string_view token = tokenSpan(std::string_view(data, size));
        // Accepted means: nothing but the token alphabet inside, the full length, and the hash
        // of exactly the trimmed bytes (what the vault stores).
        for (char c : token)
            FUZZ_CHECK(isTokenByte(c));
        FUZZ_CHECK(token.size() > std::size_t(KeyToken::kBodyLength + KeyToken::kCheckLength));
        FUZZ_CHECK(open.hash == Keyward::Sha256::hash(token.data(), token.size()));
        FUZZ_CHECK(open.hash.size() == 32);
        // The hint shows the prefix, the environment and five characters of the secret.
        const QString hint = KeyToken::hint(secret);
        FUZZ_CHECK(!hint.isEmpty());
        FUZZ_CHECK(hint.size()
                   == qsizetype(token.size()) - (KeyToken::kBodyLength + KeyToken::kCheckLength - 5)
                       + 1);
    } else {
        FUZZ_CHECK(open.hash.isEmpty());
    }
    return 0;
}
