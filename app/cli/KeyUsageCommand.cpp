#include "KeyUsageCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "KeyLookup.h"
#include "KeyPresenter.h"
#include "TextFormat.h"
#include "ValueParser.h"
#include "core/Clock.h"
#include "store/SqlKeyStore.h"
#include "verify/UsageReport.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace Keyward::Cli {

namespace {

const QString kHours = QStringLiteral("hours");
const QString kRequests = QStringLiteral("requests");

QJsonValue jsonNumber(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QString countsText(const UsageReport::Hour &hour)
{
    QStringList parts;
    for (VerifyOutcome outcome : kAllVerifyOutcomes) {
        if (const qint64 count = hour.count(outcome))
            parts.append(verifyOutcomeCode(outcome) + QLatin1Char(' ') + QString::number(count));
    }
    return parts.join(QStringLiteral(", "));
}

// tr()'s plural count is an int. Two billion uses would be shown as that many rather than as a
// negative number; --json gives the exact count.
int pluralCount(qint64 count)
{
    return int(std::min<qint64>(count, std::numeric_limits<int>::max()));
}

} // namespace

ExitCode KeyUsageCommand::run(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("ID [--hours N] [--requests N]"),
                         tr("Shows how a key was used: requests per hour and outcome (UTC), last "
                            "use per secret and the newest requests. Verifiers save usage every "
                            "few seconds, so the last moments may be missing."));
    parser.addValueOption(kHours, tr("N"), tr("Hours to show, up to now (default 24, max 2160)."));
    parser.addValueOption(kRequests, tr("N"),
                          tr("How many of the newest requests to list (default 20)."));
    if (auto done = parser.parse(1, 1))
        return *done;
    const std::optional<qint64> id = KeyLookup::parseId(parser, parser.positional().constFirst());
    if (!id)
        return context.failure();
    int hours = 24;
    int requests = 20;
    for (auto [name, target, maximum] :
         {std::tuple {kHours, &hours, 90 * 24}, std::tuple {kRequests, &requests, 1000}}) {
        if (!parser.isSet(name))
            continue;
        const std::optional<qint64> value = ValueParser::positiveInteger(parser.value(name));
        if (!value || *value > maximum)
            return parser.usageError(
                tr("--%1 takes a number from 1 to %2.").arg(name).arg(maximum));
        *target = int(*value);
    }

    const std::optional<LoadedKey> loaded = KeyLookup::signInAndLoad(context, *id);
    if (!loaded)
        return context.failure();
    SqlKeyStore &store = loaded->store;
    const ApiKey &key = loaded->key;
    const qint64 now = context.clock().nowMs();
    auto report = UsageReport::load(store, key.id, now, hours, requests);
    if (!report)
        return context.fail(report.error());

    Output &output = context.output();
    if (output.isJson()) {
        QJsonArray secrets;
        for (const KeySecret &secret : key.secrets)
            secrets.append(KeyPresenter::secretJson(secret));
        QJsonArray hourRows;
        for (const UsageReport::Hour &hour : report->hours()) {
            if (hour.total() == 0)
                continue;
            QJsonObject counts;
            for (VerifyOutcome outcome : kAllVerifyOutcomes) {
                if (const qint64 count = hour.count(outcome))
                    counts.insert(verifyOutcomeCode(outcome), double(count));
            }
            hourRows.append(QJsonObject {{QStringLiteral("hour"), TextFormat::isoTime(hour.hourMs)},
                                         {QStringLiteral("counts"), counts}});
        }
        QJsonArray requestRows;
        for (const UsageReport::Request &request : report->requests()) {
            requestRows.append(
                QJsonObject {{QStringLiteral("at"), TextFormat::isoTime(request.atMs)},
                             {QStringLiteral("outcome"), verifyOutcomeCode(request.outcome)},
                             {QStringLiteral("http"), verifyHttpStatus(request.outcome)},
                             {QStringLiteral("source"), request.source},
                             {QStringLiteral("secret_hint"), request.secretHint}});
        }
        output.printJson(QJsonObject {
            {QStringLiteral("key_id"), double(key.id)},
            {QStringLiteral("usage_count"), double(key.usageCount)},
            {QStringLiteral("usage_limit"), jsonNumber(key.usageLimit)},
            {QStringLiteral("from"), TextFormat::isoTime(report->hours().constFirst().hourMs)},
            {QStringLiteral("secrets"), secrets},
            {QStringLiteral("hours"), hourRows},
            {QStringLiteral("requests"), requestRows}});
        return ExitCode::Success;
    }

    output.print(KeyPresenter::reference(key));
    output.print(
        key.usageLimit
            ? tr("Used %1 of %2 requests.").arg(key.usageCount).arg(*key.usageLimit)
            : tr("Used %n time(s) (no usage limit).", nullptr, pluralCount(key.usageCount)));
    output.print(QString());
    output.print(tr("Last use per secret:"));
    for (const KeySecret &secret : key.secrets) {
        const QString used = KeyPresenter::lastUse(secret);
        const QString retires = !secret.retiresAtMs ? QString()
            : secret.isRetiredAt(now)
            ? tr(" (retired %1)").arg(TextFormat::humanTime(*secret.retiresAtMs))
            : tr(" (retires %1)").arg(TextFormat::humanTime(*secret.retiresAtMs));
        output.print(QStringLiteral("  ") + secret.hint + QStringLiteral("  ") + used + retires);
    }
    output.print(QString());
    output.print(tr("Requests per hour, last %n hour(s) (UTC):", nullptr, hours));
    bool anyHour = false;
    for (const UsageReport::Hour &hour : report->hours()) {
        if (hour.total() == 0)
            continue;
        anyHour = true;
        output.print(QStringLiteral("  ") + TextFormat::humanTime(hour.hourMs)
                     + QStringLiteral("  ") + countsText(hour));
    }
    if (!anyHour)
        output.print(tr("  none"));
    output.print(QString());
    output.print(tr("Newest requests:"));
    QVector<QStringList> rows;
    for (const UsageReport::Request &request : report->requests()) {
        rows.append({TextFormat::isoTime(request.atMs),
                     verifyOutcomeCode(request.outcome) + QStringLiteral(" (")
                         + QString::number(verifyHttpStatus(request.outcome)) + QLatin1Char(')'),
                     request.source.isEmpty() ? QStringLiteral("-") : request.source,
                     request.secretHint});
    }
    if (rows.isEmpty()) {
        output.print(tr("  none"));
    } else {
        for (const QString &line :
             TextFormat::table({tr("Time"), tr("Outcome"), tr("Source"), tr("Secret")}, rows))
            output.print(QStringLiteral("  ") + line);
    }
    return ExitCode::Success;
}

} // namespace Keyward::Cli
