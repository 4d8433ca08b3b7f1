#include "VaultSession.h"

#include "BackgroundJob.h"
#include "IdleWatcher.h"
#include "IntegrityCheckRun.h"
#include "core/Clock.h"
#include "crypto/SecretString.h"
#include "store/ChangeWatcher.h"
#include "store/SqlKeyStore.h"

#include <QFileInfo>

#include <utility>

namespace Keyward {

namespace {

const QString kPassword = QStringLiteral("password");

} // namespace

// What the passphrase check's thread works on: shared with it, so that a sign-in dropped
// while the check runs need not wait for it.
struct SignInWork
{
    SignInChallenge challenge;
    SignInProof proof; // written by the job, read after it ended
};

struct VaultSession::PendingSignIn
{
    std::shared_ptr<SignInWork> work;
    std::optional<Error> failed; // refused before any check (no store, no member row read)
    QPointer<QObject> context;
    SignInCallback done;
    QMetaObject::Connection contextGone; // to context's destroyed()
    std::unique_ptr<BackgroundJob> job; // none when failed

    ~PendingSignIn() { QObject::disconnect(contextGone); }
};

VaultSession::VaultSession(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_idle(std::make_unique<IdleWatcher>(clock))
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &VaultSession::onTimer);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &VaultSession::attemptReconnect);
    connect(&m_connectProbe, &ServerProbe::finished, this, &VaultSession::onConnectProbed);
    connect(&m_reconnectProbe, &ServerProbe::finished, this, &VaultSession::onReconnectProbed);
}

VaultSession::~VaultSession()
{
    resetStore();
}

Result<void> VaultSession::open(const QString &path, const QString &pinnedFingerprint,
                                VaultCheck check)
{
    close();
    VaultOptions options;
    options.pinnedFingerprint = pinnedFingerprint;
    options.check = check;
    auto opened = SqlKeyStore::openVault(path, m_clock, options);
    if (!opened)
        return opened.error();
    adoptStore(std::move(opened).value());
    m_path = QFileInfo(path).absoluteFilePath();
    // The open (or VaultOpenCheck's, just before) ran quick_check, which does not compare indexes
    // with their tables; the full check runs meanwhile, and signIn() (which writes) waits for
    // its verdict.
    m_integrity = std::make_unique<IntegrityCheckRun>(m_path);
    connect(m_integrity.get(), &IntegrityCheckRun::finished, this,
            &VaultSession::onIntegrityChecked);
    setState(State::Locked);
    return {};
}

Result<void> VaultSession::takeIntegrityVerdict()
{
    if (!m_integrity)
        return {};
    const auto checked = m_integrity->wait();
    m_integrity.reset();
    if (!checked) {
        // Damage SQLite itself reported; anything else (locked, say) is no verdict: the open's
        // quick_check passed, and a look-up still checks what it reads.
        if (checked.error().code != ErrorCode::VaultCorrupt)
            return {};
        if (m_store)
            m_store->markDamaged(checked.error());
        return checked.error();
    }
    if (checked->isEmpty())
        return {};
    const QString message =
        tr("%1 is damaged: %2 Restore it from a backup; \"keywardctl vault check\" lists the "
           "damage.")
            .arg(m_path, checked->constFirst().detail);
    const Error damage = makeError(ErrorCode::VaultCorrupt, message);
    if (m_store)
        m_store->markDamaged(damage);
    return damage;
}

void VaultSession::onIntegrityChecked()
{
    if (!m_integrity)
        return; // signIn() took the verdict already
    if (m_signIn)
        return continueSignIn(); // the sign-in takes the verdict
    if (auto verdict = takeIntegrityVerdict(); !verdict)
        Q_EMIT vaultDamaged(verdict.errorMessage());
}

Result<Member> VaultSession::create(const QString &path, const QString &prefix,
                                    const QString &owner, const SecretString &passphrase)
{
    auto created = SqlKeyStore::createVault(path, prefix, owner, passphrase, m_clock);
    if (!created)
        return created.error();
    close();
    adoptStore(std::move(created).value());
    m_path = QFileInfo(path).absoluteFilePath();
    m_member = m_store->currentMember();
    if (!m_member)
        return makeError(ErrorCode::StorageError, tr("The new vault has no owner."));
    m_idle->noteActivity();
    acknowledgeChanges();
    setState(State::Unlocked);
    return *m_member;
}

Result<void> VaultSession::checkSignInPossible() const
{
    if (m_remote && !m_store)
        return makeError(ErrorCode::AuthenticationFailed,
                         tr("Connect to %1 again to unlock it.").arg(displayName()));
    if (!m_store)
        return makeError(ErrorCode::VaultNotFound, tr("No vault is open."));
    return {};
}

Result<Member> VaultSession::signIn(const QString &memberName, const SecretString &passphrase)
{
    cancelSignIn();
    if (auto possible = checkSignInPossible(); !possible)
        return possible.error();
    // The full check's verdict first: a damaged vault is said to be damaged, whatever else the
    // sign-in would meet in it.
    if (auto verdict = takeIntegrityVerdict(); !verdict)
        return verdict.error();
    auto challenge = m_store->signInChallenge(memberName);
    if (!challenge)
        return challenge.error();
    return finishSignIn(*challenge, challenge->answer(passphrase));
}

void VaultSession::signInInBackground(const QString &memberName, const SecretString &passphrase,
                                      QObject *context, SignInCallback done)
{
    cancelSignIn();
    m_signIn = std::make_unique<PendingSignIn>();
    PendingSignIn &pending = *m_signIn;
    pending.context = context;
    pending.done = std::move(done);
    // A caller that goes away abandons its sign-in: nobody would hear how it ended. (The
    // connection goes with this sign-in, so it only ever meets this one.)
    pending.contextGone = connect(context, &QObject::destroyed, this, [this] { cancelSignIn(); });
    auto challenge = checkSignInPossible();
    Result<SignInChallenge> read = challenge ? m_store->signInChallenge(memberName)
                                             : Result<SignInChallenge>(challenge.error());
    if (!read) {
        // Said after the full check's verdict, which comes first (continueSignIn()).
        pending.failed = read.error();
        QTimer::singleShot(0, this, &VaultSession::continueSignIn);
        return;
    }
    pending.work = std::make_shared<SignInWork>();
    pending.work->challenge = std::move(read).value();
    // A copy the job owns (wiped with it): the caller's may be gone before the job ends.
    auto secret = std::make_shared<SecretString>(passphrase.data(), passphrase.size());
    pending.job = std::make_unique<BackgroundJob>(
        [work = pending.work, secret] { work->proof = work->challenge.answer(*secret); },
        "keyward-sign-in");
    connect(pending.job.get(), &BackgroundJob::finished, this, &VaultSession::continueSignIn);
}

void VaultSession::cancelSignIn()
{
    if (!m_signIn)
        return;
    dropSignIn();
    // A full check that ended meanwhile left its verdict for the sign-in: report it now.
    if (m_integrity && m_integrity->isFinished())
        QTimer::singleShot(0, this, &VaultSession::onIntegrityChecked);
}

void VaultSession::dropSignIn()
{
    std::unique_ptr<PendingSignIn> pending = std::move(m_signIn);
    if (!pending || !pending->job)
        return;
    // Its passphrase check may still run (up to a second): it ends on its own, and only then is
    // its thread joined, without the window waiting for it.
    BackgroundJob *job = pending->job.release();
    job->disconnect(this);
    if (job->isFinished()) {
        delete job;
        return;
    }
    job->setParent(this); // joined at the latest when the session goes
    connect(job, &BackgroundJob::finished, job, &QObject::deleteLater);
}

void VaultSession::continueSignIn()
{
    if (!m_signIn || (m_signIn->job && !m_signIn->job->isFinished()))
        return;
    if (m_integrity && !m_integrity->isFinished())
        return; // onIntegrityChecked() comes back here
    std::unique_ptr<PendingSignIn> pending = std::move(m_signIn);
    if (!pending->context) {
        // Its caller went without cancelling: nothing is signed in behind its back, and the
        // full check's verdict is reported as when no sign-in waits for it.
        if (m_integrity)
            QTimer::singleShot(0, this, &VaultSession::onIntegrityChecked);
        return;
    }
    Result<Member> result = Error();
    if (pending->failed) {
        const Result<void> verdict = takeIntegrityVerdict();
        result = verdict ? *pending->failed : verdict.error();
    } else {
        pending->job->wait(); // orders the job's writes before the reads below
        result = finishSignIn(pending->work->challenge, std::move(pending->work->proof));
    }
    if (pending->context) // the window's answer to Unlocked may have taken it away
        pending->done(result);
}

Result<Member> VaultSession::finishSignIn(const SignInChallenge &challenge, SignInProof proof)
{
    // Signing in writes (the audit entry): never into a vault the full check calls damaged.
    if (auto verdict = takeIntegrityVerdict(); !verdict)
        return verdict.error();
    auto signedIn = m_store->completeSignIn(challenge, std::move(proof));
    if (!signedIn)
        return signedIn;
    m_member = *signedIn;
    m_idle->noteActivity();
    acknowledgeChanges();
    setState(State::Unlocked);
    return signedIn;
}

Result<Member> VaultSession::connectServer(const PgConnInfo &server)
{
    auto connected = SqlKeyStore::connectPostgres(ServerProbe::withConnectTimeout(server), m_clock);
    if (!connected)
        return connected.error();
    std::unique_ptr<SqlKeyStore> store = std::move(connected).value();
    // The server has authenticated the login; it only has to be a member.
    auto member = store->signIn(QString(), SecretString());
    if (!member)
        return makeError(member.code() == ErrorCode::AuthenticationFailed
                             ? ErrorCode::PermissionDenied
                             : member.code(),
                         member.errorMessage());
    close();
    adoptStore(std::move(store));
    m_remote = true;
    m_server = server;
    // Kept apart, wiped on close: m_server is shown and remembered, the password only reconnects.
    m_serverPassword = SecretString::fromQString(server.value(kPassword));
    m_server.setValue(kPassword, QString());
    m_member = *member;
    m_idle->noteActivity();
    acknowledgeChanges();
    setState(State::Unlocked);
    return *member;
}

PgConnInfo VaultSession::serverLogin() const
{
    PgConnInfo server = m_server;
    if (!m_serverPassword.isEmpty())
        server.setValue(kPassword, m_serverPassword.toQString());
    return server;
}

void VaultSession::connectServerInBackground(const PgConnInfo &server, QObject *context,
                                             ConnectCallback done)
{
    m_connectTarget = server;
    m_connectContext = context;
    m_connectDone = std::move(done);
    m_connectProbe.start(server);
}

void VaultSession::cancelConnect()
{
    m_connectProbe.cancel();
    m_connectTarget = PgConnInfo(); // and its password with it
    m_connectContext.clear();
    m_connectDone = nullptr;
}

void VaultSession::onConnectProbed(const Result<void> &reached)
{
    const PgConnInfo server = std::exchange(m_connectTarget, PgConnInfo());
    const QPointer<QObject> context = std::exchange(m_connectContext, nullptr);
    const ConnectCallback done = std::exchange(m_connectDone, nullptr);
    // Whoever asked has gone: connecting now would surprise the window.
    if (!context || !done)
        return;
    // The server answered a moment ago, so this is quick. (Should it vanish in between, this
    // waits for the connect timeout once; nothing on this thread can avoid that.)
    const Result<Member> result = reached ? connectServer(server) : Result<Member>(reached.error());
    if (context)
        done(result);
}

void VaultSession::lock()
{
    if (m_state != State::Unlocked)
        return;
    stopWatching();
    m_store->signOut();
    m_member.reset();
    // A server session ends with its connection, so that the server authenticates whoever
    // unlocks it (and the password leaves memory).
    if (m_remote)
        resetStore();
    setState(State::Locked);
}

void VaultSession::close()
{
    if (m_state == State::Closed)
        return;
    stopWatching();
    if (m_store)
        m_store->signOut();
    m_member.reset();
    resetStore();
    m_path.clear();
    m_server = PgConnInfo();
    m_serverPassword = SecretString();
    m_remote = false;
    setState(State::Closed);
}

void VaultSession::adoptStore(std::unique_ptr<SqlKeyStore> store)
{
    m_store = std::move(store);
    m_store->setChangeObserver([this](const StoreChange &change) { onOwnChange(change); });
}

void VaultSession::onOwnChange(const StoreChange &change)
{
    if (m_state != State::Unlocked || m_connectionLost)
        return;
    // Ours: not news for the watcher. The window reloads from vaultChanged(), as for others'.
    if (change.counter >= 0)
        m_lastCounter = std::max(m_lastCounter, change.counter);
    else
        acknowledgeChanges();
    // A refused write (counter unknown) may have met someone else's change to members.
    if (change.members || change.counter < 0)
        refreshMember(RemovedMember::LockLater);
    if (m_state == State::Unlocked)
        Q_EMIT vaultChanged();
}

void VaultSession::resetStore()
{
    stopWatching();
    dropSignIn(); // its callback is not called: the vault it was for is gone (the dialog goes)
    m_integrity.reset(); // stops the check: its verdict is of no use now
    m_store.reset();
}

QString VaultSession::displayName() const
{
    if (m_remote)
        return m_server.displayName();
    return QFileInfo(m_path).fileName();
}

void VaultSession::setState(State state)
{
    if (state == State::Unlocked) {
        m_ticker.start();
        if (!m_watcher)
            startWatching();
    } else {
        m_ticker.stop();
        stopWatching();
        m_retryTimer.stop();
        m_reconnectProbe.cancel(); // its store is gone, or no longer signed in
        m_connectionLost = false;
    }
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void VaultSession::startWatching()
{
    m_lastUsageCounter = -1; // another vault, or the same after a while: the page knows better
    m_watcher = std::make_unique<ChangeWatcher>(*m_store);
    m_watcher->setPollIntervalMs(m_pollIntervalMs);
    // Queued: what the session does about a change may end the watcher (a removed member is
    // locked out), which must not happen inside the watcher's own signal.
    connect(m_watcher.get(), &ChangeWatcher::changed, this, &VaultSession::checkForChanges,
            Qt::QueuedConnection);
    connect(m_watcher.get(), &ChangeWatcher::usageChanged, this, &VaultSession::checkForUsage,
            Qt::QueuedConnection);
    // The watcher has a connection of its own: when it drops, ours may have too (a server
    // restart).
    connect(m_watcher.get(), &ChangeWatcher::connectionLost, this, &VaultSession::checkConnection,
            Qt::QueuedConnection);
    // Without its listening connection it keeps polling and retrying; nothing to do here.
    (void)m_watcher->start();
}

void VaultSession::stopWatching()
{
    m_watcher.reset();
}

void VaultSession::acknowledgeChanges()
{
    if (!m_store || m_connectionLost)
        return;
    if (auto counter = m_store->changeCounter())
        m_lastCounter = *counter;
}

bool VaultSession::checkIdle()
{
    if (m_state != State::Unlocked)
        return false;
    if (m_autoLockMs > 0 && m_idle->idleMs() >= m_autoLockMs) {
        lock();
        Q_EMIT autoLocked();
        return false;
    }
    return true;
}

void VaultSession::onTimer()
{
    if (checkIdle() && m_remote)
        checkConnection();
}

void VaultSession::tick()
{
    if (!checkIdle())
        return;
    if (m_remote)
        checkConnection();
    if (m_state != State::Unlocked || m_connectionLost)
        return;
    if (auto counter = m_store->changeCounter())
        checkForChanges(*counter);
    if (m_state != State::Unlocked || m_connectionLost)
        return;
    if (auto counter = m_store->usageCounter())
        checkForUsage(*counter);
}

void VaultSession::checkConnection()
{
    if (m_state != State::Unlocked || !m_remote || m_connectionLost)
        return;
    // A killed backend goes unnoticed until the connection is used: ask the cheapest question.
    QString message;
    if (m_store->isConnected()) {
        auto counter = m_store->changeCounter();
        if (m_store->isConnected() && (counter || counter.code() != ErrorCode::ConnectionLost))
            return;
        if (!counter)
            message = counter.errorMessage();
    }
    markConnectionLost(message.isEmpty() ? tr("The connection to %1 was lost.").arg(displayName())
                                         : message);
}

void VaultSession::checkForChanges(qint64 counter)
{
    if (m_state != State::Unlocked || m_connectionLost)
        return;
    if (counter < 0) {
        auto current = m_store->changeCounter();
        if (!current)
            return;
        counter = *current;
    }
    // Our own writes were acknowledged already; the counter only grows.
    if (counter <= m_lastCounter)
        return;
    m_lastCounter = counter;
    refreshMember(RemovedMember::LockNow);
    if (m_state == State::Unlocked)
        Q_EMIT vaultChanged();
}

void VaultSession::checkForUsage(qint64 counter)
{
    if (m_state != State::Unlocked || m_connectionLost)
        return;
    // -1: a notification without a readable counter; the page asks the store what is new.
    if (counter >= 0 && counter <= m_lastUsageCounter)
        return;
    m_lastUsageCounter = qMax(counter, m_lastUsageCounter);
    Q_EMIT usageRecorded();
}

void VaultSession::setReconnectBackoff(int firstMs, int maxMs)
{
    m_firstRetryMs = qMax(1, firstMs);
    m_maxRetryMs = qMax(m_firstRetryMs, maxMs);
    if (!m_connectionLost)
        m_retryDelayMs = m_firstRetryMs;
}

void VaultSession::markConnectionLost(const QString &message)
{
    if (m_connectionLost)
        return;
    m_connectionLost = true;
    // The watcher would try to reconnect too, blocking for the connect timeout every second
    // when the network is gone: the backoff below is the only one that retries.
    stopWatching();
    m_retryDelayMs = m_firstRetryMs;
    m_retryTimer.start(m_retryDelayMs);
    Q_EMIT connectionLost(message, m_retryDelayMs);
}

void VaultSession::reconnectNow()
{
    attemptReconnect();
}

void VaultSession::attemptReconnect()
{
    if (!m_connectionLost || !m_store || m_state != State::Unlocked || m_reconnectProbe.isRunning())
        return;
    m_retryTimer.stop();
    Q_EMIT reconnecting();
    // m_server has forgotten the password; m_serverPassword holds it. (Without one, libpq looks
    // in the password file and the environment, in the worker too.)
    PgConnInfo server = m_server;
    server.setValue(kPassword, m_serverPassword.toQString());
    m_reconnectProbe.start(server);
}

void VaultSession::onReconnectProbed(const Result<void> &reached)
{
    if (!m_connectionLost || !m_store || m_state != State::Unlocked)
        return;
    if (!reached) {
        reconnectFailedWith(reached.error());
        return;
    }
    finishReconnect();
}

void VaultSession::finishReconnect()
{
    // The probe got in a moment ago, so the store's own connection opens quickly.
    auto reconnected = m_store->reconnect();
    if (reconnected && m_store->currentMember()) {
        m_connectionLost = false;
        m_retryDelayMs = m_firstRetryMs;
        refreshMember(RemovedMember::LockNow); // removed or demoted while we were away?
        if (m_state != State::Unlocked)
            return;
        startWatching();
        Q_EMIT connectionRestored();
        return;
    }
    if (!reconnected) {
        reconnectFailedWith(reconnected.error());
        return;
    }
    const QString message = tr("%1 no longer maps this login to a member.").arg(displayName());
    lock();
    Q_EMIT reconnectRefused(message);
}

void VaultSession::reconnectFailedWith(const Error &error)
{
    if (error.code != ErrorCode::AuthenticationFailed) {
        m_retryDelayMs = qMin(m_retryDelayMs * 2, m_maxRetryMs);
        m_retryTimer.start(m_retryDelayMs);
        Q_EMIT reconnectFailed(error.message, m_retryDelayMs);
        return;
    }
    // Retrying a refused password only adds failed logins to the server's log.
    lock();
    Q_EMIT reconnectRefused(error.message);
}

void VaultSession::refreshMember(RemovedMember removed)
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
    // Removed by an Owner: nothing this session could do would be allowed any more. From inside
    // the store's own write, locking (which may end the store) waits for the event loop.
    if (removed == RemovedMember::LockLater)
        QMetaObject::invokeMethod(this, &VaultSession::lock, Qt::QueuedConnection);
    else
        lock();
}

} // namespace Keyward
