#include "KeyStateCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "KeyLookup.h"
#include "KeyPresenter.h"
#include "Terminal.h"
#include "TextFormat.h"
#include "core/Clock.h"
#include "core/Permissions.h"
#include "store/SqlKeyStore.h"
#include "verify/KeyImpact.h"

#include <QJsonObject>

namespace Keyward::Cli {

ExitCode KeyStateCommands::activate(CommandContext &context)
{
    return run(context, Change::Activate);
}

ExitCode KeyStateCommands::deactivate(CommandContext &context)
{
    return run(context, Change::Deactivate);
}

ExitCode KeyStateCommands::revoke(CommandContext &context)
{
    return run(context, Change::Revoke);
}

ExitCode KeyStateCommands::remove(CommandContext &context)
{
    return run(context, Change::Delete);
}

std::optional<ExitCode> KeyStateCommands::confirm(CommandContext &context, const ApiKey &key,
                                                  Change change, bool yes)
{
    if (change != Change::Revoke && change != Change::Delete)
        return std::nullopt;
    const QString reference = KeyPresenter::reference(key);
    if (change == Change::Revoke)
        return confirmProduction(
            context, key, yes,
            tr("Not revoking the Production key %1 without confirmation: add --yes.")
                .arg(reference),
            tr("Revoke the Production key %1? Services using it stop working at once, and "
               "revocation cannot be undone. Type \"yes\" to revoke:")
                .arg(reference));
    return confirmProduction(
        context, key, yes,
        tr("Not deleting the Production key %1 without confirmation: add --yes.").arg(reference),
        tr("Delete the Production key %1? Services using it stop working at once; the audit "
           "log keeps its history. Type \"yes\" to delete:")
            .arg(reference));
}

std::optional<ExitCode> KeyStateCommands::confirmProduction(CommandContext &context,
                                                            const ApiKey &key, bool yes,
                                                            const QString &refusal,
                                                            const QString &question)
{
    if (yes || key.environment != Environment::Production)
        return std::nullopt;
    if (!Terminal::isInteractive())
        return context.fail(ExitCode::Refused, refusal);
    auto answer = Terminal::confirm(question);
    if (!answer)
        return context.fail(ExitCode::Refused, answer.errorMessage());
    if (!*answer)
        return context.fail(ExitCode::Refused, tr("Cancelled; nothing was changed."));
    return std::nullopt;
}

std::optional<KeyImpact> KeyStateCommands::impact(CommandContext &context, SqlKeyStore &store,
                                                  const ApiKey &key, qint64 secretId)
{
    Result<KeyImpact> read = KeyImpact::load(store, key, context.clock().nowMs(), secretId);
    if (!read) {
        context.output().message(
            tr("keywardctl: warning: cannot read the key's usage: %1").arg(read.errorMessage()));
        return std::nullopt;
    }
    return std::move(read).value();
}

void KeyStateCommands::printImpact(CommandContext &context, const QString &heading,
                                   const KeyImpact &impact)
{
    Output &output = context.output();
    if (output.isJson())
        return;
    output.message(heading);
    const QString text = impact.text({[](qint64 atMs) { return TextFormat::humanTime(atMs); },
                                      [](VerifyOutcome outcome) {
                                          return verifyOutcomeCode(outcome);
                                      }});
    for (const QString &line : text.split(QLatin1Char('\n')))
        output.message(QStringLiteral("  ") + line);
}

ExitCode KeyStateCommands::run(CommandContext &context, Change change)
{
    const bool destructive = change == Change::Revoke || change == Change::Delete;
    QString summary;
    switch (change) {
    case Change::Activate:
        summary = tr("Activates a deactivated key again.");
        break;
    case Change::Deactivate:
        summary = tr("Deactivates a key: it stops working until it is activated again.");
        break;
    case Change::Revoke:
        summary = tr("Revokes a key for good; its history stays. A Production key asks for "
                     "confirmation (or --yes).");
        break;
    case Change::Delete:
        summary = tr("Deletes a key from the list; the audit log keeps its history. A "
                     "Production key asks for confirmation (or --yes).");
        break;
    }
    CommandParser parser(context, destructive ? QStringLiteral("ID [--yes]") : QStringLiteral("ID"),
                         summary);
    if (destructive)
        parser.addFlag(QStringLiteral("yes"), tr("Do not ask for confirmation."));
    if (auto done = parser.parse(1, 1))
        return *done;
    const std::optional<LoadedKey> loaded = KeyLookup::fromFirstArgument(context, parser);
    if (!loaded)
        return context.failure();
    SqlKeyStore &store = loaded->store;
    const ApiKey &key = loaded->key;
    std::optional<KeyImpact> cut;
    if (change != Change::Activate) {
        if (change == Change::Deactivate) {
            if (auto allowed =
                    Permissions::mayActOnKey(*store.currentMember(), key, KeyAction::Deactivate);
                !allowed)
                return context.fail(allowed.error());
        }
        cut = impact(context, store, key);
        if (cut)
            printImpact(context, tr("Impact of key %1:").arg(KeyPresenter::reference(key)), *cut);
    }
    if (destructive) {
        // Refuse before asking, rather than after a "yes" that was never going to count.
        const KeyAction action = change == Change::Revoke ? KeyAction::Revoke : KeyAction::Delete;
        if (auto allowed = Permissions::mayActOnKey(*store.currentMember(), key, action); !allowed)
            return context.fail(allowed.error());
        if (auto refused = confirm(context, key, change, parser.isSet(QStringLiteral("yes"))))
            return *refused;
    }

    Output &output = context.output();
    const QString reference = KeyPresenter::reference(key);
    if (change == Change::Delete) {
        if (auto deleted = store.deleteKey(key.id, key.version); !deleted)
            return context.fail(deleted.error());
        if (output.isJson()) {
            QJsonObject result {{QStringLiteral("id"), double(key.id)},
                                {QStringLiteral("deleted"), true}};
            if (cut)
                result.insert(QStringLiteral("impact"), cut->toJson());
            output.printJson(result);
        } else
            output.message(tr("Deleted key %1.").arg(reference));
        return ExitCode::Success;
    }

    Result<ApiKey> changed = change == Change::Revoke
        ? store.revokeKey(key.id, key.version)
        : store.setKeyActive(key.id, key.version, change == Change::Activate);
    if (!changed)
        return context.fail(changed.error());
    if (output.isJson()) {
        QJsonObject result = KeyPresenter::toJson(*changed, context.clock().nowMs());
        if (cut)
            result.insert(QStringLiteral("impact"), cut->toJson());
        output.printJson(result);
    } else if (change == Change::Revoke) {
        output.message(tr("Revoked key %1.").arg(reference));
    } else if (change == Change::Activate) {
        output.message(tr("Activated key %1.").arg(reference));
    } else {
        output.message(tr("Deactivated key %1.").arg(reference));
    }
    return ExitCode::Success;
}

} // namespace Keyward::Cli
