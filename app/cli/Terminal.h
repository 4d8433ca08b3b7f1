#pragma once

#include "core/Result.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <optional>

namespace Keyward::Cli {

// Everything keywardctl reads from a person or a pipe. Secrets (passphrases, tokens) go from
// the file descriptor into SecretString through a small stack buffer that is wiped; they never
// pass through a QString and never come from argv.
class Terminal
{
    Q_DECLARE_TR_FUNCTIONS(Terminal)
public:
    // Prompts are only shown when stdin is a terminal, so a script that forgot
    // KEYWARD_PASSPHRASE fails at once instead of hanging on a prompt nobody sees.
    static bool isInteractive();

    // The variable's value, if it is set and not empty.
    static std::optional<SecretString> secretFromEnvironment(const char *name);

    // Reads a line from /dev/tty with echo off (restored on return and on Ctrl-C).
    static Result<SecretString> promptSecret(const QString &prompt);
    // Prompts twice and insists both match: for a new passphrase.
    static Result<SecretString> promptNewSecret(const QString &prompt, const QString &again);
    // A new passphrase or password: the variable's value if set, else promptNewSecret().
    static Result<SecretString> newSecret(const char *variable, const QString &prompt,
                                          const QString &again);
    // Asks on /dev/tty; true only for "yes" (or "y").
    static Result<bool> confirm(const QString &question);

    // One line from stdin (for `verify -`). A line longer than maxBytes comes back as its first
    // maxBytes + 1 bytes, still too long for KeyToken::parse, so it is answered Malformed
    // whatever follows rather than trimmed down to a key.
    static SecretString readLineFromStdin(std::size_t maxBytes = KeyToken::kMaxInputBytes);
};

} // namespace Keyward::Cli
