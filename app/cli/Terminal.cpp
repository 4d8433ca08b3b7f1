#include "Terminal.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace Keyward::Cli {

namespace {

constexpr std::size_t kMaxSecretLine = 1024;

// State for restoring the terminal if the user presses Ctrl-C while echo is off.
int g_ttyFd = -1;
struct termios g_savedTermios;
struct sigaction g_previousInt;
struct sigaction g_previousTerm;

void restoreTerminalAndReraise(int signal)
{
    if (g_ttyFd >= 0)
        tcsetattr(g_ttyFd, TCSAFLUSH, &g_savedTermios);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

class TtyHandle
{
public:
    TtyHandle()
        : m_fd(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC))
    { }
    ~TtyHandle()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    TtyHandle(const TtyHandle &) = delete;
    TtyHandle &operator=(const TtyHandle &) = delete;
    int fd() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }
    void write(const QString &text) const
    {
        const QByteArray bytes = text.toUtf8();
        const ssize_t written = ::write(m_fd, bytes.constData(), std::size_t(bytes.size()));
        Q_UNUSED(written)
    }

private:
    int m_fd;
};

// Reads up to a newline into a wiped buffer. Returns false on EOF before any newline with
// nothing read, or when the line is longer than the buffer.
bool readLine(int fd, SecretString &out, std::size_t maxBytes, bool keepOverflow)
{
    std::array<char, 8192> buffer;
    const std::size_t capacity = std::min(maxBytes, buffer.size());
    std::size_t length = 0;
    bool sawAnything = false;
    bool overflow = false;
    for (;;) {
        char c = 0;
        const ssize_t got = ::read(fd, &c, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        sawAnything = true;
        if (c == '\n')
            break;
        if (length < capacity)
            buffer[length++] = c;
        else
            overflow = true;
    }
    out = SecretString(buffer.data(), length);
    explicit_bzero(buffer.data(), buffer.size());
    if (overflow && !keepOverflow)
        return false;
    return sawAnything;
}

} // namespace

bool Terminal::isInteractive()
{
    return ::isatty(STDIN_FILENO) == 1;
}

std::optional<SecretString> Terminal::secretFromEnvironment(const char *name)
{
    const char *value = std::getenv(name);
    if (!value || !*value)
        return std::nullopt;
    return SecretString(value, std::strlen(value));
}

Result<SecretString> Terminal::promptSecret(const QString &prompt)
{
    const Error noTerminal =
        makeError(ErrorCode::InvalidInput,
                  tr("No passphrase: set KEYWARD_PASSPHRASE, or run keywardctl in a terminal to be "
                     "asked."));
    if (!isInteractive())
        return noTerminal;
    TtyHandle tty;
    if (!tty.isOpen())
        return noTerminal;

    struct termios quiet;
    if (tcgetattr(tty.fd(), &g_savedTermios) != 0)
        return noTerminal;
    quiet = g_savedTermios;
    quiet.c_lflag &= tcflag_t(~ECHO);
    quiet.c_lflag |= ECHONL;

    g_ttyFd = tty.fd();
    struct sigaction restore;
    std::memset(&restore, 0, sizeof restore);
    restore.sa_handler = restoreTerminalAndReraise;
    sigaction(SIGINT, &restore, &g_previousInt);
    sigaction(SIGTERM, &restore, &g_previousTerm);

    tty.write(prompt);
    tcsetattr(tty.fd(), TCSAFLUSH, &quiet);
    SecretString secret;
    const bool complete = readLine(tty.fd(), secret, kMaxSecretLine, false);
    tcsetattr(tty.fd(), TCSAFLUSH, &g_savedTermios);

    sigaction(SIGINT, &g_previousInt, nullptr);
    sigaction(SIGTERM, &g_previousTerm, nullptr);
    g_ttyFd = -1;

    if (!complete) {
        secret.clear();
        return makeError(ErrorCode::InvalidInput, tr("No passphrase was entered."));
    }
    if (secret.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The passphrase is empty."));
    return secret;
}

Result<SecretString> Terminal::promptNewSecret(const QString &prompt, const QString &again)
{
    auto first = promptSecret(prompt);
    if (!first)
        return first;
    auto second = promptSecret(again);
    if (!second)
        return second;
    if (first->size() != second->size()
        || std::memcmp(first->data(), second->data(), first->size()) != 0)
        return makeError(ErrorCode::InvalidInput, tr("The passphrases do not match."));
    return std::move(first).value();
}

Result<SecretString> Terminal::newSecret(const char *variable, const QString &prompt,
                                         const QString &again)
{
    if (std::optional<SecretString> fromEnvironment = secretFromEnvironment(variable))
        return std::move(*fromEnvironment);
    return promptNewSecret(prompt, again);
}

Result<bool> Terminal::confirm(const QString &question)
{
    if (!isInteractive())
        return makeError(ErrorCode::InvalidInput,
                         tr("Cannot ask for confirmation: not a terminal."));
    TtyHandle tty;
    if (!tty.isOpen())
        return makeError(ErrorCode::InvalidInput,
                         tr("Cannot ask for confirmation: not a terminal."));
    tty.write(question + QLatin1Char(' '));
    SecretString answer; // not secret, but it keeps the line reading in one place
    readLine(tty.fd(), answer, 64, false);
    const QString text = QString::fromUtf8(answer.data(), qsizetype(answer.size())).trimmed();
    return text.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0
        || text.compare(QLatin1String("y"), Qt::CaseInsensitive) == 0
        || text.compare(tr("yes"), Qt::CaseInsensitive) == 0;
}

SecretString Terminal::readLineFromStdin(std::size_t maxBytes)
{
    SecretString line;
    // One byte more than allowed is kept, so that a too-long line stays too long for
    // KeyToken::parse instead of being cut to a length it accepts.
    readLine(STDIN_FILENO, line, maxBytes + 1, true);
    return line;
}

} // namespace Keyward::Cli
