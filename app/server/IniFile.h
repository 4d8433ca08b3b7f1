#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Keyward::Verifyd {

// The configuration file's INI subset, read afresh at every call: QSettings kept a parsed copy
// per path and read the file again only when its size or time stamp moved, so an edit that kept
// the size within one time-stamp tick reloaded the old values.
//   [section]        the keys below it are "section/key"; keys before any section are "key"
//   key = value      key and value trimmed; a key given twice: the last one counts
//   "quoted value"   the whole value: keeps its spaces and semicolons; the quotes are dropped
//   ; comment        a line starting with ';' or '#'; after a value or a [section], ';' starts
//                    one ('#' only there too after a [section]: a value may hold '#')
// No escapes: a backslash is a backslash. UTF-8, "\n", "\r\n" or "\r" line ends. Anything else
// (a quote inside a value, a control character) is an error naming the file and line.
class IniFile
{
    Q_DECLARE_TR_FUNCTIONS(IniFile)
public:
    static Result<IniFile> read(const QString &path);
    // path: only for the messages.
    static Result<IniFile> parse(const QByteArray &text, const QString &path);

    // Null when the key is absent.
    QString value(const QString &key) const { return m_values.value(key); }
    bool contains(const QString &key) const { return m_values.contains(key); }
    // In the order of the file, each once.
    const QStringList &sections() const { return m_sections; }
    const QStringList &keys() const { return m_keys; }

private:
    Result<void> parseLine(QByteArrayView line, int number, const QString &path);

    QString m_section;
    QHash<QString, QString> m_values;
    QStringList m_sections;
    QStringList m_keys;
};

} // namespace Keyward::Verifyd
