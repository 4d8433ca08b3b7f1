#include "Application.h"

#include "AuditCommands.h"
#include "CheckFormatCommand.h"
#include "CommandContext.h"
#include "DbCommands.h"
#include "InitCommand.h"
#include "KeyBulkCommands.h"
#include "KeyCreateCommand.h"
#include "KeyEditCommands.h"
#include "KeyQueryCommands.h"
#include "KeyStateCommands.h"
#include "KeyUsageCommand.h"
#include "MemberCommands.h"
#include "MigrateCommand.h"
#include "Output.h"
#include "ReportCommands.h"
#include "VaultBackupCommand.h"
#include "VaultCheckCommand.h"
#include "VerifyCommand.h"
#include "crypto/KeyToken.h"

#include <algorithm>

namespace Keyward::Cli {

Application::Application(Output &output, const Clock &clock)
    : m_output(output)
    , m_clock(clock)
{ }

const QVector<Application::Command> &Application::commands()
{
    static const QVector<Command> table {
        {QStringLiteral("init"), QString(), &InitCommand::run,
         QT_TR_NOOP("Create a new vault; you become its Owner")},
        {QStringLiteral("key"), QStringLiteral("create"), &KeyCreateCommand::run,
         QT_TR_NOOP("Create a key and print its token, once")},
        {QStringLiteral("key"), QStringLiteral("list"), &KeyQueryCommands::list,
         QT_TR_NOOP("List the keys")},
        {QStringLiteral("key"), QStringLiteral("show"), &KeyQueryCommands::show,
         QT_TR_NOOP("Show one key")},
        {QStringLiteral("key"), QStringLiteral("calendar"), &KeyQueryCommands::calendar,
         QT_TR_NOOP("Write an iCalendar file of key expiries, with reminders")},
        {QStringLiteral("key"), QStringLiteral("rename"), &KeyEditCommands::rename,
         QT_TR_NOOP("Rename a key")},
        {QStringLiteral("key"), QStringLiteral("edit"), &KeyEditCommands::edit,
         QT_TR_NOOP("Change notes, rate limit, usage limit or (shorten) expiry")},
        {QStringLiteral("key"), QStringLiteral("deactivate"), &KeyStateCommands::deactivate,
         QT_TR_NOOP("Stop a key until it is activated again")},
        {QStringLiteral("key"), QStringLiteral("activate"), &KeyStateCommands::activate,
         QT_TR_NOOP("Activate a deactivated key")},
        {QStringLiteral("key"), QStringLiteral("revoke"), &KeyStateCommands::revoke,
         QT_TR_NOOP("Revoke a key for good")},
        {QStringLiteral("key"), QStringLiteral("delete"), &KeyStateCommands::remove,
         QT_TR_NOOP("Delete a key (the audit log keeps its history)")},
        {QStringLiteral("key"), QStringLiteral("bulk"), &KeyBulkCommands::bulk,
         QT_TR_NOOP("Deactivate, activate, revoke, delete or shorten the expiry of many keys")},
        {QStringLiteral("key"), QStringLiteral("export"), &KeyBulkCommands::exportKeys,
         QT_TR_NOOP("Write keys' metadata as CSV or JSON (never a secret)")},
        {QStringLiteral("key"), QStringLiteral("regenerate"), &KeyEditCommands::regenerate,
         QT_TR_NOOP("Give a key a new secret and print it, once")},
        {QStringLiteral("key"), QStringLiteral("end-grace"), &KeyEditCommands::endGrace,
         QT_TR_NOOP("Stop a regenerated key's previous secret now, not after its grace period")},
        {QStringLiteral("key"), QStringLiteral("reset-usage"), &KeyEditCommands::resetUsage,
         QT_TR_NOOP("Count a key's use against its usage limit from 0 again (Admins)")},
        {QStringLiteral("key"), QStringLiteral("usage"), &KeyUsageCommand::run,
         QT_TR_NOOP("Show a key's requests per hour and its newest requests")},
        {QStringLiteral("verify"), QString(), &VerifyCommand::run,
         QT_TR_NOOP("Check a token as an API would (no login needed)")},
        {QStringLiteral("check-format"), QString(), &CheckFormatCommand::run,
         QT_TR_NOOP("Find Keyward keys in files or stdin by their check (no vault; pre-commit)")},
        {QStringLiteral("member"), QStringLiteral("add"), &MemberCommands::add,
         QT_TR_NOOP("Add a member")},
        {QStringLiteral("member"), QStringLiteral("list"), &MemberCommands::list,
         QT_TR_NOOP("List the members")},
        {QStringLiteral("member"), QStringLiteral("remove"), &MemberCommands::remove,
         QT_TR_NOOP("Remove a member; their keys are deactivated")},
        {QStringLiteral("member"), QStringLiteral("certify"), &MemberCommands::certify,
         QT_TR_NOOP("Certify a member's signing key (signed vault files)")},
        {QStringLiteral("member"), QStringLiteral("role"), &MemberCommands::role,
         QT_TR_NOOP("Change a member's role")},
        {QStringLiteral("member"), QStringLiteral("passphrase"), &MemberCommands::passphrase,
         QT_TR_NOOP("Set a member's passphrase, or your own (vault files)")},
        {QStringLiteral("report"), QStringLiteral("hygiene"), &ReportCommands::hygiene,
         QT_TR_NOOP("List keys that need looking after, with a fix each (exit 1: findings)")},
        {QStringLiteral("audit"), QStringLiteral("list"), &AuditCommands::list,
         QT_TR_NOOP("Show the audit log")},
        {QStringLiteral("audit"), QStringLiteral("verify"), &AuditCommands::verify,
         QT_TR_NOOP("Check that no audit entry was changed or removed")},
        {QStringLiteral("vault"), QStringLiteral("check"), &VaultCheckCommand::run,
         QT_TR_NOOP("Check a vault file for damage: every page, index and record (no login)")},
        {QStringLiteral("vault"), QStringLiteral("backup"), &VaultBackupCommand::backup,
         QT_TR_NOOP("Copy a vault file while it is in use, checked before it is kept")},
        {QStringLiteral("vault"), QStringLiteral("restore"), &VaultBackupCommand::restore,
         QT_TR_NOOP("Put a checked backup back in place, keeping the replaced vault")},
        {QStringLiteral("db"), QStringLiteral("setup"), &DbCommands::setup,
         QT_TR_NOOP("Turn an empty PostgreSQL database into a vault (database owner, once)")},
        {QStringLiteral("db"), QStringLiteral("add-login"), &DbCommands::addLogin,
         QT_TR_NOOP("Make a PostgreSQL login a member of the vault")},
        {QStringLiteral("db"), QStringLiteral("add-verifier"), &DbCommands::addVerifier,
         QT_TR_NOOP("Make a PostgreSQL login a verifier (for services)")},
        {QStringLiteral("migrate"), QString(), &MigrateCommand::run,
         QT_TR_NOOP("Copy a whole vault between a file and a PostgreSQL database")},
    };
    return table;
}

QString Application::commandName(const Command &command)
{
    return command.name.isEmpty() ? command.group : command.group + QLatin1Char(' ') + command.name;
}

ExitCode Application::run(const QStringList &arguments)
{
    warnAboutKeysInArguments(arguments.mid(1));
    GlobalOptions globals;
    QStringList rest = arguments.mid(1);
    // Global options come before the command; the command's parser accepts them too.
    while (!rest.isEmpty() && rest.constFirst().startsWith(QLatin1Char('-'))) {
        const QString option = rest.takeFirst();
        if (option == QLatin1String("--"))
            break;
        if (option == QLatin1String("-h") || option == QLatin1String("--help")) {
            m_output.print(usage());
            return ExitCode::Success;
        }
        if (option == QLatin1String("--version")) {
            m_output.print(QStringLiteral("keywardctl ") + QCoreApplication::applicationVersion());
            return ExitCode::Success;
        }
        if (option == QLatin1String("--json")) {
            globals.json = true;
            // At once: a usage error in the options that follow is reported as JSON too.
            m_output.setJson(true);
            continue;
        }
        bool matched = false;
        for (auto [name, target] : {std::pair {QStringLiteral("--vault"), &globals.vaultPath},
                                    std::pair {QStringLiteral("--db"), &globals.dbConninfo},
                                    std::pair {QStringLiteral("--member"), &globals.memberName},
                                    std::pair {QStringLiteral("--pin"), &globals.pin}}) {
            if (option == name) {
                if (rest.isEmpty())
                    return usageError(tr("Missing value after \"%1\".").arg(name));
                *target = rest.takeFirst();
                matched = true;
            } else if (option.startsWith(name + QLatin1Char('='))) {
                *target = option.mid(name.size() + 1);
                matched = true;
            }
        }
        if (!matched)
            return usageError(tr("Unknown option \"%1\".").arg(option));
    }
    if (rest.isEmpty())
        return usageError(tr("Give a command."));
    m_output.setJson(globals.json);
    return dispatch(rest, globals);
}

ExitCode Application::dispatch(QStringList words, const GlobalOptions &globals)
{
    const QString group = words.takeFirst();
    if (group == QLatin1String("help")) {
        if (words.isEmpty()) {
            m_output.print(usage());
            return ExitCode::Success;
        }
        words.append(QStringLiteral("--help"));
        return dispatch(words, globals);
    }
    QStringList names;
    for (const Command &command : commands()) {
        if (command.group != group)
            continue;
        if (command.name.isEmpty() || (!words.isEmpty() && words.constFirst() == command.name)) {
            if (!command.name.isEmpty())
                words.removeFirst();
            CommandContext context(commandName(command), words, globals, m_output, m_clock);
            return command.handler(context);
        }
        names.append(command.name);
    }
    if (names.isEmpty())
        return usageError(tr("Unknown command \"%1\".").arg(group));
    const QString known = names.join(QStringLiteral(", "));
    if (words.isEmpty() || words.constFirst().startsWith(QLatin1Char('-'))) {
        if (words.contains(QLatin1String("--help")) || words.contains(QLatin1String("-h"))) {
            m_output.print(tr("keywardctl %1 commands: %2").arg(group, known));
            return ExitCode::Success;
        }
        return usageError(tr("Say which %1 command: %2.").arg(group, known));
    }
    return usageError(tr("Unknown command \"%1 %2\"; %1 commands are: %3.")
                          .arg(group, words.constFirst(), known));
}

void Application::warnAboutKeysInArguments(const QStringList &arguments)
{
    // Said every time, like a password in a connection string: a key in the arguments is
    // readable by every local user (ps, /proc) and lands in the shell history.
    for (const QString &argument : arguments) {
        if (KeyToken::redact(argument) != argument) {
            m_output.message(tr("keywardctl: warning: a key was given on the command line, where "
                                "other users can read it in the process list and your shell "
                                "keeps it in its history. Pass it on stdin instead (\"verify -\" "
                                "or \"verify --stdin\")."));
            return;
        }
    }
}

ExitCode Application::usageError(const QString &message)
{
    m_output.error(ExitCode::Usage, message);
    // With --json, stderr holds the one error object and nothing else.
    if (!m_output.isJson())
        m_output.message(tr("Run \"keywardctl --help\" for the commands."));
    return ExitCode::Usage;
}

QString Application::usage() const
{
    QStringList lines {
        tr("Usage: keywardctl [--vault FILE | --db CONNINFO] [--member NAME] [--pin FINGERPRINT] "
           "[--json] COMMAND [ARGUMENTS]"),
        QString(), tr("Manage a Keyward vault's API keys from scripts and services."), QString(),
        tr("Commands:")};
    int width = 0;
    for (const Command &command : commands())
        width = std::max(width, int(commandName(command).size()));
    for (const Command &command : commands())
        lines.append(QStringLiteral("  ") + commandName(command).leftJustified(width + 2)
                     + tr(command.summary));
    lines << QString() << tr("Run \"keywardctl COMMAND --help\" for a command's options.")
          << QString() << tr("Environment:")
          << tr("  KEYWARD_MEMBER          who you are, unless --member is given")
          << tr("  KEYWARD_VAULT_PIN       the vault file's expected fingerprint, unless --pin is "
                "given")
          << tr("  KEYWARD_PASSPHRASE      your passphrase (otherwise asked on the terminal)")
          << tr("  KEYWARD_NEW_PASSPHRASE  the new passphrase for \"member add\" and \"member "
                "passphrase\"")
          << tr("  KEYWARD_DB              a PostgreSQL vault's connection string, unless --vault "
                "is given (the password: ~/.pgpass, PGPASSWORD or a prompt)")
          << QString() << tr("Exit codes:") << tr("  0  done; verify: the key is valid (HTTP 200)")
          << tr("  1  refused (permission, invalid input, not found, wrong passphrase, changed "
                "by someone else); verify: any other outcome; check-format: a key was found")
          << tr("  2  usage error: unknown command or option, missing or unreadable argument")
          << tr("  3  vault error: missing, damaged, locked, not a vault, too new, storage; "
                "database unreachable or not a valid connection string; vault check: damage "
                "found");
    return lines.join(QLatin1Char('\n'));
}

} // namespace Keyward::Cli
