#include "ApiKeysPage.h"

#include "FilterBar.h"

#include "Icons.h"
#include "KeyDetailsPane.h"
#include "KeyFilterProxyModel.h"
#include "KeyTableModel.h"
#include "Settings.h"
#include "StatusBadgeDelegate.h"
#include "TamperedKeysCheck.h"
#include "core/DisplayNames.h"
#include "core/Environment.h"
#include "store/KeyStore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Keyward {

namespace {

const QString kHeaderState = QStringLiteral("keys/header");
const QString kSplitterState = QStringLiteral("keys/splitter");
const QString kDetailsPaneShown = QStringLiteral("keys/detailsPane");
constexpr int kHistoryLimit = 50;

QLabel *centeredLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    return label;
}

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

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("keyTable"));
    // Before the view gets the model, so these run before its own handlers: the view may move
    // the selection to a neighbour of a row about to go, and the keys selected before must be
    // known by then.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &ApiKeysPage::onRowsAboutToMove);
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &ApiKeysPage::onRowsAboutToMove);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this,
            &ApiKeysPage::onRowsAboutToMove);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several keys at once for the bulk actions (Ctrl/Shift+click, Shift+arrows, Ctrl+A).
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(KeyTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setItemDelegateForColumn(KeyTableModel::StatusColumn, new StatusBadgeDelegate(this));
    setDefaultColumnWidths();

    m_tablePage = m_table;
    m_emptyPage = buildEmptyPage();
    m_noMatchPage = buildNoMatchPage();
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
    layout->addWidget(buildFilterBar());
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

QWidget *ApiKeysPage::buildFilterBar()
{
    auto *bar = new FilterBar(this);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search name, key, notes or customer…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    m_search->setToolTip(tr("Paste a whole key here to find which entry it belongs to."));
    connect(m_search, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_proxy->setSearchText(text); });
    // A line edit ignores Esc; in a search box people expect it to clear the search.
    auto *clearSearch = new QAction(tr("Clear Search"), m_search);
    clearSearch->setObjectName(QStringLiteral("actionClearSearch"));
    clearSearch->setShortcut(QKeySequence(Qt::Key_Escape));
    clearSearch->setShortcutContext(Qt::WidgetShortcut);
    connect(clearSearch, &QAction::triggered, this, &ApiKeysPage::escapeFromSearch);
    m_search->addAction(clearSearch);

    m_environment = new QComboBox(bar);
    m_environment->setObjectName(QStringLiteral("environmentFilter"));
    m_environment->addItem(tr("All environments"));
    for (Environment env : kAllEnvironments)
        m_environment->addItem(DisplayNames::environment(env), environmentToInt(env));
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant value = m_environment->itemData(index);
        m_proxy->setEnvironmentFilter(value.isValid() ? environmentFromInt(value.toInt())
                                                      : std::nullopt);
    });

    using StatusFilter = KeyFilterProxyModel::StatusFilter;
    m_status = new QComboBox(bar);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    const QList<QPair<QString, StatusFilter>> statuses {
        {tr("All statuses"), StatusFilter::All},
        {tr("Active"), StatusFilter::Active},
        {tr("Expiring soon"), StatusFilter::ExpiringSoon},
        {tr("Inactive"), StatusFilter::Inactive},
        {tr("Expired"), StatusFilter::Expired},
        {tr("Revoked"), StatusFilter::Revoked},
        {tr("Flagged"), StatusFilter::Flagged},
        {tr("Tampered"), StatusFilter::Tampered},
    };
    for (const auto &[text, filter] : statuses)
        m_status->addItem(text, int(filter));
    connect(m_status, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setStatusFilter(static_cast<StatusFilter>(m_status->itemData(index).toInt()));
    });

    m_showRevoked = new QCheckBox(tr("Show &revoked"), bar);
    m_showRevoked->setObjectName(QStringLiteral("showRevokedCheck"));
    m_showRevoked->setToolTip(
        tr("Revoked keys no longer work; they stay listed for their history."));
    connect(m_showRevoked, &QCheckBox::toggled, this,
            [this](bool show) { m_proxy->setShowRevoked(show); });

    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("keyCountLabel"));

    bar->setWidgets(m_search, {m_environment, m_status, m_showRevoked}, m_count);
    return bar;
}

QWidget *ApiKeysPage::buildEmptyPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyStatePage"));
    page->setAutoFillBackground(true);
    page->setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);

    auto *picture = new QLabel(page);
    picture->setPixmap(QIcon(Icons::resourcePath(QStringLiteral("empty-keys")))
                           .pixmap(QSize(128, 96), devicePixelRatioF()));
    picture->setAlignment(Qt::AlignCenter);
    layout->addWidget(picture);

    QLabel *title = centeredLabel(tr("No API keys yet"), page);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    title->setFont(titleFont);
    layout->addWidget(title);

    QLabel *text = centeredLabel(tr("Generate one key for each service or integration that calls "
                                    "your API.\nThe key is shown once; Keyward keeps only a hint "
                                    "of it, so store it in the service's secret settings."),
                                 page);
    layout->addWidget(text);

    auto *button = new QToolButton(page);
    button->setObjectName(QStringLiteral("emptyGenerateButton"));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(false);
    button->setMinimumHeight(34);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(button);
    buttonRow->addStretch(1);
    layout->addSpacing(8);
    layout->addLayout(buttonRow);

    m_emptyHint = centeredLabel(QString(), page);
    m_emptyHint->setObjectName(QStringLiteral("emptyStateHint"));
    layout->addWidget(m_emptyHint);
    layout->addStretch(2);
    return page;
}

QWidget *ApiKeysPage::buildNoMatchPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("noMatchPage"));
    page->setAutoFillBackground(true);
    page->setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(centeredLabel(tr("No keys match the search and filters."), page));
    auto *clear = new QPushButton(tr("&Clear Search and Filters"), page);
    clear->setObjectName(QStringLiteral("clearFiltersButton"));
    connect(clear, &QPushButton::clicked, this, &ApiKeysPage::clearFilters);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(clear);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    return page;
}

void ApiKeysPage::buildViewActions()
{
    m_showRevokedAction = new QAction(tr("Show Re&voked Keys"), this);
    m_showRevokedAction->setObjectName(QStringLiteral("actionShowRevoked"));
    m_showRevokedAction->setCheckable(true);
    m_showRevokedAction->setStatusTip(m_showRevoked->toolTip());
    // Setting the same value again emits nothing, so the two cannot ping-pong.
    connect(m_showRevokedAction, &QAction::toggled, m_showRevoked, &QCheckBox::setChecked);
    connect(m_showRevoked, &QCheckBox::toggled, m_showRevokedAction, &QAction::setChecked);

    m_detailsPaneAction = new QAction(tr("Show &Details Pane"), this);
    m_detailsPaneAction->setObjectName(QStringLiteral("actionShowDetailsPane"));
    m_detailsPaneAction->setCheckable(true);
    m_detailsPaneAction->setChecked(true);
    m_detailsPaneAction->setStatusTip(tr("Show the selected key's secrets, usage and history"));
    connect(m_detailsPaneAction, &QAction::toggled, this, &ApiKeysPage::updateStatePage);
}

void ApiKeysPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ApiKeysPage::escapeFromSearch()
{
    // First Esc clears the search; the next one hands the keyboard back to the table.
    if (!m_search->text().isEmpty())
        m_search->clear();
    else
        m_table->setFocus(Qt::ShortcutFocusReason);
}

void ApiKeysPage::setGenerateAction(QAction *action)
{
    m_generate = action;
    auto *button = m_emptyPage->findChild<QToolButton *>(QStringLiteral("emptyGenerateButton"));
    button->setDefaultAction(action);
    const auto updateHint = [this] {
        // A disabled button alone does not say why; the empty state has room to say it.
        m_emptyHint->setText(m_generate->isEnabled() ? QString() : m_generate->toolTip());
        m_emptyHint->setVisible(!m_generate->isEnabled());
    };
    connect(action, &QAction::changed, this, updateHint);
    updateHint();
}

void ApiKeysPage::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions = actions;
}

void ApiKeysPage::setDefaultColumnWidths()
{
    const QFontMetrics metrics = fontMetrics();
    const auto fit = [&](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 24;
    };
    QHeaderView *header = m_table->horizontalHeader();
    // The role and grants summary takes what is left; the others fit their typical content.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(KeyTableModel::RoleColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(60);
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
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == total ? tr("%n key(s)", nullptr, total)
                                    : tr("%1 of %n key(s) shown", nullptr, total).arg(shown));
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

void ApiKeysPage::clearFilters()
{
    m_search->clear();
    m_environment->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
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
