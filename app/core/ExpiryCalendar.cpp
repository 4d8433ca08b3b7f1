#include "ExpiryCalendar.h"

#include "Clock.h"
#include "DisplayNames.h"

#include <QDateTime>

namespace Keyward {

namespace {

QByteArray utcStamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
        .toLatin1();
}

class Writer
{
public:
    void property(const char *name, const QByteArray &value)
    {
        m_out += ExpiryCalendar::foldLine(QByteArray(name) + ':' + value);
    }
    void text(const char *name, const QString &value)
    {
        property(name, ExpiryCalendar::escapeText(value).toUtf8());
    }
    void alarm(const QByteArray &trigger, const QString &description)
    {
        property("BEGIN", "VALARM");
        property("ACTION", "DISPLAY");
        text("DESCRIPTION", description);
        property("TRIGGER", trigger);
        property("END", "VALARM");
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

struct Event
{
    QByteArray uid;
    qint64 atMs = 0;
    QString summary;
    QString description;
    QVector<QByteArray> triggers;
};

QVector<Event> eventsOf(const QVector<ApiKey> &keys, qint64 nowMs, const QString &vaultLabel,
                        const QString &uidDomain)
{
    QVector<Event> events;
    for (const ApiKey &key : keys) {
        if (key.state == KeyState::Revoked)
            continue;
        const QString environment = DisplayNames::environment(key.environment);
        if (key.expiresAtMs && *key.expiresAtMs > nowMs) {
            Event event;
            event.uid = QStringLiteral("key-%1-expires-%2@%3")
                            .arg(key.id)
                            .arg(*key.expiresAtMs)
                            .arg(uidDomain)
                            .toUtf8();
            event.atMs = *key.expiresAtMs;
            event.summary =
                ExpiryCalendar::tr("API key \"%1\" (%2) expires").arg(key.name, environment);
            event.description =
                ExpiryCalendar::tr("Key %1 (%2) in %3 stops working now. Regenerate it or "
                                   "set a later expiry before then, and give the integrations "
                                   "that use it the new secret.")
                    .arg(key.id)
                    .arg(key.hint(), vaultLabel);
            // Only reminders still ahead: one a month before a key that expires tomorrow
            // would fire at once.
            for (int days : ExpiryCalendar::kReminderDays) {
                if (*key.expiresAtMs - days * kDayMs > nowMs)
                    event.triggers.append(QByteArray("-P") + QByteArray::number(days) + 'D');
            }
            events.append(event);
        }
        for (const KeySecret &secret : key.secrets) {
            if (!secret.isInGracePeriodAt(nowMs))
                continue;
            Event event;
            event.uid = QStringLiteral("key-%1-secret-%2-retires@%3")
                            .arg(key.id)
                            .arg(secret.id)
                            .arg(uidDomain)
                            .toUtf8();
            event.atMs = *secret.retiresAtMs;
            event.summary =
                ExpiryCalendar::tr("Previous secret of API key \"%1\" (%2) stops working")
                    .arg(key.name, environment);
            event.description =
                ExpiryCalendar::tr("The grace period of secret %1 of key %2 in %3 ends: "
                                   "integrations still presenting it are refused from now on.")
                    .arg(secret.hint)
                    .arg(key.id)
                    .arg(vaultLabel);
            if (*secret.retiresAtMs - kDayMs > nowMs)
                event.triggers.append(QByteArrayLiteral("-P1D"));
            event.triggers.append(QByteArrayLiteral("-PT1H"));
            events.append(event);
        }
    }
    return events;
}

} // namespace

ExpiryCalendar::File ExpiryCalendar::build(const QVector<ApiKey> &keys, qint64 nowMs,
                                           const QString &vaultLabel, const QString &uidDomain)
{
    Writer out;
    out.property("BEGIN", "VCALENDAR");
    out.property("VERSION", "2.0");
    out.property("PRODID",
                 "-//Keyward//Keyward " + QCoreApplication::applicationVersion().toUtf8() + "//EN");
    out.property("CALSCALE", "GREGORIAN");
    out.property("METHOD", "PUBLISH");
    out.text("X-WR-CALNAME", tr("Keyward: keys of %1").arg(vaultLabel));
    const QByteArray stamp = utcStamp(nowMs);
    const auto events = eventsOf(keys, nowMs, vaultLabel, uidDomain);
    for (const Event &event : events) {
        out.property("BEGIN", "VEVENT");
        out.text("UID", QString::fromUtf8(event.uid));
        out.property("DTSTAMP", stamp);
        out.property("DTSTART", utcStamp(event.atMs));
        out.property("DTEND", utcStamp(event.atMs));
        out.text("SUMMARY", event.summary);
        out.text("DESCRIPTION", event.description);
        out.property("CATEGORIES", "Keyward");
        out.property("TRANSP", "TRANSPARENT");
        for (const QByteArray &trigger : event.triggers)
            out.alarm(trigger, event.summary);
        out.property("END", "VEVENT");
    }
    out.property("END", "VCALENDAR");
    return {out.take(), int(events.size())};
}

QString ExpiryCalendar::escapeText(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case '\\':
            result += QLatin1String("\\\\");
            break;
        case ';':
            result += QLatin1String("\\;");
            break;
        case ',':
            result += QLatin1String("\\,");
            break;
        case '\r':
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            Q_FALLTHROUGH();
        case '\n':
            result += QLatin1String("\\n");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                break; // CONTROL is not allowed in TEXT
            result += c;
        }
    }
    return result;
}

QByteArray ExpiryCalendar::foldLine(const QByteArray &line)
{
    constexpr qsizetype kLimit = 75;
    QByteArray result;
    qsizetype start = 0;
    qsizetype limit = kLimit; // continuation lines start with a space, which counts
    while (line.size() - start > limit) {
        qsizetype end = start + limit;
        // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
        while (end > start && (uchar(line.at(end)) & 0xC0) == 0x80)
            --end;
        result += line.mid(start, end - start);
        result += "\r\n ";
        start = end;
        limit = kLimit - 1;
    }
    result += line.mid(start);
    result += "\r\n";
    return result;
}

} // namespace Keyward
