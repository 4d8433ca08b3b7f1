#pragma once

#include "verify/VerifyOutcome.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <array>

namespace Keyward {

// Verification outcomes as people read them, and the four groups the usage chart stacks: what
// the caller was answered (200, 401, 403, 429) matters more to an admin at a glance than the ten
// internal reasons, which the request log and "Why is this key rejected?" spell out.
class OutcomeText
{
    Q_DECLARE_TR_FUNCTIONS(OutcomeText)
public:
    enum class Group { Valid, Unauthorized, Forbidden, TooManyRequests };
    static constexpr std::array<Group, 4> kAllGroups = {Group::Valid, Group::Unauthorized,
                                                        Group::Forbidden, Group::TooManyRequests};

    static Group group(VerifyOutcome outcome);
    // "Revoked", "Missing grant", ...
    static QString name(VerifyOutcome outcome);
    // "Revoked (401)"
    static QString nameWithStatus(VerifyOutcome outcome);
    // "Valid (200)", "Unauthorized (401)", ...: the chart's legend.
    static QString groupName(Group group);
    // "12 valid", "3 unauthorized (401)": counts in a sentence (plural forms per language).
    static QString groupCount(Group group, qint64 count);
    // The status badges' colours, so green means "works" and red "refused" everywhere.
    static QColor groupColor(Group group);
    static QColor color(VerifyOutcome outcome) { return groupColor(group(outcome)); }
};

} // namespace Keyward
