#pragma once

#include "ExitCode.h"

#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace Keyward {
class SecretString;
}

namespace Keyward::Cli {

// Where keywardctl writes. Results go to stdout (one JSON object per line with --json), and
// everything meant for people (progress, warnings, errors) goes to stderr, so that
// `token=$(keywardctl key create ...)` captures exactly the token.
class Output
{
public:
    explicit Output(std::FILE *out = stdout, std::FILE *err = stderr);

    bool isJson() const { return m_json; }
    void setJson(bool json) { m_json = json; }

    void print(const QString &line); // stdout
    void printJson(const QJsonObject &object); // stdout, compact, one line
    void message(const QString &line); // stderr
    // The token goes from secure memory straight to stdout, never through a QString.
    void printToken(const SecretString &token);
    void printTokenJson(qint64 keyId, const SecretString &token);

    // "keywardctl: <message>" on stderr; returns the exit code the error calls for. With
    // --json, one JSON object on stderr instead, so scripts read errors as they read results:
    // {"error":"<message>","code":"not_found","exit":1}.
    ExitCode error(const Error &error);
    ExitCode error(ExitCode code, const QString &message);
    // The "code" of an error in JSON: "not_found", "permission_denied", … for store errors,
    // "usage", "refused" or "vault_error" for the others.
    static QString errorCodeName(ErrorCode code);
    static QString errorCodeName(ExitCode code);

private:
    void write(std::FILE *stream, const QString &line);
    ExitCode writeError(ExitCode exit, const QString &codeName, const QString &message);

    std::FILE *m_out;
    std::FILE *m_err;
    bool m_json = false;
};

} // namespace Keyward::Cli
