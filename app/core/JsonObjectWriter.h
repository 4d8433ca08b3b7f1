#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Keyward {

// Appends one compact JSON object to a QByteArray, field by field, without building a
// QJsonObject: for output written once per request (verify --stdin, the verification server),
// where a QJsonDocument per line costs more than the verification itself.
//
// Strings are escaped for any JSON parser and for JavaScript: quote, backslash and control
// characters, U+2028/U+2029 (line breaks to JavaScript) as \uXXXX; a lone surrogate (not
// text) becomes U+FFFD; everything else is written as UTF-8. Field names must be ASCII
// literals that need no escaping.
class JsonObjectWriter
{
public:
    explicit JsonObjectWriter(QByteArray &out); // appends "{"
    JsonObjectWriter(const JsonObjectWriter &) = delete;
    JsonObjectWriter &operator=(const JsonObjectWriter &) = delete;

    void add(const char *name, QStringView value);
    void add(const char *name, const QString &value) { add(name, QStringView(value)); }
    void add(const char *name, qint64 value);
    void add(const char *name, int value) { add(name, qint64(value)); }
    void add(const char *name, const QStringList &values); // an array of strings
    void finish(); // appends "}"

    // One JSON string literal, quotes included.
    static void appendString(QByteArray &out, QStringView text);

private:
    void appendName(const char *name);

    QByteArray &m_out;
    bool m_first = true;
};

} // namespace Keyward
