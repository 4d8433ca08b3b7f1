#include "AutostartEntry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace Keyward {

QString AutostartEntry::path()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/org.keyward.Keyward.desktop");
}

bool AutostartEntry::isEnabled()
{
    QFile file(path());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line == "Hidden=true")
            return false;
    }
    return true;
}

QString AutostartEntry::execValue(const QString &program)
{
    // Desktop Entry spec, "The Exec key": inside double quotes, ", `, $ and \ are escaped with
    // a backslash; then the whole value is a string, whose own escape doubles each backslash.
    QString quoted;
    for (const QChar c : program) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$')
            || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    quoted.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    // A literal % is %% (a single one starts a field code such as %f).
    quoted.replace(QLatin1String("%"), QLatin1String("%%"));
    return QLatin1Char('"') + quoted + QStringLiteral("\" --tray");
}

bool AutostartEntry::setEnabled(bool enabled, const QString &program)
{
    const QString file = path();
    if (!enabled)
        return !QFileInfo::exists(file) || QFile::remove(file);
    // A line break would end the Exec line and start a key of its own.
    for (const QChar c : program) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return false;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Keyward\n"
                                         "Comment=Warns of API keys about to expire\n"
                                         "Icon=org.keyward.Keyward\n"
                                         "Exec=%1\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(execValue(program));
    out.write(entry.toUtf8());
    return out.commit();
}

} // namespace Keyward
