#include "KeyLookup.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "ValueParser.h"
#include "store/KeyStore.h"

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

std::optional<ApiKey> KeyLookup::load(CommandContext &context, KeyStore &store, qint64 id)
{
    auto key = store.key(id);
    if (!key) {
        context.fail(key.error());
        return std::nullopt;
    }
    return std::move(key).value();
}

} // namespace Keyward::Cli
