#include "KeyTableView.h"

#include "KeyTableModel.h"
#include "StatusBadgeDelegate.h"

#include <QFontDatabase>
#include <QHeaderView>

namespace Keyward {

KeyTableView::KeyTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("keyTable"));
}

void KeyTableView::setKeyModel(QAbstractItemModel *model)
{
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several keys at once for the bulk actions (Ctrl/Shift+click, Shift+arrows, Ctrl+A).
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(true);
    sortByColumn(KeyTableModel::NameColumn, Qt::AscendingOrder);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setContextMenuPolicy(Qt::CustomContextMenu);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(true);
    setItemDelegateForColumn(KeyTableModel::StatusColumn, new StatusBadgeDelegate(this));
    setDefaultColumnWidths();
}

void KeyTableView::setDefaultColumnWidths()
{
    const QFontMetrics metrics = fontMetrics();
    const auto fit = [&](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 24;
    };
    QHeaderView *header = horizontalHeader();
    // Each column fits its typical content, the role and grants summary at least its title (as
    // the column that took what was left, it shrank to a clipped "e and gra" when the others
    // filled the view); the last column takes what is left.
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(60);
    const QString roleTitle =
        model()->headerData(KeyTableModel::RoleColumn, Qt::Horizontal).toString();
    header->resizeSection(KeyTableModel::RoleColumn,
                          header->fontMetrics().horizontalAdvance(roleTitle) + 48); // + sort arrow
    header->resizeSection(KeyTableModel::NameColumn,
                          fit(QStringLiteral("Old partner integration")));
    header->resizeSection(KeyTableModel::KeyColumn,
                          QFontMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont))
                                  .horizontalAdvance(QStringLiteral("kw_live_3Zq…Cd"))
                              + 24);
    header->resizeSection(KeyTableModel::EnvironmentColumn, fit(tr("Development")));
    // Room for the status and its widest second badge ("Expires soon" or "Rotation overdue").
    const auto statusWidth = [this](bool expiresSoon, bool rotationOverdue) {
        return StatusBadgeDelegate::badgesSize(
                   StatusBadgeDelegate::badgesFor(KeyStatus::Active, expiresSoon, false, false,
                                                  rotationOverdue),
                   font())
            .width();
    };
    header->resizeSection(KeyTableModel::StatusColumn,
                          qMax(statusWidth(true, false), statusWidth(false, true)) + 8);
    header->resizeSection(KeyTableModel::RateLimitColumn, fit(tr("1,000 per minute")));
    header->resizeSection(KeyTableModel::ExpiresColumn, fit(tr("in 12 months")));
    header->resizeSection(KeyTableModel::LastUsedColumn, fit(tr("59 minutes ago")));
    header->resizeSection(KeyTableModel::CreatedByColumn, fit(tr("Created by")) + 8);
}

} // namespace Keyward
