#include "VaultCheckCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "Output.h"
#include "store/VaultIntegrity.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Keyward::Cli {

ExitCode VaultCheckCommand::run(CommandContext &context)
{
    CommandParser parser(
        context, QString(),
        tr("Reads the whole vault file and checks every page, every index against its table, "
           "and Keyward's own records (settings, members, secrets, the audit chain). Changes "
           "nothing. Exit 0 when no damage was found, 3 when some was or the file cannot be "
           "read."));
    if (auto done = parser.parse(0, 0))
        return *done;
    if (context.usesServer())
        return context.fail(ExitCode::Usage,
                            tr("\"vault check\" checks a vault file (--vault); a PostgreSQL "
                               "server checks its own storage."));
    const QString path = context.vaultPath();
    auto checked = VaultIntegrity::check(path);
    if (!checked)
        return context.fail(checked.error());
    Output &output = context.output();
    if (output.isJson()) {
        QJsonArray problems;
        for (const VaultProblem &problem : *checked)
            problems.append(QJsonObject {{QStringLiteral("check"), problem.check},
                                         {QStringLiteral("detail"), problem.detail}});
        output.printJson(QJsonObject {{QStringLiteral("vault"), path},
                                      {QStringLiteral("intact"), checked->isEmpty()},
                                      {QStringLiteral("problems"), problems}});
    }
    if (!checked->isEmpty()) {
        if (!output.isJson()) {
            for (const VaultProblem &problem : *checked)
                output.message(QStringLiteral("%1: %2").arg(problem.check, problem.detail));
        }
        return context.fail(ExitCode::VaultError,
                            tr("%1 is damaged (%n problem(s) found). Restore it from a backup.",
                               nullptr, int(checked->size()))
                                .arg(path));
    }
    if (!output.isJson())
        output.print(tr("%1: no damage found.").arg(path));
    return ExitCode::Success;
}

} // namespace Keyward::Cli
