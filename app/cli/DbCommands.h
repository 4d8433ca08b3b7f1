#pragma once

#include "ExitCode.h"
#include "crypto/SecretString.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Keyward::Cli {

class CommandContext;
class CommandParser;

// `keywardctl db ...`: what a DBA runs on a PostgreSQL vault. `setup` turns an empty database
// into a vault that enforces the roles itself and prints what it did; `add-login` and
// `add-verifier` map server logins into the vault (creating them when missing).
class DbCommands
{
    Q_DECLARE_TR_FUNCTIONS(DbCommands)
public:
    static ExitCode setup(CommandContext &context);
    static ExitCode addLogin(CommandContext &context);
    static ExitCode addVerifier(CommandContext &context);

    // The password for logins that may be created: none with --no-password (peer or
    // certificate authentication, or logins that exist), else KEYWARD_NEW_PASSPHRASE, else
    // asked twice on the terminal. whose: "the login alice". nullopt after reporting the
    // problem (exit 2).
    static std::optional<SecretString>
    newLoginPassword(CommandContext &context, const CommandParser &parser, const QString &whose);
    static void addNoPasswordOption(CommandParser &parser);
};

} // namespace Keyward::Cli
