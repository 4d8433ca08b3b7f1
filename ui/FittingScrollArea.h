#pragma once

#include <QScrollArea>

namespace Keyward {

// A dialog's body (everything above its buttons): as tall as its content wants at its width, so
// the dialog opens showing everything where the screen has room, and scrolls instead of
// squeezing one widget over another where it has not (a small screen; a window manager that
// keeps a dialog's size when new text appears; a person who makes the dialog smaller). Never
// scrolls sideways: it is at least as wide as its content beside a vertical scroll bar.
class FittingScrollArea : public QScrollArea
{
    Q_OBJECT
public:
    explicit FittingScrollArea(QWidget *parent = nullptr);

    // The content's height at the width, wrapped text included.
    int contentHeight(int width) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Makes the window as tall as the content needs at its present width (as far as the screen
    // allows; with allowShrink also shorter, dropping empty space). The window opens at a size
    // hint computed for a narrower width than it gets, and a window manager does not grow a
    // dialog when new text appears: both call this.
    void fitWindowToContent(bool allowShrink);

protected:
    void showEvent(QShowEvent *event) override;

private:
    bool m_fittedOnce = false;
};

} // namespace Keyward
