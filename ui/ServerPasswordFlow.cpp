#include "ServerPasswordFlow.h"

#include "PasswordVault.h"
#include "VaultSession.h"

#include <QTimer>

#include <utility>

namespace Keyward {

namespace {
const QString kPassword = QStringLiteral("password");
// A keychain that does not answer (a locked wallet nobody unlocks) must not hold the flow.
constexpr int kKeychainTimeoutMs = 10 * 1000;
} // namespace

ServerPasswordFlow::ServerPasswordFlow(VaultSession &session, PasswordVault &keychain,
                                       QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_keychain(keychain)
{
    connect(&m_keychain, &PasswordVault::availabilityChanged, this,
            &ServerPasswordFlow::rememberOfferChanged);
    m_keychain.probe();
}

bool ServerPasswordFlow::offersToRemember() const
{
    return m_keychain.availability() == PasswordVault::Availability::Available;
}

QString ServerPasswordFlow::keychainNote() const
{
    return m_keychain.availability() == PasswordVault::Availability::Unavailable
        ? m_keychain.unavailableReason()
        : QString();
}

void ServerPasswordFlow::connectTo(const PgConnInfo &server, const QString &typedPassword,
                                   bool remember)
{
    if (m_busy)
        return;
    m_passwordToRemember.reset();
    m_typedPassword.clear();
    if (!typedPassword.isEmpty()) {
        m_typedPassword = typedPassword;
        m_rememberTyped = remember;
        PgConnInfo info = server;
        info.setValue(kPassword, typedPassword);
        attempt(info, PasswordSource::Typed);
    } else if (server.contains(kPassword)) {
        attempt(server, PasswordSource::Given);
    } else if (m_keychain.availability() != PasswordVault::Availability::Unavailable) {
        readKeychainThenConnect(server);
    } else {
        attempt(server, PasswordSource::None);
    }
}

void ServerPasswordFlow::readKeychainThenConnect(const PgConnInfo &server)
{
    setBusy(true, tr("Looking for a remembered password…"));
    const int ticket = ++m_keychainTicket;
    auto proceed = [this, ticket, server](const std::optional<QString> &password) {
        if (ticket != m_keychainTicket || !m_busy)
            return; // answered after the timeout, or after a new attempt started
        ++m_keychainTicket;
        PgConnInfo info = server;
        if (password && !password->isEmpty()) {
            info.setValue(kPassword, *password);
            attempt(info, PasswordSource::Keychain);
        } else {
            attempt(info, PasswordSource::None);
        }
    };
    QTimer::singleShot(kKeychainTimeoutMs, this, [proceed] { proceed(std::nullopt); });
    m_keychain.read(server, this, proceed);
}

void ServerPasswordFlow::attempt(const PgConnInfo &server, PasswordSource source)
{
    setBusy(true, tr("Connecting to %1…").arg(server.displayName()));
    // The session drops the answer if this flow is gone by then, or after cancel().
    m_session.connectServerInBackground(
        server, this,
        [this, source](const Result<Member> &connected) { onAttemptFinished(connected, source); });
}

void ServerPasswordFlow::onAttemptFinished(const Result<Member> &connected, PasswordSource source)
{
    const QString typed = std::exchange(m_typedPassword, QString());
    setBusy(false);
    if (connected) {
        if (source == PasswordSource::Typed && m_rememberTyped && offersToRemember())
            m_passwordToRemember = typed;
        Q_EMIT this->connected();
        return;
    }
    const Error &error = connected.error();
    if (error.code == ErrorCode::AuthenticationFailed) {
        // libpq found no password anywhere (the server's "asks for a password" is the cue), or
        // the one typed was wrong.
        switch (source) {
        case PasswordSource::None:
        case PasswordSource::Typed:
            Q_EMIT passwordNeeded(error.message);
            return;
        case PasswordSource::Keychain:
            Q_EMIT passwordNeeded(tr("The password remembered in the system keychain was not "
                                     "accepted; enter the current one.\n%1")
                                      .arg(error.message));
            return;
        case PasswordSource::Given:
            break; // the user's own connection string: theirs to correct
        }
    }
    Q_EMIT failed(error.message);
}

void ServerPasswordFlow::cancel()
{
    if (!m_busy)
        return;
    ++m_keychainTicket; // a keychain answer still on its way starts nothing
    m_typedPassword.clear();
    m_session.cancelConnect();
    setBusy(false);
}

void ServerPasswordFlow::setBusy(bool busy, const QString &what)
{
    m_busyText = busy ? what : QString();
    if (m_busy == busy) {
        if (busy)
            Q_EMIT busyChanged(true); // a new step: the text changed
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Keyward
