#pragma once

#include <QString>

#include <cstddef>
#include <memory>

namespace Keyward {

// A secret (a token, a passphrase) held in memory that is wiped when released.
// Backed by Botan::secure_vector inside crypto/, so headers never include Botan.
// Move-only: a secret is never silently duplicated.
class SecretString
{
public:
    SecretString();
    SecretString(const char *data, std::size_t size);
    // Copies the UTF-8 of text; the caller should clear its QString afterwards where it can.
    static SecretString fromQString(const QString &text);
    ~SecretString();
    SecretString(SecretString &&other) noexcept;
    SecretString &operator=(SecretString &&other) noexcept;
    SecretString(const SecretString &) = delete;
    SecretString &operator=(const SecretString &) = delete;

    const char *data() const;
    std::size_t size() const;
    bool isEmpty() const { return size() == 0; }
    // A QString copy for display in a widget. Qt cannot wipe it: keep its life short.
    QString toQString() const;
    // Wipes the bytes now.
    void clear();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Keyward
