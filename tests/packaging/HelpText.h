#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

// What the programs' own --help lists, the one source of the man pages and the completion.
namespace HelpText {

// Runs `program arguments...` in English with a private HOME; stdout, or an empty string.
inline QString
run(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The long options of the option lines ("  -h, --help   Show this help.", "  --config <FILE>
// ...") of the block titled `title`, or of every block when `title` is empty.
inline QSet<QString> options(const QString &help, const QString &title = {})
{
    static const QRegularExpression line(QStringLiteral("^  (-\\S+(?:, -\\S+)*)(?: [^ -]\\S*)?  "));
    static const QRegularExpression name(QStringLiteral("--[A-Za-z0-9-]+"));
    QSet<QString> names;
    bool inside = title.isEmpty();
    for (const QString &text : help.split(QLatin1Char('\n'))) {
        if (!title.isEmpty() && text == title) {
            inside = true;
            continue;
        }
        if (!title.isEmpty() && inside && text.isEmpty())
            break;
        const auto match = line.match(text);
        if (!inside || !match.hasMatch())
            continue;
        for (auto it = name.globalMatch(match.captured(1)); it.hasNext();)
            names.insert(it.next().captured());
    }
    return names;
}

// The commands of `keywardctl --help` ("key create", "init", ...), in its order.
inline QStringList commands(const QString &help)
{
    static const QRegularExpression line(QStringLiteral("^  ([a-z-]+(?: [a-z-]+)?)  "));
    QStringList names;
    bool inside = false;
    for (const QString &text : help.split(QLatin1Char('\n'))) {
        if (text == QLatin1String("Commands:")) {
            inside = true;
        } else if (inside && text.isEmpty()) {
            break;
        } else if (inside) {
            const auto match = line.match(text);
            if (match.hasMatch())
                names.append(match.captured(1));
        }
    }
    return names;
}

} // namespace HelpText
