#pragma once

#include "core/ApiKey.h"
#include "core/GrantCatalogue.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace Keyward::Cli {

// A key as keywardctl shows it: a JSON object for scripts (names and notes verbatim, since JSON
// escapes them), or lines of text for people.
class KeyPresenter
{
    Q_DECLARE_TR_FUNCTIONS(KeyPresenter)
public:
    static QJsonObject toJson(const ApiKey &key, qint64 nowMs);
    // One secret: hint, times, last successful use and where from, last refusal and its outcome.
    static QJsonObject secretJson(const KeySecret &secret);
    // "2026-12-03 15:00 UTC from ci" / "never"; with ", refused 2026-12-03 15:05 UTC
    // (WrongEnvironment)" when refused since.
    static QString lastUse(const KeySecret &secret);
    // The `key list` table.
    static QStringList table(const QVector<ApiKey> &keys, qint64 nowMs);
    // The `key show` details.
    static QStringList details(const ApiKey &key, qint64 nowMs, const GrantCatalogue &catalogue);
    // One line naming the key in messages: `3 "Billing sync" (kw_live_3Zq…Cd)`.
    static QString reference(const ApiKey &key);
};

} // namespace Keyward::Cli
