#include "KeyBulkCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "KeyPresenter.h"
#include "KeyStateCommands.h"
#include "Output.h"
#include "ValueParser.h"
#include "core/BulkKeyChange.h"
#include "core/Clock.h"
#include "core/ExpiryPolicy.h"
#include "store/SqlKeyStore.h"
#include "verify/KeyExport.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <limits>

namespace Keyward::Cli {

namespace {

const QString kStdin = QStringLiteral("stdin");
const QString kExpires = QStringLiteral("expires");
const QString kYes = QStringLiteral("yes");
// Ids on stdin: a hygiene report piped through jq is a few MB at most.
constexpr qint64 kMaxStdinBytes = 16 * 1024 * 1024;

// The ids named on the command line or, with --stdin, on standard input (separated by spaces,
// commas or newlines), in order, each once. nullopt: a usage error, already reported.
std::optional<QVector<qint64>> readIds(CommandParser &parser, QStringList words, bool fromStdin)
{
    if (fromStdin) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            parser.usageError(KeyBulkCommands::tr("Cannot read standard input."));
            return std::nullopt;
        }
        const QByteArray text = in.read(kMaxStdinBytes + 1);
        if (text.size() > kMaxStdinBytes) {
            parser.usageError(KeyBulkCommands::tr("Standard input is longer than 16 MiB."));
            return std::nullopt;
        }
        words += QString::fromUtf8(text).split(QRegularExpression(QStringLiteral("[\\s,]+")),
                                               Qt::SkipEmptyParts);
    }
    QVector<qint64> ids;
    QSet<qint64> seen;
    for (const QString &word : std::as_const(words)) {
        const std::optional<qint64> id = ValueParser::positiveInteger(word);
        if (!id) {
            parser.usageError(KeyBulkCommands::tr("\"%1\" is not a key id; ids are the numbers "
                                                  "in \"keywardctl key list\".")
                                  .arg(word.left(80)));
            return std::nullopt;
        }
        if (!seen.contains(*id)) {
            seen.insert(*id);
            ids.append(*id);
        }
    }
    if (ids.isEmpty()) {
        parser.usageError(KeyBulkCommands::tr("Name at least one key id, or use --stdin."));
        return std::nullopt;
    }
    return ids;
}

// Up to this many keys are read one by one (an indexed look-up each); more, in one pass over
// the table. Reading all 100,000 keys of a big vault to change a few cost a second.
constexpr int kKeysReadOneByOne = 2000;

// The named keys as the store has them now; an unknown id changes nothing at all.
Result<QVector<ApiKey>> loadKeys(SqlKeyStore &store, const QVector<qint64> &ids)
{
    const auto unknown = [](qint64 id) {
        return makeError(ErrorCode::NotFound,
                         KeyBulkCommands::tr("There is no key with id %1. Nothing was "
                                             "changed.")
                             .arg(id));
    };
    if (ids.size() <= kKeysReadOneByOne) {
        QVector<ApiKey> keys;
        keys.reserve(ids.size());
        for (qint64 id : ids) {
            auto key = store.key(id);
            if (!key)
                return key.error().code == ErrorCode::NotFound ? unknown(id) : key.error();
            keys.append(std::move(key).value());
        }
        return keys;
    }
    auto all = store.listKeys(true);
    if (!all)
        return all.error();
    QHash<qint64, ApiKey> byId;
    for (ApiKey &key : *all)
        byId.insert(key.id, std::move(key));
    QVector<ApiKey> keys;
    for (qint64 id : ids) {
        auto found = byId.find(id);
        if (found == byId.end())
            return unknown(id);
        keys.append(*found);
    }
    return keys;
}

QJsonArray idArray(const QVector<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(double(id));
    return array;
}

} // namespace

ExitCode KeyBulkCommands::bulk(CommandContext &context)
{
    CommandParser parser(
        context,
        QStringLiteral("deactivate|activate|revoke|delete|shorten-expiry ID... [--stdin] "
                       "[--expires 30d|DATE] [--yes]"),
        tr("Applies one change to many keys in one transaction, with an audit entry for each "
           "key. A key that is refused (your role, tampered, changed by someone else) is listed "
           "with the reason while the others go through; exit 1 when any was refused. Keys "
           "already in the asked state are left as they are. Stopping Production keys asks for "
           "confirmation (or --yes)."));
    parser.addFlag(kStdin, tr("Also read key ids from standard input (spaces, commas or lines)."));
    parser.addValueOption(kExpires, QStringLiteral("30d|DATE"),
                          tr("shorten-expiry: the new expiry; keys expiring sooner keep theirs."));
    parser.addFlag(kYes, tr("Do not ask for confirmation."));
    if (auto done = parser.parse(1, std::numeric_limits<int>::max()))
        return *done;
    QStringList words = parser.positional();
    const std::optional<BulkKeyAction> action = BulkKeyRules::fromCode(words.takeFirst());
    if (!action)
        return parser.usageError(tr("Unknown change \"%1\"; use deactivate, activate, revoke, "
                                    "delete or shorten-expiry.")
                                     .arg(parser.positional().constFirst().left(40)));
    std::optional<qint64> expiresAtMs;
    const qint64 now = context.clock().nowMs();
    if (*action == BulkKeyAction::ShortenExpiry) {
        if (!parser.isSet(kExpires))
            return parser.usageError(tr("shorten-expiry needs --expires."));
        const std::optional<ExpiryPolicy> expiry = parser.expiryValue(kExpires);
        if (!expiry)
            return ExitCode::Usage;
        if (!expiry->expiresAtMs(now))
            return parser.usageError(tr("shorten-expiry needs a date, not \"never\"."));
        expiresAtMs = expiry->expiresAtMs(now);
    } else if (parser.isSet(kExpires)) {
        return parser.usageError(tr("--expires only goes with shorten-expiry."));
    }
    const std::optional<QVector<qint64>> ids = readIds(parser, words, parser.isSet(kStdin));
    if (!ids)
        return ExitCode::Usage;

    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto keys = loadKeys(*store, *ids);
    if (!keys)
        return context.fail(keys.error());
    const BulkKeyChange change = BulkKeyChange::of(*action, *keys, expiresAtMs);
    if (auto valid = BulkKeyRules::validate(change, now); !valid)
        return context.fail(valid.error());

    // Ask once for every Production key the change would stop, before anything is written.
    if (BulkKeyRules::stopsKeys(*action)) {
        QStringList production;
        for (const ApiKey &key : std::as_const(*keys)) {
            if (key.environment == Environment::Production
                && BulkKeyRules::verdict(*store->currentMember(), key, *action, expiresAtMs, now)
                        .kind
                    == BulkKeyVerdict::Kind::Change)
                production.append(KeyPresenter::reference(key));
        }
        if (!production.isEmpty()) {
            ApiKey anyProduction;
            anyProduction.environment = Environment::Production;
            const QString list = production.join(QStringLiteral(", "));
            if (auto refused = KeyStateCommands::confirmProduction(
                    context, anyProduction, parser.isSet(kYes),
                    tr("Not changing %n Production key(s) without confirmation: add --yes. "
                       "(%1)",
                       nullptr, int(production.size()))
                        .arg(list),
                    tr("%1 %n Production key(s): %2? Services using them stop working. Type "
                       "\"yes\" to go ahead:",
                       nullptr, int(production.size()))
                        .arg(BulkKeyRules::code(*action), list)))
                return *refused;
        }
    }

    auto done = store->changeKeys(change);
    if (!done)
        return context.fail(done.error());
    Output &output = context.output();
    if (output.isJson()) {
        QJsonArray refused;
        for (const BulkKeyRefusal &refusal : std::as_const(done->refused))
            refused.append(QJsonObject {{QStringLiteral("id"), double(refusal.keyId)},
                                        {QStringLiteral("name"), refusal.keyName},
                                        {QStringLiteral("reason"), refusal.reason}});
        output.printJson({{QStringLiteral("action"), BulkKeyRules::code(*action)},
                          {QStringLiteral("changed"), idArray(done->changed)},
                          {QStringLiteral("unchanged"), idArray(done->unchanged)},
                          {QStringLiteral("refused"), refused}});
    } else {
        output.message(BulkKeyRules::doneText(*action, int(done->changed.size())));
        if (!done->unchanged.isEmpty())
            output.message(tr("Left %n key(s) as they were (already done).", nullptr,
                              int(done->unchanged.size())));
        if (!done->refused.isEmpty())
            output.message(tr("Refused %n key(s):", nullptr, int(done->refused.size())));
        for (const BulkKeyRefusal &refusal : std::as_const(done->refused))
            output.message(tr("  %1 \"%2\": %3")
                               .arg(refusal.keyId)
                               .arg(refusal.keyName.left(80), refusal.reason));
    }
    return done->refused.isEmpty() ? ExitCode::Success : ExitCode::Refused;
}

ExitCode KeyBulkCommands::exportKeys(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("[ID...] [--format csv|json] [--out FILE]"),
                         tr("Writes the keys' metadata (all keys, or the ids given) as CSV or "
                            "JSON for spreadsheets and other tools. Hints only, never a "
                            "secret."));
    parser.addValueOption(QStringLiteral("format"), QStringLiteral("csv|json"),
                          tr("csv (default) or json."));
    parser.addValueOption(QStringLiteral("out"), QStringLiteral("FILE"),
                          tr("Write to FILE (replaced as a whole) instead of standard output."));
    if (auto done = parser.parse(0, std::numeric_limits<int>::max()))
        return *done;
    const QString formatText = parser.value(QStringLiteral("format"));
    if (!formatText.isEmpty() && formatText != QLatin1String("csv")
        && formatText != QLatin1String("json"))
        return parser.usageError(tr("Unknown format \"%1\"; use csv or json.").arg(formatText));
    const KeyExport::Format format =
        formatText == QLatin1String("json") ? KeyExport::Format::Json : KeyExport::Format::Csv;
    std::optional<QVector<qint64>> ids;
    if (!parser.positional().isEmpty()) {
        ids = readIds(parser, parser.positional(), false);
        if (!ids)
            return ExitCode::Usage;
    }
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto keys = ids ? loadKeys(*store, *ids) : store->listKeys(true);
    if (!keys)
        return context.fail(keys.error());
    const QString path = parser.value(QStringLiteral("out"));
    const QByteArray bytes = KeyExport::write(format, *keys, context.clock().nowMs());
    if (auto failed = context.writeOut(path, bytes))
        return *failed;
    if (!path.isEmpty())
        context.output().message(
            tr("Wrote %n key(s) to %1.", nullptr, int(keys->size())).arg(path));
    return ExitCode::Success;
}

} // namespace Keyward::Cli
