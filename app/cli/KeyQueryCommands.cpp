#include "KeyQueryCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "KeyLookup.h"
#include "KeyPresenter.h"
#include "ValueParser.h"
#include "core/Clock.h"
#include "core/ExpiryCalendar.h"
#include "store/SqlKeyStore.h"

#include <QJsonObject>

#include <algorithm>

namespace Keyward::Cli {

ExitCode KeyQueryCommands::list(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("[--all] [--expiring 30d]"),
                         tr("Lists the keys (revoked keys only with --all). With --json, one "
                            "object per key and line; names and notes are given verbatim."));
    parser.addFlag(QStringLiteral("all"), tr("Include revoked keys."));
    parser.addValueOption(QStringLiteral("expiring"), QStringLiteral("30d"),
                          tr("Only keys that have not expired yet but will within this time "
                             "(for cron jobs: nothing is printed when none will)."));
    if (auto done = parser.parse(0, 0))
        return *done;
    std::optional<qint64> expiringWithin;
    if (parser.isSet(QStringLiteral("expiring"))) {
        expiringWithin = ValueParser::duration(parser.value(QStringLiteral("expiring")));
        if (!expiringWithin || *expiringWithin <= 0)
            return parser.usageError(
                tr("\"%1\" is not a time span; use for example 7d, 30d or 12h.")
                    .arg(parser.value(QStringLiteral("expiring"))));
    }
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto keys = store->listKeys(parser.isSet(QStringLiteral("all")));
    if (!keys)
        return context.fail(keys.error());
    const qint64 now = context.clock().nowMs();
    if (expiringWithin) {
        keys->erase(std::remove_if(keys->begin(), keys->end(),
                                   [&](const ApiKey &key) {
                                       return key.state == KeyState::Revoked || !key.expiresAtMs
                                           || *key.expiresAtMs <= now
                                           || *key.expiresAtMs > now + *expiringWithin;
                                   }),
                    keys->end());
        // Soonest first: what needs doing first.
        std::stable_sort(keys->begin(), keys->end(), [](const ApiKey &a, const ApiKey &b) {
            return *a.expiresAtMs < *b.expiresAtMs;
        });
        if (keys->isEmpty())
            return ExitCode::Success;
    }
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

ExitCode KeyQueryCommands::calendar(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("[--out FILE]"),
                         tr("Writes an iCalendar (.ics) file with an event for every key's expiry "
                            "and every grace period's end, with reminders 30, 14, 7 and 1 days "
                            "before, for your own calendar. Metadata only, never a secret."));
    parser.addValueOption(QStringLiteral("out"), QStringLiteral("FILE"),
                          tr("Write to FILE (replaced as a whole) instead of standard output."));
    if (auto done = parser.parse(0, 0))
        return *done;
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto keys = store->listKeys(false);
    if (!keys)
        return context.fail(keys.error());
    const qint64 now = context.clock().nowMs();
    // The fingerprint names the vault wherever it is opened from; an unsigned one, its location.
    const QString uidDomain =
        store->fingerprint().isEmpty() ? store->location() : store->fingerprint();
    const ExpiryCalendar::File calendar =
        ExpiryCalendar::build(*keys, now, store->displayName(), uidDomain);
    Output &output = context.output();
    const QString path = parser.value(QStringLiteral("out"));
    if (auto failed = context.writeOut(path, calendar.ics))
        return *failed;
    if (path.isEmpty())
        return ExitCode::Success;
    const int events = calendar.events;
    if (output.isJson())
        output.printJson(
            QJsonObject {{QStringLiteral("file"), path}, {QStringLiteral("events"), events}});
    else
        output.message(tr("Wrote %n event(s) to %1.", nullptr, events).arg(path));
    return ExitCode::Success;
}

} // namespace Keyward::Cli
