#include "AuditCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "KeyLookup.h"
#include "TextFormat.h"
#include "ValueParser.h"
#include "store/SqlKeyStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Keyward::Cli {

namespace {

const QString kKey = QStringLiteral("key");
const QString kLimit = QStringLiteral("limit");
constexpr int kDefaultLimit = 100;

QJsonObject eventJson(const AuditEvent &event)
{
    // Details are stored as a compact JSON object; keep them structured for jq.
    const QJsonDocument details = QJsonDocument::fromJson(event.details.toUtf8());
    return {{QStringLiteral("id"), double(event.id)},
            {QStringLiteral("at"), TextFormat::isoTime(event.atMs)},
            {QStringLiteral("actor"), event.actor},
            {QStringLiteral("action"), event.action},
            {QStringLiteral("key_id"),
             event.keyId ? QJsonValue(double(*event.keyId)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("details"),
             details.isObject() ? QJsonValue(details.object()) : QJsonValue(event.details)},
            {QStringLiteral("hash"), QString::fromLatin1(event.hash.toHex())}};
}

} // namespace

ExitCode AuditCommands::list(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("[--key ID] [--limit N]"),
                         tr("Lists the audit log, newest first."));
    parser.addValueOption(kKey, tr("ID"), tr("Only the entries about this key."));
    parser.addValueOption(kLimit, tr("N"),
                          tr("At most this many entries (default: %1).").arg(kDefaultLimit));
    if (auto done = parser.parse(0, 0))
        return *done;
    std::optional<qint64> keyId;
    if (parser.isSet(kKey)) {
        keyId = KeyLookup::parseId(parser, parser.value(kKey));
        if (!keyId)
            return context.failure();
    }
    int limit = kDefaultLimit;
    if (parser.isSet(kLimit)) {
        const std::optional<qint64> parsed = ValueParser::positiveInteger(parser.value(kLimit));
        if (!parsed || *parsed > 1'000'000)
            return parser.usageError(tr("The limit must be a whole number from 1 to 1000000."));
        limit = int(*parsed);
    }
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto events = store->auditEvents(keyId, limit);
    if (!events)
        return context.fail(events.error());
    Output &output = context.output();
    if (output.isJson()) {
        for (const AuditEvent &event : *events)
            output.printJson(eventJson(event));
        return ExitCode::Success;
    }
    QVector<QStringList> rows;
    for (const AuditEvent &event : *events)
        rows.append({QString::number(event.id), TextFormat::humanTime(event.atMs),
                     TextFormat::elided(event.actor, 24), event.action,
                     event.keyId ? QString::number(*event.keyId) : QStringLiteral("-"),
                     TextFormat::elided(event.details, 120)});
    const QStringList header {tr("ID"),     tr("TIME"), tr("ACTOR"),
                              tr("ACTION"), tr("KEY"),  tr("DETAILS")};
    for (const QString &line : TextFormat::table(header, rows))
        output.print(line);
    return ExitCode::Success;
}

ExitCode AuditCommands::verify(CommandContext &context)
{
    CommandParser parser(context, QString(),
                         tr("Checks the audit log's hash chain: exit 0 when no entry was changed "
                            "or removed, 1 when one was."));
    if (auto done = parser.parse(0, 0))
        return *done;
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto checked = store->verifyAudit();
    if (!checked)
        return context.fail(checked.error());
    Output &output = context.output();
    if (output.isJson()) {
        QJsonObject object {{QStringLiteral("intact"), checked->intact},
                            {QStringLiteral("rows_checked"), double(checked->rowsChecked)}};
        if (!checked->intact) {
            object.insert(QStringLiteral("first_bad_id"), double(checked->firstBadId));
            object.insert(QStringLiteral("problem"), checked->problem);
        }
        if (!checked->fingerprint.isEmpty())
            object.insert(QStringLiteral("fingerprint"), checked->fingerprint);
        QJsonArray tampered;
        for (const TamperedKey &key : checked->tamperedKeys)
            tampered.append(QJsonObject {{QStringLiteral("id"), double(key.id)},
                                         {QStringLiteral("name"), key.name},
                                         {QStringLiteral("problem"), key.problem}});
        if (!tampered.isEmpty())
            object.insert(QStringLiteral("tampered_keys"), tampered);
        output.printJson(object);
    }
    if (!output.isJson()) {
        for (const TamperedKey &key : checked->tamperedKeys)
            output.message(
                tr("Tampered: key %1 (\"%2\"): %3.").arg(key.id).arg(key.name, key.problem));
    }
    if (!checked->intact && checked->firstBadId == 0) // signatures, not one entry of the chain
        return context.fail(ExitCode::Refused,
                            tr("The vault was tampered with: %1").arg(checked->problem));
    if (!checked->intact)
        return context.fail(ExitCode::Refused,
                            tr("The audit log was tampered with at entry %1: %2")
                                .arg(checked->firstBadId)
                                .arg(checked->problem));
    if (!output.isJson())
        output.print(tr("The audit log is intact (%n entries checked).", nullptr,
                        int(checked->rowsChecked)));
    return ExitCode::Success;
}

} // namespace Keyward::Cli
