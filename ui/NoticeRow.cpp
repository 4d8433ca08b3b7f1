#include "NoticeRow.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QWidget>

namespace Keyward {

QWidget *noticeRow(QWidget *parent, const QString &objectName, const QString &themeIcon,
                   QStyle::StandardPixmap fallback, QLabel **text)
{
    auto *row = new QWidget(parent);
    row->setObjectName(objectName);
    auto *icon = new QLabel(row);
    const int size = row->style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(
        QIcon::fromTheme(themeIcon, row->style()->standardIcon(fallback)).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    *text = new QLabel(row);
    (*text)->setTextFormat(Qt::PlainText);
    (*text)->setWordWrap(true);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(icon);
    layout->addWidget(*text, 1);
    return row;
}

} // namespace Keyward
