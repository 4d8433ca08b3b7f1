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
    if (text.size() > kMaxBytes)
        return makeError(ErrorCode::InvalidInput,
                         tr("The configuration %1 is larger than 1 MiB.").arg(path));
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::NotFound,
                         tr("Cannot read the configuration %1: %2").arg(path, file.errorString()));
    return parse(text, path);
}

Result<IniFile> IniFile::parse(const QByteArray &text, const QString &path)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(text);
    if (decoder.hasError())
        return makeError(ErrorCode::InvalidInput,
                         tr("The configuration %1 is not UTF-8 text.").arg(path));
    if (decoded.startsWith(QChar(0xfeff))) // a byte order mark some editors write
        decoded.remove(0, 1);
    IniFile ini;
    int number = 0;
    for (const QStringView line : QStringView(decoded).split(QLatin1Char('\n'))) {
        ++number;
        if (auto parsed = ini.parseLine(line.toString(), number, path); !parsed)
            return parsed.error();
    }
    return ini;
}

Result<void> IniFile::parseLine(const QString &rawLine, int number, const QString &path)
{
    const QString line = rawLine.trimmed(); // also a "\r" left by CRLF line ends
    const auto malformed = [&](const QString &why) {
        return makeError(ErrorCode::InvalidInput,
                         tr("%1, line %2: %3").arg(path).arg(number).arg(why));
    };
    if (line.isEmpty() || line.startsWith(QLatin1Char(';')) || line.startsWith(QLatin1Char('#')))
        return {};
    if (line.startsWith(QLatin1Char('['))) {
        if (!line.endsWith(QLatin1Char(']')))
            return malformed(tr("a section is written [NAME]."));
        m_section = line.mid(1, line.size() - 2).trimmed();
        if (m_section.isEmpty() || m_section.contains(QLatin1Char('/')))
            return malformed(tr("a section is written [NAME]."));
        if (!m_sections.contains(m_section))
            m_sections.append(m_section);
        return {};
    }
    const qsizetype equals = line.indexOf(QLatin1Char('='));
    if (equals < 0)
        return malformed(tr("expected [SECTION], KEY = VALUE or a comment."));
    const QString name = line.left(equals).trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        return malformed(tr("a key is a name without \"/\" before the \"=\"."));
    QString value = line.mid(equals + 1).trimmed();
    if (value.startsWith(QLatin1Char('"'))) {
        const qsizetype close = value.indexOf(QLatin1Char('"'), 1);
        if (close < 0)
            return malformed(tr("the quoted value has no closing quote."));
        const QString after = value.mid(close + 1).trimmed();
        if (!after.isEmpty() && !after.startsWith(QLatin1Char(';')))
            return malformed(tr("only a comment may follow a quoted value."));
        value = value.mid(1, close - 1);
    } else if (const qsizetype comment = value.indexOf(QLatin1Char(';')); comment >= 0) {
        value = value.left(comment).trimmed();
    }
    const QString key = m_section.isEmpty() ? name : m_section + QLatin1Char('/') + name;
    if (!m_values.contains(key))
        m_keys.append(key);
    m_values.insert(key, value);
    return {};
}

} // namespace Keyward::Verifyd
