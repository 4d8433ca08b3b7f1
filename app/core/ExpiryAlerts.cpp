#include "ExpiryAlerts.h"

#include "Clock.h"
#include "DisplayNames.h"

#include <QDateTime>
#include <QLocale>

namespace Keyward {

namespace {

// The smallest threshold (in days) that the time left has crossed; 0 when none has.
int tightestThreshold(qint64 leftMs)
{
    int crossed = 0;
    for (int days : ExpiryAlerts::kThresholdDays) {
        if (leftMs <= days * kDayMs)
            crossed = days;
    }
    return crossed;
}

ExpiryAlert alertFor(const ApiKey &key, ExpiryAlert::Kind kind)
{
    ExpiryAlert alert;
    alert.kind = kind;
    alert.keyId = key.id;
    alert.keyName = key.name;
    alert.environment = key.environment;
    return alert;
}

QString dateText(qint64 ms)
{
    // "Wednesday, 20 January 2027 08:00": the day a notice names must not be misread, and for
    // the last day the hour counts.
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    const QLocale locale;
    return locale.toString(at.date(), QLocale::LongFormat) + QLatin1Char(' ')
        + locale.toString(at.time(), QLocale::ShortFormat);
}

} // namespace

QVector<ExpiryAlert> ExpiryAlerts::due(const QVector<ApiKey> &keys, qint64 nowMs)
{
    QVector<ExpiryAlert> alerts;
    for (const ApiKey &key : keys) {
        if (key.state != KeyState::Active || (key.expiresAtMs && *key.expiresAtMs <= nowMs))
            continue;
        if (key.expiresAtMs) {
            if (const int days = tightestThreshold(*key.expiresAtMs - nowMs)) {
                ExpiryAlert alert = alertFor(key, ExpiryAlert::Kind::KeyExpires);
                alert.threshold = days;
                alert.dueAtMs = *key.expiresAtMs;
                alert.tag =
                    QStringLiteral("expires/%1/%2/%3").arg(key.id).arg(alert.dueAtMs).arg(days);
                alerts.append(alert);
            }
        }
        for (const KeySecret &secret : key.secretsInGraceAt(nowMs)) {
            if (const int days = tightestThreshold(*secret.retiresAtMs - nowMs)) {
                ExpiryAlert alert = alertFor(key, ExpiryAlert::Kind::GraceEnds);
                alert.threshold = days;
                alert.dueAtMs = *secret.retiresAtMs;
                alert.tag = QStringLiteral("grace/%1/%2/%3/%4")
                                .arg(key.id)
                                .arg(secret.id)
                                .arg(alert.dueAtMs)
                                .arg(days);
                alerts.append(alert);
            }
        }
        // 100 * used >= 90 * limit, in integers: no rounding lets 89.6 % pass for 90 %.
        if (key.usageLimit && *key.usageLimit > 0
            && key.usageCount * 100 >= *key.usageLimit * kUsagePercent) {
            ExpiryAlert alert = alertFor(key, ExpiryAlert::Kind::UsageSpent);
            alert.threshold = kUsagePercent;
            alert.used = key.usageCount;
            alert.limit = *key.usageLimit;
            alert.tag =
                QStringLiteral("usage/%1/%2/%3").arg(key.id).arg(alert.limit).arg(kUsagePercent);
            alerts.append(alert);
        }
    }
    return alerts;
}

QString ExpiryAlerts::title(const ExpiryAlert &alert)
{
    const QString environment = DisplayNames::environment(alert.environment);
    switch (alert.kind) {
    case ExpiryAlert::Kind::KeyExpires:
        return tr("API key \"%1\" (%2) expires in %n day(s)", nullptr, alert.threshold)
            .arg(alert.keyName, environment);
    case ExpiryAlert::Kind::GraceEnds:
        return tr("Grace period of \"%1\" (%2) ends in %n day(s)", nullptr, alert.threshold)
            .arg(alert.keyName, environment);
    case ExpiryAlert::Kind::UsageSpent:
        return tr("API key \"%1\" (%2) has used %3 % of its limit")
            .arg(alert.keyName, environment)
            .arg(alert.threshold);
    }
    return {};
}

QString ExpiryAlerts::body(const ExpiryAlert &alert, const QString &vaultLabel)
{
    switch (alert.kind) {
    case ExpiryAlert::Kind::KeyExpires:
        return tr("It stops working on %1 (vault %2). Regenerate it or set a later expiry, "
                  "and give its integrations the new secret.")
            .arg(dateText(alert.dueAtMs), vaultLabel);
    case ExpiryAlert::Kind::GraceEnds:
        return tr("Its previous secret stops working on %1 (vault %2). Integrations that still "
                  "present it will be refused.")
            .arg(dateText(alert.dueAtMs), vaultLabel);
    case ExpiryAlert::Kind::UsageSpent:
        return tr("%1 of %2 requests used (vault %3). When the limit is reached, it is refused.")
            .arg(QLocale().toString(alert.used), QLocale().toString(alert.limit), vaultLabel);
    }
    return {};
}

QVector<ExpiryAlert> ShownAlerts::takeNew(const QVector<ExpiryAlert> &due)
{
    QVector<ExpiryAlert> fresh;
    QSet<QString> stillDue;
    for (const ExpiryAlert &alert : due) {
        stillDue.insert(alert.tag);
        if (!m_tags.contains(alert.tag))
            fresh.append(alert);
    }
    m_tags = std::move(stillDue);
    return fresh;
}

} // namespace Keyward
