#include "HygienePage.h"

#include "BulkKeyCommands.h"
#include "Formatting.h"
#include "HygieneDismissDialog.h"
#include "HygieneFilterProxyModel.h"
#include "HygieneModel.h"
#include "KeyCommands.h"
#include "KeyTableModel.h"
#include "MessageBox.h"
#include "core/Clock.h"
#include "core/Permissions.h"
#include "store/KeyStore.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace Keyward {

namespace {

constexpr int kDefaultPolicyDays = 90;
constexpr qint64 kFixExpiryMs = 90 * kDayMs; // "Set an expiry (90 days)"

QString quoted(const QString &name)
{
    return HygienePage::tr("“%1”").arg(name);
}

} // namespace

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

    m_policyLabel = new QLabel(tr("Rotation policy:"), this);
    m_policyOn = new QCheckBox(tr("Regenerate &secrets older than"), this);
    m_policyOn->setObjectName(QStringLiteral("rotationPolicyCheck"));
    m_policyDays = new QSpinBox(this);
    m_policyDays->setObjectName(QStringLiteral("rotationPolicyDays"));
    m_policyDays->setRange(1, RotationPolicy::kMaxDays);
    m_policyDays->setValue(kDefaultPolicyDays);
    m_policyDays->setSuffix(tr(" days"));
    m_policyDays->setAccessibleName(tr("Maximum secret age in days"));
    m_applyPolicy = new QPushButton(tr("A&pply Policy"), this);
    m_applyPolicy->setObjectName(QStringLiteral("applyPolicyButton"));
    connect(m_policyOn, &QCheckBox::toggled, this, [this] { updateButtons(); });
    connect(m_policyDays, &QSpinBox::valueChanged, this, [this] { updateButtons(); });
    connect(m_applyPolicy, &QPushButton::clicked, this, &HygienePage::applyPolicy);
    // The label on a line of its own: beside the controls, the German row alone needed more
    // than an 800-pixel screen has next to the navigation.
    auto *policyRow = new QHBoxLayout;
    policyRow->addWidget(m_policyOn);
    policyRow->addWidget(m_policyDays);
    policyRow->addWidget(m_applyPolicy);
    policyRow->addStretch(1);

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
    layout->addWidget(m_policyLabel);
    layout->addLayout(policyRow);
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
    m_commands = commands;
    m_keys = keys;
    if (!m_store) {
        m_model->clear();
        showPolicy({});
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
    showPolicy(*policy);
    auto check = std::make_shared<Check>();
    check->keys = m_keys->keys();
    check->members = *members;
    check->dismissals = *dismissals;
    check->rules.maxSecretAgeMs = policy->maxSecretAgeMs();
    check->nowMs = m_clock.nowMs();
    m_thread = QThread::create([check] {
        check->findings =
            HygieneReport::findings(check->keys, check->members, check->nowMs, check->rules);
        HygieneReport::markDismissed(check->findings, check->dismissals);
    });
    m_thread->setObjectName(QStringLiteral("HygieneCheck"));
    connect(m_thread, &QThread::finished, this, [this, check] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (std::exchange(m_refreshAgain, false)) {
            refresh();
            return;
        }
        showResult(check);
    });
    m_count->setText(tr("Checking…"));
    m_thread->start();
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

void HygienePage::showPolicy(const RotationPolicy &policy)
{
    const QSignalBlocker blockCheck(m_policyOn);
    const QSignalBlocker blockDays(m_policyDays);
    m_policyOn->setChecked(policy.maxSecretAgeDays.has_value());
    m_policyDays->setValue(policy.maxSecretAgeDays.value_or(kDefaultPolicyDays));
    m_policyOn->setProperty("policyDays", policy.maxSecretAgeDays ? *policy.maxSecretAgeDays : 0);
    const QString set = policy.setBy.isEmpty()
        ? tr("No rotation policy has been set.")
        : tr("Set by %1 on %2.").arg(policy.setBy, Formatting::absoluteTime(policy.setAtMs));
    m_policyLabel->setToolTip(set);
    updateButtons();
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

    const bool owner = m_store && m_member && m_member->role == Role::Owner;
    m_policyOn->setEnabled(owner);
    m_policyDays->setEnabled(owner && m_policyOn->isChecked());
    const int stored = m_policyOn->property("policyDays").toInt();
    const int wanted = m_policyOn->isChecked() ? m_policyDays->value() : 0;
    m_applyPolicy->setEnabled(owner && stored != wanted);
    const QString ownersOnly =
        owner ? QString() : tr("Only Owners can change the rotation policy.");
    for (QWidget *widget :
         {static_cast<QWidget *>(m_policyOn), static_cast<QWidget *>(m_policyDays),
          static_cast<QWidget *>(m_applyPolicy)})
        widget->setToolTip(ownersOnly);
}

void HygienePage::applyPolicy()
{
    if (!m_store)
        return;
    const std::optional<int> days =
        m_policyOn->isChecked() ? std::optional<int>(m_policyDays->value()) : std::nullopt;
    if (auto set = m_store->setRotationPolicy(days); !set) {
        MessageBox::warning(this, tr("Rotation Policy"), set.errorMessage());
        Q_EMIT message(set.errorMessage());
        return;
    }
    Q_EMIT message(days ? tr("Rotation policy set: secrets are due for regeneration after %n "
                             "day(s).",
                             nullptr, *days)
                        : tr("Rotation policy removed."));
    Q_EMIT keysChanged(0);
    refresh();
}

void HygienePage::fixSelected()
{
    const QVector<HygieneFinding> selected = selectedFindings();
    if (selected.isEmpty() || !m_store)
        return;
    const HygieneFinding::Fix fix = selected.constFirst().fix;
    QVector<qint64> keyIds;
    for (const HygieneFinding &finding : selected) {
        if (finding.fix != fix) {
            Q_EMIT message(tr("Select findings with the same fix to fix them together."));
            return;
        }
        if (!keyIds.contains(finding.keyId))
            keyIds.append(finding.keyId);
    }
    if (fix == HygieneFinding::Fix::EndGracePeriodLater) {
        Q_EMIT message(tr("No change in the vault fixes this: ask the integration to switch to "
                          "the new secret, or dismiss the finding."));
        return;
    }
    // One key: the key table's own flow, with its confirmation and impact. Setting an expiry
    // is the page's one-click fix (the edit dialog would ask for the date).
    if (keyIds.size() == 1 && m_commands && fix != HygieneFinding::Fix::SetExpiry) {
        auto key = m_store->key(keyIds.constFirst());
        if (!key) {
            Q_EMIT message(key.errorMessage());
            return;
        }
        switch (fix) {
        case HygieneFinding::Fix::Deactivate:
            m_commands->setActive(*key, false);
            break;
        case HygieneFinding::Fix::Regenerate:
            m_commands->regenerate(*key);
            break;
        case HygieneFinding::Fix::Revoke:
            m_commands->revoke(*key);
            break;
        default:
            break;
        }
        refresh();
        return;
    }
    if (fix == HygieneFinding::Fix::Regenerate) {
        MessageBox::information(this, tr("Regenerate Keys"),
                                tr("Regenerate one key at a time: each new secret is shown once, "
                                   "to be handed to its integration."));
        return;
    }
    fixMany(fix, keyIds);
}

void HygienePage::fixMany(HygieneFinding::Fix fix, const QVector<qint64> &keyIds)
{
    if (fix != HygieneFinding::Fix::Deactivate && fix != HygieneFinding::Fix::Revoke
        && fix != HygieneFinding::Fix::SetExpiry)
        return;
    // Fresh from the store: versions the table read may be stale by now.
    QVector<ApiKey> keys;
    QStringList missing;
    for (qint64 id : keyIds) {
        auto key = m_store->key(id);
        if (key)
            keys.append(*key);
        else
            missing.append(tr("Key %1: %2").arg(id).arg(key.errorMessage()));
    }
    const BulkKeyAction action = fix == HygieneFinding::Fix::Deactivate ? BulkKeyAction::Deactivate
        : fix == HygieneFinding::Fix::Revoke                            ? BulkKeyAction::Revoke
                                             : BulkKeyAction::ShortenExpiry;
    // The key table's own flow: one confirmation that lists the keys (and those left out, with
    // why), the Production count typed when Production keys would stop, one transaction, and a
    // report of the keys refused while the others went through.
    bool changed = false;
    if (!keys.isEmpty()) {
        BulkKeyCommands bulk(*m_store, m_clock, this);
        connect(&bulk, &BulkKeyCommands::message, this, &HygienePage::message);
        connect(&bulk, &BulkKeyCommands::failed, this, &HygienePage::message);
        const std::optional<qint64> expiry = action == BulkKeyAction::ShortenExpiry
            ? std::optional<qint64>(m_clock.nowMs() + kFixExpiryMs)
            : std::nullopt;
        changed = bulk.apply(action, keys, expiry);
    }
    if (changed)
        Q_EMIT keysChanged(0);
    reportRefusals(tr("Fix Findings"), missing);
    refresh();
}

void HygienePage::reportRefusals(const QString &title, const QStringList &refusals)
{
    if (refusals.isEmpty())
        return;
    MessageBox::warning(
        this, title,
        tr("These keys were left as they were:\n\n%1").arg(refusals.join(QLatin1Char('\n'))));
}

void HygienePage::dismissSelected()
{
    QVector<HygieneFinding> open;
    for (const HygieneFinding &finding : selectedFindings()) {
        if (!finding.dismissed)
            open.append(finding);
    }
    if (open.isEmpty() || !m_store)
        return;
    QStringList listed;
    for (const HygieneFinding &finding : std::as_const(open))
        listed.append(
            tr("%1: %2").arg(quoted(finding.keyName), HygieneFinding::describeKind(finding.kind)));
    auto *dialog = new HygieneDismissDialog(listed, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, open] {
        const QString reason = dialog->reason();
        QStringList refusals;
        int done = 0;
        for (const HygieneFinding &finding : open) {
            if (auto dismissed = m_store->dismissFinding(finding.keyId, finding.kind, reason))
                ++done;
            else
                refusals.append(
                    tr("%1: %2").arg(quoted(finding.keyName), dismissed.errorMessage()));
        }
        Q_EMIT message(tr("%n finding(s) dismissed.", nullptr, done));
        if (done > 0)
            Q_EMIT keysChanged(0);
        reportRefusals(tr("Dismiss Findings"), refusals);
        refresh();
    });
    dialog->open();
}

void HygienePage::restoreSelected()
{
    if (!m_store)
        return;
    QStringList refusals;
    int done = 0;
    for (const HygieneFinding &finding : selectedFindings()) {
        if (!finding.dismissed)
            continue;
        if (auto restored = m_store->restoreFinding(finding.keyId, finding.kind))
            ++done;
        else
            refusals.append(tr("%1: %2").arg(quoted(finding.keyName), restored.errorMessage()));
    }
    Q_EMIT message(tr("%n finding(s) restored.", nullptr, done));
    if (done > 0)
        Q_EMIT keysChanged(0);
    reportRefusals(tr("Restore Findings"), refusals);
    refresh();
}

} // namespace Keyward
