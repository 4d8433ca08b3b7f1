#include "HygienePage.h"

#include "BackgroundJob.h"
#include "HygieneActions.h"
#include "HygieneFilterProxyModel.h"
#include "HygieneModel.h"
#include "KeyTableModel.h"
#include "RotationPolicyRow.h"
#include "core/Clock.h"
#include "core/Permissions.h"
#include "store/KeyStore.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace Keyward {

// One refresh's input and answer, shared with its worker thread (which owns it while it runs).
struct HygienePage::Check
{
    QVector<ApiKey> keys;
    QVector<Member> members;
    QVector<HygieneDismissal> dismissals;
    HygieneRules rules;
    qint64 nowMs = 0;
    QVector<HygieneFinding> findings;
};

HygienePage::HygienePage(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new HygieneModel(this))
    , m_proxy(new HygieneFilterProxyModel(this))
{
    setObjectName(QStringLiteral("hygienePage"));
    m_proxy->setSourceModel(m_model);

    auto *intro = new QLabel(tr("Keys that need looking after: unused, without an end, too "
                                "powerful, or left behind by members who went. Fix them here, "
                                "or dismiss a finding with the reason it may stay."),
                             this);
    intro->setWordWrap(true);

    m_policy = new RotationPolicyRow(this);
    connect(m_policy, &RotationPolicyRow::message, this, &HygienePage::message);
    connect(m_policy, &RotationPolicyRow::policyChanged, this, &HygienePage::refresh);
    m_actions = new HygieneActions(clock, this);
    connect(m_actions, &HygieneActions::message, this, &HygienePage::message);
    connect(m_actions, &HygieneActions::finished, this, &HygienePage::refresh);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("hygieneSearchEdit"));
    m_search->setPlaceholderText(tr("Search key, finding or reason…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(240);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateCount();
    });
    m_showDismissed = new QCheckBox(tr("Show d&ismissed"), this);
    m_showDismissed->setObjectName(QStringLiteral("showDismissedCheck"));
    connect(m_showDismissed, &QCheckBox::toggled, this, [this](bool show) {
        m_proxy->setShowDismissed(show);
        updateCount();
        updateButtons();
    });
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("hygieneCountLabel"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 2);
    bar->addWidget(m_showDismissed);
    bar->addStretch(1);
    bar->addWidget(m_count);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("hygieneTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HygieneModel::FindingColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(HygieneModel::ReasonColumn,
                                                      QHeaderView::Stretch);
    const int charWidth = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(HygieneModel::KeyColumn, charWidth * 22 + 24);
    m_table->setColumnWidth(HygieneModel::EnvironmentColumn, charWidth * 12 + 24);
    m_table->setColumnWidth(HygieneModel::FindingColumn, charWidth * 22 + 24);
    int fixWidth = 0;
    for (auto fix : {HygieneFinding::Fix::Deactivate, HygieneFinding::Fix::SetExpiry,
                     HygieneFinding::Fix::Regenerate, HygieneFinding::Fix::Revoke,
                     HygieneFinding::Fix::EndGracePeriodLater})
        fixWidth =
            qMax(fixWidth, fontMetrics().horizontalAdvance(HygieneFinding::describeFix(fix)));
    m_table->setColumnWidth(HygieneModel::FixColumn, fixWidth + 24);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HygienePage::updateButtons);
    connect(m_table, &QTableView::activated, this, [this] {
        if (m_fix->isEnabled())
            fixSelected();
    });

    m_fix = new QPushButton(tr("&Fix…"), this);
    m_fix->setObjectName(QStringLiteral("fixButton"));
    m_dismiss = new QPushButton(tr("&Dismiss…"), this);
    m_dismiss->setObjectName(QStringLiteral("dismissFindingButton"));
    m_restore = new QPushButton(tr("&Restore"), this);
    m_restore->setObjectName(QStringLiteral("restoreFindingButton"));
    m_restore->setToolTip(tr("List the selected dismissed findings again"));
    connect(m_fix, &QPushButton::clicked, this, &HygienePage::fixSelected);
    connect(m_dismiss, &QPushButton::clicked, this, &HygienePage::dismissSelected);
    connect(m_restore, &QPushButton::clicked, this, &HygienePage::restoreSelected);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_fix);
    buttons->addWidget(m_dismiss);
    buttons->addWidget(m_restore);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(intro);
    layout->addWidget(m_policy);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    updateButtons();
}

HygienePage::~HygienePage()
{
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

void HygienePage::setStore(KeyStore *store, const std::optional<Member> &member,
                           KeyCommands *commands, const KeyTableModel *keys)
{
    m_store = store;
    m_member = member;
    m_keys = keys;
    m_policy->setStore(store);
    m_actions->setStore(store, commands);
    if (!m_store) {
        m_model->clear();
        m_policy->showPolicy({});
        updateCount();
        updateButtons();
    }
}

void HygienePage::refresh()
{
    if (!m_store || !m_keys) {
        m_model->clear();
        updateCount();
        return;
    }
    if (m_thread) {
        m_refreshAgain = true; // this answer would be stale: check once more when it is in
        return;
    }
    // Reads on this thread (the store's connection lives here); only the checks move.
    auto members = m_store->listMembers();
    auto policy = m_store->rotationPolicy();
    auto dismissals = m_store->hygieneDismissals();
    for (const QString &error :
         {members.errorMessage(), policy.errorMessage(), dismissals.errorMessage()}) {
        if (!error.isEmpty()) {
            Q_EMIT message(error);
            return;
        }
    }
    if (const std::optional<Member> me = m_store->currentMember())
        m_member = me;
    m_policy->showPolicy(*policy);
    updateButtons(); // who may change it: m_member was just read again
    auto check = std::make_shared<Check>();
    check->keys = m_keys->keys();
    check->members = *members;
    check->dismissals = *dismissals;
    check->rules.maxSecretAgeMs = policy->maxSecretAgeMs();
    check->nowMs = m_clock.nowMs();
    m_thread = new BackgroundJob(
        [check] {
            check->findings =
                HygieneReport::findings(check->keys, check->members, check->nowMs, check->rules);
            HygieneReport::markDismissed(check->findings, check->dismissals);
        },
        "keyward-hygiene");
    connect(m_thread, &BackgroundJob::finished, this, [this, check] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (std::exchange(m_refreshAgain, false)) {
            refresh();
            return;
        }
        if (!m_store)
            return; // the vault was locked or closed meanwhile: its findings are not shown
        showResult(check);
    });
    m_count->setText(tr("Checking…"));
}

void HygienePage::showResult(const std::shared_ptr<Check> &check)
{
    QSet<QPair<qint64, int>> selected;
    for (const HygieneFinding &finding : selectedFindings())
        selected.insert({finding.keyId, int(finding.kind)});
    m_model->setFindings(check->findings);
    if (!selected.isEmpty()) {
        QItemSelection keep;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, 0);
            if (selected.contains({index.data(HygieneModel::KeyIdRole).toLongLong(),
                                   index.data(HygieneModel::KindRole).toInt()}))
                keep.select(index, m_proxy->index(row, HygieneModel::ColumnCount - 1));
        }
        m_table->selectionModel()->select(keep, QItemSelectionModel::ClearAndSelect);
    }
    updateCount();
    updateButtons();
    Q_EMIT refreshed();
}

void HygienePage::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int dismissed = m_model->dismissedCount();
    QString text = tr("%n finding(s)", nullptr, shown);
    if (dismissed > 0 && !m_proxy->showDismissed())
        text = tr("%1, %n dismissed", nullptr, dismissed).arg(text);
    m_count->setText(text);
}

QVector<HygieneFinding> HygienePage::selectedFindings() const
{
    QVector<HygieneFinding> findings;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows)) {
        if (const HygieneFinding *finding = m_model->findingAt(m_proxy->mapToSource(index).row()))
            findings.append(*finding);
    }
    return findings;
}

bool HygienePage::selectFinding(qint64 keyId, HygieneFinding::Kind kind, bool add)
{
    const int sourceRow = m_model->rowOf(keyId, kind);
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->select(
        index,
        (add ? QItemSelectionModel::Select : QItemSelectionModel::ClearAndSelect)
            | QItemSelectionModel::Rows);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    return true;
}

void HygienePage::updateButtons()
{
    const bool canAct = m_store && m_member && roleAtLeast(m_member->role, Role::Developer);
    const QVector<HygieneFinding> selected = selectedFindings();
    bool anyOpen = false;
    bool anyDismissed = false;
    bool oneFix = true;
    for (const HygieneFinding &finding : selected) {
        (finding.dismissed ? anyDismissed : anyOpen) = true;
        oneFix = oneFix && finding.fix == selected.constFirst().fix;
    }
    const bool fixable = !selected.isEmpty() && oneFix
        && selected.constFirst().fix != HygieneFinding::Fix::EndGracePeriodLater;
    m_fix->setEnabled(canAct && fixable);
    m_fix->setText(fixable
                       ? tr("&Fix: %1…").arg(HygieneFinding::describeFix(selected.constFirst().fix))
                       : tr("&Fix…"));
    m_fix->setToolTip(!canAct       ? Permissions::roleNeededMessage(KeyAction::Edit)
                          : !oneFix ? tr("Select findings with the same fix to fix them together")
                          : !selected.isEmpty() && !fixable
                          ? tr("No change in the vault fixes this: ask the integration to switch "
                               "to the new secret, or dismiss the finding.")
                          : tr("Fix the selected findings"));
    m_dismiss->setEnabled(canAct && anyOpen);
    m_restore->setEnabled(canAct && anyDismissed);

    m_policy->setEditable(m_store && m_member && m_member->role == Role::Owner);
}

QCheckBox *HygienePage::policyBox() const
{
    return m_policy->policyBox();
}

QSpinBox *HygienePage::policyDaysBox() const
{
    return m_policy->daysBox();
}

QPushButton *HygienePage::applyPolicyButton() const
{
    return m_policy->applyButton();
}

void HygienePage::applyPolicy()
{
    m_policy->apply();
}

void HygienePage::fixSelected()
{
    m_actions->fix(selectedFindings());
}

void HygienePage::dismissSelected()
{
    m_actions->dismiss(selectedFindings());
}

void HygienePage::restoreSelected()
{
    m_actions->restore(selectedFindings());
}

} // namespace Keyward
