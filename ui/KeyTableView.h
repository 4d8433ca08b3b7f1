#pragma once

#include <QTableView>

namespace Keyward {

// The key table's view: whole rows selected, several at once (bulk actions), sortable, movable
// columns, status badges, and column widths that fit their usual content.
class KeyTableView : public QTableView
{
    Q_OBJECT
public:
    explicit KeyTableView(QWidget *parent = nullptr);

    // model: the filter proxy over KeyTableModel. Whoever must see rows go before the view does
    // (to keep the selection) connects to it before this; turning sorting on already moves rows.
    void setKeyModel(QAbstractItemModel *model);

private:
    void setDefaultColumnWidths();
};

} // namespace Keyward
