#pragma once

#include "NameSortKeys.h"
#include "core/Environment.h"

#include <QByteArray>
#include <QCollator>
#include <QSortFilterProxyModel>

#include <optional>

namespace Keyward {

class KeyTableModel;

// Search and filters over KeyTableModel. The search matches name, key hint, notes and customer
// (case-insensitive); a whole pasted token finds its key by hash. Revoked keys are hidden unless
// asked for (a tampered one never is: whatever its row claims, it needs attention). Sorting uses
// KeyTableModel::SortRole: a key that never expires is the farthest future (last ascending, first
// descending), "Never used" and "Unlimited" stay last in both directions, and text sorts naturally
// ("Integration 2" before "Integration 10").
class KeyFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StatusFilter {
        All,
        Active,
        ExpiringSoon,
        Inactive,
        Expired,
        Revoked,
        Flagged,
        Tampered // signature does not hold (KeyTableModel::setTampered)
    };
    Q_ENUM(StatusFilter)

    explicit KeyFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setEnvironmentFilter(std::optional<Environment> environment);
    std::optional<Environment> environmentFilter() const { return m_environment; }
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }
    void setShowRevoked(bool show);
    bool showRevoked() const { return m_showRevoked; }
    // True when any search or filter could be hiding keys.
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    KeyTableModel *m_keys = nullptr;
    QCollator m_collator; // numeric and case-insensitive: names as people count them
    NameSortKeys m_names; // KeyTableModel::NameColumn's, by source row
    QString m_search;
    QByteArray m_searchTokenHash; // set when the search text is a whole, valid token
    std::optional<Environment> m_environment;
    StatusFilter m_status = StatusFilter::All;
    bool m_showRevoked = false;
};

} // namespace Keyward
