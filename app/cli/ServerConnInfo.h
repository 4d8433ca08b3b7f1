#pragma once

#include "core/Result.h"
#include "store/PgConnInfo.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace Keyward::Cli {

class Output;

// A PostgreSQL connection description from the command line (--db, KEYWARD_DB, migrate's --from
// and --to). The password comes from wherever libpq finds it (~/.pgpass or PGPASSFILE,
// PGPASSWORD) or, when the server asks for one that none of them gave, from a prompt without
// echo; keywardctl never takes one from argv except where the user wrote it into the conninfo,
// and then it warns.
class ServerConnInfo
{
    Q_DECLARE_TR_FUNCTIONS(ServerConnInfo)
public:
    // origin names where the text came from ("--db", "KEYWARD_DB", "--to") for the messages.
    // The message of a failure never repeats the text: it may hold a password.
    static Result<PgConnInfo> parse(const QString &text, const QString &origin, Output &output);

    // Runs attempt (which connects); when the server refused a login that had no password to
    // offer and stdin is a terminal, asks for the password and runs it once more.
    template<typename T>
    static Result<T> connect(PgConnInfo info,
                             const std::function<Result<T>(const PgConnInfo &)> &attempt)
    {
        Result<T> result = attempt(info);
        if (result || !mayAskPassword(info, result.error()))
            return result;
        if (auto asked = askPassword(info); !asked)
            return asked.error();
        return attempt(info);
    }

    // Whether a failed connection could succeed with a typed password.
    static bool mayAskPassword(const PgConnInfo &info, const Error &error);
    // Prompts on the terminal and puts the answer into info. (Qt's PostgreSQL driver takes the
    // password as a QString, so it cannot stay in wiped memory from here on.)
    static Result<void> askPassword(PgConnInfo &info);
};

} // namespace Keyward::Cli
