#pragma once

#include <QByteArray>
#include <QSet>

#include <mutex>

namespace Keyward {

// Signatures this process has verified good, by SHA-256 of (public key, message, signature).
// Ed25519 verification is deterministic, so a row unchanged since a check needs no second one:
// the window's check after every reload then verifies only what changed, and a verifier whose
// cache was emptied by a change elsewhere looks its keys up again without verifying each row
// again (on a 100,000-key vault, 100,000 verifications are ~17 s of CPU). Held in memory only,
// where someone who can write the vault cannot; thread-safe (the verifying threads of
// keyward-verifyd and verify --threads share ofProcess()).
class VerifiedSignatures
{
public:
    // Bounded: when full it starts over empty, and signatures are verified again as they come.
    // 32-byte digests in a hash set: about 100 MB at the bound.
    static constexpr int kMaxEntries = 1'000'000;

    static QByteArray digest(const QByteArray &publicKey, const QByteArray &message,
                             const QByteArray &signature);
    // The process's own: what SignedKeyCheck (every verifier) and the audit ledger consult.
    static VerifiedSignatures &ofProcess();

    // Whether signature is publicKey's over message: remembered as good (digest: digest() of
    // the three), or verified now and remembered when it is.
    bool verify(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature,
                const QByteArray &digest);
    bool verify(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature)
    {
        return verify(publicKey, message, signature, digest(publicKey, message, signature));
    }

    bool contains(const QByteArray &digest) const
    {
        const std::lock_guard lock(m_mutex);
        return m_digests.contains(digest);
    }
    void insert(const QByteArray &digest)
    {
        const std::lock_guard lock(m_mutex);
        if (m_digests.size() >= kMaxEntries)
            m_digests.clear();
        m_digests.insert(digest);
    }
    int size() const
    {
        const std::lock_guard lock(m_mutex);
        return int(m_digests.size());
    }

private:
    mutable std::mutex m_mutex;
    QSet<QByteArray> m_digests;
};

} // namespace Keyward
