#include "RequestLogView.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Keyward {

RequestLogView::RequestLogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new RequestLogModel(this))
{
    setObjectName(QStringLiteral("requestLog"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("requestLogTable"));
    m_table->setAccessibleName(tr("Recent requests"));
    m_table->setModel(m_model);
    // Newest first is the point of the log: no sorting that could hide the latest request.
    m_table->setSortingEnabled(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The source is free text of any length: it takes what is left, elided.
    header->setSectionResizeMode(RequestLogModel::SourceColumn, QHeaderView::Stretch);
    m_table->setMinimumHeight(180);

    m_placeholder = new QLabel(tr("No requests recorded for this key yet. Requests appear here a "
                                  "few seconds after a service checked the key."),
                               this);
    m_placeholder->setObjectName(QStringLiteral("requestLogPlaceholder"));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    QPalette palette = m_placeholder->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(palette);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_placeholder);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    updatePage();
}

void RequestLogView::setRequests(const QVector<UsageReport::Request> &requests,
                                 const QVector<KeySecret> &secrets, qint64 nowMs)
{
    // Keep the user's place when the same log is refreshed with newer rows on top.
    const int scroll = m_table->verticalScrollBar()->value();
    m_model->setRequests(requests, secrets, nowMs);
    m_table->verticalScrollBar()->setValue(scroll);
    updatePage();
}

void RequestLogView::clear()
{
    m_model->clear();
    updatePage();
}

bool RequestLogView::isShowingPlaceholder() const
{
    return m_stack->currentWidget() == m_placeholder;
}

void RequestLogView::updatePage()
{
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table)
                                                      : static_cast<QWidget *>(m_placeholder));
}

} // namespace Keyward
