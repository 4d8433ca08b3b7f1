#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <thread>

namespace Keyward::Verifyd {

// Verifies the signature of every key row of a vault file once, at start, on a thread of its
// own at idle priority (SCHED_IDLE), into the process's VerifiedSignatures. A key's first
// look-up then reads its row but needs no Ed25519 verification (~160 µs on the test machine,
// 40 % of the CPU of a server answering first look-ups), and neither does any look-up after a
// change elsewhere has emptied the verifier cache. The server answers from the start; a key
// asked for before the pass reaches it is verified by its request, as without this pass. A row
// that fails is refused at look-up either way. Stops early when destroyed (a shutdown does not
// wait for the pass).
class SignatureWarmup
{
public:
    // acceptedRoot: the root key the server's store accepted when it opened the vault.
    SignatureWarmup(QString vaultPath, QByteArray acceptedRoot);
    ~SignatureWarmup();
    SignatureWarmup(const SignatureWarmup &) = delete;
    SignatureWarmup &operator=(const SignatureWarmup &) = delete;

private:
    void run(const QString &vaultPath, const QByteArray &acceptedRoot);

    std::atomic<bool> m_stop {false};
    std::thread m_thread;
};

} // namespace Keyward::Verifyd
