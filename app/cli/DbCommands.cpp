#include "DbCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "ServerConnInfo.h"
#include "Terminal.h"
#include "TextFormat.h"
#include "core/DisplayNames.h"
#include "core/Permissions.h"
#include "store/PostgresSetup.h"
#include "store/SqlKeyStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Keyward::Cli {

namespace {

const QString kNoPassword = QStringLiteral("no-password");
const QString kOwner = QStringLiteral("owner");
const QString kPrefix = QStringLiteral("prefix");
const QString kRolePrefix = QStringLiteral("role-prefix");
const QString kRole = QStringLiteral("role");
const QString kDryRun = QStringLiteral("dry-run");
const QString kVerbose = QStringLiteral("verbose");

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The connection for a DBA command, with a timeout so an unreachable server fails in seconds.
PgConnInfo withDefaults(PgConnInfo info)
{
    if (!info.contains(QStringLiteral("application_name")))
        info.setValue(QStringLiteral("application_name"), QStringLiteral("keywardctl"));
    return info.withClientDefaults();
}

// The server vault for add-login/add-verifier: nullptr after reporting why there is none.
SqlKeyStore *serverStore(CommandContext &context, CommandParser &parser)
{
    if (!context.usesServer()) {
        parser.usageError(DbCommands::tr("%1 is for a PostgreSQL vault: give it with --db "
                                         "CONNINFO (or KEYWARD_DB). In a vault file, use "
                                         "\"member add\".")
                              .arg(context.commandName()));
        return nullptr;
    }
    return context.openStore();
}

// Whether the login may act as a member (then the store applies the vault's own rules);
// a DBA who is not a member acts through the database's privileges alone. nullopt: failed.
std::optional<bool> signInAsMember(CommandContext &context, SqlKeyStore &store)
{
    auto signedIn = store.signIn(QString(), SecretString());
    if (signedIn)
        return true;
    if (signedIn.code() == ErrorCode::AuthenticationFailed)
        return false;
    context.fail(signedIn.error());
    return std::nullopt;
}

// For a DBA who is not a member: the change and its audit row in one write transaction.
Result<void> writeAsDatabaseOwner(SqlKeyStore &store, const QString &action,
                                  const QJsonObject &details,
                                  const std::function<Result<void>()> &change)
{
    const qint64 now = store.clock().nowMs();
    return store.inWriteTransaction([&]() -> Result<void> {
        if (auto changed = change(); !changed)
            return changed;
        AuditEvent event;
        event.atMs = now;
        event.actor = store.serverLogin();
        event.action = action;
        event.details = compactJson(details);
        return store.appendDatabaseOwnerAudit(event);
    });
}

// Adds a login of one kind, given the store, the new login's password and whether the caller
// signed in as a member (then the store applies the vault's own rules) or acts as the database
// owner (through the database's privileges alone; see writeAsDatabaseOwner).
using AddLogin =
    std::function<Result<void>(SqlKeyStore &store, bool asMember, const SecretString &password)>;

// The steps add-login and add-verifier share: the server vault, signing in, the new login's
// password (wiped afterwards), the change, and the report (json for scripts, or the sentence
// made for the vault's name).
ExitCode addLoginSteps(CommandContext &context, CommandParser &parser, const QString &name,
                       const AddLogin &add, const QJsonObject &json,
                       const std::function<QString(const QString &vault)> &message)
{
    SqlKeyStore *store = serverStore(context, parser);
    if (!store)
        return context.failure();
    const std::optional<bool> isMember = signInAsMember(context, *store);
    if (!isMember)
        return context.failure();
    std::optional<SecretString> password =
        DbCommands::newLoginPassword(context, parser, DbCommands::tr("the login %1").arg(name));
    if (!password)
        return context.failure();
    const Result<void> added = add(*store, *isMember, *password);
    password->clear();
    if (!added)
        return context.fail(added.error());
    if (context.output().isJson())
        context.output().printJson(json);
    else
        context.output().message(message(store->displayName()));
    return ExitCode::Success;
}

} // namespace

void DbCommands::addNoPasswordOption(CommandParser &parser)
{
    parser.addFlag(kNoPassword,
                   tr("Create a missing login without a password (peer or certificate "
                      "authentication, or set one later with \\password in psql). An existing "
                      "login always keeps its password."));
}

std::optional<SecretString> DbCommands::newLoginPassword(CommandContext &context,
                                                         const CommandParser &parser,
                                                         const QString &whose)
{
    if (parser.isSet(kNoPassword))
        return SecretString();
    if (qEnvironmentVariableIsEmpty("KEYWARD_NEW_PASSPHRASE") && !Terminal::isInteractive()) {
        context.fail(ExitCode::Usage,
                     tr("No password for %1: set KEYWARD_NEW_PASSPHRASE, run keywardctl in a "
                        "terminal to be asked, or give --no-password.")
                         .arg(whose));
        return std::nullopt;
    }
    auto typed = Terminal::newSecret("KEYWARD_NEW_PASSPHRASE", tr("Password for %1: ").arg(whose),
                                     tr("Repeat the password: "));
    if (!typed) {
        context.fail(ExitCode::Usage, typed.errorMessage());
        return std::nullopt;
    }
    return std::move(typed).value();
}

ExitCode DbCommands::setup(CommandContext &context)
{
    CommandParser parser(
        context,
        QStringLiteral("--db CONNINFO --owner LOGIN [--prefix kw] [--role-prefix keyward] "
                       "[--no-password] [--verbose] [--dry-run]"),
        tr("Turns an empty PostgreSQL database into a Keyward vault. Run it once, as the "
           "database's owner (a login with CREATEROLE). It creates the schema; the group roles "
           "PREFIX_owner, _admin, _developer, _viewer and _verifier with only the privileges "
           "each needs; row-level security; an audit log nobody can change; and makes LOGIN the "
           "first Owner (a missing login is created with the password from "
           "KEYWARD_NEW_PASSPHRASE, or asked twice). It prints what it did. Run again on a "
           "vault, it upgrades the schema and re-applies privileges and policies without "
           "touching data."));
    parser.addValueOption(kOwner, tr("LOGIN"), tr("The login that becomes the first Owner."));
    parser.addValueOption(kPrefix, tr("PREFIX"),
                          tr("Start of every key, 2 to 12 lowercase letters or digits "
                             "(default: kw)."));
    parser.addValueOption(kRolePrefix, tr("PREFIX"),
                          tr("Start of the group roles' names (default: keyward). Roles belong "
                             "to the whole server: vaults that must not share members need "
                             "different prefixes."));
    addNoPasswordOption(parser);
    parser.addFlag(kVerbose, tr("Also print every role, privilege and policy statement run."));
    parser.addFlag(kDryRun,
                   tr("Only print the role, privilege and policy statements, for review; "
                      "connects to nothing."));
    if (auto done = parser.parse(0, 0))
        return *done;

    PostgresSetupOptions options;
    if (parser.isSet(kPrefix))
        options.keyPrefix = parser.value(kPrefix);
    if (parser.isSet(kRolePrefix))
        options.rolePrefix = parser.value(kRolePrefix);
    options.owner = parser.value(kOwner);
    if (auto valid = Permissions::validatePrefix(options.keyPrefix); !valid)
        return parser.usageError(valid.errorMessage());
    if (auto valid = PostgresSetup::validateRolePrefix(options.rolePrefix); !valid)
        return parser.usageError(valid.errorMessage());

    Output &output = context.output();
    if (parser.isSet(kDryRun)) {
        auto statements = PostgresSetup::securityStatements(options.rolePrefix);
        if (!statements)
            return context.fail(statements.error());
        if (output.isJson()) {
            output.printJson(
                {{QStringLiteral("statements"), QJsonArray::fromStringList(*statements)}});
            return ExitCode::Success;
        }
        output.print(tr("-- Keyward on PostgreSQL, role prefix %1: the roles, privileges and "
                        "row-level security that \"db setup\" applies after creating the "
                        "schema, in one transaction.")
                         .arg(options.rolePrefix));
        for (const QString &statement : *statements)
            output.print(QLatin1Char('\n') + statement);
        return ExitCode::Success;
    }

    if (!context.usesServer())
        return parser.usageError(tr("Give the database to set up with --db CONNINFO (or "
                                    "KEYWARD_DB)."));
    if (options.owner.isEmpty())
        return parser.usageError(tr("Name the vault's first Owner with --owner LOGIN."));
    const std::optional<PgConnInfo> info = context.serverConnInfo();
    if (!info)
        return context.failure();
    std::optional<SecretString> password =
        newLoginPassword(context, parser, tr("the login %1").arg(options.owner));
    if (!password)
        return context.failure();
    const Clock &clock = context.clock();
    auto report = ServerConnInfo::connect<PostgresSetupReport>(
        withDefaults(*info), [&](const PgConnInfo &attempt) {
            return PostgresSetup::run(attempt.toString(true), options, *password, clock);
        });
    password->clear();
    if (!report)
        return context.fail(report.error());

    const bool verbose = parser.isSet(kVerbose);
    if (output.isJson()) {
        QJsonObject object {
            {QStringLiteral("database"), info->displayName()},
            {QStringLiteral("actions"), QJsonArray::fromStringList(report->actions)}};
        if (verbose)
            object.insert(QStringLiteral("statements"),
                          QJsonArray::fromStringList(report->statements));
        output.printJson(object);
        return ExitCode::Success;
    }
    output.print(tr("Set up the Keyward vault in %1:").arg(info->displayName()));
    for (const QString &action : std::as_const(report->actions))
        output.print(QStringLiteral("  - ") + action);
    if (verbose) {
        output.print(QString());
        output.print(tr("Statements run (%n):", nullptr, int(report->statements.size())));
        for (const QString &statement : std::as_const(report->statements))
            output.print(statement + QLatin1Char('\n'));
    }
    return ExitCode::Success;
}

ExitCode DbCommands::addLogin(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("NAME --role owner|admin|developer|viewer [--no-password]"),
        tr("Makes a PostgreSQL login a member of the server vault: creates the login when it "
           "does not exist (password from KEYWARD_NEW_PASSPHRASE, or asked twice), grants it "
           "its role's group and maps it in the members table, with an audit row. For the "
           "database owner or an Owner of the vault."));
    parser.addValueOption(kRole, tr("ROLE"), tr("The member's role."));
    addNoPasswordOption(parser);
    if (auto done = parser.parse(1, 1))
        return *done;
    const QString name = parser.positional().constFirst();
    if (!parser.isSet(kRole))
        return parser.usageError(tr("Give the member a role with --role."));
    const std::optional<Role> role = roleFromCode(parser.value(kRole));
    if (!role)
        return parser.usageError(tr("Unknown role \"%1\"; use owner, admin, developer or viewer.")
                                     .arg(parser.value(kRole)));
    const auto add = [&](SqlKeyStore &store, bool asMember,
                         const SecretString &password) -> Result<void> {
        if (asMember) {
            auto member = store.addMember(name, *role, password);
            if (!member)
                return member.error();
            return {};
        }
        return writeAsDatabaseOwner(
            store, QStringLiteral("member.add"),
            {{QStringLiteral("member"), name}, {QStringLiteral("role"), roleCode(*role)}},
            [&]() -> Result<void> {
                auto id = store.addMemberLoginByDatabaseOwner(name, *role, password);
                if (!id)
                    return id.error();
                return {};
            });
    };
    return addLoginSteps(
        context, parser, name, add,
        {{QStringLiteral("name"), name}, {QStringLiteral("role"), roleCode(*role)}},
        [&](const QString &vault) {
            return tr("Added the login %1 to the vault in %2 as %3.")
                .arg(name, vault, DisplayNames::role(*role));
        });
}

ExitCode DbCommands::addVerifier(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("NAME [--no-password]"),
        tr("Makes a PostgreSQL login a verifier: a service that checks keys (\"keywardctl --db "
           "... verify\") may read what verification needs and record usage, nothing else. "
           "Creates the login when it does not exist (password from KEYWARD_NEW_PASSPHRASE, or "
           "asked twice). For the database owner or an Owner of the vault."));
    addNoPasswordOption(parser);
    if (auto done = parser.parse(1, 1))
        return *done;
    const QString name = parser.positional().constFirst();
    const auto add = [&](SqlKeyStore &store, bool asMember,
                         const SecretString &password) -> Result<void> {
        if (asMember)
            return store.addVerifierLogin(name, password);
        return writeAsDatabaseOwner(
            store, QStringLiteral("verifier.add"), {{QStringLiteral("login"), name}},
            [&]() { return store.addVerifierLoginByDatabaseOwner(name, password); });
    };
    return addLoginSteps(
        context, parser, name, add,
        {{QStringLiteral("name"), name}, {QStringLiteral("role"), QStringLiteral("verifier")}},
        [&](const QString &vault) {
            return tr("Added the login %1 to the vault in %2 as a verifier.").arg(name, vault);
        });
}

} // namespace Keyward::Cli
