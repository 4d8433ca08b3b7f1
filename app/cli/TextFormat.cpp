#include "TextFormat.h"

#include "verify/KeyExport.h"

#include <QDateTime>

#include <algorithm>

namespace Keyward::Cli {

QString TextFormat::isoTime(qint64 atMs)
{
    return KeyExport::isoTime(atMs);
}

QJsonValue TextFormat::isoTimeOrNull(const std::optional<qint64> &atMs)
{
    return KeyExport::isoTimeOrNull(atMs);
}

QString TextFormat::humanTime(qint64 atMs)
{
    return QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
        + QStringLiteral(" UTC");
}

QString TextFormat::humanTimeOr(const std::optional<qint64> &atMs, const QString &fallback)
{
    return atMs ? humanTime(*atMs) : fallback;
}

QString TextFormat::humanExpiry(qint64 atMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    if (at.time() != QTime(0, 0))
        return humanTime(atMs);
    return tr("%1 end of day UTC").arg(at.date().addDays(-1).toString(Qt::ISODate));
}

QString TextFormat::humanExpiryOr(const std::optional<qint64> &atMs, const QString &fallback)
{
    return atMs ? humanExpiry(*atMs) : fallback;
}

QString TextFormat::statusCode(KeyStatus status)
{
    return keyStatusCode(status);
}

QString TextFormat::stateCode(KeyState state)
{
    return keyStateCode(state);
}

QString TextFormat::elided(const QString &text, int maxLength)
{
    if (text.size() <= maxLength)
        return text;
    return text.left(std::max(0, maxLength - 1)) + QChar(0x2026);
}

QStringList TextFormat::table(const QStringList &header, const QVector<QStringList> &rows)
{
    QVector<int> widths(header.size(), 0);
    auto measure = [&widths](const QStringList &row) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], int(row.at(i).size()));
    };
    measure(header);
    for (const QStringList &row : rows)
        measure(row);
    auto render = [&widths](const QStringList &row) {
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            const bool last = i == row.size() - 1;
            line +=
                last ? row.at(i) : row.at(i).leftJustified(widths.value(i)) + QStringLiteral("  ");
        }
        return line;
    };
    QStringList lines {render(header)};
    for (const QStringList &row : rows)
        lines.append(render(row));
    return lines;
}

} // namespace Keyward::Cli
