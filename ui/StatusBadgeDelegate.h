#pragma once

#include "core/KeyStatus.h"

#include <QColor>
#include <QStyledItemDelegate>
#include <QVector>

namespace Keyward {

// Paints a key's status as coloured pills: the status itself (Active green, Inactive grey,
// Expired amber, Revoked red), then "Expires soon", "Grace period", "Flagged" and "Rotation
// overdue" (its secret is older than the vault's rotation policy) when they apply.
// A tampered key (its signature does not hold) shows "Tampered" (plum) alone: nothing else its
// row claims can be believed. Reads KeyTableModel's StatusRole/ExpiresSoonRole/GracePeriodRole/
// FlaggedRole/TamperedRole.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    struct Badge
    {
        QString text;
        QColor color;
        bool outlined = false; // secondary badges are outlined, the status is filled
    };

    explicit StatusBadgeDelegate(QObject *parent = nullptr);

    static QColor statusColor(KeyStatus status);
    static QColor tamperedColor();
    static QVector<Badge> tamperedBadges();
    static QVector<Badge> badges(const QModelIndex &index);
    static QVector<Badge> badgesFor(KeyStatus status, bool expiresSoon, bool gracePeriod,
                                    bool flagged, bool rotationOverdue = false);
    static QStringList badgeTexts(const QModelIndex &index);
    // Shared with the details pane so a badge looks the same everywhere.
    static void paintBadges(QPainter *painter, const QRect &rect, const QVector<Badge> &badges,
                            const QFont &font, const QPalette &palette, bool onSelection = false);
    static QSize badgesSize(const QVector<Badge> &badges, const QFont &font);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Keyward
