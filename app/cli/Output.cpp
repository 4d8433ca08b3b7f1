#include "Output.h"

#include "crypto/SecretString.h"

#include <QJsonDocument>

namespace Keyward::Cli {

Output::Output(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err)
{ }

void Output::write(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

void Output::print(const QString &line)
{
    write(m_out, line);
}

void Output::printJson(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_out);
    std::fputc('\n', m_out);
    std::fflush(m_out);
}

void Output::message(const QString &line)
{
    write(m_err, line);
}

void Output::printToken(const SecretString &token)
{
    std::fwrite(token.data(), 1, token.size(), m_out);
    std::fputc('\n', m_out);
    std::fflush(m_out);
}

void Output::printTokenJson(qint64 keyId, const SecretString &token)
{
    // Built by hand so the token is not copied into a QJsonDocument. A token is only
    // [A-Za-z0-9_], so it needs no escaping.
    const QByteArray head = "{\"id\":" + QByteArray::number(keyId) + ",\"token\":\"";
    std::fwrite(head.constData(), 1, std::size_t(head.size()), m_out);
    std::fwrite(token.data(), 1, token.size(), m_out);
    std::fputs("\"}\n", m_out);
    std::fflush(m_out);
}

ExitCode Output::error(const Error &error)
{
    return this->error(exitCodeFor(error.code), error.message);
}

ExitCode Output::error(ExitCode code, const QString &message)
{
    write(m_err, QStringLiteral("keywardctl: ") + message);
    return code;
}

} // namespace Keyward::Cli
