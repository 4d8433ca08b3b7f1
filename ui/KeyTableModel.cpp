#include "KeyTableModel.h"

#include "Formatting.h"
#include "LastUseText.h"
#include "StatusBadgeDelegate.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"
#include "core/HygieneReport.h"
#include "core/KeyStatus.h"

#include <QFontDatabase>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace Keyward {

namespace {

qint64 timeOrNever(const std::optional<qint64> &atMs)
{
    return atMs ? *atMs : KeyTableModel::kNeverSortValue;
}

// Requests per hour, so "100 per minute" sorts above "1,000 per hour"; unlimited last.
qint64 requestsPerHour(const RateLimit &limit)
{
    if (limit.isUnlimited())
        return KeyTableModel::kNeverSortValue;
    return qint64(limit.count) * kHourMs / qMax<qint64>(1, limit.periodMs());
}

bool inGracePeriod(const ApiKey &key, qint64 nowMs)
{
    for (const KeySecret &secret : key.secrets) {
        if (secret.isInGracePeriodAt(nowMs))
            return true;
    }
    return false;
}

} // namespace

KeyTableModel::KeyTableModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{ }

void KeyTableModel::setKeys(const QVector<ApiKey> &keys, const GrantCatalogue &catalogue)
{
    m_catalogue = catalogue;
    if (m_keys.isEmpty()) {
        // First load (or after a lock): share the caller's vector instead of copying every key
        // row by row, which doubled peak memory for a 100k-key vault.
        beginResetModel();
        m_keys = keys;
        endResetModel();
        return;
    }
    QHash<qint64, int> incoming;
    for (int i = 0; i < keys.size(); ++i)
        incoming.insert(keys.at(i).id, i);

    // Remove vanished rows from the bottom up so earlier row numbers stay valid.
    for (int row = int(m_keys.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_keys.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_keys.removeAt(row);
        endRemoveRows();
    }
    QSet<qint64> present;
    for (int row = 0; row < m_keys.size(); ++row) {
        m_keys[row] = keys.at(incoming.value(m_keys.at(row).id));
        present.insert(m_keys.at(row).id);
    }
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_keys.size()) - 1, ColumnCount - 1));

    QVector<ApiKey> added;
    for (const ApiKey &key : keys) {
        if (!present.contains(key.id))
            added.append(key);
    }
    if (!added.isEmpty()) {
        const int first = int(m_keys.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_keys += added;
        endInsertRows();
    }
}

void KeyTableModel::setTampered(const QHash<qint64, QString> &tampered)
{
    if (tampered == m_tampered)
        return;
    QSet<qint64> changed;
    for (auto it = m_tampered.cbegin(); it != m_tampered.cend(); ++it)
        changed.insert(it.key());
    for (auto it = tampered.cbegin(); it != tampered.cend(); ++it)
        changed.insert(it.key());
    m_tampered = tampered;
    for (int row = 0; row < m_keys.size(); ++row) {
        if (changed.contains(m_keys.at(row).id))
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void KeyTableModel::clear()
{
    m_tampered.clear();
    if (m_keys.isEmpty())
        return;
    beginResetModel();
    m_keys.clear();
    // Secrets' hints and notes are not secret, but a locked vault shows nothing at all.
    m_keys.squeeze();
    endResetModel();
}

void KeyTableModel::refreshTimes()
{
    if (m_keys.isEmpty())
        return;
    // The columns that read the clock (the status roles are the status column's): over every
    // column, a proxy sorted by name made every row's name again, 1,000,000 of them every 30 s.
    static_assert(StatusColumn < ExpiresColumn && ExpiresColumn < LastUsedColumn);
    Q_EMIT dataChanged(index(0, StatusColumn), index(int(m_keys.size()) - 1, LastUsedColumn));
}

const ApiKey *KeyTableModel::keyAt(int row) const
{
    if (row < 0 || row >= m_keys.size())
        return nullptr;
    return &m_keys.at(row);
}

std::optional<ApiKey> KeyTableModel::keyById(qint64 id) const
{
    const int row = rowForId(id);
    if (row < 0)
        return std::nullopt;
    return m_keys.at(row);
}

int KeyTableModel::rowForId(qint64 id) const
{
    // Rows are in id order (the store lists them so, new keys come last with higher ids), so a
    // binary search finds most; keys of concurrent creators may land out of order: scan then.
    const auto byId = [](const ApiKey &key, qint64 wanted) {
        return key.id < wanted;
    };
    const auto it = std::lower_bound(m_keys.cbegin(), m_keys.cend(), id, byId);
    if (it != m_keys.cend() && it->id == id)
        return int(it - m_keys.cbegin());
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).id == id)
            return row;
    }
    return -1;
}

QVector<qint64> KeyTableModel::applyUsage(const QVector<KeyUsageUpdate> &updates, int quietColumn)
{
    QVector<qint64> changed;
    for (const KeyUsageUpdate &update : updates) {
        const int row = rowForId(update.keyId);
        if (row < 0)
            continue; // not loaded yet: the next reload brings it with its usage
        ApiKey &key = m_keys[row];
        bool differs = key.usageCount != update.usageCount;
        key.usageCount = update.usageCount;
        for (const KeySecret &fresh : update.secrets) {
            for (KeySecret &secret : key.secrets) {
                if (secret.id != fresh.id)
                    continue;
                differs = differs || secret.lastUsedAtMs != fresh.lastUsedAtMs
                    || secret.lastUsedSource != fresh.lastUsedSource
                    || secret.lastRefusedAtMs != fresh.lastRefusedAtMs
                    || secret.lastRefusedOutcome != fresh.lastRefusedOutcome;
                secret.lastUsedAtMs = fresh.lastUsedAtMs;
                secret.lastUsedSource = fresh.lastUsedSource;
                secret.lastRefusedAtMs = fresh.lastRefusedAtMs;
                secret.lastRefusedOutcome = fresh.lastRefusedOutcome;
            }
        }
        if (!differs)
            continue;
        changed.append(key.id);
        // Last use, and the status (a usage limit may be spent), but not quietColumn.
        const int first = StatusColumn == quietColumn ? StatusColumn + 1 : StatusColumn;
        const int last = LastUsedColumn == quietColumn ? LastUsedColumn - 1 : LastUsedColumn;
        if (quietColumn > first && quietColumn < last) {
            Q_EMIT dataChanged(index(row, first), index(row, quietColumn - 1));
            Q_EMIT dataChanged(index(row, quietColumn + 1), index(row, last));
        } else {
            Q_EMIT dataChanged(index(row, first), index(row, last));
        }
    }
    return changed;
}

KeyStatus KeyTableModel::statusAt(int row) const
{
    const ApiKey *key = keyAt(row);
    return key ? effectiveStatus(*key, m_clock.nowMs()) : KeyStatus::Inactive;
}

void KeyTableModel::setMaxSecretAge(std::optional<qint64> maxSecretAgeMs)
{
    if (m_maxSecretAgeMs == maxSecretAgeMs)
        return;
    m_maxSecretAgeMs = maxSecretAgeMs;
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn));
}

int KeyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int KeyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiKey &key = m_keys.at(index.row());
    const int column = index.column();
    const qint64 now = m_clock.nowMs();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(key, column);
    case Qt::ToolTipRole:
        return toolTipData(key, column);
    case SortRole:
        return sortData(key, column);
    case KeyIdRole:
        return key.id;
    case StatusRole:
        return int(effectiveStatus(key, now));
    case ExpiresSoonRole:
        return expiresSoon(key, now);
    case FlaggedRole:
        return key.flagged;
    case GracePeriodRole:
        return inGracePeriod(key, now);
    case TamperedRole:
        return m_tampered.value(key.id);
    case RotationOverdueRole:
        return HygieneReport::isRotationOverdue(key, now, m_maxSecretAgeMs);
    case Qt::FontRole:
        if (column == KeyColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return m_tampered.contains(key.id)
                ? StatusBadgeDelegate::tamperedColor()
                : StatusBadgeDelegate::statusColor(effectiveStatus(key, now));
        return {};
    case Qt::AccessibleTextRole:
        if (column == StatusColumn)
            return StatusBadgeDelegate::badgeTexts(index).join(QStringLiteral(", "));
        return displayData(key, column);
    default:
        return {};
    }
}

QVariant KeyTableModel::displayData(const ApiKey &key, int column) const
{
    const qint64 now = m_clock.nowMs();
    switch (column) {
    case NameColumn:
        return key.name;
    case KeyColumn:
        return key.hint();
    case EnvironmentColumn:
        return DisplayNames::environment(key.environment);
    case RoleColumn:
        return tr("%1: %2", "role: grants summary")
            .arg(DisplayNames::role(key.role), Formatting::grantsSummary(key.grants, m_catalogue));
    case StatusColumn:
        if (m_tampered.contains(key.id))
            return tr("Tampered");
        return DisplayNames::status(effectiveStatus(key, now));
    case RateLimitColumn:
        return Formatting::rateLimit(key.rateLimit);
    case ExpiresColumn:
        return Formatting::relativeOrNever(key.expiresAtMs, now);
    case LastUsedColumn:
        return LastUseText::cell(key, now);
    case CreatedByColumn:
        return key.createdByName;
    }
    return {};
}

QVariant KeyTableModel::toolTipData(const ApiKey &key, int column) const
{
    const qint64 now = m_clock.nowMs();
    switch (column) {
    case NameColumn:
        return key.notes.isEmpty() ? key.name : key.name + QLatin1Char('\n') + key.notes;
    case KeyColumn:
        return tr("Only a hint of the key is kept; the key itself cannot be shown again.");
    case EnvironmentColumn:
        return DisplayNames::environment(key.environment);
    case RoleColumn:
        return tr("Role: %1\nGrants:\n%2")
            .arg(DisplayNames::role(key.role), Formatting::grantsList(key.grants, m_catalogue));
    case StatusColumn: {
        if (const auto it = m_tampered.constFind(key.id); it != m_tampered.cend())
            return tr("Tampered: %1.\nThis key was changed outside Keyward, by someone with "
                      "access to the vault file. Verifiers answer it as not found. Revoke or "
                      "delete it.")
                .arg(*it);
        QStringList lines {DisplayNames::status(effectiveStatus(key, now))};
        if (expiresSoon(key, now))
            lines.append(tr("Expires %1.").arg(Formatting::relativeTime(*key.expiresAtMs, now)));
        if (key.flagged)
            lines.append(tr("Deactivated because its creator was demoted or removed."));
        if (HygieneReport::isRotationOverdue(key, now, m_maxSecretAgeMs))
            lines.append(tr("Its secret is older than the vault's rotation policy allows (%n "
                            "day(s)): regenerate it.",
                            nullptr, int(*m_maxSecretAgeMs / kDayMs)));
        for (const KeySecret &secret : key.secrets) {
            if (secret.isInGracePeriodAt(now))
                lines.append(tr("The previous secret %1 still works until %2.")
                                 .arg(secret.hint, Formatting::absoluteTime(*secret.retiresAtMs)));
        }
        if (key.revokedAtMs)
            lines.append(tr("Revoked %1.").arg(Formatting::absoluteTime(*key.revokedAtMs)));
        return lines.join(QLatin1Char('\n'));
    }
    case RateLimitColumn:
        return Formatting::rateLimit(key.rateLimit);
    case ExpiresColumn:
        return Formatting::absoluteOrNever(key.expiresAtMs);
    case LastUsedColumn:
        return LastUseText::toolTip(key, now);
    case CreatedByColumn:
        return tr("Created by %1 on %2")
            .arg(key.createdByName, Formatting::absoluteTime(key.createdAtMs));
    }
    return {};
}

QVariant KeyTableModel::sortData(const ApiKey &key, int column) const
{
    switch (column) {
    case NameColumn:
        return key.name.toCaseFolded();
    case KeyColumn:
        return key.hint();
    case EnvironmentColumn:
        return environmentToInt(key.environment);
    case RoleColumn:
        return roleToInt(key.role) * 1000 + int(key.grants.size());
    case StatusColumn: {
        // Needs attention first: active keys expiring soon, then by severity.
        const qint64 now = m_clock.nowMs();
        if (m_tampered.contains(key.id))
            return -1; // before everything: it needs attention most
        const int status = int(effectiveStatus(key, now));
        return status * 2 + (expiresSoon(key, now) ? 0 : 1);
    }
    case RateLimitColumn:
        return requestsPerHour(key.rateLimit);
    case ExpiresColumn:
        return timeOrNever(key.expiresAtMs);
    case LastUsedColumn:
        return timeOrNever(key.lastUsedAtMs());
    case CreatedByColumn:
        return key.createdByName.toCaseFolded();
    }
    return {};
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case KeyColumn:
            return tr("Key");
        case EnvironmentColumn:
            return tr("Environment");
        case RoleColumn:
            return tr("Role and grants");
        case StatusColumn:
            return tr("Status");
        case RateLimitColumn:
            return tr("Rate limit");
        case ExpiresColumn:
            return tr("Expires");
        case LastUsedColumn:
            return tr("Last used");
        case CreatedByColumn:
            return tr("Created by");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace Keyward
