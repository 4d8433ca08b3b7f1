#include "CommandContext.h"

#include "ServerConnInfo.h"
#include "Terminal.h"
#include "store/SqlKeyStore.h"
#include "store/VaultFile.h"

#include <QSaveFile>

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

QString CommandContext::dbConninfo() const
{
    if (!m_globals.dbConninfo.isEmpty())
        return m_globals.dbConninfo;
    // An explicit --vault beats the environment, as --member beats KEYWARD_MEMBER.
    if (!m_globals.vaultPath.isEmpty())
        return {};
    return qEnvironmentVariable("KEYWARD_DB");
}

std::optional<PgConnInfo> CommandContext::serverConnInfo()
{
    const bool fromOption = !m_globals.dbConninfo.isEmpty();
    auto parsed = ServerConnInfo::parse(
        dbConninfo(), fromOption ? m_serverOrigin : QStringLiteral("KEYWARD_DB"), m_output);
    if (!parsed) {
        fail(parsed.error());
        return std::nullopt;
    }
    return *parsed;
}

QString CommandContext::pin() const
{
    return m_globals.pin.isEmpty() ? qEnvironmentVariable("KEYWARD_VAULT_PIN") : m_globals.pin;
}

QString CommandContext::memberName() const
{
    if (!m_globals.memberName.isEmpty())
        return m_globals.memberName;
    return qEnvironmentVariable("KEYWARD_MEMBER");
}

SqlKeyStore *CommandContext::openStore(VaultCheck check)
{
    if (m_store)
        return m_store.get();
    if (usesServer()) {
        const std::optional<PgConnInfo> info = serverConnInfo();
        if (!info)
            return nullptr;
        const Clock &clock = m_clock;
        auto connected = ServerConnInfo::connect<std::unique_ptr<SqlKeyStore>>(
            *info, [this, &clock](const PgConnInfo &attempt) {
                auto store = SqlKeyStore::connectPostgres(attempt, clock);
                if (store)
                    m_serverConnected = attempt; // with a typed password, if one was asked
                return store;
            });
        if (!connected) {
            fail(connected.error());
            return nullptr;
        }
        m_store = std::move(connected).value();
        return m_store.get();
    }
    VaultOptions options;
    options.check = check;
    options.pinnedFingerprint = pin();
    options.upgradeBusyTimeoutMs = VaultOptions::kUpgradeWaitMs; // another command may upgrade it
    auto opened = SqlKeyStore::openVault(vaultPath(), m_clock, options);
    if (!opened) {
        fail(opened.error());
        return nullptr;
    }
    m_store = std::move(opened).value();
    return m_store.get();
}

Result<std::unique_ptr<SqlKeyStore>> CommandContext::openAnotherStore(VaultCheck check) const
{
    if (m_serverConnected)
        return SqlKeyStore::connectPostgres(*m_serverConnected, m_clock);
    VaultOptions options;
    options.check = check;
    options.pinnedFingerprint = pin();
    if (m_store)
        options.holdToRoot(m_store->rootKey());
    return SqlKeyStore::openVault(vaultPath(), m_clock, options);
}

SqlKeyStore *CommandContext::signIn(SecretString *signedInWith)
{
    if (usesServer()) {
        SqlKeyStore *store = openStore();
        if (!store)
            return nullptr;
        if (store->currentMember())
            return store;
        // Only an explicit --member is checked against the login: KEYWARD_MEMBER may be set for
        // a local vault in the same shell.
        auto signedIn = store->signIn(m_globals.memberName, SecretString());
        if (!signedIn) {
            fail(signedIn.error());
            return nullptr;
        }
        return store;
    }
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
    if (!signedIn) {
        passphrase->clear();
        fail(signedIn.error());
        return nullptr;
    }
    if (signedInWith)
        *signedInWith = std::move(*passphrase);
    passphrase->clear();
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

std::optional<ExitCode> CommandContext::writeOut(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty()) {
        m_output.printLines(bytes);
        return std::nullopt;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(ExitCode::Refused,
                    tr("Cannot write \"%1\": %2.").arg(path, file.errorString()));
    return std::nullopt;
}

} // namespace Keyward::Cli
