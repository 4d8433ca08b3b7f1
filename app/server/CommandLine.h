#pragma once

#include "ServerConfig.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace Keyward::Verifyd {

// keyward-verifyd's command line: --config FILE and overrides of what the file says, chosen
// like keywardctl's (--vault FILE or --db CONNINFO; neither: $KEYWARD_DB, else the default
// vault file).
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    QString configPath;
    std::optional<QString> listen;
    std::optional<QString> vault;
    std::optional<QString> db;
    std::optional<int> threads;
    bool checkConfig = false; // --check-config: read everything, open the vault, exit
    // Set when --help or --version printed something: exit 0 without serving.
    bool done = false;

    // A usage error is an Error with a message ready for stderr.
    static Result<CommandLine> parse(const QStringList &arguments);
    // The file, then the overrides, then the store default.
    Result<ServerConfig> load() const;
};

} // namespace Keyward::Verifyd
