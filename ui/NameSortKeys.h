#pragma once

#include <QCollator>
#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QString>

class QAbstractItemModel;

namespace Keyward {

// The collation sort keys of one column's texts, by source row, kept in step with the model:
// sorting compares every name about 2 log2(n) times, and collating (with case folding) at each
// comparison was most of a 1,000,000-key window's wait after signing in (profiled: 70 % of it).
// A key is made once per row (again only when its text changes); a comparison is then a byte
// comparison.
class NameSortKeys
{
public:
    NameSortKeys(const QCollator &collator, int column);
    ~NameSortKeys();
    NameSortKeys(const NameSortKeys &) = delete;
    NameSortKeys &operator=(const NameSortKeys &) = delete;

    // Follows the model's changes from now on. Connect before the proxy does (its handlers sort
    // the rows changed, and must find their keys already updated).
    void follow(QAbstractItemModel *model);
    // Like QCollator::compare() of the two rows' texts (0 for a row the model does not have).
    int compare(int leftRow, int rightRow) const;

private:
    struct Entry
    {
        QString text; // shared with the model's: what the key was made of
        QCollatorSortKey key;
    };

    QString text(int row) const;
    Entry entry(int row) const;
    void forget() const;
    void ensureBuilt() const;

    const QCollator &m_collator;
    const int m_column;
    QPointer<QAbstractItemModel> m_model; // null once it is gone
    QList<QMetaObject::Connection> m_connections;
    mutable QList<Entry> m_entries; // by row; empty until a sort needs them
};

} // namespace Keyward
