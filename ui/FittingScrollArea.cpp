#include "FittingScrollArea.h"

#include <QScrollBar>

namespace Keyward {

FittingScrollArea::FittingScrollArea(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

int FittingScrollArea::contentHeight(int width) const
{
    const QWidget *content = widget();
    if (!content)
        return 0;
    const int h = content->hasHeightForWidth() ? content->heightForWidth(width)
                                               : content->sizeHint().height();
    return qMax(h, content->minimumSizeHint().height());
}

QSize FittingScrollArea::sizeHint() const
{
    if (!widget())
        return QScrollArea::sizeHint();
    const int frame = 2 * frameWidth();
    const int width = widget()->sizeHint().width();
    return {width + frame, contentHeight(width) + frame};
}

QSize FittingScrollArea::minimumSizeHint() const
{
    if (!widget())
        return QScrollArea::minimumSizeHint();
    // Wide enough for the content beside a vertical scroll bar; a few lines high.
    const int frame = 2 * frameWidth();
    return {widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() + frame,
            fontMetrics().height() * 6 + frame};
}

} // namespace Keyward
