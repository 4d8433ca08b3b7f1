#include "VaultBackupCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "Output.h"
#include "store/VaultBackup.h"

#include <QJsonObject>
#include <QLocale>

namespace Keyward::Cli {

ExitCode VaultBackupCommand::run(CommandContext &context)
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

} // namespace Keyward::Cli
