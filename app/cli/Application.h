#pragma once

#include "ExitCode.h"
#include "GlobalOptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Keyward {
class Clock;
}

namespace Keyward::Cli {

class CommandContext;
class Output;

// keywardctl's front door: global options, then the command words ("key create"), then the
// command's own arguments, handled by the command.
class Application
{
    Q_DECLARE_TR_FUNCTIONS(Application)
public:
    Application(Output &output, const Clock &clock);
    // arguments as from QCoreApplication::arguments(), program name first.
    ExitCode run(const QStringList &arguments);

private:
    using Handler = ExitCode (*)(CommandContext &);
    struct Command
    {
        QString group; // "key"; the whole command for "init" and "verify"
        QString name; // "create"; empty for one-word commands
        Handler handler;
        const char *summary; // translated when shown
    };
    static const QVector<Command> &commands();
    static QString commandName(const Command &command);

    ExitCode dispatch(QStringList words, const GlobalOptions &globals);
    ExitCode usageError(const QString &message);
    void warnAboutKeysInArguments(const QStringList &arguments);
    QString usage() const;

    Output &m_output;
    const Clock &m_clock;
};

} // namespace Keyward::Cli
