#pragma once

#include "core/KeyStatus.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace Keyward::Cli {

// How keywardctl writes values: times in UTC (scripts and servers compare them across time
// zones), codes for JSON, tables for people. ui/Formatting does the same for the GUI, but it
// lives in keyward_ui, which keywardctl must not link; the names both show are in
// core/DisplayNames.
class TextFormat
{
    Q_DECLARE_TR_FUNCTIONS(TextFormat)
public:
    static QString isoTime(qint64 atMs); // "2027-01-15T08:00:00.000Z"
    static QJsonValue isoTimeOrNull(const std::optional<qint64> &atMs);
    static QString humanTime(qint64 atMs); // "2027-01-15 08:00 UTC"
    static QString humanTimeOr(const std::optional<qint64> &atMs, const QString &fallback);
    // An expiry: like humanTime, but the first instant of a UTC day (how "--expires 2027-01-31"
    // is stored, so that the key works through all of that day) reads as the day chosen:
    // "2027-01-31 end of day UTC", not "2027-02-01 00:00 UTC".
    static QString humanExpiry(qint64 atMs);
    static QString humanExpiryOr(const std::optional<qint64> &atMs, const QString &fallback);

    static QString statusCode(KeyStatus status); // "active", for JSON
    static QString stateCode(KeyState state); // "active" | "inactive" | "revoked"

    // Cuts long text for a table cell, marking the cut with an ellipsis.
    static QString elided(const QString &text, int maxLength);
    // Left-aligned columns separated by two spaces; the last column is not padded.
    static QStringList table(const QStringList &header, const QVector<QStringList> &rows);
};

} // namespace Keyward::Cli
