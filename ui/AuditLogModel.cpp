#include "AuditLogModel.h"

#include "AuditText.h"
#include "Formatting.h"
#include "core/Clock.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace Keyward {

AuditLogModel::AuditLogModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{ }

QString AuditLogModel::timeText(qint64 atMs)
{
    const QLocale locale;
    QString format = locale.dateTimeFormat(QLocale::ShortFormat);
    static const QRegularExpression twoDigitYear(QStringLiteral("(?<!y)yy(?!y)"));
    format.replace(twoDigitYear, QStringLiteral("yyyy"));
    return locale.toString(QDateTime::fromMSecsSinceEpoch(atMs).toLocalTime(), format);
}

void AuditLogModel::setEvents(const QVector<AuditEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

void AuditLogModel::clear()
{
    setEvents({});
}

const AuditEvent *AuditLogModel::eventAt(int row) const
{
    return row >= 0 && row < m_events.size() ? &m_events.at(row) : nullptr;
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent &event = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText(event.atMs);
        case ActorColumn:
            return event.actor;
        case ActionColumn:
            return AuditText::action(event.action);
        case KeyColumn:
            return AuditText::keyName(event);
        case DetailsColumn:
            return AuditText::details(event);
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return Formatting::relativeTime(event.atMs, m_clock.nowMs());
        case ActionColumn:
            return event.action;
        case KeyColumn:
            return event.keyId ? tr("Key ID %1").arg(*event.keyId) : QVariant();
        case DetailsColumn:
            return AuditText::details(event);
        }
        return {};
    case SortRole:
        // Rows are numbered in the order they were written: the truest time order.
        if (index.column() == TimeColumn)
            return event.id;
        return data(index, Qt::DisplayRole).toString().toCaseFolded();
    case EventIdRole:
        return event.id;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn:
            return tr("Time");
        case ActorColumn:
            return tr("Member");
        case ActionColumn:
            return tr("Action");
        case KeyColumn:
            return tr("Key");
        case DetailsColumn:
            return tr("Details");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace Keyward
