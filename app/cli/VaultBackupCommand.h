#pragma once

#include "ExitCode.h"

#include <QCoreApplication>
#include <QString>

namespace Keyward::Cli {

class CommandContext;

// `keywardctl vault backup FILE`: an online copy of a vault file, checked in full before it is
// kept (VaultBackup). `vault restore BACKUP`: a checked backup of the same vault put back in
// place, the replaced vault kept beside it. No sign-in, like `vault check`: these work on the
// file (whoever can read it could copy it), and a damaged vault must still be restorable.
// A PostgreSQL vault's backup is a signed vault file copy (VaultBackup::backupServer), made by
// an Owner who signs in.
class VaultBackupCommand
{
    Q_DECLARE_TR_FUNCTIONS(VaultBackupCommand)
public:
    static ExitCode backup(CommandContext &context);
    static ExitCode restore(CommandContext &context);

private:
    static ExitCode backupServer(CommandContext &context, const QString &target);
};

} // namespace Keyward::Cli
