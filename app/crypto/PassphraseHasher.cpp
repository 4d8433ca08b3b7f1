#include "PassphraseHasher.h"

#include "SecretString.h"

#include <botan/argon2.h>
#include <botan/system_rng.h>

#include <QRegularExpression>
#include <QtGlobal>

namespace Keyward {

namespace {

constexpr std::uint8_t kArgon2id = 2; // Botan's variant number: 0 = d, 1 = i, 2 = id
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

// Upper bounds for what verify() will compute. A PHC string comes from the vault file, which an
// attacker may have written: without a ceiling, "m=4294967295" would make signing in allocate
// terabytes or spin for hours.
constexpr quint64 kMaxMemoryKiB = 1024 * 1024; // 1 GiB
constexpr quint64 kMaxIterations = 64;
constexpr quint64 kMaxParallelism = 16;

struct PhcParameters
{
    quint64 memoryKiB = 0;
    quint64 iterations = 0;
    quint64 parallelism = 0;
};

// Accepts only the exact shape Botan writes for Argon2id: unpadded standard base64, a salt of
// at least 8 bytes and a hash of at least 16. Anything else (another variant, version, extra
// fields) is refused rather than handed to Botan to interpret.
std::optional<PhcParameters> parsePhc(const QString &phc)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QStringLiteral("\\$argon2id\\$v=19\\$m=([0-9]{1,10}),t=([0-9]{1,10}),p=([0-9]{1,3})"
                       "\\$[A-Za-z0-9+/]{11,86}\\$[A-Za-z0-9+/]{22,171}")));
    const QRegularExpressionMatch match = pattern.match(phc);
    if (!match.hasMatch())
        return std::nullopt;
    return PhcParameters {match.captured(1).toULongLong(), match.captured(2).toULongLong(),
                          match.captured(3).toULongLong()};
}

// Refuses parameters weaker than ours, so that whoever can write the vault cannot swap in a
// cheap hash of a passphrase they chose (a downgrade), and ones too costly to compute.
bool isAcceptable(const PhcParameters &params)
{
    return params.memoryKiB >= quint64(PassphraseHasher::kMemoryKiB)
        && params.memoryKiB <= kMaxMemoryKiB
        && params.iterations >= quint64(PassphraseHasher::kIterations)
        && params.iterations <= kMaxIterations
        && params.parallelism >= quint64(PassphraseHasher::kParallelism)
        && params.parallelism <= kMaxParallelism;
}

} // namespace

QString PassphraseHasher::hash(const SecretString &passphrase)
{
    try {
        const std::string phc = Botan::argon2_generate_pwhash(
            passphrase.data(), passphrase.size(), Botan::system_rng(), kParallelism, kMemoryKiB,
            kIterations, kArgon2id, kSaltBytes, kHashBytes);
        return QString::fromStdString(phc);
    } catch (const std::exception &e) {
        // Out of memory (64 MiB) is the realistic cause. An empty string never verifies, so a
        // caller that stores it anyway locks the member out rather than letting anyone in.
        qWarning("Argon2id hashing failed: %s", e.what());
        return {};
    }
}

bool PassphraseHasher::isWellFormed(const QString &phc)
{
    const std::optional<PhcParameters> params = parsePhc(phc);
    return params && isAcceptable(*params);
}

bool PassphraseHasher::verify(const SecretString &passphrase, const QString &phc)
{
    if (!isWellFormed(phc))
        return false;
    try {
        // Botan recomputes with the stored salt and parameters and compares in constant time.
        return Botan::argon2_check_pwhash(passphrase.data(), passphrase.size(), phc.toStdString());
    } catch (const std::exception &e) {
        qWarning("Argon2id verification failed: %s", e.what());
        return false;
    }
}

} // namespace Keyward
