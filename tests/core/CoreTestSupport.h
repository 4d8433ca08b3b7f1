#pragma once

#include "core/ApiKey.h"
#include "core/Member.h"
#include "core/Permissions.h"
#include "core/Result.h"

#include <QMetaType>
#include <QString>
#include <QTest>

#include <optional>

Q_DECLARE_METATYPE(Keyward::Role)
Q_DECLARE_METATYPE(Keyward::KeyAction)
Q_DECLARE_METATYPE(Keyward::KeyState)
Q_DECLARE_METATYPE(Keyward::KeyStatus)
Q_DECLARE_METATYPE(Keyward::Environment)
Q_DECLARE_METATYPE(std::optional<qint64>)

namespace CoreTestSupport {

// What a rule check is expected to answer: allowed, or refused with this code.
enum class Outcome { Allowed, Denied, Invalid };

inline QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Allowed:
        return QStringLiteral("Allowed");
    case Outcome::Denied:
        return QStringLiteral("PermissionDenied");
    case Outcome::Invalid:
        return QStringLiteral("InvalidInput");
    }
    return {};
}

// Maps a Result onto an Outcome; any other error code is named so the comparison fails loudly.
inline QString outcomeOf(const Keyward::Result<void> &result)
{
    if (result.isOk())
        return outcomeName(Outcome::Allowed);
    switch (result.code()) {
    case Keyward::ErrorCode::PermissionDenied:
        return outcomeName(Outcome::Denied);
    case Keyward::ErrorCode::InvalidInput:
        return outcomeName(Outcome::Invalid);
    default:
        return QStringLiteral("unexpected error code %1").arg(int(result.code()));
    }
}

inline Keyward::Member member(qint64 id, Keyward::Role role)
{
    Keyward::Member m;
    m.id = id;
    m.name = QStringLiteral("member%1").arg(id);
    m.role = role;
    return m;
}

inline Keyward::ApiKey key(qint64 createdById, Keyward::Role role,
                           Keyward::KeyState state = Keyward::KeyState::Active)
{
    Keyward::ApiKey k;
    k.id = 42;
    k.name = QStringLiteral("Billing sync");
    k.role = role;
    k.state = state;
    k.createdById = createdById;
    k.createdByName = QStringLiteral("member%1").arg(createdById);
    return k;
}

} // namespace CoreTestSupport

// Compares a Result with the expected outcome and insists that a refusal explains itself.
#define KW_COMPARE_OUTCOME(result, expected)                                                       \
    do {                                                                                           \
        const auto &kwResult = (result);                                                           \
        QCOMPARE(CoreTestSupport::outcomeOf(kwResult), CoreTestSupport::outcomeName(expected));    \
        if (!kwResult.isOk())                                                                      \
            QVERIFY2(!kwResult.errorMessage().trimmed().isEmpty(), "refusal without a message");   \
    } while (false)

Q_DECLARE_METATYPE(CoreTestSupport::Outcome)
