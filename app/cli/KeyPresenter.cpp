#include "KeyPresenter.h"

#include "TextFormat.h"
#include "core/DisplayNames.h"
#include "core/KeyStatus.h"
#include "verify/KeyExport.h"
#include "verify/VerifyOutcome.h"

#include <QJsonArray>

namespace Keyward::Cli {

namespace {

// Long names are legal (up to 16 K characters) but would wreck a table.
constexpr int kNameColumnWidth = 40;

} // namespace

QJsonObject KeyPresenter::secretJson(const KeySecret &secret)
{
    return KeyExport::secretJson(secret);
}

QString KeyPresenter::lastUse(const KeySecret &secret)
{
    QString text = !secret.lastUsedAtMs ? tr("never")
        : secret.lastUsedSource.isEmpty()
        ? TextFormat::humanTime(*secret.lastUsedAtMs)
        : tr("%1 from %2").arg(TextFormat::humanTime(*secret.lastUsedAtMs), secret.lastUsedSource);
    // Refused since its last success: something still presents it and is turned away.
    if (secret.lastRefusedAtMs
        && (!secret.lastUsedAtMs || *secret.lastRefusedAtMs > *secret.lastUsedAtMs)) {
        const std::optional<VerifyOutcome> outcome =
            verifyOutcomeFromInt(secret.lastRefusedOutcome);
        text += tr(", refused %1 (%2)")
                    .arg(TextFormat::humanTime(*secret.lastRefusedAtMs),
                         outcome ? verifyOutcomeCode(*outcome) : tr("refused"));
    }
    return text;
}

QJsonObject KeyPresenter::toJson(const ApiKey &key, qint64 nowMs)
{
    return KeyExport::keyJson(key, nowMs);
}

QStringList KeyPresenter::table(const QVector<ApiKey> &keys, qint64 nowMs)
{
    const QStringList header {tr("ID"),  tr("NAME"),    tr("ENV"),      tr("STATUS"),
                              tr("KEY"), tr("EXPIRES"), tr("LAST USED")};
    QVector<QStringList> rows;
    for (const ApiKey &key : keys) {
        QString status = DisplayNames::status(effectiveStatus(key, nowMs));
        if (key.flagged)
            status += QLatin1Char('!');
        rows.append({QString::number(key.id), TextFormat::elided(key.name, kNameColumnWidth),
                     environmentCode(key.environment), status, key.hint(),
                     TextFormat::humanExpiryOr(key.expiresAtMs, tr("never")),
                     TextFormat::humanTimeOr(key.lastUsedAtMs(), tr("never"))});
    }
    return TextFormat::table(header, rows);
}

QStringList KeyPresenter::details(const ApiKey &key, qint64 nowMs, const GrantCatalogue &catalogue)
{
    QStringList grants;
    for (const QString &grant : key.grants)
        grants.append(QStringLiteral("%1 (%2)").arg(catalogue.label(grant), grant));
    QStringList lines {
        tr("Key %1: %2").arg(key.id).arg(key.name),
        tr("  Status:      %1").arg(DisplayNames::status(effectiveStatus(key, nowMs))),
        tr("  Environment: %1 (%2)")
            .arg(DisplayNames::environment(key.environment), environmentCode(key.environment)),
        tr("  Role:        %1").arg(DisplayNames::role(key.role)),
        tr("  Grants:      %1").arg(grants.join(QStringLiteral(", "))),
        tr("  Expires:     %1").arg(TextFormat::humanExpiryOr(key.expiresAtMs, tr("never"))),
        tr("  Rate limit:  %1")
            .arg(key.rateLimit.isUnlimited() ? tr("none") : key.rateLimit.toCode()),
        tr("  Usage:       %1 of %2")
            .arg(key.usageCount)
            .arg(key.usageLimit ? QString::number(*key.usageLimit) : tr("unlimited")),
    };
    if (!key.customer.isEmpty())
        lines.append(tr("  Customer:    %1").arg(key.customer));
    lines.append(
        tr("  Allowed IPs: %1")
            .arg(key.allowedIps.isEmpty() ? tr("any address") : key.allowedIps.toDisplay()));
    lines.append(tr("  Created:     %1 by %2")
                     .arg(TextFormat::humanTime(key.createdAtMs), key.createdByName));
    if (key.revokedAtMs)
        lines.append(tr("  Revoked:     %1").arg(TextFormat::humanTime(*key.revokedAtMs)));
    if (key.flagged)
        lines.append(tr("  Flagged:     deactivated because its creator was removed or demoted"));
    for (const KeySecret &secret : key.secrets) {
        QString state;
        if (secret.isRetiredAt(nowMs))
            state = tr("retired %1").arg(TextFormat::humanTime(*secret.retiresAtMs));
        else if (secret.isInGracePeriodAt(nowMs))
            state = tr("stops working %1").arg(TextFormat::humanTime(*secret.retiresAtMs));
        else
            state = tr("current");
        lines.append(tr("  Secret %1:  %2, created %3, %4, last used %5")
                         .arg(secret.id)
                         .arg(secret.hint, TextFormat::humanTime(secret.createdAtMs), state,
                              lastUse(secret)));
    }
    if (!key.notes.isEmpty()) {
        lines.append(tr("  Notes:"));
        for (const QString &line : key.notes.split(QLatin1Char('\n')))
            lines.append(QStringLiteral("    ") + line);
    }
    return lines;
}

QString KeyPresenter::reference(const ApiKey &key)
{
    return tr("%1 \"%2\" (%3)").arg(key.id).arg(TextFormat::elided(key.name, 80), key.hint());
}

} // namespace Keyward::Cli
