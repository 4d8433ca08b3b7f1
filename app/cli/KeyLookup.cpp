#include "KeyLookup.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "ValueParser.h"
#include "store/SqlKeyStore.h"

namespace Keyward::Cli {

std::optional<qint64> KeyLookup::parseId(CommandParser &parser, const QString &idText)
{
    const std::optional<qint64> id = ValueParser::positiveInteger(idText);
    if (!id)
        parser.usageError(tr("\"%1\" is not a key id; ids are the numbers in \"keywardctl key "
                             "list\".")
                              .arg(idText));
    return id;
}

std::optional<LoadedKey> KeyLookup::signInAndLoad(CommandContext &context, qint64 id)
{
    SqlKeyStore *store = context.signIn();
    if (!store)
        return std::nullopt;
    auto key = store->key(id);
    if (!key) {
        context.fail(key.error());
        return std::nullopt;
    }
    return LoadedKey {*store, std::move(key).value()};
}

std::optional<LoadedKey> KeyLookup::fromFirstArgument(CommandContext &context,
                                                      CommandParser &parser)
{
    const std::optional<qint64> id = parseId(parser, parser.positional().constFirst());
    if (!id)
        return std::nullopt;
    return signInAndLoad(context, *id);
}

} // namespace Keyward::Cli
