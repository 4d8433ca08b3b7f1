#include "AuditLogPage.h"

#include "AuditLogModel.h"
#include "BusyCursor.h"
#include "Icons.h"
#include "Settings.h"
#include "store/KeyStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Keyward {

namespace {
const QString kHeaderState = QStringLiteral("audit/header");
}

AuditLogPage::AuditLogPage(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_model(new AuditLogModel(clock, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("auditLogPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AuditLogModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("auditSearchEdit"));
    m_search->setPlaceholderText(tr("Search member, action, key or details…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    connect(m_search, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_proxy->setFilterFixedString(text.trimmed()); });

    m_verify = new QPushButton(Icons::icon(QStringLiteral("verify")), tr("&Verify Chain"), this);
    m_verify->setObjectName(QStringLiteral("verifyChainButton"));
    m_verify->setToolTip(tr("Check that no audit row was changed or removed since it was written"));
    connect(m_verify, &QPushButton::clicked, this, &AuditLogPage::verifyChain);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("verifyResultLabel"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_count = new QLabel(this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 2);
    bar->addWidget(m_verify);
    bar->addWidget(m_result, 3);
    bar->addWidget(m_count);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditLogModel::TimeColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const int charWidth = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(
        AuditLogModel::TimeColumn,
        fontMetrics().horizontalAdvance(AuditLogModel::timeText(1'800'000'000'000)) + 32);
    m_table->setColumnWidth(AuditLogModel::ActorColumn, charWidth * 12 + 24);
    m_table->setColumnWidth(AuditLogModel::ActionColumn, charWidth * 22 + 24);
    m_table->setColumnWidth(AuditLogModel::KeyColumn, charWidth * 22 + 24);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
}

void AuditLogPage::setStore(KeyStore *store)
{
    m_store = store;
    m_result->clear();
    reload();
}

void AuditLogPage::reload()
{
    if (!m_store) {
        m_model->clear();
        m_count->clear();
        return;
    }
    auto events = m_store->auditEvents(std::nullopt, kRowLimit);
    if (!events) {
        Q_EMIT message(events.errorMessage());
        return;
    }
    m_model->setEvents(*events);
    m_count->setText(events->size() >= kRowLimit ? tr("Latest %Ln event(s)", nullptr, kRowLimit)
                                                 : tr("%n event(s)", nullptr, int(events->size())));
}

void AuditLogPage::verifyChain()
{
    if (!m_store)
        return;
    auto verified = [&] {
        BusyCursor busy;
        return m_store->verifyAudit();
    }();
    QPalette palette = m_result->palette();
    QString text;
    QColor color;
    if (!verified) {
        text = verified.errorMessage();
        color = QColor(0xda, 0x44, 0x53);
    } else if (verified->intact) {
        text = tr("The audit chain is intact: %Ln row(s) checked.", nullptr,
                  int(verified->rowsChecked));
        color = QColor(0x27, 0xae, 0x60);
    } else {
        text = tr("The audit log was tampered with at row %1: %2")
                   .arg(verified->firstBadId)
                   .arg(verified->problem);
        color = QColor(0xda, 0x44, 0x53);
    }
    palette.setColor(QPalette::WindowText, color);
    m_result->setPalette(palette);
    m_result->setText(text);
    Q_EMIT message(text);
}

QString AuditLogPage::verificationText() const
{
    return m_result->text();
}

void AuditLogPage::saveState(Settings &settings) const
{
    settings.setState(kHeaderState, m_table->horizontalHeader()->saveState());
}

void AuditLogPage::restoreState(const Settings &settings)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings.state(kHeaderState)))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

} // namespace Keyward
