#include "VaultBackupCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "Output.h"
#include "Terminal.h"
#include "core/Clock.h"
#include "store/VaultBackup.h"

#include <QJsonObject>
#include <QLocale>

namespace Keyward::Cli {

ExitCode VaultBackupCommand::backup(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("FILE"),
        tr("Copies the vault file to FILE while it stays in use (SQLite's online backup), then "
           "checks the copy in full (as \"vault check\" does) before keeping it. FILE must not "
           "exist yet: a backup never replaces a file. Written readable by you only."));
    if (auto done = parser.parse(1, 1))
        return *done;
    if (context.usesServer())
        return context.fail(ExitCode::Usage,
                            tr("\"vault backup\" copies a vault file (--vault). For a PostgreSQL "
                               "vault, copy it into a file with \"keywardctl migrate --from ... "
                               "--to FILE\", or use the server's own backups (pg_dump)."));
    const QString vault = context.vaultPath();
    const QString target = parser.positional().constFirst();
    auto backedUp = VaultBackup::backup(vault, target);
    if (!backedUp)
        return context.fail(backedUp.error());
    Output &output = context.output();
    if (output.isJson()) {
        output.printJson(QJsonObject {{QStringLiteral("vault"), vault},
                                      {QStringLiteral("backup"), target},
                                      {QStringLiteral("bytes"), backedUp->bytes},
                                      {QStringLiteral("pages"), backedUp->pages}});
    } else {
        output.print(tr("Backed up %1 to %2 (%3), checked: no damage.")
                         .arg(vault, target, QLocale().formattedDataSize(backedUp->bytes)));
    }
    return ExitCode::Success;
}

ExitCode VaultBackupCommand::restore(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("BACKUP [--yes]"),
        tr("Puts a backup made with \"vault backup\" back into the vault file. The backup is "
           "checked in full first and must be of this vault; the vault as it is now is kept "
           "beside it (VAULT.before-restore-TIME), also when it is damaged. Everything changed "
           "since the backup, audit entries included, is then only in that kept file. Windows "
           "and services that have the vault open see the change."));
    parser.addFlag(QStringLiteral("yes"), tr("Do not ask for confirmation."));
    if (auto done = parser.parse(1, 1))
        return *done;
    if (context.usesServer())
        return context.fail(ExitCode::Usage,
                            tr("\"vault restore\" restores a vault file (--vault). Restore a "
                               "PostgreSQL vault with the server's own tools."));
    const QString vault = context.vaultPath();
    const QString backup = parser.positional().constFirst();
    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!Terminal::isInteractive())
            return context.fail(ExitCode::Refused,
                                tr("Not restoring %1 without confirmation: add --yes.").arg(vault));
        auto answer = Terminal::confirm(
            tr("Replace the content of %1 with the backup %2? Keys created or changed since the "
               "backup are lost from the vault (the current vault is kept beside it). Type "
               "\"yes\" to restore:")
                .arg(vault, backup));
        if (!answer)
            return context.fail(ExitCode::Refused, answer.errorMessage());
        if (!*answer)
            return context.fail(ExitCode::Refused, tr("Nothing was restored."));
    }
    auto restored = VaultBackup::restore(vault, backup, context.clock().nowMs());
    if (!restored)
        return context.fail(restored.error());
    Output &output = context.output();
    if (output.isJson()) {
        output.printJson(QJsonObject {{QStringLiteral("vault"), vault},
                                      {QStringLiteral("backup"), backup},
                                      {QStringLiteral("kept"), restored->keptPath},
                                      {QStringLiteral("kept_checked"), restored->keptChecked}});
    } else {
        output.print(tr("Restored %1 from %2. The vault as it was is kept as %3.")
                         .arg(vault, backup, restored->keptPath));
        if (!restored->keptChecked)
            output.message(tr("The replaced vault was damaged: it was kept byte for byte."));
    }
    return ExitCode::Success;
}

} // namespace Keyward::Cli
