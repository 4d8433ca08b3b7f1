#include "FittingScrollArea.h"

#include <QLayout>
#include <QScreen>
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

void FittingScrollArea::fitWindowToContent(bool allowShrink)
{
    QWidget *window = this->window();
    if (!widget() || !window->isVisible() || window->isMaximized() || window->isFullScreen())
        return;
    if (QLayout *layout = widget()->layout())
        layout->activate();
    const int delta = contentHeight(viewport()->width()) - viewport()->height();
    if (delta == 0 || (delta < 0 && !allowShrink))
        return;
    const int frame = window->frameGeometry().height() - window->height();
    const int room = window->screen() ? window->screen()->availableGeometry().height() - frame
                                      : window->height() + delta;
    const int height = qMax(window->minimumHeight(), qMin(window->height() + delta, room));
    if (height != window->height())
        window->resize(window->width(), height);
}

void FittingScrollArea::showEvent(QShowEvent *event)
{
    QScrollArea::showEvent(event);
    // Once, as the window first shows: its layout has given this area its real width now.
    if (!m_fittedOnce && window()->isVisible()) {
        m_fittedOnce = true;
        fitWindowToContent(true);
    }
}

} // namespace Keyward
