#include "CryptoSelfTest.h"

#include "KeyToken.h"
#include "SecureRandom.h"
#include "Sha256.h"

#include <botan/argon2.h>

#include <QStringList>

#include <array>

namespace Keyward {

namespace {

QByteArray fromHex(const char *hex)
{
    return QByteArray::fromHex(QByteArray(hex));
}

bool sha256Passes()
{
    return Sha256::hash(QByteArrayLiteral("abc"))
        == fromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

bool crc32Passes()
{
    return KeyToken::crc32("123456789", 9) == 0xCBF43926u;
}

// Checked against an independent implementation; the second vector needs all 43 digits.
bool base62Passes()
{
    return KeyToken::base62Encode(QByteArrayLiteral("\x01\x00"), 4) == QLatin1String("0048")
        && KeyToken::base62Encode(QByteArray(32, '\xFF'), KeyToken::kBodyLength)
        == QLatin1String("yhjskwdA6OZ1AL1YmHWZWm8LLG7HjnuCA2j5rOw8Xp1");
}

// RFC 9106 section 5.3 (Argon2id, with secret and associated data).
bool argon2idPasses()
{
    std::array<std::uint8_t, 32> password;
    std::array<std::uint8_t, 16> salt;
    std::array<std::uint8_t, 8> secret;
    std::array<std::uint8_t, 12> associatedData;
    password.fill(0x01);
    salt.fill(0x02);
    secret.fill(0x03);
    associatedData.fill(0x04);
    std::array<std::uint8_t, 32> tag {};
    try {
        Botan::argon2(tag.data(), tag.size(), reinterpret_cast<const char *>(password.data()),
                      password.size(), salt.data(), salt.size(), secret.data(), secret.size(),
                      associatedData.data(), associatedData.size(), /*y=*/2, /*p=*/4,
                      /*M=*/32, /*t=*/3);
    } catch (const std::exception &) {
        return false;
    }
    return QByteArray(reinterpret_cast<const char *>(tag.data()), int(tag.size()))
        == fromHex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
}

// Catches an RNG stuck on one value or repeating itself, not subtle bias.
bool randomPasses()
{
    const QByteArray first = SecureRandom::bytes(32);
    const QByteArray second = SecureRandom::bytes(32);
    return first.size() == 32 && first != second && first.count(first.at(0)) != first.size();
}

bool tokenRoundTripPasses()
{
    const SecretString token = KeyToken::generate(QStringLiteral("kw"), Environment::Staging);
    const KeyToken::Parsed parsed = KeyToken::parse(token, QStringLiteral("kw"));
    return parsed.isOk() && parsed.environment == Environment::Staging
        && parsed.hash == Sha256::hash(token);
}

} // namespace

QString CryptoSelfTest::run()
{
    QStringList failed;
    if (!sha256Passes())
        failed << tr("SHA-256");
    if (!crc32Passes())
        failed << tr("CRC32");
    if (!base62Passes())
        failed << tr("base62 encoding");
    if (!argon2idPasses())
        failed << tr("Argon2id");
    if (!randomPasses())
        failed << tr("the system random number generator");
    if (!tokenRoundTripPasses())
        failed << tr("key generation");
    if (failed.isEmpty())
        return {};
    return tr("Keyward's cryptography self-test failed (%1), so it will not run. The installation "
              "or its Botan library may be damaged; reinstall Keyward.")
        .arg(failed.join(QStringLiteral(", ")));
}

} // namespace Keyward
