#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;

namespace Keyward {

// The row above the key table: search, filters and the count on one line when there is room,
// else the search field and count above the filters, so the window fits an 800×600 screen in
// every language.
class FilterBar : public QWidget
{
public:
    explicit FilterBar(QWidget *parent);

    void setWidgets(QWidget *search, const QList<QWidget *> &filters, QWidget *count);
    // The two-row arrangement's width: narrower windows fold the bar instead of refusing.
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int filtersWidth() const;
    void arrange(bool oneRow);

    QGridLayout *m_grid;
    QWidget *m_search = nullptr;
    QList<QWidget *> m_filters;
    QWidget *m_count = nullptr;
    bool m_oneRow = true;
};

} // namespace Keyward
