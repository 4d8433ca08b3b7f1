#include "SigningKey.h"

#include "PassphraseHasher.h"
#include "SecretString.h"
#include "SecureRandom.h"
#include "Sha256.h"

#include <botan/aead.h>
#include <botan/argon2.h>
#include <botan/ed25519.h>
#include <botan/pubkey.h>
#include <botan/system_rng.h>

#include <QRegularExpression>
#include <QStringList>
#include <QtGlobal>

namespace Keyward {

namespace {

// Sealed layout: version, Argon2id salt, AEAD nonce, then the 32-byte seed encrypted with its
// 16-byte tag. Version 1 fixes the KDF parameters to the passphrase hasher's.
constexpr char kSealVersion = 1;
constexpr int kSaltBytes = 16;
constexpr int kNonceBytes = 12;
constexpr int kSeedBytes = 32;
constexpr int kTagBytes = 16;
constexpr int kSealedBytes = 1 + kSaltBytes + kNonceBytes + kSeedBytes + kTagBytes;
constexpr std::uint8_t kArgon2id = 2;

const std::uint8_t *bytes(const QByteArray &data)
{
    return reinterpret_cast<const std::uint8_t *>(data.constData());
}

// The sealing key; empty when Argon2id failed.
Botan::secure_vector<std::uint8_t> sealingKey(const SecretString &passphrase,
                                              const QByteArray &salt)
{
    Botan::secure_vector<std::uint8_t> key(32);
    try {
        Botan::argon2(key.data(), key.size(), passphrase.data(), passphrase.size(), bytes(salt),
                      std::size_t(salt.size()), nullptr, 0, nullptr, 0, kArgon2id,
                      PassphraseHasher::kParallelism, PassphraseHasher::kMemoryKiB,
                      PassphraseHasher::kIterations);
    } catch (const std::exception &e) {
        qWarning("Argon2id key derivation failed: %s", e.what());
        return {};
    }
    return key;
}

} // namespace

struct SigningKey::Private
{
    Botan::secure_vector<std::uint8_t> seed; // 32 bytes: the private key
    QByteArray publicKey;
};

SigningKey::SigningKey()
    : d(std::make_unique<Private>())
{ }

SigningKey::~SigningKey() = default;
SigningKey::SigningKey(SigningKey &&other) noexcept = default;
SigningKey &SigningKey::operator=(SigningKey &&other) noexcept = default;

namespace {

std::optional<QByteArray> publicKeyOf(const Botan::secure_vector<std::uint8_t> &seed)
{
    try {
        const Botan::Ed25519_PrivateKey key(seed);
        const std::vector<std::uint8_t> pub = key.get_public_key();
        return QByteArray(reinterpret_cast<const char *>(pub.data()), qsizetype(pub.size()));
    } catch (const std::exception &e) {
        qWarning("Ed25519 key setup failed: %s", e.what());
        return std::nullopt;
    }
}

} // namespace

std::optional<SigningKey> SigningKey::generate()
{
    SigningKey key;
    key.d->seed.resize(kSeedBytes);
    try {
        Botan::system_rng().randomize(key.d->seed.data(), key.d->seed.size());
    } catch (const std::exception &e) {
        qWarning("Random key generation failed: %s", e.what());
        return std::nullopt;
    }
    auto pub = publicKeyOf(key.d->seed);
    if (!pub)
        return std::nullopt;
    key.d->publicKey = *pub;
    return key;
}

QByteArray SigningKey::publicKey() const
{
    return d->publicKey;
}

QByteArray SigningKey::seal(const SecretString &passphrase) const
{
    const QByteArray salt = SecureRandom::bytes(kSaltBytes);
    const QByteArray nonce = SecureRandom::bytes(kNonceBytes);
    Botan::secure_vector<std::uint8_t> key = sealingKey(passphrase, salt);
    if (key.empty())
        return {};
    try {
        auto cipher = Botan::AEAD_Mode::create_or_throw("ChaCha20Poly1305", Botan::ENCRYPTION);
        cipher->set_key(key);
        cipher->set_associated_data(bytes(d->publicKey), std::size_t(d->publicKey.size()));
        cipher->start(bytes(nonce), std::size_t(nonce.size()));
        Botan::secure_vector<std::uint8_t> buffer = d->seed;
        cipher->finish(buffer);
        QByteArray sealed;
        sealed.reserve(kSealedBytes);
        sealed.append(kSealVersion);
        sealed.append(salt);
        sealed.append(nonce);
        sealed.append(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
        return sealed;
    } catch (const std::exception &e) {
        qWarning("Sealing the signing key failed: %s", e.what());
        return {};
    }
}

std::optional<SigningKey> SigningKey::unseal(const QByteArray &sealed,
                                             const SecretString &passphrase,
                                             const QByteArray &publicKey)
{
    if (sealed.size() != kSealedBytes || sealed.at(0) != kSealVersion
        || publicKey.size() != kPublicKeyBytes)
        return std::nullopt;
    const QByteArray salt = sealed.mid(1, kSaltBytes);
    const QByteArray nonce = sealed.mid(1 + kSaltBytes, kNonceBytes);
    const QByteArray box = sealed.mid(1 + kSaltBytes + kNonceBytes);
    Botan::secure_vector<std::uint8_t> key = sealingKey(passphrase, salt);
    if (key.empty())
        return std::nullopt;
    SigningKey result;
    try {
        auto cipher = Botan::AEAD_Mode::create_or_throw("ChaCha20Poly1305", Botan::DECRYPTION);
        cipher->set_key(key);
        cipher->set_associated_data(bytes(publicKey), std::size_t(publicKey.size()));
        cipher->start(bytes(nonce), std::size_t(nonce.size()));
        result.d->seed.assign(bytes(box), bytes(box) + box.size());
        cipher->finish(result.d->seed); // throws on a wrong passphrase or altered bytes
    } catch (const std::exception &) {
        return std::nullopt;
    }
    auto pub = publicKeyOf(result.d->seed);
    if (!pub || !constantTimeEquals(*pub, publicKey))
        return std::nullopt;
    result.d->publicKey = *pub;
    return result;
}

QByteArray SigningKey::sign(const QByteArray &message) const
{
    try {
        const Botan::Ed25519_PrivateKey key(d->seed);
        Botan::PK_Signer signer(key, Botan::system_rng(), "Pure");
        const std::vector<std::uint8_t> signature =
            signer.sign_message(bytes(message), std::size_t(message.size()), Botan::system_rng());
        return QByteArray(reinterpret_cast<const char *>(signature.data()),
                          qsizetype(signature.size()));
    } catch (const std::exception &e) {
        qWarning("Ed25519 signing failed: %s", e.what());
        return {};
    }
}

bool SigningKey::verify(const QByteArray &publicKey, const QByteArray &message,
                        const QByteArray &signature)
{
    if (publicKey.size() != kPublicKeyBytes || signature.size() != kSignatureBytes)
        return false;
    try {
        const Botan::Ed25519_PublicKey key(
            std::vector<std::uint8_t>(bytes(publicKey), bytes(publicKey) + publicKey.size()));
        Botan::PK_Verifier verifier(key, "Pure");
        return verifier.verify_message(bytes(message), std::size_t(message.size()),
                                       bytes(signature), std::size_t(signature.size()));
    } catch (const std::exception &) {
        return false;
    }
}

QString SigningKey::fingerprint(const QByteArray &publicKey)
{
    const QByteArray hex = Sha256::hash(publicKey).left(16).toHex();
    QStringList groups;
    for (int i = 0; i < hex.size(); i += 4)
        groups.append(QString::fromLatin1(hex.mid(i, 4)));
    return groups.join(QLatin1Char('-'));
}

QString SigningKey::normalisedFingerprint(const QString &text)
{
    QString digits = text.toLower();
    digits.remove(QRegularExpression(QStringLiteral("[\\s:-]")));
    static const QRegularExpression hex(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{32}")));
    if (!hex.match(digits).hasMatch())
        return {};
    QStringList groups;
    for (int i = 0; i < digits.size(); i += 4)
        groups.append(digits.mid(i, 4));
    return groups.join(QLatin1Char('-'));
}

} // namespace Keyward
