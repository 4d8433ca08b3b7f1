#pragma once

#include "RequestLogModel.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace Keyward {

// The request log of one key as a compact table (newest first), or a sentence when there is
// nothing to show yet.
class RequestLogView : public QWidget
{
    Q_OBJECT
public:
    explicit RequestLogView(QWidget *parent = nullptr);

    void setRequests(const QVector<UsageReport::Request> &requests,
                     const QVector<KeySecret> &secrets, qint64 nowMs);
    void clear();

    RequestLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    bool isShowingPlaceholder() const;

private:
    void updatePage();

    RequestLogModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_placeholder = nullptr;
    QStackedWidget *m_stack = nullptr;
};

} // namespace Keyward
