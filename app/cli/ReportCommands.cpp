#include "ReportCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "KeyLookup.h"
#include "KeyPresenter.h"
#include "Output.h"
#include "TextFormat.h"
#include "ValueParser.h"
#include "core/Clock.h"
#include "core/HygieneReport.h"
#include "store/SqlKeyStore.h"

#include <QJsonObject>

namespace Keyward::Cli {

namespace {

constexpr int kNameWidth = 30;

QString kindCodes()
{
    QStringList codes;
    for (HygieneFinding::Kind kind : HygieneFinding::allKinds())
        codes.append(HygieneFinding::code(kind));
    return codes.join(QLatin1Char('|'));
}

QString policyText(const RotationPolicy &policy)
{
    if (!policy.maxSecretAgeDays)
        return ReportCommands::tr("Rotation policy: none (secrets may grow old).");
    return ReportCommands::tr("Rotation policy: a key's secret is due for regeneration after %n "
                              "day(s).",
                              nullptr, *policy.maxSecretAgeDays);
}

// The KEY and KIND of `report dismiss|restore`, checked before anyone signs in.
std::optional<std::pair<qint64, HygieneFinding::Kind>> parseFinding(CommandParser &parser)
{
    const std::optional<qint64> id = KeyLookup::parseId(parser, parser.positional().at(0));
    if (!id)
        return std::nullopt;
    const QString code = parser.positional().at(1).trimmed().toLower();
    const auto kind = HygieneFinding::kindFromCode(code);
    if (!kind) {
        parser.usageError(ReportCommands::tr("\"%1\" is not a kind of finding; use one of %2.")
                              .arg(parser.positional().at(1), kindCodes()));
        return std::nullopt;
    }
    return std::pair {*id, *kind};
}

} // namespace

ExitCode ReportCommands::hygiene(CommandContext &context)
{
    CommandParser parser(
        context,
        QStringLiteral("[--rotation 90d] [--stale 90d] [--unused 30d] [--include-dismissed]"),
        tr("Lists keys that need looking after, each with the reason and its fix: never used, "
           "not used for a long time, no expiry or valid for more than a year, a secret older "
           "than the rotation policy, Production keys with Full Administration, keys of "
           "removed or demoted members, and previous secrets still in use shortly before "
           "their grace period ends. Findings a member dismissed (report dismiss) are left out "
           "unless --include-dismissed. Exit 1 when there are findings that are not dismissed "
           "(for CI), 0 when none. With --json, one object per finding and line."));
    parser.addValueOption(QStringLiteral("rotation"), QStringLiteral("90d"),
                          tr("The longest a secret may live before it is due for regeneration "
                             "(default: the vault's rotation policy, see vault policy)."));
    parser.addValueOption(QStringLiteral("stale"), QStringLiteral("90d"),
                          tr("Unused for this long counts as stale (default 90d)."));
    parser.addValueOption(QStringLiteral("unused"), QStringLiteral("30d"),
                          tr("Never used this long after creation is a finding (default 30d)."));
    parser.addFlag(QStringLiteral("include-dismissed"),
                   tr("Also list dismissed findings, marked with who dismissed them and why."));
    if (auto done = parser.parse(0, 0))
        return *done;
    HygieneRules rules;
    for (auto [name, target] : {std::pair {QStringLiteral("stale"), &rules.staleAfterMs},
                                std::pair {QStringLiteral("unused"), &rules.neverUsedAfterMs}}) {
        if (!parser.isSet(name))
            continue;
        const auto span = ValueParser::duration(parser.value(name));
        if (!span || *span <= 0)
            return parser.usageError(
                tr("\"%1\" is not a time span; use for example 30d.").arg(parser.value(name)));
        *target = *span;
    }
    if (parser.isSet(QStringLiteral("rotation"))) {
        const auto span = ValueParser::duration(parser.value(QStringLiteral("rotation")));
        if (!span || *span <= 0)
            return parser.usageError(tr("\"%1\" is not a time span; use for example 90d.")
                                         .arg(parser.value(QStringLiteral("rotation"))));
        rules.maxSecretAgeMs = *span;
    }
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto keys = store->listKeys(false);
    if (!keys)
        return context.fail(keys.error());
    auto members = store->listMembers();
    if (!members)
        return context.fail(members.error());
    if (!rules.maxSecretAgeMs) {
        auto policy = store->rotationPolicy();
        if (!policy)
            return context.fail(policy.error());
        rules.maxSecretAgeMs = policy->maxSecretAgeMs();
    }
    auto dismissals = store->hygieneDismissals();
    if (!dismissals)
        return context.fail(dismissals.error());
    QVector<HygieneFinding> findings =
        HygieneReport::findings(*keys, *members, context.clock().nowMs(), rules);
    HygieneReport::markDismissed(findings, *dismissals);
    const bool includeDismissed = parser.isSet(QStringLiteral("include-dismissed"));
    int open = 0;
    QVector<HygieneFinding> shown;
    for (const HygieneFinding &finding : std::as_const(findings)) {
        open += finding.dismissed ? 0 : 1;
        if (!finding.dismissed || includeDismissed)
            shown.append(finding);
    }
    Output &output = context.output();
    if (output.isJson()) {
        for (const HygieneFinding &finding : std::as_const(shown)) {
            QJsonObject object {
                {QStringLiteral("key_id"), finding.keyId},
                {QStringLiteral("name"), finding.keyName},
                {QStringLiteral("environment"), environmentCode(finding.environment)},
                {QStringLiteral("finding"), HygieneFinding::code(finding.kind)},
                {QStringLiteral("reason"), finding.reason},
                {QStringLiteral("fix"), HygieneFinding::fixCode(finding.fix)}};
            if (finding.dismissed)
                object.insert(QStringLiteral("dismissed"),
                              QJsonObject {{QStringLiteral("by"), finding.dismissedBy},
                                           {QStringLiteral("at"), finding.dismissedAtMs},
                                           {QStringLiteral("reason"), finding.dismissReason}});
            output.printJson(object);
        }
    } else if (shown.isEmpty()) {
        const int dismissed = int(findings.size()) - open;
        output.message(dismissed ? tr("No findings: every key is looked after (%n dismissed, see "
                                      "--include-dismissed).",
                                      nullptr, dismissed)
                                 : tr("No findings: every key is looked after."));
    } else {
        QVector<QStringList> rows;
        for (const HygieneFinding &finding : std::as_const(shown)) {
            QString reason = finding.reason;
            if (finding.dismissed)
                reason = tr("[dismissed by %1: %2] %3")
                             .arg(finding.dismissedBy,
                                  TextFormat::elided(finding.dismissReason, 80), reason);
            rows.append({QString::number(finding.keyId),
                         TextFormat::elided(finding.keyName, kNameWidth),
                         environmentCode(finding.environment), HygieneFinding::code(finding.kind),
                         HygieneFinding::describeFix(finding.fix), reason});
        }
        for (const QString &line : TextFormat::table(
                 {tr("ID"), tr("NAME"), tr("ENV"), tr("FINDING"), tr("FIX"), tr("REASON")}, rows))
            output.print(line);
    }
    return open == 0 ? ExitCode::Success : ExitCode::Refused;
}

ExitCode ReportCommands::dismiss(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("KEY KIND --reason TEXT"),
        tr("Dismisses one finding of the hygiene report for a key, with the reason: report "
           "hygiene leaves it out from now on (and no longer fails on it) until it is restored. "
           "KIND is the finding's code as report hygiene prints it: %1. Audited; whoever may "
           "edit the key may dismiss its findings.")
            .arg(kindCodes()));
    parser.addValueOption(QStringLiteral("reason"), QStringLiteral("TEXT"),
                          tr("Why the finding may stay (one line, kept in the audit log)."));
    if (auto done = parser.parse(2, 2))
        return *done;
    const auto finding = parseFinding(parser);
    if (!finding)
        return ExitCode::Usage;
    if (!parser.isSet(QStringLiteral("reason")))
        return parser.usageError(tr("Say why with --reason TEXT."));
    const auto reason =
        HygieneReport::validateDismissReason(parser.value(QStringLiteral("reason")));
    if (!reason)
        return parser.usageError(reason.errorMessage());
    const std::optional<LoadedKey> loaded = KeyLookup::signInAndLoad(context, finding->first);
    if (!loaded)
        return context.failure();
    if (auto dismissed = loaded->store.dismissFinding(finding->first, finding->second, *reason);
        !dismissed)
        return context.fail(dismissed.error());
    Output &output = context.output();
    if (output.isJson())
        output.printJson({{QStringLiteral("key_id"), finding->first},
                          {QStringLiteral("finding"), HygieneFinding::code(finding->second)},
                          {QStringLiteral("dismissed"), true}});
    else
        output.message(
            tr("Dismissed \"%1\" for key %2.")
                .arg(HygieneFinding::code(finding->second), KeyPresenter::reference(loaded->key)));
    return ExitCode::Success;
}

ExitCode ReportCommands::restore(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("KEY KIND"),
                         tr("Restores a dismissed finding: report hygiene lists it again. "
                            "Audited. KIND: %1.")
                             .arg(kindCodes()));
    if (auto done = parser.parse(2, 2))
        return *done;
    const auto finding = parseFinding(parser);
    if (!finding)
        return ExitCode::Usage;
    const std::optional<LoadedKey> loaded = KeyLookup::signInAndLoad(context, finding->first);
    if (!loaded)
        return context.failure();
    if (auto restored = loaded->store.restoreFinding(finding->first, finding->second); !restored)
        return context.fail(restored.error());
    Output &output = context.output();
    if (output.isJson())
        output.printJson({{QStringLiteral("key_id"), finding->first},
                          {QStringLiteral("finding"), HygieneFinding::code(finding->second)},
                          {QStringLiteral("dismissed"), false}});
    else
        output.message(
            tr("Restored \"%1\" for key %2.")
                .arg(HygieneFinding::code(finding->second), KeyPresenter::reference(loaded->key)));
    return ExitCode::Success;
}

ExitCode ReportCommands::policy(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("[--max-secret-age 90d|none]"),
        tr("Shows the vault's rotation policy, or sets it (Owners): the oldest a key's secret "
           "may be before report hygiene lists it as overdue for regeneration and the window "
           "badges it \"Rotation overdue\". Whole days, 1 to %1; none turns the check off. "
           "Audited.")
            .arg(RotationPolicy::kMaxDays));
    parser.addValueOption(QStringLiteral("max-secret-age"), QStringLiteral("90d|none"),
                          tr("The maximum secret age in days (90d or 90), or none."));
    if (auto done = parser.parse(0, 0))
        return *done;
    std::optional<std::optional<int>> change;
    if (parser.isSet(QStringLiteral("max-secret-age"))) {
        const QString text = parser.value(QStringLiteral("max-secret-age")).trimmed().toLower();
        if (text == QLatin1String("none") || text == QLatin1String("never")) {
            change = std::optional<int>();
        } else {
            QString digits = text;
            if (digits.endsWith(QLatin1Char('d')))
                digits.chop(1);
            bool ok = false;
            const int days = digits.toInt(&ok);
            if (!ok || !HygieneReport::validateRotationDays(days))
                return parser.usageError(
                    tr("\"%1\" is not a maximum secret age; use whole days from 1 to %2 (e.g. "
                       "90d), or none.")
                        .arg(parser.value(QStringLiteral("max-secret-age")))
                        .arg(RotationPolicy::kMaxDays));
            change = std::optional<int>(days);
        }
    }
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    if (change) {
        if (auto set = store->setRotationPolicy(*change); !set)
            return context.fail(set.error());
    }
    auto policy = store->rotationPolicy();
    if (!policy)
        return context.fail(policy.error());
    Output &output = context.output();
    if (output.isJson()) {
        QJsonObject object {{QStringLiteral("max_secret_age_days"),
                             policy->maxSecretAgeDays ? QJsonValue(*policy->maxSecretAgeDays)
                                                      : QJsonValue(QJsonValue::Null)}};
        if (!policy->setBy.isEmpty()) {
            object.insert(QStringLiteral("set_by"), policy->setBy);
            object.insert(QStringLiteral("set_at"), policy->setAtMs);
        }
        output.printJson(object);
    } else {
        output.print(policyText(*policy));
    }
    return ExitCode::Success;
}

} // namespace Keyward::Cli
