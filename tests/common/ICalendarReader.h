#pragma once

// Reads an .ics file back with a real iCalendar parser: Debian's python3-icalendar, run by the
// system interpreter (not a user's pyenv), so tests check what calendars will read, not strings.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QString>

namespace Keyward::Testing {

struct ICalendarRead
{
    // Each VEVENT: {"uid", "summary", "start" (Unix seconds), "reminders_days" (sorted)}.
    QJsonArray events;
    QByteArray error; // empty when the parser read the file
};

inline ICalendarRead readICalendar(const QString &path)
{
    static const char kParser[] = R"(
import icalendar, json, sys
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = []
for event in calendar.walk('VEVENT'):
    events.append({
        'uid': str(event['UID']),
        'summary': str(event['SUMMARY']),
        'start': int(event['DTSTART'].dt.timestamp()),
        'reminders_days': sorted(-int(alarm['TRIGGER'].dt.total_seconds()) / 86400
                                 for alarm in event.walk('VALARM')),
    })
print(json.dumps(events))
)";
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"), QString::fromUtf8(kParser), path});
    ICalendarRead read;
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        read.error = "python3-icalendar could not read the file (is python3-icalendar "
                     "installed?): "
            + python.readAllStandardError();
        return read;
    }
    read.events = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    return read;
}

} // namespace Keyward::Testing
