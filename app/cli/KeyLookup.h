#pragma once

#include "core/ApiKey.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Keyward {
class KeyStore;
}

namespace Keyward::Cli {

class CommandContext;
class CommandParser;

// Turns the ID argument of a `key` command into the current key, in two steps so that a typo
// is caught before anyone signs in. Both report the problem themselves: a malformed id is a
// usage error (2), an unknown or deleted one is "not found" (1).
class KeyLookup
{
    Q_DECLARE_TR_FUNCTIONS(KeyLookup)
public:
    static std::optional<qint64> parseId(CommandParser &parser, const QString &idText);
    static std::optional<ApiKey> load(CommandContext &context, KeyStore &store, qint64 id);
};

} // namespace Keyward::Cli
