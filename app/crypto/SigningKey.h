#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace Keyward {

class SecretString;

// A member's Ed25519 signing key. The private half exists only in wiped memory and, at rest,
// sealed: ChaCha20-Poly1305 under a key derived from the member's passphrase with Argon2id (the
// passphrase hasher's parameters), the public key as associated data. Botan stays inside crypto/.
// Move-only: a private key is never silently duplicated.
class SigningKey
{
public:
    static constexpr int kPublicKeyBytes = 32;
    static constexpr int kSignatureBytes = 64;

    // A fresh key pair from the system's CSPRNG; nullopt only when Botan fails.
    static std::optional<SigningKey> generate();
    // The private key sealed by seal(); nullopt for a wrong passphrase, a damaged or foreign
    // blob, or one whose key does not belong to publicKey (a swapped sealed key).
    static std::optional<SigningKey>
    unseal(const QByteArray &sealed, const SecretString &passphrase, const QByteArray &publicKey);

    ~SigningKey();
    SigningKey(SigningKey &&other) noexcept;
    SigningKey &operator=(SigningKey &&other) noexcept;
    SigningKey(const SigningKey &) = delete;
    SigningKey &operator=(const SigningKey &) = delete;

    QByteArray publicKey() const; // 32 bytes
    // The private key sealed under passphrase (a fresh salt and nonce each time); empty when
    // Argon2id could not run (out of memory).
    QByteArray seal(const SecretString &passphrase) const;
    QByteArray sign(const QByteArray &message) const; // 64 bytes; empty on failure

    // Whether signature is publicKey's over message. False for any malformed input.
    static bool verify(const QByteArray &publicKey, const QByteArray &message,
                       const QByteArray &signature);
    // What people compare: SHA-256 of the public key, its first 16 bytes as eight groups of
    // four hex digits ("3f2a-9c01-..."). 64 bits of it would already need 2^64 tries to match.
    static QString fingerprint(const QByteArray &publicKey);
    // Parses what fingerprint() prints, case- and separator-insensitive (spaces, dashes, colons);
    // the normalised form, or empty when it is not one.
    static QString normalisedFingerprint(const QString &text);

private:
    SigningKey();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Keyward
