#pragma once

#include "ApiKey.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace Keyward {

// An RFC 5545 calendar of the moments keys stop working: each key's expiry and the end of each
// grace period, with reminders before them, so the admin's own calendar warns even when Keyward
// is not running. Metadata only: names, ids and hints, never a secret.
class ExpiryCalendar
{
    Q_DECLARE_TR_FUNCTIONS(ExpiryCalendar)
public:
    // Reminders before an expiry, in days (issue 16: 30, 14, 7 and 1 days).
    static constexpr int kReminderDays[] = {30, 14, 7, 1};

    // keys: any keys; revoked and already expired ones are left out. vaultLabel names the
    // vault in the events; uidDomain keeps the events' UIDs apart from other vaults' (so a
    // calendar that imports the file again updates them instead of adding copies).
    struct File
    {
        QByteArray ics;
        int events = 0; // for "Wrote 3 events"
    };
    static File build(const QVector<ApiKey> &keys, qint64 nowMs, const QString &vaultLabel,
                      const QString &uidDomain);

    // RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped; other
    // control characters dropped (a hostile key name cannot start a property of its own).
    static QString escapeText(const QString &text);
    // §3.1: lines longer than 75 octets continue on the next line after CRLF and a space,
    // never inside a UTF-8 sequence. Returns the line with its CRLF.
    static QByteArray foldLine(const QByteArray &line);
};

} // namespace Keyward
