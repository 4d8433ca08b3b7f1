#pragma once

#include "ApiKey.h"
#include "Member.h"
#include "Permissions.h"
#include "Result.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <optional>

namespace Keyward {

// One change applied to many keys at once (issue 16 §3): the key table's multi-selection, the
// hygiene page's fixes and `keywardctl key bulk`.
enum class BulkKeyAction { Deactivate, Activate, Revoke, Delete, ShortenExpiry };

// A key as the caller saw it: the change is refused for that key when someone else changed it
// since (the same optimistic check as every single-key change).
struct KeyVersionRef
{
    qint64 id = 0;
    qint64 version = 0;
};

struct BulkKeyChange
{
    BulkKeyAction action = BulkKeyAction::Deactivate;
    QVector<KeyVersionRef> keys;
    // ShortenExpiry only: the new expiry. Keys that expire sooner already keep theirs.
    std::optional<qint64> expiresAtMs;

    static BulkKeyChange of(BulkKeyAction action, const QVector<ApiKey> &keys,
                            std::optional<qint64> expiresAtMs = std::nullopt);
};

// What happens to one key: changed, left as it is (already in that state), or refused.
struct BulkKeyVerdict
{
    enum class Kind { Change, Unchanged, Refused };
    Kind kind = Kind::Change;
    QString reason; // translated; empty for Change
};

struct BulkKeyRefusal
{
    qint64 keyId = 0;
    QString keyName;
    QString reason; // translated
};

// What a bulk change did. The keys that went through did so in one transaction, one audit row
// each; a refused key changed nothing and did not stop the others.
struct BulkKeyResult
{
    QVector<qint64> changed;
    QVector<qint64> unchanged; // already in the asked state: nothing to do
    QVector<BulkKeyRefusal> refused;
};

// The rules of a bulk change, in core so the confirmation, the store and keywardctl agree.
class BulkKeyRules
{
    Q_DECLARE_TR_FUNCTIONS(BulkKeyRules)
public:
    // The single-key action whose permission rule a bulk action follows. Shortening an expiry
    // is an edit, as in the Edit dialog.
    static KeyAction keyAction(BulkKeyAction action);
    // Whether the whole request makes sense before looking at any key: an expiry in the past
    // or a missing date is refused at once.
    static Result<void> validate(const BulkKeyChange &change, qint64 nowMs);
    // One key's verdict for the signed-in member. Tampered rows are the store's to find.
    static BulkKeyVerdict verdict(const Member &actor, const ApiKey &key, BulkKeyAction action,
                                  std::optional<qint64> expiresAtMs, qint64 nowMs);
    // The verdict before Shorten Expiry's date is chosen: a date that shortens every key stands
    // in, so only keys that cannot change at all are left out (the store decides again).
    static BulkKeyVerdict verdictBeforeDate(const Member &actor, const ApiKey &key,
                                            BulkKeyAction action, qint64 nowMs);
    // Whether the action stops keys working (the confirmation warns about integrations).
    static bool stopsKeys(BulkKeyAction action);
    // "revoke", "delete", ...: for keywardctl's arguments and --json.
    static QString code(BulkKeyAction action);
    // "Revoked 3 keys.": what a bulk change did, in the window and keywardctl alike.
    static QString doneText(BulkKeyAction action, int count);
    static std::optional<BulkKeyAction> fromCode(const QString &code);
};

} // namespace Keyward
