#include "MigrateCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "DbCommands.h"
#include "ServerConnInfo.h"
#include "Terminal.h"
#include "store/PostgresSetup.h"
#include "store/SqlKeyStore.h"
#include "store/VaultMigrator.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Keyward::Cli {

namespace {

const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kRolePrefix = QStringLiteral("role-prefix");
const QString kCreateLogins = QStringLiteral("create-logins");

} // namespace

bool MigrateCommand::isConnInfo(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("postgresql://"))
        || trimmed.startsWith(QLatin1String("postgres://")))
        return true;
    if (QFileInfo::exists(text))
        return false;
    // "host=..." or "service=...": a libpq keyword first. A file name with '=' in it can be
    // written as ./name.
    static const QRegularExpression keyword(QStringLiteral("^[a-z_]+\\s*="));
    return keyword.match(trimmed).hasMatch();
}

ExitCode MigrateCommand::run(CommandContext &context)
{
    CommandParser parser(
        context,
        QStringLiteral("--from VAULT --to TARGET [--role-prefix keyward] [--create-logins] "
                       "[--no-password]"),
        tr("Copies a whole vault into a new vault file or an empty PostgreSQL database: "
           "settings, grant catalogue, members, keys with their secrets' hashes (so every token "
           "keeps working), usage, and the audit log byte for byte (same ids, actors, details "
           "and hashes: \"audit verify\" passes on the copy). VAULT and TARGET are each a file "
           "or a PostgreSQL connection string (postgresql://... or keyword=value). The source "
           "is not changed; you sign in to it as an Owner. The target is written in one "
           "transaction and must be empty: an existing file or a database with tables is "
           "refused, never merged, and on any failure it is left as it was (a new file is "
           "deleted).\n\n"
           "To PostgreSQL: run it as the database's owner (a login with CREATEROLE), as for "
           "\"db setup\". Members are server logins there: without --create-logins it prints "
           "the logins a DBA must create; with it, it creates the missing ones (password from "
           "KEYWARD_NEW_PASSPHRASE, asked twice, or none with --no-password) and puts every "
           "member's login in its group.\n\n"
           "From PostgreSQL to a file: a server keeps no passphrases, so only you (the Owner "
           "running the copy) get one in the file, from KEYWARD_NEW_PASSPHRASE or asked twice. "
           "The other members are copied without one: they stay in the member list and the "
           "audit log but cannot sign in to the file. From a file, every member keeps their "
           "passphrase."));
    parser.addValueOption(kFrom, tr("VAULT"),
                          tr("The vault to copy: a vault file or a PostgreSQL connection string "
                             "(default: --vault, --db or KEYWARD_DB)."));
    parser.addValueOption(kTo, tr("TARGET"),
                          tr("Where to: a vault file that does not exist yet, or an empty "
                             "PostgreSQL database."));
    parser.addValueOption(kRolePrefix, tr("PREFIX"),
                          tr("PostgreSQL target: start of the group roles' names (default: "
                             "keyward), as for \"db setup\"."));
    parser.addFlag(kCreateLogins,
                   tr("PostgreSQL target: create the members' missing logins and grant each "
                      "its group."));
    DbCommands::addNoPasswordOption(parser);
    if (auto done = parser.parse(0, 0))
        return *done;
    if (!parser.isSet(kTo) || parser.value(kTo).trimmed().isEmpty())
        return parser.usageError(tr("Say where to copy the vault with --to."));

    GlobalOptions &globals = context.globals();
    if (parser.isSet(kFrom)) {
        const QString from = parser.value(kFrom);
        if (from.trimmed().isEmpty())
            return parser.usageError(tr("--from needs a vault file or a connection string."));
        if (isConnInfo(from)) {
            globals.dbConninfo = from;
            globals.vaultPath.clear();
            context.setServerOrigin(QStringLiteral("--from"));
        } else {
            globals.vaultPath = from;
            globals.dbConninfo.clear();
        }
    }

    const QString to = parser.value(kTo);
    const bool toServer = isConnInfo(to);
    if (!toServer && (parser.isSet(kCreateLogins) || parser.isSet(kRolePrefix)))
        return parser.usageError(
            tr("--create-logins and --role-prefix are for a PostgreSQL target."));
    MigrationOptions options;
    options.createLogins = parser.isSet(kCreateLogins);
    if (parser.isSet(kRolePrefix))
        options.rolePrefix = parser.value(kRolePrefix);
    if (auto valid = PostgresSetup::validateRolePrefix(options.rolePrefix); !valid)
        return parser.usageError(valid.errorMessage());

    // Everything about the target that can be checked without writing, before anyone signs in.
    Output &output = context.output();
    std::optional<PgConnInfo> target;
    QString targetName = to;
    if (toServer) {
        auto parsed = ServerConnInfo::parse(to, QStringLiteral("--to"), output);
        if (!parsed)
            return context.fail(parsed.error());
        target = *parsed;
        targetName = target->displayName();
    } else if (QFileInfo::exists(to)) {
        return context.fail(makeError(ErrorCode::VaultExists,
                                      tr("%1 already exists. migrate writes a new vault file "
                                         "only; it never overwrites or merges.")
                                          .arg(to)));
    }

    // The source is read, never written: not even the audit row of this sign-in (the copy
    // must be the source byte for byte).
    if (SqlKeyStore *source = context.openStore())
        source->setAuditsSignIns(false);
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    const QString sourceName = store->displayName();
    if (toServer && options.createLogins) {
        std::optional<SecretString> password =
            DbCommands::newLoginPassword(context, parser, tr("the new logins"));
        if (!password)
            return context.failure();
        options.loginPassword = std::move(*password);
    }
    if (!toServer && store->engine() == SqlEngine::Postgres) {
        const QString me = store->currentMember()->name;
        if (qEnvironmentVariableIsEmpty("KEYWARD_NEW_PASSPHRASE") && !Terminal::isInteractive())
            return context.fail(ExitCode::Usage,
                                tr("No passphrase for %1 in the new vault file: set "
                                   "KEYWARD_NEW_PASSPHRASE or run keywardctl in a terminal to be "
                                   "asked.")
                                    .arg(me));
        auto typed = Terminal::newSecret("KEYWARD_NEW_PASSPHRASE",
                                         tr("New passphrase for %1 in %2: ").arg(me, to),
                                         tr("Repeat the passphrase: "));
        if (!typed)
            return context.fail(ExitCode::Usage, typed.errorMessage());
        options.newPassphrase = std::move(typed).value();
    }

    const Clock &clock = context.clock();
    Result<MigrationReport> copied = toServer
        ? ServerConnInfo::connect<MigrationReport>(*target,
                                                   [&](const PgConnInfo &attempt) {
                                                       return VaultMigrator::copyToPostgres(
                                                           *store, attempt, options, clock);
                                                   })
        : VaultMigrator::copyToSqlite(*store, to, options, clock);
    options.loginPassword.clear();
    options.newPassphrase.clear();
    if (!copied)
        return context.fail(copied.error());
    report(context, *copied, sourceName, targetName);
    return ExitCode::Success;
}

void MigrateCommand::report(CommandContext &context, const MigrationReport &report,
                            const QString &from, const QString &to)
{
    Output &output = context.output();
    if (output.isJson()) {
        QJsonArray missing;
        for (const MissingLogin &login : report.missingLogins)
            missing.append(QJsonObject {{QStringLiteral("name"), login.name},
                                        {QStringLiteral("group"), login.group},
                                        {QStringLiteral("exists"), login.exists}});
        output.printJson(
            {{QStringLiteral("from"), from},
             {QStringLiteral("to"), to},
             {QStringLiteral("members"), double(report.members)},
             {QStringLiteral("keys"), double(report.keys)},
             {QStringLiteral("secrets"), double(report.secrets)},
             {QStringLiteral("audit_rows"), double(report.auditRows)},
             {QStringLiteral("audit_head"), QString::fromLatin1(report.auditHead.toHex())},
             {QStringLiteral("audit_intact"), report.auditIntact},
             {QStringLiteral("usage_rows"), double(report.usageRows)},
             {QStringLiteral("request_rows"), double(report.requestRows)},
             {QStringLiteral("logins_created"), QJsonArray::fromStringList(report.loginsCreated)},
             {QStringLiteral("missing_logins"), missing},
             {QStringLiteral("dba_statements"), QJsonArray::fromStringList(report.dbaStatements)},
             {QStringLiteral("members_without_passphrase"),
              QJsonArray::fromStringList(report.membersWithoutPassphrase)}});
        return;
    }
    output.print(tr("Copied the vault %1 to %2:").arg(from, to));
    for (const QString &action : report.actions)
        output.print(QStringLiteral("  - ") + action);
    if (!report.loginsCreated.isEmpty())
        output.print(tr("Each new login can change its password with \\password in psql."));
    if (!report.missingLogins.isEmpty()) {
        output.print(QString());
        output.print(tr("These members cannot sign in yet: a DBA creates their logins and puts "
                        "them in their groups (or runs migrate with --create-logins):"));
        for (const QString &statement : report.dbaStatements)
            output.print(QStringLiteral("  ") + statement);
        const bool anyNew = std::any_of(report.missingLogins.begin(), report.missingLogins.end(),
                                        [](const MissingLogin &login) { return !login.exists; });
        if (anyNew)
            output.print(tr("Then give each new login a password with \\password NAME in psql (or "
                            "use peer or certificate authentication)."));
    }
    if (!report.membersWithoutPassphrase.isEmpty()) {
        output.print(QString());
        output.print(tr("Copied without a passphrase (they cannot sign in to the file; a server "
                        "keeps no passphrases to copy): %1.")
                         .arg(report.membersWithoutPassphrase.join(QStringLiteral(", "))));
    }
    output.print(tr("Check the copy with \"keywardctl audit verify\": it ends in the same hash."));
}

} // namespace Keyward::Cli
