#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Keyward {

// Closed set of failure kinds. Callers branch on the code; people read the message.
enum class ErrorCode {
    InvalidInput,
    PermissionDenied,
    NotFound,
    StaleVersion,
    AuthenticationFailed,
    VaultNotFound,
    NotAVault,
    VaultCorrupt,
    VaultLocked,
    VaultTooNew,
    VaultExists,
    StorageError,
    ConnectionLost,
    CryptoFailure,
};

struct Error
{
    ErrorCode code = ErrorCode::StorageError;
    QString message; // translated, ready to show
};

// A value or an Error: errors are values, never exceptions or silent no-ops.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_value(std::move(error))
    { }

    bool isOk() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return isOk(); }
    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &std::get<T>(m_value); }
    T *operator->() { return &std::get<T>(m_value); }
    const Error &error() const { return std::get<Error>(m_value); }
    ErrorCode code() const { return error().code; }
    QString errorMessage() const { return isOk() ? QString() : error().message; }

private:
    std::variant<T, Error> m_value;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool isOk() const { return !m_error.has_value(); }
    explicit operator bool() const { return isOk(); }
    const Error &error() const { return *m_error; }
    ErrorCode code() const { return m_error->code; }
    QString errorMessage() const { return isOk() ? QString() : m_error->message; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, const QString &message)
{
    return Error {code, message};
}

} // namespace Keyward
