#pragma once

#include "core/HygieneReport.h"

#include <QAbstractTableModel>
#include <QVector>

namespace Keyward {

// The hygiene report's findings as table rows: key, environment, finding, reason and fix.
// Dismissed findings are rows too (greyed, with who dismissed them and why); the page's proxy
// hides them unless asked.
class HygieneModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        EnvironmentColumn,
        FindingColumn,
        ReasonColumn,
        FixColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        SortRole = Qt::UserRole + 1,
        KeyIdRole,
        KindRole, // int(HygieneFinding::Kind)
        DismissedRole, // bool
    };

    explicit HygieneModel(QObject *parent = nullptr);

    void setFindings(const QVector<HygieneFinding> &findings);
    void clear();
    const QVector<HygieneFinding> &findings() const { return m_findings; }
    const HygieneFinding *findingAt(int row) const;
    // The row of a key's finding of that kind, or -1.
    int rowOf(qint64 keyId, HygieneFinding::Kind kind) const;
    int dismissedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<HygieneFinding> m_findings;
};

} // namespace Keyward
