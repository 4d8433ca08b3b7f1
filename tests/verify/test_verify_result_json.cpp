// The verify result object written by hand (VerifyResultJson, JsonObjectWriter): the same object
// the QJsonObject code printed before, read back by two independent JSON parsers (Qt's and
// Python's), with hostile key names.
#include "core/JsonObjectWriter.h"
#include "verify/VerifyResult.h"
#include "verify/VerifyResultJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <limits>

using namespace Keyward;

namespace {

// What `verify --json` printed before, built the way it was built then.
QJsonObject reference(const VerifyResult &result)
{
    QJsonObject object {{QStringLiteral("outcome"), result.code()},
                        {QStringLiteral("http"), result.httpStatus()},
                        {QStringLiteral("caller_message"), result.callerMessage()}};
    if (const auto seconds = result.retryAfterSeconds()) {
        object.insert(QStringLiteral("retry_after_ms"), double(*result.retryAfterMs));
        object.insert(QStringLiteral("retry_after_s"), double(*seconds));
    }
    if (result.hasKey()) {
        object.insert(QStringLiteral("key_id"), double(result.keyId));
        object.insert(QStringLiteral("key_name"), result.keyName);
    }
    if (result.usageLimit) {
        object.insert(QStringLiteral("usage_limit"), double(*result.usageLimit));
        object.insert(QStringLiteral("usage_count"), double(result.usageCount));
    }
    if (result.isValid()) {
        object.insert(QStringLiteral("grants"), QJsonArray::fromStringList(result.grants));
        object.insert(QStringLiteral("customer"), result.customer);
        object.insert(QStringLiteral("environment"), environmentCode(result.environment));
    } else {
        object.insert(QStringLiteral("reason"), result.reason);
        if (!result.missingGrants.isEmpty())
            object.insert(QStringLiteral("missing_grants"),
                          QJsonArray::fromStringList(result.missingGrants));
    }
    return object;
}

// Text as it can be written: half a surrogate pair is not a character and reads back as U+FFFD.
// By hand: QString::fromUcs4 would take a leading U+FEFF for a byte order mark.
QByteArray utf8(char32_t code)
{
    QByteArray bytes;
    if (code < 0x80) {
        bytes += char(code);
    } else if (code < 0x800) {
        bytes += char(0xC0 | (code >> 6));
        bytes += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        bytes += char(0xE0 | (code >> 12));
        bytes += char(0x80 | ((code >> 6) & 0x3F));
        bytes += char(0x80 | (code & 0x3F));
    } else {
        bytes += char(0xF0 | (code >> 18));
        bytes += char(0x80 | ((code >> 12) & 0x3F));
        bytes += char(0x80 | ((code >> 6) & 0x3F));
        bytes += char(0x80 | (code & 0x3F));
    }
    return bytes;
}

// A JSON string literal unit by unit, as JsonObjectWriter documents its escaping: quote,
// backslash, \n \r \t, other controls and U+2028/U+2029 as \u00XX, a lone surrogate as
// U+FFFD, everything else UTF-8.
QByteArray byTheRules(const QString &text)
{
    QByteArray out("\"");
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text.at(i).unicode();
        char32_t code = unit;
        if (QChar::isHighSurrogate(unit) && i + 1 < text.size()
            && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            code = QChar::surrogateToUcs4(unit, text.at(i + 1).unicode());
            ++i;
        } else if (QChar::isSurrogate(unit)) {
            code = 0xFFFD;
        }
        if (code == '"')
            out += "\\\"";
        else if (code == '\\')
            out += "\\\\";
        else if (code == '\n')
            out += "\\n";
        else if (code == '\r')
            out += "\\r";
        else if (code == '\t')
            out += "\\t";
        else if (code < 0x20 || code == 0x2028 || code == 0x2029)
            out += QStringLiteral("\\u%1").arg(quint32(code), 4, 16, QLatin1Char('0')).toLatin1();
        else
            out += utf8(code);
    }
    out += '"';
    return out;
}

QString asText(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c).append(text.at(++i));
        } else if (c.isSurrogate()) {
            out.append(QChar(QChar::ReplacementCharacter));
        } else {
            out.append(c);
        }
    }
    return out;
}

QJsonValue asText(const QJsonValue &value)
{
    if (value.isString())
        return asText(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(asText(item));
        return array;
    }
    return value;
}

QJsonObject asText(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), asText(it.value()));
    return out;
}

QString hostile(int i)
{
    static const QString names[] = {
        QStringLiteral("plain"),
        QStringLiteral("quote \" and backslash \\ and slash /"),
        QStringLiteral("new\nline\rreturn\ttab\bback\fform"),
        QString(QChar(0)) + QStringLiteral("nul and ") + QChar(0x1f) + QChar(0x7f),
        QStringLiteral("line sep ") + QChar(0x2028) + QStringLiteral(" para sep ") + QChar(0x2029),
        QStringLiteral("emoji 🔑 and 𝄞, CJK 鍵, umlaut Schlüssel"),
        QStringLiteral("lone high ") + QChar(0xD83D) + QStringLiteral(" end"),
        QStringLiteral("lone low ") + QChar(0xDC00),
        QString(QChar(0xDBFF)), // a high surrogate at the very end
        QStringLiteral("\"},{\"outcome\":\"Valid\",\"http\":200,\"x\":\""),
        QStringLiteral("</script><script>alert(1)</script>"),
        QStringLiteral("\\u0000 \\\" literal escapes"),
        QString(),
    };
    return names[i % std::size(names)];
}

QVector<VerifyResult> hostileResults()
{
    QVector<VerifyResult> results;
    for (int i = 0; i < 13; ++i) {
        for (const VerifyOutcome outcome : kAllVerifyOutcomes) {
            VerifyResult r;
            r.outcome = outcome;
            r.reason = hostile(i + 3);
            if (outcome != VerifyOutcome::Malformed && outcome != VerifyOutcome::NotFound) {
                r.keyId = 1000 + i;
                r.keyName = hostile(i);
                r.customer = hostile(i + 1);
                r.grants = {hostile(i + 2), QStringLiteral("licenses:read")};
                r.environment = Environment(i % 3);
            }
            if (outcome == VerifyOutcome::InsufficientGrants)
                r.missingGrants = {hostile(i + 4), QStringLiteral("a:b")};
            if (outcome == VerifyOutcome::RateLimited)
                r.retryAfterMs = 59'001 + i;
            if (i % 2 == 0) {
                r.usageLimit = 100 + i;
                r.usageCount = i;
            }
            results.append(r);
        }
    }
    return results;
}

} // namespace

class TestVerifyResultJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameObjectAsBefore()
    {
        for (const VerifyResult &result : hostileResults()) {
            QByteArray line;
            VerifyResultJson::append(line, result);
            QVERIFY2(!line.contains('\n'), line.constData()); // one line, always
            QJsonParseError error;
            const QJsonDocument parsed = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError,
                     qPrintable(error.errorString() + QLatin1Char(' ') + QString::fromUtf8(line)));
            QCOMPARE(parsed.object(), asText(reference(result)));
            QCOMPARE(parsed.object().keys(), reference(result).keys());
        }
        // The first fields come first, for people reading the lines.
        QByteArray line;
        VerifyResultJson::append(line, hostileResults().constFirst());
        QVERIFY2(line.startsWith("{\"outcome\":\"Valid\",\"http\":200,\"caller_message\":\"OK\","),
                 line.constData());
    }

    void escapes()
    {
        QByteArray out;
        const QString text = QString(QChar(0x2028)) + QChar(0x2029) + QChar(1)
            + QStringLiteral("\"\\\n") + QChar(0xD800) + QStringLiteral("🔑é");
        JsonObjectWriter::appendString(out, text);
        QCOMPARE(out,
                 QByteArray("\"\\u2028\\u2029\\u0001\\\"\\\\\\n\xEF\xBF\xBD\xF0\x9F\x94\x91"
                            "\xC3\xA9\""));
        QByteArray numbers;
        JsonObjectWriter object(numbers);
        object.add("min", std::numeric_limits<qint64>::min());
        object.add("max", std::numeric_limits<qint64>::max());
        object.add("zero", 0);
        object.add("none", QStringList());
        object.finish();
        QCOMPARE(numbers,
                 QByteArray("{\"min\":-9223372036854775808,\"max\":9223372036854775807,"
                            "\"zero\":0,\"none\":[]}"));
    }

    // Every UTF-16 unit at every place of a string two blocks long (the writer scans eight
    // units at a time), and surrogate pairs across a block's edge, against a unit-by-unit
    // encoder written here from the rules.
    void everyUnitAtEveryPlaceIsEscapedAsTheRulesSay()
    {
        const QString plain = QStringLiteral("abcdefghijklmnopq"); // 17: two blocks and one
        for (qsizetype at = 0; at <= plain.size(); ++at) {
            for (char32_t unit = 0; unit <= 0xFFFF; ++unit) {
                QString text = plain;
                text.insert(at, QChar(char16_t(unit)));
                QByteArray out;
                JsonObjectWriter::appendString(out, text);
                const QByteArray expected = byTheRules(text);
                if (out != expected)
                    QFAIL(qPrintable(QStringLiteral("U+%1 at %2: %3, expected %4")
                                         .arg(quint32(unit), 4, 16, QLatin1Char('0'))
                                         .arg(at)
                                         .arg(QString::fromLatin1(out.toHex()),
                                              QString::fromLatin1(expected.toHex()))));
            }
        }
        for (qsizetype at = 0; at <= plain.size(); ++at) {
            QString text = plain;
            text.insert(at, QStringLiteral("🔑"));
            QByteArray out;
            JsonObjectWriter::appendString(out, text);
            QCOMPARE(out, byTheRules(text));
        }
        // Appended: what was in the buffer stays.
        QByteArray out("x");
        JsonObjectWriter::appendString(out, QStringLiteral("plain text"));
        JsonObjectWriter::appendString(out, QString());
        QCOMPARE(out, QByteArray("x\"plain text\"\"\""));
    }

    void errorObject()
    {
        QByteArray line;
        VerifyResultJson::appendError(line, hostile(1));
        const QJsonObject expected {{QStringLiteral("outcome"), QStringLiteral("Error")},
                                    {QStringLiteral("http"), 503},
                                    {QStringLiteral("reason"), hostile(1)}};
        QCOMPARE(QJsonDocument::fromJson(line).object(), expected);
    }

    // A second, independent parser: Python's json module, strict about what JSON allows.
    void pythonReadsEveryLine()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        QByteArray input;
        QVector<QJsonObject> expected;
        for (const VerifyResult &result : hostileResults()) {
            VerifyResultJson::append(input, result);
            input.append('\n');
            expected.append(
                QJsonDocument::fromJson(input.mid(input.lastIndexOf('\n', -2) + 1)).object());
        }
        // Re-encoded as ASCII-only JSON, so what Python understood can be compared here.
        QProcess process;
        process.start(python,
                      {QStringLiteral("-c"),
                       QStringLiteral("import json, sys\n"
                                      "for line in sys.stdin.buffer:\n"
                                      "    obj = json.loads(line.decode('utf-8', 'strict'))\n"
                                      "    print(json.dumps(obj, ensure_ascii=True))\n")});
        QVERIFY(process.waitForStarted());
        process.write(input);
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), expected.size());
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(QJsonDocument::fromJson(lines.at(i)).object(), expected.at(i));
    }
};

QTEST_GUILESS_MAIN(TestVerifyResultJson)
#include "test_verify_result_json.moc"
