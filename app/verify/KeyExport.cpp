#include "KeyExport.h"

#include "VerifyOutcome.h"
#include "core/KeyStatus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Keyward {

namespace {

QJsonValue optionalNumber(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QString csvCell(QString text)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!text.isEmpty() && formulaStarts.contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QString timeOrEmpty(const std::optional<qint64> &atMs)
{
    return atMs ? KeyExport::isoTime(*atMs) : QString();
}

} // namespace

QString KeyExport::isoTime(qint64 atMs)
{
    return QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue KeyExport::isoTimeOrNull(const std::optional<qint64> &atMs)
{
    return atMs ? QJsonValue(isoTime(*atMs)) : QJsonValue(QJsonValue::Null);
}

QJsonObject KeyExport::secretJson(const KeySecret &secret)
{
    const std::optional<VerifyOutcome> refused = verifyOutcomeFromInt(secret.lastRefusedOutcome);
    return QJsonObject {
        {QStringLiteral("id"), double(secret.id)},
        {QStringLiteral("hint"), secret.hint},
        {QStringLiteral("created_at"), isoTime(secret.createdAtMs)},
        {QStringLiteral("retires_at"), isoTimeOrNull(secret.retiresAtMs)},
        {QStringLiteral("last_used_at"), isoTimeOrNull(secret.lastUsedAtMs)},
        {QStringLiteral("last_used_source"), secret.lastUsedSource},
        {QStringLiteral("last_refused_at"), isoTimeOrNull(secret.lastRefusedAtMs)},
        {QStringLiteral("last_refused_outcome"),
         secret.lastRefusedAtMs && refused ? QJsonValue(verifyOutcomeCode(*refused))
                                           : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject KeyExport::keyJson(const ApiKey &key, qint64 nowMs)
{
    QJsonArray secrets;
    for (const KeySecret &secret : key.secrets)
        secrets.append(secretJson(secret));
    return QJsonObject {
        {QStringLiteral("id"), double(key.id)},
        {QStringLiteral("name"), key.name},
        {QStringLiteral("notes"), key.notes},
        {QStringLiteral("environment"), environmentCode(key.environment)},
        {QStringLiteral("role"), roleCode(key.role)},
        {QStringLiteral("grants"), QJsonArray::fromStringList(key.grants)},
        {QStringLiteral("state"), keyStateCode(key.state)},
        {QStringLiteral("status"), keyStatusCode(effectiveStatus(key, nowMs))},
        {QStringLiteral("expires_at"), isoTimeOrNull(key.expiresAtMs)},
        {QStringLiteral("rate_limit"),
         key.rateLimit.isUnlimited() ? QJsonValue(QJsonValue::Null)
                                     : QJsonValue(key.rateLimit.toCode())},
        {QStringLiteral("usage_limit"), optionalNumber(key.usageLimit)},
        {QStringLiteral("usage_count"), double(key.usageCount)},
        {QStringLiteral("customer"), key.customer},
        // Empty: any address.
        {QStringLiteral("allowed_ips"), QJsonArray::fromStringList(key.allowedIps.entries())},
        {QStringLiteral("created_by"), key.createdByName},
        {QStringLiteral("created_at"), isoTime(key.createdAtMs)},
        {QStringLiteral("updated_at"), isoTime(key.updatedAtMs)},
        {QStringLiteral("revoked_at"), isoTimeOrNull(key.revokedAtMs)},
        {QStringLiteral("last_used_at"), isoTimeOrNull(key.lastUsedAtMs())},
        {QStringLiteral("flagged"), key.flagged},
        {QStringLiteral("version"), double(key.version)},
        {QStringLiteral("hint"), key.hint()},
        {QStringLiteral("secrets"), secrets},
    };
}

QByteArray KeyExport::csv(const QVector<ApiKey> &keys, qint64 nowMs)
{
    const QStringList header {
        QStringLiteral("id"),          QStringLiteral("name"),
        QStringLiteral("environment"), QStringLiteral("role"),
        QStringLiteral("grants"),      QStringLiteral("status"),
        QStringLiteral("expires_at"),  QStringLiteral("last_used_at"),
        QStringLiteral("rate_limit"),  QStringLiteral("usage_limit"),
        QStringLiteral("usage_count"), QStringLiteral("customer"),
        QStringLiteral("allowed_ips"), QStringLiteral("created_by"),
        QStringLiteral("created_at"),  QStringLiteral("revoked_at"),
        QStringLiteral("flagged"),     QStringLiteral("hint"),
        QStringLiteral("notes"),
    };
    const QString crlf = QStringLiteral("\r\n");
    QString out = header.join(QLatin1Char(',')) + crlf;
    for (const ApiKey &key : keys) {
        const QStringList row {
            QString::number(key.id),
            key.name,
            environmentCode(key.environment),
            roleCode(key.role),
            key.grants.join(QLatin1Char(' ')),
            keyStatusCode(effectiveStatus(key, nowMs)),
            timeOrEmpty(key.expiresAtMs),
            timeOrEmpty(key.lastUsedAtMs()),
            key.rateLimit.isUnlimited() ? QString() : key.rateLimit.toCode(),
            key.usageLimit ? QString::number(*key.usageLimit) : QString(),
            QString::number(key.usageCount),
            key.customer,
            key.allowedIps.entries().join(QLatin1Char(' ')),
            key.createdByName,
            isoTime(key.createdAtMs),
            timeOrEmpty(key.revokedAtMs),
            key.flagged ? QStringLiteral("true") : QStringLiteral("false"),
            key.hint(),
            key.notes,
        };
        QStringList cells;
        cells.reserve(row.size());
        for (const QString &cell : row)
            cells.append(csvCell(cell));
        out += cells.join(QLatin1Char(',')) + crlf;
    }
    return out.toUtf8();
}

QByteArray KeyExport::json(const QVector<ApiKey> &keys, qint64 nowMs)
{
    QJsonArray array;
    for (const ApiKey &key : keys)
        array.append(keyJson(key, nowMs));
    const QJsonObject document {{QStringLiteral("exported_at"), isoTime(nowMs)},
                                {QStringLiteral("keys"), array}};
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

QByteArray KeyExport::write(Format format, const QVector<ApiKey> &keys, qint64 nowMs)
{
    return format == Format::Csv ? csv(keys, nowMs) : json(keys, nowMs);
}

} // namespace Keyward
