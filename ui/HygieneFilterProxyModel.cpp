#include "HygieneFilterProxyModel.h"

#include "HygieneModel.h"

namespace Keyward {

HygieneFilterProxyModel::HygieneFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(HygieneModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void HygieneFilterProxyModel::setShowDismissed(bool show)
{
    if (m_showDismissed == show)
        return;
    m_showDismissed = show;
    invalidateRowsFilter();
}

bool HygieneFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_showDismissed
        && sourceModel()
               ->index(sourceRow, 0, sourceParent)
               .data(HygieneModel::DismissedRole)
               .toBool())
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace Keyward
