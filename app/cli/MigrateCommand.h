#pragma once

#include "ExitCode.h"

#include <QCoreApplication>
#include <QString>

namespace Keyward {
struct MigrationReport;
}

namespace Keyward::Cli {

class CommandContext;

// `keywardctl migrate --from A --to B`: copies a whole vault between a file and a PostgreSQL
// database (either way; file to file and server to server work too). Which side is which is
// told by the text itself: a postgresql:// URI or a keyword=value connection string is a
// server, anything else (or an existing file) a vault file.
class MigrateCommand
{
    Q_DECLARE_TR_FUNCTIONS(MigrateCommand)
public:
    static ExitCode run(CommandContext &context);
    static bool isConnInfo(const QString &text);

private:
    static void report(CommandContext &context, const MigrationReport &report, const QString &from,
                       const QString &to);
};

} // namespace Keyward::Cli
