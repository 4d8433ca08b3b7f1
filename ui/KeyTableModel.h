#pragma once

#include "core/ApiKey.h"
#include "core/GrantCatalogue.h"
#include "store/KeyStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

#include <limits>

#include <optional>

namespace Keyward {

class Clock;

// The keys of a vault as table rows. Display text is formatted for people; SortRole carries
// raw values so times sort as times and "Never" sorts after every date.
class KeyTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KeyColumn,
        EnvironmentColumn,
        RoleColumn,
        StatusColumn,
        RateLimitColumn,
        ExpiresColumn,
        LastUsedColumn,
        CreatedByColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        SortRole = Qt::UserRole + 1,
        KeyIdRole,
        StatusRole, // int(KeyStatus)
        ExpiresSoonRole, // bool
        FlaggedRole, // bool
        GracePeriodRole, // bool: an old secret is still valid
        TamperedRole, // QString: why its signature does not hold; empty: not tampered
        RotationOverdueRole, // bool: its secret is older than the rotation policy allows
    };

    // The sort value of "Never": after every real time.
    static constexpr qint64 kNeverSortValue = std::numeric_limits<qint64>::max();

    explicit KeyTableModel(const Clock &clock, QObject *parent = nullptr);

    // Updates rows in place (keeps selection and scrolling), removes vanished keys, appends new.
    void setKeys(const QVector<ApiKey> &keys, const GrantCatalogue &catalogue);
    void clear();
    // The keys found tampered (TamperedKeysCheck): id -> what is wrong, translated. Replaces
    // the previous set; kept across setKeys() until the next check answers.
    void setTampered(const QHash<qint64, QString> &tampered);
    QString tamperedProblem(qint64 id) const { return m_tampered.value(id); }
    bool hasTampered() const { return !m_tampered.isEmpty(); }
    // The vault's rotation policy (nullopt: none), for the "Rotation overdue" badge.
    void setMaxSecretAge(std::optional<qint64> maxSecretAgeMs);
    std::optional<qint64> maxSecretAge() const { return m_maxSecretAgeMs; }
    // Every key as last set (the hygiene report reads them instead of the store again).
    const QVector<ApiKey> &keys() const { return m_keys; }
    // Relative times and statuses change with the clock alone: dataChanged() over the columns
    // from StatusColumn to LastUsedColumn, every row.
    void refreshTimes();
    // Usage recorded since the last look (KeyStore::usageSince): updates last use, refusals and
    // usage counts of those rows only. Returns the ids of the keys whose row changed.
    // quietColumn (-1: none) is left out of dataChanged(): the column a proxy sorts by, whose
    // rows must not jump under the admin's pointer (and re-sort 100,000 rows) whenever a
    // service uses a key; the view repaints it instead.
    QVector<qint64> applyUsage(const QVector<KeyUsageUpdate> &updates, int quietColumn = -1);

    const ApiKey *keyAt(int row) const;
    std::optional<ApiKey> keyById(qint64 id) const;
    int rowForId(qint64 id) const;
    KeyStatus statusAt(int row) const;
    const Clock &clock() const { return m_clock; }
    const GrantCatalogue &catalogue() const { return m_catalogue; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const ApiKey &key, int column) const;
    QVariant toolTipData(const ApiKey &key, int column) const;
    QVariant sortData(const ApiKey &key, int column) const;

    const Clock &m_clock;
    GrantCatalogue m_catalogue;
    QVector<ApiKey> m_keys;
    QHash<qint64, QString> m_tampered;
    std::optional<qint64> m_maxSecretAgeMs;
};

} // namespace Keyward
