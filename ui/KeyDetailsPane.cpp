#include "KeyDetailsPane.h"

#include "AuditText.h"
#include "DetailsLabels.h"
#include "Formatting.h"
#include "LastUseText.h"
#include "OutcomeText.h"
#include "RequestLogView.h"
#include "StatusBadgeDelegate.h"
#include "UsageChartView.h"
#include "WrapAnywhereLabel.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"
#include "core/HygieneReport.h"
#include "core/KeyStatus.h"
#include "store/KeyStore.h"
#include "verify/UsageSource.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>

namespace Keyward {

using namespace DetailsLabels;

namespace {

// A refresh only needs to rebuild the key's part when a verifier wrote something it shows.
bool sameUsage(const ApiKey &a, const ApiKey &b)
{
    if (a.usageCount != b.usageCount || a.secrets.size() != b.secrets.size())
        return false;
    for (int i = 0; i < a.secrets.size(); ++i) {
        const KeySecret &x = a.secrets.at(i);
        const KeySecret &y = b.secrets.at(i);
        if (x.id != y.id || x.lastUsedAtMs != y.lastUsedAtMs || x.lastUsedSource != y.lastUsedSource
            || x.lastRefusedAtMs != y.lastRefusedAtMs
            || x.lastRefusedOutcome != y.lastRefusedOutcome)
            return false;
    }
    return true;
}

// The status pills of the table, at the top of the pane.
class BadgeRow : public QWidget
{
public:
    BadgeRow(QVector<StatusBadgeDelegate::Badge> badges, QWidget *parent)
        : QWidget(parent)
        , m_badges(std::move(badges))
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        // Painted, so screen readers (and tests) get the badges' words from here.
        setObjectName(QStringLiteral("detailsBadges"));
        QStringList texts;
        for (const StatusBadgeDelegate::Badge &badge : m_badges)
            texts.append(badge.text);
        setAccessibleName(texts.join(QStringLiteral(", ")));
    }
    QSize sizeHint() const override { return StatusBadgeDelegate::badgesSize(m_badges, font()); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        // The delegate's margin would indent the pills relative to the labels around them.
        StatusBadgeDelegate::paintBadges(&painter, rect().adjusted(-4, 0, 0, 0), m_badges, font(),
                                         palette());
    }

private:
    QVector<StatusBadgeDelegate::Badge> m_badges;
};

} // namespace

KeyDetailsPane::KeyDetailsPane(const Clock &clock, QWidget *parent)
    : QScrollArea(parent)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("keyDetailsPane"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    // The sections reflow to one column when the pane is narrow (arrangeSections); only below
    // the narrowest section does the pane scroll sideways, never cutting anything off.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    m_content = new QWidget(this);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_placeholder = hintText(tr("Select a key to see its details, usage and history."), m_content);
    m_placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_placeholder);
    m_keyPartLayout = new QVBoxLayout;
    m_keyPartLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_keyPartLayout, 1);

    m_usageHeader = buildUsageHeader(m_content);
    m_usageSummary = valueLabel(QString(), m_content, true);
    m_usageSummary->setObjectName(QStringLiteral("usageSummary"));
    m_chart = new UsageChartView(m_content);
    m_chartLegend = UsageChartView::createLegend(m_content);
    m_requestLogBox = new QWidget(m_content);
    auto *logLayout = new QVBoxLayout(m_requestLogBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->setSpacing(4);
    logLayout->addWidget(heading(tr("Recent requests"), m_requestLogBox));
    m_requestLog = new RequestLogView(m_requestLogBox);
    m_requestLog->setMinimumHeight(220);
    logLayout->addWidget(m_requestLog);
    m_requestLogCaption = hintText(QString(), m_requestLogBox);
    m_requestLogCaption->setObjectName(QStringLiteral("requestLogCaption"));
    logLayout->addWidget(m_requestLogCaption);
    for (QWidget *usageWidget : usageWidgets())
        usageWidget->hide();
    setWidget(m_content);
    clear();
}

QList<QWidget *> KeyDetailsPane::usageWidgets() const
{
    return {m_usageHeader, m_usageSummary, m_chart, m_chartLegend, m_requestLogBox};
}

void KeyDetailsPane::setStore(KeyStore *store, UsageSource *usage)
{
    m_store = store;
    // Usage has no place in the KeyStore interface (it is verify/'s business): it comes from
    // its own source, given with the store.
    m_usage = store ? usage : nullptr;
    if (!store)
        clear();
}

void KeyDetailsPane::clear()
{
    m_placeholder->setText(tr("Select a key to see its details, usage and history."));
    clearKey();
}

void KeyDetailsPane::showSelectionCount(int count)
{
    m_placeholder->setText(tr("%n keys selected. Deactivate, Activate, Revoke, Delete, Shorten "
                              "Expiry and Export Selected apply to all of them.",
                              nullptr, count));
    clearKey();
}

void KeyDetailsPane::clearKey()
{
    m_keyId = 0;
    m_key = ApiKey();
    m_history.clear();
    m_tampered.clear();
    rebuildKeyPart();
    m_chart->clear();
    m_requestLog->clear();
    m_usageSummary->clear();
}

void KeyDetailsPane::showKey(const ApiKey &key, const GrantCatalogue &catalogue,
                             const QVector<AuditEvent> &history, const QString &tamperedProblem)
{
    m_tampered = tamperedProblem;
    const bool newKey = key.id != m_keyId;
    const int scroll = newKey ? 0 : verticalScrollBar()->value();
    m_keyId = key.id;
    m_key = key;
    m_catalogue = catalogue;
    m_history = history;
    loadUsage(newKey);
    rebuildKeyPart();
    verticalScrollBar()->setValue(scroll);
}

void KeyDetailsPane::refreshUsage()
{
    if (!m_keyId || !m_store)
        return;
    // The secrets' last use is on the key's row: read it again with the usage, so the two
    // never disagree about the latest request.
    auto fresh = m_store->key(m_keyId);
    updateUsage(fresh ? *fresh : m_key);
}

void KeyDetailsPane::updateUsage(const ApiKey &fresh)
{
    if (!m_keyId || fresh.id != m_keyId)
        return;
    if (!sameUsage(fresh, m_key)) {
        const int scroll = verticalScrollBar()->value();
        m_key = fresh;
        loadUsage(false);
        rebuildKeyPart();
        verticalScrollBar()->setValue(scroll);
        return;
    }
    loadUsage(false);
}

void KeyDetailsPane::rebuildKeyPart()
{
    // The usage widgets outlive the part they sit in.
    for (QWidget *usageWidget : usageWidgets()) {
        usageWidget->hide();
        usageWidget->setParent(m_content);
    }
    delete m_keyPart;
    m_keyPart = nullptr;
    m_sectionGrid = nullptr;
    m_sections = {};
    m_wideMinimumWidth = 0;
    m_placeholder->setVisible(m_keyId == 0);
    if (m_keyId == 0)
        return;
    m_keyPart = buildKeyPart();
    m_keyPartLayout->addWidget(m_keyPart);
    arrangeSections();
}

QWidget *KeyDetailsPane::buildKeyPart()
{
    const ApiKey &key = m_key;
    const qint64 now = m_clock.nowMs();
    auto *content = new QWidget(m_content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->setSpacing(4);

    // Up to 200 characters, maybe without a space: wrapped anywhere, never widening the pane.
    QLabel *name = new WrapAnywhereLabel(key.name, content);
    name->setObjectName(QStringLiteral("detailsName"));
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    nameFont.setBold(true);
    name->setFont(nameFont);
    layout->addWidget(name);

    bool grace = false;
    for (const KeySecret &secret : key.secrets)
        grace = grace || secret.isInGracePeriodAt(now);
    layout->addWidget(
        new BadgeRow(m_tampered.isEmpty() ? StatusBadgeDelegate::badgesFor(
                         effectiveStatus(key, now), expiresSoon(key, now), grace, key.flagged,
                         HygieneReport::isRotationOverdue(key, now, m_maxSecretAgeMs))
                                          : StatusBadgeDelegate::tamperedBadges(),
                     content));
    if (!m_tampered.isEmpty()) {
        QLabel *tampered = valueLabel(
            tr("This key was changed outside Keyward (%1): someone with write access to the "
               "vault file altered or added it without a member's signature. Verifiers answer it "
               "as not found, and nothing below can be trusted. Revoke or delete it, and find out "
               "who can write the vault file.")
                .arg(m_tampered),
            content, true);
        tampered->setObjectName(QStringLiteral("tamperedExplanation"));
        setTextColor(tampered, StatusBadgeDelegate::tamperedColor());
        layout->addWidget(tampered);
    }
    if (key.flagged)
        layout->addWidget(hintText(tr("Deactivated automatically because the member who created "
                                      "it was demoted or removed. An Admin or Owner can activate "
                                      "it again."),
                                   content));

    // The sections go into a grid that arrangeSections() fills for the pane's width.
    m_sectionGrid = new QGridLayout;
    m_sectionGrid->setHorizontalSpacing(24);
    m_sectionGrid->setVerticalSpacing(8);
    layout->addLayout(m_sectionGrid);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setVerticalSpacing(3);
    form->setHorizontalSpacing(12);
    const auto addRow = [&](const QString &label, const QString &value) {
        form->addRow(label, valueLabel(value, content));
    };
    addRow(tr("Key ID:"), QString::number(key.id));
    addRow(tr("Environment:"), DisplayNames::environment(key.environment));
    addRow(tr("Role:"), DisplayNames::role(key.role));
    addRow(tr("Grants:"), Formatting::grantsList(key.grants, m_catalogue));
    addRow(tr("Customer:"), key.customer.isEmpty() ? tr("Any customer") : key.customer);
    addRow(tr("Allowed IPs:"),
           key.allowedIps.isEmpty() ? tr("Any address") : key.allowedIps.toDisplay());
    addRow(tr("Rate limit:"), Formatting::rateLimit(key.rateLimit));
    addRow(tr("Usage:"), Formatting::usageLimit(key.usageLimit, key.usageCount));
    addRow(tr("Expires:"), key.expiresAtMs ? timeWithRelative(*key.expiresAtMs, now) : tr("Never"));
    addRow(tr("Created:"),
           tr("%1 by %2").arg(timeWithRelative(key.createdAtMs, now), key.createdByName));
    if (key.updatedAtMs > key.createdAtMs)
        addRow(tr("Changed:"), timeWithRelative(key.updatedAtMs, now));
    if (key.revokedAtMs)
        addRow(tr("Revoked:"), timeWithRelative(*key.revokedAtMs, now));
    m_sections = {};
    m_sections.settings = section(content);
    auto *settingsColumn = static_cast<QVBoxLayout *>(m_sections.settings->layout());
    settingsColumn->addWidget(heading(tr("Settings"), m_sections.settings));
    settingsColumn->addLayout(form);
    settingsColumn->addStretch(1);

    m_sections.secrets = section(content);
    auto *secretsColumn = static_cast<QVBoxLayout *>(m_sections.secrets->layout());
    secretsColumn->addWidget(buildSecrets(m_sections.secrets));
    secretsColumn->addWidget(heading(tr("Notes"), m_sections.secrets));
    secretsColumn->addWidget(key.notes.isEmpty() ? hintText(tr("No notes."), m_sections.secrets)
                                                 : valueLabel(key.notes, m_sections.secrets, true));
    secretsColumn->addStretch(1);

    m_sections.history = section(content);
    auto *historyColumn = static_cast<QVBoxLayout *>(m_sections.history->layout());
    historyColumn->addWidget(heading(tr("History"), m_sections.history));
    historyColumn->addWidget(buildHistory(m_sections.history));
    historyColumn->addStretch(1);

    if (m_usage) {
        m_sections.usage = section(content);
        auto *usageColumn = static_cast<QVBoxLayout *>(m_sections.usage->layout());
        usageColumn->setSpacing(2);
        usageColumn->addWidget(m_usageHeader);
        usageColumn->addWidget(m_usageSummary);
        usageColumn->addWidget(m_chart, 1);
        usageColumn->addWidget(m_chartLegend);
        m_sections.requests = m_requestLogBox;
        for (QWidget *usageWidget : usageWidgets())
            usageWidget->show();
    }
    return content;
}

QWidget *KeyDetailsPane::section(QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    return box;
}

int KeyDetailsPane::availableWidth() const
{
    // Less a vertical scroll bar whether or not it shows: the choice must not flip when it
    // appears.
    return width() - 2 * frameWidth() - verticalScrollBar()->sizeHint().width();
}

void KeyDetailsPane::arrangeSections()
{
    if (!m_sectionGrid || !m_sections.settings)
        return;
    const auto place = [this](bool wide) {
        QGridLayout *grid = m_sectionGrid;
        for (QWidget *w : {m_sections.settings, m_sections.secrets, m_sections.usage,
                           m_sections.requests, m_sections.history}) {
            if (w)
                grid->removeWidget(w);
        }
        for (int c = 0; c < 3; ++c)
            grid->setColumnStretch(c, 0);
        for (int r = 0; r < 5; ++r)
            grid->setRowStretch(r, 0);
        if (!wide) {
            // One column, in reading order: what the key is, then what happened to it.
            int row = 0;
            for (QWidget *w : {m_sections.settings, m_sections.secrets, m_sections.usage,
                               m_sections.requests, m_sections.history}) {
                if (w)
                    grid->addWidget(w, row++, 0);
            }
            grid->setColumnStretch(0, 1);
            return;
        }
        // Wide: the first row holds what the key is (settings, secrets, usage per day), the
        // second what happened to it (requests, audit history), so both lists of events line
        // up.
        grid->setColumnStretch(0, 4);
        grid->setColumnStretch(1, 3);
        grid->setColumnStretch(2, 4);
        grid->addWidget(m_sections.settings, 0, 0);
        grid->addWidget(m_sections.secrets, 0, 1);
        if (m_sections.usage) {
            grid->addWidget(m_sections.usage, 0, 2);
            grid->addWidget(m_sections.requests, 1, 0, 1, 2, Qt::AlignTop);
            grid->addWidget(m_sections.history, 1, 2);
        } else {
            grid->addWidget(m_sections.history, 0, 2);
        }
    };
    if (m_wideMinimumWidth == 0) {
        // Measured once per key part: how narrow the three columns can be, with the margins.
        place(true);
        m_keyPart->layout()->invalidate();
        m_wideMinimumWidth = m_keyPart->layout()->minimumSize().width();
        m_wide = true;
    }
    const bool wide = availableWidth() >= m_wideMinimumWidth;
    if (wide == m_wide)
        return;
    m_wide = wide;
    place(wide);
}

void KeyDetailsPane::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    arrangeSections();
}

QWidget *KeyDetailsPane::buildUsageHeader(QWidget *parent)
{
    auto *header = new QWidget(parent);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    QLabel *title = heading(tr("Usage in the last 7 days"), header);
    title->setToolTip(tr("Verifiers write usage every few seconds, so the newest requests can "
                         "take a moment to appear."));
    layout->addWidget(title, 1);
    m_refreshButton = new QToolButton(header);
    m_refreshButton->setObjectName(QStringLiteral("refreshUsageButton"));
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setToolTip(tr("Read this key's usage and last use again"));
    m_refreshButton->setAutoRaise(true);
    connect(m_refreshButton, &QToolButton::clicked, this, &KeyDetailsPane::refreshUsage);
    layout->addWidget(m_refreshButton, 0, Qt::AlignBottom);
    return header;
}

void KeyDetailsPane::loadUsage(bool newKey)
{
    if (!m_usage || !m_keyId) {
        m_chart->clear();
        m_requestLog->clear();
        m_usageSummary->clear();
        return;
    }
    const qint64 now = m_clock.nowMs();
    auto report =
        m_usage->usageReport(m_keyId, now, UsageChartView::hoursNeeded(now), kRequestLogLimit);
    if (!report) {
        m_chart->clear();
        m_requestLog->clear();
        m_usageSummary->setText(tr("Usage could not be read: %1").arg(report.errorMessage()));
        setTextColor(m_usageSummary, StatusBadgeDelegate::statusColor(KeyStatus::Revoked));
        return;
    }
    setTextColor(m_usageSummary, palette().color(QPalette::WindowText));
    m_chart->setReport(*report, now);
    m_requestLog->setRequests(report->requests(), m_key.secrets, now);
    if (newKey)
        m_requestLog->table()->scrollToTop();

    // The chart's own days: the report may reach a few hours further back.
    const qint64 total = m_chart->total();
    if (total == 0) {
        m_usageSummary->setText(tr("No requests in the last 7 days."));
    } else {
        QStringList parts;
        for (const OutcomeText::Group group : OutcomeText::kAllGroups) {
            const qint64 n = m_chart->total(group);
            if (n > 0)
                parts.append(OutcomeText::groupCount(group, n));
        }
        m_usageSummary->setText(tr("%Ln request(s): %1", nullptr, int(qMin<qint64>(total, INT_MAX)))
                                    .arg(parts.join(tr(", "))));
    }
    const int shown = int(report->requests().size());
    // Fewer log rows than counted requests: a busy key's log is a sample (UsageBatch), or the
    // oldest rows were trimmed. Say so, or the admin reads the log as the whole traffic.
    QStringList caption;
    if (shown >= kRequestLogLimit)
        caption.append(tr("The newest %1 logged requests.").arg(kRequestLogLimit));
    if (shown < total)
        caption.append(tr("Busy keys log a sample (a few requests per second for each answer); "
                          "the chart counts every request."));
    caption.append(tr("Times are when the service checked the key; hover for the exact time."));
    m_requestLogCaption->setText(caption.join(QLatin1Char(' ')));
}

QString KeyDetailsPane::usageSummary() const
{
    return m_usageSummary->text();
}

QString KeyDetailsPane::requestLogCaption() const
{
    return m_requestLogCaption->text();
}

QString KeyDetailsPane::text() const
{
    QStringList parts;
    if (m_keyPart) {
        for (const QLabel *label : m_keyPart->findChildren<QLabel *>())
            parts.append(label->text());
    } else {
        parts.append(m_placeholder->text());
    }
    return parts.join(QLatin1Char('\n'));
}

} // namespace Keyward
