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

// After the signed columns: the key's newest audit id, the signer's member key id and the
// signature, from the key's signature joined as g.
inline constexpr const char kSignedKeyAfterColumns[] =
    ", (SELECT COALESCE(MAX(a.id), 0) FROM audit_log a WHERE a.key_id = k.id), g.signed_by, "
    "g.signature";
inline constexpr const char kKeySignatureJoin[] = " LEFT JOIN key_signatures g ON g.key_id = k.id";

// A key row as its signature covers it: the columns above, then the key's newest audit id, the
// signer's member key id and the signature (columns kSignedKeyColumnCount to +2), then
// `extraColumns` (", k.name"), from api_keys k and its signature. The caller adds the WHERE:
// SignedKeyCheck one key, VaultSigning::forEachStoredKey a range.
inline QByteArray signedKeyRowSelect(const char *extraColumns = "")
{
    return QByteArray("SELECT ") + kSignedKeyColumns + kSignedKeyAfterColumns + extraColumns
        + " FROM api_keys k" + kKeySignatureJoin;
}

// Row: integer(), isNull(), text() (QueryRow over a QSqlQuery, or a SqliteStatement), the
// columns from `first` on. The secrets and the audit id are read apart.
template<typename Row>
SignedKeyFields readSignedKeyFields(const Row &row, int first = 0)
{
    SignedKeyFields f;
    f.id = row.integer(first);
    f.version = row.integer(first + 1);
    f.environment = int(row.integer(first + 2));
    f.role = int(row.integer(first + 3));
    f.grants = row.text(first + 4);
    f.state = int(row.integer(first + 5));
    f.expiresAtMs = optionalColumn(row, first + 6);
    f.rateCount = int(row.integer(first + 7));
    f.rateUnit = int(row.integer(first + 8));
    f.usageLimit = optionalColumn(row, first + 9);
    f.customer = row.text(first + 10);
    f.allowedIps = row.text(first + 11);
    f.revokedAtMs = optionalColumn(row, first + 12);
    f.flagged = row.integer(first + 13) != 0;
    f.createdBy = row.integer(first + 14);
    return f;
}

} // namespace Keyward
