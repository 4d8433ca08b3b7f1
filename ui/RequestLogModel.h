#pragma once

#include "core/KeySecret.h"
#include "verify/UsageReport.h"

#include <QAbstractTableModel>
#include <QVector>

namespace Keyward {

// The newest requests of one key, newest first: when (relative, absolute in the tooltip), from
// which source, the answer, and which of the key's secrets was presented, so a rotation shows at
// a glance which tools still send the previous one.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SourceColumn, OutcomeColumn, SecretColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw values: time in ms, outcome code, secret id
        OutcomeRole, // VerifyOutcome as int (verifyOutcomeToInt)
        SecretKindRole, // SecretKind as int
    };
    // Which of the key's secrets a request presented.
    enum class SecretKind { None, Current, Previous, Earlier };

    explicit RequestLogModel(QObject *parent = nullptr);

    // secrets: the key's secrets, newest first (ApiKey::secrets).
    void setRequests(const QVector<UsageReport::Request> &requests,
                     const QVector<KeySecret> &secrets, qint64 nowMs);
    void clear();
    const UsageReport::Request *requestAt(int row) const;
    SecretKind secretKind(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString secretText(int row) const;
    QString secretToolTip(int row) const;

    QVector<UsageReport::Request> m_requests;
    QVector<KeySecret> m_secrets;
    qint64 m_nowMs = 0;
};

} // namespace Keyward
