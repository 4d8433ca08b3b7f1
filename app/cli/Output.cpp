#include "Output.h"

#include "core/ByteAppend.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"

#include <QJsonDocument>

#include <cerrno>
#include <vector>

#include <string.h>
#include <unistd.h>

namespace Keyward::Cli {

Output::Output(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err)
{ }

Output::~Output()
{
    flush();
}

void Output::write(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

namespace {

// Buffered output is written out once this much is waiting, even while input keeps coming.
constexpr qsizetype kBufferLimit = 64 * 1024;

} // namespace

void Output::writeOut(QByteArrayView bytes, bool addNewline)
{
    if (m_buffered) {
        appendBytes(m_pending, bytes.data(), bytes.size());
        if (addNewline)
            appendByte(m_pending, '\n');
        if (m_pending.size() >= kBufferLimit)
            flush();
        return;
    }
    writeToOut(bytes);
    if (addNewline)
        writeToOut("\n");
    if (std::fflush(m_out) != 0)
        m_outFailed = true;
}

void Output::writeToOut(QByteArrayView bytes)
{
    if (!bytes.isEmpty()
        && std::fwrite(bytes.data(), 1, std::size_t(bytes.size()), m_out)
            != std::size_t(bytes.size()))
        m_outFailed = true;
}

void Output::print(const QString &line)
{
    writeOut(line.toUtf8(), true);
}

void Output::printJson(const QJsonObject &object)
{
    writeOut(QJsonDocument(object).toJson(QJsonDocument::Compact), true);
}

void Output::printUtf8(QByteArrayView line)
{
    writeOut(line, true);
}

void Output::printLines(QByteArrayView lines)
{
    writeOut(lines, false);
}

void Output::setBuffered(bool buffered)
{
    if (!buffered)
        flush();
    m_buffered = buffered;
}

void Output::flush()
{
    if (m_beforeFlush)
        m_beforeFlush();
    if (!m_pending.isEmpty()) {
        writeToOut(m_pending);
        m_pending.clear(); // keeps its capacity for the next lines
    }
    if (std::fflush(m_out) != 0)
        m_outFailed = true;
}

void Output::message(const QString &line)
{
    // Messages echo what was typed; a key typed in the wrong place shows as its hint.
    write(m_err, KeyToken::redact(line));
}

bool Output::printToken(const SecretString &token)
{
    return writeSecret({QByteArrayView(token.data(), qsizetype(token.size())), "\n"});
}

bool Output::printTokenJson(qint64 keyId, const SecretString &token)
{
    // Built by hand so the token is not copied into a QJsonDocument. A token is only
    // [A-Za-z0-9_], so it needs no escaping.
    const QByteArray head = "{\"id\":" + QByteArray::number(keyId) + ",\"token\":\"";
    return writeSecret(
        {QByteArrayView(head), QByteArrayView(token.data(), qsizetype(token.size())), "\"}\n"});
}

bool Output::writeSecret(std::initializer_list<QByteArrayView> parts)
{
    // Not through stdio: its buffer would keep the token until the process ends. One wiped
    // buffer and write(2), so that the line also arrives in one piece.
    flush();
    std::size_t total = 0;
    for (QByteArrayView part : parts)
        total += std::size_t(part.size());
    std::vector<char> line;
    line.reserve(total); // never reallocated, so no unwiped copy is left behind
    for (QByteArrayView part : parts)
        line.insert(line.end(), part.begin(), part.end());
    const int fd = ::fileno(m_out);
    std::size_t written = 0;
    bool complete = true;
    while (written < line.size()) {
        const ssize_t n = ::write(fd, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            complete = false;
            break;
        }
        written += std::size_t(n);
    }
    explicit_bzero(line.data(), line.size());
    return complete;
}

ExitCode Output::error(const Error &error)
{
    return writeError(exitCodeFor(error.code), errorCodeName(error.code), error.message);
}

ExitCode Output::error(ExitCode code, const QString &message)
{
    return writeError(code, errorCodeName(code), message);
}

ExitCode Output::writeError(ExitCode exit, const QString &codeName, const QString &text)
{
    // Errors echo what was typed ("Cannot read the key id …"): never a whole key.
    const QString message = KeyToken::redact(text);
    if (!m_json) {
        write(m_err, QStringLiteral("keywardctl: ") + message);
        return exit;
    }
    const QJsonObject object {{QStringLiteral("error"), message},
                              {QStringLiteral("code"), codeName},
                              {QStringLiteral("exit"), static_cast<int>(exit)}};
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_err);
    std::fputc('\n', m_err);
    std::fflush(m_err);
    return exit;
}

QString Output::errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid_input");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission_denied");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::StaleVersion:
        return QStringLiteral("stale_version");
    case ErrorCode::AuthenticationFailed:
        return QStringLiteral("authentication_failed");
    case ErrorCode::VaultNotFound:
        return QStringLiteral("vault_not_found");
    case ErrorCode::NotAVault:
        return QStringLiteral("not_a_vault");
    case ErrorCode::VaultCorrupt:
        return QStringLiteral("vault_corrupt");
    case ErrorCode::VaultLocked:
        return QStringLiteral("vault_locked");
    case ErrorCode::VaultTooNew:
        return QStringLiteral("vault_too_new");
    case ErrorCode::VaultExists:
        return QStringLiteral("vault_exists");
    case ErrorCode::StorageError:
        return QStringLiteral("storage_error");
    case ErrorCode::ConnectionLost:
        return QStringLiteral("connection_lost");
    case ErrorCode::CryptoFailure:
        return QStringLiteral("crypto_failure");
    }
    return QStringLiteral("storage_error");
}

QString Output::errorCodeName(ExitCode code)
{
    switch (code) {
    case ExitCode::Success:
        break;
    case ExitCode::Refused:
        return QStringLiteral("refused");
    case ExitCode::Usage:
        return QStringLiteral("usage");
    case ExitCode::VaultError:
        return QStringLiteral("vault_error");
    }
    return QStringLiteral("refused");
}

} // namespace Keyward::Cli
