#include "KeyEditCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "KeyLookup.h"
#include "KeyPresenter.h"
#include "KeyStateCommands.h"
#include "TextFormat.h"
#include "ValueParser.h"
#include "core/Clock.h"
#include "core/KeyStatus.h"
#include "core/Permissions.h"
#include "store/SqlKeyStore.h"
#include "verify/KeyImpact.h"

#include <QJsonArray>

namespace Keyward::Cli {

namespace {

const QString kName = QStringLiteral("name");
const QString kNotes = QStringLiteral("notes");
const QString kRateLimit = QStringLiteral("rate-limit");
const QString kExpires = QStringLiteral("expires");
const QString kGrace = QStringLiteral("grace");
const QString kUsageLimit = QStringLiteral("usage-limit");
const QString kAllowIp = QStringLiteral("allow-ip");
const QString kAnyIp = QStringLiteral("any-ip");

// "5000" or "none"; nullopt inside means no limit, an empty outer optional unreadable text.
std::optional<std::optional<qint64>> parseUsageLimit(const QString &text)
{
    if (text.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return std::optional<qint64>();
    bool ok = false;
    const qint64 n = text.trimmed().toLongLong(&ok);
    if (!ok || n < 1)
        return std::nullopt;
    return std::optional<qint64>(n);
}

KeyEdit editOf(const ApiKey &key)
{
    return KeyEdit {key.name, key.notes, key.rateLimit, key.expiresAtMs};
}

ExitCode reportEdited(CommandContext &context, const ApiKey &key)
{
    Output &output = context.output();
    if (output.isJson())
        output.printJson(KeyPresenter::toJson(key, context.clock().nowMs()));
    else
        output.message(KeyEditCommands::tr("Saved key %1.").arg(KeyPresenter::reference(key)));
    return ExitCode::Success;
}

} // namespace

ExitCode KeyEditCommands::rename(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("ID NAME"), tr("Renames a key."));
    if (auto done = parser.parse(2, 2))
        return *done;
    const std::optional<LoadedKey> loaded = KeyLookup::fromFirstArgument(context, parser);
    if (!loaded)
        return context.failure();
    SqlKeyStore &store = loaded->store;
    const ApiKey &key = loaded->key;
    KeyEdit edit = editOf(key);
    edit.name = parser.positional().at(1);
    auto saved = store.editKey(key.id, key.version, edit);
    if (!saved)
        return context.fail(saved.error());
    return reportEdited(context, *saved);
}

ExitCode KeyEditCommands::edit(CommandContext &context)
{
    CommandParser parser(context,
                         QStringLiteral("ID [--name NAME] [--notes TEXT] [--rate-limit RATE] "
                                        "[--expires 30d|DATE] [--usage-limit N|none] "
                                        "[--allow-ip ADDR[/BITS]]... [--any-ip]"),
                         tr("Changes what may change after creation. The expiry can only be "
                            "made shorter; role and grants never change. The usage limit is for "
                            "Admins and Owners."));
    parser.addValueOption(kName, tr("NAME"), tr("A new name."));
    parser.addValueOption(kNotes, tr("TEXT"), tr("New notes (\"\" clears them)."));
    parser.addValueOption(kRateLimit, tr("RATE"),
                          tr("e.g. 100/min, or none; holds across every verifier on the vault "
                             "or database."));
    parser.addValueOption(kExpires, tr("WHEN"),
                          tr("A shorter expiry: 30d (from now) or a date such as 2027-01-31 "
                             "(the key works through the end of that day, UTC)."));
    parser.addValueOption(kUsageLimit, tr("N"),
                          tr("Admins and Owners: a new usage limit in requests (raise or lower "
                             "it), or none."));
    parser.addValueOption(kAllowIp, tr("ADDR"),
                          tr("The addresses and CIDR ranges the key may be used from, replacing "
                             "its list; repeat or separate with commas for more."));
    parser.addFlag(kAnyIp, tr("Clears the key's address list: any address may use it."));
    if (auto done = parser.parse(1, 1))
        return *done;
    const std::optional<qint64> id = KeyLookup::parseId(parser, parser.positional().constFirst());
    if (!id)
        return context.failure();
    if (!parser.isSet(kName) && !parser.isSet(kNotes) && !parser.isSet(kRateLimit)
        && !parser.isSet(kExpires) && !parser.isSet(kUsageLimit) && !parser.isSet(kAllowIp)
        && !parser.isSet(kAnyIp))
        return parser.usageError(tr("Say what to change: --name, --notes, --rate-limit, "
                                    "--expires, --usage-limit, --allow-ip or --any-ip."));
    std::optional<IpAllowlist> allowedIps;
    if (parser.isSet(kAllowIp) && parser.isSet(kAnyIp))
        return parser.usageError(tr("Give either --allow-ip or --any-ip, not both."));
    if (parser.isSet(kAnyIp))
        allowedIps = IpAllowlist();
    if (parser.isSet(kAllowIp)) {
        auto parsed = IpAllowlist::parseText(parser.values(kAllowIp).join(QLatin1Char(',')));
        if (!parsed)
            return parser.usageError(parsed.errorMessage());
        // A blank value must not silently open the key to everyone: that is what --any-ip says.
        if (parsed->isEmpty())
            return parser.usageError(
                tr("--allow-ip needs an address or range; --any-ip clears the list."));
        allowedIps = *parsed;
    }
    std::optional<std::optional<qint64>> usageLimit;
    if (parser.isSet(kUsageLimit)) {
        usageLimit = parseUsageLimit(parser.value(kUsageLimit));
        if (!usageLimit)
            return parser.usageError(
                tr("Cannot read the usage limit \"%1\"; use a number of requests (at least 1) "
                   "or none.")
                    .arg(parser.value(kUsageLimit)));
    }
    std::optional<RateLimit> rate;
    if (parser.isSet(kRateLimit)) {
        rate = RateLimit::parse(parser.value(kRateLimit));
        if (!rate)
            return parser.usageError(tr("Cannot read the rate limit \"%1\"; use e.g. 100/min.")
                                         .arg(parser.value(kRateLimit)));
    }
    std::optional<ExpiryPolicy> expiry;
    if (parser.isSet(kExpires)) {
        expiry = parser.expiryValue(kExpires);
        if (!expiry)
            return ExitCode::Usage;
    }

    const std::optional<LoadedKey> loaded = KeyLookup::signInAndLoad(context, *id);
    if (!loaded)
        return context.failure();
    SqlKeyStore &store = loaded->store;
    const ApiKey &key = loaded->key;
    KeyEdit edit = editOf(key);
    if (parser.isSet(kName))
        edit.name = parser.value(kName);
    if (parser.isSet(kNotes))
        edit.notes = parser.value(kNotes).isNull() ? QStringLiteral("") : parser.value(kNotes);
    if (rate)
        edit.rateLimit = *rate;
    if (expiry)
        edit.expiresAtMs = expiry->expiresAtMs(context.clock().nowMs());
    edit.allowedIps = allowedIps;
    ApiKey current = key;
    if (edit.name != key.name || edit.notes != key.notes || edit.rateLimit != key.rateLimit
        || edit.expiresAtMs != key.expiresAtMs || (allowedIps && *allowedIps != key.allowedIps)) {
        auto saved = store.editKey(key.id, key.version, edit);
        if (!saved)
            return context.fail(saved.error());
        current = *saved;
    }
    if (usageLimit && *usageLimit != current.usageLimit) {
        auto saved = store.setUsageLimit(current.id, current.version, *usageLimit);
        if (!saved)
            return context.fail(saved.error());
        current = *saved;
    }
    return reportEdited(context, current);
}

ExitCode KeyEditCommands::regenerate(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("ID [--grace 0|1h|24h|3d|7d]"),
                         tr("Gives a key a new secret and prints it on stdout, once. The old "
                            "secret keeps working for the grace period (default 0: it stops at "
                            "once). With --json, prints {\"id\":...,\"token\":...}."));
    parser.addValueOption(kGrace, tr("TIME"),
                          tr("How long the old secret keeps working: 0, 1h, 24h, 3d or 7d."));
    if (auto done = parser.parse(1, 1))
        return *done;
    const std::optional<qint64> id = KeyLookup::parseId(parser, parser.positional().constFirst());
    if (!id)
        return context.failure();
    qint64 graceMs = 0;
    if (parser.isSet(kGrace)) {
        const std::optional<qint64> grace = ValueParser::duration(parser.value(kGrace));
        if (!grace)
            return parser.usageError(tr("Cannot read the grace period \"%1\"; use 0, 1h, 24h, 3d "
                                        "or 7d.")
                                         .arg(parser.value(kGrace)));
        graceMs = *grace;
    }

    const std::optional<LoadedKey> loaded = KeyLookup::signInAndLoad(context, *id);
    if (!loaded)
        return context.failure();
    SqlKeyStore &store = loaded->store;
    const ApiKey &key = loaded->key;
    // The old secrets retire only once the new one is out: killed before that (or with stdout
    // closed), the key works as before and can simply be regenerated again.
    auto issued = store.regenerateKeyKeepingOld(key.id, key.version, graceMs);
    if (!issued)
        return context.fail(issued.error());

    Output &output = context.output();
    const bool shown = output.isJson() ? output.printTokenJson(issued->key.id, issued->token)
                                       : output.printToken(issued->token);
    issued->token.clear();
    if (!shown)
        return context.fail(ExitCode::VaultError,
                            tr("The new token of key %1 could not be written to stdout, so nobody "
                               "has it. The old secret keeps working; run the command again.")
                                .arg(KeyPresenter::reference(issued->key)));
    auto retired = store.retireReplacedSecrets(issued->key.id, issued->secretId, graceMs);
    if (!retired)
        return context.fail(ExitCode::VaultError,
                            tr("The new token is above, but the old secret of key %1 could not be "
                               "retired, so it keeps working: %2 Regenerate the key again or "
                               "revoke it.")
                                .arg(KeyPresenter::reference(issued->key), retired.errorMessage()));
    issued->key = *retired;
    const QString reference = KeyPresenter::reference(issued->key);
    const QString once = tr("This is the only time the new token is shown: store it now.");
    const QString retires = TextFormat::humanTime(context.clock().nowMs() + graceMs);
    // An inactive key answers 401 to every secret: say so, as the GUI does, instead of
    // promising that the old secret keeps working.
    if (effectiveStatus(issued->key, context.clock().nowMs()) == KeyStatus::Inactive) {
        const QString activate = QStringLiteral("keywardctl key activate %1").arg(issued->key.id);
        output.message(
            graceMs > 0
                ? tr("Regenerated key %1. The key is inactive: no secret works until you "
                     "activate it (%2). The old secret is retired at %3 either way. %4")
                      .arg(reference, activate, retires, once)
                : tr("Regenerated key %1. The key is inactive: the new secret works only after "
                     "you activate it (%2); the old secret has stopped for good. %3")
                      .arg(reference, activate, once));
    } else if (graceMs > 0) {
        output.message(tr("Regenerated key %1. The old secret keeps working until %2. %3")
                           .arg(reference, retires, once));
    } else {
        output.message(
            tr("Regenerated key %1. The old secret has stopped working. %2").arg(reference, once));
    }
    return ExitCode::Success;
}

ExitCode KeyEditCommands::resetUsage(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("ID"),
                         tr("Admins and Owners: counts the key's use against its usage limit "
                            "from 0 again, so a key refused as UsageExceeded works again. "
                            "Audited."));
    if (auto done = parser.parse(1, 1))
        return *done;
    const std::optional<LoadedKey> loaded = KeyLookup::fromFirstArgument(context, parser);
    if (!loaded)
        return context.failure();
    const qint64 used = loaded->key.usageCount;
    auto saved = loaded->store.resetUsage(loaded->key.id, loaded->key.version);
    if (!saved)
        return context.fail(saved.error());
    Output &output = context.output();
    if (output.isJson())
        output.printJson(KeyPresenter::toJson(*saved, context.clock().nowMs()));
    else
        output.message(tr("Reset the usage of key %1: %2 used before, 0 now.")
                           .arg(KeyPresenter::reference(*saved))
                           .arg(used));
    return ExitCode::Success;
}

ExitCode KeyEditCommands::endGrace(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("ID [--yes]"),
                         tr("Ends a regenerated key's grace period now: its previous secret stops "
                            "working at once instead of at the end of the grace period. First "
                            "shows that secret's impact: its requests of the last 7 days and "
                            "every source that presented it (with --json, the result's "
                            "\"impact\" list). A Production key asks for confirmation (or "
                            "--yes). Audited."));
    parser.addFlag(QStringLiteral("yes"), tr("Do not ask for confirmation."));
    if (auto done = parser.parse(1, 1))
        return *done;
    const std::optional<LoadedKey> loaded = KeyLookup::fromFirstArgument(context, parser);
    if (!loaded)
        return context.failure();
    const ApiKey &key = loaded->key;
    const qint64 now = context.clock().nowMs();
    // Refuse before asking, rather than after a "yes" that was never going to count.
    if (auto allowed = Permissions::mayEndGracePeriod(*loaded->store.currentMember(), key, now);
        !allowed)
        return context.fail(allowed.error());
    const QString reference = KeyPresenter::reference(key);
    // The same impact the GUI's confirmation shows, for each previous secret alone.
    QJsonArray impacts;
    for (const KeySecret &secret : key.secretsInGraceAt(now)) {
        if (const auto ofSecret =
                KeyStateCommands::impact(context, loaded->store, key, secret.id)) {
            KeyStateCommands::printImpact(
                context,
                tr("Impact of ending %1 (it would otherwise work until %2):")
                    .arg(secret.hint, TextFormat::humanTime(*secret.retiresAtMs)),
                *ofSecret);
            impacts.append(ofSecret->toJson());
        }
    }
    if (auto refused = KeyStateCommands::confirmProduction(
            context, key, parser.isSet(QStringLiteral("yes")),
            tr("Not ending the grace period of the Production key %1 without confirmation: add "
               "--yes.")
                .arg(reference),
            tr("End the grace period of the Production key %1? Services still using the "
               "previous secret stop working at once. Type \"yes\" to end it:")
                .arg(reference)))
        return *refused;
    auto saved = loaded->store.endGracePeriod(key.id, key.version);
    if (!saved)
        return context.fail(saved.error());
    Output &output = context.output();
    if (output.isJson()) {
        QJsonObject result = KeyPresenter::toJson(*saved, now);
        result.insert(QStringLiteral("impact"), impacts);
        output.printJson(result);
    } else {
        output.message(tr("Ended the grace period of key %1: only its newest secret %2 works "
                          "now.")
                           .arg(reference, saved->hint()));
    }
    return ExitCode::Success;
}

} // namespace Keyward::Cli
