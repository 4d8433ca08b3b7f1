// KeyTableModel and KeyFilterProxyModel over a real vault: display, tooltip and sort roles,
// in-place updates under QAbstractItemModelTester, search and filters.
#include "UiTestSupport.h"

#include "core/DisplayNames.h"
#include "ui/Formatting.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "ui/NameSortKeys.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

#include <algorithm>

using namespace Keyward;
using namespace Keyward::UiTest;

namespace {

int rowOf(const KeyTableModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.keyAt(row)->name == name)
            return row;
    }
    return -1;
}

QStringList proxyNames(const KeyFilterProxyModel &proxy)
{
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names.append(proxy.index(row, KeyTableModel::NameColumn).data().toString());
    return names;
}

} // namespace

class TestModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void columnsAndHeaders();
    void displayAndToolTips();
    void statusRoles();
    void sortRoleKeepsRawValues();
    void proxySortsTimesAsTimesWithNeverLast_data();
    void proxySortsTimesAsTimesWithNeverLast();
    void proxySortsNeverExpiringAsFarthestFuture();
    void proxySortsNamesNaturally();
    void proxyKeepsNamesSortedThroughChanges();
    void nameSortKeysFollowTheModel();
    void updatesInPlaceUnderTester();
    void clearEmptiesTheModel();
    void timeRefreshChangesOnlyTheTimes();
    void revokedHiddenByDefault();
    void searchMatchesNameHintNotesCustomer_data();
    void searchMatchesNameHintNotesCustomer();
    void pastedTokenFindsItsKey();
    void environmentAndStatusFilters_data();
    void environmentAndStatusFilters();

private:
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<KeyTableModel> m_model;
    std::unique_ptr<KeyFilterProxyModel> m_proxy;
    QString m_mobileToken;
};

void TestModel::initTestCase()
{
    m_vault = std::make_unique<Vault>();
    QVERIFY(m_vault->isValid());
    m_vault->seedVariedKeys();
    // A key whose token this test keeps, for the "paste a whole key" search.
    NewKeyRequest request;
    request.name = QStringLiteral("Token lookup");
    request.environment = Environment::Development;
    request.role = Role::Viewer;
    request.grants = {QStringLiteral("licenses:read")};
    auto issued = m_vault->store().createKey(request);
    QVERIFY(issued);
    m_mobileToken = issued->token.toQString();

    m_model = std::make_unique<KeyTableModel>(m_vault->clock());
    auto keys = m_vault->store().listKeys(true);
    QVERIFY(keys);
    QCOMPARE(keys->size(), 9);
    m_model->setKeys(*keys, m_vault->store().grantCatalogue());
    m_proxy = std::make_unique<KeyFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
}

void TestModel::columnsAndHeaders()
{
    QCOMPARE(m_model->columnCount(), int(KeyTableModel::ColumnCount));
    QCOMPARE(m_model->rowCount(), 9);
    QCOMPARE(m_model->headerData(KeyTableModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Name"));
    QCOMPARE(m_model->headerData(KeyTableModel::RoleColumn, Qt::Horizontal).toString(),
             QStringLiteral("Role and grants"));
    QCOMPARE(m_model->headerData(KeyTableModel::LastUsedColumn, Qt::Horizontal).toString(),
             QStringLiteral("Last used"));
    // Out of range and child indexes have no data.
    QVERIFY(!m_model->index(99, 0).isValid());
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0);
}

void TestModel::displayAndToolTips()
{
    const int billing = rowOf(*m_model, QStringLiteral("Billing webhook"));
    QVERIFY(billing >= 0);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    QVERIFY(
        cell(billing, KeyTableModel::KeyColumn).toString().startsWith(QStringLiteral("kw_live_")));
    QVERIFY(cell(billing, KeyTableModel::KeyColumn).toString().contains(QChar(0x2026)));
    QVERIFY(cell(billing, KeyTableModel::KeyColumn, Qt::FontRole).value<QFont>().fixedPitch()
            || !cell(billing, KeyTableModel::KeyColumn, Qt::FontRole).isNull());
    QCOMPARE(cell(billing, KeyTableModel::EnvironmentColumn).toString(),
             QStringLiteral("Production"));
    QCOMPARE(cell(billing, KeyTableModel::RoleColumn).toString(),
             QStringLiteral("Developer: Billing Read, Customer Read"));
    const QString grantsTip = cell(billing, KeyTableModel::RoleColumn, Qt::ToolTipRole).toString();
    QVERIFY2(grantsTip.contains(QStringLiteral("billing:read"))
                 && grantsTip.contains(QStringLiteral("customers:read")),
             qPrintable(grantsTip));
    QCOMPARE(cell(billing, KeyTableModel::RateLimitColumn).toString(),
             QStringLiteral("100 per minute"));
    // Plural endings come from the English translation once it exists: compare the stem.
    QVERIFY(cell(billing, KeyTableModel::ExpiresColumn)
                .toString()
                .startsWith(QStringLiteral("in 3 month")));
    const ApiKey *key = m_model->keyAt(billing);
    QCOMPARE(cell(billing, KeyTableModel::ExpiresColumn, Qt::ToolTipRole).toString(),
             Formatting::absoluteTime(*key->expiresAtMs));
    QVERIFY(cell(billing, KeyTableModel::LastUsedColumn)
                .toString()
                .startsWith(QStringLiteral("2 hour")));
    QVERIFY(cell(billing, KeyTableModel::LastUsedColumn, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("10.0.4.12")));
    QCOMPARE(cell(billing, KeyTableModel::CreatedByColumn).toString(), QStringLiteral("alice"));

    const int analytics = rowOf(*m_model, QStringLiteral("Analytics export"));
    QCOMPARE(cell(analytics, KeyTableModel::LastUsedColumn).toString(), QStringLiteral("Never"));
    QCOMPARE(cell(analytics, KeyTableModel::RoleColumn).toString(),
             QStringLiteral("Developer: Billing Read, Customer Read +2 more"));
    const int ci = rowOf(*m_model, QStringLiteral("CI deploy"));
    QCOMPARE(cell(ci, KeyTableModel::ExpiresColumn).toString(), QStringLiteral("Never"));
    QCOMPARE(cell(ci, KeyTableModel::ExpiresColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("Never"));
    // Names are data: markup is shown as typed, not interpreted (the view uses plain text).
    QCOMPARE(m_model->index(99, 0).data(), QVariant());
}

void TestModel::statusRoles()
{
    struct Expect
    {
        const char *name;
        KeyStatus status;
        bool soon;
        bool grace;
        bool flagged;
    };
    const QList<Expect> expectations {
        {"Billing webhook", KeyStatus::Active, false, false, false},
        {"CI deploy", KeyStatus::Active, false, true, false},
        {"Mobile app (iOS)", KeyStatus::Active, true, false, false},
        {"Legacy importer", KeyStatus::Expired, false, false, false},
        {"Support dashboard", KeyStatus::Inactive, false, false, false},
        {"Old partner integration", KeyStatus::Revoked, false, false, false},
        {"Telemetry collector", KeyStatus::Inactive, false, false, true},
    };
    for (const Expect &e : expectations) {
        const int row = rowOf(*m_model, QString::fromUtf8(e.name));
        QVERIFY2(row >= 0, e.name);
        const QModelIndex status = m_model->index(row, KeyTableModel::StatusColumn);
        QCOMPARE(static_cast<KeyStatus>(status.data(KeyTableModel::StatusRole).toInt()), e.status);
        QCOMPARE(status.data(KeyTableModel::ExpiresSoonRole).toBool(), e.soon);
        QCOMPARE(status.data(KeyTableModel::GracePeriodRole).toBool(), e.grace);
        QCOMPARE(status.data(KeyTableModel::FlaggedRole).toBool(), e.flagged);
        QCOMPARE(status.data().toString(), DisplayNames::status(e.status));
        QVERIFY(status.data(Qt::DecorationRole).canConvert<QColor>());
    }
    const int flagged = rowOf(*m_model, QStringLiteral("Telemetry collector"));
    QVERIFY(m_model->index(flagged, KeyTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("demoted")));
    const int ci = rowOf(*m_model, QStringLiteral("CI deploy"));
    QVERIFY(m_model->index(ci, KeyTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("still works until")));
}

void TestModel::sortRoleKeepsRawValues()
{
    const int billing = rowOf(*m_model, QStringLiteral("Billing webhook"));
    const int ci = rowOf(*m_model, QStringLiteral("CI deploy"));
    const ApiKey *key = m_model->keyAt(billing);
    QCOMPARE(m_model->index(billing, KeyTableModel::ExpiresColumn)
                 .data(KeyTableModel::SortRole)
                 .toLongLong(),
             *key->expiresAtMs);
    QCOMPARE(
        m_model->index(ci, KeyTableModel::ExpiresColumn).data(KeyTableModel::SortRole).toLongLong(),
        KeyTableModel::kNeverSortValue);
    QCOMPARE(m_model->index(billing, KeyTableModel::LastUsedColumn)
                 .data(KeyTableModel::SortRole)
                 .toLongLong(),
             *key->lastUsedAtMs());
    // 100/min is more than 1000/hour.
    const int mobile = rowOf(*m_model, QStringLiteral("Mobile app (iOS)"));
    QVERIFY(m_model->index(billing, KeyTableModel::RateLimitColumn)
                .data(KeyTableModel::SortRole)
                .toLongLong()
            > m_model->index(mobile, KeyTableModel::RateLimitColumn)
                  .data(KeyTableModel::SortRole)
                  .toLongLong());
}

void TestModel::proxySortsTimesAsTimesWithNeverLast_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expectedHead");
    QTest::addColumn<QStringList>("expectedTail");
    // Text order would put "in 3 days" after "in 30 days" and "2 hours ago" before "25 days ago".
    const QStringList neverUsed {
        QStringLiteral("Analytics export"), QStringLiteral("Support dashboard"),
        QStringLiteral("Telemetry collector"), QStringLiteral("Token lookup")};
    QTest::newRow("last used descending")
        << int(KeyTableModel::LastUsedColumn) << int(Qt::DescendingOrder)
        << QStringList {QStringLiteral("CI deploy"), QStringLiteral("Billing webhook"),
                        QStringLiteral("Mobile app (iOS)"), QStringLiteral("Legacy importer")}
        << neverUsed;
    QTest::newRow("last used ascending")
        << int(KeyTableModel::LastUsedColumn) << int(Qt::AscendingOrder)
        << QStringList {QStringLiteral("Legacy importer"), QStringLiteral("Mobile app (iOS)"),
                        QStringLiteral("Billing webhook"), QStringLiteral("CI deploy")}
        << neverUsed;
}

void TestModel::proxySortsTimesAsTimesWithNeverLast()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, expectedHead);
    QFETCH(QStringList, expectedTail);
    m_proxy->setShowRevoked(false);
    m_proxy->sort(column, static_cast<Qt::SortOrder>(order));
    const QStringList names = proxyNames(*m_proxy);
    QCOMPARE(names.mid(0, expectedHead.size()), expectedHead);
    // Every "Never" row sits at the end, in either direction.
    QStringList tail = names.mid(names.size() - expectedTail.size());
    tail.sort();
    QCOMPARE(tail, expectedTail);
    for (int row = 0; row + 1 < m_proxy->rowCount(); ++row) {
        const qint64 here = m_proxy->index(row, column).data(KeyTableModel::SortRole).toLongLong();
        const qint64 next =
            m_proxy->index(row + 1, column).data(KeyTableModel::SortRole).toLongLong();
        if (next == KeyTableModel::kNeverSortValue)
            continue;
        QVERIFY2(here != KeyTableModel::kNeverSortValue, "a Never row sorted before a time");
        QVERIFY(order == Qt::AscendingOrder ? here <= next : here >= next);
    }
}

// "Never expires" is the farthest future: last when the soonest expiry comes first, first when
// the latest comes first (not last in both directions).
void TestModel::proxySortsNeverExpiringAsFarthestFuture()
{
    const QStringList neverExpire {QStringLiteral("CI deploy"), QStringLiteral("Token lookup")};
    m_proxy->setShowRevoked(false);
    m_proxy->sort(KeyTableModel::ExpiresColumn, Qt::AscendingOrder);
    QStringList names = proxyNames(*m_proxy);
    QCOMPARE(names.mid(0, 3),
             QStringList({QStringLiteral("Legacy importer"), QStringLiteral("Mobile app (iOS)"),
                          QStringLiteral("Telemetry collector")}));
    QStringList tail = names.mid(names.size() - 2);
    tail.sort();
    QCOMPARE(tail, neverExpire);

    m_proxy->sort(KeyTableModel::ExpiresColumn, Qt::DescendingOrder);
    names = proxyNames(*m_proxy);
    QStringList head = names.mid(0, 2);
    head.sort();
    QCOMPARE(head, neverExpire);
    QCOMPARE(names.mid(2, 2),
             QStringList({QStringLiteral("Analytics export"), QStringLiteral("Billing webhook")}));
    for (int row = 0; row + 1 < m_proxy->rowCount(); ++row)
        QVERIFY(m_proxy->index(row, KeyTableModel::ExpiresColumn)
                    .data(KeyTableModel::SortRole)
                    .toLongLong()
                >= m_proxy->index(row + 1, KeyTableModel::ExpiresColumn)
                       .data(KeyTableModel::SortRole)
                       .toLongLong());
}

void TestModel::proxySortsNamesNaturally()
{
    Vault vault;
    QVERIFY(vault.isValid());
    for (const char *name : {"Integration 1002", "integration 10004", "Integration 1",
                             "Integration 20", "Integration 3"})
        vault.createKey(QString::fromLatin1(name));
    KeyTableModel model(vault.clock());
    model.setKeys(*vault.store().listKeys(), vault.store().grantCatalogue());
    KeyFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList natural {QStringLiteral("Integration 1"), QStringLiteral("Integration 3"),
                               QStringLiteral("Integration 20"), QStringLiteral("Integration 1002"),
                               QStringLiteral("integration 10004")};
    proxy.sort(KeyTableModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(proxyNames(proxy), natural);
    proxy.sort(KeyTableModel::NameColumn, Qt::DescendingOrder);
    QStringList reversed = natural;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(proxyNames(proxy), reversed);
}

// Names sort by collation keys made once per row (NameSortKeys): renames, new and deleted keys
// and a reload must each leave the order right, sorted by name and as the tie of another column.
void TestModel::proxyKeepsNamesSortedThroughChanges()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey delta = vault.createKey(QStringLiteral("delta 10"));
    const ApiKey bravo = vault.createKey(QStringLiteral("Bravo"));
    vault.createKey(QStringLiteral("delta 9"));
    KeyTableModel model(vault.clock());
    const auto reload = [&] {
        model.setKeys(*vault.store().listKeys(), vault.store().grantCatalogue());
    };
    reload();
    KeyFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(KeyTableModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(proxyNames(proxy),
             (QStringList {QStringLiteral("Bravo"), QStringLiteral("delta 9"),
                           QStringLiteral("delta 10")}));

    // A rename (dataChanged of its row), a new key (rowsInserted), a deleted one (rowsRemoved).
    KeyEdit edit {QStringLiteral("alpha"), QString(), delta.rateLimit, delta.expiresAtMs};
    QVERIFY(vault.store().editKey(delta.id, delta.version, edit));
    vault.createKey(QStringLiteral("Charlie"));
    reload();
    QCOMPARE(proxyNames(proxy),
             (QStringList {QStringLiteral("alpha"), QStringLiteral("Bravo"),
                           QStringLiteral("Charlie"), QStringLiteral("delta 9")}));
    QVERIFY(vault.store().deleteKey(bravo.id, bravo.version));
    vault.createKey(QStringLiteral("delta 100"));
    reload();
    QCOMPARE(proxyNames(proxy),
             (QStringList {QStringLiteral("alpha"), QStringLiteral("Charlie"),
                           QStringLiteral("delta 9"), QStringLiteral("delta 100")}));

    // Sorted by environment (all the same here), the names break the tie.
    proxy.sort(KeyTableModel::EnvironmentColumn, Qt::AscendingOrder);
    QCOMPARE(proxyNames(proxy),
             (QStringList {QStringLiteral("alpha"), QStringLiteral("Charlie"),
                           QStringLiteral("delta 9"), QStringLiteral("delta 100")}));

    // Another set of keys altogether (a reset).
    model.clear();
    vault.createKey(QStringLiteral("echo"));
    reload();
    proxy.sort(KeyTableModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(proxyNames(proxy),
             (QStringList {QStringLiteral("echo"), QStringLiteral("delta 100"),
                           QStringLiteral("delta 9"), QStringLiteral("Charlie"),
                           QStringLiteral("alpha")}));
}

// NameSortKeys on its own, over a plain model whose changes come one signal at a time.
void TestModel::nameSortKeysFollowTheModel()
{
    QCollator collator(QLocale(QLocale::English, QLocale::UnitedStates));
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    QStandardItemModel model;
    for (const char *name : {"b", "A 10", "a 9"})
        model.appendRow(new QStandardItem(QString::fromLatin1(name)));
    NameSortKeys keys(collator, 0);
    keys.follow(&model);
    QVERIFY(keys.compare(2, 1) < 0); // "a 9" < "A 10": numeric, case ignored
    QVERIFY(keys.compare(0, 1) > 0);
    QCOMPARE(keys.compare(1, 1), 0);

    model.removeRow(0); // "A 10", "a 9"
    QVERIFY(keys.compare(0, 1) > 0);
    model.insertRow(0, new QStandardItem(QStringLiteral("c"))); // "c", "A 10", "a 9"
    QVERIFY(keys.compare(0, 1) > 0);
    QVERIFY(keys.compare(2, 1) < 0);
    model.item(2)->setText(QStringLiteral("d")); // "c", "A 10", "d"
    QVERIFY(keys.compare(2, 0) > 0);
    QVERIFY(keys.compare(1, 2) < 0);
    QCOMPARE(keys.compare(0, 7), 0); // a row the model does not have
    model.clear();
    QCOMPARE(keys.compare(0, 1), 0);
}

void TestModel::updatesInPlaceUnderTester()
{
    Vault vault;
    QVERIFY(vault.isValid());
    KeyTableModel model(vault.clock());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    KeyFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);

    const ApiKey a = vault.createKey(QStringLiteral("A"));
    const ApiKey b = vault.createKey(QStringLiteral("B"));
    model.setKeys(*vault.store().listKeys(), vault.store().grantCatalogue());
    QCOMPARE(model.rowCount(), 2);

    // A rename arrives as dataChanged on the same row, not a reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    KeyEdit edit {QStringLiteral("A renamed"), QString(), a.rateLimit, a.expiresAtMs};
    QVERIFY(vault.store().editKey(a.id, a.version, edit));
    QVERIFY(vault.store().deleteKey(b.id, b.version));
    vault.createKey(QStringLiteral("C"));
    model.setKeys(*vault.store().listKeys(), vault.store().grantCatalogue());
    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowForId(a.id), 0);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("A renamed"));
    QCOMPARE(model.rowForId(b.id), -1);
    QVERIFY(!model.keyById(b.id));
    QCOMPARE(model.keyById(a.id)->name, QStringLiteral("A renamed"));

    model.refreshTimes();
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
}

// The 30 s refresh: statuses and relative times move with the clock, through a filtering proxy
// too, and only the columns that read the clock are announced (over every column, a proxy
// sorted by name made every row's name again).
void TestModel::timeRefreshChangesOnlyTheTimes()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey soon = vault.createKey(QStringLiteral("Soon"), Environment::Production,
                                        Role::Developer, {}, kHourMs);
    vault.createKey(QStringLiteral("Later"));
    KeyTableModel model(vault.clock());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKeys(*vault.store().listKeys(), vault.store().grantCatalogue());
    KeyFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(KeyTableModel::NameColumn);
    proxy.setStatusFilter(KeyFilterProxyModel::StatusFilter::Expired);
    QCOMPARE(proxy.rowCount(), 0);
    const int row = model.rowForId(soon.id);
    const QString before = model.index(row, KeyTableModel::StatusColumn).data().toString();
    const QString expiresBefore = model.index(row, KeyTableModel::ExpiresColumn).data().toString();

    vault.clock().advanceMs(2 * kHourMs);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshTimes();
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).toModelIndex();
    const QModelIndex bottomRight = changed.at(0).at(1).toModelIndex();
    QCOMPARE(topLeft, model.index(0, KeyTableModel::StatusColumn));
    QCOMPARE(bottomRight, model.index(model.rowCount() - 1, KeyTableModel::LastUsedColumn));
    const QString after = model.index(row, KeyTableModel::StatusColumn).data().toString();
    QVERIFY2(after != before, qPrintable(after));
    QCOMPARE(after, DisplayNames::status(KeyStatus::Expired));
    QVERIFY(model.index(row, KeyTableModel::ExpiresColumn).data().toString() != expiresBefore);
    QCOMPARE(proxyNames(proxy), QStringList {QStringLiteral("Soon")});
}

void TestModel::clearEmptiesTheModel()
{
    KeyTableModel model(m_vault->clock());
    model.setKeys(*m_vault->store().listKeys(), m_vault->store().grantCatalogue());
    QVERIFY(model.rowCount() > 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.keyAt(0), nullptr);
}

void TestModel::revokedHiddenByDefault()
{
    KeyFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    QVERIFY(!proxy.showRevoked());
    QVERIFY(!proxyNames(proxy).contains(QStringLiteral("Old partner integration")));
    QCOMPARE(proxy.rowCount(), m_model->rowCount() - 1);
    proxy.setShowRevoked(true);
    QVERIFY(proxyNames(proxy).contains(QStringLiteral("Old partner integration")));
    proxy.setShowRevoked(false);
    // Asking for revoked keys by status shows them anyway.
    proxy.setStatusFilter(KeyFilterProxyModel::StatusFilter::Revoked);
    QCOMPARE(proxyNames(proxy), QStringList {QStringLiteral("Old partner integration")});
}

void TestModel::searchMatchesNameHintNotesCustomer_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("name, any case")
        << QStringLiteral("ci DEPLOY") << QStringList {QStringLiteral("CI deploy")};
    QTest::newRow("notes") << QStringLiteral("warehouse")
                           << QStringList {QStringLiteral("Analytics export")};
    QTest::newRow("customer") << QStringLiteral("ACME")
                              << QStringList {QStringLiteral("Billing webhook")};
    QTest::newRow("surrounding spaces")
        << QStringLiteral("  legacy  ") << QStringList {QStringLiteral("Legacy importer")};
    QTest::newRow("nothing") << QStringLiteral("no such key") << QStringList {};
    QTest::newRow("markup is text") << QStringLiteral("<b>") << QStringList {};
    QTest::newRow("revoked stays hidden") << QStringLiteral("partner") << QStringList {};
}

void TestModel::searchMatchesNameHintNotesCustomer()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    KeyFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setSearchText(search);
    QStringList names = proxyNames(proxy);
    names.sort();
    QCOMPARE(names, expected);
    QCOMPARE(proxy.isFiltering(), !search.trimmed().isEmpty());
}

void TestModel::pastedTokenFindsItsKey()
{
    KeyFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    // Hints match by their visible start too.
    const int billing = rowOf(*m_model, QStringLiteral("Billing webhook"));
    const QString hint = m_model->keyAt(billing)->hint();
    proxy.setSearchText(hint.left(11));
    QVERIFY(proxyNames(proxy).contains(QStringLiteral("Billing webhook")));
    // A whole token, pasted with spaces around it, finds exactly its key by hash.
    proxy.setSearchText(QStringLiteral("  ") + m_mobileToken + QStringLiteral("\n"));
    QCOMPARE(proxyNames(proxy), QStringList {QStringLiteral("Token lookup")});
    // A token cut short is just text and matches nothing.
    proxy.setSearchText(m_mobileToken.left(m_mobileToken.size() - 3));
    QCOMPARE(proxy.rowCount(), 0);
}

void TestModel::environmentAndStatusFilters_data()
{
    using F = KeyFilterProxyModel::StatusFilter;
    QTest::addColumn<int>("environment"); // -1: all
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("staging") << environmentToInt(Environment::Staging) << int(F::All)
                             << QStringList {QStringLiteral("Analytics export"),
                                             QStringLiteral("CI deploy")};
    QTest::newRow("expiring soon")
        << -1 << int(F::ExpiringSoon) << QStringList {QStringLiteral("Mobile app (iOS)")};
    QTest::newRow("expired") << -1 << int(F::Expired)
                             << QStringList {QStringLiteral("Legacy importer")};
    QTest::newRow("inactive") << -1 << int(F::Inactive)
                              << QStringList {QStringLiteral("Support dashboard"),
                                              QStringLiteral("Telemetry collector")};
    QTest::newRow("flagged") << -1 << int(F::Flagged)
                             << QStringList {QStringLiteral("Telemetry collector")};
    QTest::newRow("production active")
        << environmentToInt(Environment::Production) << int(F::Active)
        << QStringList {QStringLiteral("Billing webhook"), QStringLiteral("Mobile app (iOS)")};
    QTest::newRow("development expired")
        << environmentToInt(Environment::Development) << int(F::Expired)
        << QStringList {QStringLiteral("Legacy importer")};
    QTest::newRow("staging expired")
        << environmentToInt(Environment::Staging) << int(F::Expired) << QStringList {};
}

void TestModel::environmentAndStatusFilters()
{
    QFETCH(int, environment);
    QFETCH(int, status);
    QFETCH(QStringList, expected);
    KeyFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setEnvironmentFilter(environment < 0 ? std::nullopt : environmentFromInt(environment));
    proxy.setStatusFilter(static_cast<KeyFilterProxyModel::StatusFilter>(status));
    QStringList names = proxyNames(proxy);
    names.sort();
    QCOMPARE(names, expected);
    QVERIFY(proxy.isFiltering());
}

QTEST_MAIN(TestModel)
#include "test_model.moc"
