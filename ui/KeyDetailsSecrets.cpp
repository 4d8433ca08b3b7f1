// The key's secrets in the details pane: each secret with its last use, the rotation's state
// (grace period, overdue, the sources still presenting the previous secret) and the key's
// history. The rest of the pane is in KeyDetailsPane.cpp.
#include "KeyDetailsPane.h"

#include "AuditText.h"
#include "DetailsLabels.h"
#include "Formatting.h"
#include "LastUseText.h"
#include "OutcomeText.h"
#include "StatusBadgeDelegate.h"
#include "WrapAnywhereLabel.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"
#include "core/HygieneReport.h"
#include "core/KeyStatus.h"
#include "store/KeyStore.h"
#include "verify/UsageSource.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace Keyward {

using namespace DetailsLabels;

QWidget *KeyDetailsPane::buildSecrets(QWidget *parent)
{
    QWidget *box = nullptr;
    QVBoxLayout *layout = column(QStringLiteral("keySecrets"), 4, parent, &box);
    layout->addWidget(heading(m_key.secrets.size() > 1 ? tr("Secrets") : tr("Secret"), box));
    if (QLabel *overdue = buildRotationOverdue(box))
        layout->addWidget(overdue);
    if (QLabel *rotation = buildRotationStatus(box))
        layout->addWidget(rotation);
    if (QLabel *sources = buildPreviousSecretSources(box))
        layout->addWidget(sources);
    for (int i = 0; i < m_key.secrets.size(); ++i)
        layout->addWidget(buildSecret(m_key.secrets.at(i), i, box));
    layout->addWidget(hintText(tr("A key is shown only once, when it is generated. If it is lost, "
                                  "regenerate it."),
                               box));
    layout->addStretch(1);
    return box;
}

// During a rotation the question is whether anything still presents the previous secret: say
// so in one sentence above the secrets, in the badges' colours.
QLabel *KeyDetailsPane::buildRotationStatus(QWidget *parent)
{
    const qint64 now = m_clock.nowMs();
    const KeySecret *inGrace = m_key.previousSecretInGraceAt(now);
    if (!inGrace)
        return nullptr;
    const KeySecret &current = m_key.secrets.constFirst();
    const KeySecret &previous = *inGrace;
    const QString deadline = Formatting::relativeTime(*previous.retiresAtMs, now);
    QString text;
    QColor color;
    if (previous.lastUsedAtMs && *previous.lastUsedAtMs >= current.createdAtMs) {
        const QString when = Formatting::relativeTime(*previous.lastUsedAtMs, now);
        text = previous.lastUsedSource.isEmpty()
            ? tr("Still in use: the previous secret was used %1. Whatever sends it stops working "
                 "%2 unless it gets the new secret.")
                  .arg(when, deadline)
            : tr("Still in use: the previous secret was used %1 from %2. It stops working %3: "
                 "give %2 the new secret before then.")
                  .arg(when, previous.lastUsedSource, deadline);
        color = StatusBadgeDelegate::statusColor(KeyStatus::Expired);
    } else {
        text = tr("The previous secret has not been used since the key was regenerated %1. It "
                  "stops working %2.")
                   .arg(Formatting::relativeTime(current.createdAtMs, now), deadline);
        color = StatusBadgeDelegate::statusColor(KeyStatus::Active);
    }
    QLabel *label = valueLabel(text, parent, true);
    label->setObjectName(QStringLiteral("rotationStatus"));
    setTextColor(label, color);
    return label;
}

// The badge's reason, where the secrets are: how old the secret is, what the policy allows, and
// the way out.
QLabel *KeyDetailsPane::buildRotationOverdue(QWidget *parent)
{
    const qint64 now = m_clock.nowMs();
    if (!HygieneReport::isRotationOverdue(m_key, now, m_maxSecretAgeMs))
        return nullptr;
    QLabel *label = valueLabel(
        tr("Rotation overdue. %1 Regenerate the key, with a grace period if integrations use it.")
            .arg(HygieneReport::rotationOverdueReason(m_key, now, *m_maxSecretAgeMs)),
        parent, true);
    label->setObjectName(QStringLiteral("rotationOverdueNote"));
    setTextColor(label, StatusBadgeDelegate::statusColor(KeyStatus::Expired));
    return label;
}

// Every source that has presented the previous secret since the regeneration, not only the
// latest: the integrations that have not switched yet, each with its last time.
QLabel *KeyDetailsPane::buildPreviousSecretSources(QWidget *parent)
{
    const qint64 now = m_clock.nowMs();
    const KeySecret *previous = m_key.previousSecretInGraceAt(now);
    if (!m_usage || !previous)
        return nullptr;
    const KeySecret &current = m_key.secrets.constFirst();
    Result<KeyImpact> impact = m_usage->keyImpact(m_key, now, previous->id);
    if (!impact)
        return valueLabel(impact.errorMessage(), parent, true);
    QStringList lines;
    for (const KeyImpact::Source &source : impact->sources()) {
        if (source.lastAtMs < current.createdAtMs)
            continue;
        lines.append(tr("• %1, last %2")
                         .arg(source.source.isEmpty() ? tr("(unnamed source)") : source.source,
                              Formatting::relativeTime(source.lastAtMs, now)));
    }
    if (lines.isEmpty())
        return nullptr;
    // The hint is in the previous secret's box below; here it would wrap mid-hint.
    lines.prepend(
        tr("Still presenting the previous secret (%n source(s)):", nullptr, int(lines.size())));
    QLabel *label = valueLabel(lines.join(QLatin1Char('\n')), parent, true);
    label->setObjectName(QStringLiteral("previousSecretSources"));
    return label;
}

QWidget *KeyDetailsPane::buildSecret(const KeySecret &secret, int index, QWidget *parent)
{
    const qint64 now = m_clock.nowMs();
    auto *box = new QFrame(parent);
    box->setObjectName(QStringLiteral("secretBox"));
    box->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);

    QLabel *hint = valueLabel(secret.hint, box);
    hint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(hint);

    const bool current = index == 0;
    QString state;
    if (secret.isInGracePeriodAt(now))
        state = tr("Previous secret, in its grace period:\nstill works until %1")
                    .arg(timeWithRelative(*secret.retiresAtMs, now));
    else if (secret.isRetiredAt(now))
        state = tr("Retired %1").arg(timeWithRelative(*secret.retiresAtMs, now));
    else
        state = current ? tr("Current secret") : tr("Valid");
    layout->addWidget(valueLabel(state, box));
    layout->addWidget(
        valueLabel(tr("Created %1").arg(timeWithRelative(secret.createdAtMs, now)), box));

    // Relative, as people ask "is the old one still in use right now?"; exact in the tooltip.
    QString used;
    if (!secret.lastUsedAtMs && secret.lastRefusedAtMs) {
        used =
            current ? tr("Never used successfully") : tr("Previous secret never used successfully");
    } else if (!secret.lastUsedAtMs) {
        used = current ? tr("Never used") : tr("Previous secret never used");
    } else {
        const QString when = Formatting::relativeTime(*secret.lastUsedAtMs, now);
        if (secret.lastUsedSource.isEmpty())
            used = current ? tr("Last used %1").arg(when)
                           : tr("Previous secret last used %1").arg(when);
        else
            used = current
                ? tr("Last used %1 from %2").arg(when, secret.lastUsedSource)
                : tr("Previous secret last used %1 from %2").arg(when, secret.lastUsedSource);
    }
    // Presented but refused since its last success: tools still send it (an old secret after
    // its grace period, a Staging key sent to Production), and the admin should know.
    if (secret.lastRefusedAtMs
        && (!secret.lastUsedAtMs || *secret.lastRefusedAtMs > *secret.lastUsedAtMs))
        used += QLatin1Char('\n') + LastUseText::refusal(secret, now);
    QLabel *usedLabel = valueLabel(used, box, true);
    usedLabel->setObjectName(current ? QStringLiteral("currentSecretLastUsed")
                                     : QStringLiteral("previousSecretLastUsed"));
    if (secret.lastUsedAtMs)
        usedLabel->setToolTip(Formatting::absoluteTime(*secret.lastUsedAtMs));
    layout->addWidget(usedLabel);
    layout->addStretch(1);
    return box;
}

QWidget *KeyDetailsPane::buildHistory(QWidget *parent)
{
    QWidget *box = nullptr;
    QVBoxLayout *layout = column(QStringLiteral("keyHistory"), 6, parent, &box);
    if (m_history.isEmpty())
        layout->addWidget(hintText(tr("No recorded history."), box));
    const qint64 now = m_clock.nowMs();
    for (const AuditEvent &event : std::as_const(m_history)) {
        QString line = tr("%1 by %2").arg(AuditText::action(event.action), event.actor);
        const QString details = AuditText::details(event);
        if (!details.isEmpty())
            line += QLatin1Char('\n') + details;
        QLabel *when = hintText(timeWithRelative(event.atMs, now), box, false);
        layout->addWidget(when);
        QLabel *what = valueLabel(line, box, true);
        what->setContentsMargins(0, 0, 0, 4);
        layout->addWidget(what);
    }
    return box;
}

} // namespace Keyward
