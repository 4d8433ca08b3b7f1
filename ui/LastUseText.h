#pragma once

#include "core/ApiKey.h"

#include <QCoreApplication>
#include <QString>

namespace Keyward {

// "Last used" told honestly: a successful use and a refused attempt are different things. A
// Staging key only ever presented to Production has never worked, whatever the request log
// says, and an admin deciding whether to revoke it must read exactly that. One place, so the
// table, the details pane and every confirmation say the same.
class LastUseText
{
    Q_DECLARE_TR_FUNCTIONS(LastUseText)
public:
    // The table cell: "5 minutes ago", "Never", "Never (refused 5 minutes ago)".
    static QString cell(const ApiKey &key, qint64 nowMs);
    // The cell's tooltip: exact times, where from, and the last refusal with its reason.
    static QString toolTip(const ApiKey &key, qint64 nowMs);
    // For confirmations and the details pane:
    //   "Last used 5 minutes ago (3 Dec 2026 15:00) from 10.0.0.7."
    //   "Last used: never successfully. Last refused 5 minutes ago: Wrong environment."
    //   "Last used 2 days ago (…). Last refused 5 minutes ago: Revoked."
    // A refusal is mentioned only when nothing succeeded after it.
    static QString sentence(const ApiKey &key, qint64 nowMs);
    // The refusal alone, for one secret: "Last refused 5 minutes ago: Wrong environment.";
    // empty when the secret was never refused.
    static QString refusal(const KeySecret &secret, qint64 nowMs);

private:
    static QString reason(const KeySecret &secret);
};

} // namespace Keyward
