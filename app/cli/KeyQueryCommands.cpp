#include "KeyQueryCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "KeyLookup.h"
#include "KeyPresenter.h"
#include "core/Clock.h"
#include "store/SqlKeyStore.h"

namespace Keyward::Cli {

ExitCode KeyQueryCommands::list(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("[--all]"),
                         tr("Lists the keys (revoked keys only with --all). With --json, one "
                            "object per key and line; names and notes are given verbatim."));
    parser.addFlag(QStringLiteral("all"), tr("Include revoked keys."));
    if (auto done = parser.parse(0, 0))
        return *done;
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto keys = store->listKeys(parser.isSet(QStringLiteral("all")));
    if (!keys)
        return context.fail(keys.error());
    const qint64 now = context.clock().nowMs();
    Output &output = context.output();
    if (output.isJson()) {
        for (const ApiKey &key : *keys)
            output.printJson(KeyPresenter::toJson(key, now));
    } else if (keys->isEmpty()) {
        output.message(tr("No keys yet. Create one with \"keywardctl key create\"."));
    } else {
        for (const QString &line : KeyPresenter::table(*keys, now))
            output.print(line);
    }
    return ExitCode::Success;
}

ExitCode KeyQueryCommands::show(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("ID"),
                         tr("Shows one key: its configuration, status and secrets (hints only)."));
    if (auto done = parser.parse(1, 1))
        return *done;
    const std::optional<LoadedKey> loaded = KeyLookup::fromFirstArgument(context, parser);
    if (!loaded)
        return context.failure();
    SqlKeyStore &store = loaded->store;
    const ApiKey &key = loaded->key;
    const qint64 now = context.clock().nowMs();
    Output &output = context.output();
    if (output.isJson()) {
        output.printJson(KeyPresenter::toJson(key, now));
    } else {
        for (const QString &line : KeyPresenter::details(key, now, store.grantCatalogue()))
            output.print(line);
    }
    return ExitCode::Success;
}

} // namespace Keyward::Cli
