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
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        QObject::disconnect(connection);
    m_connections.clear();
    m_model = model;
    m_keys.clear();
    if (!model)
        return;
    const auto forget = [this] {
        m_keys.clear();
    };
    m_connections = {
        QObject::connect(model, &QAbstractItemModel::modelReset, model, forget),
        QObject::connect(model, &QAbstractItemModel::layoutChanged, model, forget),
        QObject::connect(model, &QAbstractItemModel::rowsMoved, model, forget),
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model,
                         [this](const QModelIndex &, int first, int last) {
                             if (m_keys.isEmpty())
                                 return;
                             for (int row = first; row <= last; ++row)
                                 m_keys.insert(row, m_collator.sortKey(text(row)));
                         }),
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, model,
                         [this](const QModelIndex &, int first, int last) {
                             if (!m_keys.isEmpty())
                                 m_keys.remove(first, last - first + 1);
                         }),
        QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                         [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                             if (m_keys.isEmpty() || topLeft.column() > m_column
                                 || bottomRight.column() < m_column)
                                 return;
                             for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                                 m_keys[row] = m_collator.sortKey(text(row));
                         }),
    };
}

int NameSortKeys::compare(int leftRow, int rightRow) const
{
    ensureBuilt();
    return m_keys.at(leftRow).compare(m_keys.at(rightRow));
}

QString NameSortKeys::text(int row) const
{
    return m_model->index(row, m_column).data(Qt::DisplayRole).toString();
}

void NameSortKeys::ensureBuilt() const
{
    const int rows = m_model->rowCount();
    if (m_keys.size() == rows)
        return;
    // Built in full: at the first sort, or if the model changed in a way not followed.
    m_keys.clear();
    m_keys.reserve(rows);
    for (int row = 0; row < rows; ++row)
        m_keys.append(m_collator.sortKey(text(row)));
}

} // namespace Keyward
