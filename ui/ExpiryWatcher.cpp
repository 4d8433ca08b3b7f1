#include "ExpiryWatcher.h"

#include "BackgroundJob.h"
#include "Notifier.h"
#include "PasswordVault.h"
#include "Settings.h"
#include "core/Clock.h"
#include "store/PgConnInfo.h"
#include "store/SqlKeyStore.h"

#include <QFileInfo>
#include <QTimer>

namespace Keyward {

ExpiryWatcher::ExpiryWatcher(Settings &settings, const Clock &clock, Notifier &notifier,
                             PasswordVault *keychain, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_notifier(notifier)
    , m_keychain(keychain)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, [this] { check(false); });
    connect(&m_notifier, &Notifier::activated, this, &ExpiryWatcher::onActivated);
}

ExpiryWatcher::~ExpiryWatcher()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ExpiryWatcher::start(int intervalMs)
{
    m_timer->start(intervalMs);
    check(false);
}

void ExpiryWatcher::stop()
{
    m_timer->stop();
}

bool ExpiryWatcher::isRunning() const
{
    return m_timer->isActive();
}

void ExpiryWatcher::checkNow()
{
    check(true);
}

void ExpiryWatcher::check(bool askKeychainAgain)
{
    if (m_checking)
        return;
    m_checking = true;
    if (askKeychainAgain)
        m_keychainWithout.clear();
    m_sources.clear();
    for (const QString &path : m_settings.recentVaults()) {
        if (QFileInfo::exists(path))
            m_sources.append(Source {false, path, m_settings.pinnedFingerprint(path), QString()});
    }
    for (const QString &conninfo : m_settings.recentServers())
        m_sources.append(Source {true, conninfo, QString(), QString()});
    readKeychainThenStart();
}

// Each server's password is asked for at once; the vaults are read when every answer is in.
void ExpiryWatcher::readKeychainThenStart()
{
    const bool keychain =
        m_keychain && m_keychain->availability() != PasswordVault::Availability::Unavailable;
    m_keychainReads = 1; // held until every read is asked, so an answer at once cannot start
    for (int i = 0; keychain && i < m_sources.size(); ++i) {
        const Source &source = m_sources.at(i);
        if (!source.server || m_keychainWithout.contains(source.location))
            continue;
        const auto server = PgConnInfo::parse(source.location);
        if (!server)
            continue;
        ++m_keychainReads;
        m_keychain->read(*server, this,
                         [this, i, location = source.location](const std::optional<QString> &pw) {
                             if (pw && !pw->isEmpty())
                                 m_sources[i].password = *pw;
                             else
                                 m_keychainWithout.insert(location);
                             if (--m_keychainReads == 0)
                                 startReading();
                         });
    }
    if (--m_keychainReads == 0)
        startReading();
}

void ExpiryWatcher::startReading()
{
    const QVector<Source> sources = std::exchange(m_sources, {});
    const Clock &clock = m_clock;
    m_thread = new BackgroundJob([this, sources, &clock] { m_result = readVaults(sources, clock); },
                                 "keyward-expiry");
    connect(m_thread, &BackgroundJob::finished, this, &ExpiryWatcher::onRead);
}

QString ExpiryWatcher::fileVaultId(const QString &path)
{
    return QStringLiteral("file:") + QFileInfo(path).absoluteFilePath();
}

QString ExpiryWatcher::serverVaultId(const QString &conninfo)
{
    return QStringLiteral("server:") + conninfo;
}

namespace {

// A short wait: a server that does not answer is skipped until the next check.
constexpr int kServerConnectTimeoutSeconds = 5;

} // namespace

QVector<ExpiryWatcher::VaultAlerts> ExpiryWatcher::readVaults(const QVector<Source> &sources,
                                                              const Clock &clock)
{
    QVector<VaultAlerts> vaults;
    for (const Source &source : sources) {
        VaultAlerts vault;
        vault.source = source;
        std::optional<Result<std::unique_ptr<SqlKeyStore>>> store;
        if (source.server) {
            auto conninfo = PgConnInfo::parse(source.location);
            if (!conninfo)
                continue;
            vault.label = conninfo->displayName();
            if (!source.password.isEmpty())
                conninfo->setValue(QStringLiteral("password"), source.password);
            store = SqlKeyStore::connectPostgres(
                conninfo->withClientDefaults(kServerConnectTimeoutSeconds), clock);
        } else {
            vault.label = QFileInfo(source.location).fileName();
            // The header check only: a whole-file check of a large vault every quarter of an
            // hour would cost more than the look. A vault whose fingerprint is not the one
            // pinned here is not this user's vault: no notice from it.
            VaultOptions options;
            options.check = VaultCheck::Header;
            options.pinnedFingerprint = source.pinnedFingerprint;
            store = SqlKeyStore::openVault(source.location, clock, options);
        }
        if (*store) {
            auto keys = store->value()->listKeys(false);
            if (keys) {
                vault.due = ExpiryAlerts::due(*keys, clock.nowMs());
                vault.read = true;
            }
        }
        vaults.append(vault);
    }
    return vaults;
}

void ExpiryWatcher::onRead()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    m_checking = false;
    const QVector<VaultAlerts> vaults = std::exchange(m_result, {});
    for (const VaultAlerts &vault : vaults) {
        if (vault.read)
            notifyVault(vault);
    }
    m_settings.sync();
    Q_EMIT checked();
}

void ExpiryWatcher::notifyVault(const VaultAlerts &vault)
{
    const QString vaultId = vault.source.server ? serverVaultId(vault.source.location)
                                                : fileVaultId(vault.source.location);
    const QStringList known = m_settings.shownAlerts(vaultId);
    ShownAlerts shown(QSet<QString>(known.cbegin(), known.cend()));
    const QVector<ExpiryAlert> fresh = shown.takeNew(vault.due);
    const QStringList tags(shown.tags().cbegin(), shown.tags().cend());
    m_settings.setShownAlerts(vaultId, tags);
    if (fresh.isEmpty())
        return;

    const QString &label = vault.label;
    auto send = [this, &vault](const QString &title, const QString &body, qint64 keyId) {
        const QString id = QString::number(++m_noticeCount);
        m_targets.insert(id, Target {vault.source, keyId});
        m_notifier.notify(Notice {id, title, body});
    };
    if (fresh.size() > kMaxNoticesPerVault) {
        send(tr("%n API key(s) in %1 need attention", nullptr, int(fresh.size())).arg(label),
             tr("Keys expire, grace periods end or usage limits are nearly spent. Open the "
                "vault to see which."),
             0);
        return;
    }
    for (const ExpiryAlert &alert : fresh)
        send(ExpiryAlerts::title(alert), ExpiryAlerts::body(alert, label), alert.keyId);
}

void ExpiryWatcher::onActivated(const QString &noticeId)
{
    const auto target = m_targets.constFind(noticeId);
    if (target == m_targets.cend())
        return;
    if (target->source.server)
        Q_EMIT openServerKeyRequested(target->source.location, target->keyId);
    else
        Q_EMIT openKeyRequested(target->source.location, target->keyId);
}

} // namespace Keyward
