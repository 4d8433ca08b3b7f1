#include "DetailsLabels.h"

#include "Formatting.h"

#include <QCoreApplication>
#include <QLabel>
#include <QVBoxLayout>

namespace Keyward::DetailsLabels {

// Only long, free text wraps: a wrapping QLabel reserves height as if it were narrow, which
// spreads short values apart.
QLabel *valueLabel(const QString &text, QWidget *parent, bool wrap)
{
    auto *label = new QLabel(text, parent);
    // Names and notes are data, never markup.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(wrap);
    // A wrapped label can be given more height than its lines need: keep the text at the top
    // instead of floating in the middle, away from the line before it.
    if (wrap)
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    // Without this flag (which a plain setSizePolicy() drops) layouts size a wrapping label for
    // the narrow width of its size hint and leave gaps around it.
    policy.setHeightForWidth(wrap);
    label->setSizePolicy(policy);
    return label;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 10, 0, 2);
    return label;
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

QLabel *hintText(const QString &text, QWidget *parent, bool wrap)
{
    QLabel *label = valueLabel(text, parent, wrap);
    setTextColor(label, label->palette().color(QPalette::PlaceholderText));
    return label;
}

QString timeWithRelative(qint64 atMs, qint64 nowMs)
{
    return QCoreApplication::translate("Keyward::KeyDetailsPane", "%1 (%2)")
        .arg(Formatting::absoluteTime(atMs), Formatting::relativeTime(atMs, nowMs));
}

QVBoxLayout *column(const QString &objectName, int spacing, QWidget *parent, QWidget **box)
{
    *box = new QWidget(parent);
    (*box)->setObjectName(objectName);
    auto *layout = new QVBoxLayout(*box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(spacing);
    return layout;
}

} // namespace Keyward::DetailsLabels
