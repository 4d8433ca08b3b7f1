#include "SignatureWarmup.h"

#include "store/KeyStore.h"
#include "store/VaultIntegrity.h"
#include "store/VerifiedSignatures.h"

#include <QElapsedTimer>

#include <pthread.h>
#include <sched.h>

namespace Keyward::Verifyd {

SignatureWarmup::SignatureWarmup(QString vaultPath, QByteArray acceptedRoot)
    : m_thread(
        [this, path = std::move(vaultPath), root = std::move(acceptedRoot)] { run(path, root); })
{ }

SignatureWarmup::~SignatureWarmup()
{
    m_stop.store(true, std::memory_order_relaxed);
    m_thread.join();
}

void SignatureWarmup::run(const QString &vaultPath, const QByteArray &acceptedRoot)
{
    // Only CPU time nobody else wants: under load the requests' own look-ups go first (and
    // verify what they need themselves); an idle server finishes the pass in seconds.
    const sched_param idle {};
    if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle) != 0)
        qWarning("keyward-verifyd: the signature pass could not lower its priority.");
    QElapsedTimer timer;
    timer.start();
    VerifiedSignatures &verified = VerifiedSignatures::ofProcess();
    const int before = verified.size();
    const auto tampered =
        VaultIntegrity::tamperedKeys(vaultPath, acceptedRoot, &verified, 5000, &m_stop);
    if (tampered) {
        qInfo("keyward-verifyd: key rows checked in %.1f s (%d signatures verified: "
              "attestations, and rows none lists); %d keys refused until their rows are signed "
              "again.",
              double(timer.elapsed()) / 1000.0, verified.size() - before, int(tampered->size()));
    } else if (!m_stop.load(std::memory_order_relaxed)) {
        // Not fatal: each key is then verified at its first look-up, as without this pass.
        qWarning("keyward-verifyd: the key signatures could not be verified ahead: %s",
                 qPrintable(tampered.errorMessage()));
    }
}

} // namespace Keyward::Verifyd
