#include "InitCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "Terminal.h"
#include "store/SqlKeyStore.h"

#include <QJsonObject>

namespace Keyward::Cli {

ExitCode InitCommand::run(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("[--prefix PREFIX] [--owner NAME]"),
                         tr("Creates a new vault. The first member is its Owner; the passphrase "
                            "comes from KEYWARD_PASSPHRASE or is asked for twice."));
    parser.addValueOption(QStringLiteral("prefix"), tr("PREFIX"),
                          tr("Start of every key, 2 to 12 lowercase letters or digits "
                             "(default: kw)."));
    parser.addValueOption(QStringLiteral("owner"), tr("NAME"),
                          tr("The first member (default: --member or $KEYWARD_MEMBER)."));
    if (auto done = parser.parse(0, 0))
        return *done;
    if (context.usesServer())
        return parser.usageError(tr("init creates a vault file. A PostgreSQL vault is set up "
                                    "once by the database owner: keywardctl --db CONNINFO db "
                                    "setup --owner LOGIN."));

    const QString owner = parser.isSet(QStringLiteral("owner"))
        ? parser.value(QStringLiteral("owner"))
        : context.memberName();
    if (owner.isEmpty())
        return parser.usageError(tr("Name the vault's Owner with --owner NAME."));
    const QString prefix = parser.isSet(QStringLiteral("prefix"))
        ? parser.value(QStringLiteral("prefix"))
        : QStringLiteral("kw");

    auto typed = Terminal::newSecret("KEYWARD_PASSPHRASE", tr("New passphrase for %1: ").arg(owner),
                                     tr("Repeat the passphrase: "));
    if (!typed) // no terminal, or nothing (or two different things) typed
        return context.fail(ExitCode::Usage, typed.errorMessage());
    SecretString passphrase = std::move(typed).value();
    const QString path = context.vaultPath();
    auto created = SqlKeyStore::createVault(path, prefix, owner, passphrase, context.clock());
    passphrase.clear();
    if (!created)
        return context.fail(created.error());

    Output &output = context.output();
    if (output.isJson())
        output.printJson({{QStringLiteral("vault"), path},
                          {QStringLiteral("prefix"), prefix},
                          {QStringLiteral("owner"), owner},
                          {QStringLiteral("fingerprint"), created.value()->fingerprint()}});
    else
        output.message(tr("Created the vault %1. %2 is its Owner; its keys start with %3_.\n"
                          "Its fingerprint is %4. Pin it where the vault is used (keywardctl "
                          "--pin or KEYWARD_VAULT_PIN, keyward-verifyd's vault_pin, the window's "
                          "Preferences), so that a vault rewritten by someone with access to the "
                          "file is refused.")
                           .arg(path, owner, prefix, created.value()->fingerprint()));
    return ExitCode::Success;
}

} // namespace Keyward::Cli
