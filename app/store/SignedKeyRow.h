#pragma once

#include "KeyRows.h"
#include "VaultSigning.h"

namespace Keyward {

// The columns of a key row that its signature covers (SignedKeyFields), in the order every reader
// selects them, the table aliased k: VaultSigning::readKey, the tampered-key scan and the
// verifier's SignedKeyCheck. Further columns follow from kSignedKeyColumnCount.
inline constexpr const char kSignedKeyColumns[] =
    "k.id, k.version, k.environment, k.role, k.grants, k.state, k.expires_at, k.rate_count, "
    "k.rate_unit, k.usage_limit, k.customer, k.allowed_ips, k.revoked_at, k.flagged, "
    "k.created_by";
inline constexpr int kSignedKeyColumnCount = 15;

// A key row as its signature covers it: the columns above, then the key's newest audit id, the
// signer's member key id and the signature (columns kSignedKeyColumnCount to +2), then
// `extraColumns` (", k.name"), from api_keys k and its signature. The caller adds the WHERE:
// SignedKeyCheck one key, VaultSigning::forEachStoredKey a range.
inline QByteArray signedKeyRowSelect(const char *extraColumns = "")
{
    return QByteArray("SELECT ") + kSignedKeyColumns
        + ", (SELECT COALESCE(MAX(a.id), 0) FROM audit_log a WHERE a.key_id = k.id), "
          "g.signed_by, g.signature"
        + extraColumns + " FROM api_keys k LEFT JOIN key_signatures g ON g.key_id = k.id";
}

// Row: integer(), isNull(), text() (QueryRow over a QSqlQuery, or a SqliteStatement). The
// secrets and the audit id are read apart.
template<typename Row>
SignedKeyFields readSignedKeyFields(const Row &row)
{
    SignedKeyFields f;
    f.id = row.integer(0);
    f.version = row.integer(1);
    f.environment = int(row.integer(2));
    f.role = int(row.integer(3));
    f.grants = row.text(4);
    f.state = int(row.integer(5));
    f.expiresAtMs = optionalColumn(row, 6);
    f.rateCount = int(row.integer(7));
    f.rateUnit = int(row.integer(8));
    f.usageLimit = optionalColumn(row, 9);
    f.customer = row.text(10);
    f.allowedIps = row.text(11);
    f.revokedAtMs = optionalColumn(row, 12);
    f.flagged = row.integer(13) != 0;
    f.createdBy = row.integer(14);
    return f;
}

} // namespace Keyward
