#include "IniFile.h"

#include <QFile>
#include <QStringDecoder>

namespace Keyward::Verifyd {

Result<IniFile> IniFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, tr("Cannot read the configuration %1.").arg(path));
    // A configuration is small; a bound keeps a wrong path (a device, a huge file) harmless.
    constexpr qint64 kMaxBytes = 1024 * 1024;
    const QByteArray text = file.read(kMaxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::StorageError,
                         tr("Cannot read the configuration %1: %2").arg(path, file.errorString()));
    if (text.size() > kMaxBytes)
        return makeError(ErrorCode::InvalidInput,
                         tr("The configuration %1 is larger than 1 MiB.").arg(path));
    return parse(text, path);
}

Result<IniFile> IniFile::parse(const QByteArray &text, const QString &path)
{
    QByteArrayView bytes(text);
    if (bytes.startsWith("\xef\xbb\xbf")) // a byte order mark some editors write
        bytes = bytes.sliced(3);
    IniFile ini;
    int number = 0;
    // Every line end: "\r\n", "\n" and a lone "\r" (old editors). Split on "\n" alone, a file
    // with "\r" ends was one line, its first comment hiding every setting after it.
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = start;
        while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r')
            ++end;
        ++number;
        if (auto parsed = ini.parseLine(bytes.sliced(start, end - start), number, path); !parsed)
            return parsed.error();
        if (end + 1 < bytes.size() && bytes[end] == '\r' && bytes[end + 1] == '\n')
            ++end;
        start = end + 1;
    }
    return ini;
}

Result<void> IniFile::parseLine(QByteArrayView bytes, int number, const QString &path)
{
    const auto malformed = [&](const QString &why) {
        return makeError(ErrorCode::InvalidInput,
                         tr("%1, line %2: %3").arg(path, QString::number(number), why));
    };
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return malformed(tr("not UTF-8 text."));
    for (const QChar c : decoded) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\t'))
            return malformed(tr("a control character (U+%1).")
                                 .arg(QString::number(c.unicode(), 16)
                                          .rightJustified(4, QLatin1Char('0'))
                                          .toUpper()));
    }
    const QString line = decoded.trimmed();
    if (line.isEmpty() || line.startsWith(QLatin1Char(';')) || line.startsWith(QLatin1Char('#')))
        return {};
    if (line.startsWith(QLatin1Char('['))) {
        const qsizetype close = line.indexOf(QLatin1Char(']'));
        const QString after = close < 0 ? QString() : line.mid(close + 1).trimmed();
        const QString section = close < 0 ? QString() : line.mid(1, close - 1).trimmed();
        if (section.isEmpty() || section.contains(QLatin1Char('/'))
            || (!after.isEmpty() && !after.startsWith(QLatin1Char(';'))
                && !after.startsWith(QLatin1Char('#'))))
            return malformed(tr("a section is written [NAME]."));
        m_section = section;
        if (!m_sections.contains(m_section))
            m_sections.append(m_section);
        return {};
    }
    const qsizetype equals = line.indexOf(QLatin1Char('='));
    if (equals < 0)
        return malformed(tr("expected [SECTION], KEY = VALUE or a comment."));
    const QString name = line.left(equals).trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('"')))
        return malformed(tr("a key is a name without \"/\" before the \"=\"."));
    QString value = line.mid(equals + 1).trimmed();
    if (value.startsWith(QLatin1Char('"'))) {
        const qsizetype close = value.indexOf(QLatin1Char('"'), 1);
        if (close < 0)
            return malformed(tr("the quoted value has no closing quote."));
        const QString after = value.mid(close + 1).trimmed();
        if (!after.isEmpty() && !after.startsWith(QLatin1Char(';')))
            return malformed(tr("quote the whole value or none of it; only a comment may "
                                "follow the closing quote."));
        value = value.mid(1, close - 1);
    } else {
        if (const qsizetype comment = value.indexOf(QLatin1Char(';')); comment >= 0)
            value = value.left(comment).trimmed();
        // QSettings read quotes anywhere in a value: refused rather than read differently.
        if (value.contains(QLatin1Char('"')))
            return malformed(tr("quote the whole value or none of it; only a comment may "
                                "follow the closing quote."));
    }
    const QString key = m_section.isEmpty() ? name : m_section + QLatin1Char('/') + name;
    if (!m_values.contains(key))
        m_keys.append(key);
    m_values.insert(key, value);
    return {};
}

} // namespace Keyward::Verifyd
