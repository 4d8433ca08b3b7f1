#include "ApiKeysPage.h"

#include "KeyDetailsPane.h"
#include "KeyFilterBar.h"
#include "KeyFilterProxyModel.h"
#include "KeyStatePages.h"
#include "KeyTableModel.h"
#include "KeyTableView.h"
#include "Settings.h"
#include "TamperedKeysCheck.h"
#include "store/KeyStore.h"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Keyward {

namespace {

const QString kHeaderState = QStringLiteral("keys/header");
const QString kSplitterState = QStringLiteral("keys/splitter");
const QString kDetailsPaneShown = QStringLiteral("keys/detailsPane");
constexpr int kHistoryLimit = 50;

} // namespace

ApiKeysPage::ApiKeysPage(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new KeyTableModel(clock, this))
    , m_proxy(new KeyFilterProxyModel(this))
{
    setObjectName(QStringLiteral("apiKeysPage"));
    m_proxy->setSourceModel(m_model);
    m_tamperCheck = new TamperedKeysCheck(this);
    connect(m_tamperCheck, &TamperedKeysCheck::finished, this,
            [this](const QHash<qint64, QString> &tampered) {
                if (!m_store)
                    return;
                const qint64 shown = m_details->keyId();
                const QString before = m_model->tamperedProblem(shown);
                m_model->setTampered(tampered);
                if (shown != 0 && m_model->tamperedProblem(shown) != before)
                    updateDetails();
                Q_EMIT tamperedKeysChanged();
            });

    m_table = new KeyTableView(this);
    // Before the view gets the model, so these run before its own handlers: the view may move
    // the selection to a neighbour of a row about to go, and the keys selected before must be
    // known by then.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &ApiKeysPage::onRowsAboutToMove);
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &ApiKeysPage::onRowsAboutToMove);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this,
            &ApiKeysPage::onRowsAboutToMove);
    m_table->setKeyModel(m_proxy);

    m_tablePage = m_table;
    m_emptyPage = new EmptyKeysPage(this);
    m_noMatchPage = new NoMatchingKeysPage(this);
    connect(m_noMatchPage, &NoMatchingKeysPage::clearFiltersRequested, this,
            [this] { m_filterBar->clearFilters(); });
    m_stateStack = new QStackedWidget(this);
    m_stateStack->setObjectName(QStringLiteral("keyStateStack"));
    m_stateStack->addWidget(m_tablePage);
    m_stateStack->addWidget(m_emptyPage);
    m_stateStack->addWidget(m_noMatchPage);

    m_details = new KeyDetailsPane(clock, this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("keySplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_stateStack);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({380, 420});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_filterBar = new KeyFilterBar(m_proxy, this);
    connect(m_filterBar, &KeyFilterBar::searchLeft, this,
            [this] { m_table->setFocus(Qt::ShortcutFocusReason); });
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);
    buildViewActions();

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_rowsMoving)
            return; // settled (and announced) once the rows have moved
        updateDetails();
        Q_EMIT selectionChanged();
    });
    connect(m_table, &QTableView::activated, this, [this] { Q_EMIT keyActivated(); });
    connect(m_table, &QTableView::customContextMenuRequested, this, &ApiKeysPage::showContextMenu);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ApiKeysPage::onRowsMoved);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ApiKeysPage::onRowsMoved);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ApiKeysPage::onRowsMoved);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        updateStatePage();
        updateCount();
    });
    updateStatePage();
    updateCount();
}

void ApiKeysPage::buildViewActions()
{
    m_showRevokedAction = new QAction(tr("Show Re&voked Keys"), this);
    m_showRevokedAction->setObjectName(QStringLiteral("actionShowRevoked"));
    m_showRevokedAction->setCheckable(true);
    QCheckBox *showRevoked = m_filterBar->showRevokedBox();
    m_showRevokedAction->setStatusTip(showRevoked->toolTip());
    // Setting the same value again emits nothing, so the two cannot ping-pong.
    connect(m_showRevokedAction, &QAction::toggled, showRevoked, &QCheckBox::setChecked);
    connect(showRevoked, &QCheckBox::toggled, m_showRevokedAction, &QAction::setChecked);

    m_detailsPaneAction = new QAction(tr("Show &Details Pane"), this);
    m_detailsPaneAction->setObjectName(QStringLiteral("actionShowDetailsPane"));
    m_detailsPaneAction->setCheckable(true);
    m_detailsPaneAction->setChecked(true);
    m_detailsPaneAction->setStatusTip(tr("Show the selected key's secrets, usage and history"));
    connect(m_detailsPaneAction, &QAction::toggled, this, &ApiKeysPage::updateStatePage);
}

void ApiKeysPage::focusSearch()
{
    QLineEdit *search = m_filterBar->searchEdit();
    search->setFocus(Qt::ShortcutFocusReason);
    search->selectAll();
}

QLineEdit *ApiKeysPage::searchEdit() const
{
    return m_filterBar->searchEdit();
}

void ApiKeysPage::setGenerateAction(QAction *action)
{
    m_emptyPage->setGenerateAction(action);
}

void ApiKeysPage::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions = actions;
}

void ApiKeysPage::setStore(KeyStore *store, UsageSource *usage)
{
    m_store = store;
    m_tamperCheck->cancel();
    m_model->setTampered({});
    // The details pane reads the selected key's usage and last use from the same store.
    m_details->setStore(store, usage);
    if (!store) {
        m_model->clear();
        m_details->clear();
    }
    updateStatePage();
}

Result<void> ApiKeysPage::reload()
{
    if (!m_store) {
        m_model->clear();
        m_details->clear();
        return {};
    }
    // Before the keys: usage recorded while they are read is then still news afterwards.
    if (auto counter = m_store->usageCounter())
        m_usageSeen = *counter;
    auto keys = m_store->listKeys(true);
    if (!keys) {
        Q_EMIT errorOccurred(keys.errorMessage());
        return keys.error();
    }
    const QVector<qint64> before = selectedIds();
    // The "Rotation overdue" badge; a policy that cannot be read only loses the badge.
    if (auto policy = m_store->rotationPolicy())
        m_model->setMaxSecretAge(policy->maxSecretAgeMs());
    m_details->setMaxSecretAge(m_model->maxSecretAge());
    m_model->setKeys(*keys, m_store->grantCatalogue());
    // The rows just read may have been written around Keyward: check their signatures on a
    // worker thread, against the root the store accepted at open (not one found in the file).
    if (const std::optional<SignedVaultFile> signedFile = m_store->signedVaultFile())
        m_tamperCheck->start(signedFile->path, signedFile->rootKey);
    settleSelection(before);
    updateStatePage();
    updateCount();
    updateDetails();
    Q_EMIT reloaded();
    Q_EMIT selectionChanged();
    return {};
}

Result<void> ApiKeysPage::refreshUsage()
{
    if (!m_store)
        return {};
    auto updates = m_store->usageSince(m_usageSeen);
    if (!updates) {
        Q_EMIT errorOccurred(updates.errorMessage());
        return updates.error();
    }
    m_usageSeen = updates->counter;
    if (updates->keys.isEmpty())
        return {};
    // Usage moves no row: sorted by Last used, the rows keep their places until the next sort
    // or reload (a row jumping away just before a click on Revoke would be worse than an order
    // a few seconds old), and the view repaints the new values where they are.
    const int sortColumn = m_proxy->sortColumn();
    const QVector<qint64> changed = m_model->applyUsage(updates->keys, sortColumn);
    if (!changed.isEmpty() && sortColumn >= 0)
        m_table->viewport()->update();
    // The pane's chart and log count every request, even one that left last use as it was.
    const qint64 shown = m_details->keyId();
    const bool shownWasUsed = shown != 0
        && std::any_of(updates->keys.cbegin(), updates->keys.cend(),
                       [shown](const KeyUsageUpdate &key) { return key.keyId == shown; });
    if (shownWasUsed) {
        if (const std::optional<ApiKey> key = m_model->keyById(shown))
            m_details->updateUsage(*key);
    }
    if (!changed.isEmpty())
        Q_EMIT usageUpdated(changed);
    return {};
}

void ApiKeysPage::refreshTimes()
{
    m_model->refreshTimes();
}

QString ApiKeysPage::tamperedProblem(qint64 keyId) const
{
    return m_model->tamperedProblem(keyId);
}

bool ApiKeysPage::isCheckingSignatures() const
{
    return m_tamperCheck->isRunning();
}

std::optional<ApiKey> ApiKeysPage::selectedKey() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return std::nullopt;
    const ApiKey *key = m_model->keyAt(m_proxy->mapToSource(rows.constFirst()).row());
    return key ? std::optional<ApiKey>(*key) : std::nullopt;
}

QVector<ApiKey> ApiKeysPage::selectedKeys() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QVector<ApiKey> keys;
    keys.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows)) {
        if (const ApiKey *key = m_model->keyAt(m_proxy->mapToSource(row).row()))
            keys.append(*key);
    }
    return keys;
}

QVector<qint64> ApiKeysPage::selectedIds() const
{
    QVector<qint64> ids;
    for (const ApiKey &key : selectedKeys())
        ids.append(key.id);
    return ids;
}

// Rows come and go under a filter or a reload. The selected key stays selected while it is
// visible; when it goes, nothing is selected: a different key silently becoming the target of
// Revoke (the neighbour the view moves to) is worse than no selection.
void ApiKeysPage::onRowsAboutToMove()
{
    if (m_rowsMoving)
        return;
    m_rowsMoving = true;
    m_keepSelectedIds = selectedIds();
}

void ApiKeysPage::onRowsMoved()
{
    if (m_rowsMoving) {
        m_rowsMoving = false;
        settleSelection(m_keepSelectedIds);
    }
    updateStatePage();
    updateCount();
}

void ApiKeysPage::settleSelection(const QVector<qint64> &keyIds)
{
    const QVector<qint64> current = selectedIds();
    QItemSelection selection;
    QModelIndex first;
    QVector<qint64> visible;
    for (qint64 id : keyIds) {
        const int row = m_model->rowForId(id);
        const QModelIndex index =
            row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : QModelIndex();
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index);
        visible.append(id);
    }
    if (first.isValid()) {
        // selectedIds() is in table order; compare as sets.
        std::sort(visible.begin(), visible.end());
        QVector<qint64> sortedCurrent = current;
        std::sort(sortedCurrent.begin(), sortedCurrent.end());
        if (visible != sortedCurrent) {
            m_table->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
            m_table->selectionModel()->select(
                selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        return;
    }
    // Gone or filtered out: no selection, and no current row for the keyboard to act on.
    m_table->selectionModel()->clear();
    if (current.isEmpty() && m_details->keyId() != 0) {
        // The selection went while rows moved (unannounced then): say so now.
        updateDetails();
        Q_EMIT selectionChanged();
    }
}

void ApiKeysPage::selectKey(qint64 id)
{
    const int row = m_model->rowForId(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return; // filtered out: do not fight the user's filter
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void ApiKeysPage::selectKeys(const QVector<qint64> &ids)
{
    settleSelection(ids);
}

QWidget *ApiKeysPage::currentStatePage() const
{
    return m_stateStack->currentWidget();
}

void ApiKeysPage::updateStatePage()
{
    QWidget *page = m_tablePage;
    if (m_store && m_model->rowCount() == 0)
        page = m_emptyPage;
    else if (m_model->rowCount() > 0 && m_proxy->rowCount() == 0)
        page = m_noMatchPage;
    m_stateStack->setCurrentWidget(page);
    m_details->setVisible(page == m_tablePage
                          && (!m_detailsPaneAction || m_detailsPaneAction->isChecked()));
}

void ApiKeysPage::updateCount()
{
    m_filterBar->showCount(m_model->rowCount(), m_proxy->rowCount());
}

void ApiKeysPage::updateDetails()
{
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    if (selected > 1 && m_store) {
        m_details->showSelectionCount(selected);
        return;
    }
    const std::optional<ApiKey> key = selectedKey();
    if (!key || !m_store) {
        m_details->clear();
        return;
    }
    auto history = m_store->auditEvents(key->id, kHistoryLimit);
    m_details->showKey(*key, m_store->grantCatalogue(), history ? *history : QVector<AuditEvent>(),
                       m_model->tamperedProblem(key->id));
}

void ApiKeysPage::showContextMenu(const QPoint &pos)
{
    if (!m_table->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    for (QAction *action : std::as_const(m_contextActions)) {
        if (action)
            menu.addAction(action);
        else
            menu.addSeparator();
    }
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void ApiKeysPage::saveState(Settings &settings) const
{
    settings.setState(kHeaderState, m_table->horizontalHeader()->saveState());
    settings.setState(kSplitterState, m_splitter->saveState());
    settings.setState(kDetailsPaneShown, m_detailsPaneAction->isChecked() ? "1" : "0");
}

void ApiKeysPage::restoreState(const Settings &settings)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings.state(kHeaderState)))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    m_splitter->restoreState(settings.state(kSplitterState));
    m_detailsPaneAction->setChecked(settings.state(kDetailsPaneShown) != "0");
}

} // namespace Keyward
