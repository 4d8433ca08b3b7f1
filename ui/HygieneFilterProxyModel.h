#pragma once

#include <QSortFilterProxyModel>

namespace Keyward {

// The hygiene page's view of HygieneModel: sorted by SortRole, searched in every column, and
// without dismissed findings unless showDismissed.
class HygieneFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HygieneFilterProxyModel(QObject *parent = nullptr);

    void setShowDismissed(bool show);
    bool showDismissed() const { return m_showDismissed; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_showDismissed = false;
};

} // namespace Keyward
