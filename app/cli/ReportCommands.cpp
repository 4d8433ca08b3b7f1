#include "ReportCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
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

} // namespace

ExitCode ReportCommands::hygiene(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("[--rotation 90d] [--stale 90d] [--unused 30d]"),
        tr("Lists keys that need looking after, each with the reason and its fix: never used, "
           "not used for a long time, no expiry or valid for more than a year, a secret older "
           "than the rotation policy, Production keys with Full Administration, keys of "
           "removed or demoted members, and previous secrets still in use shortly before "
           "their grace period ends. Exit 1 when there are findings (for CI), 0 when none. "
           "With --json, one object per finding and line."));
    parser.addValueOption(QStringLiteral("rotation"), QStringLiteral("90d"),
                          tr("The longest a secret may live before it is due for regeneration "
                             "(default: not checked)."));
    parser.addValueOption(QStringLiteral("stale"), QStringLiteral("90d"),
                          tr("Unused for this long counts as stale (default 90d)."));
    parser.addValueOption(QStringLiteral("unused"), QStringLiteral("30d"),
                          tr("Never used this long after creation is a finding (default 30d)."));
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
    const QVector<HygieneFinding> findings =
        HygieneReport::findings(*keys, *members, context.clock().nowMs(), rules);
    Output &output = context.output();
    if (output.isJson()) {
        for (const HygieneFinding &finding : findings)
            output.printJson(
                QJsonObject {{QStringLiteral("key_id"), finding.keyId},
                             {QStringLiteral("name"), finding.keyName},
                             {QStringLiteral("environment"), environmentCode(finding.environment)},
                             {QStringLiteral("finding"), HygieneFinding::code(finding.kind)},
                             {QStringLiteral("reason"), finding.reason},
                             {QStringLiteral("fix"), HygieneFinding::fixCode(finding.fix)}});
    } else if (findings.isEmpty()) {
        output.message(tr("No findings: every key is looked after."));
    } else {
        QVector<QStringList> rows;
        for (const HygieneFinding &finding : findings)
            rows.append({QString::number(finding.keyId),
                         TextFormat::elided(finding.keyName, kNameWidth),
                         environmentCode(finding.environment), HygieneFinding::code(finding.kind),
                         HygieneFinding::describeFix(finding.fix), finding.reason});
        for (const QString &line : TextFormat::table(
                 {tr("ID"), tr("NAME"), tr("ENV"), tr("FINDING"), tr("FIX"), tr("REASON")}, rows))
            output.print(line);
    }
    return findings.isEmpty() ? ExitCode::Success : ExitCode::Refused;
}

} // namespace Keyward::Cli
