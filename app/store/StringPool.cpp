#include "StringPool.h"

namespace Keyward {

QString StringPool::string(const QString &text)
{
    const auto it = m_strings.constFind(text);
    if (it != m_strings.constEnd())
        return *it;
    m_strings.insert(text);
    return text;
}

QStringList StringPool::spaceSeparated(const QString &text)
{
    const auto it = m_lists.constFind(text);
    if (it != m_lists.constEnd())
        return *it;
    QStringList list = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &item : list)
        item = string(item);
    m_lists.insert(text, list);
    return list;
}

} // namespace Keyward
