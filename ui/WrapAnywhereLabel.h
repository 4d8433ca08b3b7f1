#pragma once

#include <QLabel>

class QTextLayout;

namespace Keyward {

// Plain text that may hold a long run without spaces, such as a key name: wrapped at word
// boundaries where it can and anywhere where it must, so a 200-character name without a space
// never makes a pane or a dialog wider than the screen. text() stays the whole text; the
// context menu copies it (the label paints itself, so mouse selection is off).
class WrapAnywhereLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrapAnywhereLabel(const QString &text, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // Lays the text out at the width (in pixels, without margins); returns its height.
    int layOut(QTextLayout &layout, int width) const;
    int horizontalMargins() const;
    int verticalMargins() const;
};

} // namespace Keyward
