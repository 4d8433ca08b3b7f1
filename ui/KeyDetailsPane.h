#pragma once

#include "core/ApiKey.h"
#include "core/AuditEvent.h"
#include "core/GrantCatalogue.h"

#include <QScrollArea>
#include <QVector>

#include <optional>

class QFormLayout;
class QGridLayout;
class QLabel;
class QToolButton;
class QVBoxLayout;

namespace Keyward {

class Clock;
class KeyStore;
class RequestLogView;
class UsageChartView;
class UsageSource;

// Everything about the selected key: its settings, each secret (hint, created, grace period,
// last use and where from), its usage in the last seven days, its newest requests and its audit
// history, so "who regenerated this and when" and "does anything still use the old secret?" are
// answered in place.
//
// Usage is written by verifiers a few seconds late and does not count as a change of the vault:
// the window's usage channel (VaultSession::usageRecorded) tells the page which keys were used,
// and the page hands this pane its key through updateUsage(). Both reads are bounded (hourly
// counts of 7 days, the newest kRequestLogLimit requests) and indexed, so they run on the GUI
// thread in milliseconds.
class KeyDetailsPane : public QScrollArea
{
    Q_OBJECT
public:
    static constexpr int kRequestLogLimit = 200;

    explicit KeyDetailsPane(const Clock &clock, QWidget *parent = nullptr);

    // Where fresh last-use times (store) and usage (usage; nullptr: no usage section) are read
    // from; nullptr store: none. Not owned.
    void setStore(KeyStore *store, UsageSource *usage = nullptr);
    // tamperedProblem: why the key's signature does not hold (empty: it holds); the pane then
    // says what that means and what to do, above everything its row claims.
    void showKey(const ApiKey &key, const GrantCatalogue &catalogue,
                 const QVector<AuditEvent> &history, const QString &tamperedProblem = QString());
    void clear();
    // The vault's rotation policy (nullopt: none), for the "Rotation overdue" badge and note;
    // applies from the next showKey().
    void setMaxSecretAge(std::optional<qint64> maxSecretAgeMs)
    {
        m_maxSecretAgeMs = maxSecretAgeMs;
    }
    // Several keys are selected: no single key to show; the placeholder says how many and that
    // the key actions apply to all of them.
    void showSelectionCount(int count);
    // Reads the shown key's usage and its secrets' last use again (the Refresh button).
    void refreshUsage();
    // The shown key's usage was recorded again (fresh: the key with its new last use and
    // refusals, from the window's change channel): shows it and reads the chart and log again.
    // Another key's update is ignored.
    void updateUsage(const ApiKey &fresh);

    // The key shown, or 0.
    qint64 keyId() const { return m_keyId; }
    // Plain text of every value shown, for tests and accessibility checks.
    QString text() const;
    UsageChartView *usageChart() const { return m_chart; }
    RequestLogView *requestLog() const { return m_requestLog; }
    // "312 requests in the last 7 days: ..." or why usage could not be read.
    QString usageSummary() const;
    QString requestLogCaption() const;

private:
    QWidget *buildKeyPart();
    QWidget *buildSecrets(QWidget *parent);
    QWidget *buildSecret(const KeySecret &secret, int index, QWidget *parent);
    QLabel *buildRotationStatus(QWidget *parent);
    QLabel *buildRotationOverdue(QWidget *parent);
    QLabel *buildPreviousSecretSources(QWidget *parent);
    QWidget *buildHistory(QWidget *parent);
    QWidget *buildUsageHeader(QWidget *parent);
    // Made once, moved into each rebuilt key part.
    QList<QWidget *> usageWidgets() const;
    void rebuildKeyPart();
    void clearKey(); // shows the placeholder with whatever text it has
    // Layout only: three columns when the pane is wide enough for them, else one.
    static QWidget *section(QWidget *parent);
    int availableWidth() const;
    void arrangeSections();
    void resizeEvent(QResizeEvent *event) override;
    void loadUsage(bool newKey);

    const Clock &m_clock;
    KeyStore *m_store = nullptr;
    UsageSource *m_usage = nullptr; // null: no usage section
    qint64 m_keyId = 0;
    ApiKey m_key;
    GrantCatalogue m_catalogue;
    QVector<AuditEvent> m_history;
    QString m_tampered;
    std::optional<qint64> m_maxSecretAgeMs;

    QWidget *m_content = nullptr;
    QLabel *m_placeholder = nullptr;
    QVBoxLayout *m_keyPartLayout = nullptr;
    QWidget *m_keyPart = nullptr;
    // The key part's sections (children of m_keyPart, gone with it) and the grid they sit in.
    struct Sections
    {
        QWidget *settings = nullptr;
        QWidget *secrets = nullptr;
        QWidget *usage = nullptr; // with a vault store only
        QWidget *requests = nullptr; // m_requestLogBox, with a vault store only
        QWidget *history = nullptr;
    };
    Sections m_sections;
    QGridLayout *m_sectionGrid = nullptr;
    int m_wideMinimumWidth = 0;
    bool m_wide = true;
    // Made once and moved into each rebuilt key part, so a refresh keeps the log's scroll
    // position and the chart does not flicker.
    QWidget *m_usageHeader = nullptr;
    QLabel *m_usageSummary = nullptr;
    QToolButton *m_refreshButton = nullptr;
    UsageChartView *m_chart = nullptr;
    QWidget *m_chartLegend = nullptr;
    QWidget *m_requestLogBox = nullptr;
    QLabel *m_requestLogCaption = nullptr;
    RequestLogView *m_requestLog = nullptr;
};

} // namespace Keyward
