#pragma once

#include "core/AuditEvent.h"

#include <QAbstractTableModel>
#include <QVector>

namespace Keyward {

class Clock;

// Audit rows for the audit log page and a key's history in the details pane.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, KeyColumn, DetailsColumn, ColumnCount };
    Q_ENUM(Column)
    enum Roles { SortRole = Qt::UserRole + 1, EventIdRole };

    explicit AuditLogModel(const Clock &clock, QObject *parent = nullptr);

    // The Time column's text: the locale's short date and time, but with a four-digit year
    // (a log is read years later; German's short format alone gives "15.01.27").
    static QString timeText(qint64 atMs);

    void setEvents(const QVector<AuditEvent> &events);
    void clear();
    const AuditEvent *eventAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const Clock &m_clock;
    QVector<AuditEvent> m_events;
};

} // namespace Keyward
