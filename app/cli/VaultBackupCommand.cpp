#include "VaultBackupCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "Output.h"
#include "Terminal.h"
#include "core/Clock.h"
#include "store/SqlKeyStore.h"
#include "store/VaultBackup.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Keyward::Cli {

ExitCode VaultBackupCommand::backup(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("FILE"),
        tr("Copies the vault file to FILE while it stays in use (SQLite's online backup), then "
           "checks the copy in full (as \"vault check\" does) before keeping it. FILE must not "
           "exist yet: a backup never replaces a file. Written readable by you only.\n\n"
           "A vault on a PostgreSQL server (--db) is copied into a new vault file as "
           "\"migrate\" does, from one snapshot of the server: you sign in as an Owner and "
           "choose your passphrase in the file (KEYWARD_NEW_PASSPHRASE, or asked twice); the "
           "other members are copied without one. The copy is signed with your key and checked "
           "in full before it is kept. To put it back on a server, use \"keywardctl migrate "
           "--from FILE --to CONNINFO\" into an empty database."));
    if (auto done = parser.parse(1, 1))
        return *done;
    if (context.usesServer())
        return backupServer(context, parser.positional().constFirst());
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

ExitCode VaultBackupCommand::backupServer(CommandContext &context, const QString &target)
{
    // Checked before anyone signs in or types a passphrase.
    if (QFileInfo::exists(target))
        return context.fail(makeError(ErrorCode::InvalidInput,
                                      tr("%1 already exists. A backup never replaces a file: "
                                         "choose a new name.")
                                          .arg(target)));
    // The server's vault is read, never written: not even the audit row of this sign-in.
    SqlKeyStore *opened = context.openStore();
    if (!opened)
        return context.failure(); // reported once, by openStore()
    opened->setAuditsSignIns(false);
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    const QString me = store->currentMember()->name;
    if (qEnvironmentVariableIsEmpty("KEYWARD_NEW_PASSPHRASE") && !Terminal::isInteractive())
        return context.fail(ExitCode::Usage,
                            tr("No passphrase for %1 in the backup file: set "
                               "KEYWARD_NEW_PASSPHRASE or run keywardctl in a terminal to be "
                               "asked.")
                                .arg(me));
    auto typed = Terminal::newSecret("KEYWARD_NEW_PASSPHRASE",
                                     tr("Your passphrase (%1) in the backup %2: ").arg(me, target),
                                     tr("Repeat the passphrase: "));
    if (!typed)
        return context.fail(ExitCode::Usage, typed.errorMessage());
    SecretString passphrase = std::move(typed).value();
    const QString source = store->displayName();
    auto backedUp = VaultBackup::backupServer(*store, target, passphrase, context.clock());
    passphrase.clear();
    if (!backedUp)
        return context.fail(backedUp.error());
    Output &output = context.output();
    if (output.isJson()) {
        output.printJson(
            QJsonObject {{QStringLiteral("vault"), source},
                         {QStringLiteral("backup"), target},
                         {QStringLiteral("bytes"), backedUp->bytes},
                         {QStringLiteral("keys"), backedUp->keys},
                         {QStringLiteral("audit_rows"), backedUp->auditRows},
                         {QStringLiteral("fingerprint"), backedUp->fingerprint},
                         {QStringLiteral("members_without_passphrase"),
                          QJsonArray::fromStringList(backedUp->membersWithoutPassphrase)}});
        return ExitCode::Success;
    }
    output.print(tr("Backed up %1 to the vault file %2 (%3, %n key(s)), signed and checked: no "
                    "damage.",
                    nullptr, int(backedUp->keys))
                     .arg(source, target, QLocale().formattedDataSize(backedUp->bytes)));
    output.print(tr("Its fingerprint: %1. Sign in to it as %2 with the passphrase you chose.")
                     .arg(backedUp->fingerprint, me));
    if (!backedUp->membersWithoutPassphrase.isEmpty())
        output.print(tr("Copied without a passphrase (a server keeps none to copy): %1.")
                         .arg(backedUp->membersWithoutPassphrase.join(QStringLiteral(", "))));
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
                            tr("\"vault restore\" restores a vault file (--vault). To put a "
                               "backup file of a PostgreSQL vault on a server, copy it into an "
                               "empty database with \"keywardctl migrate --from FILE --to "
                               "CONNINFO\", or use the server's own backups (pg_dump)."));
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
