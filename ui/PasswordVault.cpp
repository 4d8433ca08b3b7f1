#include "PasswordVault.h"

#include "store/PgConnInfo.h"

#include <QPointer>

#include <qt6keychain/keychain.h>

namespace Keyward {

namespace {

const QString kService = QStringLiteral("Keyward PostgreSQL");
const QString kProbeEntry = QStringLiteral("keyward-availability-probe");

// Errors that mean "there is no keychain to talk to", as opposed to "no such entry" or "the user
// said no this time".
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError;
}

} // namespace

PasswordVault::PasswordVault(QObject *parent)
    : QObject(parent)
{ }

PasswordVault::~PasswordVault() = default;

QString PasswordVault::entryName(const PgConnInfo &server)
{
    PgConnInfo identity;
    for (const char *keyword : {"service", "host", "hostaddr", "port", "dbname", "user"}) {
        const QString name = QLatin1String(keyword);
        identity.setValue(name, server.value(name));
    }
    return identity.toString();
}

void PasswordVault::setAvailability(Availability availability, const QString &reason)
{
    m_reason = reason;
    if (m_availability == availability)
        return;
    m_availability = availability;
    Q_EMIT availabilityChanged(availability);
}

void PasswordVault::probe()
{
    if (m_probing || m_availability != Availability::Unknown)
        return;
    m_probing = true;
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(kProbeEntry);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *job) {
        m_probing = false;
        if (meansNoKeychain(job->error())) {
            // QtKeychain's text is often just "Unknown error": name it only when it says more.
            const QString detail = job->errorString();
            const bool telling = !detail.isEmpty() && detail != QLatin1String("Unknown error");
            setAvailability(Availability::Unavailable,
                            (telling ? tr("No system keychain is available (%1), so Keyward "
                                          "cannot remember the password.")
                                           .arg(detail)
                                     : tr("No system keychain is available, so Keyward cannot "
                                          "remember the password."))
                                + QLatin1Char(' ')
                                + tr("Use a password file (~/.pgpass) instead."));
        } else
            setAvailability(Availability::Available, QString());
    });
    job->start();
}

void PasswordVault::read(const PgConnInfo &server, QObject *context, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryName(server));
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *job) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(job);
        if (job->error() != QKeychain::NoError) {
            done(std::nullopt);
            return;
        }
        done(read->textData());
    });
    job->start();
}

void PasswordVault::write(const PgConnInfo &server, const QString &password, QObject *context,
                          WriteCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryName(server));
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *job) {
        if (!done)
            return;
        if (job->error() == QKeychain::NoError)
            done(Result<void>());
        else
            done(makeError(
                ErrorCode::StorageError,
                tr("The system keychain did not keep the password: %1").arg(job->errorString())));
    });
    job->start();
}

void PasswordVault::remove(const PgConnInfo &server)
{
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryName(server));
    job->start();
}

} // namespace Keyward
