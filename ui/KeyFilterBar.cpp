#include "KeyFilterBar.h"

#include "KeyFilterProxyModel.h"
#include "core/DisplayNames.h"
#include "core/Environment.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

namespace Keyward {

KeyFilterBar::KeyFilterBar(KeyFilterProxyModel *proxy, QWidget *parent)
    : FilterBar(parent)
    , m_proxy(proxy)
{
    m_search = new QLineEdit(this);
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
    connect(clearSearch, &QAction::triggered, this, &KeyFilterBar::escapeFromSearch);
    m_search->addAction(clearSearch);

    m_environment = new QComboBox(this);
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
    m_status = new QComboBox(this);
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

    m_showRevoked = new QCheckBox(tr("Show &revoked"), this);
    m_showRevoked->setObjectName(QStringLiteral("showRevokedCheck"));
    m_showRevoked->setToolTip(
        tr("Revoked keys no longer work; they stay listed for their history."));
    connect(m_showRevoked, &QCheckBox::toggled, this,
            [this](bool show) { m_proxy->setShowRevoked(show); });

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("keyCountLabel"));

    setWidgets(m_search, {m_environment, m_status, m_showRevoked}, m_count);
}

void KeyFilterBar::escapeFromSearch()
{
    // First Esc clears the search; the next one hands the keyboard back to the table.
    if (!m_search->text().isEmpty())
        m_search->clear();
    else
        Q_EMIT searchLeft();
}

void KeyFilterBar::clearFilters()
{
    m_search->clear();
    m_environment->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
}

void KeyFilterBar::showCount(int total, int shown)
{
    m_count->setText(shown == total ? tr("%n key(s)", nullptr, total)
                                    : tr("%1 of %n key(s) shown", nullptr, total).arg(shown));
}

} // namespace Keyward
