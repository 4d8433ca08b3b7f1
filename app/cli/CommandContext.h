#pragma once

#include "ExitCode.h"
#include "GlobalOptions.h"
#include "Output.h"
#include "core/Result.h"
#include "store/PgConnInfo.h"
#include "store/VaultFile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Keyward {
class Clock;
class SecretString;
class SqlKeyStore;
} // namespace Keyward

namespace Keyward::Cli {

// What a command works with: the global options, its own arguments, the output, and the vault
// (opened on first use, signed in when the command changes or reads anything but a token).
// When opening or signing in fails, the error is already reported and failure() says how to exit.
class CommandContext
{
    Q_DECLARE_TR_FUNCTIONS(CommandContext)
public:
    CommandContext(const QString &commandName, const QStringList &arguments,
                   const GlobalOptions &globals, Output &output, const Clock &clock);
    ~CommandContext();
    CommandContext(const CommandContext &) = delete;
    CommandContext &operator=(const CommandContext &) = delete;

    const QString &commandName() const { return m_commandName; } // "key create"
    const QStringList &arguments() const { return m_arguments; } // after the command words
    GlobalOptions &globals() { return m_globals; }
    Output &output() { return m_output; }
    const Clock &clock() const { return m_clock; }

    QString vaultPath() const;
    // --db, else $KEYWARD_DB unless --vault is given; empty: the vault is a file.
    QString dbConninfo() const;
    bool usesServer() const { return !dbConninfo().isEmpty(); }
    // The server's connection description, parsed (with a warning when it holds a password);
    // nullopt after reporting why it is unusable (exit 3).
    std::optional<PgConnInfo> serverConnInfo();
    // What the messages about a connection string given in GlobalOptions::dbConninfo call it
    // ("--db"; migrate: "--from").
    void setServerOrigin(const QString &origin) { m_serverOrigin = origin; }
    // --member, else $KEYWARD_MEMBER; empty when neither is given.
    QString memberName() const;
    // --pin, else $KEYWARD_VAULT_PIN: the vault file's expected fingerprint (empty: none).
    QString pin() const;

    // The vault without a member: for `verify`, which services run with read access only. With
    // --db the server authenticates the login (password from the conninfo, ~/.pgpass,
    // PGPASSWORD or a prompt). `check`: how much of a vault file is read for damage on opening
    // (verify reads only the header; see VaultCheck).
    SqlKeyStore *openStore(VaultCheck check = VaultCheck::WholeFile);
    // A further connection to the vault openStore() opened, for another thread (which must call
    // this itself: a connection belongs to the thread that opens it). Never prompts: on a server
    // it logs in as openStore() did. Reports nothing; the caller does.
    Result<std::unique_ptr<SqlKeyStore>> openAnotherStore(VaultCheck check) const;
    // The vault with the member signed in: from a file with the passphrase from
    // KEYWARD_PASSPHRASE or a prompt; on a server the login is the member (--member, if given,
    // must name it). signedInWith, when given, receives the passphrase the member signed in
    // with instead of it being wiped: for a command that must prove it again (changing one's
    // own). It stays empty on a server and when the member was already signed in.
    SqlKeyStore *signIn(SecretString *signedInWith = nullptr);
    ExitCode failure() const { return m_failure; }

    ExitCode fail(const Error &error);
    ExitCode fail(ExitCode code, const QString &message);
    // A command's --out FILE (replaced as a whole, never left half written) or, without a path,
    // standard output. nullopt: written; otherwise how to exit (already reported).
    std::optional<ExitCode> writeOut(const QString &path, const QByteArray &bytes);

private:
    QString m_commandName;
    QStringList m_arguments;
    GlobalOptions m_globals;
    Output &m_output;
    const Clock &m_clock;
    QString m_serverOrigin = QStringLiteral("--db");
    std::unique_ptr<SqlKeyStore> m_store;
    std::optional<PgConnInfo> m_serverConnected; // how openStore() reached the server
    ExitCode m_failure = ExitCode::Success;
};

} // namespace Keyward::Cli
