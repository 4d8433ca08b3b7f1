#include "RequestLogModel.h"

#include "Formatting.h"
#include "OutcomeText.h"

#include <QColor>

namespace Keyward {

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RequestLogModel::setRequests(const QVector<UsageReport::Request> &requests,
                                  const QVector<KeySecret> &secrets, qint64 nowMs)
{
    beginResetModel();
    m_requests = requests;
    m_secrets = secrets;
    m_nowMs = nowMs;
    endResetModel();
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_requests.clear();
    m_secrets.clear();
    endResetModel();
}

const UsageReport::Request *RequestLogModel::requestAt(int row) const
{
    return row >= 0 && row < m_requests.size() ? &m_requests.at(row) : nullptr;
}

RequestLogModel::SecretKind RequestLogModel::secretKind(int row) const
{
    const UsageReport::Request *request = requestAt(row);
    if (!request || request->secretId == 0)
        return SecretKind::None;
    for (int i = 0; i < m_secrets.size(); ++i) {
        if (m_secrets.at(i).id == request->secretId)
            return i == 0 ? SecretKind::Current : SecretKind::Previous;
    }
    // Rotated out by a later regeneration; the log keeps its hint while the row exists.
    return SecretKind::Earlier;
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RequestLogModel::secretText(int row) const
{
    const UsageReport::Request &request = m_requests.at(row);
    switch (secretKind(row)) {
    case SecretKind::None:
        return QStringLiteral("—");
    case SecretKind::Current:
        return tr("%1 (current)").arg(request.secretHint);
    case SecretKind::Previous:
        return tr("%1 (previous)").arg(request.secretHint);
    case SecretKind::Earlier:
        return request.secretHint.isEmpty() ? tr("A removed secret")
                                            : tr("%1 (earlier)").arg(request.secretHint);
    }
    return {};
}

QString RequestLogModel::secretToolTip(int row) const
{
    const UsageReport::Request &request = m_requests.at(row);
    switch (secretKind(row)) {
    case SecretKind::None:
        return tr("The request presented no secret of this key.");
    case SecretKind::Current:
        return tr("The key's current secret.");
    case SecretKind::Previous: {
        for (const KeySecret &secret : m_secrets) {
            if (secret.id != request.secretId || !secret.retiresAtMs)
                continue;
            if (secret.isInGracePeriodAt(m_nowMs))
                return tr("The previous secret, which stops working %1 (%2). Give the tool that "
                          "sent this request the new secret.")
                    .arg(Formatting::relativeTime(*secret.retiresAtMs, m_nowMs),
                         Formatting::absoluteTime(*secret.retiresAtMs));
            return tr("The previous secret, retired %1 (%2).")
                .arg(Formatting::relativeTime(*secret.retiresAtMs, m_nowMs),
                     Formatting::absoluteTime(*secret.retiresAtMs));
        }
        return tr("The previous secret.");
    }
    case SecretKind::Earlier:
        return tr("A secret replaced by an earlier regeneration.");
    }
    return {};
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UsageReport::Request &request = m_requests.at(index.row());
    if (role == OutcomeRole)
        return verifyOutcomeToInt(request.outcome);
    if (role == SecretKindRole)
        return int(secretKind(index.row()));

    switch (index.column()) {
    case TimeColumn:
        if (role == Qt::DisplayRole)
            return Formatting::relativeTime(request.atMs, m_nowMs);
        if (role == Qt::ToolTipRole)
            return Formatting::absoluteTime(request.atMs);
        if (role == SortRole)
            return request.atMs;
        break;
    case SourceColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return request.source.isEmpty() ? QStringLiteral("—") : request.source;
        if (role == Qt::ToolTipRole)
            return request.source.isEmpty() ? tr("The service did not say where the request came "
                                                 "from.")
                                            : request.source;
        break;
    case OutcomeColumn:
        if (role == Qt::DisplayRole)
            return OutcomeText::nameWithStatus(request.outcome);
        if (role == Qt::DecorationRole)
            return OutcomeText::color(request.outcome);
        if (role == Qt::ToolTipRole)
            return OutcomeText::groupName(OutcomeText::group(request.outcome));
        if (role == SortRole)
            return verifyOutcomeToInt(request.outcome);
        break;
    case SecretColumn:
        if (role == Qt::DisplayRole)
            return secretText(index.row());
        if (role == Qt::ToolTipRole)
            return secretToolTip(index.row());
        if (role == SortRole)
            return request.secretId;
        break;
    default:
        break;
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Source");
    case OutcomeColumn:
        return tr("Outcome");
    case SecretColumn:
        return tr("Secret");
    default:
        return {};
    }
}

} // namespace Keyward
