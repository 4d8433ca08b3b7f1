#include "HygieneModel.h"

#include "Formatting.h"
#include "core/DisplayNames.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Keyward {

HygieneModel::HygieneModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HygieneModel::setFindings(const QVector<HygieneFinding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

void HygieneModel::clear()
{
    setFindings({});
}

const HygieneFinding *HygieneModel::findingAt(int row) const
{
    return row >= 0 && row < m_findings.size() ? &m_findings.at(row) : nullptr;
}

int HygieneModel::rowOf(qint64 keyId, HygieneFinding::Kind kind) const
{
    for (int row = 0; row < m_findings.size(); ++row) {
        if (m_findings.at(row).keyId == keyId && m_findings.at(row).kind == kind)
            return row;
    }
    return -1;
}

int HygieneModel::dismissedCount() const
{
    return int(std::count_if(m_findings.cbegin(), m_findings.cend(),
                             [](const HygieneFinding &finding) { return finding.dismissed; }));
}

int HygieneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int HygieneModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HygieneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HygieneFinding &finding = m_findings.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (column) {
        case KeyColumn:
            return finding.keyName;
        case EnvironmentColumn:
            return role == SortRole ? QVariant(int(finding.environment))
                                    : QVariant(DisplayNames::environment(finding.environment));
        case FindingColumn:
            return role == SortRole ? QVariant(int(finding.kind))
                                    : QVariant(HygieneFinding::describeKind(finding.kind));
        case ReasonColumn:
            if (finding.dismissed && role == Qt::DisplayRole)
                return tr("Dismissed by %1: %2").arg(finding.dismissedBy, finding.dismissReason);
            return finding.reason;
        case FixColumn:
            return HygieneFinding::describeFix(finding.fix);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == ReasonColumn && finding.dismissed)
            return tr("%1\nDismissed by %2 on %3: %4")
                .arg(finding.reason, finding.dismissedBy,
                     Formatting::absoluteTime(finding.dismissedAtMs), finding.dismissReason);
        if (column == ReasonColumn)
            return finding.reason;
        if (column == FindingColumn)
            return HygieneFinding::code(finding.kind);
        return {};
    case Qt::ForegroundRole:
        if (finding.dismissed)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::FontRole:
        if (finding.dismissed) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case KeyIdRole:
        return finding.keyId;
    case KindRole:
        return int(finding.kind);
    case DismissedRole:
        return finding.dismissed;
    default:
        return {};
    }
}

QVariant HygieneModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case EnvironmentColumn:
        return tr("Environment");
    case FindingColumn:
        return tr("Finding");
    case ReasonColumn:
        return tr("Reason");
    case FixColumn:
        return tr("Fix");
    }
    return {};
}

} // namespace Keyward
