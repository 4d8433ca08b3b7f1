#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Keyward {

// One row of the append-only audit log. hash = SHA-256(prevHash || canonical(row)).
struct AuditEvent
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString actor; // member name, or "keywardctl"/"system" for automatic actions
    QString action; // e.g. "key.create", "key.revoke", "member.add"
    std::optional<qint64> keyId;
    QString details; // compact JSON object, never a secret
    QByteArray prevHash;
    QByteArray hash;
};

} // namespace Keyward
