#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

#include <optional>

namespace Keyward {
struct ApiKey;
class KeyImpact;
class SqlKeyStore;
} // namespace Keyward

namespace Keyward::Cli {

class CommandContext;

// `keywardctl key activate|deactivate|revoke|delete`. Revoking or deleting a Production key
// breaks live services, so it is confirmed on a terminal, and needs --yes anywhere else.
// Deactivate, revoke and delete first print the key's impact (verify/KeyImpact: the last 7
// days' requests by outcome, every source and its secret); with --json it is the result's
// "impact".
class KeyStateCommands
{
    Q_DECLARE_TR_FUNCTIONS(KeyStateCommands)
public:
    static ExitCode activate(CommandContext &context);
    static ExitCode deactivate(CommandContext &context);
    static ExitCode revoke(CommandContext &context);
    static ExitCode remove(CommandContext &context); // "delete"

    // A change that breaks a Production key's integrations: asked on a terminal (typed "yes"),
    // refused with `refusal` anywhere else unless `yes` (--yes). Other environments go ahead.
    // nullopt: go ahead; otherwise how to exit (already reported).
    static std::optional<ExitCode> confirmProduction(CommandContext &context, const ApiKey &key,
                                                     bool yes, const QString &refusal,
                                                     const QString &question);

    // The impact of cutting the key (or one secret of it), read now; nullopt (after a warning)
    // when the usage cannot be read: the cut is not held up by it.
    static std::optional<KeyImpact> impact(CommandContext &context, SqlKeyStore &store,
                                           const ApiKey &key, qint64 secretId = 0);
    // Prints it for people, on stderr (nothing with --json: the result carries it).
    static void printImpact(CommandContext &context, const QString &heading,
                            const KeyImpact &impact);

private:
    enum class Change { Activate, Deactivate, Revoke, Delete };
    static ExitCode run(CommandContext &context, Change change);
    // nullopt: go ahead; otherwise how to exit (already reported).
    static std::optional<ExitCode> confirm(CommandContext &context, const ApiKey &key,
                                           Change change, bool yes);
};

} // namespace Keyward::Cli
