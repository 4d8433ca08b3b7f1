#include "WrapAnywhereLabel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QPainter>
#include <QTextLayout>

#include <cmath>

namespace Keyward {

WrapAnywhereLabel::WrapAnywhereLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    // Names are data, never markup.
    setTextFormat(Qt::PlainText);
    // Marks the label as one that wraps, for layouts (height for width) and for tests.
    setWordWrap(true);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    auto *copy = new QAction(tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("copyTextAction"));
    connect(copy, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(this->text()); });
    addAction(copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    // It paints itself: the QLabel selection would be invisible.
    setTextInteractionFlags(Qt::NoTextInteraction);
}

int WrapAnywhereLabel::horizontalMargins() const
{
    const QMargins m = contentsMargins();
    return m.left() + m.right() + 2 * margin();
}

int WrapAnywhereLabel::verticalMargins() const
{
    const QMargins m = contentsMargins();
    return m.top() + m.bottom() + 2 * margin();
}

int WrapAnywhereLabel::layOut(QTextLayout &layout, int width) const
{
    QString shown = text();
    // QTextLayout breaks lines only at its own separator.
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextOption option(alignment());
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setText(shown);
    layout.setFont(font());
    layout.setTextOption(option);
    layout.beginLayout();
    qreal y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(qMax(1, width));
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    return int(std::ceil(y));
}

int WrapAnywhereLabel::heightForWidth(int width) const
{
    QTextLayout layout;
    return layOut(layout, width - horizontalMargins()) + verticalMargins();
}

QSize WrapAnywhereLabel::sizeHint() const
{
    // As wide as the text on one line, but never wider than about 60 characters.
    const QFontMetrics metrics(font());
    int widest = 0;
    for (const QString &line : text().split(QLatin1Char('\n')))
        widest = qMax(widest, metrics.horizontalAdvance(line));
    const int width = qMin(widest + 1, metrics.averageCharWidth() * 60) + horizontalMargins();
    return {width, heightForWidth(width)};
}

QSize WrapAnywhereLabel::minimumSizeHint() const
{
    // About ten characters a line: the text wraps rather than widening anything.
    const QFontMetrics metrics(font());
    const int width =
        qMin(sizeHint().width(), metrics.averageCharWidth() * 10 + horizontalMargins());
    return {width, metrics.height() + verticalMargins()};
}

void WrapAnywhereLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    QTextLayout layout;
    layOut(layout, area.width());
    painter.setPen(
        palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, foregroundRole()));
    layout.draw(&painter, area.topLeft());
}

} // namespace Keyward
