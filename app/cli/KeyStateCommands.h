#pragma once

#include "ExitCode.h"

#include <QCoreApplication>

#include <optional>

namespace Keyward {
struct ApiKey;
}

namespace Keyward::Cli {

class CommandContext;

// `keywardctl key activate|deactivate|revoke|delete`. Revoking or deleting a Production key
// breaks live services, so it is confirmed on a terminal, and needs --yes anywhere else.
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

private:
    enum class Change { Activate, Deactivate, Revoke, Delete };
    static ExitCode run(CommandContext &context, Change change);
    // nullopt: go ahead; otherwise how to exit (already reported).
    static std::optional<ExitCode> confirm(CommandContext &context, const ApiKey &key,
                                           Change change, bool yes);
};

} // namespace Keyward::Cli
