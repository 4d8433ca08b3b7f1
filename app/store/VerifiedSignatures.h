#pragma once

#include <QByteArray>
#include <QSet>

namespace Keyward {

// Key-row signatures this process has verified good, by SHA-256 of (public key, message,
// signature). Ed25519 verification is deterministic, so a row unchanged since a check needs no
// second one: the window's check after every reload then verifies only what changed (on a
// 100,000-key vault, 100,000 verifications are ~17 s of CPU). Held in memory only; one check at
// a time.
class VerifiedSignatures
{
public:
    static QByteArray digest(const QByteArray &publicKey, const QByteArray &message,
                             const QByteArray &signature);
    bool contains(const QByteArray &digest) const { return m_digests.contains(digest); }
    void insert(const QByteArray &digest) { m_digests.insert(digest); }
    int size() const { return int(m_digests.size()); }

private:
    QSet<QByteArray> m_digests;
};

} // namespace Keyward
