#include "CommandContext.h"

#include "Terminal.h"
#include "store/SqlKeyStore.h"
#include "store/VaultFile.h"

namespace Keyward::Cli {

CommandContext::CommandContext(const QString &commandName, const QStringList &arguments,
                               const GlobalOptions &globals, Output &output, const Clock &clock)
    : m_commandName(commandName)
    , m_arguments(arguments)
    , m_globals(globals)
    , m_output(output)
    , m_clock(clock)
{ }

CommandContext::~CommandContext() = default;

QString CommandContext::vaultPath() const
{
    return m_globals.vaultPath.isEmpty() ? VaultFile::defaultPath() : m_globals.vaultPath;
}

QString CommandContext::memberName() const
{
    if (!m_globals.memberName.isEmpty())
        return m_globals.memberName;
    return qEnvironmentVariable("KEYWARD_MEMBER");
}

SqlKeyStore *CommandContext::openStore()
{
    if (m_store)
        return m_store.get();
    auto opened = SqlKeyStore::openVault(vaultPath(), m_clock);
    if (!opened) {
        fail(opened.error());
        return nullptr;
    }
    m_store = std::move(opened).value();
    return m_store.get();
}

SqlKeyStore *CommandContext::signIn()
{
    const QString member = memberName();
    if (member.isEmpty()) {
        fail(ExitCode::Usage,
             tr("Say which member you are: --member NAME, or set KEYWARD_MEMBER."));
        return nullptr;
    }
    // Open first: a missing or foreign vault is reported before anyone types a passphrase.
    SqlKeyStore *store = openStore();
    if (!store)
        return nullptr;
    if (store->currentMember())
        return store;
    std::optional<SecretString> passphrase = Terminal::secretFromEnvironment("KEYWARD_PASSPHRASE");
    if (!passphrase) {
        auto typed = Terminal::promptSecret(tr("Passphrase for %1: ").arg(member));
        if (!typed) {
            fail(ExitCode::Usage, typed.errorMessage());
            return nullptr;
        }
        passphrase = std::move(typed).value();
    }
    auto signedIn = store->signIn(member, *passphrase);
    passphrase->clear();
    if (!signedIn) {
        fail(signedIn.error());
        return nullptr;
    }
    return store;
}

ExitCode CommandContext::fail(const Error &error)
{
    m_failure = m_output.error(error);
    return m_failure;
}

ExitCode CommandContext::fail(ExitCode code, const QString &message)
{
    m_failure = m_output.error(code, message);
    return m_failure;
}

} // namespace Keyward::Cli
