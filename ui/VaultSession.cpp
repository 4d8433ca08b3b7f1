#include "VaultSession.h"

#include "IdleWatcher.h"
#include "core/Clock.h"
#include "crypto/SecretString.h"
#include "store/SqlKeyStore.h"

#include <QFileInfo>

namespace Keyward {

VaultSession::VaultSession(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_idle(std::make_unique<IdleWatcher>(clock))
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &VaultSession::tick);
}

VaultSession::~VaultSession() = default;

Result<void> VaultSession::open(const QString &path)
{
    close();
    auto opened = SqlKeyStore::openVault(path, m_clock);
    if (!opened)
        return opened.error();
    m_store = std::move(opened).value();
    m_path = QFileInfo(path).absoluteFilePath();
    setState(State::Locked);
    return {};
}

Result<Member> VaultSession::create(const QString &path, const QString &prefix,
                                    const QString &owner, const SecretString &passphrase)
{
    auto created = SqlKeyStore::createVault(path, prefix, owner, passphrase, m_clock);
    if (!created)
        return created.error();
    close();
    m_store = std::move(created).value();
    m_path = QFileInfo(path).absoluteFilePath();
    m_member = m_store->currentMember();
    if (!m_member)
        return makeError(ErrorCode::StorageError, tr("The new vault has no owner."));
    m_idle->noteActivity();
    acknowledgeChanges();
    setState(State::Unlocked);
    return *m_member;
}

Result<Member> VaultSession::signIn(const QString &memberName, const SecretString &passphrase)
{
    if (!m_store)
        return makeError(ErrorCode::VaultNotFound, tr("No vault is open."));
    auto signedIn = m_store->signIn(memberName, passphrase);
    if (!signedIn)
        return signedIn;
    m_member = *signedIn;
    m_idle->noteActivity();
    acknowledgeChanges();
    setState(State::Unlocked);
    return signedIn;
}

void VaultSession::lock()
{
    if (m_state != State::Unlocked)
        return;
    m_store->signOut();
    m_member.reset();
    setState(State::Locked);
}

void VaultSession::close()
{
    if (m_state == State::Closed)
        return;
    if (m_store)
        m_store->signOut();
    m_member.reset();
    m_store.reset();
    m_path.clear();
    setState(State::Closed);
}

void VaultSession::setState(State state)
{
    if (state == State::Unlocked)
        m_ticker.start();
    else
        m_ticker.stop();
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void VaultSession::acknowledgeChanges()
{
    if (!m_store)
        return;
    if (auto counter = m_store->changeCounter())
        m_lastCounter = *counter;
}

void VaultSession::tick()
{
    if (m_state != State::Unlocked)
        return;
    if (m_autoLockMs > 0 && m_idle->idleMs() >= m_autoLockMs) {
        lock();
        Q_EMIT autoLocked();
        return;
    }
    auto counter = m_store->changeCounter();
    if (!counter || *counter == m_lastCounter)
        return;
    m_lastCounter = *counter;
    refreshMember();
    if (m_state == State::Unlocked)
        Q_EMIT changedElsewhere();
}

void VaultSession::refreshMember()
{
    auto members = m_store->listMembers();
    if (!members || !m_member)
        return;
    for (const Member &member : std::as_const(*members)) {
        if (member.id != m_member->id)
            continue;
        if (member.role != m_member->role) {
            m_member = member;
            Q_EMIT memberChanged();
        }
        return;
    }
    // Removed by an Owner elsewhere: nothing this session could do would be allowed any more.
    lock();
}

} // namespace Keyward
