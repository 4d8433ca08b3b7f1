#include "ServerConnInfo.h"

#include "Output.h"
#include "Terminal.h"

namespace Keyward::Cli {

Result<PgConnInfo> ServerConnInfo::parse(const QString &text, const QString &origin, Output &output)
{
    if (text.trimmed().isEmpty())
        return makeError(ErrorCode::NotAVault,
                         tr("%1 is empty: give a connection string such as \"host=db.example.com "
                            "dbname=keys user=alice\" or a postgresql:// URI.")
                             .arg(origin));
    auto parsed = PgConnInfo::parse(text);
    if (!parsed)
        return makeError(ErrorCode::NotAVault,
                         tr("%1 is not a valid PostgreSQL connection string: %2")
                             .arg(origin, parsed.errorMessage()));
    if (parsed->contains(QStringLiteral("password"))) {
        // Said every time: a password in a command line is readable by every local user (ps,
        // /proc) and lands in the shell history.
        if (origin.startsWith(QLatin1String("--")))
            output.message(tr("keywardctl: warning: the connection string of %1 contains a "
                              "password, which other users can read in the process list and "
                              "your shell keeps in its history. Put it in ~/.pgpass (or "
                              "PGPASSFILE) instead, or leave it out to be asked.")
                               .arg(origin));
        else
            output.message(tr("keywardctl: warning: the connection string in %1 contains a "
                              "password. Put it in ~/.pgpass (or PGPASSFILE) instead.")
                               .arg(origin));
    }
    return parsed;
}

bool ServerConnInfo::mayAskPassword(const PgConnInfo &info, const Error &error)
{
    return error.code == ErrorCode::AuthenticationFailed
        && !info.contains(QStringLiteral("password")) && qEnvironmentVariableIsEmpty("PGPASSWORD")
        && Terminal::isInteractive();
}

Result<void> ServerConnInfo::askPassword(PgConnInfo &info)
{
    QString user = info.value(QStringLiteral("user"));
    if (user.isEmpty())
        user = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER"));
    auto typed =
        Terminal::promptSecret(tr("Password for %1 on %2: ").arg(user, info.displayName()));
    if (!typed)
        return typed.error();
    info.setValue(QStringLiteral("password"), typed->toQString());
    typed->clear();
    return {};
}

} // namespace Keyward::Cli
