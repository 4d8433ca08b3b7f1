#include "NameSortKeys.h"

#include <QAbstractItemModel>

namespace Keyward {

NameSortKeys::NameSortKeys(const QCollator &collator, int column)
    : m_collator(collator)
    , m_column(column)
{ }

NameSortKeys::~NameSortKeys()
{
    follow(nullptr);
}

void NameSortKeys::follow(QAbstractItemModel *model)
{
    if (model == m_model && model)
        return; // connected already, and (as must be) before the proxy
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        QObject::disconnect(connection);
    m_connections.clear();
    m_model = model;
    forget();
    if (!model)
        return;
    m_connections = {
        QObject::connect(model, &QAbstractItemModel::modelReset, model, [this] { forget(); }),
        QObject::connect(model, &QAbstractItemModel::layoutChanged, model, [this] { forget(); }),
        QObject::connect(model, &QAbstractItemModel::rowsMoved, model, [this] { forget(); }),
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model,
                         [this](const QModelIndex &, int first, int last) {
                             if (m_entries.size() + (last - first + 1) != m_model->rowCount())
                                 return forget(); // not what was followed: built again if asked
                             for (int row = first; row <= last; ++row)
                                 m_entries.insert(row, entry(row));
                         }),
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, model,
                         [this](const QModelIndex &, int first, int last) {
                             if (m_entries.size() - (last - first + 1) != m_model->rowCount())
                                 return forget();
                             m_entries.remove(first, last - first + 1);
                         }),
        QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                         [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                             if (topLeft.column() > m_column || bottomRight.column() < m_column)
                                 return;
                             if (m_entries.size() != m_model->rowCount())
                                 return forget();
                             // Whole-table refreshes (times, reloads) change few names, if any.
                             for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                                 const QString now = text(row);
                                 if (now != m_entries.at(row).text)
                                     m_entries[row] = {now, m_collator.sortKey(now)};
                             }
                         }),
    };
}

int NameSortKeys::compare(int leftRow, int rightRow) const
{
    if (!m_model)
        return 0;
    ensureBuilt();
    if (leftRow < 0 || rightRow < 0 || leftRow >= m_entries.size() || rightRow >= m_entries.size())
        return 0;
    return m_entries.at(leftRow).key.compare(m_entries.at(rightRow).key);
}

void NameSortKeys::forget() const
{
    m_entries.clear();
}

QString NameSortKeys::text(int row) const
{
    return m_model->index(row, m_column).data(Qt::DisplayRole).toString();
}

NameSortKeys::Entry NameSortKeys::entry(int row) const
{
    const QString name = text(row);
    return {name, m_collator.sortKey(name)};
}

void NameSortKeys::ensureBuilt() const
{
    const int rows = m_model->rowCount();
    if (m_entries.size() == rows)
        return;
    // Built in full: at the first sort, or if the model changed in a way not followed.
    m_entries.clear();
    m_entries.reserve(rows);
    for (int row = 0; row < rows; ++row)
        m_entries.append(entry(row));
}

} // namespace Keyward
