#include "KeyFilterProxyModel.h"

#include "KeyTableModel.h"
#include "core/Clock.h"
#include "core/KeyStatus.h"
#include "crypto/KeyToken.h"

#include <QLocale>

namespace Keyward {

KeyFilterProxyModel::KeyFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_names(m_collator, KeyTableModel::NameColumn)
{
    setSortRole(KeyTableModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // The "C" locale (LANG unset, as on many servers and CI) collates by code point and ignores
    // numeric mode; names are still read by people, so collate them as English there.
    if (QLocale().language() == QLocale::C)
        m_collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void KeyFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_keys = qobject_cast<KeyTableModel *>(model);
    Q_ASSERT_X(m_keys || !model, "KeyFilterProxyModel", "the source must be a KeyTableModel");
    m_names.follow(model); // before the proxy's own connections: see NameSortKeys
    QSortFilterProxyModel::setSourceModel(model);
}

void KeyFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    const QByteArray utf8 = trimmed.toUtf8();
    const KeyToken::Parsed parsed = KeyToken::parse(utf8.constData(), std::size_t(utf8.size()));
    m_searchTokenHash = parsed.isOk() ? parsed.hash : QByteArray();
    refilter();
}

void KeyFilterProxyModel::setEnvironmentFilter(std::optional<Environment> environment)
{
    if (environment == m_environment)
        return;
    m_environment = environment;
    refilter();
}

void KeyFilterProxyModel::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    refilter();
}

void KeyFilterProxyModel::setShowRevoked(bool show)
{
    if (show == m_showRevoked)
        return;
    m_showRevoked = show;
    refilter();
}

bool KeyFilterProxyModel::isFiltering() const
{
    return !m_search.isEmpty() || m_environment || m_status != StatusFilter::All;
}

void KeyFilterProxyModel::refilter()
{
    // Qt 6.4 has no begin/endFilterChange(); invalidateFilter() re-runs filterAcceptsRow().
    invalidateFilter();
}

bool KeyFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_keys || sourceParent.isValid())
        return false;
    const ApiKey *key = m_keys->keyAt(sourceRow);
    if (!key)
        return false;
    const qint64 now = m_keys->clock().nowMs();
    const KeyStatus status = effectiveStatus(*key, now);
    const bool tampered = !m_keys->tamperedProblem(key->id).isEmpty();

    // Asking for revoked keys by status shows them even with "Show revoked" off.
    if (status == KeyStatus::Revoked && !tampered && !m_showRevoked
        && m_status != StatusFilter::Revoked)
        return false;
    if (m_environment && key->environment != *m_environment)
        return false;
    // A tampered key's status is "Tampered", not the one its row claims.
    const bool byStatus = m_status != StatusFilter::All && m_status != StatusFilter::Flagged
        && m_status != StatusFilter::Tampered;
    if (tampered && byStatus)
        return false;
    switch (m_status) {
    case StatusFilter::All:
        break;
    case StatusFilter::Active:
        if (status != KeyStatus::Active)
            return false;
        break;
    case StatusFilter::ExpiringSoon:
        if (!expiresSoon(*key, now))
            return false;
        break;
    case StatusFilter::Inactive:
        if (status != KeyStatus::Inactive)
            return false;
        break;
    case StatusFilter::Expired:
        if (status != KeyStatus::Expired)
            return false;
        break;
    case StatusFilter::Revoked:
        if (status != KeyStatus::Revoked)
            return false;
        break;
    case StatusFilter::Flagged:
        if (!key->flagged)
            return false;
        break;
    case StatusFilter::Tampered:
        if (!tampered)
            return false;
        break;
    }

    if (m_search.isEmpty())
        return true;
    if (!m_searchTokenHash.isEmpty()) {
        for (const KeySecret &secret : key->secrets) {
            if (secret.hash == m_searchTokenHash)
                return true;
        }
        return false;
    }
    const auto matches = [this](const QString &text) {
        return text.contains(m_search, Qt::CaseInsensitive);
    };
    if (matches(key->name) || matches(key->notes) || matches(key->customer))
        return true;
    for (const KeySecret &secret : key->secrets) {
        if (matches(secret.hint))
            return true;
    }
    return false;
}

bool KeyFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Names (the default sort, and every tie) by their collation keys, made once per row.
    if (left.column() == KeyTableModel::NameColumn) {
        if (const int order = m_names.compare(left.row(), right.row()); order != 0)
            return order < 0;
        return left.data(KeyTableModel::KeyIdRole).toLongLong()
            < right.data(KeyTableModel::KeyIdRole).toLongLong();
    }
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    // An expiry of "Never" is simply the farthest future (its sort value is the largest), so it
    // sorts with the times. "Never used" and "Unlimited" are not a point on the scale: they
    // stay at the bottom whichever way the column is sorted.
    const bool neverLastColumn = left.column() == KeyTableModel::LastUsedColumn
        || left.column() == KeyTableModel::RateLimitColumn;
    if (neverLastColumn) {
        // The view reverses lessThan() for descending order, so answer the reverse here.
        const bool leftNever = l.toLongLong() == KeyTableModel::kNeverSortValue;
        const bool rightNever = r.toLongLong() == KeyTableModel::kNeverSortValue;
        if (leftNever != rightNever) {
            const bool descending = sortOrder() == Qt::DescendingOrder;
            return leftNever ? descending : !descending;
        }
    }
    if (l.userType() == QMetaType::QString && r.userType() == QMetaType::QString) {
        if (const int order = m_collator.compare(l.toString(), r.toString()); order != 0)
            return order < 0;
    } else {
        const QPartialOrdering order = QVariant::compare(l, r);
        if (order == QPartialOrdering::Less || order == QPartialOrdering::Greater)
            return order == QPartialOrdering::Less;
    }
    // Stable, predictable ties: by name, then by id.
    if (const int order = m_names.compare(left.row(), right.row()); order != 0)
        return order < 0;
    return left.data(KeyTableModel::KeyIdRole).toLongLong()
        < right.data(KeyTableModel::KeyIdRole).toLongLong();
}

} // namespace Keyward
