#pragma once

#include "ExitCode.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <cstdio>
#include <functional>
#include <initializer_list>

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
    ~Output(); // writes what is still buffered
    Output(const Output &) = delete;
    Output &operator=(const Output &) = delete;

    bool isJson() const { return m_json; }
    void setJson(bool json) { m_json = json; }

    void print(const QString &line); // stdout
    void printJson(const QJsonObject &object); // stdout, compact, one line
    void printUtf8(QByteArrayView line); // stdout, bytes already UTF-8; the newline is added
    void printLines(QByteArrayView lines); // stdout, UTF-8 lines each ending in a newline

    // For pipelines (verify --stdin): stdout lines collect in memory and are written when the
    // caller says its input pauses (flush()), when much is waiting, and when buffering ends,
    // instead of one write and flush per line. stderr is never held back.
    void setBuffered(bool buffered);
    void flush();
    // Whether anything meant for stdout could not be written (a full disk, a closed pipe with
    // SIGPIPE ignored). Sticky: answers already lost stay lost.
    bool outFailed() const { return m_outFailed; }
    // Called before flush() writes, which can block on a slow reader: lets a pipeline let go of
    // what it must not hold meanwhile (its read snapshot).
    void setBeforeFlush(std::function<void()> beforeFlush)
    {
        m_beforeFlush = std::move(beforeFlush);
    }
    void message(const QString &line); // stderr
    // The token goes from secure memory straight to stdout, never through a QString or stdio's
    // buffer. False when it could not be written (stdout closed, disk full): then it was not
    // shown.
    [[nodiscard]] bool printToken(const SecretString &token);
    [[nodiscard]] bool printTokenJson(qint64 keyId, const SecretString &token);

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
    std::function<void()> m_beforeFlush;
    void write(std::FILE *stream, const QString &line);
    void writeOut(QByteArrayView bytes, bool addNewline);
    bool writeSecret(std::initializer_list<QByteArrayView> parts);
    ExitCode writeError(ExitCode exit, const QString &codeName, const QString &message);

    std::FILE *m_out;
    std::FILE *m_err;
    bool m_json = false;
    bool m_buffered = false;
    bool m_outFailed = false;
    QByteArray m_pending; // buffered stdout lines
    void writeToOut(QByteArrayView bytes);
};

} // namespace Keyward::Cli
