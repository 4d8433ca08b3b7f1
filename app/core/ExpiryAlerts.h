#pragma once

#include "ApiKey.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QVector>

namespace Keyward {

// What the tray warns about (issue 16 §1): a key expiring in 30, 14, 7 or 1 days, a previous
// secret whose grace period ends that soon, and a usage limit 90 % spent. Pure: the watcher
// decides when to ask, and remembers outside the vault which alerts it has already shown.
struct ExpiryAlert
{
    enum class Kind { KeyExpires, GraceEnds, UsageSpent };
    Kind kind = Kind::KeyExpires;
    qint64 keyId = 0;
    QString keyName;
    Environment environment = Environment::Development;
    // KeyExpires/GraceEnds: the threshold crossed, in days (30, 14, 7 or 1) and the moment the
    // key or secret stops working. UsageSpent: the percentage of the limit spent.
    int threshold = 0;
    qint64 dueAtMs = 0;
    qint64 used = 0;
    qint64 limit = 0;
    // Names this alert for "shown once": key, kind, threshold and what it is about (the expiry
    // date, the secret, the limit), so a key given a later expiry warns again in time.
    QString tag;
};

class ExpiryAlerts
{
    Q_DECLARE_TR_FUNCTIONS(ExpiryAlerts)
public:
    static constexpr int kThresholdDays[] = {30, 14, 7, 1};
    static constexpr int kUsagePercent = 90;

    // The alerts due now: for each key and kind only the tightest threshold crossed (a key
    // first seen five days before it expires warns "7 days", not also "30" and "14"). Revoked,
    // inactive and already expired keys warn of nothing: they do not stop anything any more.
    static QVector<ExpiryAlert> due(const QVector<ApiKey> &keys, qint64 nowMs);

    // The notice's words. Metadata only: name, environment, vault and date; never the key's
    // hint or anything of a secret, since notices show on a locked screen.
    static QString title(const ExpiryAlert &alert);
    static QString body(const ExpiryAlert &alert, const QString &vaultLabel);
};

// The tags of the alerts already shown for one vault, kept outside the vault (Settings).
class ShownAlerts
{
public:
    explicit ShownAlerts(QSet<QString> tags = {})
        : m_tags(std::move(tags))
    { }

    // The alerts of `due` not shown yet; marks them shown. Forgets tags no longer due, so the
    // list stays as long as the vault's current alerts.
    QVector<ExpiryAlert> takeNew(const QVector<ExpiryAlert> &due);
    const QSet<QString> &tags() const { return m_tags; }

private:
    QSet<QString> m_tags;
};

} // namespace Keyward
