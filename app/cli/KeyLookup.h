#pragma once

#include "core/ApiKey.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Keyward {
class SqlKeyStore;
}

namespace Keyward::Cli {

class CommandContext;
class CommandParser;

// What a command on one key works with: the signed-in store and the key as it is now.
struct LoadedKey
{
    SqlKeyStore &store;
    ApiKey key;
};

// Turns the ID argument of a `key` command into the current key, in two steps so that a typo
// is caught before anyone signs in. Both report the problem themselves: a malformed id is a
// usage error (2), a failed sign-in says why, an unknown or deleted key is "not found" (1).
class KeyLookup
{
    Q_DECLARE_TR_FUNCTIONS(KeyLookup)
public:
    static std::optional<qint64> parseId(CommandParser &parser, const QString &idText);
    static std::optional<LoadedKey> signInAndLoad(CommandContext &context, qint64 id);
    // Both steps for a command whose only work before signing in is its first argument, the id.
    static std::optional<LoadedKey> fromFirstArgument(CommandContext &context,
                                                      CommandParser &parser);
};

} // namespace Keyward::Cli
