#pragma once

#include "ExitCode.h"
#include "core/ExpiryPolicy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace Keyward::Cli {

class CommandContext;

// One command's options and arguments, its --help, and its usage errors (exit code 2). The
// global options (--vault, --member, --json) are accepted here too and update the context, so
// `keywardctl key list --json` and `keywardctl --json key list` mean the same.
class CommandParser
{
    Q_DECLARE_TR_FUNCTIONS(CommandParser)
public:
    // synopsis: what follows the command words, e.g. "ID [--grace 0|1h|24h|3d|7d]".
    CommandParser(CommandContext &context, const QString &synopsis, const QString &summary);

    void addValueOption(const QString &name, const QString &valueName, const QString &description);
    void addFlag(const QString &name, const QString &description);

    // nullopt: go on with the command. Otherwise the command is over: Success after --help,
    // Usage after a bad command line (the error and the usage line are already printed).
    std::optional<ExitCode> parse(int minPositional, int maxPositional);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }

    // The option's value ("30d", "2027-01-31", "never"; text instead when given) as an expiry;
    // nullopt after reporting a usage error (the command then returns ExitCode::Usage).
    std::optional<ExpiryPolicy> expiryValue(const QString &name, const QString &text = {});

    // Reports a bad argument value with the usage line; returns ExitCode::Usage.
    ExitCode usageError(const QString &message);
    QString usageLine() const;

private:
    struct OptionHelp
    {
        QString names;
        QString description;
    };
    void addOption(const QCommandLineOption &option, const QString &shown);
    QString helpText() const;

    CommandContext &m_context;
    QString m_synopsis;
    QString m_summary;
    QCommandLineParser m_parser;
    QVector<OptionHelp> m_commandOptions;
    QVector<OptionHelp> m_globalOptions;
};

} // namespace Keyward::Cli
