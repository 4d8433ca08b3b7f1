#include "AuditText.h"

#include "Formatting.h"
#include "core/DisplayNames.h"
#include "core/Environment.h"
#include "core/HygieneReport.h"
#include "core/Role.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Keyward {

namespace {

QJsonObject parse(const QString &details)
{
    return QJsonDocument::fromJson(details.toUtf8()).object();
}

QString roleName(const QJsonValue &code)
{
    const auto role = roleFromCode(code.toString());
    return role ? DisplayNames::role(*role) : code.toString();
}

QString plain(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    if (value.isBool())
        return value.toBool() ? AuditText::tr("yes") : AuditText::tr("no");
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(plain(item));
        return parts.join(QStringLiteral(", "));
    }
    return {};
}

// An allowlist as the audit stored it: the entries, or "any address" for an empty one.
QString ipList(const QJsonValue &value)
{
    const QString entries = plain(value);
    return entries.isEmpty() ? AuditText::tr("any address") : entries;
}

QString reasonText(const QString &reason)
{
    if (reason == QLatin1String("creator demoted"))
        return AuditText::tr("its creator was demoted");
    if (reason == QLatin1String("creator removed"))
        return AuditText::tr("its creator was removed");
    return reason;
}

} // namespace

QString AuditText::action(const QString &code)
{
    static const QHash<QString, const char *> phrases {
        {QStringLiteral("vault.create"), QT_TR_NOOP("Created the vault")},
        {QStringLiteral("key.create"), QT_TR_NOOP("Generated key")},
        {QStringLiteral("key.edit"), QT_TR_NOOP("Edited key")},
        {QStringLiteral("key.activate"), QT_TR_NOOP("Activated key")},
        {QStringLiteral("key.deactivate"), QT_TR_NOOP("Deactivated key")},
        {QStringLiteral("key.regenerate"), QT_TR_NOOP("Regenerated key")},
        {QStringLiteral("key.retire_secrets"), QT_TR_NOOP("Retired old secrets")},
        {QStringLiteral("key.end_grace"), QT_TR_NOOP("Ended grace period")},
        {QStringLiteral("key.revoke"), QT_TR_NOOP("Revoked key")},
        {QStringLiteral("key.delete"), QT_TR_NOOP("Deleted key")},
        {QStringLiteral("key.usage_limit"), QT_TR_NOOP("Changed usage limit")},
        {QStringLiteral("key.usage_reset"), QT_TR_NOOP("Reset usage")},
        {QStringLiteral("member.sign_in"), QT_TR_NOOP("Signed in")},
        {QStringLiteral("member.sign_in_failed"), QT_TR_NOOP("Failed sign-in")},
        {QStringLiteral("member.add"), QT_TR_NOOP("Added member")},
        {QStringLiteral("member.role"), QT_TR_NOOP("Changed member role")},
        {QStringLiteral("member.remove"), QT_TR_NOOP("Removed member")},
        {QStringLiteral("member.passphrase"), QT_TR_NOOP("Set member passphrase")},
        {QStringLiteral("vault.rotation_policy"), QT_TR_NOOP("Set rotation policy")},
        {QStringLiteral("hygiene.dismiss"), QT_TR_NOOP("Dismissed finding")},
        {QStringLiteral("hygiene.restore"), QT_TR_NOOP("Restored finding")},
    };
    const auto it = phrases.constFind(code);
    return it == phrases.constEnd() ? code : tr(*it);
}

QString AuditText::keyName(const AuditEvent &event)
{
    const QJsonObject details = parse(event.details);
    const QJsonValue name = details.value(QStringLiteral("name"));
    if (name.isString())
        return name.toString();
    // An edit records a rename as [old, new].
    if (name.isArray())
        return name.toArray().last().toString();
    return event.keyId ? tr("Key %1").arg(*event.keyId) : QString();
}

QString AuditText::details(const AuditEvent &event)
{
    const QJsonObject d = parse(event.details);
    const QString &a = event.action;
    if (a == QLatin1String("vault.create"))
        return tr("Key prefix “%1”, first Owner %2")
            .arg(d.value(QStringLiteral("prefix")).toString(),
                 d.value(QStringLiteral("owner")).toString());
    if (a == QLatin1String("key.create")) {
        QStringList parts;
        if (const auto env = environmentFromCode(d.value(QStringLiteral("environment")).toString()))
            parts.append(DisplayNames::environment(*env));
        parts.append(tr("%1 role").arg(roleName(d.value(QStringLiteral("role")))));
        const QJsonValue expires = d.value(QStringLiteral("expires_at"));
        parts.append(
            expires.isDouble()
                ? tr("expires %1").arg(Formatting::absoluteTime(qint64(expires.toDouble())))
                : tr("never expires"));
        if (d.contains(QStringLiteral("customer")))
            parts.append(tr("customer %1").arg(d.value(QStringLiteral("customer")).toString()));
        if (d.contains(QStringLiteral("allowed_ips")))
            parts.append(tr("allowed IPs %1").arg(ipList(d.value(QStringLiteral("allowed_ips")))));
        if (d.contains(QStringLiteral("hint")))
            parts.append(d.value(QStringLiteral("hint")).toString());
        return parts.join(QStringLiteral(", "));
    }
    if (a == QLatin1String("key.edit")) {
        QStringList parts;
        const QJsonArray name = d.value(QStringLiteral("name")).toArray();
        if (name.size() == 2)
            parts.append(
                tr("renamed from “%1” to “%2”").arg(name.at(0).toString(), name.at(1).toString()));
        if (d.contains(QStringLiteral("notes")))
            parts.append(tr("notes changed"));
        const QJsonArray rate = d.value(QStringLiteral("rate_limit")).toArray();
        if (rate.size() == 2)
            parts.append(
                tr("rate limit %1 → %2").arg(rate.at(0).toString(), rate.at(1).toString()));
        const QJsonValue expires = d.value(QStringLiteral("expires_at"));
        if (expires.isDouble())
            parts.append(tr("expiry shortened to %1")
                             .arg(Formatting::absoluteTime(qint64(expires.toDouble()))));
        const QJsonArray ips = d.value(QStringLiteral("allowed_ips")).toArray();
        if (ips.size() == 2)
            parts.append(tr("allowed IPs %1 → %2").arg(ipList(ips.at(0)), ipList(ips.at(1))));
        return parts.join(QStringLiteral("; "));
    }
    if (a == QLatin1String("key.regenerate")) {
        const qint64 grace = qint64(d.value(QStringLiteral("grace_ms")).toDouble());
        const QString oldHint = d.value(QStringLiteral("old_hint")).toString();
        const QString newHint = d.value(QStringLiteral("hint")).toString();
        // keywardctl retires the old secrets in an entry of its own once the new one is shown.
        if (d.value(QStringLiteral("retire_when_shown")).toBool())
            return tr("new secret %1; the old secret %2 retires once the new one is shown")
                .arg(newHint, oldHint);
        if (grace <= 0)
            return tr("new secret %1; the old secret %2 stopped working at once")
                .arg(newHint, oldHint);
        return tr("new secret %1; the old secret %2 kept working for %3")
            .arg(newHint, oldHint, Formatting::duration(grace));
    }
    if (a == QLatin1String("key.retire_secrets")) {
        const qint64 grace = qint64(d.value(QStringLiteral("grace_ms")).toDouble());
        const QString hint = d.value(QStringLiteral("hint")).toString();
        return grace <= 0
            ? tr("every secret but %1 stopped working at once").arg(hint)
            : tr("every secret but %1 kept working for %2").arg(hint, Formatting::duration(grace));
    }
    if (a == QLatin1String("key.end_grace")) {
        QStringList hints;
        for (const QJsonValue &hint : d.value(QStringLiteral("ended")).toArray())
            hints.append(hint.toString());
        return tr("the previous secret %1 stopped working before its grace period ended")
            .arg(hints.join(QStringLiteral(", ")));
    }
    if (a == QLatin1String("key.usage_limit")) {
        const QJsonArray limits = d.value(QStringLiteral("usage_limit")).toArray();
        const auto limitText = [](const QJsonValue &limit) {
            return limit.isDouble() ? tr("%L1 requests").arg(qint64(limit.toDouble()))
                                    : tr("unlimited");
        };
        return tr("usage limit %1 → %2 (%L3 used)")
            .arg(limitText(limits.at(0)), limitText(limits.at(1)))
            .arg(qint64(d.value(QStringLiteral("used")).toDouble()));
    }
    if (a == QLatin1String("key.usage_reset"))
        return tr("usage counted against the limit back to 0 (was %L1)")
            .arg(qint64(d.value(QStringLiteral("used")).toDouble()));
    if (a == QLatin1String("vault.rotation_policy")) {
        const QJsonValue days = d.value(QStringLiteral("max_secret_age_days"));
        return days.isDouble()
            ? tr("secrets are due for regeneration after %n day(s)", nullptr, days.toInt())
            : tr("no rotation policy");
    }
    if (a == QLatin1String("hygiene.dismiss") || a == QLatin1String("hygiene.restore")) {
        const auto kind =
            HygieneFinding::kindFromCode(d.value(QStringLiteral("finding")).toString());
        const QString finding = kind ? HygieneFinding::describeKind(*kind)
                                     : d.value(QStringLiteral("finding")).toString();
        if (a == QLatin1String("hygiene.restore"))
            return finding;
        return tr("%1: %2").arg(finding, d.value(QStringLiteral("reason")).toString());
    }
    if (a == QLatin1String("member.sign_in"))
        return {};
    if (a == QLatin1String("member.sign_in_failed")) {
        // An unknown name is not recorded: it may be a passphrase typed into the name field.
        const QJsonValue member = d.value(QStringLiteral("member"));
        return member.isString() ? tr("as %1: wrong passphrase").arg(member.toString())
                                 : tr("unknown member name (not recorded)");
    }
    if (a == QLatin1String("key.deactivate") && d.contains(QStringLiteral("reason")))
        return tr("because %1").arg(reasonText(d.value(QStringLiteral("reason")).toString()));
    if (a == QLatin1String("key.delete"))
        return d.value(QStringLiteral("hint")).toString();
    if (a.startsWith(QLatin1String("key.")))
        return {};
    if (a == QLatin1String("member.add"))
        return tr("%1 as %2")
            .arg(d.value(QStringLiteral("member")).toString(),
                 roleName(d.value(QStringLiteral("role"))));
    if (a == QLatin1String("member.role"))
        return tr("%1: %2 → %3")
            .arg(d.value(QStringLiteral("member")).toString(),
                 roleName(d.value(QStringLiteral("from"))),
                 roleName(d.value(QStringLiteral("to"))));
    if (a == QLatin1String("member.remove"))
        return d.value(QStringLiteral("member")).toString();
    if (a == QLatin1String("member.passphrase")) {
        const QString member = d.value(QStringLiteral("member")).toString();
        // Changing one's own is routine; an Owner setting someone else's is worth spotting.
        return member == event.actor ? tr("%1, their own").arg(member) : member;
    }

    QStringList parts;
    for (auto it = d.constBegin(); it != d.constEnd(); ++it)
        parts.append(it.key() + QStringLiteral(": ") + plain(it.value()));
    return parts.join(QStringLiteral(", "));
}

} // namespace Keyward
