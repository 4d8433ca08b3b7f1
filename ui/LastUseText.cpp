#include "LastUseText.h"

#include "Formatting.h"
#include "OutcomeText.h"
#include "verify/VerifyOutcome.h"

namespace Keyward {

namespace {

// The secret whose successful use is the key's latest, or nullptr.
const KeySecret *lastUsedSecret(const ApiKey &key)
{
    const KeySecret *latest = nullptr;
    for (const KeySecret &secret : key.secrets) {
        if (secret.lastUsedAtMs && (!latest || *secret.lastUsedAtMs > *latest->lastUsedAtMs))
            latest = &secret;
    }
    return latest;
}

// A refusal is news only when nothing succeeded after it.
const KeySecret *newsworthyRefusal(const ApiKey &key, const KeySecret *used)
{
    const KeySecret *refused = key.lastRefusedSecret();
    if (!refused || (used && *used->lastUsedAtMs >= *refused->lastRefusedAtMs))
        return nullptr;
    return refused;
}

} // namespace

QString LastUseText::reason(const KeySecret &secret)
{
    const std::optional<VerifyOutcome> outcome = verifyOutcomeFromInt(secret.lastRefusedOutcome);
    return outcome ? OutcomeText::name(*outcome) : tr("Refused");
}

QString LastUseText::refusal(const KeySecret &secret, qint64 nowMs)
{
    if (!secret.lastRefusedAtMs)
        return {};
    return tr("Last refused %1: %2.")
        .arg(Formatting::relativeTime(*secret.lastRefusedAtMs, nowMs), reason(secret));
}

QString LastUseText::cell(const ApiKey &key, qint64 nowMs)
{
    const KeySecret *used = lastUsedSecret(key);
    if (used)
        return Formatting::relativeTime(*used->lastUsedAtMs, nowMs);
    if (const KeySecret *refused = key.lastRefusedSecret())
        return tr("Never (refused %1)")
            .arg(Formatting::relativeTime(*refused->lastRefusedAtMs, nowMs));
    return Formatting::relativeOrNever(std::nullopt, nowMs);
}

QString LastUseText::toolTip(const ApiKey &key, qint64 nowMs)
{
    const KeySecret *used = lastUsedSecret(key);
    QStringList lines;
    if (!used)
        lines.append(tr("Never used successfully"));
    else if (used->lastUsedSource.isEmpty())
        lines.append(tr("Last used %1").arg(Formatting::absoluteTime(*used->lastUsedAtMs)));
    else
        lines.append(tr("Last used %1 from %2")
                         .arg(Formatting::absoluteTime(*used->lastUsedAtMs), used->lastUsedSource));
    if (const KeySecret *refused = newsworthyRefusal(key, used))
        lines.append(
            tr("Last refused %1: %2")
                .arg(Formatting::absoluteTime(*refused->lastRefusedAtMs), reason(*refused)));
    return lines.join(QLatin1Char('\n'));
}

QString LastUseText::sentence(const ApiKey &key, qint64 nowMs)
{
    const KeySecret *used = lastUsedSecret(key);
    const KeySecret *refused = newsworthyRefusal(key, used);
    QString usedText;
    if (!used) {
        usedText = refused ? tr("Last used: never successfully.") : tr("Last used: never.");
    } else {
        const QString when = tr("%1 (%2)").arg(Formatting::relativeTime(*used->lastUsedAtMs, nowMs),
                                               Formatting::absoluteTime(*used->lastUsedAtMs));
        usedText = used->lastUsedSource.isEmpty()
            ? tr("Last used %1.").arg(when)
            : tr("Last used %1 from %2.").arg(when, used->lastUsedSource);
    }
    return refused ? usedText + QLatin1Char(' ') + refusal(*refused, nowMs) : usedText;
}

} // namespace Keyward
