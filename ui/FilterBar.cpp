#include "FilterBar.h"

#include <QGridLayout>

namespace Keyward {

namespace {

// The width a layout gives a widget at the least: its minimum size wins over its hint.
int leastWidth(const QWidget *widget)
{
    return qMax(widget->minimumWidth(), widget->minimumSizeHint().width());
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(8, 8, 8, 8);
}

void FilterBar::setWidgets(QWidget *search, const QList<QWidget *> &filters, QWidget *count)
{
    m_search = search;
    m_filters = filters;
    m_count = count;
    arrange(true);
}

QSize FilterBar::minimumSizeHint() const
{
    const QMargins m = m_grid->contentsMargins();
    const int spacing = qMax(0, m_grid->horizontalSpacing());
    const int top = leastWidth(m_search) + spacing + leastWidth(m_count);
    return {m.left() + m.right() + qMax(top, filtersWidth()), m_grid->minimumSize().height()};
}

void FilterBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const QMargins m = m_grid->contentsMargins();
    const int oneRow = m.left() + m.right() + leastWidth(m_search) + filtersWidth()
        + leastWidth(m_count) + 2 * qMax(0, m_grid->horizontalSpacing());
    const bool wide = width() >= oneRow;
    if (wide != m_oneRow)
        arrange(wide);
}

int FilterBar::filtersWidth() const
{
    int width = 0;
    for (const QWidget *filter : m_filters)
        width += leastWidth(filter);
    return width + int(m_filters.size() - 1) * qMax(0, m_grid->horizontalSpacing());
}

void FilterBar::arrange(bool oneRow)
{
    m_oneRow = oneRow;
    m_grid->removeWidget(m_search);
    m_grid->removeWidget(m_count);
    for (QWidget *filter : std::as_const(m_filters))
        m_grid->removeWidget(filter);
    const int columns = int(m_filters.size());
    // One row: search | filters... | stretch | count. Two: search (spanning) | count, then
    // filters... | stretch.
    int column = 0;
    m_grid->addWidget(m_search, 0, column++, 1, oneRow ? 1 : columns + 1);
    const int filterRow = oneRow ? 0 : 1;
    if (!oneRow)
        column = 0;
    for (QWidget *filter : std::as_const(m_filters))
        m_grid->addWidget(filter, filterRow, column++);
    for (int c = 0; c < columns + 3; ++c)
        m_grid->setColumnStretch(c, 0);
    m_grid->setColumnStretch(0, oneRow ? 2 : 0);
    m_grid->setColumnStretch(column, 1); // the space after the filters
    m_grid->addWidget(m_count, 0, column + 1, Qt::AlignRight | Qt::AlignVCenter);
    updateGeometry();
}

} // namespace Keyward
