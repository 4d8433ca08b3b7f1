#include "CommandParser.h"

#include "CommandContext.h"

#include <algorithm>

namespace Keyward::Cli {

namespace {

const QString kVault = QStringLiteral("vault");
const QString kDb = QStringLiteral("db");
const QString kMember = QStringLiteral("member");
const QString kPin = QStringLiteral("pin");
const QString kJson = QStringLiteral("json");
const QString kHelp = QStringLiteral("help");

QStringList alignedHelp(const QVector<QString> &names, const QVector<QString> &descriptions)
{
    int width = 0;
    for (const QString &name : names)
        width = std::max(width, int(name.size()));
    QStringList lines;
    for (int i = 0; i < names.size(); ++i)
        lines.append(QStringLiteral("  ") + names.at(i).leftJustified(width + 2)
                     + descriptions.at(i));
    return lines;
}

} // namespace

CommandParser::CommandParser(CommandContext &context, const QString &synopsis,
                             const QString &summary)
    : m_context(context)
    , m_synopsis(synopsis)
    , m_summary(summary)
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption vault(kVault, tr("The vault file."), tr("FILE"));
    const QCommandLineOption db(kDb, tr("A PostgreSQL vault."), tr("CONNINFO"));
    const QCommandLineOption member(kMember, tr("Who you are (default: $KEYWARD_MEMBER)."),
                                    tr("NAME"));
    const QCommandLineOption pin(kPin,
                                 tr("The vault file's expected fingerprint: another one is "
                                    "refused (default: $KEYWARD_VAULT_PIN)."),
                                 tr("FINGERPRINT"));
    const QCommandLineOption json(kJson, tr("Print JSON: one object per line."));
    const QCommandLineOption help({QStringLiteral("h"), kHelp}, tr("Show this help."));
    for (const QCommandLineOption &option : {vault, db, member, pin, json, help})
        m_parser.addOption(option);
    m_globalOptions = {
        {QStringLiteral("--vault FILE"),
         tr("The vault file (default: %1).").arg(context.vaultPath())},
        {QStringLiteral("--db CONNINFO"),
         tr("A PostgreSQL vault instead: a libpq connection string (\"host=... dbname=... "
            "user=...\", \"service=NAME\") or a postgresql:// URI (default: $KEYWARD_DB). The "
            "server authenticates you; the password comes from ~/.pgpass, PGPASSWORD or a "
            "prompt.")},
        {QStringLiteral("--member NAME"), member.description()},
        {QStringLiteral("--pin FINGERPRINT"), pin.description()},
        {QStringLiteral("--json"), json.description()},
        {QStringLiteral("-h, --help"), help.description()},
    };
}

void CommandParser::addOption(const QCommandLineOption &option, const QString &shown)
{
    m_parser.addOption(option);
    m_commandOptions.append({shown, option.description()});
}

void CommandParser::addValueOption(const QString &name, const QString &valueName,
                                   const QString &description)
{
    addOption(QCommandLineOption(name, description, valueName),
              QStringLiteral("--") + name + QLatin1Char(' ') + valueName);
}

void CommandParser::addFlag(const QString &name, const QString &description)
{
    addOption(QCommandLineOption(name, description), QStringLiteral("--") + name);
}

std::optional<ExitCode> CommandParser::parse(int minPositional, int maxPositional)
{
    // QCommandLineParser expects the program name first.
    if (!m_parser.parse(QStringList {QStringLiteral("keywardctl")} + m_context.arguments())) {
        // The options could not be read, but a script that asked for JSON still gets it.
        if (m_context.arguments().contains(QStringLiteral("--json")))
            m_context.output().setJson(true);
        return usageError(m_parser.errorText());
    }
    if (m_parser.isSet(kHelp)) {
        m_context.output().print(helpText());
        return ExitCode::Success;
    }
    GlobalOptions &globals = m_context.globals();
    if (m_parser.isSet(kVault))
        globals.vaultPath = m_parser.value(kVault);
    if (m_parser.isSet(kDb)) {
        globals.dbConninfo = m_parser.value(kDb);
        if (globals.dbConninfo.trimmed().isEmpty())
            return usageError(tr("--db needs a connection string."));
    }
    if (m_parser.isSet(kMember))
        globals.memberName = m_parser.value(kMember);
    if (m_parser.isSet(kPin))
        globals.pin = m_parser.value(kPin);
    if (m_parser.isSet(kJson))
        globals.json = true;
    m_context.output().setJson(globals.json);
    if (!globals.vaultPath.isEmpty() && !globals.dbConninfo.isEmpty())
        return usageError(tr("Give either --vault (a vault file) or --db (a PostgreSQL vault), "
                             "not both."));

    const int count = int(m_parser.positionalArguments().size());
    if (count < minPositional)
        return usageError(tr("Missing arguments."));
    if (count > maxPositional)
        return usageError(tr("Unexpected argument \"%1\".")
                              .arg(m_parser.positionalArguments().at(maxPositional)));
    return std::nullopt;
}

std::optional<ExpiryPolicy> CommandParser::expiryValue(const QString &name, const QString &text)
{
    const QString given = text.isEmpty() ? value(name) : text;
    std::optional<ExpiryPolicy> expiry = ExpiryPolicy::parse(given);
    if (!expiry)
        usageError(
            tr("Cannot read the expiry \"%1\"; use e.g. 90d, 2027-01-31 or never.").arg(given));
    return expiry;
}

ExitCode CommandParser::usageError(const QString &message)
{
    Output &output = m_context.output();
    m_context.fail(ExitCode::Usage, message);
    // With --json, stderr holds the one error object and nothing else.
    if (output.isJson())
        return ExitCode::Usage;
    output.message(tr("Usage: %1").arg(usageLine()));
    output.message(tr("Run \"keywardctl %1 --help\" for details.").arg(m_context.commandName()));
    return ExitCode::Usage;
}

QString CommandParser::usageLine() const
{
    return QStringLiteral("keywardctl ") + m_context.commandName()
        + (m_synopsis.isEmpty() ? QString() : QLatin1Char(' ') + m_synopsis);
}

QString CommandParser::helpText() const
{
    QStringList lines {tr("Usage: %1").arg(usageLine()), QString(), m_summary};
    auto section = [&lines](const QString &title, const QVector<OptionHelp> &options) {
        if (options.isEmpty())
            return;
        QVector<QString> names;
        QVector<QString> descriptions;
        for (const OptionHelp &option : options) {
            names.append(option.names);
            descriptions.append(option.description);
        }
        lines << QString() << title << alignedHelp(names, descriptions);
    };
    section(tr("Options:"), m_commandOptions);
    section(tr("Global options:"), m_globalOptions);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Keyward::Cli
