#include "StatusBadgeDelegate.h"

#include "KeyTableModel.h"
#include "core/DisplayNames.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Keyward {

namespace {

constexpr int kPadX = 7;
constexpr int kPadY = 2;
constexpr int kGap = 4;
constexpr int kMargin = 4;

// Breeze's semantic colours, readable on light and dark backgrounds.
const QColor kGreen(0x27, 0xae, 0x60);
const QColor kGrey(0x7f, 0x8c, 0x8d);
const QColor kAmber(0xf6, 0x74, 0x00);
const QColor kRed(0xda, 0x44, 0x53);
const QColor kBlue(0x29, 0x80, 0xb9);
// Not a state anyone set: darker and bluer than Revoked's red, so the two are not confused.
const QColor kPlum(0x9b, 0x24, 0x6a);

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QFont badgeFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.9 : base.pointSizeF());
    font.setBold(true);
    return font;
}

} // namespace

StatusBadgeDelegate::StatusBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QColor StatusBadgeDelegate::statusColor(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return kGreen;
    case KeyStatus::Inactive:
        return kGrey;
    case KeyStatus::Expired:
        return kAmber;
    case KeyStatus::Revoked:
        return kRed;
    }
    return kGrey;
}

QColor StatusBadgeDelegate::tamperedColor()
{
    return kPlum;
}

QVector<StatusBadgeDelegate::Badge> StatusBadgeDelegate::tamperedBadges()
{
    return {{tr("Tampered"), kPlum, false}};
}

QVector<StatusBadgeDelegate::Badge> StatusBadgeDelegate::badges(const QModelIndex &index)
{
    const QVariant status = index.data(KeyTableModel::StatusRole);
    if (!status.isValid())
        return {};
    if (!index.data(KeyTableModel::TamperedRole).toString().isEmpty())
        return tamperedBadges();
    return badgesFor(static_cast<KeyStatus>(status.toInt()),
                     index.data(KeyTableModel::ExpiresSoonRole).toBool(),
                     index.data(KeyTableModel::GracePeriodRole).toBool(),
                     index.data(KeyTableModel::FlaggedRole).toBool(),
                     index.data(KeyTableModel::RotationOverdueRole).toBool());
}

QVector<StatusBadgeDelegate::Badge> StatusBadgeDelegate::badgesFor(KeyStatus status,
                                                                   bool expiresSoon,
                                                                   bool gracePeriod, bool flagged,
                                                                   bool rotationOverdue)
{
    QVector<Badge> result {{DisplayNames::status(status), statusColor(status), false}};
    if (expiresSoon)
        result.append({tr("Expires soon"), kAmber, true});
    if (gracePeriod)
        result.append({tr("Grace period"), kBlue, true});
    if (flagged)
        result.append({tr("Flagged"), kRed, true});
    if (rotationOverdue)
        result.append({tr("Rotation overdue"), kAmber, true});
    return result;
}

QStringList StatusBadgeDelegate::badgeTexts(const QModelIndex &index)
{
    QStringList texts;
    for (const Badge &badge : badges(index))
        texts.append(badge.text);
    return texts;
}

QSize StatusBadgeDelegate::badgesSize(const QVector<Badge> &badges, const QFont &font)
{
    const QFontMetrics metrics(badgeFont(font));
    int width = 0;
    for (const Badge &badge : badges)
        width += metrics.horizontalAdvance(badge.text) + 2 * kPadX + kGap;
    return {width + 2 * kMargin, metrics.height() + 2 * kPadY + 2 * kMargin};
}

void StatusBadgeDelegate::paintBadges(QPainter *painter, const QRect &rect,
                                      const QVector<Badge> &badges, const QFont &font,
                                      const QPalette &palette, bool onSelection)
{
    const QFont small = badgeFont(font);
    const QFontMetrics metrics(small);
    const int height = metrics.height() + 2 * kPadY;
    int x = rect.left() + kMargin;
    const int y = rect.top() + (rect.height() - height) / 2;
    const bool dark = isDark(palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(small);
    for (const Badge &badge : badges) {
        const int width = metrics.horizontalAdvance(badge.text) + 2 * kPadX;
        if (x + width > rect.right() + 1 && x > rect.left() + kMargin)
            break; // no half badges: the tooltip lists them all
        const QRectF pill(x + 0.5, y + 0.5, width - 1, height - 1);
        QColor fill = badge.color;
        QColor text = dark ? badge.color.lighter(140) : badge.color.darker(135);
        if (badge.outlined) {
            fill.setAlpha(dark ? 40 : 22);
        } else {
            fill.setAlpha(dark ? 90 : 48);
        }
        // On a selected row the highlight would swallow a translucent pill: lay it on the
        // base colour first so the badge reads the same as on any other row.
        if (onSelection) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(palette.color(QPalette::Base));
            painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        }
        painter->setPen(QPen(badge.outlined ? badge.color : fill.darker(110), 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setPen(text);
        painter->drawText(QRect(x, y, width, height), Qt::AlignCenter, badge.text);
        x += width + kGap;
    }
    painter->restore();
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // Background, selection and focus from the style; the badges replace text and decoration.
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    paintBadges(painter, option.rect, badges(index), option.font, option.palette,
                option.state.testFlag(QStyle::State_Selected));
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const QSize badgeSize = badgesSize(badges(index), option.font);
    return {qMax(base.width(), badgeSize.width()), qMax(base.height(), badgeSize.height())};
}

} // namespace Keyward
