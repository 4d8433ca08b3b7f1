#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Keyward {

// Shares equal strings while a large result is read. A vault of 100,000 keys repeats a few
// grant lists, customers and creators over and over; giving every row its own copies cost about
// a third of the key table's memory. QString's implicit sharing makes the shared copies
// behave exactly like separate ones.
class StringPool
{
public:
    QString string(const QString &text);
    // The space-separated list `text`, split once per distinct text.
    QStringList spaceSeparated(const QString &text);

private:
    QSet<QString> m_strings;
    QHash<QString, QStringList> m_lists;
};

} // namespace Keyward
