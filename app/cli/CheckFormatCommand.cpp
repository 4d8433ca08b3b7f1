#include "CheckFormatCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "Output.h"
#include "core/Permissions.h"
#include "crypto/KeyScanner.h"

#include <QFile>
#include <QJsonObject>

#include <cerrno>
#include <limits>
#include <vector>

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Keyward::Cli {

namespace {

const QString kStdin = QStringLiteral("-");

struct Totals
{
    int keys = 0;
    int notes = 0;
};

void report(Output &output, const QString &file, const KeyScanner::Finding &finding, Totals &totals)
{
    (finding.isLeak() ? totals.keys : totals.notes) += 1;
    if (output.isJson()) {
        QJsonObject object {{QStringLiteral("file"), file},
                            {QStringLiteral("line"), finding.line},
                            {QStringLiteral("column"), finding.column},
                            {QStringLiteral("finding"), KeyScanner::kindName(finding.kind)},
                            {QStringLiteral("leak"), finding.isLeak()},
                            {QStringLiteral("prefix"), finding.prefix},
                            {QStringLiteral("hint"), finding.hint}};
        if (finding.environment)
            object.insert(QStringLiteral("environment"), environmentCode(*finding.environment));
        output.printJson(object);
        return;
    }
    output.print(CheckFormatCommand::tr("%1:%2:%3: %4%5: %6")
                     .arg(file)
                     .arg(finding.line)
                     .arg(finding.column)
                     .arg(finding.isLeak() ? QString() : CheckFormatCommand::tr("note: "),
                          finding.hint, KeyScanner::describe(finding.kind)));
}

// Reads fd to its end through the scanner; 0, or the errno of a failed read.
int scan(int fd, Output &output, const QString &file, const QStringList &prefixes, Totals &totals)
{
    KeyScanner scanner(prefixes);
    std::vector<char> buffer(64 * 1024);
    int error = 0;
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            error = got < 0 ? errno : 0;
            break;
        }
        scanner.feed(buffer.data(), std::size_t(got));
        for (const KeyScanner::Finding &finding : scanner.takeFindings())
            report(output, file, finding, totals);
    }
    scanner.finish();
    for (const KeyScanner::Finding &finding : scanner.takeFindings())
        report(output, file, finding, totals);
    // The buffer held whatever the files hold, keys included.
    explicit_bzero(buffer.data(), buffer.size());
    return error;
}

} // namespace

ExitCode CheckFormatCommand::run(CommandContext &context)
{
    CommandParser parser(
        context, tr("[--prefix PREFIX]... [FILE...]"),
        tr("Finds Keyward keys in files, or in stdin without FILE (or with \"-\"), and checks "
           "each one's CRC32 check characters offline: no vault is opened. Prints each finding "
           "as FILE:LINE:COLUMN with the key's hint, never the key (with --json: one object per "
           "finding). Keys whose check is wrong or that were cut short are printed as notes. "
           "Exit 0 when no key was found, 1 when one was (a leak), 2 on a usage error or an "
           "unreadable file. Made for pre-commit hooks and for confirming a secret scanner's "
           "hit (docs/key-format.md)."));
    parser.addValueOption(QStringLiteral("prefix"), tr("PREFIX"),
                          tr("The vaults' key prefix (default: kw); repeat it for several."));
    if (auto done = parser.parse(0, std::numeric_limits<int>::max()))
        return *done;

    QStringList prefixes = parser.values(QStringLiteral("prefix"));
    if (prefixes.isEmpty())
        prefixes.append(QStringLiteral("kw")); // the prefix `init` gives a new vault
    for (const QString &prefix : prefixes) {
        if (auto valid = Permissions::validatePrefix(prefix); !valid)
            return parser.usageError(valid.errorMessage());
    }
    QStringList files = parser.positional();
    if (files.isEmpty())
        files.append(kStdin);

    // Every file is opened before anything is printed: a misspelt name is a usage error, not a
    // scan that stops half-way.
    std::vector<int> fds;
    auto closeAll = [&fds] {
        for (int fd : fds) {
            if (fd != STDIN_FILENO)
                ::close(fd);
        }
    };
    for (const QString &file : files) {
        if (file == kStdin) {
            fds.push_back(STDIN_FILENO);
            continue;
        }
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
        struct stat info
        {
        };
        if (fd < 0 || ::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
            const QString why =
                fd < 0 ? QString::fromLocal8Bit(strerror(errno)) : tr("it is a directory");
            if (fd >= 0)
                ::close(fd);
            closeAll();
            return parser.usageError(tr("Cannot read \"%1\": %2.").arg(file, why));
        }
        fds.push_back(fd);
    }

    Output &output = context.output();
    output.setBuffered(true);
    Totals totals;
    for (std::size_t i = 0; i < fds.size(); ++i) {
        if (const int error = scan(fds[i], output, files.at(int(i)), prefixes, totals)) {
            const QString why = QString::fromLocal8Bit(strerror(error));
            output.flush();
            closeAll();
            return context.fail(ExitCode::Usage,
                                tr("Cannot read \"%1\": %2.").arg(files.at(int(i)), why));
        }
    }
    closeAll();
    output.setBuffered(false);
    if (totals.keys == 0)
        return ExitCode::Success;
    if (!output.isJson())
        output.message(tr("keywardctl: %n Keyward key(s) found. Revoke each in its vault "
                          "(\"keywardctl key list\" shows the hints) and remove it from the "
                          "history.",
                          nullptr, totals.keys));
    return ExitCode::Refused;
}

} // namespace Keyward::Cli
