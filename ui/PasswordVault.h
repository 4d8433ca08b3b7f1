#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Keyward {

class PgConnInfo;

// Server passwords the user asked to remember, in the system keychain (Secret Service, KWallet,
// macOS Keychain, Windows Credential Manager) through QtKeychain. Never anywhere else: QtKeychain's
// "insecure fallback" to a plain settings file stays off, so without a keychain service nothing
// is remembered and the dialogs say so instead of offering it.
// Every call is asynchronous (a keychain may ask the user to unlock it); results come back through
// callbacks that are dropped when their context object is destroyed.
class PasswordVault : public QObject
{
    Q_OBJECT
public:
    enum class Availability { Unknown, Available, Unavailable };
    Q_ENUM(Availability)

    explicit PasswordVault(QObject *parent = nullptr);
    ~PasswordVault() override;

    // Asks the keychain service once whether it answers; availabilityChanged() follows.
    void probe();
    Availability availability() const { return m_availability; }
    // Why it is unavailable, for the dialog ("No keychain service is running").
    QString unavailableReason() const { return m_reason; }

    using ReadCallback = std::function<void(const std::optional<QString> &password)>;
    using WriteCallback = std::function<void(const Result<void> &result)>;
    // The password remembered for the server, or nullopt (none, unavailable, or refused).
    void read(const PgConnInfo &server, QObject *context, ReadCallback done);
    void write(const PgConnInfo &server, const QString &password, QObject *context,
               WriteCallback done);
    void remove(const PgConnInfo &server);

    // The entry name: the server's identity (host, port, database, user or service), so that
    // options such as the SSL mode do not lose the password, and no password is ever in it.
    static QString entryName(const PgConnInfo &server);

Q_SIGNALS:
    void availabilityChanged(Keyward::PasswordVault::Availability availability);

private:
    void setAvailability(Availability availability, const QString &reason);

    Availability m_availability = Availability::Unknown;
    QString m_reason;
    bool m_probing = false;
};

} // namespace Keyward
